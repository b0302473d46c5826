"""The raw-data functions on 1,000,000 rows, and KPI.COHORT and KPI.PERIODS by day over 3,000 days, in real
Calc, against values computed here in plain Python from the generated rows.

1,000,000 order rows (seeded random: ~120,000 customers over 18 months, orders of 1 to 3 item rows) are
written as CSV and opened in Calc, as a user opens an export: customer ID (some in lower case or with spaces
around), order date (a date serial with a time of day; some empty, some "n/a"), amount (some empty), order
ID, session duration, page views, key events and a 1-10 survey score (a third empty). Every raw-data function
of the table (KPI.DISTINCT, KPI.NEWPROSPECTS, KPI.ACTIVE, KPI.RETURNING, KPI.RETENTION.IDS, KPI.CHURN.IDS,
KPI.REPEATRATE, KPI.PURCHASEFREQ, KPI.ENGAGEDSESSIONS, KPI.COHORT, KPI.PERIODS) and the list functions
KPI.NPS, KPI.CSAT and KPI.TREND run over the whole million rows; counts must equal the reference, fractions
and sums agree to a relative 1e-9, and every cell of the monthly cohort and period tables is compared.

By day over 3,000 days (~8 years): KPI.PERIODS gives 3,000 rows, each compared with the reference; KPI.COHORT
gives 300 cohorts x 3,002 columns, more than a sheet shows (1,024 columns in LibreOffice 7.4), so its size, its
count of #N/A cells and the sum of all its numbers are checked with Calc's ROWS, COLUMNS and SUMPRODUCT, and
its top-left corner cell by cell; with a new customer in every row (a cohort for every day with orders) the
table would have over 7 million cells, over the spec's cap of 4 million: #NUM!, at once. Every computation
runs under a watchdog (a hang fails the test)."""
import csv
import functools
import math
import os
import random
import shutil
import tempfile
import time
from datetime import date, timedelta

from kpitest import DIV0, NA, NUM, OfficeTestCase, main
from office import props
from watchdog import watchdog

import uno  # noqa: E402  (after office, which prepares the UNO runtime)

SEED = 20260801
ROWS = 1_000_000
NULL_DATE = date(1899, 12, 30)  # Calc's default day 0
DAY0 = (date(2025, 1, 1) - NULL_DATE).days
DAYS = 548  # about 18 months
HANG_SECONDS = 300  # one formula over a million rows takes about a second; this long is a hang
REL_TOL = 1e-9
HALF = ROWS // 2
PERIOD = (DAY0 + 90, DAY0 + 180)  # the period of KPI.NEWPROSPECTS, KPI.ACTIVE, KPI.RETURNING
IDS, DATES, AMOUNTS, ORDERS, DURATIONS, PAGEVIEWS, KEY_EVENTS, SCORES = (
    f"$Data.{c}1:{c}{ROWS}" for c in "ABCDEFGH")


# What an error cell of an expected table holds (a count may be 532 or 32767, so not the bare code).
N_A, DIV_0 = ("error", NA), ("error", DIV0)


def day_of(serial):
    return NULL_DATE + timedelta(days=serial)


@functools.lru_cache(maxsize=None)
def month_index(serial):
    d = day_of(serial)
    return d.year * 12 + d.month - 1


