"""Every bad input in real Calc: every function of the table (addin/functions.toml) called with every kind of
value in every argument position, the other arguments being the function's own example from the table.

The kinds: text, empty text, a blank cell, booleans, error cells referenced and errors inline, huge and tiny
numbers (a denormal too), negative zero, 30,000 characters, emoji, Arabic and combining marks, 2-D ranges,
ranges of the wrong size, an inline array, a whole column, dates far outside Calc's range, an error inside a
range and an argument left empty; in a list position (the spec's R, I and D, and the columns read row by row
with them) each scalar kind again as one cell of a list of the right size; every list of a function as a
whole column at once; and every function with too few and with too many arguments.

Each cell must show a finite number or the error that the spec gives for that kind of input in that kind of
argument (`expected`), never anything else: a raw NaN or infinity cannot reach a cell without an error. The
formulas of one function are computed together in one document, against a watchdog that fails the test on a
hang; after each batch the office must still answer, and a second full recalculation (calculateAll) must
give the same values and errors. The suite prints the count of calls and kinds.

What Calc itself does, found in LibreOffice 7.4 and asserted here:
- a missing argument, or one left empty, reaches the add-in as "void": #VALUE! where it is required (the
  glue's "is missing"), the default where it is optional. Calc does not reject a call with too few arguments.
- an extra argument is Err:504 (Calc rejects the call; the add-in is not called).
- an error in a single-cell argument, referenced or inline, is passed on unchanged (Calc does not call the
  add-in); an error cell inside a range is Err:504.
- a blank cell given alone is the number 0, TRUE and FALSE are 1 and 0, and a number below 2.2E-308 typed
  in a formula (1E-308, 4.9E-324) is Err:502 before anything is called (the formula then reads "=0"), so
  the denormals are put in cells. LibreOffice 26.8 reads such a number and hands it to the add-in: the
  "1E-308 typed" calls then expect what a number gets (TYPED_TINY_READ).
- a whole column costs Calc 0.4 to 1 s per argument to hand over (WHOLE_COLUMN)."""
import collections
import math
import re
import time

from kpitest import DIV0, ERR502, NA, NUM, VALUE, OfficeTestCase, function_table, main
from office import props
from watchdog import watchdog
from com.sun.star.sheet.FillDirection import TO_BOTTOM as DOWN, TO_RIGHT as RIGHT
ALL = 1023  # com.sun.star.sheet.CellFlags: every kind of content

ERR504 = 504  # Calc: wrong number of arguments, or an error cell inside a range given to an add-in
HANG_SECONDS = 120  # a batch computes in a few seconds; one that takes this long is a hang
MAX_ROWS = 1_048_576

# The spec's kind of each argument, in order: N a number or a summed range
# (F a TRUE/FALSE read as a number), W an option word, R a list of numbers, I a list of IDs; P (IDs), D (dates)
# and C (numbers) are lists read row by row together, which must have the same number of cells.
# The table has no such field; a function missing here fails test_every_function_has_its_argument_kinds.
ARGUMENT_KINDS = {
    "KPI.CONVERSION": "NN", "KPI.CONVERSION.CI": "NNN", "KPI.ABTEST": "NNNN", "KPI.UPLIFT": "NNNN",
    "KPI.FUNNEL": "RW", "KPI.CTR": "NN", "KPI.CPC": "NN", "KPI.CPL": "NN", "KPI.CPA": "NN", "KPI.CAC": "NN",
    "KPI.RETENTION": "NNN", "KPI.CHURN": "NNN", "KPI.DISTINCT": "I", "KPI.NEWPROSPECTS": "PDNN",
    "KPI.ACTIVE": "PDNN", "KPI.RETURNING": "PDNN", "KPI.RETENTION.IDS": "II", "KPI.CHURN.IDS": "II",
    "KPI.REPEATRATE": "PP", "KPI.PURCHASEFREQ": "PP", "KPI.COHORT": "PDWWC", "KPI.PERIODS": "PDWCP",
    "KPI.ROI": "NN", "KPI.ROMI": "NNN", "KPI.ROAS": "NN", "KPI.AOV": "NN", "KPI.AOV.IDS": "CP",
    "KPI.MARKETSHARE": "NN", "KPI.SOV": "NN", "KPI.CLV": "NNNNN", "KPI.LIFETIME": "N", "KPI.LTVCAC": "NN",
    "KPI.PAYBACK": "NN",
    "KPI.ENGAGEMENTRATE": "NN", "KPI.BOUNCERATE": "NN", "KPI.PAGESPERSESSION": "NN", "KPI.ENGAGEMENT": "NN",
    "KPI.ENGAGEDSESSIONS": "CCCN", "KPI.NPS": "R", "KPI.CSAT": "RNN", "KPI.GROWTH": "NN", "KPI.CAGR": "NNN",
    "KPI.TREND": "R", "KPI.ATTAINMENT": "NN", "KPI.PACE": "NNNNN", "KPI.REQUIRED": "NNNNN",
    "KPI.STATUS": "NNNF", "KPI.VERSION": "",
}
LISTS, PAIRED = "RIPDC", "PDC"
# Functions that give an array: entered as array formulas over an area of rows x columns, every cell checked.
# KPI.CONVERSION.CI gives 1x2 always (an error in both cells); the others 1x1 for an error, which Calc repeats.
ARRAY_AREAS = {"KPI.CONVERSION.CI": (1, 2), "KPI.FUNNEL": (3, 8), "KPI.COHORT": (3, 8), "KPI.PERIODS": (3, 8)}
ARRAY_FUNCTIONS = set(ARRAY_AREAS)

