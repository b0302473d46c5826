"""The raw-data KPI functions in real Calc on small data: KPI.DISTINCT, KPI.NEWPROSPECTS, KPI.ACTIVE,
KPI.RETURNING, KPI.RETENTION.IDS, KPI.CHURN.IDS, KPI.REPEATRATE, KPI.PURCHASEFREQ, KPI.ENGAGEDSESSIONS and
KPI.COHORT, each against the native Calc formula for the same data where a reasonable one exists
(SUMPRODUCT/COUNTIF/COUNTIFS with MINIFS helper columns, Calc's own date functions) and otherwise against
values counted by hand from the data in the test (each such place says so).

Native twins need clean data: Calc's COUNTIF ignores case as we do, but does not trim spaces, does not match
the number 123 with the text "123", and reads * ? ~ as wildcards. The IDs' normalisation (case, leading and
trailing spaces, 123 = "123", empty cells skipped) is therefore asserted separately, against hand counts."""
import math
from datetime import date, timedelta

from kpitest import DIV0, ERR502, NA, VALUE, OfficeTestCase, main

NULL_DATE = date(1899, 12, 30)  # Calc's default day 0
N_A = "#N/A"  # an expected cell of an array result that shows #N/A
ERR504 = 504  # Calc's "Error in parameter list": an error cell inside a range given to an add-in


def serial(y, m, d, time_of_day=0.0):
    """Calc's date serial number of a day (default null date), plus a fraction of a day."""
    return (date(y, m, d) - NULL_DATE).days + time_of_day


def day_of(serial_number):
    return NULL_DATE + timedelta(days=math.floor(serial_number))


def column(values):
    """Rows of one cell each, for sheet.fill (None leaves the cell empty)."""
    return [[v] for v in values]


class RawDataTestCase(OfficeTestCase):
    """Data in columns A..H from row 1; formulas of the test in J.. (and X1:Z1, used by kpitest's asserts)."""

    def assertCount(self, formula, expected):
        """The formula computes exactly `expected` (a count or an exact fraction) without error."""
        self.compute(J1=formula)
        self.assertEqual(self.sheet.error("J1"), 0, f"{formula} gave error {self.sheet.error('J1')}")
        self.assertEqual(self.sheet.value("J1"), expected, formula)

    def assertFraction(self, formula, expected):
        self.compute(J1=formula)
        self.assertEqual(self.sheet.error("J1"), 0, f"{formula} gave error {self.sheet.error('J1')}")
        self.assertClose(self.sheet.value("J1"), expected, formula)

    def assertArray(self, formula, expected, top_left="J10"):
        """Enters `formula` as an array formula over the rows x columns of `expected` plus one row and one
        column, and checks every cell: a number (relative 1e-12), or N_A for #N/A (error 32767). The extra
        cells must show #N/A, as Calc fills the cells an array result does not reach; but Calc repeats a
        result of one row (or one column) over every row (column) of the area, so such a result gets no
        extra row (column)."""
        width = max(len(row) for row in expected)
        width += 1 if width > 1 else 0
        height = len(expected) + (1 if len(expected) > 1 else 0)
        start = self.sheet.cell(top_left).getCellAddress()
        area = self.sheet.sheet.getCellRangeByPosition(start.Column, start.Row, start.Column + width - 1,
                                                       start.Row + height - 1)
        area.setArrayFormula(formula)
        self.sheet.recalculate()
        for r in range(height):
            for c in range(width):
                want = expected[r][c] if r < len(expected) and c < len(expected[r]) else N_A
                cell = area.getCellByPosition(c, r)
                what = f"{formula}: row {r + 1}, column {c + 1}"
                if want == N_A:
                    self.assertEqual(cell.getError(), NA, f"{what} should be #N/A, is {cell.getValue()} "
                                                          f"(error {cell.getError()})")
                else:
                    self.assertEqual(cell.getError(), 0, f"{what} gave error {cell.getError()}, want {want}")
                    self.assertClose(cell.getValue(), want, what)
        area.clearContents(1023)


# ---- KPI.DISTINCT ----

