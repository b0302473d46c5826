"""The raw-data KPI functions in real Calc on 10,000 rows of untidy order and session data, against an
independent reference written with pandas.

The data is generated in the test with random.Random(SEED): about 1,500 customers ("C00042", some rows in
other case or with spaces around; some IDs are digits, given in some rows as numbers and in others as text,
123 and "123"), orders of one to three item rows with order IDs, order dates over 18 months as serial numbers
with times of day (a few empty dates, ISO 8601 text dates, which count, and other text), amounts (a few empty or text), and sessions (duration, page
views, key events). Rows are in date order, so the first and second half of the rows are two periods.

Counts must be equal, fractions and sums equal to a relative 1e-12, and every cell of the cohort matrices
(#N/A cells included) as the reference says.

KPI.AOV.IDS also on a marketplace's line-item export written as CSV and opened in Calc as a user opens it
(several item rows per order, discount rows, blank lines, invoice numbers as text and order numbers as
digits, which Calc reads as numbers): it equals df.amount.sum() / df.order_id.nunique() of pandas reading
the same file."""
import csv
import math
import os
import random
import re
import tempfile
from datetime import date, timedelta

import pandas as pd
import uno

from kpitest import DIV0, NA, NUM, VALUE, OfficeTestCase, main, shared_office
from office import Sheet, props

SEED = 20260101
ROWS = 10_000
FIRST_DAY = (date(2025, 1, 1) - date(1899, 12, 30)).days  # serial number of 2025-01-01
DAYS = 548  # about 18 months: 2025-01-01 ... 2026-07-02
NULL_DATE = pd.Timestamp("1899-12-30")  # Calc's default day 0
N_A = "#N/A"
IDS, ORDERS, DATES, AMOUNTS = (f"{c}1:{c}{ROWS}" for c in "ABCD")
DURATIONS, PAGEVIEWS, KEY_EVENTS = (f"{c}1:{c}{ROWS}" for c in "FGH")
HALF = ROWS // 2


# ---- the data ----

def generate(seed=SEED):
    """ROWS rows of (customer id, order id, date, amount, duration, pageviews, key events); None = empty."""
    rng = random.Random(seed)
    customers = ([f"C{i:05d}" for i in range(1, 1401)] + [str(i) for i in range(9001, 9097)]
                 + ["123", "12.5", "0.75", "1234.5"])
    orders = []  # (date, customer)
    for customer in customers:
        first = rng.uniform(0, DAYS)
        orders.append((first, customer))
        for _ in range(min(int(rng.expovariate(0.35)), 25)):
            orders.append((rng.uniform(first, DAYS), customer))
    while len(orders) * 2 < ROWS + 200:  # enough orders (two item rows on average) for ROWS rows
        first = rng.uniform(0, DAYS)
        orders.append((first, rng.choice(customers)))
    orders.sort()

    rows = []
    for number, (day, customer) in enumerate(orders, start=1):
        order_id = render_order_id(number, rng)
        when = float(FIRST_DAY + (math.floor(day) if rng.random() < 0.03 else day))  # a few whole days
        for _ in range(rng.choice((1, 1, 2, 2, 3, 3))):
            item_order_id = order_id(rng)
            rows.append([render_customer(customer, rng), item_order_id, render_date(when, rng),
                         render_amount(rng)])
            if len(rows) == ROWS:
                break
        if len(rows) == ROWS:
            break
    assert len(rows) == ROWS, len(rows)
    for row in rows:
        row.extend(render_session(rng))
    return rows


def render_customer(customer, rng):
    r = rng.random()
    if r < 0.005:
        return None
    if customer[0].isdigit():  # 9001 / "9001" / " 9001 "; 12.5 / "12.5"
        return float(customer) if r < 0.5 else (customer if r < 0.8 else f" {customer} ")
    if r < 0.06:
        return customer.lower()
    if r < 0.09:
        return f"  {customer}"
    if r < 0.12:
        return f"{customer} "
    if r < 0.13:
        return f"\t{customer.lower()}\u00a0"
    return customer


