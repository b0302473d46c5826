#!/usr/bin/env python3
"""Opens a dashboard workbook in a headless LibreOffice with the KPI Functions .oxt installed, recalculates it,
prints its section sheets and its checks as tables, and writes it as PDF (with the print setup stored in the
workbook: one landscape page per section sheet) and as .xlsx.

usage: demo.py --oxt build/kpi-functions.oxt --out build/demo examples/kpi-example.fods [examples/dasbor-kpi.fods]

Exits with 1 when a KPI cell shows an error or differs from Calc's own formula for it (the Checks sheet).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
import uno  # noqa: E402
from office import Office, props  # noqa: E402

CHECKS = ("Checks", "Pemeriksaan")  # the sheet of the checks, in English and Indonesian (examples/build_example.py)


def used_area(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.getRangeAddress().EndRow + 1, cursor.getRangeAddress().EndColumn + 1


def print_table(sheet):
    """Prints the sheet's used area as a table; a row of one text (a title, a legend) is printed as it is."""
    rows, columns = used_area(sheet)
    table = [[sheet.getCellByPosition(c, r).getString() for c in range(columns)] for r in range(rows)]
    grid = [row for row in table if sum(1 for text in row if text) > 1]
    widths = [max(len(row[c]) for row in grid) for c in range(columns)]
    numeric = [c > 0 and all(row[c][:1].isdigit() or row[c][:1] in "-−+#ER" for row in grid[1:])
               for c in range(columns)]

    def line(row):
        return "  ".join(cell.rjust(w) if num else cell.ljust(w) for cell, w, num in zip(row, widths, numeric)).rstrip()

    for row in table:
        print(line(row) if row in grid else row[0])
        if grid and row is grid[0]:
            print("  ".join("-" * w for w in widths))
    return table


def section_sheets(book):
    """The sheets that are printed: those with a print range."""
    sheets = book.doc.Sheets
    return [sheets.getByIndex(i) for i in range(sheets.getCount()) if sheets.getByIndex(i).getPrintAreas()]


def problems_in(sheet, checks):
    """Cells that show an error; on the checks sheet also each KPI that differs from Calc's own formula (its last
    column is 1 when they are equal)."""
    rows, columns = used_area(sheet)
    found = []
    for r in range(rows):
        label = sheet.getCellByPosition(0, r).getString() + " " + sheet.getCellByPosition(1, r).getString()
        for c in range(columns):
            cell = sheet.getCellByPosition(c, r)
            if cell.getError():
                found.append(f"{sheet.Name}: {label.strip()}: shows {cell.getString()}")
        equal = sheet.getCellByPosition(4, r)
        if checks and equal.getFormula().startswith("=") and not equal.getError() and equal.getValue() != 1:
            found.append(f"{sheet.Name}: {label.strip()}: the KPI function and Calc's own formula differ")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("workbooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    problems, written = [], []
    with Office(oxt=args.oxt) as office:
        for workbook in args.workbooks:
            base = os.path.join(os.path.abspath(args.out), os.path.splitext(os.path.basename(workbook))[0])
            book = office.open(workbook)
            book.recalculate()
            sheets = section_sheets(book)
            checks = [book.doc.Sheets.getByName(n) for n in CHECKS if book.doc.Sheets.hasByName(n)]
            for sheet, is_checks in [(s, False) for s in sheets] + [(s, True) for s in checks]:
                print(f"\n{os.path.basename(workbook)} - sheet {sheet.Name}, recalculated in LibreOffice "
                      f"with the installed KPI Functions\n")
                print_table(sheet)
                problems += problems_in(sheet, is_checks)
            if not checks:
                problems.append(f"{workbook}: no sheet named {' or '.join(CHECKS)}")
            # Calc's own PDF export, as File > Export as PDF: the workbook's print setup decides the pages
            book.save(base + ".pdf", "calc_pdf_Export")
            book.save(base + ".xlsx", "Calc MS Excel 2007 XML")
            written += [base + ".pdf", base + ".xlsx"]
            book.close()

    print("\nwrote " + "\n      ".join(written))
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems))
        return 1
    print("every KPI cell equals Calc's own formula for it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
