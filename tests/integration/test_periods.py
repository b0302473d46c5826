"""KPI.PERIODS, the period monitoring table, and ISO 8601 text dates in the raw-data functions, in real Calc.

KPI.PERIODS is entered as an array formula and checked cell by cell:
- on small data counted by hand (each grain, empty periods, order IDs, amounts, every documented error);
- on 5,000 generated rows (untidy IDs, item rows of orders, amounts, blank rows, dates as date cells and as
  ISO 8601 text of every shape exports write, other text) against an independent reference written with
  pandas, for every grain, and against KPI.ACTIVE, KPI.NEWPROSPECTS and KPI.RETURNING computed for each
  period of the table in the same sheet;
- after saving as .ods and .xlsx and reloading (the files store KPI.PERIODS).

ISO text dates: every function with a date column (KPI.NEWPROSPECTS, KPI.ACTIVE, KPI.RETURNING, KPI.COHORT,
KPI.PERIODS) gives the same result whether the dates are date cells or ISO 8601 text, and skips other text."""
import math
import os
import random
import shutil
import tempfile
import zipfile
from datetime import date, timedelta

import pandas as pd

from kpitest import DIV0, ERR502, NA, NUM, VALUE, OfficeTestCase, main, shared_office

NULL_DATE = date(1899, 12, 30)  # Calc's default day 0
N_A, DIV_0 = "#N/A", "#DIV/0!"  # expected cells of an array result that show these errors
ERR504 = 504  # Calc's "Error in parameter list": an error cell inside a range given to an add-in
ERROR_NAMES = {DIV0: DIV_0, NA: N_A, NUM: "#NUM!", VALUE: "#VALUE!"}  # Calc's error code -> what it shows


def serial(y, m, d, time_of_day=0.0):
    """Calc's date serial number of a day (default null date), plus a fraction of a day."""
    return (date(y, m, d) - NULL_DATE).days + time_of_day


JAN, FEB, MAR, APR = serial(2026, 1, 1), serial(2026, 2, 1), serial(2026, 3, 1), serial(2026, 4, 1)


class PeriodsTestCase(OfficeTestCase):
    """Array results read in one go with getDataArray, which reads an error cell as None; those cells' errors
    are then read one by one."""

    def table(self, formula, rows, columns=7, top_left=(11, 0)):
        """The array formula over rows x columns from top_left (column, row; default L1): a list of rows of
        numbers and error names (N_A, DIV_0 ...)."""
        left, top = top_left
        area = self.sheet.sheet.getCellRangeByPosition(left, top, left + columns - 1, top + rows - 1)
        area.setArrayFormula(formula)
        self.sheet.recalculate()
        out = [list(row) for row in area.getDataArray()]
        for r, row in enumerate(out):
            for c, value in enumerate(row):
                if value is None:
                    code = area.getCellByPosition(c, r).getError()
                    row[c] = ERROR_NAMES.get(code, f"error {code}")
        area.clearContents(1023)
        return out

    def assertTable(self, formula, expected):
        """Every cell as expected (numbers to a relative 1e-12), and one more row of #N/A below: Calc's
        padding, which shows the result has exactly the expected rows (but Calc repeats a result of one row
        over every row of the area: then there is no extra row)."""
        extra_row = len(expected) > 1
        got = self.table(formula, len(expected) + (1 if extra_row else 0))
        want = [list(row) for row in expected] + ([[N_A] * 7] if extra_row else [])
        mismatches = []
        for r, (got_row, want_row) in enumerate(zip(got, want)):
            for c, (g, w) in enumerate(zip(got_row, want_row)):
                same = g == w if isinstance(w, str) or isinstance(g, str) else math.isclose(
                    g, w, rel_tol=1e-12, abs_tol=0 if w else 1e-300)
                if not same:
                    mismatches.append(f"row {r + 1} column {c + 1}: Calc {g!r}, expected {w!r}")
        self.assertEqual(mismatches, [], f"{formula}: {len(mismatches)} cells differ (first rows: {got[:3]})")


# ---- small data, counted by hand ----

