#!/usr/bin/env python3
"""Builds a KPI sheet from exports (.csv, .xlsx, .ods) in a private headless LibreOffice with the KPI
Functions .oxt installed, through the same SheetBuilder service as the menu command. ./kpi sheet runs it.

usage: kpi_sheet.py --oxt OXT INPUT... [-o OUTPUT.ods|.xlsx] [--grain G] [--lang en|id] [--report FILE]
                    [--pdf FILE] [--date-order dmy|mdy|ymd]

Several inputs become one workbook with one data sheet per file (a workbook's sheets each), named after the
file. A CSV's separator (comma, semicolon, tab, pipe), encoding (UTF-8 with or without BOM) and number
style are detected; ISO dates become dates, other text dates stay text unless --date-order says how to
read them. Prints what was detected, the KPIs and where the output went; exits with 1 and a one-line
reason when an input is missing or unreadable, no table is recognisable, or the output cannot be written.
"""
import argparse
import csv
import io
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(HERE)
OUTPUT_FILTERS = {".ods": "calc8", ".xlsx": "Calc Office Open XML"}
INPUT_TYPES = (".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods", ".fods")
SEPARATORS = {",": 44, ";": 59, "\t": 9, "|": 124}
# The CSV filter's column formats: 1 standard, 2 text, and the date orders.
STANDARD, TEXT = 1, 2
DATE_ORDER_FORMAT = {"mdy": 3, "dmy": 4, "ymd": 5}
LANGUAGE_ID = {"en-US": 1033, "id-ID": 1057}
SAMPLE_LINES = 200

ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?(\s*(Z|[+-]\d{2}(:?\d{2})?))?\s*$")
OTHER_DATE = re.compile(r"^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$")
DOTTED_THOUSANDS = re.compile(r"^\s*-?\d{1,3}(\.\d{3})+(,\d+)?\s*$")
COMMA_DECIMAL = re.compile(r"^\s*-?\d+,\d+\s*$")


class Failure(Exception):
    """A reason to stop, printed as one line."""


# ---- inputs ----

def check_input(path):
    if not os.path.exists(path):
        raise Failure(f"{path}: no such file")
    if not os.path.isfile(path):
        raise Failure(f"{path}: not a file")
    try:
        with open(path, "rb") as f:
            f.read(1)
    except OSError as e:
        raise Failure(f"{path}: cannot read it ({e.strerror})")
    if not path.lower().endswith(INPUT_TYPES):
        raise Failure(f"{path}: not a spreadsheet or CSV file (use .csv, .xlsx, .ods)")


def read_sample(path):
    """The first lines of a text file as text, and whether it starts with a UTF-8 BOM."""
    with open(path, "rb") as f:
        head = f.read(256 * 1024)
    bom = head.startswith(b"\xef\xbb\xbf")
    if bom:
        head = head[3:]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # not just a character cut at the end of the sample
            raise Failure(f"{path}: not UTF-8 text (byte {e.start}): save the export as UTF-8 CSV")
        text = head[:e.start].decode("utf-8")
    lines = text.splitlines()
    return lines[:SAMPLE_LINES] if len(lines) > 1 else lines, bom


def sniff_separator(lines):
    """The separator whose count per line is the same on most lines (and above zero), by preference
    comma, semicolon, tab, pipe."""
    best, best_score = ",", -1
    for separator in SEPARATORS:
        counts = []
        for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=separator):
            if row:
                counts.append(len(row) - 1)
        if not counts or max(counts) == 0:
            continue
        typical = max(set(counts), key=counts.count)
        score = counts.count(typical) * 1000 + typical if typical > 0 else -1
        if score > best_score:
            best, best_score = separator, score
    return best