class Distinct(RawDataTestCase):
    def test_example_of_the_function_table(self):
        self.assertCount('=KPI.DISTINCT({"a";"A ";"b";123;"123"})', 3)

    def test_text_ids_against_countif(self):
        self.sheet.fill("A1", column(["C001", "C002", "C001", "C003", "C002", "C001", "C004", "ana@x.id"]))
        self.assertEqual(self.assertSameAsNative("=KPI.DISTINCT(A1:A8)", "=SUMPRODUCT(1/COUNTIF(A1:A8;A1:A8))"), 5)

    def test_numeric_ids_against_countif(self):
        self.sheet.fill("A1", column([1001, 1002, 1001, 17, 1001, 17.5, 17.5, 0]))
        self.assertEqual(self.assertSameAsNative("=KPI.DISTINCT(A1:A8)", "=SUMPRODUCT(1/COUNTIF(A1:A8;A1:A8))"), 5)

    def test_two_dimensional_range_against_countif(self):
        self.sheet.fill("A1", [["a", "b", "c"], ["b", "d", "a"], ["e", "e", "f"]])
        self.assertEqual(self.assertSameAsNative("=KPI.DISTINCT(A1:C3)", "=SUMPRODUCT(1/COUNTIF(A1:C3;A1:C3))"), 6)

    def test_case_is_ignored_as_countif_ignores_it(self):
        self.sheet.fill("A1", column(["ana@x.id", "ANA@x.id", "Ana@X.ID", "budi", "BUDI", "Çelik", "çelik"]))
        self.assertEqual(self.assertSameAsNative("=KPI.DISTINCT(A1:A7)", "=SUMPRODUCT(1/COUNTIF(A1:A7;A1:A7))"), 3)

    def test_empty_cells_are_skipped_against_the_blank_safe_native_formula(self):
        self.sheet.fill("A1", column(["a", None, "b", None, "a", None, "c"]))
        self.assertEqual(self.assertSameAsNative("=KPI.DISTINCT(A1:A7)",
                                                 '=SUMPRODUCT((A1:A7<>"")/COUNTIF(A1:A7;A1:A7&""))'), 3)

    def test_leading_and_trailing_spaces_are_removed(self):
        # Hand-counted: COUNTIF would see 5 IDs here. Inner spaces stay ("bu di" is not "budi").
        self.sheet.fill("A1", column([" ana@x.id", "ana@x.id  ", "\tANA@x.id", "ana@x.id\u00a0", "budi", "bu di",
                                      "  budi  "]))
        self.assertCount("=KPI.DISTINCT(A1:A7)", 3)

    def test_number_and_text_with_the_same_digits_are_one_id(self):
        # Hand-counted: 123 = "123" = " 123 ", 1.5 = "1.5", 124 alone; COUNTIF keeps 123 and "123" apart.
        self.sheet.fill("A1", column([123, "123", " 123 ", 1.5, "1.5", 124]))
        self.assertCount("=KPI.DISTINCT(A1:A6)", 3)
        self.assertCount('=KPI.DISTINCT({123;"123";" 123 ";1.5;"1.5";124})', 3)

    def test_text_of_spaces_only_is_no_id(self):
        # Hand-counted: a cell holding only white space is empty after trimming (core/include/kpi/ids.hpp).
        self.sheet.fill("A1", column(["a", "   ", "A", None]))
        self.assertCount("=KPI.DISTINCT(A1:A4)", 1)

    def test_empty_range_and_single_values(self):
        # Not =KPI.DISTINCT(A1) on an empty A1: Calc hands an empty cell given alone to an add-in as the
        # number 0 (README, troubleshooting), which counts as the ID "0". A one-cell range is read as a range.
        self.assertCount("=KPI.DISTINCT(A1:A5)", 0)
        self.assertCount("=KPI.DISTINCT(A1:A1)", 0)
        self.assertCount('=KPI.DISTINCT("x")', 1)
        self.assertCount("=KPI.DISTINCT(42)", 1)

    def test_error_cell_inside_the_range_is_err504(self):
        # Calc's own behaviour, documented in the README: it stops before calling the add-in.
        self.sheet.fill("A1", column(["a", None, "b"]))
        self.sheet.formula("A2", "=1/0")
        self.assertCalcError("=KPI.DISTINCT(A1:A3)", ERR504)
        self.sheet.formula("A2", "=NA()")
        self.assertCalcError("=KPI.DISTINCT(A1:A3)", ERR504)


# ---- KPI.NEWPROSPECTS, KPI.ACTIVE, KPI.RETURNING ----

class PeriodCounts(RawDataTestCase):
    """Native twins with two helper columns: C = INT(date) (the day) and D = MINIFS(C;A;A<row>) (the ID's
    first day). For each period [s; e]:
      new:       SUMPRODUCT((D>=s)*(D<=e)/COUNTIF(A;A))                 every row of an ID adds 1/rows
      active:    SUMPRODUCT(in/(COUNTIFS(A;A;C;">="&s;C;"<="&e)+out))   in = (C>=s)*(C<=e), out = 1-in
      returning: as active, with in*(D<s) in the numerator."""

    ROWS = [  # id, date (with times of day)
        ("a", serial(2026, 1, 5, 0.4)), ("b", serial(2026, 1, 20)), ("a", serial(2026, 2, 3, 0.75)),
        ("c", serial(2026, 2, 10)), ("b", serial(2026, 2, 28, 0.999)), ("d", serial(2026, 3, 1)),
        ("c", serial(2026, 3, 2)), ("e", serial(2026, 2, 15)), ("a", serial(2026, 3, 31, 0.5)),
        ("f", serial(2025, 12, 31, 0.96)), ("f", serial(2026, 2, 1)), ("g", serial(2026, 4, 1, 0.1)),
    ]

    def setUp(self):
        super().setUp()
        n = len(self.ROWS)
        self.sheet.fill("A1", [list(row) for row in self.ROWS])
        for r in range(1, n + 1):
            self.sheet.formula(f"C{r}", f"=INT(B{r})")
            self.sheet.formula(f"D{r}", f"=MINIFS(C$1:C${n};A$1:A${n};A{r})")
        self.a, self.b, self.c, self.d = (f"{col}1:{col}{n}" for col in "ABCD")

    def natives(self, s, e):
        a, c, d = self.a, self.c, self.d
        inside, outside = f"({c}>={s})*({c}<={e})", f"(({c}<{s})+({c}>{e}))"
        active_rows = f'COUNTIFS({a};{a};{c};">="&{s};{c};"<="&{e})'
        return {
            "KPI.NEWPROSPECTS": f"=SUMPRODUCT(({d}>={s})*({d}<={e})/COUNTIF({a};{a}))",
            "KPI.ACTIVE": f"=SUMPRODUCT({inside}/({active_rows}+{outside}))",
            "KPI.RETURNING": f"=SUMPRODUCT({inside}*({d}<{s})/({active_rows}+{outside}))",
        }

    def test_against_native_formulas_for_several_periods(self):
        periods = [
            (serial(2026, 1, 1), serial(2026, 1, 31)), (serial(2026, 2, 1), serial(2026, 2, 28)),
            (serial(2026, 3, 1), serial(2026, 3, 31)), (serial(2026, 1, 1), serial(2026, 3, 31)),
            (serial(2026, 2, 28), serial(2026, 2, 28)), (serial(2026, 2, 1), serial(2026, 2, 1)),
            (serial(2025, 12, 31), serial(2026, 1, 5)), (serial(2025, 1, 1), serial(2025, 12, 30)),
            (serial(2020, 1, 1), serial(2030, 12, 31)), (serial(2026, 4, 1), serial(2026, 4, 1)),
        ]
        for s, e in periods:
            for function, native in self.natives(s, e).items():
                with self.subTest(function=function, start=day_of(s), end=day_of(e)):
                    self.assertSameAsNative(f"={function}({self.a};{self.b};{s};{e})", native)

    def test_february_counted_by_hand(self):
        # Active in February: a, b, c, e, f; first seen in February: c, e; seen before: a, b, f.
        s, e = serial(2026, 2, 1), serial(2026, 2, 28)
        self.assertCount(f"=KPI.ACTIVE({self.a};{self.b};{s};{e})", 5)
        self.assertCount(f"=KPI.NEWPROSPECTS({self.a};{self.b};{s};{e})", 2)
        self.assertCount(f"=KPI.RETURNING({self.a};{self.b};{s};{e})", 3)

    def test_period_bounds_with_a_time_of_day_are_whole_days(self):
        for function in ("KPI.NEWPROSPECTS", "KPI.ACTIVE", "KPI.RETURNING"):
            with self.subTest(function):
                self.assertSameAsNative(f"={function}({self.a};{self.b};{serial(2026, 2, 1, 0.9)};"
                                        f"{serial(2026, 2, 28, 0.2)})",
                                        f"={function}({self.a};{self.b};DATE(2026;2;1);DATE(2026;2;28))")

    def test_period_bounds_from_cells(self):
        self.sheet.fill("F1", [[serial(2026, 2, 1), serial(2026, 2, 28)]])
        for function, native in self.natives("$F$1", "$G$1").items():
            with self.subTest(function):
                self.assertSameAsNative(f"={function}({self.a};{self.b};F1;G1)", native)

    def test_examples_of_the_function_table(self):
        data = '{"a";"b";"a";"c"};{46023;46054;46054;46060};DATE(2026;2;1);DATE(2026;2;28)'
        self.assertCount(f"=KPI.NEWPROSPECTS({data})", 2)
        self.assertCount(f"=KPI.ACTIVE({data})", 3)
        self.assertCount(f"=KPI.RETURNING({data})", 1)