class PeriodsByHand(PeriodsTestCase):
    # customer, order, date, amount. January: ana (o1: two item rows, one spelt " O1"), budi (o2).
    # February: nobody. March: ana again (o3), citra (o4, its date an ISO text with time and offset, and a
    # second item row without an amount). April: budi (o5, ISO text date), a row without a customer, a row
    # with a date in another format (skipped), a row without a date.
    ROWS = [
        ("ana", "o1", serial(2026, 1, 5, 0.5), 100.0), ("Ana ", " O1", serial(2026, 1, 5, 0.6), 20.0),
        ("budi", "o2", serial(2026, 1, 31, 0.99), 50.0), ("ana", "o3", serial(2026, 3, 2), 30.0),
        ("citra", "o4", "2026-03-31T23:30:00-05:00", 40.0), ("citra", "o4", "2026-03-31 23:30", None),
        ("BUDI", "o5", "2026-04-01", 10.0), (None, "o6", serial(2026, 4, 2), 999.0),
        ("dewi", "o7", "01/04/2026", 5.0), ("eko", "o8", None, 7.0),
    ]
    N = len(ROWS)
    IDS, ORDERS, DATES, AMOUNTS = "A1:A10", "B1:B10", "C1:C10", "D1:D10"

    def setUp(self):
        super().setUp()
        self.sheet.fill("A1", [list(row) for row in self.ROWS])
        self.assertEqual(self.sheet.cell("C5").getType().value, "TEXT")  # the ISO dates stay text in the sheet

    def test_example_of_the_function_table(self):
        self.assertTable('=KPI.PERIODS({"a";"b";"a"};{46023;46054;46054};"month";{10;20;30})',
                         [[46023, 1, 1, 0, 1, 10, 10], [46054, 2, 1, 1, 2, 50, 25]])

    def test_month_table_with_amounts_and_order_ids(self):
        # start, active, new, returning, orders, revenue, AOV; February has no orders: AOV #DIV/0!.
        self.assertTable(f'=KPI.PERIODS({self.IDS};{self.DATES};"month";{self.AMOUNTS};{self.ORDERS})', [
            [JAN, 2, 2, 0, 2, 170, 85], [FEB, 0, 0, 0, 0, 0, DIV_0], [MAR, 2, 1, 1, 2, 70, 35],
            [APR, 1, 0, 1, 1, 10, 10]])

    def test_without_order_ids_each_row_is_an_order(self):
        self.assertTable(f'=KPI.PERIODS({self.IDS};{self.DATES};"bulan";{self.AMOUNTS})', [
            [JAN, 2, 2, 0, 3, 170, 170 / 3], [FEB, 0, 0, 0, 0, 0, DIV_0], [MAR, 2, 1, 1, 3, 70, 70 / 3],
            [APR, 1, 0, 1, 1, 10, 10]])
        self.assertTable(f"=KPI.PERIODS({self.IDS};{self.DATES};;{self.AMOUNTS};)", [
            [JAN, 2, 2, 0, 3, 170, 170 / 3], [FEB, 0, 0, 0, 0, 0, DIV_0], [MAR, 2, 1, 1, 3, 70, 70 / 3],
            [APR, 1, 0, 1, 1, 10, 10]])

    def test_without_amounts_revenue_and_aov_are_na(self):
        for formula in (f"=KPI.PERIODS({self.IDS};{self.DATES})", f"=KPI.PERIODS({self.IDS};{self.DATES};;;)",
                        f'=KPI.PERIODS({self.IDS};{self.DATES};"MONTH";;{self.ORDERS})'):
            with self.subTest(formula):
                orders = [2, 0, 2, 1] if self.ORDERS in formula else [3, 0, 3, 1]
                self.assertTable(formula, [[JAN, 2, 2, 0, orders[0], N_A, N_A], [FEB, 0, 0, 0, 0, N_A, N_A],
                                           [MAR, 2, 1, 1, orders[2], N_A, N_A], [APR, 1, 0, 1, 1, N_A, N_A]])

    def test_quarter_and_year(self):
        for word in ("quarter", "kuartal", "Quarter"):
            with self.subTest(word):
                self.assertTable(f'=KPI.PERIODS({self.IDS};{self.DATES};"{word}";{self.AMOUNTS};{self.ORDERS})',
                                 [[JAN, 3, 3, 0, 4, 240, 60], [APR, 1, 0, 1, 1, 10, 10]])
        for word in ("year", "tahun"):
            with self.subTest(word):
                self.assertTable(f'=KPI.PERIODS({self.IDS};{self.DATES};"{word}";{self.AMOUNTS};{self.ORDERS})',
                                 [[JAN, 3, 3, 0, 5, 250, 50]])

    def test_weeks_start_on_monday(self):
        # 2026-01-01 is a Thursday: its ISO week began on Monday 2025-12-29; Sunday January 4 is in it,
        # Monday January 5 starts the next; nobody orders in the week of January 12.
        rows = [("p", serial(2026, 1, 1, 0.3)), ("q", "2026-01-04T23:59:59+14:00"), ("r", serial(2026, 1, 5)),
                ("p", "2026-01-19 08:00:00 +0700")]
        self.sheet.fill("F1", [list(row) for row in rows])
        dec29 = serial(2025, 12, 29)
        self.assertEqual(date(2025, 12, 29).weekday(), 0)
        for word in ("week", "minggu", "Week"):
            with self.subTest(word):
                self.assertTable(f'=KPI.PERIODS(F1:F4;G1:G4;"{word}")', [
                    [dec29, 2, 2, 0, 2, N_A, N_A], [dec29 + 7, 1, 1, 0, 1, N_A, N_A],
                    [dec29 + 14, 0, 0, 0, 0, N_A, N_A], [dec29 + 21, 1, 0, 1, 1, N_A, N_A]])

    def test_days_ignore_the_time_of_day(self):
        rows = [("a", 46023.99), ("b", "2026-01-01 00:01"), ("a", 46024.5)]
        self.sheet.fill("F1", [list(row) for row in rows])
        for word in ("day", "hari"):
            with self.subTest(word):
                self.assertTable(f'=KPI.PERIODS(F1:F3;G1:G3;"{word}")',
                                 [[46023, 2, 2, 0, 2, N_A, N_A], [46024, 1, 0, 1, 1, N_A, N_A]])

    def test_period_starts_against_calc_date_functions(self):
        natives = {"day": "INT({d})", "week": "INT({d})-WEEKDAY({d};3)", "month": "DATE(YEAR({d});MONTH({d});1)",
                   "quarter": "DATE(YEAR({d});3*INT((MONTH({d})-1)/3)+1;1)", "year": "DATE(YEAR({d});1;1)"}
        days = [serial(2026, 1, 1, 0.75), serial(2027, 1, 3), serial(2024, 12, 30, 0.2), serial(2028, 2, 29, 0.5),
                serial(2000, 3, 1), serial(1999, 12, 31, 0.999), serial(2026, 9, 30, 0.6), serial(1900, 3, 1)]
        for grain, native in natives.items():
            for d in days:
                with self.subTest(grain=grain, day=d):
                    self.assertSameAsNative(f'=INDEX(KPI.PERIODS("x";{d};"{grain}");1;1)', "=" + native.format(d=d))

    def test_dates_follow_the_documents_null_date(self):
        # With day 0 = 1904-01-01, date cells and ISO text dates are both read in that system, and the
        # period starts are serials of that system, as Calc's DATE() gives them.
        null_date = self.sheet.doc.NullDate
        null_date.Day, null_date.Month, null_date.Year = 1, 1, 1904
        self.sheet.doc.NullDate = null_date
        system_1904 = date(1904, 1, 1)
        self.sheet.fill("F1", [["a", (date(2026, 1, 5) - system_1904).days], ["b", "2026-02-28T12:00:00Z"]])
        jan, feb = (date(2026, 1, 1) - system_1904).days, (date(2026, 2, 1) - system_1904).days
        self.assertTable("=KPI.PERIODS(F1:F2;G1:G2)", [[jan, 1, 1, 0, 1, N_A, N_A], [feb, 1, 1, 0, 1, N_A, N_A]])
        self.assertSameAsNative("=INDEX(KPI.PERIODS(F1:F2;G1:G2);2;1)", "=DATE(2026;2;1)")
        self.assertSameAsNative("=KPI.NEWPROSPECTS(F1:F2;G1:G2;DATE(2026;2;28);DATE(2026;2;28))", "=1")

    def test_a_range_of_fewer_columns_shows_the_first_ones(self):
        # Calc's own behaviour for an array formula over a smaller range: the top-left part.
        got = self.table(f"=KPI.PERIODS({self.IDS};{self.DATES};;{self.AMOUNTS})", 2, columns=3)
        self.assertEqual(got, [[JAN, 2, 2], [FEB, 0, 0]])

    def test_errors(self):
        n = self.N
        data = f"{self.IDS};{self.DATES}"
        for formula, code in [
            (f"=KPI.PERIODS(A1:A{n};C1:C{n - 1})", VALUE),
            (f"=KPI.PERIODS(A1:A{n - 1};C1:C{n})", VALUE),
            (f'=KPI.PERIODS({data};"month";D1:D{n + 1})', VALUE),
            (f'=KPI.PERIODS({data};"month";;B1:B{n - 1})', VALUE),
            (f'=KPI.PERIODS({data};"fortnight")', ERR502),
            (f'=KPI.PERIODS({data};"bulanan")', ERR502),
            ("=KPI.PERIODS(H1:H3;C1:C3)", DIV0),  # no IDs
            ('=KPI.PERIODS({"a";"b"};{"x";"14/03/2026"})', DIV0),  # no dates
            ('=KPI.PERIODS({"a";"b"};{46023;20240115})', NUM),  # 20240115 typed for 2024-01-15
            ('=KPI.PERIODS({"a";"b"};{46023;20240115};"year")', NUM),
            ('=KPI.PERIODS({"a";"b"};{46023;62407};"day")', NUM),  # 16,385 days
            # a number no calendar has a day for (more than 2E9 days from day 0), wherever it is
            ('=KPI.PERIODS({"a";"b";"c"};{46023;20240115;1E308})', ERR502),
            ('=KPI.PERIODS({"a";"b";"c"};{-1E308;46023;20240115};"year")', ERR502),
        ]:
            with self.subTest(formula):
                self.assertCalcError(formula, code)
        # 16,384 days is the longest table; a far date in a row without an ID is skipped.
        self.assertSameAsNative('=ROWS(KPI.PERIODS({"a";"b"};{46023;62406};"day"))', "=16384")
        self.assertSameAsNative('=ROWS(KPI.PERIODS({"a";"";"c"};{46023;1E308;46054}))', "=2")

    def test_error_cell_inside_the_ranges_is_err504(self):
        self.sheet.formula("C3", "=NA()")
        self.assertCalcError(f"=KPI.PERIODS({self.IDS};{self.DATES})", ERR504)