def render_order_id(number, rng):
    """A function giving each item row of order `number` its order ID cell: text "O000123" (sometimes in
    lower case or with spaces), or for some orders the number 700123, as a number or as text."""
    numeric = rng.random() < 0.1

    def item(rng):
        r = rng.random()
        if r < 0.003:
            return None
        if numeric:
            return float(700_000 + number) if r < 0.6 else str(700_000 + number)
        text = f"O{number:06d}"
        return text.lower() if r < 0.05 else (f" {text} " if r < 0.08 else text)
    return item


def render_date(serial, rng):
    r = rng.random()
    if r < 0.003:
        return None
    if r < 0.006:
        return rng.choice(("n/a", "2025-03-01", "unknown"))
    return serial


def render_amount(rng):
    r = rng.random()
    if r < 0.01:
        return None
    if r < 0.015:
        return "-"
    return round(rng.uniform(5, 400), 2)


def render_session(rng):
    r = rng.random()
    if r < 0.005:
        return [None, None, None]
    duration = float(rng.randint(0, 12)) if r < 0.3 else round(rng.expovariate(1 / 40), 1)
    pageviews = 1 + int(rng.expovariate(1.2))
    key_events = rng.choice((1, 2)) if rng.random() < 0.1 else 0
    session = [duration, float(pageviews), float(key_events)]
    if rng.random() < 0.03:
        session[rng.randrange(3)] = None
    return session


# ---- the pandas reference ----