class PeriodCountsOnUntidyData(RawDataTestCase):
    """Hand-counted (no native formula normalises IDs): case, spaces, 123 = "123", empty dates, an ISO 8601
    text date (read as that date) and other text dates (skipped), empty IDs."""

    ROWS = [
        ("Ana", serial(2026, 1, 10)), (" ana ", serial(2026, 2, 5)), (123, serial(2026, 2, 7)),
        ("123", serial(2026, 1, 2)), ("Budi", None), ("Budi", "n/a"), ("budi", serial(2026, 2, 20)),
        (None, serial(2026, 2, 11)), ("Citra", "2026-01-15"), ("citra ", serial(2026, 2, 27, 0.99)),
        ("Dewi", "12/01/2026"),
    ]

    def setUp(self):
        super().setUp()
        self.sheet.fill("A1", [list(row) for row in self.ROWS])
        self.assertEqual(self.sheet.cell("B9").getType().value, "TEXT")  # the ISO date stays text in the sheet
        self.data = f"A1:A{len(self.ROWS)};B1:B{len(self.ROWS)}"

    def test_february(self):
        # First days: ana Jan 10, 123 Jan 2, budi Feb 20 (its empty and "n/a" dates are skipped), citra Jan 15
        # (the text "2026-01-15" is an ISO date); dewi's "12/01/2026" is no ISO date: she has no date; the row
        # without an ID is skipped.
        s, e = serial(2026, 2, 1), serial(2026, 2, 28)
        self.assertCount(f"=KPI.ACTIVE({self.data};{s};{e})", 4)
        self.assertCount(f"=KPI.NEWPROSPECTS({self.data};{s};{e})", 1)
        self.assertCount(f"=KPI.RETURNING({self.data};{s};{e})", 3)

    def test_january(self):
        s, e = serial(2026, 1, 1), serial(2026, 1, 31)
        self.assertCount(f"=KPI.ACTIVE({self.data};{s};{e})", 3)
        self.assertCount(f"=KPI.NEWPROSPECTS({self.data};{s};{e})", 3)
        self.assertCount(f"=KPI.RETURNING({self.data};{s};{e})", 0)

    def test_last_day_only(self):
        # citra's row at 23:45 on Feb 27 belongs to Feb 27; she is not new then (her ISO date is Jan 15).
        s = e = serial(2026, 2, 27)
        self.assertCount(f"=KPI.ACTIVE({self.data};{s};{e})", 1)
        self.assertCount(f"=KPI.NEWPROSPECTS({self.data};{s};{e})", 0)
        self.assertCount(f"=KPI.RETURNING({self.data};{s};{e})", 1)