# ---- ISO 8601 text dates in every raw-data function ----

class IsoTextDates(PeriodsTestCase):
    """The same orders twice: B holds date cells, C the same dates as ISO 8601 text of every shape (and D the
    dates as other text, which is skipped). Every function with a date column gives the same result from B
    and C."""

    ROWS = [  # id, date cell, ISO text of the same day, other text
        ("a", serial(2026, 1, 5, 0.4), "2026-01-05", "05/01/2026"),
        ("b", serial(2026, 1, 20), "2026-01-20 10:22", "20.01.2026"),
        ("a", serial(2026, 2, 3, 0.75), "2026-02-03T18:00:00+07:00", "2026-2-3"),
        ("c", serial(2026, 2, 10), "2026-02-10 10:22:01 +0700", "Feb 10, 2026"),
        ("b", serial(2026, 2, 28, 0.999), "2026-02-28T23:59:59.999Z", "2026-02-30"),
        ("d", serial(2026, 3, 1), " 2026-03-01 ", "2026-03-01x"),
        ("c", serial(2026, 3, 2), "2026-03-02T00:00", "20260302"),
        ("e", serial(2026, 2, 15), "2026-02-15 09:00:00,5-0300", "15-02-2026"),
        ("a", serial(2026, 3, 31, 0.5), "2026-03-31T12:00:00-12:00", "31/03/26"),
    ]

    def setUp(self):
        super().setUp()
        self.sheet.fill("A1", [list(row) for row in self.ROWS])
        n = len(self.ROWS)
        self.ids, self.cells, self.texts, self.others = (f"{c}1:{c}{n}" for c in "ABCD")
        for r in range(1, n + 1):
            self.assertEqual(self.sheet.cell(f"C{r}").getType().value, "TEXT")

    def test_period_counts_read_iso_text_as_the_date_as_written(self):
        for function in ("KPI.NEWPROSPECTS", "KPI.ACTIVE", "KPI.RETURNING"):
            for start, end in [(JAN, FEB - 1), (FEB, MAR - 1), (MAR, APR - 1), (FEB, FEB + 2), (JAN, APR)]:
                with self.subTest(function=function, start=start, end=end):
                    self.assertSameAsNative(f"={function}({self.ids};{self.texts};{start};{end})",
                                            f"={function}({self.ids};{self.cells};{start};{end})")
        # Counted by hand for February: active a, b, c, e; new c, e; returning a, b.
        self.assertSameAsNative(f"=KPI.ACTIVE({self.ids};{self.texts};{FEB};{MAR - 1})", "=4")
        self.assertSameAsNative(f"=KPI.NEWPROSPECTS({self.ids};{self.texts};{FEB};{MAR - 1})", "=2")
        self.assertSameAsNative(f"=KPI.RETURNING({self.ids};{self.texts};{FEB};{MAR - 1})", "=2")

    def test_cohort_and_periods_read_iso_text(self):
        for texts, cells in [(f"=KPI.COHORT({self.ids};{self.texts})", f"=KPI.COHORT({self.ids};{self.cells})"),
                             (f'=KPI.COHORT({self.ids};{self.texts};"week";"customers")',
                              f'=KPI.COHORT({self.ids};{self.cells};"week";"customers")'),
                             (f"=KPI.PERIODS({self.ids};{self.texts})", f"=KPI.PERIODS({self.ids};{self.cells})"),
                             (f'=KPI.PERIODS({self.ids};{self.texts};"day")',
                              f'=KPI.PERIODS({self.ids};{self.cells};"day")')]:
            with self.subTest(texts):
                from_cells = self.table(cells, 60, columns=12)
                self.assertEqual(self.table(texts, 60, columns=12), from_cells)
                self.assertNotEqual(from_cells[0][0], N_A)
        self.assertTable(f"=KPI.PERIODS({self.ids};{self.texts})", [
            [JAN, 2, 2, 0, 2, N_A, N_A], [FEB, 4, 2, 2, 4, N_A, N_A], [MAR, 3, 1, 2, 3, N_A, N_A]])

    def test_other_text_is_skipped(self):
        # Only the dates of column D that are no ISO date are text: every row is skipped.
        for formula in (f"=KPI.COHORT({self.ids};{self.others})", f"=KPI.PERIODS({self.ids};{self.others})"):
            with self.subTest(formula):
                self.assertCalcError(formula, DIV0)
        self.assertSameAsNative(f"=KPI.ACTIVE({self.ids};{self.others};{JAN};{APR})", "=0")

    def test_inline_arrays_and_single_text_dates(self):
        self.assertSameAsNative('=KPI.ACTIVE({"a";"b";"a"};{"2026-02-01";"2026-02-28T23:00:00-01:00";"x"};'
                                'DATE(2026;2;1);DATE(2026;2;28))', "=2")
        self.assertSameAsNative('=INDEX(KPI.PERIODS("a";"2026-03-14 10:22:01 +0700";"day");1;1)', "=DATE(2026;3;14)")

    def test_amounts_and_durations_stay_numbers(self):
        # An ISO date in a number column is text, not a number: the amount is skipped, the session has no
        # duration.
        self.sheet.fill("F1", [[12.0], ["2026-03-14"]])
        self.assertSameAsNative('=INDEX(KPI.PERIODS({"a";"a"};{46023;46023};;F1:F2);1;6)', "=12")
        self.assertSameAsNative("=KPI.ENGAGEDSESSIONS(F1:F2;{1;1};;5)", "=1")