# What a cell may show when the input is a number (or numbers) of any size: the function's value, or the
# spec's errors of a value outside the domain (Err:502), without a real result (#NUM!) or a zero denominator.
# An array may also hold #N/A (periods not reached, revenue without amounts, Calc's padding) and empty cells.
NUMBERS, ARRAY_NUMBERS = "a finite number or Err:502/#NUM!/#DIV/0!", "finite/empty or Err:502/#NUM!/#DIV/0!/#N/A"
ALLOWED = {NUMBERS: {ERR502, NUM, DIV0}, ARRAY_NUMBERS: {ERR502, NUM, DIV0, NA}}
# The example of the table: a number (in the first cell of an array); KPI.VERSION's, a text.
EXAMPLE, TEXT = "a finite number", "a text"

# Calc takes 0.4 to 1 s to hand an add-in the 1,048,576 cells of a whole column (the add-in's own work is a
# small part of it), so the whole column is given in every list position, where each reader (IDs, dates,
# numbers row by row, values) has its own path, and in the first argument of every other function; the
# number, word and flag arguments after the first read a range through the same code as the first
# (arguments::number in addin/calc_values.cxx), and meet the other ranges of KINDS. These calls are
# computed once, in a document of their own; every other call is recalculated and compared.
WHOLE_COLUMN = "$Vals.$H:$H"

LONG_TEXT = "x" * 29_999 + "\u00e9"  # 30,000 characters
UNICODE = "\U0001F600\U0001F44D\U0001F3FD \u0645\u0631\u062D\u0628\u0627 e\u0301\u0327 \u200d"


class Kind:
    """A kind of value: how it is written as an argument (`argument`, None when it has no direct form), how
    it is written in a cell of a list (`cell`: ("value", x), ("text", s), ("formula", f), ("blank",); None
    when it has none), and what the add-in gets: "text", "empty text", "number", "error" (with `error`, which
    Calc passes on), "range" (of `count` cells) or "void"."""

    def __init__(self, name, argument, cell, nature, error=0, count=1):
        self.name, self.argument, self.cell, self.nature = name, argument, cell, nature
        self.error, self.count = error, count


# The sheet "Vals" of every batch: single cells referenced by some kinds, a 2-D block, a short list, a column.
VALS_CELLS = {"A2": ("formula", "=FALSE()"), "A3": ("formula", "=1/0"), "A4": ("formula", "=NA()"),
              "A5": ("value", 4.9e-324), "A6": ("value", -0.0), "A7": ("text", LONG_TEXT), "A8": ("text", UNICODE),
              "A9": ("value", 1e-308)}
