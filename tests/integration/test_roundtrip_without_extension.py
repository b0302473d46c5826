"""Nothing lost: a workbook with KPI formulas goes through a LibreOffice that does not have the extension and
back. An office with the extension saves it as .ods and as .xlsx; a second office, with a fresh profile where
the .oxt is not installed, opens each file and saves it again (once as it is, once after the user changed an
input and recalculated); the office with the extension opens that file again.

The workbook: scalar KPI formulas, KPI calls inside native formulas, array formulas (KPI.CONVERSION.CI,
KPI.FUNNEL, KPI.COHORT and KPI.PERIODS over cells; one over more rows than its result, one over fewer cells),
and every function's reference example from addin/functions.toml (array results as array formulas over the
size of their result).

What Calc 7.4 does, step by step (each pinned by a test below; LibreOffice 26.8 does the same):
- Without the extension the formulas read with the KPI names in lower case, an array formula keeps its range:
  =kpi.roi(A2;B2), {=kpi.conversion_ci(A1;B1)} (the name the file stores: in .xlsx of LibreOffice 25.2 and
  later the display name, {=kpi.conversion.ci(A1;B1)}). Most KPI cells show #NAME? (error 525) at once, at
  the default "Never recalculate" on file load: in .ods every one whose result is a number or an error, in
  .xlsx every array formula and every cell whose result was an error. The others keep showing their last
  result until a hard recalculation, or "Always recalculate", turns them to #NAME? too: in .ods a text result
  (=IF(KPI.ROI(A2;B2)>0;"up";"down"), KPI.VERSION()), in .xlsx a number or a text.
- Saved there, the file stores every formula with the names in lower case (of:=kpi.roi([.A2];[.B2]),
  <f>kpi.roi(A2,B2)</f>) and every array formula with its range, and #NAME? as the result of every cell that
  showed it.
- Opened with the extension again, every KPI cell shows its value on opening, before any recalculation, at
  "Never recalculate" as at "Always recalculate": the names bind (Calc's names are case-insensitive) and Calc
  computes every cell whose stored result is #NAME? (a number .xlsx kept shows as stored, 15 significant
  digits, until recalculated, as in any .xlsx). After calculateAll the values are the original ones to the last
  digit, or those of the changed input. Saved again, the file is what the original was: KPI.ROI(...), the
  values. Nothing to repair.
What is lost is the results stored in the file saved without the extension: there, and in any program
without the extension, a reader sees #NAME?. The README's troubleshooting says so and gives the way out,
tested by ValuesCopy: a copy made with Data > Calculate > Formula to Value reads the same without it."""
import os
import re
import shutil
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, replace

from kpitest import DIV0, NA, OXT, function_table, main, shared_office
from office import props
from test_menu import GUI_TOOLS, Display, GuiOffice, gui_soffice

NAME = 525  # Calc's #NAME?: an unknown function
TEXT_RESULT, ERROR_RESULT = 2, 4  # com.sun.star.sheet.FormulaResult (VALUE is 1)
FORMATS = {"ods": "calc8", "xlsx": "Calc MS Excel 2007 XML"}
NAME_STORED = {"ods": ("error", "#NAME?"), "xlsx": ("e", "#NAME?")}  # a stored #NAME? result
# Recalculation on File Load (Tools > Options > LibreOffice Calc > Formula): 0 always, 1 never (the default).
ALWAYS, NEVER = 0, 1
JOURNEYS = ("open and save", "edit")

INPUTS = {"A1": [[75, 500, None], [150, 100, None], [1000, 1100, 250]],
          # raw data: customer ID, order date (January to March 2026), amount, order ID
          "P1": [["a", 46023, 10, "o1"], ["b", 46054, 20, "o2"], ["a", 46054, 30, "o3"],
                 ["c", 46082, 40, "o4"], ["b", 46083, 50, "o5"], ["a", 46083, 5, "o5"]],
          "T1": [[1000], [400], [100]]}  # funnel stages