# ---- 5,000 generated rows against pandas ----

SEED = 20260314
ROWS = 5_000
FIRST = date(2025, 1, 1)
DAYS = 548  # 2025-01-01 ... 2026-07-02
CLOSED = (date(2025, 8, 1), date(2025, 8, 31))  # the shop was closed: an empty month in the tables
IDS, ORDERS, DATES, AMOUNTS = (f"{c}1:{c}{ROWS}" for c in "ABCD")
GRAINS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}  # W-SUN: weeks from Monday


def iso_text(day, rng):
    """An ISO 8601 text of the day, as exports write it: with or without a time, a fraction, an offset."""
    d = day.isoformat()
    hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    offset = rng.choice(("+07:00", "-05:00", "+0530", "Z", "-12:00", "+14:00"))
    return rng.choice((d, f"{d} {hh:02d}:{mm:02d}", f"{d}T{hh:02d}:{mm:02d}:{ss:02d}{offset}",
                       f"{d} {hh:02d}:{mm:02d}:{ss:02d} {offset.replace(':', '')}",
                       f"{d}T{hh:02d}:{mm:02d}:{ss:02d}.{rng.randrange(1000):03d}Z"))


def generate(seed=SEED):
    """ROWS rows of [customer, order, date, amount] (None = empty) and, per row, its true day (None when
    the row has no usable date)."""
    rng = random.Random(seed)
    customers = [f"C{i:04d}" for i in range(1, 801)] + [str(i) for i in range(5001, 5041)]
    open_days = [d for d in range(DAYS) if not CLOSED[0] <= FIRST + timedelta(days=d) <= CLOSED[1]]
    # Orders in no particular date order, as exports merged from several channels are.
    orders = [(rng.choice(open_days), rng.choice(customers), number) for number in range(1, ROWS)]
    rows, days = [], []
    for day_number, customer, number in orders:
        day = FIRST + timedelta(days=day_number)
        for _ in range(rng.choice((1, 1, 2, 3))):
            if len(rows) == ROWS:
                break
            if rng.random() < 0.01:  # a blank row
                rows.append([None, None, None, None])
                days.append(None)
                continue
            r = rng.random()
            if r < 0.005:
                when, true_day = None, None
            elif r < 0.015:  # text that is no ISO date: skipped
                unpadded = f"{day.year}-{day.month}-{day.day}"
                when = rng.choice((day.strftime("%d/%m/%Y"), "n/a", day.strftime("%Y/%m/%d"), day.strftime("%Y%m%d"),
                                   unpadded if unpadded != day.isoformat() else f"{unpadded}x"))
                true_day = None
            elif r < 0.20:
                when, true_day = iso_text(day, rng), day
            else:
                when, true_day = float((day - NULL_DATE).days) + rng.random(), day
            who = customer if rng.random() < 0.9 else rng.choice((customer.lower(), f" {customer} ", None))
            if who is not None and who.strip().isdigit() and rng.random() < 0.5:
                who = float(who)
            order = f"O{number:05d}" if rng.random() < 0.97 else rng.choice((None, f" o{number:05d}"))
            amount = round(rng.uniform(5, 400), 2) if rng.random() < 0.97 else rng.choice((None, "-"))
            rows.append([who, order, when, amount])
            days.append(true_day)
        if len(rows) == ROWS:
            break
    assert len(rows) == ROWS
    return rows, days


