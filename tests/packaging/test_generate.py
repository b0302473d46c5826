"""The generator refuses an incomplete or inconsistent function table, generates the add-in's IDL from it,
and reports IDL mismatches.

usage: test_generate.py GENERATOR TABLE
"""
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import unittest

GENERATOR, TABLE = sys.argv[1:3]
spec = importlib.util.spec_from_file_location("generate", GENERATOR)
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)

GOOD_ROW = '''[[function]]
name = "KPI.ROI"
method = "roi"
category = "Add-In"
en = "Return on investment."
id = "Imbal hasil investasi."
errors = "#DIV/0! when cost is 0."
errors_id = "#DIV/0! jika biaya bernilai 0."
example = { formula = "=KPI.ROI(150;100)", result = "0.5" }
  [[function.argument]]
  name = "gain"
  en_name = "gain"
  id_name = "hasil"
  en = "Gain."
  id = "Hasil."
'''
RANGE_ERRORS = '''[range_errors]
en = "Error cells give Err:504."
id = "Sel galat menghasilkan Err:504."
[internal_error]
en = "Err:514 is the extension's own failure."
id = "Err:514 adalah kegagalan ekstensi."
'''
NO_ARGUMENTS = '''[[function]]
name = "KPI.VERSION"
method = "version"
category = "Add-In"
en = "Version."
id = "Versi."
errors = "None."
errors_id = "Tidak ada."
example = { formula = "=KPI.VERSION()", result = "1.0.0" }
'''


def run(table_text, command="xcu", shared=RANGE_ERRORS, output=False):
    """Runs the generator on a table of `shared` and the rows; with `output`, gives the generated text too."""
    with tempfile.TemporaryDirectory() as directory:
        table, out = os.path.join(directory, "functions.toml"), os.path.join(directory, "out")
        with open(table, "w") as f:
            f.write(shared + table_text)
        result = subprocess.run([sys.executable, GENERATOR, command, table, out], capture_output=True, text=True)
        if not output:
            return result
        with open(out, encoding="utf-8") as f:
            return result, f.read()