SCALARS = {"D1": "=KPI.CONVERSION(A1;B1)", "D2": "=KPI.ROI(A2;B2)", "D3": "=KPI.RETENTION(A3;B3;C3)",
           "D4": "=KPI.ROI(1;0)",  # an error result
           "D5": '=IF(KPI.ROI(A2;B2)>0;"up";"down")',  # inside native formulas, a text result
           "D6": "=ROUND(KPI.CONVERSION(A1;B1)*100;1)"}
ARRAYS = {"F1:G1": "=KPI.CONVERSION.CI(A1;B1)",
          "F3:F5": '=KPI.FUNNEL(T1:T3;"overall")',
          "H1:L4": '=KPI.COHORT(P1:P6;Q1:Q6;"month";"customers")',  # a row more than the result: #N/A
          "H6:N8": '=KPI.PERIODS(P1:P6;Q1:Q6;"month";R1:R6;S1:S6)',
          "H10:J10": "=KPI.PERIODS(P1:P6;Q1:Q6)"}  # fewer cells than the result: its top-left part
EXAMPLES_FROM_ROW = 20  # every function's reference example, in column F from row 20 down
EDITED_INPUT = ("A2", 300)  # the input the user changes in the office without the extension (ROI's return)
KPI_NAME = re.compile(r"KPI\.[A-Z_.]+(?=\()")


def lower_kpi_names(formula):
    """The formula with the KPI names in lower case, as an office without the extension keeps it."""
    return KPI_NAME.sub(lambda match: match.group(0).lower(), formula)


def names_stored(path):
    """{API name: name stored in the file} of every function: the API's name is KPI.CONVERSION_CI; .ods stores
    it so, and .xlsx of LibreOffice 7.4 too, where 25.2 and later store the display name, KPI.CONVERSION.CI."""
    with zipfile.ZipFile(path) as archive:
        text = archive.read("content.xml" if path.endswith(".ods") else "xl/worksheets/sheet1.xml").decode()
    names = {}
    for function in function_table():
        api = "KPI." + function["method"].upper()
        names[api] = function["name"] if function["name"] + "(" in text and api + "(" not in text else api
    return names


def as_stored(value):
    """A number as Calc 7.4 stores a result in .ods and .xlsx: 15 significant digits."""
    return float(f"{value:.15g}")


def column_name(index):
    return chr(ord("A") + index)  # the workbook stays within column Z


def cells_of(area):
    """The addresses of the cells of "H1:L4", row by row."""
    (c1, r1), (c2, r2) = (re.match(r"([A-Z])(\d+)$", a).groups() for a in area.split(":"))
    return [f"{chr(c)}{r}" for r in range(int(r1), int(r2) + 1) for c in range(ord(c1), ord(c2) + 1)]


def absolute(area):
    """"H1:L4" as Calc's absolute name on the first sheet: "$Sheet1.$H$1:$L$4"."""
    return "$Sheet1." + ":".join(re.sub(r"([A-Z])(\d+)", r"$\1$\2", a) for a in area.split(":"))


@dataclass(frozen=True)
class CellState:
    """What a user sees in a cell and what the API reads."""
    value: float
    error: int
    text: str
    result: int  # FormulaResult: 1 a number, TEXT_RESULT or ERROR_RESULT
    formula: str  # in the API's grammar: the stored name, KPI.CONVERSION_CI
    formula_local: str  # as the UI shows it (en-US): the display name, KPI.CONVERSION.CI
    array: str  # the array formula's range, "$Sheet1.$H$1:$L$4" (outside one: the cell itself)


def cell_state(sheet, address):
    cell = sheet.cell(address)
    cursor = sheet.sheet.createCursorByRange(cell)
    cursor.collapseToCurrentArray()
    return CellState(cell.getValue(), cell.getError(), cell.getString(), cell.FormulaResultType2,
                     cell.getFormula(), cell.FormulaLocal, cursor.AbsoluteName)