VALS_BLOCK = ("B1", [[1, "a", 2], [None, 3, "b"], [4, 5, 6]])  # 2-D: numbers, text, an empty cell
VALS_SHORT = ("F1", [[46023], [46054]])  # 2 cells: fewer than any example's list
VALS_COLUMN = ("H1", [[46023], [46054], [46060]])  # the rest of column H is empty
VALS_ID_COLUMN = ("I1", [["a"], ["b"], ["a"]])  # and of column I
# Every list of a function as a whole column, as a user types =KPI.COHORT(A:A;B:B): IDs from column I, dates
# and numbers from column H.
WHOLE_COLUMNS = {"P": "$Vals.$I:$I", "D": WHOLE_COLUMN, "C": WHOLE_COLUMN}

# A number below 2.2E-308 typed in a formula: Err:502 in LibreOffice 7.4 and 25.2, read as the number from
# 26.8 on (both found with ./kpi compat). The suite checks which one the office does, with a formula that calls
# no add-in, and that this is what its version is known to do.
TYPED_TINY = "1E-308 typed"
TYPED_TINY_READ = {(7, 4): False, (25, 2): False, (26, 8): True}

KINDS = [
    Kind("text", '"abc"', ("text", "abc"), "text"),
    Kind("empty text", '""', ("formula", '=""'), "empty text"),
    Kind("blank cell", "$Vals.$A$1", ("blank",), "number"),
    Kind("TRUE()", "TRUE()", ("formula", "=TRUE()"), "number"),
    Kind("FALSE cell", "$Vals.$A$2", ("formula", "=FALSE()"), "number"),
    Kind("#DIV/0! cell", "$Vals.$A$3", ("formula", "=1/0"), "error", DIV0),
    Kind("#N/A cell", "$Vals.$A$4", ("formula", "=NA()"), "error", NA),
    Kind("NA() inline", "NA()", None, "error", NA),
    Kind("1/0 inline", "1/0", None, "error", DIV0),
    Kind("1E308", "1E308", ("value", 1e308), "number"),
    Kind("-1E308", "-1E308", ("value", -1e308), "number"),
    Kind("2.3E-308", "2.3E-308", ("value", 2.3e-308), "number"),
    Kind(TYPED_TINY, "1E-308", None, "error", ERR502),  # Calc up to 25.2: a denormal in a formula is Err:502
    Kind("1E-308 cell", "$Vals.$A$9", ("value", 1e-308), "number"),
    Kind("denormal 4.9E-324 cell", "$Vals.$A$5", ("value", 4.9e-324), "number"),
    Kind("-0 cell", "$Vals.$A$6", ("value", -0.0), "number"),
    Kind("-0 inline", "-0", None, "number"),
    Kind("30,000 characters cell", "$Vals.$A$7", ("text", LONG_TEXT), "text"),
    Kind('REPT("x";30000) inline', 'REPT("x";30000)', None, "text"),
    Kind("emoji", '"\U0001F600\U0001F44D\U0001F3FD\U0001F1EE\U0001F1E9"', ("text", "\U0001F600\U0001F1EE\U0001F1E9"),
         "text"),
    Kind("Arabic", '"\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"',
         ("text", "\u0645\u0631\u062D\u0628\u0627"), "text"),
    Kind("combining marks", '"e\u0301\u0327a\u0308\u20dd"', ("text", "E\u0301\u0327"), "text"),
    Kind("unicode cell", "$Vals.$A$8", ("text", UNICODE), "text"),
    Kind("far future date 1E10", "1E10", ("value", 1e10), "number"),
    Kind("far past date -1E10", "-1E10", ("value", -1e10), "number"),
    Kind("ISO date text of year 9999999", '"9999999-12-31"', ("text", "9999999-12-31"), "text"),
    Kind("ISO date text", '"2026-02-14"', ("text", "2026-02-14T10:00:00+07:00"), "text"),
    Kind("2-D range", "$Vals.$B$1:$D$3", None, "range", count=9),
    Kind("short range", "$Vals.$F$1:$F$2", None, "range", count=2),
    Kind("inline array", '{1;"a";2}', None, "range", count=3),
    Kind("whole column", WHOLE_COLUMN, None, "range", count=MAX_ROWS),
    Kind("error inside a range", "$Vals.$A$2:$A$6", None, "error", ERR504),
    Kind("left empty", "", None, "void"),
]


def split_arguments(text):
    """The top-level arguments of a formula's argument list ("a;{1;2};F(1;2)" -> 3 arguments)."""
    parts, depth, quoted, current = [], 0, False, ""
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "({":
            depth += 1
        elif not quoted and ch in ")}":
            depth -= 1
        elif not quoted and depth == 0 and ch == ";":
            parts.append(current)
            current = ""
            continue
        current += ch
    return parts + [current] if parts or current else []


