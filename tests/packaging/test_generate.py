"""The generator refuses an incomplete or inconsistent function table, and reports IDL mismatches.

usage: test_generate.py GENERATOR TABLE
"""
import importlib.util
import os
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
'''
NO_ARGUMENTS = '''[[function]]
name = "KPI.VERSION"
method = "version"
category = "Add-In"
en = "Version."
id = "Versi."
errors = "None."
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

    def test_range_errors_follow_the_errors_of_each_function_with_an_argument_in_both_languages(self):
        result, reference = run(GOOD_ROW + NO_ARGUMENTS, command="reference", output=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("**Errors:** #DIV/0! when cost is 0. Error cells give Err:504. "
                      "*Indonesia:* Sel galat menghasilkan Err:504.", reference)
        self.assertIn("**Errors:** None.\n", reference)
        self.assertEqual(reference.count("Err:504"), 2)

    def test_method_naming_rule(self):
        self.assertEqual(generate.method_for("KPI.ROI"), "roi")
        self.assertEqual(generate.method_for("KPI.CONVERSION.CI"), "CONVERSION_CI")


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


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