def stored_cells(path, addresses):
    """The stored cells of the first sheet: {address: (formula, array range, result type, stored result)},
    from content.xml ("2x1": the array's columns and rows) or xl/worksheets/sheet1.xml ("F1:G1")."""
    with zipfile.ZipFile(path) as archive:
        if path.endswith(".ods"):
            cells = _ods_cells(archive.read("content.xml"))
        else:
            cells = _xlsx_cells(archive.read("xl/worksheets/sheet1.xml"))
    return {address: cells.get(address) for address in addresses}


def _ods_cells(xml):
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
          "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
          "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
          "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}

    def attribute(element, name):
        prefix, local = name.split(":")
        return element.get(f"{{{ns[prefix]}}}{local}")

    cells, row = {}, 0
    for table_row in ET.fromstring(xml).find(".//table:table", ns).iter(f"{{{ns['table']}}}table-row"):
        column = 0
        for cell in table_row:
            if cell.tag not in (f"{{{ns['table']}}}table-cell", f"{{{ns['table']}}}covered-table-cell"):
                continue
            repeat = int(attribute(cell, "table:number-columns-repeated") or 1)
            kind = attribute(cell, "calcext:value-type") or attribute(cell, "office:value-type")
            if kind and column + repeat <= 26:
                columns = attribute(cell, "table:number-matrix-columns-spanned")
                array = f"{columns}x{attribute(cell, 'table:number-matrix-rows-spanned')}" if columns else ""
                shown = "".join(p.text or "" for p in cell.findall("text:p", ns))
                result = attribute(cell, "office:value") if kind == "float" else shown
                for i in range(repeat):
                    cells[f"{column_name(column + i)}{row + 1}"] = (attribute(cell, "table:formula"), array, kind,
                                                                    result)
            column += repeat
        row += int(attribute(table_row, "table:number-rows-repeated") or 1)
    return cells


def _xlsx_cells(xml):
    ns = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    cells = {}
    for cell in ET.fromstring(xml).iterfind(".//x:sheetData/x:row/x:c", ns):
        formula, value = cell.find("x:f", ns), cell.find("x:v", ns)
        array = formula.get("ref") if formula is not None and formula.get("t") == "array" else ""
        cells[cell.get("r")] = (formula.text if formula is not None else None, array, cell.get("t"),
                                value.text if value is not None else None)
    return cells


def set_recalculation_on_load(office, mode):
    """Tools > Options > LibreOffice Calc > Formula > Recalculation on File Load, for .ods and .xlsx."""
    provider = office.ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                                  props(nodepath="/org.openoffice.Office.Calc/Formula/Load"))
    access.setPropertyValue("ODFRecalcMode", mode)
    access.setPropertyValue("OOXMLRecalcMode", mode)
    access.commitChanges()


def build_workbook(sheet):
    """Inputs, the formulas above and every function's reference example, computed; returns the addresses of
    the formula cells (every cell of an array formula) and the array formulas' areas."""
    for top_left, rows in INPUTS.items():
        sheet.fill(top_left, rows)
    for address, formula in SCALARS.items():
        sheet.formula(address, formula)
    areas = dict(ARRAYS)
    for area, formula in ARRAYS.items():
        sheet.array_formula(area, formula)
    # The size of each example's result: ROWS and COLUMNS of an array, Err:504 for a single value.
    examples = [function["example"]["formula"] for function in function_table()]
    for row, formula in enumerate(examples, start=1):
        sheet.formula(f"X{row}", f"=ROWS({formula[1:]})")
        sheet.formula(f"Y{row}", f"=COLUMNS({formula[1:]})")
    sheet.recalculate()
    sizes = [(1, 1) if sheet.error(f"X{row}") else (int(sheet.value(f"X{row}")), int(sheet.value(f"Y{row}")))
             for row in range(1, len(examples) + 1)]
    sheet.cell(f"X1:Y{len(examples)}").clearContents(1023)
    addresses, row = list(SCALARS), EXAMPLES_FROM_ROW
    for formula, (rows, columns) in zip(examples, sizes):
        if (rows, columns) == (1, 1):
            sheet.formula(f"F{row}", formula)
            addresses.append(f"F{row}")
        else:
            area = f"F{row}:{column_name(5 + columns - 1)}{row + rows - 1}"
            sheet.array_formula(area, formula)
            areas[area] = formula
        row += rows
    sheet.recalculate()
    return addresses + [address for area in areas for address in cells_of(area)], areas