def normalise_id(value):
    if value is None:
        return None
    if isinstance(value, float):
        return str(int(value)) if value == math.floor(value) else repr(value)
    return value.strip().casefold() or None


def reference_frame(rows, days):
    return pd.DataFrame({
        "id": [normalise_id(r[0]) for r in rows],
        "order": [normalise_id(r[1]) for r in rows],
        "day": [pd.Timestamp(d) if d is not None else pd.NaT for d in days],
        "amount": [r[3] if isinstance(r[3], float) else math.nan for r in rows],
    })


def ref_periods(frame, grain, amounts, order_ids):
    """The period table: [start serial, active, new, returning, orders, revenue, AOV] per period."""
    freq = GRAINS[grain]
    dated = frame.dropna(subset=["id", "day"]).copy()
    dated["period"] = dated["day"].dt.to_period(freq).map(lambda p: p.ordinal)
    first = dated.groupby("id")["period"].min()
    active = dated.groupby("period")["id"].nunique()
    new = first.value_counts()
    if order_ids:
        orders = dated.dropna(subset=["order"]).groupby("period")["order"].nunique()
    else:
        orders = dated.groupby("period").size()
    revenue = dated.groupby("period")["amount"].sum()
    table = []
    for p in range(dated["period"].min(), dated["period"].max() + 1):
        start = (pd.Period(ordinal=p, freq=freq).start_time - pd.Timestamp(NULL_DATE)).days
        a, n, o = int(active.get(p, 0)), int(new.get(p, 0)), int(orders.get(p, 0))
        if amounts:
            money = float(revenue.get(p, 0.0))
            aov = money / o if o else DIV_0
        else:
            money = aov = N_A
        table.append([start, a, n, a - n, o, money, aov])
    return table


