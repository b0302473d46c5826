"""The example dashboards (examples/kpi-example.fods, English, and examples/dasbor-kpi.fods, Indonesian) as a
user prints them: Calc's own PDF export, with no settings of ours, follows the print setup stored in the
workbook and gives one landscape page per printed sheet (an overview and five sections); their KPIs compute and
equal Calc's own formulas (the Checks sheet); the status reads as words; the Indonesian copy shows Indonesian
months and decimal commas."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import kpitest
import uno
from office import props

EXAMPLES = os.path.join(kpitest.SOURCE_DIR, "examples")
WORKBOOKS = {  # file, its checks sheet, its printed sheets in print order, the status words of its legend
    "en": ("kpi-example.fods", "Checks", ["Overview", "Sales", "Acquisition", "Web", "Customers", "Satisfaction"],
           ["✔ Met", "● Close", "✖ Missed"]),
    "id": ("dasbor-kpi.fods", "Pemeriksaan", ["Ringkasan", "Penjualan", "Akuisisi", "Web", "Pelanggan", "Kepuasan"],
           ["✔ Tercapai", "● Mendekati", "✖ Meleset"]),
}
HEADING_ROW, FIRST_KPI_ROW = 3, 4  # 0-based rows of the section tables (examples/build_example.py TABLE_TOP)


def pdf_pages(path):
    """(width, height) in points of each page, from poppler's pdfinfo."""
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                                                             check=True).stdout, re.M).group(1))
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), path], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


class Dashboard(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = kpitest.shared_office()
        cls.out = tempfile.mkdtemp(prefix="kpi-dashboard-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out, ignore_errors=True)

    def open(self, lang):
        book = self.office.open(os.path.join(EXAMPLES, WORKBOOKS[lang][0]))
        self.addCleanup(book.close)
        book.recalculate()
        return book

    def sheet_names(self, book):
        return list(book.doc.Sheets.getElementNames())

    def each_language(self):
        for lang in WORKBOOKS:
            with self.subTest(lang=lang):
                yield lang

    @unittest.skipUnless(shutil.which("pdfinfo"), "pdfinfo (poppler-utils) is not installed")
    def test_calcs_own_pdf_export_gives_one_landscape_page_per_printed_sheet(self):
        for lang in self.each_language():
            book = self.open(lang)
            sections = WORKBOOKS[lang][2]
            printed = [name for name in self.sheet_names(book) if book.doc.Sheets.getByName(name).getPrintAreas()]
            self.assertEqual(printed, sections, "the sheets with a print range")
            pdf = os.path.join(self.out, f"{lang}.pdf")
            book.doc.storeToURL(uno.systemPathToFileUrl(pdf), props(FilterName="calc_pdf_Export"))
            pages = pdf_pages(pdf)
            self.assertEqual(len(pages), len(sections), f"pages of {pdf}")
            for number, (width, height) in enumerate(pages, start=1):
                self.assertGreater(width, height, f"page {number} is not landscape")
                self.assertAlmostEqual(width, 841.89, delta=1, msg=f"page {number} is not A4")
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                  check=True).stdout
            # every sheet's title is printed, and the charts' month axes read as month names, not dates
            for number, page in enumerate(text.split("\f")[:len(sections)]):
                self.assertIn(sections[number] if sections[number] != "Web" else "Web (GA4)", page)
            self.assertNotRegex(text, r"\b\d{1,2}/\d{1,2}/\d{4}\b")
            months = ("Jan", "Mei", "Agu", "Okt", "Des") if lang == "id" else ("Jan", "May", "Aug", "Oct", "Dec")
            for month in months:
                self.assertRegex(text, rf"\b{month}\b")

    def test_every_kpi_equals_calcs_own_formula_on_the_checks_sheet(self):
        for lang in self.each_language():
            book = self.open(lang)
            checks = book.doc.Sheets.getByName(WORKBOOKS[lang][1])
            cursor = checks.createCursor()
            cursor.gotoEndOfUsedArea(False)
            rows = cursor.getRangeAddress().EndRow + 1
            compared = 0
            for row in range(2, rows):
                label = checks.getCellByPosition(1, row).getString()
                for column in range(2, 5):
                    self.assertEqual(checks.getCellByPosition(column, row).getError(), 0, f"{label}, column {column}")
                self.assertEqual(checks.getCellByPosition(4, row).getValue(), 1,
                                 f"{label}: {checks.getCellByPosition(2, row).getString()} against "
                                 f"{checks.getCellByPosition(3, row).getString()}")
                compared += 1
            self.assertGreaterEqual(compared, 30)

    def test_printed_sheets_show_values_and_status_words_without_errors(self):
        for lang in self.each_language():
            book = self.open(lang)
            _, _, sections, words = WORKBOOKS[lang]
            for name in sections:
                sheet = book.doc.Sheets.getByName(name)
                row = FIRST_KPI_ROW
                while sheet.getCellByPosition(1, row).getFormula():
                    label = sheet.getCellByPosition(0, row).getString()
                    for column in range(1, 4):
                        self.assertEqual(sheet.getCellByPosition(column, row).getError(), 0, f"{name}: {label}")
                    status = sheet.getCellByPosition(3, row)
                    self.assertIn(status.getValue(), (1, 0, -1), f"{name}: {label}")
                    self.assertEqual(status.getString(), words[1 - int(status.getValue())], f"{name}: {label}")
                    row += 1
                self.assertGreater(row, FIRST_KPI_ROW, f"{name} has no KPI rows")

    def test_indonesian_copy_writes_numbers_and_dates_the_indonesian_way(self):
        book = self.open("id")
        sales = book.doc.Sheets.getByName("Penjualan")
        attainment = sales.getCellByPosition(1, FIRST_KPI_ROW + 1)
        self.assertRegex(attainment.getString(), r"^\d+,\d%$")  # decimal comma, no space before %
        self.assertRegex(sales.getCellByPosition(1, FIRST_KPI_ROW).getString(), r"^Rp \d{1,3}(\.\d{3})+$")
        monthly = book.doc.Sheets.getByName("Bulanan")
        self.assertEqual(monthly.getCellByPosition(0, 8).getString(), "Agu 2026")
        english = self.open("en").doc.Sheets.getByName("Sales")
        self.assertRegex(english.getCellByPosition(1, FIRST_KPI_ROW).getString(), r"^Rp \d{1,3}(,\d{3})+$")


if __name__ == "__main__":
    unittest.main()