def example_arguments(function):
    match = re.fullmatch(re.escape(f"={function['name']}(") + r"(.*)\)", function["example"]["formula"])
    assert match, function["example"]["formula"]
    return split_arguments(match.group(1))


def inline_values(argument):
    """The values of an inline array {..}, row by row, or None when the argument is not one."""
    if not argument.startswith("{"):
        return None
    values = []
    for item in re.split(r"[;|]", argument[1:-1]):
        values.append(item[1:-1] if item.startswith('"') else float(item))
    return values


def expected(function_name, kinds, required_count, position, kind, example):
    """The error code the call must show, or NUMBERS/ARRAY_NUMBERS, when `kind` is given as argument
    `position` (from 0) of a function whose arguments are of `kinds`, the first `required_count` of them
    required. `example` holds the example's arguments, padded to `position` with empty ones."""
    numbers = ARRAY_NUMBERS if function_name in ARRAY_FUNCTIONS else NUMBERS
    role = kinds[position]
    required = position < required_count
    if kind.nature == "error":
        return kind.error
    if kind.nature == "void":
        return VALUE if required else numbers
    partners = [inline_count(example[p]) for p, r in enumerate(kinds)
                if r in PAIRED and p != position and p < len(example) and example[p]]
    if role in PAIRED and partners:
        return numbers if kind.count == partners[0] else VALUE  # "must have as many cells as ..."
    if role in "NFR":
        return VALUE if kind.nature in ("text", "empty text") else numbers
    if role == "W":
        if kind.nature == "empty text":
            return numbers  # the default word
        return VALUE if kind.nature == "range" else ERR502  # a number is never a valid word
    return numbers  # I, or P with no partner: text and numbers are IDs


def inline_count(argument):
    values = inline_values(argument)
    return 1 if values is None else len(values)


class Call:
    """One formula of a batch, and what its cell (or every cell of its array area) must show."""

    def __init__(self, formula, want, kind_name, where, row, height, width):
        self.formula, self.want, self.kind_name, self.where = formula, want, kind_name, where
        self.row, self.height, self.width = row, height, width


