"""The Function Wizard's metadata, read from the office as Calc reads it: every function of the table
with its category, description and argument names, in English (FunctionDescriptions) and in Indonesian
(the registered configuration for the locale "id"). The Wizard labels every argument "(optional)", because
every argument is `any`: a required argument's description starts with "Required." / "Wajib diisi.", an
optional one's with "Optional." / "Opsional."."""
import datetime
import importlib.util
import os
import re
import unittest

from kpitest import NA, OXT, SOURCE_DIR, OfficeTestCase, function_table, main
from office import Office, props

_spec = importlib.util.spec_from_file_location("generate", os.path.join(SOURCE_DIR, "oxt-packaging", "generate.py"))
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)
NULL_DATE = datetime.date(1899, 12, 30)  # Calc's default day 0: the serial numbers of dates

ADD_IN_CATEGORY = 11  # Calc's category id of "Add-In" (sc/inc/funcdesc.hxx: ID_FUNCTION_GRP_ADDINS)
REQUIRED = {"en": "Required. ", "id": "Wajib diisi. "}
OPTIONAL = {"en": "Optional. ", "id": "Opsional. "}


def wizard_text(argument, language):
    """What the Wizard must show for an argument: the table's text, after "Required." when it is required."""
    text = argument[language]
    if argument.get("optional"):
        assert text.startswith(OPTIONAL[language]), text
        return text
    return REQUIRED[language] + text