def csv_filter_options(path, date_order):
    lines, _ = read_sample(path)
    if not lines:
        raise Failure(f"{path}: the file is empty")
    separator = sniff_separator(lines)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=separator))
    columns = max((len(r) for r in rows), default=0)
    body = rows[1:] if len(rows) > 1 else rows
    formats = []
    continental = 0
    for c in range(columns):
        values = [r[c] for r in body if c < len(r) and r[c].strip()]
        continental += sum(1 for v in values if DOTTED_THOUSANDS.match(v) or COMMA_DECIMAL.match(v))
        if values and all(OTHER_DATE.match(v) and not ISO_DATE.match(v) for v in values):
            # Read in the order the user gave; without one they stay text (the report warns), never guessed
            # from the office's locale, which would read 03/04/2026 as March 4 without a word.
            formats.append(f"{c + 1}/{DATE_ORDER_FORMAT[date_order] if date_order else TEXT}")
        else:
            formats.append(f"{c + 1}/{STANDARD}")
    # 1.234.567 and 12,5 are numbers the Indonesian way (and most of Europe's): read them so.
    language = LANGUAGE_ID["id-ID" if continental else "en-US"]
    tokens = [str(SEPARATORS[separator]), "34", "76", "1", "/".join(formats), str(language), "false", "true"]
    return ",".join(tokens), separator


# ---- the workbook ----

def valid_sheet_name(name, taken, limit):
    name = re.sub(r"[\[\]*?:/\\]", "_", name).strip().strip("'") or "Data"
    name = name[:limit]
    candidate, n = name, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate = name[:limit - len(suffix)] + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate


def load(office, path, date_order):
    """The input as a document: a CSV through the text filter with the detected options."""
    import uno
    from office import props
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    if path.lower().endswith((".csv", ".txt", ".tsv")):
        options, _ = csv_filter_options(path, date_order)
        arguments = props(Hidden=True, FilterName="Text - txt - csv (StarCalc)", FilterOptions=options)
    else:
        arguments = props(Hidden=True)
    try:
        doc = office.desktop.loadComponentFromURL(url, "_blank", 0, arguments)
    except Exception as e:  # the office's IOException/IllegalArgumentException for a file it cannot read
        raise Failure(f"{path}: cannot read it as a spreadsheet ({type(e).__name__})")
    if doc is None or not hasattr(doc, "Sheets"):
        if doc is not None:
            doc.close(True)
        raise Failure(f"{path}: cannot read it as a spreadsheet")
    office.documents.append(doc)
    return doc


def combine(office, paths, date_order, limit):
    """One workbook with a data sheet per input file (per sheet of an input workbook), named after the
    files. A single input is the workbook itself."""
    taken = set()
    if len(paths) == 1:
        doc = load(office, paths[0], date_order)
        if paths[0].lower().endswith((".csv", ".txt", ".tsv")):
            sheet = doc.Sheets.getByIndex(0)
            sheet.Name = valid_sheet_name(os.path.splitext(os.path.basename(paths[0]))[0], taken, limit)
        return doc
    import uno  # noqa: F401  (the office module has set up the UNO runtime)
    from office import props
    target = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
    office.documents.append(target)
    placeholder = target.Sheets.getByIndex(0).Name
    for path in paths:
        source = load(office, path, date_order)
        stem = os.path.splitext(os.path.basename(path))[0]
        names = source.Sheets.ElementNames
        for name in names:
            wanted = stem if len(names) == 1 else f"{stem} - {name}"
            new_name = valid_sheet_name(wanted, taken, limit)
            position = target.Sheets.Count
            target.Sheets.importSheet(source, name, position)
            target.Sheets.getByIndex(position).Name = new_name
        office.documents.remove(source)
        source.close(True)
    target.Sheets.removeByName(placeholder)
    return target


# ---- output ----

def check_output(path):
    extension = os.path.splitext(path)[1].lower()
    if extension not in OUTPUT_FILTERS:
        raise Failure(f"{path}: cannot write a {extension or 'file without extension'}: use .ods or .xlsx")
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise Failure(f"{path}: cannot write it: the directory {directory} does not exist")
    if not os.access(directory, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise Failure(f"{path}: cannot write it: permission denied")
    return OUTPUT_FILTERS[extension]


def shown(value):
    if isinstance(value, str) or value is None:
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}"


