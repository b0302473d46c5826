#!/usr/bin/env python3
"""Opens a workbook in a headless LibreOffice with the KPI Functions .oxt installed, recalculates it,
prints its KPI sheet as a table, and writes the KPI sheet as PDF and the workbook as .xlsx.

usage: demo.py --oxt build/kpi-functions.oxt --out build/demo examples/kpi-example.fods

Exits with 1 when a KPI cell shows an error or differs from its native-formula twin ("Equal" = NO).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
import uno  # noqa: E402
from office import Office, props  # noqa: E402

KPI_SHEET = "KPI"


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

    with Office(oxt=args.oxt) as office:
        book = office.open(args.workbook)
        book.recalculate()
        sheet = book.use(KPI_SHEET).sheet
        print(f"\n{os.path.basename(args.workbook)} - sheet {KPI_SHEET}, recalculated in LibreOffice "
              f"with the installed KPI Functions\n")
        print_table(sheet)

        rows, columns = used_area(sheet)
        page = book.doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
        if not page.IsLandscape:
            page.IsLandscape, page.Width, page.Height = True, page.Height, page.Width
        selection = sheet.getCellRangeByPosition(0, 0, columns - 1, rows - 1)
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue", props(Selection=selection))
        uno.invoke(book.doc, "storeToURL", (uno.systemPathToFileUrl(base + ".pdf"),
                                           props(FilterName="calc_pdf_Export", FilterData=filter_data)))
        book.save(base + ".xlsx", "Calc MS Excel 2007 XML")
        problems = problems_in(sheet)

    print(f"\nwrote {base}.pdf (the {KPI_SHEET} sheet) and {base}.xlsx (the workbook)")
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems))
        return 1
    print("every KPI cell equals its native formula")
    return 0


if __name__ == "__main__":
    sys.exit(main())
