"""The Function Wizard's metadata, read from the office as Calc reads it: every function of the table
with its category, description and argument names, in English (FunctionDescriptions) and in Indonesian
(the registered configuration for the locale "id")."""
from kpitest import OfficeTestCase, function_table, main
from office import props

ADD_IN_CATEGORY = 11  # Calc's category id of "Add-In" (sc/inc/funcdesc.hxx: ID_FUNCTION_GRP_ADDINS)


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
                names = [a.Name for a in entry["Arguments"]]
                self.assertEqual(names, [a["en_name"] for a in function.get("argument", [])])
                for argument, expected in zip(entry["Arguments"], function.get("argument", [])):
                    self.assertEqual(argument.Description, expected["en"])
                    self.assertNotIn("###", argument.Name)

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
                    self.assertEqual(parameter.Description, argument["id"])
                    self.assertNotEqual(argument["id"], argument["en"], "Indonesian text is the English one")


if __name__ == "__main__":
    main()
