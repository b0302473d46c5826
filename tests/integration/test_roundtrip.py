"""A workbook using the KPI functions keeps its formulas when saved as .ods and .xlsx: the files store
KPI.<NAME>(...), and both reload with the same formulas and values."""
import os
import shutil
import tempfile
import zipfile

from kpitest import OfficeTestCase, function_table, main

FORMULAS = {
    "D1": "=KPI.CONVERSION(A1;B1)",
    "D2": "=KPI.ROI(A2;B2)",
    "D3": "=KPI.RETENTION(A3;B3;C3)",
    "D4": "=KPI.ROI(A1:A3;B1:B3)",
    "D5": "=KPI.CONVERSION({10;20};{100;100})",
    "D6": "=KPI.ROI(1;0)",  # an error value survives too
}
# Every function of the table, by its reference example (names with a second dot included).
for row, function in enumerate(function_table(), start=1):
    FORMULAS[f"F{row}"] = function["example"]["formula"]
FORMATS = {"ods": ("calc8", "content.xml"), "xlsx": ("Calc MS Excel 2007 XML", "xl/worksheets/sheet1.xml")}


def stored_names(function, extension, version):
    """The names under which the office may store the function in a file of this format.

    .ods stores the programmatic name, <service>.<METHOD>: KPI.CONVERSION_CI. So does .xlsx in LibreOffice 7.4;
    25.2 and 26.8 (./kpi compat) store the English compatibility name there, the display name KPI.CONVERSION.CI,
    which 7.4 does not read (the README's troubleshooting). Every version reads both back. Versions between 7.4
    and 25.2 are not tested: either name is accepted from them."""
    programmatic, english = "KPI." + function["method"].upper() + "(", function["name"] + "("
    if extension == "ods" or version <= (7, 4):
        return {programmatic}
    return {english} if version >= (25, 2) else {programmatic, english}


class RoundTrip(OfficeTestCase):
    def setUp(self):
        super().setUp()
        self.directory = tempfile.mkdtemp(prefix="kpi-roundtrip-")
        self.sheet.fill("A1", [[75, 500, 0], [150, 100, 0], [1000, 1100, 250]])
        self.compute(**FORMULAS)
        self.before = {a: self.state(self.sheet, a) for a in FORMULAS}

    @staticmethod
    def state(sheet, address):
        """What a user sees (value, error, formula in the UI) and what the API reads (formula)."""
        cell = sheet.cell(address)
        return cell.getValue(), cell.getError(), cell.FormulaLocal, cell.getFormula()

    def tearDown(self):
        super().tearDown()
        shutil.rmtree(self.directory, ignore_errors=True)

    def test_every_function_of_the_table_is_covered(self):
        used = {f.split("(")[0][1:] for f in FORMULAS.values()}
        self.assertEqual(used, {f["name"] for f in function_table()})
        for address, formula in FORMULAS.items():
            if address != "D6":
                self.assertEqual(self.sheet.error(address), 0, f"{formula} gave an error before saving")

    def check_format(self, extension):
        filter_name, stored_part = FORMATS[extension]
        path = os.path.join(self.directory, f"kpi.{extension}")
        self.sheet.save(path, filter_name)

        with zipfile.ZipFile(path) as archive:
            stored = archive.read(stored_part).decode("utf-8")
        version = self.office.version()
        for function in function_table():
            names = stored_names(function, extension, version)
            self.assertTrue(any(name in stored for name in names),
                            f"{extension} of LibreOffice {version} stores none of {sorted(names)}")
        self.assertNotIn("ORG.", stored.upper().replace("ORG.OPENOFFICE", ""), "namespaced names stored")

        reloaded = self.office.open(path)
        try:
            reloaded.recalculate()
            for address, formula in FORMULAS.items():
                with self.subTest(extension=extension, cell=address):
                    self.assertEqual(self.state(reloaded, address), self.before[address])
                    # The UI shows the display name, KPI.CONVERSION.CI, with en-US separators.
                    self.assertEqual(reloaded.cell(address).FormulaLocal, formula.replace(";", ","))
        finally:
            reloaded.close()

    def test_ods(self):
        self.check_format("ods")

    def test_xlsx(self):
        self.check_format("xlsx")


if __name__ == "__main__":
    main()
