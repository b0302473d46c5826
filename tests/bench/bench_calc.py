#!/usr/bin/env python3
"""./kpi bench: the speed of the installed .oxt in a real headless LibreOffice, as ratios against baselines
measured in the same run (the machine is shared and noisy; absolute times are printed for context only).

  1. per-call cost: 100,000 cells of each scalar KPI function against the same cells with its native formula
  2. per-row cost of each raw-data function at 100,000 and 1,000,000 rows, and the ratio of the two
  3. against what a user types without the extension, at 10,000 rows (SUMPRODUCT over COUNTIF forms)
  4. the core alone (Google Benchmark): the cohort matrix and the period table of 1,000,000 orders, against
     pandas on the same data
  5. peak resident memory of the office while it computes the 1,000,000-row cohort
  6. the monitoring table: one KPI.PERIODS against one KPI.ACTIVE over the same 1,000,000 rows, and against
     the same 24-month table written as one KPI.NEWPROSPECTS/KPI.ACTIVE/KPI.RETURNING formula per cell

usage: bench_calc.py --oxt build/kpi-functions.oxt --core-bench build/tests/kpi_cohort_bench --out build/bench
"""
import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from office import Office, props  # noqa: E402

ROWS_SCALAR = 100_000
ROWS_SMALL, ROWS_LARGE = 100_000, 1_000_000
ROWS_NAIVE = 10_000
MONTHS_TABLE = 24  # the monitoring table of section 6: two years of months
DAY0 = 46023  # 2026-01-01
REPEATS = 3
results = []  # (section, item, measured, baseline, ratio, aim, note)


def record(section, item, measured, baseline, aim, note="", ratio=None):
    if ratio is None:
        ratio = measured / baseline if baseline else float("nan")
    results.append((section, item, measured, baseline, ratio, aim, note))
    print(f"  {item:<44} {measured * 1e3:10.1f} ms  vs {baseline * 1e3:10.1f} ms   ratio {ratio:8.2f}   {aim}",
          flush=True)