def month_start(index):
    return (date(index // 12, index % 12 + 1, 1) - NULL_DATE).days


# ---- the data ----

def generate(seed=SEED):
    """ROWS rows as written to the CSV (strings), and per row what the spec reads from it: the ID as
    compared (None when empty), the day (None when the date is empty or text), the amount (None)."""
    rng = random.Random(seed)
    customers = 120_000
    written, ids, days, amounts = [], [], [], []
    order = 0
    while len(written) < ROWS:
        c = int(customers * rng.random() ** 1.5)
        first = (c * 7919) % (DAYS - 8)  # each customer starts on a day of their own
        day = DAY0 + min(DAYS - 1, first + int(rng.expovariate(1 / 60)))
        time_of_day = rng.randrange(10_000) / 10_000
        r = rng.random()
        customer = f"C{c:06d}"
        written_id = customer.lower() if r < 0.03 else f"  {customer} " if r < 0.05 else customer
        r = rng.random()
        written_date = "" if r < 0.003 else "n/a" if r < 0.006 else f"{day + time_of_day:.4f}"
        for _ in range(1 + (rng.random() < 0.4) + (rng.random() < 0.15)):
            if len(written) == ROWS:
                break
            amount = "" if rng.random() < 0.01 else f"{rng.randrange(500, 40_000) / 100:.2f}"
            score = "" if rng.random() < 0.33 else str(rng.randint(1, 10))
            written.append((written_id, written_date, amount, f"O{order:07d}", rng.randint(0, 300),
                            rng.randint(1, 6), int(rng.random() < 0.1), score))
            ids.append(customer.lower())
            days.append(day if written_date not in ("", "n/a") else None)
            amounts.append(float(amount) if amount else None)
        order += 1
    return written, ids, days, amounts


def write_csv(path, rows):
    """The rows without a header, so that row n of the sheet is row n of the data."""
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows(rows)


def open_csv(office, path):
    """The CSV as Calc opens an export: comma separated, UTF-8, the ID column as text, the others standard."""
    options = "44,34,76,1,1/2/2/1/3/1/4/2/5/1/6/1/7/1/8/1,1033"
    doc = office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                              props(Hidden=True, FilterName="Text - txt - csv (StarCalc)",
                                                    FilterOptions=options))
    office.documents.append(doc)
    doc.enableAutomaticCalculation(False)
    return doc


# ---- the reference, in plain Python ----

class Reference:
    """The spec's definitions applied to the generated rows: per row the ID as compared, the day (None for
    a row the spec skips), the amount (None for an empty cell) and the order ID; and for the rows written
    to the CSV, the sessions (duration, page views, key events) and the survey scores."""

    def __init__(self, ids, days, amounts, orders, written=()):
        self.ids, self.days, self.amounts, self.orders = ids, days, amounts, orders
        self.written = written
        self.first = {}  # each customer's first day among the dated rows
        for i, d in zip(ids, days):
            if d is not None and (i not in self.first or d < self.first[i]):
                self.first[i] = d

    def distinct(self):
        return len(set(self.ids))

    def in_period(self, start, end):
        return {i for i, d in zip(self.ids, self.days) if d is not None and start <= d <= end}

    def new_prospects(self, start, end):
        return sum(1 for d in self.first.values() if start <= d <= end)

    def returning(self, start, end):
        return sum(1 for i in self.in_period(start, end) if self.first[i] < start)

    def retention(self):
        start, end = set(self.ids[:HALF]), set(self.ids[HALF:])
        return len(start & end) / len(start)

    def orders_per_customer(self):
        orders = {}
        for i, o in zip(self.ids, self.orders):
            orders.setdefault(i, set()).add(o)
        return orders

    def repeat_rate(self):
        orders = self.orders_per_customer()
        return sum(1 for o in orders.values() if len(o) >= 2) / len(orders)

    def purchase_frequency(self):
        return len(set(self.orders)) / self.distinct()

    def engaged_sessions(self):
        return sum(1 for row in self.written if row[4] > 10 or row[5] >= 2 or row[6] >= 1)

    def scores(self):
        return [int(row[7]) for row in self.written if row[7]]

    def nps(self):
        scores = self.scores()
        return (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores) * 100

    def csat(self, threshold):
        scores = self.scores()
        return sum(s >= threshold for s in scores) / len(scores)

    def trend(self):
        """Least-squares slope of the durations against 1..n, divided by their mean."""
        ys = [row[4] for row in self.written]
        n = len(ys)
        mean_x, mean_y = (n + 1) / 2, math.fsum(ys) / n
        sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in enumerate(ys, 1))
        sxx = n * (n * n - 1) / 12
        return sxy / sxx / mean_y

    def cohort_customers(self, period_of, start_of):
        """KPI.COHORT(...; "customers"): rows of [period start, size, active in period 0, 1, ...], NA past
        the last period of the data."""
        dated = [(i, period_of(d)) for i, d in zip(self.ids, self.days) if d is not None]
        cohort = {i: period_of(d) for i, d in self.first.items()}
        first, last = min(cohort.values()), max(p for _, p in dated)
        active = {}
        for i, p in dated:
            active.setdefault((cohort[i], p - cohort[i]), set()).add(i)
        sizes = {}
        for c in cohort.values():
            sizes[c] = sizes.get(c, 0) + 1
        table = []
        for c in sorted(sizes):
            row = [start_of(c), sizes[c]]
            for offset in range(last - first + 1):
                row.append(len(active.get((c, offset), ())) if c + offset <= last else N_A)
            table.append(row)
        return table

    def periods(self, period_of, start_of):
        """KPI.PERIODS(...; amounts; [order_ids]): [start, active, new, returning, orders, revenue, AOV]."""
        rows = [(i, period_of(d), a, o) for i, d, a, o in zip(self.ids, self.days, self.amounts, self.orders)
                if d is not None]
        first, last = min(p for _, p, _, _ in rows), max(p for _, p, _, _ in rows)
        active, orders, revenue = {}, {}, {}
        for i, p, a, o in rows:
            active.setdefault(p, set()).add(i)
            orders.setdefault(p, set()).add(o)
            revenue.setdefault(p, []).append(a or 0.0)
        new = {}
        for d in self.first.values():
            new[period_of(d)] = new.get(period_of(d), 0) + 1
        table = []
        for p in range(first, last + 1):
            a, n, o = len(active.get(p, ())), new.get(p, 0), len(orders.get(p, ()))
            money = math.fsum(revenue.get(p, []))
            table.append([start_of(p), a, n, a - n, o, money, money / o if o else DIV_0])
        return table