class PeriodCountErrors(RawDataTestCase):
    FUNCTIONS = ("KPI.NEWPROSPECTS", "KPI.ACTIVE", "KPI.RETURNING")

    def setUp(self):
        super().setUp()
        self.sheet.fill("A1", [["a", serial(2026, 1, 5)], ["b", serial(2026, 2, 5)], ["a", serial(2026, 2, 6)]])

    def test_end_before_start_is_err502(self):
        for function in self.FUNCTIONS:
            with self.subTest(function):
                self.assertCalcError(f"={function}(A1:A3;B1:B3;DATE(2026;2;1);DATE(2026;1;31))", ERR502)

    def test_ids_and_dates_of_different_sizes_are_value(self):
        for function in self.FUNCTIONS:
            with self.subTest(function):
                self.assertCalcError(f"={function}(A1:A3;B1:B2;DATE(2026;1;1);DATE(2026;2;28))", VALUE)
                self.assertCalcError(f"={function}(A1:A3;B1:B4;DATE(2026;1;1);DATE(2026;2;28))", VALUE)

    def test_text_period_bound_is_value(self):
        for function in self.FUNCTIONS:
            with self.subTest(function):
                self.assertCalcError(f'={function}(A1:A3;B1:B3;"x";DATE(2026;2;28))', VALUE)
                self.assertCalcError(f'={function}(A1:A3;B1:B3;DATE(2026;1;1);"x")', VALUE)

    def test_error_cell_inside_the_ranges_is_err504(self):
        self.sheet.formula("A2", "=NA()")
        self.assertCalcError("=KPI.ACTIVE(A1:A3;B1:B3;DATE(2026;1;1);DATE(2026;2;28))", ERR504)
        self.sheet.set("A2", "b")
        self.sheet.formula("B2", "=1/0")
        self.assertCalcError("=KPI.NEWPROSPECTS(A1:A3;B1:B3;DATE(2026;1;1);DATE(2026;2;28))", ERR504)


# ---- KPI.RETENTION.IDS, KPI.CHURN.IDS ----

def native_retention(start, end):
    """Distinct start IDs present at the end / distinct start IDs, for ranges without empty cells."""
    return (f"SUMPRODUCT((COUNTIF({end};{start})>0)/COUNTIF({start};{start}))"
            f"/SUMPRODUCT(1/COUNTIF({start};{start}))")


class RetentionFromIds(RawDataTestCase):
    def test_examples_of_the_function_table(self):
        self.assertFraction('=KPI.RETENTION.IDS({"a";"b";"c";"d"};{"b";"d";"e"})', 0.5)
        self.assertFraction('=KPI.CHURN.IDS({"a";"b";"c";"d"};{"b";"d";"e"})', 0.5)

    def test_against_countif_with_lists_of_different_sizes(self):
        self.sheet.fill("A1", column(["C01", "C02", "C03", "C02", "C04", "C05", "C01", "C06"]))
        self.sheet.fill("B1", column(["C02", "C07", "C05", "C02", "C08"]))
        retained = self.assertSameAsNative("=KPI.RETENTION.IDS(A1:A8;B1:B5)", "=" + native_retention("A1:A8", "B1:B5"))
        self.assertClose(retained, 2 / 6)
        self.assertSameAsNative("=KPI.CHURN.IDS(A1:A8;B1:B5)", "=1-" + native_retention("A1:A8", "B1:B5"))

    def test_numeric_ids_against_countif(self):
        self.sheet.fill("A1", column([101, 102, 103, 104, 101]))
        self.sheet.fill("B1", column([104, 101, 101, 999, 105, 106, 107]))
        self.assertClose(self.assertSameAsNative("=KPI.RETENTION.IDS(A1:A5;B1:B7)",
                                                 "=" + native_retention("A1:A5", "B1:B7")), 0.5)
        self.assertSameAsNative("=KPI.CHURN.IDS(A1:A5;B1:B7)", "=1-" + native_retention("A1:A5", "B1:B7"))

    def test_everyone_kept_and_everyone_lost(self):
        self.sheet.fill("A1", column(["a", "b", "c"]))
        self.sheet.fill("B1", column(["c", "a", "b", "z"]))
        self.sheet.fill("C1", column(["x", "y"]))
        self.assertFraction("=KPI.RETENTION.IDS(A1:A3;B1:B4)", 1.0)
        self.assertFraction("=KPI.CHURN.IDS(A1:A3;B1:B4)", 0.0)
        self.assertFraction("=KPI.RETENTION.IDS(A1:A3;C1:C2)", 0.0)
        self.assertFraction("=KPI.CHURN.IDS(A1:A3;C1:C2)", 1.0)

    def test_normalised_ids_counted_by_hand(self):
        # Start: ana, 123, budi, citra, dedi (5 distinct; empty cell skipped); kept: ana, 123, citra.
        self.sheet.fill("A1", column(["Ana", 123, "budi", "Citra", None, "dedi", " ANA "]))
        self.sheet.fill("B1", column([" ana", "123", "citra  ", "eko", None, "CITRA"]))
        self.assertFraction("=KPI.RETENTION.IDS(A1:A7;B1:B6)", 3 / 5)
        self.assertFraction("=KPI.CHURN.IDS(A1:A7;B1:B6)", 1 - 3 / 5)

    def test_no_start_ids_is_div0(self):
        self.sheet.fill("B1", column(["a", "b"]))
        self.sheet.fill("C1", column(["  ", None]))
        for formula in ("=KPI.RETENTION.IDS(A1:A5;B1:B2)", "=KPI.CHURN.IDS(A1:A5;B1:B2)",
                        "=KPI.RETENTION.IDS(C1:C2;B1:B2)", "=KPI.CHURN.IDS(A1:A5;A1:A5)"):
            with self.subTest(formula):
                self.assertCalcError(formula, DIV0)

    def test_error_cell_inside_a_list_is_err504(self):
        self.sheet.fill("A1", column(["a", "b"]))
        self.sheet.formula("B1", "=NA()")
        self.assertCalcError("=KPI.RETENTION.IDS(A1:A2;B1:B2)", ERR504)