class WithoutTheExtension(unittest.TestCase):
    """The journeys run once, in setUpClass, for both formats; each test checks one step of them all."""

    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()  # the office with the extension
        cls.directory = tempfile.mkdtemp(prefix="kpi-roundtrip-without-")
        cls.bare = shared_office(oxt=None)  # the second office: a fresh profile, no extension
        try:
            cls.run_journeys()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory, ignore_errors=True)

    @classmethod
    def states(cls, sheet):
        return {address: cell_state(sheet, address) for address in cls.addresses}

    @classmethod
    def run_journeys(cls):
        office, bare, directory = cls.office, cls.bare, cls.directory
        original = office.new_sheet()
        cls.addresses, cls.areas = build_workbook(original)
        cls.before = {"open and save": cls.states(original)}
        original.set(*EDITED_INPUT)
        original.recalculate()
        cls.before["edit"] = cls.states(original)  # what the edited workbook computes with the extension

        cls.stored, cls.without, cls.back, cls.names = {}, {}, {}, {}
        for extension, filter_name in FORMATS.items():
            original.save(os.path.join(directory, f"edited.{extension}"), filter_name)
            cls.stored[extension, "edit", "original"] = stored_cells(os.path.join(directory, f"edited.{extension}"),
                                                                     cls.addresses)
        original.set(EDITED_INPUT[0], INPUTS["A1"][1][0])
        original.recalculate()

        for extension, filter_name in FORMATS.items():
            saved = os.path.join(directory, f"original.{extension}")
            original.save(saved, filter_name)
            cls.stored[extension, "open and save", "original"] = stored_cells(saved, cls.addresses)
            cls.names[extension] = names_stored(saved)

            for journey in JOURNEYS:
                # "open and save": opened without the extension and saved as it is; "edit": opened, an input
                # changed, recalculated (Data > Calculate > Recalculate Hard), saved.
                sheet = bare.open(saved)
                cls.without[extension, journey, "opened"] = cls.states(sheet)
                if journey == "edit":
                    sheet.set(*EDITED_INPUT)
                    sheet.recalculate()
                    cls.without[extension, journey, "recalculated"] = cls.states(sheet)
                without = os.path.join(directory, f"{journey.replace(' ', '-')}-without.{extension}")
                sheet.save(without, filter_name)
                sheet.close()
                cls.stored[extension, journey, "without"] = stored_cells(without, cls.addresses)

                # Back with the extension, at both settings of Recalculation on File Load; then recalculated
                # (Recalculate Hard) and saved again.
                for mode in (ALWAYS, NEVER):
                    set_recalculation_on_load(office, mode)
                    sheet = office.open(without)
                    cls.back[extension, journey, mode, "opened"] = cls.states(sheet)
                    if mode == ALWAYS:
                        sheet.close()
                sheet.recalculate()
                cls.back[extension, journey, NEVER, "recalculated"] = cls.states(sheet)
                again = os.path.join(directory, f"{journey.replace(' ', '-')}-again.{extension}")
                sheet.save(again, filter_name)
                sheet.close()
                cls.stored[extension, journey, "again"] = stored_cells(again, cls.addresses)

            set_recalculation_on_load(bare, ALWAYS)
            sheet = bare.open(saved)
            cls.without[extension, "open and save", "always"] = cls.states(sheet)
            sheet.close()
            set_recalculation_on_load(bare, NEVER)
        original.close()

    def in_array(self, address):
        return ":" in self.before["open and save"][address].array

    def formula_without(self, extension, formula):
        """The formula as the office without the extension reads it: the stored names, in lower case."""
        return lower_kpi_names(KPI_NAME.sub(lambda match: self.names[extension][match.group(0)], formula))

    def shown_without(self, extension, state, address):
        """What the office without the extension shows for a cell whose state with it was `state`, opened at
        "Never recalculate": the last result (.ods: a text; .xlsx: a number or a text, outside an array
        formula) or #NAME?; the formula with the names in lower case, the UI showing the stored name."""
        formula = self.formula_without(extension, state.formula)
        formulas = {"formula": formula, "formula_local": formula.replace(";", ",")}  # en-US separators
        keeps = not self.in_array(address) and (state.result == TEXT_RESULT if extension == "ods"
                                                else state.result != ERROR_RESULT)
        if keeps:
            return replace(state, value=as_stored(state.value), **formulas)
        return replace(state, value=0.0, error=NAME, text="#NAME?", result=ERROR_RESULT, **formulas)

    # ---- the workbook ----
    def test_the_workbook_has_every_function_and_array_formulas_and_computes(self):
        before = self.before["open and save"]
        used = {KPI_NAME.search(state.formula_local).group(0) for state in before.values()}
        self.assertEqual(used, {function["name"] for function in function_table()})
        arrays = {KPI_NAME.search(formula).group(0) for formula in self.areas.values()}
        self.assertLessEqual({"KPI.CONVERSION.CI", "KPI.FUNNEL", "KPI.COHORT", "KPI.PERIODS"}, arrays)
        for area in self.areas:
            for address in cells_of(area):
                self.assertEqual(before[address].array, absolute(area))
        for address, state in before.items():
            with self.subTest(cell=address, formula=state.formula):
                if address == "D4":
                    self.assertEqual(state.error, DIV0)
                elif state.error:  # periods the data has not reached, rows beyond the result
                    self.assertTrue(self.in_array(address) and state.error == NA, state)
        self.assertEqual((before["D5"].text, before["D5"].result), ("up", TEXT_RESULT))
        for extension in FORMATS:
            stored = self.stored[extension, "open and save", "original"]
            for address in list(SCALARS) + [area.split(":")[0] for area in self.areas]:
                self.assertIn("KPI.", stored[address][0], f"{extension} {address}")
            self.assertTrue(all(stored[address][3] for address in self.addresses), f"{extension}: a result missing")

    # ---- in the office without the extension ----
    def test_without_it_kpi_cells_show_name_error_or_their_last_result_and_lower_case_names(self):
        for (extension, journey, step), states in self.without.items():
            if step != "opened":
                continue
            for address, state in states.items():
                with self.subTest(extension=extension, journey=journey, cell=address):
                    self.assertEqual(state, self.shown_without(extension, self.before["open and save"][address],
                                                               address))

    def test_without_it_a_hard_recalculation_or_always_recalculate_gives_name_error_everywhere(self):
        for key in [k for k in self.without if k[2] != "opened"]:
            for address, state in self.without[key].items():
                with self.subTest(step=key, cell=address):
                    self.assertEqual((state.error, state.text), (NAME, "#NAME?"))
                    self.assertEqual(state.formula,
                                     self.formula_without(key[0], self.before["open and save"][address].formula))
                    self.assertEqual(state.array, self.before["open and save"][address].array)

    # ---- the file saved without the extension ----
    def test_the_file_saved_without_it_keeps_every_formula_and_array_range_with_lower_case_names(self):
        for extension in FORMATS:
            original = self.stored[extension, "open and save", "original"]
            for journey in JOURNEYS:
                stored = self.stored[extension, journey, "without"]
                for address in self.addresses:
                    with self.subTest(extension=extension, journey=journey, cell=address):
                        formula, array = original[address][:2]
                        if formula:
                            self.assertIn("KPI.", formula)
                        self.assertEqual(stored[address][:2],
                                         (formula and lower_kpi_names(formula), array))

    def test_the_file_saved_without_it_stores_name_error_as_the_result_of_each_cell_that_showed_it(self):
        for extension in FORMATS:
            original = self.stored[extension, "open and save", "original"]
            for journey, step in (("open and save", "opened"), ("edit", "recalculated")):
                stored = self.stored[extension, journey, "without"]
                for address, shown in self.without[extension, journey, step].items():
                    with self.subTest(extension=extension, journey=journey, cell=address):
                        expected = NAME_STORED[extension] if shown.error == NAME else original[address][2:]
                        self.assertEqual(stored[address][2:], expected)

    # ---- with the extension again ----
    def test_with_it_again_every_cell_shows_its_value_on_opening_whatever_recalculation_on_load_says(self):
        for (extension, journey, mode, step), states in self.back.items():
            stored = self.stored[extension, journey, "without"]
            for address, state in states.items():
                with self.subTest(extension=extension, journey=journey, mode=mode, step=step, cell=address):
                    expected = self.before[journey][address]
                    if (step, extension, mode) == ("opened", "xlsx", NEVER) and stored[address][2] == "n":
                        expected = replace(expected, value=as_stored(expected.value))  # the number kept
                    self.assertEqual(state, expected)

    def test_saved_again_with_it_the_file_is_as_the_original(self):
        for extension in FORMATS:
            for journey in JOURNEYS:
                with self.subTest(extension=extension, journey=journey):
                    self.assertEqual(self.stored[extension, journey, "again"],
                                     self.stored[extension, journey, "original"])


