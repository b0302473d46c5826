"""The Function Wizard's metadata, read from the office as Calc reads it: every function of the table
with its category, description and argument names, in English (FunctionDescriptions) and in Indonesian
(the registered configuration for the locale "id"). The Wizard labels every argument "(optional)", because
every argument is `any`: a required argument's description starts with "Required." / "Wajib diisi.", an
optional one's with "Optional." / "Opsional."."""
from kpitest import OfficeTestCase, function_table, main
from office import props

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
                    expected = [float(v) for v in documented.strip("{}").split(";")]
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


if __name__ == "__main__":
    main()