# ---- KPI.REPEATRATE, KPI.PURCHASEFREQ ----

def native_distinct(ids):
    return f"SUMPRODUCT(1/COUNTIF({ids};{ids}))"


class RepeatRateAndPurchaseFrequency(RawDataTestCase):
    # One row per item: c1 has orders o1 (2 items) and o2; c2 one order o3 of 3 items; c3 orders o4, o5;
    # c4 one order o6.
    ITEMS = [("c1", "o1"), ("c2", "o3"), ("c1", "o1"), ("c3", "o4"), ("c2", "o3"), ("c1", "o2"),
             ("c4", "o6"), ("c2", "o3"), ("c3", "o5")]

    def fill_items(self):
        self.sheet.fill("A1", [list(row) for row in self.ITEMS])
        n = len(self.ITEMS)
        a, b = f"A$1:A${n}", f"B$1:B${n}"
        for r in range(1, n + 1):  # C: the number of distinct orders of the row's customer
            self.sheet.formula(f"C{r}", f"=SUMPRODUCT(({a}=A{r})/COUNTIFS({a};{a};{b};{b}))")
        return f"A1:A{n}", f"B1:B{n}", f"C1:C{n}"

    def test_examples_of_the_function_table(self):
        self.assertFraction('=KPI.REPEATRATE({"a";"a";"b";"c";"c";"c"})', 2 / 3)
        self.assertFraction('=KPI.PURCHASEFREQ({"a";"a";"b";"c";"c";"c"})', 2.0)

    def test_public_vector_350_of_1000(self):
        # Spec section 3: 350 of 1000 customers bought again: 35 %.
        ids = [f"K{i:04d}" for i in range(1000)] + [f"K{i:04d}" for i in range(0, 700, 2)]
        self.sheet.sheet.getCellRangeByName(f"A1:A{len(ids)}").setDataArray(tuple((i,) for i in ids))
        a = f"A1:A{len(ids)}"
        rate = self.assertSameAsNative(f"=KPI.REPEATRATE({a})",
                                       f"=SUMPRODUCT((COUNTIF({a};{a})>=2)/COUNTIF({a};{a}))/{native_distinct(a)}")
        self.assertClose(rate, 0.35)
        self.assertClose(self.assertSameAsNative(f"=KPI.PURCHASEFREQ({a})", f"=COUNTA({a})/{native_distinct(a)}"),
                         1.35)

    def test_without_order_ids_each_row_is_an_order_against_countif(self):
        a, _, _ = self.fill_items()
        # c1, c2, c3 have 2+ rows: 3 of 4; 9 rows / 4 customers.
        self.assertClose(self.assertSameAsNative(
            f"=KPI.REPEATRATE({a})", f"=SUMPRODUCT((COUNTIF({a};{a})>=2)/COUNTIF({a};{a}))/{native_distinct(a)}"), 0.75)
        self.assertClose(self.assertSameAsNative(f"=KPI.PURCHASEFREQ({a})", f"=COUNTA({a})/{native_distinct(a)}"),
                         2.25)
        self.assertClose(self.assertSameAsNative(f"=KPI.REPEATRATE({a};)", f"=KPI.REPEATRATE({a})"), 0.75)

    def test_with_order_ids_against_countifs(self):
        a, b, c = self.fill_items()
        # Distinct orders: c1 2, c2 1, c3 2, c4 1: 2 of 4 bought again; 6 orders / 4 customers.
        self.assertClose(self.assertSameAsNative(
            f"=KPI.REPEATRATE({a};{b})", f"=SUMPRODUCT(({c}>=2)/COUNTIF({a};{a}))/{native_distinct(a)}"), 0.5)
        self.assertClose(self.assertSameAsNative(
            f"=KPI.PURCHASEFREQ({a};{b})", f"={native_distinct(b)}/{native_distinct(a)}"), 1.5)

    def test_with_order_ids_normalised_counted_by_hand(self):
        # Ana: orders 5001 (two item rows, one the number, one the text) and "O-1"/" o-1" (one order): 2 orders.
        # Budi: orders "o-2" and "O-2 " (one order): 1. 123 = "123": orders o-3, o-4: 2. Empty cells skipped.
        self.sheet.fill("A1", [["Ana", 5001], [" ana", "5001"], ["ANA", "O-1"], ["ana ", " o-1"],
                               ["Budi", "o-2"], ["budi", "O-2 "], [123, "o-3"], ["123", "o-4"], [None, "o-9"]])
        self.assertFraction("=KPI.REPEATRATE(A1:A9;B1:B9)", 2 / 3)
        self.assertFraction("=KPI.PURCHASEFREQ(A1:A9;B1:B9)", 5 / 3)
        # Without order IDs: ana 4 rows, budi 2, 123 2 (the row without a customer is skipped).
        self.assertFraction("=KPI.REPEATRATE(A1:A9)", 1.0)
        self.assertFraction("=KPI.PURCHASEFREQ(A1:A9)", 8 / 3)

    def test_no_customer_ids_is_div0(self):
        self.sheet.fill("B1", column(["o1", "o2"]))
        for function in ("KPI.REPEATRATE", "KPI.PURCHASEFREQ"):
            with self.subTest(function):
                self.assertCalcError(f"={function}(A1:A2)", DIV0)
                self.assertCalcError(f"={function}(A1:A2;B1:B2)", DIV0)

    def test_order_ids_of_another_size_are_value(self):
        self.sheet.fill("A1", [["a", "o1"], ["a", "o2"], ["b", "o3"]])
        for function in ("KPI.REPEATRATE", "KPI.PURCHASEFREQ"):
            with self.subTest(function):
                self.assertCalcError(f"={function}(A1:A3;B1:B2)", VALUE)
                self.assertCalcError(f"={function}(A1:A3;B1:B4)", VALUE)