def column_letter(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def write_cell(cell, content):
    how = content[0]
    if how == "value":
        cell.setValue(content[1])
    elif how == "text":
        cell.setString(content[1])
    elif how == "formula":
        cell.setFormula(content[1])


class Batch:
    """A document for the calls of one function at a time: sheet Vals with the referenced values and the
    lists, sheet Calls with the formulas (from A1 down) and, from column K, =ERRORTYPE of each of their cells,
    so that two getDataArray calls read every value and error. start() clears it for the next function."""

    HELPER_COLUMN, FIRST_LIST_COLUMN = 10, 12  # helpers from column K of Calls; lists from column M of Vals

    def __init__(self, office):
        self.office = office
        self.doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        office.documents.append(self.doc)
        self.doc.enableAutomaticCalculation(False)  # calculateAll computes, not each entry
        sheets = self.doc.Sheets
        sheets.getByIndex(0).Name = "Calls"
        sheets.insertNewByName("Vals", 1)
        self.calls_sheet, self.vals = sheets.getByName("Calls"), sheets.getByName("Vals")
        for address, content in VALS_CELLS.items():
            write_cell(self.vals.getCellRangeByName(address), content)
        for top_left, rows in (VALS_BLOCK, VALS_SHORT, VALS_COLUMN, VALS_ID_COLUMN):
            start = self.vals.getCellRangeByName(top_left).getCellAddress()
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if value is not None:
                        write_cell(self.vals.getCellByPosition(start.Column + c, start.Row + r),
                                   ("text", value) if isinstance(value, str) else ("value", value))
        self.calls, self.next_list_column = [], self.FIRST_LIST_COLUMN

    def start(self, function_name):
        """Clears the calls and lists of the previous function."""
        if self.calls:
            rows = len(self.calls) * self.height
            self.calls_sheet.getCellRangeByPosition(0, 0, self.HELPER_COLUMN + self.width - 1,
                                                    rows - 1).clearContents(ALL)
        if self.next_list_column > self.FIRST_LIST_COLUMN:
            self.vals.getCellRangeByPosition(self.FIRST_LIST_COLUMN, 0, self.next_list_column - 1,
                                             20).clearContents(ALL)
        self.function_name = function_name
        self.is_array = function_name in ARRAY_FUNCTIONS
        self.height, self.width = ARRAY_AREAS.get(function_name, (1, 1))
        self.calls, self.next_list_column = [], self.FIRST_LIST_COLUMN

    def list_argument(self, values, first):
        """A list in a column of Vals: `values`, with the first cell written as `first` says."""
        column = self.next_list_column
        self.next_list_column += 1
        self.vals.getCellRangeByPosition(column, 0, column, len(values) - 1).setDataArray(
            tuple((value,) for value in values))
        cell = self.vals.getCellByPosition(column, 0)
        if first[0] == "blank":
            cell.clearContents(ALL)
        else:
            write_cell(cell, first)
        letter = column_letter(column)
        return f"$Vals.${letter}$1:${letter}${len(values)}"

    def add(self, formula, want, kind_name, where=""):
        """A call of `formula`, which must show `want`; `kind_name` and `where` (the argument) say what it tries."""
        self.calls.append(Call(formula, want, kind_name, where, len(self.calls) * self.height, self.height,
                               self.width))

    def enter(self):
        """Enters the formulas: the helpers first, as filling them next to an array formula computes it; one
        setFormula per cell (setFormulaArray costs ~10 ms a cell)."""
        self.calls_sheet.getCellByPosition(self.HELPER_COLUMN, 0).setFormula("=IF(ISERROR(A1);ERRORTYPE(A1);0)")
        helpers = self.helper_range()
        if self.width > 1:
            helpers.getCellRangeByPosition(0, 0, self.width - 1, 0).fillAuto(RIGHT, 1)
        if len(self.calls) * self.height > 1:
            helpers.fillAuto(DOWN, 1)
        for call in self.calls:
            if self.is_array:
                self.calls_sheet.getCellRangeByPosition(0, call.row, self.width - 1,
                                                        call.row + self.height - 1).setArrayFormula(call.formula)
            else:
                self.calls_sheet.getCellByPosition(0, call.row).setFormula(call.formula)

    def helper_range(self):
        rows = len(self.calls) * self.height
        return self.calls_sheet.getCellRangeByPosition(self.HELPER_COLUMN, 0, self.HELPER_COLUMN + self.width - 1,
                                                       rows - 1)

    def results(self):
        """Each call's cells as (error code, value) pairs, row by row."""
        rows = len(self.calls) * self.height
        values = self.calls_sheet.getCellRangeByPosition(0, 0, self.width - 1, rows - 1).getDataArray()
        errors = self.helper_range().getDataArray()
        out = []
        for call in self.calls:
            cells = []
            for r in range(call.row, call.row + call.height):
                for c in range(call.width):
                    cells.append((int(errors[r][c]), values[r][c]))
            out.append(cells)
        return out

    def cell_error(self, call):
        """The error of the call's first cell as the cell itself reports it."""
        return self.calls_sheet.getCellByPosition(0, call.row).getError()

    def close(self):
        if self.doc in self.office.documents:
            self.office.documents.remove(self.doc)
        try:
            self.doc.close(True)
        except Exception:  # the office is gone (a crash, or the watchdog): the test says so already
            pass


def describe(cells):
    return ", ".join(f"error {e}" if e else repr(v) for e, v in cells[:8]) + (" ..." if len(cells) > 8 else "")


def verdict(call, cells):
    """None when the cells show what `call.want` allows, else what is wrong."""
    if call.want in (EXAMPLE, TEXT):
        error, value = cells[0]
        if call.want == TEXT:
            good = not error and isinstance(value, str) and value != ""
        else:
            good = not error and not isinstance(value, str) and math.isfinite(value)
        if not good:
            return f"shows {describe(cells)}, want {call.want}"
        rest = Call(call.formula, ARRAY_NUMBERS, "", "", 0, 0, 0)  # the other cells of an array
        return verdict(rest, cells[1:]) if len(cells) > 1 else None
    if call.want in ALLOWED:
        allowed = ALLOWED[call.want]
        for error, value in cells:
            if error:
                if error not in allowed:
                    return f"error {error}, want {call.want}"
            elif isinstance(value, str):
                if value != "" or call.want != ARRAY_NUMBERS:
                    return f"text {value[:40]!r}, want {call.want}"
            elif not math.isfinite(value):
                return f"raw {value!r}"
        return None
    if any(error != call.want for error, _ in cells):
        return f"shows {describe(cells)}, want error {call.want} in every cell"
    return None


class EveryBadInput(OfficeTestCase):
    table = function_table()

    def test_every_function_has_its_argument_kinds(self):
        names = [f["name"] for f in self.table]
        self.assertEqual(sorted(ARGUMENT_KINDS), sorted(names), "ARGUMENT_KINDS and addin/functions.toml differ")
        for function in self.table:
            self.assertEqual(len(ARGUMENT_KINDS[function["name"]]), len(function.get("argument", [])),
                             f"{function['name']}: one kind per argument")

    def kinds(self):
        """KINDS, with the typed 1E-308 as this office reads it (TYPED_TINY_READ)."""
        self.compute(X1="=1E-308")
        read = self.sheet.error("X1") == 0
        if read:
            self.assertEqual(self.sheet.value("X1"), 1e-308, "=1E-308 is read, but not as 1E-308")
        else:
            self.assertEqual(self.sheet.error("X1"), ERR502, "=1E-308 is refused, but not with Err:502")
        version = self.office.version()
        if version in TYPED_TINY_READ:
            self.assertEqual(read, TYPED_TINY_READ[version], f"LibreOffice {version}: =1E-308 read or refused")
        return [Kind(k.name, k.argument, k.cell, "number") if k.name == TYPED_TINY and read else k for k in KINDS]

    def plan(self, batch, whole_columns, function):
        """Every call of `function`: the example, each kind in each position, too few and too many arguments
        (those with a whole column in `whole_columns`, the others in `batch`)."""
        name, kinds = function["name"], ARGUMENT_KINDS[function["name"]]
        arguments = function.get("argument", [])
        required = sum(1 for a in arguments if not a.get("optional"))
        example = example_arguments(function)
        numbers = ARRAY_NUMBERS if name in ARRAY_FUNCTIONS else NUMBERS

        def formula(args):
            return f"={name}({';'.join(args)})"

        batch.add(function["example"]["formula"], EXAMPLE if arguments else TEXT, "the example")
        for position, role in enumerate(kinds):
            where = f"argument {position + 1}, {arguments[position]['en_name']} ({role})"
            base = example + [""] * (position + 1 - len(example))
            for kind in self.value_kinds:
                if kind.count == MAX_ROWS and role not in LISTS and position > 0:
                    continue  # see WHOLE_COLUMN
                args = list(base)
                args[position] = kind.argument
                (whole_columns if kind.count == MAX_ROWS else batch).add(
                    formula(args), expected(name, kinds, required, position, kind, base), kind.name, where)
            if role not in LISTS:
                continue
            # Each scalar kind as the first cell of a list of the right size: the example's own list, or
            # for an optional list the example does not give, a list as long as the lists it goes with.
            values = inline_values(base[position]) if base[position] else None
            if values is None:
                partner = next(inline_values(base[p]) for p, r in enumerate(kinds)
                               if r in PAIRED and p != position and p < len(example) and base[p])
                values = {"P": [f"o{i}" for i in range(len(partner))], "D": [46023 + i for i in range(len(partner))],
                          "C": [float(i + 1) for i in range(len(partner))]}[role]
            for kind in self.value_kinds:
                if kind.cell is None:
                    continue
                args = list(base)
                args[position] = batch.list_argument(values, kind.cell)
                # Calc stops at an error cell inside a range: Err:504; any other cell is read as the spec says.
                batch.add(formula(args), ERR504 if kind.nature == "error" else numbers, f"{kind.name} in a list",
                          where)
        paired = [p for p, role in enumerate(kinds) if role in PAIRED]
        if paired:
            args = example + [""] * (paired[-1] + 1 - len(example))
            for p in paired:
                args[p] = WHOLE_COLUMNS[kinds[p]]
            whole_columns.add(formula(args), numbers, "every list a whole column", "the lists read together")
        # Too few arguments, from none to all but the last required one: the add-in gets void, #VALUE!.
        for count in range(required):
            batch.add(formula(example[:count]), VALUE, "too few arguments")
        # Too many: Calc rejects the call itself.
        padded = example + [""] * (len(arguments) - len(example))
        batch.add(formula(padded + ["1"]), ERR504, "too many arguments")
        if padded:
            batch.add(formula(padded + [""]), ERR504, "too many arguments")

    def test_every_kind_of_value_in_every_argument_position(self):
        started = time.perf_counter()
        kinds_seen, outcomes, failures = collections.Counter(), collections.Counter(), []
        calls = once = 0
        once_seconds = 0.0
        # (the whole column in a document computed once: see WHOLE_COLUMN)
        self.value_kinds = self.kinds()
        batch, whole_columns = Batch(self.office), Batch(self.office)
        try:
            for function in self.table:
                batch.start(function["name"])
                whole_columns.start(function["name"])
                self.plan(batch, whole_columns, function)
                for each, recalculate in ((batch, True), (whole_columns, False)):
                    batch_started = time.perf_counter()
                    checked = self.run_batch(each, recalculate)
                    once_seconds += 0 if recalculate else time.perf_counter() - batch_started
                    for call, problem, cells in checked:
                        calls += 1
                        once += not recalculate
                        kinds_seen[call.kind_name] += 1
                        outcomes[f"error {cells[0][0]}" if cells[0][0] else "number"] += 1
                        if problem:
                            failures.append(f"{call.formula[:200]} [{call.kind_name}; {call.where}]: {problem}")
                self.assertAlive()
        finally:
            batch.close()
            whole_columns.close()
        elapsed = time.perf_counter() - started
        positions = sum(len(k) for k in ARGUMENT_KINDS.values())
        lists = sum(k in LISTS for ks in ARGUMENT_KINDS.values() for k in ks)
        print(f"\nbad input: {calls} calls of {len(self.table)} functions in {elapsed:.1f} s: {len(KINDS)} kinds "
              f"of value in each of {positions} argument positions, each scalar kind again as a cell of a list in "
              f"the {lists} list positions, every list a whole column, too few and too many arguments: "
              f"{len(kinds_seen)} kinds of call in all; every call but the {once} with a whole column "
              f"({once_seconds:.1f} s) recalculated and compared", flush=True)
        print("calls per kind: " + "; ".join(f"{k} {n}" for k, n in sorted(kinds_seen.items())), flush=True)
        print("first cells: " + "; ".join(f"{k} {n}" for k, n in sorted(outcomes.items())), flush=True)
        self.assertFalse(failures, f"{len(failures)} of {calls} calls:\n" + "\n".join(failures[:60]))

    def run_batch(self, batch, recalculate):
        """Computes the batch (twice when `recalculate`) under the watchdog; each call with what is wrong
        with it (None when nothing is) and its cells. Every 8th call's first cell is also asked for its error
        directly, to show that the ERRORTYPE helpers read what the cells show."""
        if not batch.calls:
            return []
        with watchdog(self.office, f"{batch.function_name}: a batch of {len(batch.calls)} calls", HANG_SECONDS):
            batch.enter()
            batch.doc.calculateAll()
            first = batch.results()
            direct = {i: batch.cell_error(call) for i, call in enumerate(batch.calls) if i % 8 == 0}
            if recalculate:
                batch.doc.calculateAll()
                second = batch.results()
        self.assertIsNone(self.office.process.poll(), f"the office exited during a batch of {batch.function_name}")
        out = []
        for index, (call, cells) in enumerate(zip(batch.calls, first)):
            problem = verdict(call, cells)
            if direct.get(index, cells[0][0]) != cells[0][0]:
                problem = f"getError {direct[index]} but ERRORTYPE {cells[0][0]}"
            if recalculate and second[index] != cells:
                problem = f"recalculation changed it: {describe(cells)} -> {describe(second[index])}"
            out.append((call, problem, cells))
        return out

    def assertAlive(self):
        """The office still answers and still computes the add-in's functions."""
        self.assertIsNone(self.office.process.poll(), "the office has exited")
        self.sheet.formula("A1", "=KPI.ROI(150;100)")
        self.sheet.recalculate()
        self.assertEqual((self.sheet.error("A1"), self.sheet.value("A1")), (0, 0.5), "the office stopped computing")


if __name__ == "__main__":
    main()