@unittest.skipUnless(all(shutil.which(tool) for tool in GUI_TOOLS), f"needs {', '.join(GUI_TOOLS)}")
@unittest.skipUnless(gui_soffice(), "needs a LibreOffice with a GUI: set KPI_GUI_SOFFICE (see test_menu.py)")
class ValuesCopy(unittest.TestCase):
    """The way out for readers without the extension: a copy of the workbook where Data > Calculate > Formula to
    Value replaced every formula by its result reads the same in an office without it, numbers and texts;
    an error result becomes an empty cell. The command runs in an office with a GUI (on Xvfb): dispatched in a
    headless Calc 7.4 (the svp backend) it aborts the office a moment later, with or without the extension."""

    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="kpi-values-copy-")
        cls.display = Display()
        cls.office = GuiOffice(gui_soffice(), cls.display, oxt=OXT)
        try:
            cls.office.__enter__()
            sheet = cls.office.new_sheet()
            cls.addresses, _ = build_workbook(sheet)
            cls.before = {address: cell_state(sheet, address) for address in cls.addresses}
            sheet.doc.CurrentController.select(sheet.cell(f"A1:Z{EXAMPLES_FROM_ROW + len(function_table()) + 10}"))
            dispatcher = cls.office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", cls.office.ctx)
            dispatcher.executeDispatch(sheet.doc.CurrentController.Frame, ".uno:ConvertFormulaToValue", "", 0, ())
            cls.copies = {}
            for extension, filter_name in FORMATS.items():
                cls.copies[extension] = os.path.join(cls.directory, f"values.{extension}")
                sheet.save(cls.copies[extension], filter_name)
            sheet.close()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.close()
        cls.display.close()
        shutil.rmtree(cls.directory, ignore_errors=True)

    def test_a_copy_with_values_reads_the_same_without_the_extension(self):
        bare = shared_office(oxt=None)
        for extension, path in self.copies.items():
            sheet = bare.open(path)
            try:
                for address, before in self.before.items():
                    with self.subTest(extension=extension, cell=address, formula=before.formula):
                        cell = sheet.cell(address)
                        self.assertFalse(cell.getFormula().startswith(("=", "{")), cell.getFormula())
                        self.assertEqual(cell.getError(), 0)
                        if before.error:
                            self.assertEqual(cell.getString(), "")
                        else:
                            self.assertEqual((cell.getValue(), cell.getString()),
                                             (as_stored(before.value), before.text))
            finally:
                sheet.close()


if __name__ == "__main__":
    main()