# ---- KPI.ENGAGEDSESSIONS ----

class EngagedSessions(RawDataTestCase):
    # duration s, page views, key events; boundaries: exactly 10 s is not engaged by time, 2 page views and 1
    # key event are; empty cells count as nothing.
    SESSIONS = [(5, 1, 0), (10, 1, 0), (10.5, 1, 0), (3, 2, 0), (0, 1, 1), (45, 5, 2), (9.99, 1, 0), (0, 0, 0),
                (None, None, None), (None, 3, None), (31, 1, None), (30, None, 0), (2, 1, 3), (120, 1, 0)]

    def setUp(self):
        super().setUp()
        self.sheet.fill("A1", [list(row) for row in self.SESSIONS])
        n = len(self.SESSIONS)
        self.d, self.p, self.k = f"A1:A{n}", f"B1:B{n}", f"C1:C{n}"

    def test_example_of_the_function_table(self):
        self.assertCount("=KPI.ENGAGEDSESSIONS({5;30;8;2};{1;1;3;1})", 2)

    def test_against_sumproduct(self):
        d, p, k = self.d, self.p, self.k
        for kpi, native in [
            (f"=KPI.ENGAGEDSESSIONS({d};{p};{k})", f"=SUMPRODUCT((({d}>10)+({p}>=2)+({k}>=1))>0)"),
            (f"=KPI.ENGAGEDSESSIONS({d};{p})", f"=SUMPRODUCT((({d}>10)+({p}>=2))>0)"),
            (f"=KPI.ENGAGEDSESSIONS({d};{p};;30)", f"=SUMPRODUCT((({d}>30)+({p}>=2))>0)"),
            (f"=KPI.ENGAGEDSESSIONS({d};{p};{k};30)", f"=SUMPRODUCT((({d}>30)+({p}>=2)+({k}>=1))>0)"),
            (f"=KPI.ENGAGEDSESSIONS({d};{p};{k};0)", f"=SUMPRODUCT((({d}>0)+({p}>=2)+({k}>=1))>0)"),
            (f"=KPI.ENGAGEDSESSIONS({d};{p};{k};)", f"=SUMPRODUCT((({d}>10)+({p}>=2)+({k}>=1))>0)"),
        ]:
            with self.subTest(kpi):
                self.assertSameAsNative(kpi, native)

    def test_counted_by_hand(self):
        # Engaged: 10.5 s, 2 views, 1 key event, 45 s, 3 views, 31 s, 30 s, 3 key events, 120 s.
        self.assertCount(f"=KPI.ENGAGEDSESSIONS({self.d};{self.p};{self.k})", 9)

    def test_negative_values_are_err502(self):
        self.assertCalcError(f"=KPI.ENGAGEDSESSIONS({self.d};{self.p};{self.k};-1)", ERR502)
        for address in ("A3", "B3", "C3"):
            with self.subTest(address):
                self.sheet.set(address, -1)
                self.assertCalcError(f"=KPI.ENGAGEDSESSIONS({self.d};{self.p};{self.k})", ERR502)
                self.sheet.set(address, 1)

    def test_ranges_of_different_sizes_are_value(self):
        self.assertCalcError("=KPI.ENGAGEDSESSIONS(A1:A5;B1:B4)", VALUE)
        self.assertCalcError("=KPI.ENGAGEDSESSIONS(A1:A5;B1:B5;C1:C6)", VALUE)


# ---- KPI.COHORT ----

JAN, FEB, MAR = serial(2026, 1, 1), serial(2026, 2, 1), serial(2026, 3, 1)