class Validation(unittest.TestCase):
    def test_a_good_row_generates(self):
        self.assertEqual(run(GOOD_ROW).returncode, 0, run(GOOD_ROW).stderr)

    def test_missing_indonesian_description_is_refused(self):
        result = run(GOOD_ROW.replace('id = "Imbal hasil investasi."\n', ""))
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.ROI: missing 'id'", result.stderr)

    def test_missing_argument_translation_is_refused(self):
        result = run(GOOD_ROW.replace('  id_name = "hasil"\n', ""))
        self.assertEqual(result.returncode, 1)
        self.assertIn("argument gain misses 'id_name'", result.stderr)

    def test_wrong_method_name_is_refused(self):
        result = run(GOOD_ROW.replace('method = "roi"', 'method = "getRoi"'))
        self.assertIn("method must be 'roi'", result.stderr)

    def test_unknown_category_is_refused(self):
        self.assertIn("is not one of Calc's", run(GOOD_ROW.replace('"Add-In"', '"Marketing"')).stderr)

    def test_duplicate_rows_are_refused(self):
        self.assertIn("listed twice", run(GOOD_ROW + GOOD_ROW).stderr)

    def test_missing_range_errors_are_refused(self):
        self.assertIn("[range_errors] misses 'en'", run(GOOD_ROW, shared="").stderr)
        self.assertIn("[range_errors] misses 'id'", run(GOOD_ROW, shared=RANGE_ERRORS.replace("id = ", "# ")).stderr)

    def test_missing_internal_error_is_refused(self):
        without_english = RANGE_ERRORS.replace('en = "Err:514', '# en = "Err:514')
        self.assertIn("[internal_error] misses 'en'", run(GOOD_ROW, shared=without_english).stderr)
        without_indonesian = RANGE_ERRORS.replace('id = "Err:514', '# id = "Err:514')
        self.assertIn("[internal_error] misses 'id'", run(GOOD_ROW, shared=without_indonesian).stderr)

    def test_internal_error_is_said_once_in_the_introduction_of_each_reference(self):
        for command, sentence in (("reference", "**Every function:** Err:514 is the extension's own failure."),
                                  ("reference-id", "**Setiap fungsi:** Err:514 adalah kegagalan ekstensi.")):
            result, reference = run(GOOD_ROW + NO_ARGUMENTS, command=command, output=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn(f"\n{sentence}\n", reference)
            self.assertEqual(reference.count("Err:514"), 1)
            self.assertLess(reference.index("Err:514"), reference.index("## KPI.ROI"))

    def test_range_errors_follow_the_errors_of_each_function_with_an_argument_in_each_language(self):
        result, reference = run(GOOD_ROW + NO_ARGUMENTS, command="reference", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("**Errors:** #DIV/0! when cost is 0. Error cells give Err:504.\n", reference)
        self.assertIn("**Errors:** None.\n", reference)
        self.assertEqual(reference.count("Err:504"), 1)
        result, reference = run(GOOD_ROW + NO_ARGUMENTS, command="reference-id", output=True)
        self.assertIn("**Kemungkinan galat:** #DIV/0! jika biaya bernilai 0. Sel galat menghasilkan Err:504.\n",
                      reference)
        self.assertIn("**Kemungkinan galat:** Tidak ada.\n", reference)
        self.assertEqual(reference.count("Err:504"), 1)

    def test_method_naming_rule(self):
        self.assertEqual(generate.method_for("KPI.ROI"), "roi")
        self.assertEqual(generate.method_for("KPI.CONVERSION.CI"), "CONVERSION_CI")


class WizardDescriptions(unittest.TestCase):
    """Calc's Function Wizard labels every argument "(optional)": a required one's description says so."""

    def parameters(self, table_text):
        result, xcu = run(table_text, output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        return {m.group(1): dict(re.findall(r'<value xml:lang="([^"]+)">([^<]*)</value>', m.group(2)))
                for m in re.finditer(r'<node oor:name="(\w+)" oor:op="replace">\s*<prop oor:name="DisplayName">.*?'
                                     r'<prop oor:name="Description">(.*?)</prop>', xcu, re.S)}

    def test_a_required_argument_starts_with_required_in_both_languages(self):
        parameters = self.parameters(GOOD_ROW + ARRAY_WITH_DOCUMENT)
        self.assertEqual(parameters["gain"], {"en-US": "Required. Gain.", "id": "Wajib diisi. Hasil."})
        self.assertEqual(parameters["customerIds"],
                         {"en-US": "Required. Customer IDs.", "id": "Wajib diisi. ID pelanggan."})

    def test_an_optional_argument_keeps_its_own_text(self):
        self.assertEqual(self.parameters(ARRAY_WITH_DOCUMENT)["grain"],
                         {"en-US": "Optional. Grain.", "id": "Opsional. Satuan."})

    def test_the_reference_shows_the_tables_text_without_the_prefix(self):
        result, reference = run(GOOD_ROW, command="reference", output=True)
        self.assertIn("| `gain` | Gain. |", reference)
        self.assertNotIn("Required.", reference)

    def test_an_optional_argument_that_does_not_say_so_is_refused(self):
        result = run(ARRAY_WITH_DOCUMENT.replace('id = "Opsional. Satuan."', 'id = "Satuan."'))
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.COHORT: optional argument grain: 'id' must start with 'Opsional'", result.stderr)

    def test_a_required_argument_that_says_optional_or_writes_the_prefix_itself_is_refused(self):
        for text in ("Optional. Gain.", "Required. Gain."):
            with self.subTest(text):
                result = run(GOOD_ROW.replace('en = "Gain."', f'en = "{text}"'))
                self.assertEqual(result.returncode, 1)
                self.assertIn("KPI.ROI: required argument gain: 'en' must not start with", result.stderr)
        result = run(GOOD_ROW.replace('id = "Hasil."', 'id = "Wajib diisi. Hasil."'))
        self.assertIn("KPI.ROI: required argument gain: 'id' must not start with", result.stderr)


ARRAY_WITH_DOCUMENT = '''[[function]]
name = "KPI.COHORT"
method = "cohort"
returns = "array"
document = true
category = "Add-In"
en = "Cohorts."
id = "Kohort."
errors = "Err:502 when grain is unknown."
errors_id = "Galat:502 jika satuan tidak dikenal."
example = { formula = "=KPI.COHORT(A2:A9;B2:B9)", result = "a table" }
array_size = { en = "One row per cohort.", id = "Satu baris per kohort." }
  [[function.argument]]
  name = "customerIds"
  en_name = "customer_ids"
  id_name = "id_pelanggan"
  en = "Customer IDs."
  id = "ID pelanggan."
  [[function.argument]]
  name = "grain"
  en_name = "grain"
  id_name = "satuan"
  en = "Optional. Grain."
  id = "Opsional. Satuan."
  optional = true
'''
TEXT_RESULT = NO_ARGUMENTS.replace('method = "version"\n', 'method = "version"\nreturns = "text"\n')


def idl_signatures(text):
    """{method: declaration} of the generated interface, its comments left out."""
    body = re.search(r"interface XKpiFunctions : com::sun::star::uno::XInterface\n\{\n(.*?)\n\};", text, re.S)
    declarations = (line.split("//")[0].strip() for line in body.group(1).splitlines())
    return {re.search(r"(\w+)\(", d).group(1): d for d in declarations if d}


class ArraySize(unittest.TestCase):
    """An array function's row says the cells to select, which the reference shows in both languages."""

    def test_the_reference_says_the_cells_to_select_in_both_languages(self):
        result, reference = run(ARRAY_WITH_DOCUMENT, command="reference", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("\n**Cells to select** for the array formula (select them, type the formula, press "
                      "Ctrl+Shift+Enter). One row per cohort.\n", reference)
        self.assertLess(reference.index("**Cells to select**"), reference.index("| argument |"))
        result, reference = run(ARRAY_WITH_DOCUMENT, command="reference-id", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("\n**Sel yang dipilih** untuk rumus larik (pilih sel-selnya, ketik rumusnya, tekan "
                      "Ctrl+Shift+Enter). Satu baris per kohort.\n", reference)
        self.assertLess(reference.index("**Sel yang dipilih**"), reference.index("| argumen |"))

    def test_an_array_function_without_it_is_refused(self):
        result = run(ARRAY_WITH_DOCUMENT.replace('array_size = { en = "One row per cohort.", ', "# "))
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.COHORT: an array function needs array_size", result.stderr)
        result = run(ARRAY_WITH_DOCUMENT.replace(', id = "Satu baris per kohort."', ""))
        self.assertIn("KPI.COHORT: an array function needs array_size", result.stderr)

    def test_a_function_of_one_value_with_it_is_refused(self):
        row = GOOD_ROW.replace('example = {', 'array_size = { en = "One.", id = "Satu." }\nexample = {')
        result = run(row)
        self.assertEqual(result.returncode, 1)
        self.assertIn('KPI.ROI: array_size is only for returns = "array"', result.stderr)

    def test_every_array_function_of_the_real_table_says_it(self):
        arrays = [f for f in generate.load(TABLE) if f["returns"] == "array"]
        self.assertGreaterEqual(len(arrays), 4)
        for f in arrays:
            self.assertTrue(f["array_size"]["en"] and f["array_size"]["id"], f["name"])


class GeneratedIdl(unittest.TestCase):
    def test_each_row_is_one_method_with_its_result_type_document_and_any_arguments_in_table_order(self):
        result, text = run(GOOD_ROW + ARRAY_WITH_DOCUMENT + TEXT_RESULT, command="idl", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("module org { module kpifunctions {\n", text)
        self.assertTrue(text.endswith("};\n\n}; };\n"))
        self.assertEqual(list(idl_signatures(text).items()), [
            ("roi", "double roi([in] any gain);"),
            ("cohort", "sequence< sequence< any > > cohort([in] com::sun::star::beans::XPropertySet document, "
                       "[in] any customerIds, [in] any grain);"),
            ("version", "string version();"),
        ])

    def test_unknown_result_type_is_refused(self):
        result = run(GOOD_ROW.replace('method = "roi"\n', 'method = "roi"\nreturns = "percent"\n'), command="idl")
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.ROI: returns 'percent' is not one of number, array, text", result.stderr)

    def test_document_that_is_not_a_flag_is_refused(self):
        result = run(GOOD_ROW.replace('method = "roi"\n', 'method = "roi"\ndocument = "yes"\n'), command="idl")
        self.assertIn("KPI.ROI: document is true or false", result.stderr)

    def test_argument_name_that_unoidl_write_rejects_is_refused(self):
        result = run(GOOD_ROW.replace('  name = "gain"', '  name = "net_gain"'), command="idl")
        self.assertEqual(result.returncode, 1)
        self.assertIn("argument net_gain is not a camelCase IDL name", result.stderr)

    def test_the_real_table_gives_every_method_with_the_parameters_check_idl_expects(self):
        functions = generate.load(TABLE)
        signatures = idl_signatures(generate.idl(functions))
        self.assertEqual(list(signatures), [f["method"] for f in functions])
        methods = {m: re.findall(r"\[in\] any (\w+)", d) for m, d in signatures.items()}
        self.assertEqual(generate.check_idl(functions, methods), [])
        # the table's special rows, as Calc calls them
        self.assertTrue(signatures["CONVERSION_CI"].startswith("sequence< sequence< any > > CONVERSION_CI("))
        self.assertIn("periods([in] com::sun::star::beans::XPropertySet document, [in] any customerIds",
                      signatures["periods"])
        self.assertEqual(signatures["version"], "string version();")

    def test_an_unchanged_interface_is_not_rewritten_so_nothing_recompiles(self):
        with tempfile.TemporaryDirectory() as directory:
            out = os.path.join(directory, "XKpiFunctions.idl")
            subprocess.run([sys.executable, GENERATOR, "idl", TABLE, out], check=True)
            os.utime(out, (1, 1))
            subprocess.run([sys.executable, GENERATOR, "idl", TABLE, out], check=True)
            self.assertEqual(os.stat(out).st_mtime, 1)
            with open(out, "a") as f:
                f.write("// edited\n")
            subprocess.run([sys.executable, GENERATOR, "idl", TABLE, out], check=True)
            self.assertNotEqual(os.stat(out).st_mtime, 1)
            with open(out) as f:
                self.assertEqual(f.read(), generate.idl(generate.load(TABLE)))


class IdlComparison(unittest.TestCase):
    def setUp(self):
        self.functions = generate.load(TABLE)

    def test_real_table_has_no_mismatch_with_itself(self):
        methods = {f["method"]: [a["name"] for a in f.get("argument", [])] for f in self.functions}
        self.assertEqual(generate.check_idl(self.functions, methods), [])

    def test_renamed_parameter_is_reported(self):
        methods = {f["method"]: [a["name"] for a in f.get("argument", [])] for f in self.functions}
        methods["roi"] = ["gain", "costs"]
        self.assertEqual(generate.check_idl(self.functions, methods),
                         ["roi: IDL parameters ['gain', 'costs'] != table arguments ['gain', 'cost']"])

    def test_method_missing_on_either_side_is_reported(self):
        methods = {f["method"]: [a["name"] for a in f.get("argument", [])] for f in self.functions}
        del methods["roi"]
        methods["extra"] = []
        self.assertEqual(generate.check_idl(self.functions, methods),
                         ["IDL method extra has no row in the table", "table method roi is not in the IDL"])


class IndonesianReference(unittest.TestCase):
    """docs/functions.id.md: the same table in Indonesian, arguments, errors and notes included."""

    ROW_WITH_NOTES = GOOD_ROW.replace('example = { formula = "=KPI.ROI(150;100)", result = "0.5" }',
                                      'notes = "Gain is the total return."\n'
                                      'notes_id = "Hasil adalah total pengembalian."\n'
                                      'example = { formula = "=KPI.ROI(150;100*0.5)", result = "2" }')

    def test_missing_indonesian_errors_are_refused(self):
        result = run(GOOD_ROW.replace('errors_id = "#DIV/0! jika biaya bernilai 0."\n', ""))
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.ROI: missing 'errors_id'", result.stderr)

    def test_notes_without_their_indonesian_text_are_refused(self):
        result = run(self.ROW_WITH_NOTES.replace('notes_id = "Hasil adalah total pengembalian."\n', ""))
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.ROI: 'notes' without 'notes_id'", result.stderr)
        result = run(self.ROW_WITH_NOTES.replace('notes = "Gain is the total return."\n', ""))
        self.assertIn("KPI.ROI: 'notes_id' without 'notes'", result.stderr)

    def test_an_example_with_a_comma_is_refused(self):
        result = run(GOOD_ROW.replace("=KPI.ROI(150;100)", "=KPI.ROI(150,100)"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("KPI.ROI: the example separates with ';' and has no ','", result.stderr)

    def test_indonesian_reference_has_arguments_errors_and_notes_in_indonesian(self):
        result, reference = run(self.ROW_WITH_NOTES + NO_ARGUMENTS, command="reference-id", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("`KPI.ROI(hasil)`\n\nImbal hasil investasi.\n", reference)
        self.assertIn("| `hasil` | Hasil. |", reference)
        self.assertIn("**Kemungkinan galat:** #DIV/0! jika biaya bernilai 0. Sel galat menghasilkan Err:504.\n",
                      reference)
        self.assertIn("**Catatan:** Hasil adalah total pengembalian.\n", reference)
        self.assertIn("**Setiap fungsi:** Err:514 adalah kegagalan ekstensi.\n", reference)
        self.assertNotIn("Gain", reference)
        self.assertNotIn("#DIV/0! when", reference)

    def test_english_reference_keeps_errors_and_notes_apart_in_english(self):
        result, reference = run(self.ROW_WITH_NOTES, command="reference", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("**Errors:** #DIV/0! when cost is 0. Error cells give Err:504.\n", reference)
        self.assertIn("**Notes:** Gain is the total return.\n", reference)
        self.assertNotIn("biaya", reference)

    def test_a_decimal_example_is_shown_in_both_conventions(self):
        _, english = run(self.ROW_WITH_NOTES, command="reference", output=True)
        self.assertIn("**Example:** `=KPI.ROI(150;100*0.5)` gives `2` "
                      "(with a decimal comma: `=KPI.ROI(150;100*0,5)`).", english)
        _, indonesian = run(self.ROW_WITH_NOTES, command="reference-id", output=True)
        self.assertIn("**Contoh:** `=KPI.ROI(150;100*0,5)` menghasilkan `2` "
                      "(dengan titik desimal: `=KPI.ROI(150;100*0.5)`).", indonesian)
        _, plain = run(GOOD_ROW, command="reference-id", output=True)
        self.assertIn("**Contoh:** `=KPI.ROI(150;100)` menghasilkan `0,5`.", plain)

    def test_decimal_comma_changes_numbers_only(self):
        self.assertEqual(generate.decimal_comma("=KPI.CLV(18.95;0.788;0.01)"), "=KPI.CLV(18,95;0,788;0,01)")
        self.assertEqual(generate.decimal_comma('=KPI.CONVERSION.CI(75;500)'), '=KPI.CONVERSION.CI(75;500)')
        self.assertEqual(generate.decimal_comma('=KPI.DISTINCT({"1.5";2.5})'), '=KPI.DISTINCT({"1.5";2,5})')
        self.assertEqual(generate.decimal_comma("{0.1214; 0.1840}"), "{0,1214; 0,1840}")

    def test_every_row_of_the_real_table_has_its_indonesian_texts(self):
        for f in generate.load(TABLE):
            with self.subTest(f["name"]):
                self.assertTrue(f["errors_id"])
                self.assertEqual(bool(f.get("notes")), bool(f.get("notes_id")))
                self.assertNotEqual(f["errors_id"], f["errors"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