def normalise_id(value):
    """An ID as the spec compares them: a whole number as its digits, another number as Python's repr,
    text without surrounding white space and case-folded; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, float):
        return str(int(value)) if value == math.floor(value) and abs(value) < 1e15 else repr(value)
    return value.strip().casefold() or None


def number_or_nan(value):
    return value if isinstance(value, float) else math.nan


def day_or_nan(value):
    """The whole day of a date cell: a serial number, or a text YYYY-MM-DD (an ISO 8601 date, the only
    form of date text the data has); NaN for an empty cell or other text."""
    if isinstance(value, float):
        return math.floor(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (date.fromisoformat(value) - date(1899, 12, 30)).days
    return math.nan


def reference_orders(rows):
    """The order columns as pandas sees them: normalised IDs, whole days (NaN for an empty date or text
    other than an ISO date), amounts (NaN when empty or text)."""
    return pd.DataFrame({
        "id": [normalise_id(r[0]) for r in rows],
        "order": [normalise_id(r[1]) for r in rows],
        "day": [day_or_nan(r[2]) for r in rows],
        "amount": [number_or_nan(r[3]) for r in rows],
    })


def reference_sessions(rows):
    return pd.DataFrame({"duration": [number_or_nan(r[4]) for r in rows],
                         "pageviews": [number_or_nan(r[5]) for r in rows],
                         "key_events": [number_or_nan(r[6]) for r in rows]})


def ref_distinct(*id_columns):
    return pd.concat(id_columns).nunique()


def ref_first_days(orders):
    return orders.dropna(subset=["id", "day"]).groupby("id")["day"].min()


def ref_new_prospects(orders, start, end):
    return int(ref_first_days(orders).between(math.floor(start), math.floor(end)).sum())


def ref_active_ids(orders, start, end):
    return orders.loc[orders["day"].between(math.floor(start), math.floor(end)), "id"].dropna().unique()


def ref_active(orders, start, end):
    return len(ref_active_ids(orders, start, end))


def ref_returning(orders, start, end):
    first = ref_first_days(orders)
    return int((first.loc[ref_active_ids(orders, start, end)] < math.floor(start)).sum())


def ref_retention(start_ids, end_ids):
    start = pd.Series(start_ids.dropna().unique())
    return int(start.isin(set(end_ids.dropna())).sum()) / len(start)


def ref_orders_per_customer(orders, with_order_ids):
    if not with_order_ids:
        return orders["id"].dropna().value_counts()
    pairs = orders.dropna(subset=["id", "order"]).drop_duplicates(["id", "order"])
    return pairs.groupby("id").size()


def ref_repeat_rate(orders, with_order_ids):
    per_customer = ref_orders_per_customer(orders, with_order_ids)
    return int((per_customer >= 2).sum()) / len(per_customer)


def ref_purchase_frequency(orders, with_order_ids):
    if not with_order_ids:
        return int(orders["id"].notna().sum()) / orders["id"].nunique()
    pairs = orders.dropna(subset=["id", "order"])
    return pairs["order"].nunique() / pairs["id"].nunique()


def ref_engaged_sessions(sessions, min_seconds=10, key_events=True):
    engaged = (sessions["duration"] > min_seconds) | (sessions["pageviews"] >= 2)
    if key_events:
        engaged |= sessions["key_events"] >= 1
    return int(engaged.sum())


PANDAS_FREQ = {"month": "M", "week": "W-SUN"}  # W-SUN: weeks ending on Sunday, i.e. starting on Monday


def ref_cohort(orders, grain, measure):
    """The cohort matrix: rows [start serial, size, period 0, 1, ...] oldest cohort first, N_A past the last
    period of the data."""
    freq = PANDAS_FREQ[grain]
    dated = orders.dropna(subset=["id", "day"]).copy()
    stamps = NULL_DATE + pd.to_timedelta(dated["day"], unit="D")
    dated["period"] = stamps.dt.to_period(freq).map(lambda p: p.ordinal)
    dated["cohort"] = dated.groupby("id")["period"].transform("min")
    dated["offset"] = dated["period"] - dated["cohort"]
    sizes = dated.groupby("id")["cohort"].first().value_counts().sort_index()
    last = dated["period"].max()
    offsets = range(last - sizes.index.min() + 1)
    if measure == "revenue":
        table = dated.groupby(["cohort", "offset"])["amount"].sum()
    else:
        table = dated.groupby(["cohort", "offset"])["id"].nunique()
    table = table.unstack(fill_value=0).reindex(index=sizes.index, columns=offsets, fill_value=0)
    matrix = []
    for cohort, size in sizes.items():
        start = (pd.Period(ordinal=cohort, freq=freq).start_time - NULL_DATE).days
        row = [start, size]
        for k in offsets:
            if cohort + k > last:
                row.append(N_A)
            else:
                value = table.loc[cohort, k]
                row.append(value / size if measure == "retention" else value)
        matrix.append(row)
    return matrix


# ---- the tests ----

class RawDataOnTenThousandRows(OfficeTestCase):
    """One document with the data for every test of the class; each test's formulas go in J.. and are
    cleared after it."""

    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()
        cls.rows = generate()
        cls.orders = reference_orders(cls.rows)
        cls.sessions = reference_sessions(cls.rows)
        cls.data = cls.office.new_sheet()
        cells = tuple(tuple("" if v is None else v for v in row[:4]) + ("",) + tuple(
            "" if v is None else v for v in row[4:]) for row in cls.rows)
        cls.data.sheet.getCellRangeByName(f"A1:H{ROWS}").setDataArray(cells)
        cls.written = cells

    @classmethod
    def tearDownClass(cls):
        cls.data.close()

    def setUp(self):
        self.sheet = self.data

    def tearDown(self):
        self.sheet.sheet.getCellRangeByName("J1:IV2000").clearContents(1023)

    def results(self, formulas):
        """Each formula's (value, error code), computed together in J1, J2 ..."""
        for row, formula in enumerate(formulas, start=1):
            self.sheet.formula(f"J{row}", formula)
        self.sheet.recalculate()
        return [(self.sheet.value(f"J{row}"), self.sheet.error(f"J{row}")) for row in range(1, len(formulas) + 1)]

    def assertCounts(self, expected):
        """expected: {formula: count}; every formula computes exactly its count."""
        for (formula, want), (value, error) in zip(expected.items(), self.results(list(expected))):
            with self.subTest(formula):
                self.assertEqual(error, 0, f"{formula} gave error {error}")
                self.assertEqual(value, want, f"{formula}: Calc {value}, pandas {want}")

    def assertFractions(self, expected):
        for (formula, want), (value, error) in zip(expected.items(), self.results(list(expected))):
            with self.subTest(formula):
                self.assertEqual(error, 0, f"{formula} gave error {error}")
                self.assertClose(value, want, f"{formula}: Calc vs pandas")

    def assertMatrix(self, formula, expected):
        """The array formula over the reference's rows x columns plus one extra row and column: every cell as
        the reference says; the extra cells #N/A. Values are read with getDataArray (an error cell reads as
        None) and #N/A cells with a companion array formula =ISNA(area) placed to the right."""
        height, width = len(expected) + 1, len(expected[0]) + 1
        area = self.sheet.sheet.getCellRangeByPosition(11, 0, 11 + width - 1, height - 1)  # from L1
        mask = self.sheet.sheet.getCellRangeByPosition(12 + width, 0, 12 + 2 * width - 1, height - 1)
        area.setArrayFormula(formula)
        mask.setArrayFormula(f"=ISNA({area.AbsoluteName})")
        self.sheet.recalculate()
        values, is_na = area.getDataArray(), mask.getDataArray()
        mismatches = []
        for r in range(height):
            for c in range(width):
                want = expected[r][c] if r < len(expected) and c < len(expected[r]) else N_A
                got = N_A if is_na[r][c] else values[r][c]
                if got is None:  # an error other than #N/A
                    got = f"error {area.getCellByPosition(c, r).getError()}"
                ok = got == want if N_A in (got, want) or isinstance(got, str) else math.isclose(
                    got, want, rel_tol=1e-12, abs_tol=0 if want else 1e-300)
                if not ok:
                    mismatches.append(f"row {r + 1} column {c + 1}: Calc {got!r}, pandas {want!r}")
        # The #N/A cells are Calc's error 32767 itself, not only something ISNA accepts.
        self.assertEqual(area.getCellByPosition(width - 1, height - 1).getError(), NA)
        self.assertEqual(area.getCellByPosition(width - 2, 1).getError(), NA)
        self.assertEqual(mismatches, [], f"{formula}: {len(mismatches)} of {height * width} cells differ")

    # -- the data itself --

    def test_the_sheet_holds_the_generated_data(self):
        written = self.sheet.sheet.getCellRangeByName(f"A1:H{ROWS}").getDataArray()
        self.assertEqual(written, self.written)
        for address in ("E1", f"E{ROWS}"):
            self.assertEqual(self.sheet.cell(address).getType().value, "EMPTY")
        empty = [i for i, row in enumerate(self.rows) if row[0] is None]
        self.assertEqual(self.sheet.sheet.getCellByPosition(0, empty[0]).getType().value, "EMPTY")

    def test_the_data_has_the_untidy_cases(self):
        ids = [row[0] for row in self.rows]
        self.assertGreater(sum(v is None for v in ids), 10)
        self.assertGreater(sum(isinstance(v, str) and v != v.strip() for v in ids), 100)
        self.assertGreater(sum(isinstance(v, str) and v.strip().startswith("c") for v in ids), 100)
        numbers = {normalise_id(v) for v in ids if isinstance(v, float)}
        texts = {normalise_id(v) for v in ids if isinstance(v, str)}
        self.assertGreater(len(numbers & texts), 50)  # the same IDs as numbers and as text
        self.assertIn("12.5", numbers & texts)
        self.assertGreater(sum(row[2] is None for row in self.rows), 10)
        self.assertGreater(sum(isinstance(row[2], str) for row in self.rows), 10)
        self.assertGreater(sum(row[2] == "2025-03-01" for row in self.rows), 3)  # ISO text dates, which count
        self.assertGreater(sum(isinstance(row[2], float) and row[2] != math.floor(row[2]) for row in self.rows),
                           9000)
        self.assertTrue(1400 <= self.orders["id"].nunique() <= 1600, self.orders["id"].nunique())
        self.assertGreater(self.orders["order"].nunique(), 4000)

    # -- KPI.DISTINCT --

    def test_distinct(self):
        o = self.orders
        self.assertCounts({
            f"=KPI.DISTINCT({IDS})": ref_distinct(o["id"]),
            f"=KPI.DISTINCT({ORDERS})": ref_distinct(o["order"]),
            f"=KPI.DISTINCT(A1:B{ROWS})": ref_distinct(o["id"], o["order"]),
            f"=KPI.DISTINCT(A1:A{HALF})": ref_distinct(o["id"][:HALF]),
            f"=KPI.DISTINCT(A{HALF + 1}:A{ROWS})": ref_distinct(o["id"][HALF:]),
            "=KPI.DISTINCT(A1:A1000)": ref_distinct(o["id"][:1000]),
        })

    # -- KPI.NEWPROSPECTS, KPI.ACTIVE, KPI.RETURNING --

    def periods(self):
        """(start, end) serials: every calendar month of the data, two quarters, two ISO weeks, single days,
        the whole range, and bounds with a time of day."""
        out = []
        for month in range(19):
            y, m = 2025 + month // 12, month % 12 + 1
            start = (date(y, m, 1) - date(1899, 12, 30)).days
            end = (date(y + (m == 12), m % 12 + 1, 1) - date(1899, 12, 30)).days - 1
            out.append((start, end))
        serial = lambda y, m, d: (date(y, m, d) - date(1899, 12, 30)).days  # noqa: E731
        out += [(serial(2025, 4, 1), serial(2025, 6, 30)), (serial(2026, 1, 1), serial(2026, 3, 31)),
                (serial(2025, 9, 1), serial(2025, 9, 7)), (serial(2026, 2, 23), serial(2026, 3, 1)),
                (serial(2025, 12, 31), serial(2025, 12, 31)), (serial(2026, 5, 15), serial(2026, 5, 15)),
                (FIRST_DAY - 30, FIRST_DAY + DAYS + 30), (serial(2025, 7, 1) + 0.7, serial(2025, 7, 31) + 0.2)]
        return out

    def test_new_prospects(self):
        self.assertCounts({f"=KPI.NEWPROSPECTS({IDS};{DATES};{s};{e})": ref_new_prospects(self.orders, s, e)
                           for s, e in self.periods()})

    def test_active(self):
        self.assertCounts({f"=KPI.ACTIVE({IDS};{DATES};{s};{e})": ref_active(self.orders, s, e)
                           for s, e in self.periods()})

    def test_returning(self):
        self.assertCounts({f"=KPI.RETURNING({IDS};{DATES};{s};{e})": ref_returning(self.orders, s, e)
                           for s, e in self.periods()})

    def test_new_plus_returning_is_active(self):
        # A check of the reference itself: every active ID is new in the period or returning.
        for s, e in self.periods():
            self.assertEqual(ref_new_prospects(self.orders, s, e) + ref_returning(self.orders, s, e),
                             ref_active(self.orders, s, e))

    # -- KPI.RETENTION.IDS, KPI.CHURN.IDS --

    def test_retention_and_churn_between_two_halves(self):
        ids = self.orders["id"]
        splits = [(HALF, HALF), (4000, 4000), (2500, 7500)]  # start rows 1..a, end rows b+1..ROWS
        expected = {}
        for a, b in splits:
            retained = ref_retention(ids[:a], ids[b:])
            expected[f"=KPI.RETENTION.IDS(A1:A{a};A{b + 1}:A{ROWS})"] = retained
            expected[f"=KPI.CHURN.IDS(A1:A{a};A{b + 1}:A{ROWS})"] = 1 - retained
        self.assertFractions(expected)

    # -- KPI.REPEATRATE, KPI.PURCHASEFREQ --

    def test_repeat_rate(self):
        o, first = self.orders, self.orders[:HALF]
        self.assertFractions({
            f"=KPI.REPEATRATE({IDS})": ref_repeat_rate(o, False),
            f"=KPI.REPEATRATE({IDS};{ORDERS})": ref_repeat_rate(o, True),
            f"=KPI.REPEATRATE(A1:A{HALF})": ref_repeat_rate(first, False),
            f"=KPI.REPEATRATE(A1:A{HALF};B1:B{HALF})": ref_repeat_rate(first, True),
        })

    def test_purchase_frequency(self):
        o, first = self.orders, self.orders[:HALF]
        self.assertFractions({
            f"=KPI.PURCHASEFREQ({IDS})": ref_purchase_frequency(o, False),
            f"=KPI.PURCHASEFREQ({IDS};{ORDERS})": ref_purchase_frequency(o, True),
            f"=KPI.PURCHASEFREQ(A1:A{HALF})": ref_purchase_frequency(first, False),
            f"=KPI.PURCHASEFREQ(A1:A{HALF};B1:B{HALF})": ref_purchase_frequency(first, True),
        })

    # -- KPI.AOV.IDS --

    def test_average_order_value_from_order_ids(self):
        def ref_aov(orders):  # a row without an order ID is skipped, its amount too
            with_id = orders.dropna(subset=["order"])
            return with_id["amount"].sum() / with_id["order"].nunique()

        o = self.orders
        self.assertGreater(int((o["order"].isna() & o["amount"].notna()).sum()), 10)  # amounts without an ID
        self.assertFractions({
            f"=KPI.AOV.IDS({AMOUNTS};{ORDERS})": ref_aov(o),
            f"=KPI.AOV.IDS(D1:D{HALF};B1:B{HALF})": ref_aov(o[:HALF]),
            f"=KPI.AOV.IDS(D{HALF + 1}:D{ROWS};B{HALF + 1}:B{ROWS})": ref_aov(o[HALF:]),
        })

    # -- KPI.ENGAGEDSESSIONS --

    def test_engaged_sessions(self):
        s = self.sessions
        self.assertCounts({
            f"=KPI.ENGAGEDSESSIONS({DURATIONS};{PAGEVIEWS};{KEY_EVENTS})": ref_engaged_sessions(s),
            f"=KPI.ENGAGEDSESSIONS({DURATIONS};{PAGEVIEWS})": ref_engaged_sessions(s, key_events=False),
            f"=KPI.ENGAGEDSESSIONS({DURATIONS};{PAGEVIEWS};{KEY_EVENTS};30)": ref_engaged_sessions(s, 30),
            f"=KPI.ENGAGEDSESSIONS({DURATIONS};{PAGEVIEWS};;0)": ref_engaged_sessions(s, 0, key_events=False),
            f"=KPI.ENGAGEDSESSIONS({DURATIONS};{PAGEVIEWS};{KEY_EVENTS};5.5)": ref_engaged_sessions(s, 5.5),
        })

    # -- KPI.COHORT: the whole matrix --

    def test_cohort_month_retention(self):
        self.assertMatrix(f'=KPI.COHORT({IDS};{DATES};"month";"retention")', ref_cohort(self.orders, "month",
                                                                                        "retention"))

    def test_cohort_month_customers(self):
        self.assertMatrix(f'=KPI.COHORT({IDS};{DATES};"bulan";"customers")', ref_cohort(self.orders, "month",
                                                                                        "customers"))

    def test_cohort_month_revenue(self):
        self.assertMatrix(f'=KPI.COHORT({IDS};{DATES};"month";"revenue";{AMOUNTS})',
                          ref_cohort(self.orders, "month", "revenue"))

    def test_cohort_week_retention(self):
        self.assertMatrix(f'=KPI.COHORT({IDS};{DATES};"week")', ref_cohort(self.orders, "week", "retention"))

    def test_cohort_week_customers(self):
        self.assertMatrix(f'=KPI.COHORT({IDS};{DATES};"minggu";"pelanggan")',
                          ref_cohort(self.orders, "week", "customers"))

    def test_cohort_week_revenue(self):
        self.assertMatrix(f'=KPI.COHORT({IDS};{DATES};"week";"pendapatan";{AMOUNTS})',
                          ref_cohort(self.orders, "week", "revenue"))

    def test_cohort_of_the_second_half_only(self):
        half = self.orders[HALF:]
        self.assertMatrix(f'=KPI.COHORT(A{HALF + 1}:A{ROWS};C{HALF + 1}:C{ROWS};"month";"customers")',
                          ref_cohort(half, "month", "customers"))