class PeriodsOnGeneratedData(PeriodsTestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()
        cls.rows, cls.days = generate()
        cls.frame = reference_frame(cls.rows, cls.days)
        cls.data = cls.office.new_sheet()
        cells = tuple(tuple("" if v is None else v for v in row) for row in cls.rows)
        cls.data.sheet.getCellRangeByName(f"A1:D{ROWS}").setDataArray(cells)

    @classmethod
    def tearDownClass(cls):
        cls.data.close()

    def setUp(self):
        self.sheet = self.data

    def tearDown(self):
        pass

    def test_the_data_has_every_kind_of_date(self):
        dates = [row[2] for row in self.rows]
        self.assertGreater(sum(isinstance(d, str) and "T" in d for d in dates), 100)  # ISO text, with offsets
        self.assertGreater(sum(isinstance(d, str) and len(d) == 10 and d[4] == "-" for d in dates), 50)
        self.assertGreater(sum(isinstance(d, float) for d in dates), 3500)
        self.assertGreater(sum(d is None for d in dates), 40)  # blank rows and empty dates
        self.assertGreater(sum(isinstance(d, str) and day is None for d, day in zip(dates, self.days)), 20)
        self.assertEqual(self.sheet.cell("E1").getType().value, "EMPTY")
        text_rows = [i for i, d in enumerate(dates) if isinstance(d, str)]
        self.assertEqual(self.sheet.sheet.getCellByPosition(2, text_rows[0]).getType().value, "TEXT")
        self.assertTrue(700 <= self.frame["id"].nunique() <= 840)

    def check(self, grain, amounts=True, order_ids=True):
        arguments = f'{IDS};{DATES};"{grain}";{AMOUNTS if amounts else ""};{ORDERS if order_ids else ""}'
        expected = ref_periods(self.frame, grain, amounts, order_ids)
        self.assertTable(f"=KPI.PERIODS({arguments})", expected)
        return expected

    def test_month(self):
        expected = self.check("month")
        closed = [row for row in expected if row[0] == serial(2025, 8, 1)]
        self.assertEqual(closed, [[serial(2025, 8, 1), 0, 0, 0, 0, 0.0, DIV_0]])
        self.assertEqual(len(expected), 19)

    def test_month_without_order_ids(self):
        self.check("month", order_ids=False)

    def test_month_without_amounts(self):
        self.check("month", amounts=False)

    def test_week(self):
        self.check("week")

    def test_quarter(self):
        self.check("quarter", order_ids=False)

    def test_year(self):
        self.check("year")

    def test_day(self):
        self.assertGreater(len(self.check("day", amounts=False)), 500)

    def test_new_customers_add_up_to_the_distinct_dated_ids(self):
        table = ref_periods(self.frame, "week", False, False)
        self.assertEqual(sum(row[2] for row in table), self.frame.dropna(subset=["id", "day"])["id"].nunique())
        self.compute(J1=f'=SUM(INDEX(KPI.PERIODS({IDS};{DATES};"week");0;3))')
        self.assertEqual(self.sheet.value("J1"), sum(row[2] for row in table))
        self.sheet.cell("J1").clearContents(1023)

    def test_each_row_agrees_with_active_newprospects_and_returning(self):
        """The month and week tables in the sheet, and next to each row KPI.ACTIVE, KPI.NEWPROSPECTS and
        KPI.RETURNING over that row's period, its bounds taken from the table's own start cells."""
        for grain, end_of in (("month", "EDATE(L{r};1)-1"), ("week", "L{r}+6"), ("quarter", "EDATE(L{r};3)-1")):
            with self.subTest(grain):
                rows = len(ref_periods(self.frame, grain, False, False))
                area = self.sheet.sheet.getCellRangeByPosition(11, 0, 17, rows - 1)  # L1:R<rows>
                area.setArrayFormula(f'=KPI.PERIODS({IDS};{DATES};"{grain}")')
                for r in range(1, rows + 1):
                    end = end_of.format(r=r)
                    for column, function in zip("TUV", ("KPI.ACTIVE", "KPI.NEWPROSPECTS", "KPI.RETURNING")):
                        self.sheet.formula(f"{column}{r}", f"={function}({IDS};{DATES};L{r};{end})")
                self.sheet.recalculate()
                table = area.getDataArray()
                singles = self.sheet.sheet.getCellRangeByName(f"T1:V{rows}").getDataArray()
                self.assertEqual([row[1:4] for row in table], [tuple(row) for row in singles])
                self.assertGreater(sum(row[0] for row in singles), 0)
                self.sheet.sheet.getCellRangeByName(f"L1:V{rows}").clearContents(1023)


# ---- saved and reloaded ----

class PeriodsRoundTrip(PeriodsTestCase):
    FORMATS = {"ods": ("calc8", "content.xml"), "xlsx": ("Calc MS Excel 2007 XML", "xl/worksheets/sheet1.xml")}

    def setUp(self):
        super().setUp()
        self.directory = tempfile.mkdtemp(prefix="kpi-periods-")
        self.sheet.fill("A1", [list(row) for row in PeriodsByHand.ROWS])
        self.area = self.sheet.sheet.getCellRangeByName("L1:R5")
        self.area.setArrayFormula('=KPI.PERIODS(A1:A10;C1:C10;"month";D1:D10;B1:B10)')
        self.sheet.formula("L7", "=KPI.ACTIVE(A1:A10;C1:C10;DATE(2026;3;1);DATE(2026;3;31))")
        self.sheet.recalculate()
        self.before = self.state(self.sheet)

    def tearDown(self):
        super().tearDown()
        shutil.rmtree(self.directory, ignore_errors=True)

    @staticmethod
    def state(sheet):
        cells = [sheet.sheet.getCellRangeByName("L1:R5").getCellByPosition(c, r) for r in range(5) for c in range(7)]
        cells.append(sheet.cell("L7"))
        return [(cell.getValue(), cell.getError(), cell.getFormula()) for cell in cells]

    def check_format(self, extension):
        filter_name, stored_part = self.FORMATS[extension]
        path = os.path.join(self.directory, f"periods.{extension}")
        self.sheet.save(path, filter_name)
        with zipfile.ZipFile(path) as archive:
            stored = archive.read(stored_part).decode("utf-8")
        self.assertIn("KPI.PERIODS(", stored)
        self.assertNotIn("ORG.", stored.upper().replace("ORG.OPENOFFICE", ""))
        reloaded = self.office.open(path)
        try:
            reloaded.recalculate()
            self.assertEqual(self.state(reloaded), self.before)
            self.assertEqual(reloaded.sheet.getCellRangeByName("L1:R5").getArrayFormula(),
                             self.area.getArrayFormula())
            self.assertEqual(self.before[7 + 6][1], DIV0)  # February's AOV is #DIV/0! before and after
            self.assertEqual(self.before[4 * 7][1], NA)  # the padding row
        finally:
            reloaded.close()

    def test_ods(self):
        self.check_format("ods")

    def test_xlsx(self):
        self.check_format("xlsx")


if __name__ == "__main__":
    main()