def print_report(report, output):
    print("Detected:")
    for table in report["tables"]:
        roles = ", ".join(f"{role}={c['column']} ({c['header']})" for role, c in table["columns"].items())
        print(f"  {table['name']}: {table['kind']}, {table['sheet']}!{table['range']}, {table['rows']} rows"
              + (f"; {roles}" if roles else ""))
    if report.get("kpis"):
        print(f"KPIs (sheet {report['sheet']}):")
        width = max(len(k["label"]) for k in report["kpis"])
        for k in report["kpis"]:
            print(f"  {k['label']:<{width}}  {shown(k['value']):>16}  {k['id']}")
    if report.get("periods"):
        p = report["periods"]
        print(f"Monitoring by {p['grain']}: {p['rows']} periods in {p['range']}")
    for w in report.get("warnings", []):
        print(f"Warning: {w['sheet']} {w['column']}: {w['message']}".replace("  ", " "))
    print(f"Wrote {output}")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="kpi sheet", description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--output", help="the workbook to write, .ods or .xlsx (default: "
                                                "<first input>-kpi.ods beside it)")
    parser.add_argument("--grain", default="month", help="day, week, month, quarter or year (default month)")
    parser.add_argument("--lang", default="en", help="the labels' language, en or id (default en)")
    parser.add_argument("--report", help="also write the report as JSON to this file")
    parser.add_argument("--pdf", help="also write the KPI sheet as PDF to this file (as Calc prints it)")
    parser.add_argument("--date-order", choices=sorted(DATE_ORDER_FORMAT),
                        help="how to read text dates such as 03/04/2026 in CSV files")
    parser.add_argument("--oxt", default=os.path.join(SOURCE_DIR, "build", "kpi-functions.oxt"))
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        for path in args.inputs:
            check_input(path)
        output = args.output or os.path.join(
            os.path.dirname(os.path.abspath(args.inputs[0])),
            os.path.splitext(os.path.basename(args.inputs[0]))[0] + "-kpi.ods")
        filter_name = check_output(output)
        if args.report:
            check_output_report(args.report)
        if args.pdf:
            check_output_report(args.pdf)
        if not os.path.isfile(args.oxt):
            raise Failure(f"{args.oxt} does not exist: build it first (./kpi build)")
        # The UNO runtime must know the add-in's types before it starts (see office.py).
        os.environ["KPI_OXT"] = os.path.abspath(args.oxt)
        sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "integration"))
        from office import Office, props
        import uno
        with Office(oxt=args.oxt) as office:
            limit = 31 if output.lower().endswith(".xlsx") else 100
            doc = combine(office, args.inputs, args.date_order, limit)
            builder = office.ctx.ServiceManager.createInstanceWithContext("org.kpifunctions.SheetBuilder",
                                                                          office.ctx)
            try:
                report = json.loads(builder.build(doc, props(Grain=args.grain, Language=args.lang)))
            except Exception as e:
                message = getattr(e, "Message", str(e)).splitlines()[0]
                raise Failure(re.sub(r"^(SheetBuilder|KPI sheet): ", "", message))
            try:
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(output)), props(FilterName=filter_name))
            except Exception as e:
                raise Failure(f"{output}: cannot write it ({type(e).__name__})")
            if args.pdf:
                export_pdf(doc, report["sheet"], args.pdf, props)
        if args.report:
            with open(args.report, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=2, ensure_ascii=False)
        print_report(report, output)
        print(f"({time.monotonic() - started:.1f} s)")
        return 0
    except Failure as e:
        print(f"kpi sheet: {e}", file=sys.stderr)
        return 1


def export_pdf(doc, name, path, props):
    """Writes the KPI sheet as PDF with the page setup the builder wrote: the other sheets are hidden
    meanwhile (a selection of cells would leave the chart out)."""
    import uno
    sheets = doc.Sheets
    others = [sheets.getByIndex(i) for i in range(sheets.getCount()) if sheets.getByIndex(i).Name != name]
    visible = [sheet.IsVisible for sheet in others]
    for sheet in others:
        sheet.IsVisible = False
    try:
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), props(FilterName="calc_pdf_Export"))
    except Exception as e:
        raise Failure(f"{path}: cannot write it ({type(e).__name__})")
    finally:
        for sheet, was_visible in zip(others, visible):
            sheet.IsVisible = was_visible


def check_output_report(path):
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory) or not os.access(directory, os.W_OK):
        raise Failure(f"{path}: cannot write the report there")


if __name__ == "__main__":
    sys.exit(main())