# ---- KPI.AOV.IDS on a line-item export ----

EXPORT_ORDERS = 1_500


def line_item_export(seed=SEED):
    """A marketplace's line-item export, as the rows of its CSV: a header, then one row per item of each
    order (1 to 4 items; sometimes a discount row with a negative amount, or a free gift without an amount),
    a blank line now and then, as exports that are pasted together have, and a few rows of empty fields.
    Order IDs are invoice numbers ("INV/20250314/MP/000123", some rows in lower case or with spaces around)
    or, for a quarter of the orders, order numbers of digits (5000123, in some rows with a space after it)."""
    rng = random.Random(seed)
    rows = [["order_id", "order_date", "sku", "qty", "unit_price", "amount"]]
    day = date(2025, 1, 1)
    for number in range(1, EXPORT_ORDERS + 1):
        day += timedelta(days=rng.random() < 0.2)
        when = f"{day.isoformat()} {rng.randrange(24):02d}:{rng.randrange(60):02d}"
        numeric = rng.random() < 0.25
        order_id = f"{5_000_000 + number}" if numeric else f"INV/{day:%Y%m%d}/MP/{number:06d}"
        items = [(f"SKU-{rng.randrange(1, 400):04d}", rng.randrange(1, 4), rng.randrange(10, 900) * 1000)
                 for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4)))]
        if rng.random() < 0.1:
            items.append(("DISKON", 1, -rng.randrange(5, 50) * 1000))
        for sku, qty, price in items:
            cell = order_id
            r = rng.random()
            if r < 0.05:
                cell = order_id.lower() if not numeric else order_id + " "
            elif r < 0.08:
                cell = f" {order_id} "
            amount = "" if rng.random() < 0.01 else f"{qty * price:.2f}"
            rows.append([cell, when, sku, str(qty), str(price), amount])
        if rng.random() < 0.02:
            rows.append([])  # a blank line
        elif rng.random() < 0.005:
            rows.append([""] * 6)  # a row of empty fields
    return rows