class FunctionWizard(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        smgr = cls.office.ctx.ServiceManager
        descriptions = smgr.createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", cls.office.ctx)
        cls.wizard = {}
        for i in range(descriptions.getCount()):
            entry = {p.Name: p.Value for p in descriptions.getByIndex(i)}
            cls.wizard[entry["Name"]] = entry

    def test_every_function_is_listed_with_its_description_and_arguments(self):
        for function in function_table():
            with self.subTest(function["name"]):
                self.assertIn(function["name"], self.wizard, "not in the Function Wizard")
                entry = self.wizard[function["name"]]
                self.assertEqual(entry["Description"], function["en"])
                self.assertEqual(entry["Category"], ADD_IN_CATEGORY)
                names = [a.Name for a in entry["Arguments"] or ()]
                self.assertEqual(names, [a["en_name"] for a in function.get("argument", [])])
                for argument, expected in zip(entry["Arguments"] or (), function.get("argument", [])):
                    self.assertEqual(argument.Description, wizard_text(expected, "en"))
                    self.assertNotIn("###", argument.Name)

    def test_required_arguments_say_so_and_optional_ones_do_not(self):
        required = optional = 0
        for function in function_table():
            for argument, row in zip(self.wizard[function["name"]]["Arguments"] or (), function.get("argument", [])):
                with self.subTest(function=function["name"], argument=row["en_name"]):
                    if row.get("optional"):
                        optional += 1
                        self.assertFalse(argument.Description.startswith(REQUIRED["en"]), argument.Description)
                        self.assertTrue(argument.Description.startswith(OPTIONAL["en"]), argument.Description)
                    else:
                        required += 1
                        self.assertTrue(argument.Description.startswith(REQUIRED["en"]), argument.Description)
                        self.assertNotIn("Optional", argument.Description)
        self.assertGreater(required, 90)
        self.assertGreater(optional, 15)

    def test_reference_examples_give_their_documented_results(self):
        """Each example of the function reference, computed in Calc, shows the result the reference prints
        (to the digits printed); array examples are entered as array formulas over one row."""
        for function in function_table():
            formula, documented = function["example"]["formula"], function["example"]["result"]
            with self.subTest(formula):
                if documented.startswith("{"):
                    expected = documented_values(documented)
                    self.sheet.array_formula(f"A1:{chr(ord('A') + len(expected) - 1)}1", formula)
                else:
                    expected = [documented]
                    self.sheet.formula("A1", formula)
                self.sheet.recalculate()
                for column, want in enumerate(expected):
                    cell = self.sheet.sheet.getCellByPosition(column, 0)
                    self.assertEqual(cell.getError(), 0, f"{formula} gave an error")
                    if isinstance(want, str) and not want[:1].isdigit() and not want.startswith("-"):
                        self.assertEqual(cell.getString(), want)
                        continue
                    text = str(want) if not isinstance(want, str) else want
                    decimals = len(text.split(".")[1]) if "." in text else 0
                    if function["name"] == "KPI.VERSION":
                        self.assertEqual(cell.getString(), text)
                    else:
                        self.assertAlmostEqual(cell.getValue(), float(text), places=decimals,
                                               msg=f"{formula}: {cell.getValue()} is not {text}")
                self.sheet.sheet.getCellRangeByName("A1:J1").clearContents(1023)

    def area(self, address, formula):
        """The array formula over `address`: each cell's value, or its error code as a string, row by row."""
        self.sheet.array_formula(address, formula)
        self.sheet.recalculate()
        cells = self.sheet.cell(address)
        a = cells.getRangeAddress()
        out = [[f"error {c.getError()}" if c.getError() else c.getValue()
                for c in (self.sheet.sheet.getCellByPosition(col, row)
                          for col in range(a.StartColumn, a.EndColumn + 1))]
               for row in range(a.StartRow, a.EndRow + 1)]
        cells.clearContents(1023)
        return out

    def size(self, formula):
        self.compute(Z1=f"=ROWS({formula[1:]})", Z2=f"=COLUMNS({formula[1:]})")
        return self.sheet.value("Z1"), self.sheet.value("Z2")

    def test_array_functions_fill_the_cells_the_reference_says_to_select(self):
        """Each array function's array_size in the reference: the size of the result, ROWS and COLUMNS give it,
        a smaller selection shows the top-left part, a larger one #N/A in the extra cells."""
        sizes = {f["name"]: f.get("array_size") for f in function_table() if f.get("returns") == "array"}
        self.assertEqual(sorted(sizes), ["KPI.COHORT", "KPI.CONVERSION.CI", "KPI.FUNNEL", "KPI.PERIODS"])
        na = f"error {NA}"
        # KPI.CONVERSION.CI: 1 x 2; one cell is the lower bound, two cells one above the other it twice.
        ci = "=KPI.CONVERSION.CI(75;500)"
        self.assertEqual(self.size(ci), (1, 2))
        lower, upper = self.area("A1:B1", ci)[0]
        self.assertLess(lower, upper)
        self.assertEqual(self.area("A1:A2", ci), [[lower], [lower]])
        self.assertEqual(self.area("A1", ci), [[lower]])
        # KPI.FUNNEL: the shape of its stage counts (a column of 5 here); 3 cells show the first 3 stages.
        self.sheet.fill("H1", [[1000], [400], [100], [50], [10]])
        funnel = "=KPI.FUNNEL(H1:H5)"
        self.assertEqual(self.size(funnel), (5, 1))
        self.assertEqual(self.area("A1:A3", funnel), [[1], [0.4], [0.25]])
        # KPI.PERIODS: 7 columns, a row per month from January to April 2026 (4, March without orders).
        self.sheet.fill("I1", [["a", 46023], ["b", 46054], ["a", 46060], ["c", 46113]])  # Jan 1, Feb 1, Feb 7, Apr 1
        periods = "=KPI.PERIODS(I1:I4;J1:J4)"
        self.assertEqual(self.size(periods), (4, 7))
        whole = self.area("A1:G5", periods)
        self.assertEqual([row[0] for row in whole], [46023, 46054, 46082, 46113, na])  # period starts, then #N/A
        self.assertEqual(self.area("A1:G2", periods), whole[:2])  # smaller: the first periods only
        # KPI.COHORT: a row per cohort (January, February, April), 2 columns + a column per month (4).
        cohort = "=KPI.COHORT(I1:I4;J1:J4)"
        self.assertEqual(self.size(cohort), (3, 6))
        table = self.area("A1:F4", cohort)  # as many rows as months: the row beyond the cohorts is #N/A
        self.assertEqual([row[0] for row in table], [46023, 46054, 46113, na])
        self.assertEqual(table[3], [na] * 6)

    def test_every_function_has_its_indonesian_strings(self):
        config = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.office.ctx)
        functions = config.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            props(nodepath="/org.openoffice.Office.CalcAddIns/AddInInfo/KPI/AddInFunctions", Locale="id"))
        for function in function_table():
            with self.subTest(function["name"]):
                node = functions.getByName(function["method"])
                self.assertEqual(node.DisplayName, function["name"])
                self.assertEqual(node.Description, function["id"])
                for argument in function.get("argument", []):
                    parameter = node.Parameters.getByName(argument["name"])
                    self.assertEqual(parameter.DisplayName, argument["id_name"])
                    self.assertEqual(parameter.Description, wizard_text(argument, "id"))
                    self.assertEqual(parameter.Description.startswith(REQUIRED["id"]), not argument.get("optional"))
                    self.assertNotEqual(argument["id"], argument["en"], "Indonesian text is the English one")