class LargeDataTestCase(OfficeTestCase):
    def calculate(self, doc, what):
        started = time.perf_counter()
        with watchdog(self.office, what, HANG_SECONDS):
            doc.calculateAll()
        self.assertIsNone(self.office.process.poll(), f"the office exited computing {what}")
        return time.perf_counter() - started

    def assertNear(self, actual, expected, what):
        self.assertTrue(math.isclose(actual, expected, rel_tol=REL_TOL), f"{what}: {actual!r}, want {expected!r}")

    def assertTable(self, area, expected, what):
        """The cells of `area` against `expected`: counts and dates exactly, money to REL_TOL, N_A and DIV_0
        as those errors (getDataArray gives None for an error cell)."""
        values = area.getDataArray()
        for r, row in enumerate(expected):
            for c, want in enumerate(row):
                got = values[r][c]
                where = f"{what}, row {r + 1}, column {c + 1}"
                if want in (N_A, DIV_0):
                    self.assertEqual(area.getCellByPosition(c, r).getError(), want[1], f"{where}: {got!r}")
                elif isinstance(want, float):
                    self.assertIsNotNone(got, f"{where}: error {area.getCellByPosition(c, r).getError()}")
                    self.assertNear(got, want, where)
                else:
                    self.assertEqual(got, want, where)