def open_csv(office, path):
    """The CSV as Calc opens an export: comma separated, UTF-8, every column as Calc recognises it (digits
    are numbers), English number format."""
    doc = office.desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(path), "_blank", 0,
        props(Hidden=True, FilterName="Text - txt - csv (StarCalc)", FilterOptions="44,34,76,1,,1033"))
    office.documents.append(doc)
    return Sheet(office, doc)


class AverageOrderValueOfALineItemExport(OfficeTestCase):
    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()
        cls.directory = tempfile.mkdtemp(prefix="kpi-aov-")
        cls.path = os.path.join(cls.directory, "order-items.csv")
        with open(cls.path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(line_item_export())
        cls.export = open_csv(cls.office, cls.path)
        used = cls.export.sheet.createCursor()
        used.gotoEndOfUsedArea(False)
        cls.last_row = used.getRangeAddress().EndRow + 1  # the sheet's row of the last item

    @classmethod
    def tearDownClass(cls):
        cls.export.close()
        os.remove(cls.path)
        os.rmdir(cls.directory)

    def pandas_aov(self):
        """What pandas says, from the same file: the sum of the amounts over the distinct order IDs, the IDs
        compared as the spec compares them (without surrounding spaces, without regard to case)."""
        df = pd.read_csv(self.path, dtype={"order_id": str})
        df["order_id"] = df.order_id.str.strip().str.casefold()
        return df.amount.sum() / df.order_id.nunique(), df

    def test_the_export_has_the_cases(self):
        _, df = self.pandas_aov()
        self.assertEqual(df.order_id.nunique(), EXPORT_ORDERS)
        self.assertGreater(len(df), 2 * EXPORT_ORDERS)  # several items per order
        self.assertGreater(int((df.amount < 0).sum()), 50)  # discount rows
        self.assertGreater(int(df.amount.isna().sum()), 10)  # free gifts, and rows of empty fields
        cells = self.export.sheet.getCellRangeByName(f"A2:A{self.last_row}").getDataArray()
        ids = [row[0] for row in cells]
        self.assertGreater(sum(v == "" for v in ids), 10)  # blank lines
        self.assertGreater(sum(isinstance(v, float) for v in ids), 500)  # order numbers read as numbers
        self.assertGreater(sum(isinstance(v, str) and v.startswith("INV/") for v in ids), 2000)
        self.assertGreater(sum(isinstance(v, str) and v != v.strip() for v in ids), 50)

    def test_equals_the_sum_over_the_distinct_order_ids_of_pandas(self):
        want, _ = self.pandas_aov()
        amounts, ids = f"F2:F{self.last_row}", f"A2:A{self.last_row}"
        self.export.formula("H1", f"=KPI.AOV.IDS({amounts};{ids})")
        self.export.formula("H2", f"=SUM({amounts})/KPI.DISTINCT({ids})")
        self.export.recalculate()
        for address in ("H1", "H2"):
            self.assertEqual(self.export.error(address), 0, address)
        self.assertClose(self.export.value("H1"), want, "KPI.AOV.IDS vs pandas")
        self.assertClose(self.export.value("H1"), self.export.value("H2"), "KPI.AOV.IDS vs SUM / KPI.DISTINCT")

    def test_documented_errors(self):
        self.assertCalcError('=KPI.AOV.IDS({10;20};{"a";"b";"c"})', VALUE)  # different lengths
        self.assertCalcError('=KPI.AOV.IDS({10;20};{"";" "})', DIV0)  # no order ID
        self.assertCalcError('=KPI.AOV.IDS({1E308;1E308};{"a";"b"})', NUM)  # a sum too large


if __name__ == "__main__":
    main()