def documented_values(documented, convert=float):
    """The numbers of a documented result, "0.15" or "{2026-01-01;1;1;1}" (a date as its Calc serial number)."""
    values = []
    for text in documented.strip("{}").split(";"):
        text = text.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            values.append(float((datetime.date.fromisoformat(text) - NULL_DATE).days))
        else:
            values.append(convert(text))
    return values


class DecimalComma(unittest.TestCase):
    """In a Calc set to the Indonesian locale (decimal comma, `.` between thousands), each reference example typed
    as docs/functions.id.md writes it gives the documented result, and the decimal point the README warns about
    gives #NAME?, or with three decimals another number."""

    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT, ui_locale="id").__enter__()
        try:
            config = cls.office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", cls.office.ctx)
            l10n = config.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                      props(nodepath="/org.openoffice.Setup/L10N"))
            l10n.replaceByName("ooSetupSystemLocale", "id-ID")  # Tools > Options > Language Settings > Locale
            l10n.commitChanges()
            cls.office.stop()
            cls.office.start()
        except BaseException:
            cls.office.close()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.close()

    def setUp(self):
        self.sheet = self.office.new_sheet()
        self.cell = self.sheet.sheet.getCellRangeByName("A1")

    def tearDown(self):
        self.sheet.close()

    def typed(self, formula):
        """The cell after typing `formula` as a user of this Calc types it."""
        self.cell.FormulaLocal = formula
        self.sheet.recalculate()
        return self.cell

    def test_reference_examples_in_the_indonesian_form_give_their_results(self):
        for function in function_table():
            formula = generate.decimal_comma(function["example"]["formula"])
            documented = function["example"]["result"]
            with self.subTest(formula):
                cell = self.typed(formula)
                self.assertEqual(cell.getError(), 0, f"{formula} gave error {cell.getError()}")
                if function["name"] == "KPI.VERSION":
                    self.assertEqual(cell.getString(), documented)
                    continue
                first = documented_values(documented, str)[0]  # one cell: an array shows its first element
                if isinstance(first, str):
                    decimals = len(first.split(".")[1]) if "." in first else 0
                    first = float(first)
                else:
                    decimals = 0
                self.assertAlmostEqual(cell.getValue(), first, places=decimals)
        self.assertEqual(self.typed("=KPI.CLV(18,95;0,788;0,01)").getString()[:7], "67,2639")

    def test_a_decimal_point_gives_name_or_a_thousands_separated_number(self):
        self.assertEqual(self.typed("=KPI.CLV(18.95;0.788;0.01)").getError(), 525)  # #NAME?
        self.assertEqual(self.typed("=0.025").getValue(), 25)
        self.assertEqual(self.typed("=KPI.LIFETIME(0.025)").getError(), 502)  # the churn rate 25
        # what works in both conventions: percentages and fractions
        self.assertEqual(self.typed("=KPI.ROMI(50000;60%;10000)").getValue(), 2)
        self.assertEqual(self.typed("=KPI.LIFETIME(1/40)").getValue(), 40)


if __name__ == "__main__":
    main()