class MillionRows(LargeDataTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.perf_counter()
        written, ids, days, amounts = generate()
        cls.reference = Reference(ids, days, amounts, [row[3] for row in written], written)
        cls.directory = tempfile.mkdtemp(prefix="kpi-large-")
        path = os.path.join(cls.directory, "orders.csv")
        write_csv(path, written)
        generated = time.perf_counter()
        cls.doc = open_csv(cls.office, path)
        cls.doc.Sheets.getByIndex(0).Name = "Data"
        cls.doc.Sheets.insertNewByName("Kpi", 1)
        cls.kpi = cls.doc.Sheets.getByName("Kpi")
        print(f"\n{ROWS:,} rows generated in {generated - started:.1f} s, opened in Calc from CSV in "
              f"{time.perf_counter() - generated:.1f} s", flush=True)

    @classmethod
    def tearDownClass(cls):
        cls.office.documents.remove(cls.doc)
        cls.doc.close(True)
        shutil.rmtree(cls.directory, ignore_errors=True)

    def tearDown(self):
        self.kpi.getCellRangeByName("A1:Z100").clearContents(1023)
        super().tearDown()

    def test_the_sheet_holds_the_generated_rows(self):
        data = self.doc.Sheets.getByName("Data")
        for row in (0, ROWS // 3, ROWS - 1):
            cells = data.getCellRangeByPosition(0, row, 7, row).getDataArray()[0]
            written = self.reference.written[row]
            self.assertEqual(cells[0], written[0], f"row {row + 1}")
            self.assertEqual(cells[3], written[3], f"row {row + 1}")
        self.assertEqual(data.getCellByPosition(0, ROWS).getString(), "", "nothing after the last row")

    def test_scalar_functions_against_the_reference(self):
        ref, (start, end) = self.reference, PERIOD
        expected = {
            f"=KPI.DISTINCT({IDS})": ref.distinct(),
            f"=KPI.NEWPROSPECTS({IDS};{DATES};{start};{end})": ref.new_prospects(start, end),
            f"=KPI.ACTIVE({IDS};{DATES};{start};{end})": len(ref.in_period(start, end)),
            f"=KPI.RETURNING({IDS};{DATES};{start};{end})": ref.returning(start, end),
            f"=KPI.RETENTION.IDS($Data.A1:A{HALF};$Data.A{HALF + 1}:A{ROWS})": ref.retention(),
            f"=KPI.CHURN.IDS($Data.A1:A{HALF};$Data.A{HALF + 1}:A{ROWS})": 1 - ref.retention(),
            f"=KPI.REPEATRATE({IDS};{ORDERS})": ref.repeat_rate(),
            f"=KPI.PURCHASEFREQ({IDS};{ORDERS})": ref.purchase_frequency(),
            f"=KPI.ENGAGEDSESSIONS({DURATIONS};{PAGEVIEWS};{KEY_EVENTS})": ref.engaged_sessions(),
            f"=KPI.NPS({SCORES})": ref.nps(),
            f"=KPI.CSAT({SCORES};7;10)": ref.csat(7),
            f"=KPI.TREND({DURATIONS})": ref.trend(),
        }
        for row, formula in enumerate(expected, 1):
            self.kpi.getCellRangeByName(f"A{row}").setFormula(formula)
        seconds = self.calculate(self.doc, f"{len(expected)} functions over {ROWS:,} rows")
        print(f"{len(expected)} functions over {ROWS:,} rows computed in {seconds:.1f} s", flush=True)
        for row, (formula, want) in enumerate(expected.items(), 1):
            with self.subTest(formula):
                cell = self.kpi.getCellRangeByName(f"A{row}")
                self.assertEqual(cell.getError(), 0, f"{formula} gave error {cell.getError()}")
                if isinstance(want, int):
                    self.assertEqual(cell.getValue(), want, formula)
                else:
                    self.assertNear(cell.getValue(), want, formula)

    def test_cohort_by_month_against_the_reference(self):
        expected = self.reference.cohort_customers(month_index, month_start)
        area = self.kpi.getCellRangeByPosition(0, 0, len(expected[0]) - 1, len(expected) - 1)
        area.setArrayFormula(f'=KPI.COHORT({IDS};{DATES};"month";"customers")')
        self.calculate(self.doc, "KPI.COHORT over a million rows")
        self.assertTable(area, expected, "KPI.COHORT by month")
        # Sizes: every customer with a dated row is in one cohort.
        self.assertEqual(sum(row[1] for row in expected), len(self.reference.first))

    def test_periods_by_month_against_the_reference(self):
        expected = self.reference.periods(month_index, month_start)
        area = self.kpi.getCellRangeByPosition(0, 0, 6, len(expected) - 1)
        area.setArrayFormula(f'=KPI.PERIODS({IDS};{DATES};"month";{AMOUNTS};{ORDERS})')
        self.calculate(self.doc, "KPI.PERIODS over a million rows")
        self.assertTable(area, expected, "KPI.PERIODS by month")
        self.assertEqual(sum(row[2] for row in expected), len(self.reference.first), "new customers, summed")


# ---- by day over 3,000 days ----

SPAN = 3000
DAY_ONE = (date(2018, 1, 1) - NULL_DATE).days
COHORTS = 300


def daily_rows(seed=SEED + 1):
    """(customer, date, amount, order) rows in random order: COHORTS customers, each first seen on a day of
    its own (one of them on day 0), ordering again now and then until day SPAN - 1; some days have no order."""
    rng = random.Random(seed)
    starts = sorted(rng.sample(range(1, SPAN - 1), COHORTS - 1)) + [0]
    rows, order = [], 0
    for c, start in enumerate(starts):
        day = start
        while day < SPAN:
            for _ in range(rng.randint(1, 2)):
                rows.append((f"K{c:03d}", DAY_ONE + day + rng.randrange(100) / 100,
                             rng.randrange(100, 10_000) / 100, f"D{order:06d}"))
            order += 1
            day += int(rng.expovariate(1 / 45)) + 1
    rows.append(("K000", DAY_ONE + SPAN - 1 + 0.5, 1.0, f"D{order:06d}"))  # the last day of the span
    rng.shuffle(rows)
    return rows


class ThreeThousandDays(LargeDataTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rows = daily_rows()
        cls.reference = Reference([c.lower() for c, _, _, _ in cls.rows], [math.floor(d) for _, d, _, _ in cls.rows],
                                  [a for _, _, a, _ in cls.rows], [o for _, _, _, o in cls.rows])
        cls.n = len(cls.rows)

    def setUp(self):
        super().setUp()
        self.sheet.doc.enableAutomaticCalculation(False)
        self.sheet.sheet.getCellRangeByPosition(0, 0, 3, self.n - 1).setDataArray(tuple(self.rows))
        self.ids, self.dates, self.amounts, self.orders = (f"${c}$1:${c}${self.n}" for c in "ABCD")

    def test_the_data_spans_3000_days(self):
        days = {math.floor(d) for _, d, _, _ in self.rows}
        self.assertEqual((min(days), max(days)), (DAY_ONE, DAY_ONE + SPAN - 1))
        self.assertLess(len(days), SPAN, "some days without orders")

    def test_periods_by_day(self):
        expected = self.reference.periods(lambda d: d, lambda d: d)
        self.assertEqual(len(expected), SPAN)
        area = self.sheet.sheet.getCellRangeByPosition(5, 0, 11, SPAN - 1)
        area.setArrayFormula(f'=KPI.PERIODS({self.ids};{self.dates};"day";{self.amounts};{self.orders})')
        self.sheet.formula("N1", f'=ROWS(KPI.PERIODS({self.ids};{self.dates};"day"))')
        seconds = self.calculate(self.sheet.doc, "KPI.PERIODS by day over 3,000 days")
        print(f"\nKPI.PERIODS by day, {SPAN:,} rows from {self.n:,} orders rows, computed in {seconds:.2f} s",
              flush=True)
        self.assertEqual(self.sheet.value("N1"), SPAN)
        self.assertTable(area, expected, "KPI.PERIODS by day")

    def test_cohort_by_day(self):
        expected = self.reference.cohort_customers(lambda d: d, lambda d: d)
        rows, columns = len(expected), len(expected[0])
        self.assertEqual((rows, columns), (COHORTS, SPAN + 2))
        cohort = f'KPI.COHORT({self.ids};{self.dates};"day";"customers")'
        checks = {  # Calc over the whole array, which is wider than a sheet
            "N1": (f"=ROWS({cohort})", rows),
            "N2": (f"=COLUMNS({cohort})", columns),
            "N3": (f"=SUMPRODUCT(ISNA({cohort}))", sum(cell == N_A for row in expected for cell in row[2:])),
            "N4": (f"=SUMPRODUCT(IFERROR({cohort};0))",
                   sum(cell for row in expected for cell in row[:2]) +
                   sum(cell for row in expected for cell in row[2:] if cell != N_A)),
        }
        for address, (formula, _) in checks.items():
            self.sheet.formula(address, formula)
        corner = self.sheet.sheet.getCellRangeByPosition(5, 10, 5 + 39, 19)  # 10 cohorts, 40 columns
        corner.setArrayFormula(f"={cohort}")
        seconds = self.calculate(self.sheet.doc, "KPI.COHORT by day over 3,000 days")
        print(f"\nKPI.COHORT by day, {rows} x {columns:,} cells, 5 times over, computed in {seconds:.2f} s",
              flush=True)
        for address, (formula, want) in checks.items():
            with self.subTest(formula):
                self.assertEqual(self.sheet.error(address), 0, f"{formula}: error {self.sheet.error(address)}")
                self.assertEqual(self.sheet.value(address), want, formula)
        self.assertTable(corner, [row[:40] for row in expected[:10]], "KPI.COHORT by day, top-left corner")

    def test_cohort_by_day_over_the_cap_is_num_at_once(self):
        # A new customer in every row: a cohort for every day with orders, each 3,002 columns wide.
        cohorts = len({math.floor(d) for _, d, _, _ in self.rows})
        self.assertGreater(cohorts * (SPAN + 2), 7_000_000)
        self.sheet.sheet.getCellRangeByPosition(4, 0, 4, self.n - 1).setDataArray(
            tuple((f"new{i}",) for i in range(self.n)))
        self.sheet.formula("N1", f'=KPI.COHORT($E$1:$E${self.n};{self.dates};"day")')
        seconds = self.calculate(self.sheet.doc, "KPI.COHORT by day over the cap")
        self.assertEqual(self.sheet.error("N1"), NUM)
        self.assertLess(seconds, 10, "the cap is found before the table is built")


if __name__ == "__main__":
    main()