def median_time(action, repeats=REPEATS):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# ---- data ----
def write_orders_csv(path, rows, seed=11, days=548):
    """Orders of ~rows/8 customers over `days` days from DAY0 (548: 18 months): customer, date serial with a
    time of day, amount, order, session duration (s), page views, key events."""
    rng = random.Random(seed)
    customers = max(10, rows // 8)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer_id", "order_date", "amount", "order_id", "duration_s", "pageviews", "key_events"])
        for i in range(rows):
            c = int(customers * rng.random() ** 1.5)
            first = (c * 7919) % (days - 8)  # each customer starts on a day of their own
            day = DAY0 + min(days - 1, first + int(rng.expovariate(1 / 60)))
            w.writerow([f"C{c:06d}", f"{day + rng.random():.4f}", f"{rng.uniform(5, 400):.2f}",
                        f"O{i // 2:07d}", rng.randint(0, 300), rng.randint(1, 6), int(rng.random() < 0.1)])


def open_csv(office, path):
    # comma separated, double quotes, UTF-8, from line 1; column 1 as text, the rest standard
    options = "44,34,76,1,1/2/2/1/3/1/4/2/5/1/6/1/7/1,1033"
    doc = office.desktop.loadComponentFromURL(
        f"file://{os.path.abspath(path)}", "_blank", 0,
        props(Hidden=True, FilterName="Text - txt - csv (StarCalc)", FilterOptions=options))
    office.documents.append(doc)
    return doc


def time_formula(doc, sheet, address, formula, array_range=None, repeats=REPEATS):
    cell = sheet.getCellRangeByName(array_range or address)
    if array_range:
        cell.setArrayFormula(formula)
    else:
        cell.setFormula(formula)
    doc.calculateAll()  # warm: the add-in is loaded, the range cached as Calc caches it
    elapsed = median_time(doc.calculateAll, repeats)
    value = sheet.getCellRangeByName(address).getValue()
    error = sheet.getCellRangeByName(address).getError()
    cell.clearContents(1023)
    return elapsed, value, error


def paired_times(doc, sheet, formula, baseline, array_range=None, pairs=5):
    """Times `formula` and `baseline` alternately, `pairs` times each, so that both meet the same moments
    of a noisy machine: (median time, median baseline time, median of the pairs' ratios)."""
    measured, base = [], []
    for _ in range(pairs):
        base.append(time_formula(doc, sheet, "A1", baseline, None, repeats=1)[0])
        measured.append(time_formula(doc, sheet, "A1", formula, array_range, repeats=1)[0])
    ratios = [m / b for m, b in zip(measured, base)]
    return statistics.median(measured), statistics.median(base), statistics.median(ratios)


# ---- 1: per-call cost of the scalar functions ----
SCALAR = [  # (KPI formula, native twin) for row n; A <= B <= C, D small fraction, E a second amount
    ("KPI.CONVERSION", "=KPI.CONVERSION(A{n};B{n})", "=A{n}/B{n}"),
    ("KPI.ROI", "=KPI.ROI(E{n};B{n})", "=(E{n}-B{n})/B{n}"),
    ("KPI.RETENTION", "=KPI.RETENTION(B{n};C{n};C{n}-A{n})", "=(C{n}-(C{n}-A{n}))/B{n}"),
    ("KPI.CHURN", "=KPI.CHURN(B{n};C{n};C{n}-A{n})", "=1-(C{n}-(C{n}-A{n}))/B{n}"),
    ("KPI.CTR", "=KPI.CTR(A{n};B{n})", "=A{n}/B{n}"),
    ("KPI.CPC", "=KPI.CPC(E{n};A{n})", "=E{n}/A{n}"),
    ("KPI.CAC", "=KPI.CAC(E{n};A{n})", "=E{n}/A{n}"),
    ("KPI.ROMI", "=KPI.ROMI(E{n};D{n};B{n})", "=(E{n}*D{n}-B{n})/B{n}"),
    ("KPI.ROAS", "=KPI.ROAS(E{n};B{n})", "=E{n}/B{n}"),
    ("KPI.AOV", "=KPI.AOV(E{n};A{n})", "=E{n}/A{n}"),
    ("KPI.ENGAGEMENTRATE", "=KPI.ENGAGEMENTRATE(A{n};B{n})", "=A{n}/B{n}"),
    ("KPI.BOUNCERATE", "=KPI.BOUNCERATE(A{n};B{n})", "=1-A{n}/B{n}"),
    ("KPI.LIFETIME", "=KPI.LIFETIME(D{n})", "=1/D{n}"),
    ("KPI.PAYBACK", "=KPI.PAYBACK(E{n};A{n})", "=E{n}/A{n}"),
    ("KPI.GROWTH", "=KPI.GROWTH(E{n};B{n})", "=(E{n}-B{n})/ABS(B{n})"),
    ("KPI.ATTAINMENT", "=KPI.ATTAINMENT(E{n};B{n})", "=E{n}/B{n}"),
    ("KPI.CAGR", "=KPI.CAGR(B{n};E{n};12)", "=(E{n}/B{n})^(1/12)-1"),
    ("KPI.CLV", "=KPI.CLV(E{n};D{n};0.01)", "=E{n}*D{n}/(1+0.01-D{n})"),
    ("KPI.UPLIFT", "=KPI.UPLIFT(A{n};B{n};A{n}+1;B{n})", "=((A{n}+1)/B{n})/(A{n}/B{n})-1"),
    ("KPI.STATUS", "=KPI.STATUS(E{n};B{n})", "=IF(E{n}>=B{n};1;IF(B{n}-E{n}<=0.05*ABS(B{n});0;-1))"),
]


def scalar_section(office):
    print(f"\n1. per-call cost: {ROWS_SCALAR:,} cells of each function, against its native formula "
          "(LibreOffice's add-in call path costs ~6.9x a native division; aim <= 7.5x)")
    sheet_doc = office.new_sheet()
    doc, sheet = sheet_doc.doc, sheet_doc.sheet
    rng = random.Random(5)
    rows = []
    for _ in range(ROWS_SCALAR):
        a = rng.randint(1, 500)
        b = a + rng.randint(1, 5000)
        rows.append((float(a), float(b), float(b + rng.randint(0, 3000)), rng.uniform(0.05, 0.95),
                     rng.uniform(1, 20000)))
    sheet.getCellRangeByName(f"A1:E{ROWS_SCALAR}").setDataArray(tuple(rows))
    column = sheet.getCellRangeByName(f"G1:G{ROWS_SCALAR}")

    def timed(template):
        sheet.getCellRangeByName("G1").setFormula(template.format(n=1))
        column.fillAuto(0, 1)  # BOTTOM: setFormulaArray from a client is quadratic in rows
        doc.calculateAll()
        elapsed = median_time(doc.calculateAll)
        errors = sheet.getCellRangeByName(f"G{ROWS_SCALAR}").getError()
        column.clearContents(1023)
        return elapsed, errors

    for name, kpi, native in SCALAR:
        kpi_time, kpi_error = timed(kpi)
        native_time, _ = timed(native)
        record("1 per-call", name, kpi_time, native_time, "<= 7.5",
               "error in the last cell" if kpi_error else "")
    sheet_doc.close()


# ---- 2, 3, 5: raw data ----
def raw_formulas(rows):
    r = f"$Data.A1:A{rows}"
    half = rows // 2
    return [
        ("KPI.DISTINCT", f"=KPI.DISTINCT({r})", None),
        ("KPI.NEWPROSPECTS", f"=KPI.NEWPROSPECTS({r};$Data.B1:B{rows};{DAY0 + 90};{DAY0 + 180})", None),
        ("KPI.ACTIVE", f"=KPI.ACTIVE({r};$Data.B1:B{rows};{DAY0 + 90};{DAY0 + 180})", None),
        ("KPI.RETURNING", f"=KPI.RETURNING({r};$Data.B1:B{rows};{DAY0 + 90};{DAY0 + 180})", None),
        ("KPI.RETENTION.IDS", f"=KPI.RETENTION.IDS($Data.A1:A{half};$Data.A{half + 1}:A{rows})", None),
        ("KPI.CHURN.IDS", f"=KPI.CHURN.IDS($Data.A1:A{half};$Data.A{half + 1}:A{rows})", None),
        ("KPI.REPEATRATE", f"=KPI.REPEATRATE({r};$Data.D1:D{rows})", None),
        ("KPI.PURCHASEFREQ", f"=KPI.PURCHASEFREQ({r};$Data.D1:D{rows})", None),
        ("KPI.ENGAGEDSESSIONS", f"=KPI.ENGAGEDSESSIONS($Data.E1:E{rows};$Data.F1:F{rows};$Data.G1:G{rows})", None),
        ("KPI.COHORT (month, retention)", f"=KPI.COHORT({r};$Data.B1:B{rows})", "A1:T20"),
        ("KPI.COHORT (month, revenue)", f'=KPI.COHORT({r};$Data.B1:B{rows};"month";"revenue";$Data.C1:C{rows})',
         "A1:T20"),
        ("KPI.PERIODS (month)", f"=KPI.PERIODS({r};$Data.B1:B{rows})", "A1:G20"),
        ("KPI.PERIODS (month, amounts, order IDs)",
         f'=KPI.PERIODS({r};$Data.B1:B{rows};"month";$Data.C1:C{rows};$Data.D1:D{rows})', "A1:G20"),
    ]


def soffice_bin_pid(office):
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().decode(errors="replace")
        except OSError:
            continue
        if "soffice.bin" in cmdline and office.profile in cmdline:
            return int(pid)
    return None


def memory_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def load_data(office, path):
    doc = open_csv(office, path)
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Data"
    sheets.insertNewByName("Bench", 1)
    return doc, sheets.getByName("Bench")


def raw_section(office, directory):
    print(f"\n2. raw-data functions: per-row cost at {ROWS_SMALL:,} and {ROWS_LARGE:,} rows "
          "(linear scaling gives a ratio of about 10)")
    per_size = {}
    for rows in (ROWS_SMALL, ROWS_LARGE):
        path = os.path.join(directory, f"orders-{rows}.csv")
        write_orders_csv(path, rows)
        start = time.perf_counter()
        doc, bench = load_data(office, path)
        print(f"  ({rows:,} rows loaded from CSV in {time.perf_counter() - start:.1f} s)", flush=True)
        pid = soffice_bin_pid(office)
        formulas = raw_formulas(rows)
        if rows == ROWS_LARGE:  # the memory measurement first, on an office that has only loaded the data
            formulas.sort(key=lambda f: not f[0].startswith("KPI.COHORT (month, retention)"))
        for name, formula, array_range in formulas:
            if rows == ROWS_LARGE and name.startswith("KPI.COHORT (month, retention)") and pid:
                # Peak resident memory while the office computes the cohort: reset the peak, then read it.
                before = memory_kib(pid, "VmRSS")
                try:
                    with open(f"/proc/{pid}/clear_refs", "w") as f:
                        f.write("5")
                    reset = True
                except OSError:
                    reset = False
                elapsed, value, error = time_formula(doc, bench, "A1", formula, array_range)
                peak = memory_kib(pid, "VmHWM")
                results.append(("5 memory", "office peak RSS during 1M-row KPI.COHORT (MiB)", peak / 1024,
                                before / 1024, peak / before if before else float("nan"), "",
                                "peak since the reset" if reset else "peak since start (could not reset)"))
            else:
                elapsed, value, error = time_formula(doc, bench, "A1", formula, array_range)
            per_size[(name, rows)] = (elapsed, value, error)
        if rows == ROWS_SMALL:
            naive_section(doc, bench)
        else:
            active = dict((name, formula) for name, formula, _ in formulas)["KPI.ACTIVE"]
            paired = {name: paired_times(doc, bench, formula, active, array_range)
                      for name, formula, array_range in formulas if name.startswith("KPI.PERIODS")}
        doc.close(True)
        office.documents.remove(doc)
    for name, _, _ in raw_formulas(ROWS_SMALL):
        small, large = per_size[(name, ROWS_SMALL)][0], per_size[(name, ROWS_LARGE)][0]
        record("2 scaling", f"{name} 1M vs 100k rows", large, small, "~10",
               f"{small / ROWS_SMALL * 1e9:.0f} ns/row at 100k, {large / ROWS_LARGE * 1e9:.0f} ns/row at 1M")
    print(f"\n6. the monitoring table: one KPI.PERIODS call against one KPI.ACTIVE call over the same "
          f"{ROWS_LARGE:,} rows, timed alternately, 5 pairs; the ratio is the median of the pairs' (aim: <= 2x)")
    for name in ("KPI.PERIODS (month, amounts, order IDs)", "KPI.PERIODS (month)"):
        columns = "4 columns read" if "order IDs" in name else "the same 2 columns read"
        measured, baseline, ratio = paired[name]
        record("6 monitoring table", f"{name} vs KPI.ACTIVE, 1M rows", measured, baseline, "<= 2", columns, ratio)
    print()
    for (section, item, measured, baseline, ratio, aim, note) in results:
        if section == "5 memory":
            print(f"5. office peak resident memory during the 1M-row cohort: {measured:.0f} MiB "
                  f"(resident before: {baseline:.0f} MiB; {note})")


def month_starts(count):
    """The serial numbers of the first days of `count` months from DAY0's month (DAY0 is a January 1)."""
    first = date(1899, 12, 30) + timedelta(days=DAY0)
    return [(date(first.year + m // 12, m % 12 + 1, 1) - date(1899, 12, 30)).days for m in range(count + 1)]


def per_cell_table_section(office, directory):
    """KPI.PERIODS against the table a user builds without it: per month, one KPI.ACTIVE, KPI.NEWPROSPECTS
    and KPI.RETURNING formula, each reading every row."""
    rows = ROWS_SMALL
    print(f"\n6. (continued) the same {MONTHS_TABLE}-month table at {rows:,} rows: one KPI.PERIODS against "
          f"{3 * MONTHS_TABLE} single formulas (KPI.ACTIVE, KPI.NEWPROSPECTS, KPI.RETURNING per month; aim: >= 20x)")
    path = os.path.join(directory, f"orders-{MONTHS_TABLE}m-{rows}.csv")
    starts = month_starts(MONTHS_TABLE)
    write_orders_csv(path, rows, seed=24, days=starts[-1] - DAY0)
    doc, bench = load_data(office, path)
    ids, dates = f"$Data.A1:A{rows}", f"$Data.B1:B{rows}"
    table = bench.getCellRangeByName(f"A1:G{MONTHS_TABLE}")
    table.setArrayFormula(f"=KPI.PERIODS({ids};{dates})")
    doc.calculateAll()
    periods_time = median_time(doc.calculateAll)
    periods = table.getDataArray()
    table.clearContents(1023)
    for m in range(MONTHS_TABLE):
        start, end = starts[m], starts[m + 1] - 1
        for column, function in zip("IJK", ("KPI.ACTIVE", "KPI.NEWPROSPECTS", "KPI.RETURNING")):
            bench.getCellRangeByName(f"{column}{m + 1}").setFormula(f"={function}({ids};{dates};{start};{end})")
    doc.calculateAll()
    cells_time = median_time(doc.calculateAll)
    singles = bench.getCellRangeByName(f"I1:K{MONTHS_TABLE}").getDataArray()
    same = [tuple(row[1:4]) for row in periods] == [tuple(row) for row in singles] and \
        [row[0] for row in periods] == starts[:-1]
    record("6 monitoring table", f"{MONTHS_TABLE}-month table, 100k rows: {3 * MONTHS_TABLE} formulas / KPI.PERIODS",
           cells_time, periods_time, ">= 20", "same table" if same else "tables differ")
    doc.close(True)
    office.documents.remove(doc)


def naive_section(doc, bench):
    print(f"\n3. against what a user types without the extension, at {ROWS_NAIVE:,} rows (aim: >= 100x faster)")
    n, half = ROWS_NAIVE, ROWS_NAIVE // 2
    a, b = f"$Data.A1:A{n}", f"$Data.B1:B{n}"
    s, e = DAY0 + 90, DAY0 + 180
    cases = [
        ("distinct count", f"=KPI.DISTINCT({a})", f"=SUMPRODUCT(1/COUNTIF({a};{a}))"),
        ("retention from two ID lists", f"=KPI.RETENTION.IDS($Data.A1:A{half};$Data.A{half + 1}:A{n})",
         f"=SUMPRODUCT((COUNTIF($Data.A{half + 1}:A{n};$Data.A1:A{half})>0)/COUNTIF($Data.A1:A{half};$Data.A1:A{half}))"
         f"/SUMPRODUCT(1/COUNTIF($Data.A1:A{half};$Data.A1:A{half}))"),
        # rows in the period of IDs with no earlier row, each weighted 1 / (its ID's rows in the period)
        ("new prospects in a period", f"=KPI.NEWPROSPECTS({a};{b};{s};{e})",
         f'=SUMPRODUCT(IF(({b}>={s})*({b}<{e + 1})*(COUNTIFS({a};{a};{b};"<"&{s})=0);'
         f'1/COUNTIFS({a};{a};{b};">="&{s};{b};"<"&{e + 1});0))'),
    ]
    for name, kpi, naive in cases:
        kpi_time, kpi_value, _ = time_formula(doc, bench, "A1", kpi)
        naive_time, naive_value, naive_error = time_formula(doc, bench, "A1", naive)
        agree = "same result" if not naive_error and abs(kpi_value - naive_value) <= 1e-9 * max(1, abs(kpi_value)) \
            else f"results differ: {kpi_value} vs {naive_value} (error {naive_error})"
        record("3 vs user formula", name, naive_time, kpi_time, ">= 100", agree)


# ---- 4: the core alone against pandas ----
def pandas_cohort(path):
    import pandas as pd

    frame = pd.read_csv(path, usecols=["customer_id", "order_date"], dtype={"customer_id": str})

    def compute():
        ids = frame["customer_id"].str.strip().str.casefold()
        days = pd.to_datetime(frame["order_date"].floordiv(1), unit="D", origin=pd.Timestamp("1899-12-30"))
        month = days.dt.year * 12 + days.dt.month - 1
        first = month.groupby(ids).transform("min")
        table = pd.DataFrame({"id": ids, "cohort": first, "offset": month - first})
        active = table.drop_duplicates().groupby(["cohort", "offset"]).size().unstack()
        size = table.groupby("cohort")["id"].nunique()
        return active.div(size, axis=0)

    compute()
    return median_time(compute)


def pandas_periods(path):
    """The period table by month with amounts and order IDs, as KPI.PERIODS computes it."""
    import pandas as pd

    frame = pd.read_csv(path, usecols=["customer_id", "order_date", "amount", "order_id"],
                        dtype={"customer_id": str, "order_id": str})

    def compute():
        ids = frame["customer_id"].str.strip().str.casefold()
        orders = frame["order_id"].str.strip().str.casefold()
        days = pd.to_datetime(frame["order_date"].floordiv(1), unit="D", origin=pd.Timestamp("1899-12-30"))
        month = days.dt.year * 12 + days.dt.month - 1
        table = pd.DataFrame({"id": ids, "order": orders, "month": month, "amount": frame["amount"]})
        grouped = table.groupby("month")
        out = pd.DataFrame({"active": grouped["id"].nunique(), "orders": grouped["order"].nunique(),
                            "revenue": grouped["amount"].sum()})
        out["new"] = table.groupby("id")["month"].min().value_counts()
        out = out.reindex(range(month.min(), month.max() + 1), fill_value=0)
        out["returning"] = out["active"] - out["new"]
        out["aov"] = out["revenue"] / out["orders"]
        return out

    compute()
    return median_time(compute)


def core_section(core_bench, directory):
    print(f"\n4. the core alone (Google Benchmark) against pandas: cohort matrix and period table of {ROWS_LARGE:,} "
          "orders (aim: faster than pandas)")
    path = os.path.join(directory, f"orders-{ROWS_LARGE}.csv")
    if not os.path.exists(path):
        write_orders_csv(path, ROWS_LARGE)
    out = subprocess.run([core_bench, "--benchmark_format=json",
                          "--benchmark_filter=BM_CohortRetentionByMonth|BM_PeriodTableByMonth"],
                         env=dict(os.environ, KPI_BENCH_ORDERS=path), capture_output=True, text=True, check=True)
    benchmarks = json.loads(out.stdout)["benchmarks"]

    def core_time(name):  # Google Benchmark names a run "BM_Name/min_time:2.000"
        return next(b["real_time"] for b in benchmarks if b["name"].split("/")[0] == name) / 1e3  # ms -> s

    record("4 core vs pandas", "cohort matrix, 1M orders (pandas / core)", pandas_cohort(path),
           core_time("BM_CohortRetentionByMonth"), "> 1")
    record("4 core vs pandas", "period table, 1M orders (pandas / core)", pandas_periods(path),
           core_time("BM_PeriodTableByMonth"), "> 1", "month, amounts and order IDs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--core-bench", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    started = time.perf_counter()
    with Office(oxt=args.oxt) as office:
        scalar_section(office)
        raw_section(office, args.out)
        per_cell_table_section(office, args.out)
    core_section(args.core_bench, args.out)

    table = os.path.join(args.out, "bench.csv")
    with open(table, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["section", "item", "measured_s", "baseline_s", "ratio", "aim", "note"])
        w.writerows(results)
    print(f"\n{'section':<18} {'item':<48} {'ratio':>8}  aim")
    for section, item, _, _, ratio, aim, note in results:
        print(f"{section:<18} {item:<48} {ratio:8.2f}  {aim:<7} {note}")
    print(f"\nwrote {table}; the whole run took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