class Cohort(RawDataTestCase):
    """Cohort matrices counted by hand from the rows (no native formula builds one); the cohort start dates
    are also checked against Calc's own date functions (test_cohort_start_dates_against_calc_date_functions)."""

    # id, order date, amount. Cohorts by month: January {a, b}, February {c}, March {d}; last date April 1.
    ROWS = [
        ("a", serial(2026, 1, 5), 10.0), ("b", serial(2026, 1, 20), 20.0), ("b", serial(2026, 1, 25), 5.0),
        ("a", serial(2026, 2, 10), 30.0), ("c", serial(2026, 2, 3), 40.0), ("c", serial(2026, 3, 15), 50.0),
        ("d", serial(2026, 3, 31, 0.95), 60.0), ("a", serial(2026, 4, 1), 70.0),
        ("b", serial(2026, 1, 28), None), ("a", serial(2026, 2, 11), "n/a"),  # no amount: revenue skips them
    ]
    RETENTION = [[JAN, 2, 1, 0.5, 0, 0.5], [FEB, 1, 1, 1, 0, N_A], [MAR, 1, 1, 0, N_A, N_A]]
    CUSTOMERS = [[JAN, 2, 2, 1, 0, 1], [FEB, 1, 1, 1, 0, N_A], [MAR, 1, 1, 0, N_A, N_A]]
    REVENUE = [[JAN, 2, 35, 30, 0, 70], [FEB, 1, 40, 50, 0, N_A], [MAR, 1, 60, 0, N_A, N_A]]

    def fill(self, rows):
        self.sheet.fill("A1", [list(row) for row in rows])
        n = len(rows)
        return f"A1:A{n};B1:B{n}", f"C1:C{n}"

    def test_example_of_the_function_table(self):
        self.assertArray('=KPI.COHORT({"a";"b";"a"};{46023;46054;46054})', [[46023, 1, 1, 1], [46054, 1, 1, N_A]])

    def test_month_retention_by_default_and_in_both_languages(self):
        data, _ = self.fill(self.ROWS)
        for formula in (f"=KPI.COHORT({data})", f'=KPI.COHORT({data};"month")', f'=KPI.COHORT({data};"bulan")',
                        f'=KPI.COHORT({data};"MONTH";"Retention")', f'=KPI.COHORT({data};;"retensi")',
                        f"=KPI.COHORT({data};;)"):
            with self.subTest(formula):
                self.assertArray(formula, self.RETENTION)

    def test_customers_measure(self):
        data, _ = self.fill(self.ROWS)
        for formula in (f'=KPI.COHORT({data};"month";"customers")', f'=KPI.COHORT({data};"Bulan";"pelanggan")'):
            with self.subTest(formula):
                self.assertArray(formula, self.CUSTOMERS)

    def test_revenue_measure_with_amounts(self):
        data, amounts = self.fill(self.ROWS)
        for formula in (f'=KPI.COHORT({data};"month";"revenue";{amounts})',
                        f'=KPI.COHORT({data};"bulan";"pendapatan";{amounts})',
                        f'=KPI.COHORT({data};;"REVENUE";{amounts})'):
            with self.subTest(formula):
                self.assertArray(formula, self.REVENUE)

    def test_revenue_is_summed_as_sum_sums_it(self):
        # Ten orders of 0.1 in a month: 1, as Calc's compensated SUM gives (one by one: 0.9999999999999999).
        self.sheet.fill("A1", [["a", 46023, 0.1]] * 10)
        total = self.assertSameAsNative('=INDEX(KPI.COHORT(A1:A10;B1:B10;"month";"revenue";C1:C10);1;3)',
                                        "=SUM(C1:C10)")
        self.assertEqual(total, 1.0)

    def test_week_grain_starts_on_monday(self):
        # 2026-01-01 is a Thursday: its ISO week starts on Monday 2025-12-29; Sunday Jan 4 is in that week,
        # Monday Jan 5 starts the next.
        rows = [("p", serial(2026, 1, 1, 0.3)), ("q", serial(2026, 1, 4, 0.99)), ("r", serial(2026, 1, 5)),
                ("p", serial(2026, 1, 11)), ("q", serial(2026, 1, 12))]
        data, _ = self.fill(rows)
        w1, w2 = serial(2025, 12, 29), serial(2026, 1, 5)
        self.assertEqual(date(2025, 12, 29).weekday(), 0)
        for word in ("week", "minggu", "Week", "MINGGU"):
            with self.subTest(word):
                self.assertArray(f'=KPI.COHORT({data};"{word}")', [[w1, 2, 1, 0.5, 0.5], [w2, 1, 1, 0, N_A]])
        self.assertArray(f'=KPI.COHORT({data};"minggu";"pelanggan")', [[w1, 2, 2, 1, 1], [w2, 1, 1, 0, N_A]])

    def test_quarter_grain(self):
        rows = [("a", serial(2025, 11, 15)), ("a", serial(2026, 2, 1)), ("b", serial(2026, 3, 31, 0.9)),
                ("b", serial(2026, 4, 1)), ("a", serial(2026, 6, 30))]
        data, _ = self.fill(rows)
        for word in ("quarter", "kuartal", "Quarter"):
            with self.subTest(word):
                self.assertArray(f'=KPI.COHORT({data};"{word}")',
                                 [[serial(2025, 10, 1), 1, 1, 1, 1], [serial(2026, 1, 1), 1, 1, 1, N_A]])

    def test_year_grain(self):
        rows = [("a", serial(2025, 12, 31, 0.99)), ("b", serial(2026, 1, 1)), ("a", serial(2027, 6, 1))]
        data, _ = self.fill(rows)
        for word in ("year", "tahun", "YEAR"):
            with self.subTest(word):
                self.assertArray(f'=KPI.COHORT({data};"{word}")',
                                 [[serial(2025, 1, 1), 1, 1, 0, 1], [serial(2026, 1, 1), 1, 1, 0, N_A]])

    def test_day_grain_ignores_the_time_of_day(self):
        rows = [("a", 46023.75), ("b", 46023.1), ("a", 46024.99), ("b", 46025.0), ("c", 46024.5)]
        data, _ = self.fill(rows)
        for word in ("day", "hari", "Day"):
            with self.subTest(word):
                self.assertArray(f'=KPI.COHORT({data};"{word}")',
                                 [[46023, 2, 1, 0.5, 0.5], [46024, 1, 1, 0, N_A]])

    def test_leap_day(self):
        rows = [("x", serial(2028, 2, 28)), ("x", serial(2028, 2, 29, 0.5)), ("x", serial(2028, 3, 1)),
                ("y", serial(2028, 2, 29))]
        data, _ = self.fill(rows)
        self.assertEqual(serial(2028, 3, 1) - serial(2028, 2, 28), 2)
        self.assertArray(f'=KPI.COHORT({data};"day")',
                         [[serial(2028, 2, 28), 1, 1, 1, 1], [serial(2028, 2, 29), 1, 1, 0, N_A]])
        self.assertArray(f'=KPI.COHORT({data};"month")', [[serial(2028, 2, 1), 2, 1, 0.5]])
        monday = date(2028, 2, 29) - timedelta(days=date(2028, 2, 29).weekday())  # Monday 2028-02-28
        self.assertArray(f'=KPI.COHORT({data};"week")', [[(monday - NULL_DATE).days, 2, 1]])
        self.assertArray(f'=KPI.COHORT({data};"year")', [[serial(2028, 1, 1), 2, 1]])

    def test_rows_with_an_empty_or_text_date_or_no_id_are_skipped(self):
        # b's first usable date is in February ("07/01/2026" is no ISO date; an ISO text date would be read:
        # test_periods.py); c has only a text date; the row without an ID is skipped.
        rows = [("a", serial(2026, 1, 5)), ("b", None), ("b", "07/01/2026"), ("b", serial(2026, 2, 2)),
                (None, serial(2026, 1, 9)), ("c", "n/a"), ("  ", serial(2026, 1, 10))]
        data, _ = self.fill(rows)
        self.assertArray(f"=KPI.COHORT({data})", [[JAN, 1, 1, 0], [FEB, 1, 1, N_A]])
        self.assertArray(f'=KPI.COHORT({data};;"customers")', [[JAN, 1, 1, 0], [FEB, 1, 1, N_A]])

    def test_normalised_ids_are_one_customer(self):
        rows = [("Ana", serial(2026, 1, 3)), (" ana ", serial(2026, 2, 3)), (123, serial(2026, 1, 4)),
                ("123", serial(2026, 3, 4)), ("ANA", serial(2026, 3, 30))]
        data, _ = self.fill(rows)
        self.assertArray(f'=KPI.COHORT({data};"month";"customers")', [[JAN, 2, 2, 1, 2]])

    def test_cohort_start_dates_against_calc_date_functions(self):
        natives = {
            "day": "INT({d})", "week": "INT({d})-WEEKDAY({d};3)", "month": "DATE(YEAR({d});MONTH({d});1)",
            "quarter": "DATE(YEAR({d});3*INT((MONTH({d})-1)/3)+1;1)", "year": "DATE(YEAR({d});1;1)",
        }
        days = [serial(2026, 1, 1, 0.75), serial(2027, 1, 3), serial(2024, 12, 30, 0.2), serial(2028, 2, 29, 0.5),
                serial(2028, 12, 31), serial(2000, 3, 1), serial(1999, 12, 31, 0.999), serial(2026, 6, 15),
                serial(2026, 10, 1), serial(2026, 9, 30, 0.6), serial(1900, 3, 1)]
        for grain, native in natives.items():
            for d in days:
                with self.subTest(grain=grain, day=d):
                    self.assertSameAsNative(f'=INDEX(KPI.COHORT("x";{d};"{grain}");1;1)', "=" + native.format(d=d))

    def test_dates_follow_the_documents_null_date(self):
        # With day 0 = 1904-01-01, Calc's DATE() and the cohort start dates are both serials of that system.
        null_date = self.sheet.doc.NullDate
        null_date.Day, null_date.Month, null_date.Year = 1, 1, 1904
        self.sheet.doc.NullDate = null_date
        system_1904 = date(1904, 1, 1)
        self.sheet.fill("A1", [["a", (date(2026, 1, 5) - system_1904).days],
                               ["b", (date(2026, 2, 28) - system_1904).days + 0.5]])
        self.assertArray("=KPI.COHORT(A1:A2;B1:B2)", [[(date(2026, 1, 1) - system_1904).days, 1, 1, 0],
                                                      [(date(2026, 2, 1) - system_1904).days, 1, 1, N_A]])
        self.assertSameAsNative("=INDEX(KPI.COHORT(A1:A2;B1:B2);2;1)", "=DATE(2026;2;1)")
        self.assertSameAsNative('=INDEX(KPI.COHORT(A1:A2;B1:B2;"week");1;1)', "=DATE(2026;1;5)")

    def test_errors(self):
        data, amounts = self.fill(self.ROWS)
        n = len(self.ROWS)
        for formula, code in [
            (f"=KPI.COHORT(A1:A{n};B1:B{n - 1})", VALUE),
            (f"=KPI.COHORT(A1:A{n - 1};B1:B{n})", VALUE),
            (f'=KPI.COHORT({data};"month";"revenue";C1:C{n + 1})', VALUE),
            (f'=KPI.COHORT({data};"fortnight")', ERR502),
            (f'=KPI.COHORT({data};"bulanan")', ERR502),
            (f'=KPI.COHORT({data};"month";"profit")', ERR502),
            (f'=KPI.COHORT({data};"month";"revenue")', ERR502),
            (f'=KPI.COHORT({data};"month";"pendapatan")', ERR502),
            ("=KPI.COHORT(D1:D3;B1:B3)", DIV0),  # no IDs
            ('=KPI.COHORT({"a";"b"};{"x";"y"})', DIV0),  # no dates
            # a number no calendar has a day for: more than 2E9 days (5.5 million years) from day 0
            ('=KPI.COHORT({"a";"b"};{46023;1E308})', ERR502),
            ('=KPI.COHORT({"a";"b"};{-1E308;46023};"year")', ERR502),
            ('=KPI.COHORT({"a";"b"};{46023;2000000001};"year")', ERR502),
        ]:
            with self.subTest(formula):
                self.assertCalcError(formula, code)

    def test_a_far_date_in_a_row_without_an_id_is_skipped(self):
        self.assertArray('=KPI.COHORT({"a";"";"a"};{46023;1E308;46054})', [[46023, 1, 1, 1]])

    def test_error_cell_inside_the_ranges_is_err504(self):
        data, _ = self.fill(self.ROWS)
        self.sheet.formula("B3", "=NA()")
        self.assertCalcError(f"=KPI.COHORT({data})", ERR504)


if __name__ == "__main__":
    main()
