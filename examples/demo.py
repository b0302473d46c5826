#!/usr/bin/env python3
"""Opens a workbook in a headless LibreOffice with the KPI Functions .oxt installed, recalculates it,
prints its Dashboard and KPI sheets as tables, and writes each as PDF and the workbook as .xlsx.

usage: demo.py --oxt build/kpi-functions.oxt --out build/demo examples/kpi-example.fods

Exits with 1 when a KPI cell shows an error or differs from its native-formula twin ("Equal" = NO).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
import uno  # noqa: E402
from office import Office, props  # noqa: E402

SHEETS = ("Dashboard", "KPI")  # printed and written as PDF, in this order


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.getRangeAddress().EndRow + 1, cursor.getRangeAddress().EndColumn + 1


def print_table(sheet):
    rows, columns = used_area(sheet)
    table = [[sheet.getCellByPosition(c, r).getString() for c in range(columns)] for r in range(rows)]
    widths = [max(len(row[c]) for row in table) for c in range(columns)]
    numeric = [c > 0 and all(row[c][:1].isdigit() or row[c][:1] in "-#E" for row in table[1:]) for c in range(columns)]

    def line(row):
        return "  ".join(cell.rjust(w) if num else cell.ljust(w) for cell, w, num in zip(row, widths, numeric)).rstrip()

    print(line(table[0]))
    print("  ".join("-" * w for w in widths))
    for row in table[1:]:
        print(line(row))
    return table


def export_pdf(book, sheet, path):
    """Writes one sheet, landscape, with its charts, as a PDF: the other sheets are hidden meanwhile (a
    cell-range selection would leave the charts out)."""
    page = book.doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    if not page.IsLandscape:
        page.IsLandscape, page.Width, page.Height = True, page.Height, page.Width
    page.ScaleToPages = 1  # one page per sheet
    sheets = book.doc.Sheets
    others = [sheets.getByIndex(i) for i in range(sheets.getCount()) if sheets.getByIndex(i).Name != sheet.Name]
    visible = [s.IsVisible for s in others]
    for other in others:
        other.IsVisible = False
    try:
        book.doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="calc_pdf_Export"))
    finally:
        for other, was_visible in zip(others, visible):
            other.IsVisible = was_visible
    return path


def problems_in(sheet):
    rows, columns = used_area(sheet)
    found = []
    header = [sheet.getCellByPosition(c, 0).getString() for c in range(columns)]
    for r in range(1, rows):
        label = sheet.getCellByPosition(0, r).getString()
        for c in range(1, columns):
            cell = sheet.getCellByPosition(c, r)
            if cell.getError():
                found.append(f"{label}: {header[c]} shows {cell.getString()}")
        if "Equal" in header and sheet.getCellByPosition(header.index("Equal"), r).getString() == "NO":
            found.append(f"{label}: the KPI function and the native formula differ")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("workbook")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(os.path.abspath(args.out), os.path.splitext(os.path.basename(args.workbook))[0])

    problems, written = [], []
    with Office(oxt=args.oxt) as office:
        book = office.open(args.workbook)
        book.recalculate()
        for name in SHEETS:
            sheet = book.use(name).sheet
            print(f"\n{os.path.basename(args.workbook)} - sheet {name}, recalculated in LibreOffice "
                  f"with the installed KPI Functions\n")
            print_table(sheet)
            written.append(export_pdf(book, sheet, f"{base}-{name.lower()}.pdf"))
            problems += problems_in(sheet)
        book.save(base + ".xlsx", "Calc MS Excel 2007 XML")
        written.append(base + ".xlsx")

    print("\nwrote " + "\n      ".join(written))
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems))
        return 1
    print("every KPI cell equals its native formula")
    return 0


if __name__ == "__main__":
    sys.exit(main())
