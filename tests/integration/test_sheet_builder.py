"""The SheetBuilder service and ./kpi sheet in real LibreOffice, on export layouts the tests make: an
English web-shop export with date cells (.xlsx), an Indonesian marketplace export with ISO text dates and a
CRM lead export (.ods), a campaign report with a title and a total row, GA4-like traffic, web sessions, a
0-10 survey and a targets table, and CSV files (comma, semicolon with BOM, tab) for the command line.
Every KPI of every report is compared with pandas on the same rows."""
import datetime
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import pandas as pd

from kpitest import OXT, SOURCE_DIR, shared_office

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uno  # noqa: E402
from com.sun.star.table import CellAddress  # noqa: E402
from office import props  # noqa: E402
from test_menu import GUI_TOOLS, Display, GuiOffice, gui_soffice  # noqa: E402

CLI = os.path.join(SOURCE_DIR, "addin", "kpi_sheet.py")
PYTHON = "/usr/bin/python3"
NULL_DATE = datetime.date(1899, 12, 30)
REL_TOL = 1e-9
MARKER = "KPIFunctions_Sheet"
README = os.path.join(SOURCE_DIR, "docs", "sheet-builder.md")  # its macro examples are tested
CONVERTED = {"won", "converted", "closed won", "closedwon", "deal", "closing", "terjual", "berhasil",
             "closed - won", "sukses", "menang"}


def serial(day):
    return float((day - NULL_DATE).days)


# ---- fixtures: rows as the exports write them ----

def web_shop_orders(rng, rows=400, start=datetime.date(2025, 7, 1)):
    """Order ID, Customer Email, Order Date (a date cell), Status, Total ($): one row per order."""
    out = [["Order ID", "Customer Email", "Order Date", "Status", "Total ($)"]]
    for i in range(rows):
        day = start + datetime.timedelta(days=rng.randint(0, 180))
        out.append([f"WS-{10000 + i}", f"buyer{rng.randint(1, 90)}@mail.test", day,
                    rng.choice(["Completed", "Completed", "Shipped"]), round(rng.uniform(5, 400), 2)])
    return out


def marketplace_orders(rng, rows=500, start=datetime.date(2026, 1, 1)):
    """Indonesian marketplace export: several rows per order (one per product), ISO text dates."""
    out = [["No. Pesanan", "Username (Pembeli)", "Waktu Pesanan Dibuat", "Nama Produk", "Total Pembayaran (Rp)"]]
    order = 0
    while len(out) <= rows:
        order += 1
        buyer = f"pembeli_{rng.randint(1, 120):04d}"
        when = datetime.datetime.combine(start + datetime.timedelta(days=rng.randint(0, 150)),
                                         datetime.time(rng.randint(8, 22), rng.randint(0, 59)))
        for _ in range(rng.randint(1, 3)):
            out.append([f"2601{order:05d}", buyer, when.strftime("%Y-%m-%d %H:%M"),
                        rng.choice(["Kopi Gayo 250 g", "Madu Hutan 350 ml", "Teh Hijau"]),
                        float(rng.randint(2, 60) * 5000)])
    return out


def crm_leads(rng, rows=300, start=datetime.date(2026, 1, 1)):
    out = [["ID Prospek", "Tanggal Dibuat", "Sumber", "Status Prospek"]]
    for i in range(rows):
        day = start + datetime.timedelta(days=rng.randint(0, 120))
        out.append([f"L-{i:05d}", day.isoformat(), rng.choice(["Instagram", "Website", "Referral"]),
                    rng.choice(["Terjual", "Gagal", "Baru", "Terjual", "Dihubungi"])])
    return out


def campaign_report(rng):
    """An ad platform's report: a title, a blank row, the header, campaigns, then a total row."""
    names = ["Brand Search", "Ramadan Promo", "Retargeting", "Video Awareness", "Lookalike"]
    header = ["Campaign", "Impr.", "Clicks", "Cost (IDR)", "Conversions", "Conv. value"]
    body = []
    for name in names:
        impressions = rng.randint(20000, 400000)
        clicks = rng.randint(300, impressions // 20)
        body.append([name, float(impressions), float(clicks), float(rng.randint(500, 9000) * 1000),
                     float(rng.randint(5, clicks // 10)), float(rng.randint(1000, 40000) * 1000)])
    total = ["Total"] + [sum(r[c] for r in body) for c in range(1, 6)]
    return [["Campaign performance report, Jan-Mar 2026"], [None], header] + body + [total]


def ga4_traffic(rng, days=60, start=datetime.date(2026, 2, 1)):
    out = [["Date", "Sessions", "Engaged sessions", "Views"]]
    for d in range(days):
        sessions = rng.randint(200, 2000)
        out.append([start + datetime.timedelta(days=d), float(sessions), float(rng.randint(50, sessions)),
                    float(rng.randint(sessions, sessions * 4))])
    return out


def web_sessions(rng, rows=400, start=datetime.date(2026, 3, 1)):
    out = [["Session ID", "Session start", "Duration (s)", "Page views", "Key events"]]
    for i in range(rows):
        out.append([f"s{i}", (start + datetime.timedelta(days=rng.randint(0, 30))).isoformat(),
                    float(rng.choice([0, 3, 8, 12, 45, 300])), float(rng.choice([1, 1, 2, 5])),
                    float(rng.choice([0, 0, 0, 1]))])
    return out


def survey_answers(rng, rows=150, start=datetime.date(2026, 3, 1)):
    out = [["Respondent", "Submitted", "How likely are you to recommend us? (0-10)"]]
    for i in range(rows):
        out.append([f"R{i}", (start + datetime.timedelta(days=rng.randint(0, 20))).isoformat(),
                    float(rng.randint(0, 10))])
    return out


def targets():
    return [["KPI", "Target"], ["Revenue", 90000.0], ["Orders", 450.0], ["Conversion rate", 0.05]]


# ---- pandas on the same rows ----

def frame(rows):
    return pd.DataFrame(rows[1:], columns=rows[0])


def to_day(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def last_month(days):
    latest = max(days)
    start = latest.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return start, end


def expected_orders(rows, customer, day, amount, order=None):
    df = frame(rows)
    df["c"] = df[customer].astype(str).str.strip().str.casefold()
    df["d"] = df[day].map(to_day)
    orders = df[order].nunique() if order else len(df)
    revenue = df[amount].sum()
    per_customer = df.groupby("c")[order].nunique() if order else df.groupby("c").size()
    first = df.groupby("c")["d"].min()
    start, end = last_month(df["d"])
    active = set(df[(df["d"] >= start) & (df["d"] <= end)]["c"])
    new = {c for c in active if first[c] >= start}
    return {"orders.revenue": revenue, "orders.orders": orders, "orders.aov": revenue / orders,
            "orders.customers": df["c"].nunique(), "orders.repeat_rate": (per_customer >= 2).mean(),
            "orders.purchase_frequency": orders / df["c"].nunique(),
            "orders.new_customers_last": len(new), "orders.active_customers_last": len(active),
            "orders.returning_customers_last": len(active - new)}


def expected_leads(rows, lead, day, status):
    df = frame(rows)
    df["d"] = df[day].map(to_day)
    first = df.groupby(lead)["d"].min()
    start, end = last_month(df["d"])
    return {"leads.leads": df[lead].nunique(),
            "leads.new_leads_last": int(((first >= start) & (first <= end)).sum()),
            "leads.conversion": df[status].str.strip().str.casefold().isin(CONVERTED).sum() / len(df)}


def expected_campaigns(rows):
    df = pd.DataFrame(rows[3:-1], columns=rows[2])
    cost, impressions, clicks = df["Cost (IDR)"].sum(), df["Impr."].sum(), df["Clicks"].sum()
    conversions, revenue = df["Conversions"].sum(), df["Conv. value"].sum()
    return {"campaigns.cost": cost, "campaigns.ctr": clicks / impressions, "campaigns.cpc": cost / clicks,
            "campaigns.cpa": cost / conversions, "campaigns.conversion_rate": conversions / clicks,
            "campaigns.roas": revenue / cost, "campaigns.roi": (revenue - cost) / cost}


def expected_traffic(rows):
    df = frame(rows)
    sessions = df["Sessions"].sum()
    return {"traffic.sessions": sessions, "traffic.engaged_sessions": df["Engaged sessions"].sum(),
            "traffic.engagement_rate": df["Engaged sessions"].sum() / sessions,
            "traffic.bounce_rate": 1 - df["Engaged sessions"].sum() / sessions,
            "traffic.pages_per_session": df["Views"].sum() / sessions}


def expected_sessions(rows):
    """GA4's engaged session: longer than 10 seconds, or 2 or more page views, or a key event."""
    df = frame(rows)
    engaged = ((df["Duration (s)"] > 10) | (df["Page views"] >= 2) | (df["Key events"] >= 1)).sum()
    return {"sessions.sessions": len(df), "sessions.engaged_sessions": engaged,
            "sessions.engagement_rate": engaged / len(df), "sessions.bounce_rate": 1 - engaged / len(df),
            "sessions.pages_per_session": df["Page views"].sum() / len(df)}


def expected_survey(rows):
    scores = frame(rows).iloc[:, 2]
    return {"survey.responses": len(scores),
            "survey.nps": 100 * ((scores >= 9).mean() - (scores <= 6).mean())}


# ---- documents ----

def fill(doc, sheet, rows):
    """Writes rows into a sheet: text, numbers, dates as date cells (a date format), None as empty."""
    date_format = doc.NumberFormats.getStandardFormat(2, doc.CharLocale)  # NumberFormat.DATE
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            cell = sheet.getCellByPosition(c, r)
            if isinstance(value, datetime.date):
                cell.setValue(serial(value))
                cell.NumberFormat = date_format
            elif isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)


def snapshot(sheet):
    """A data sheet's cells as they are: values, formulas and each cell's number format."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    area = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    formats = tuple(tuple(sheet.getCellByPosition(c, r).NumberFormat for c in range(end.EndColumn + 1))
                    for r in range(end.EndRow + 1))
    return area.getDataArray(), area.getFormulaArray(), formats


def document_state(doc):
    """What a build may touch, as a comparable value: the sheets in order with every cell's value, formula and
    number format, and the document's named ranges with their content."""
    sheets = [doc.Sheets.getByIndex(i) for i in range(doc.Sheets.Count)]
    names = doc.NamedRanges
    return ([(s.Name, snapshot(s)) for s in sheets],
            sorted((n, names.getByName(n).Content) for n in names.ElementNames))


def readme_macro(language):
    """docs/sheet-builder.md's macro example in `language` (basic or python), as written there."""
    with open(README, encoding="utf-8") as f:
        section = f.read().split("## From a macro", 1)[1]
    return re.search(rf"```{language}\n(.*?)```", section, re.S).group(1)


class Workbooks(unittest.TestCase):
    """Fixture workbooks written by an office, and documents opened from them."""

    office = None

    @classmethod
    def write(cls, name, sheets):
        doc = cls.office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, props(Hidden=True))
        try:
            for i, (sheet_name, rows) in enumerate(sheets.items()):
                if i >= doc.Sheets.Count:
                    doc.Sheets.insertNewByName(sheet_name, i)
                sheet = doc.Sheets.getByIndex(i)
                sheet.Name = sheet_name
                fill(doc, sheet, rows)
            path = os.path.join(cls.directory, name)
            filters = {".xlsx": "Calc Office Open XML", ".ods": "calc8"}
            doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filters[os.path.splitext(name)[1]]))
            return path
        finally:
            doc.close(True)

    def open(self, path, **arguments):
        doc = self.office.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                       props(**{"Hidden": True, **arguments}))
        self.addCleanup(doc.close, True)
        return doc

    def build(self, doc, **options):
        return json.loads(self.builder.build(doc, props(**{"Language": "en", **options})))


class SheetBuilderTest(Workbooks):
    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()
        cls.builder = cls.office.ctx.ServiceManager.createInstanceWithContext("org.kpifunctions.SheetBuilder",
                                                                             cls.office.ctx)
        cls.directory = tempfile.mkdtemp(prefix="kpi-sheet-builder-")
        rng = random.Random(7)
        cls.shop, cls.campaigns, cls.targets = web_shop_orders(rng), campaign_report(rng), targets()
        cls.market, cls.leads = marketplace_orders(rng), crm_leads(rng)
        cls.traffic, cls.sessions, cls.survey = ga4_traffic(rng), web_sessions(rng), survey_answers(rng)
        cls.shop_xlsx = cls.write("web-shop.xlsx", {"Orders": cls.shop, "Campaign report": cls.campaigns,
                                                     "Targets": cls.targets})
        cls.market_ods = cls.write("toko.ods", {"Pesanan": cls.market, "Prospek": cls.leads})
        cls.web_xlsx = cls.write("web.xlsx", {"GA4": cls.traffic, "Sessions": cls.sessions,
                                              "Survey": cls.survey})

    def tables(self, report):
        return {t["name"]: t for t in report["tables"]}

    def assertKpisMatch(self, report, expected):
        """Every KPI of the report has a pandas value and equals it."""
        self.assertTrue(report["kpis"])
        for kpi in report["kpis"]:
            with self.subTest(kpi=kpi["id"]):
                self.assertIn(kpi["id"], expected, f"no pandas twin for {kpi['id']} ({kpi['formula']})")
                self.assertIsInstance(kpi["value"], float, f"{kpi['id']} shows {kpi['value']}")
                self.assertTrue(math.isclose(kpi["value"], expected[kpi["id"]], rel_tol=REL_TOL, abs_tol=1e-12),
                                f"{kpi['id']}: {kpi['value']} != pandas {expected[kpi['id']]}")

    # ---- detection ----

    def test_detects_kinds_and_roles_in_every_layout(self):
        cases = {
            self.shop_xlsx: {"Orders": ("orders", {"order": "A", "customer": "B", "date": "C", "amount": "E"}),
                             "Campaign report": ("campaigns", {"campaign": "A", "impressions": "B", "clicks": "C",
                                                               "cost": "D", "conversions": "E", "revenue": "F"}),
                             "Targets": ("targets", {"kpi": "A", "target": "B"})},
            self.market_ods: {"Pesanan": ("orders", {"order": "A", "customer": "B", "date": "C", "amount": "E"}),
                              "Prospek": ("leads", {"lead": "A", "date": "B", "status": "D"})},
            self.web_xlsx: {"GA4": ("traffic", {"date": "A", "sessions": "B", "engaged_sessions": "C",
                                                "pageviews": "D"}),
                            "Sessions": ("sessions", {"duration": "C", "pageviews": "D", "key_events": "E"}),
                            "Survey": ("survey", {"score": "C"})},
        }
        for path, wanted in cases.items():
            doc = self.open(path)
            found = self.tables(json.loads(self.builder.detect(doc, ())))
            for name, (kind, roles) in wanted.items():
                with self.subTest(file=os.path.basename(path), table=name):
                    self.assertEqual(found[name]["kind"], kind)
                    columns = {role: c["column"] for role, c in found[name]["columns"].items()}
                    self.assertEqual({r: columns.get(r) for r in roles}, roles)
            self.assertEqual(doc.Sheets.Count, len(wanted), "detect writes nothing")
        # the campaign report's title, blank row and total row are not data
        doc = self.open(self.shop_xlsx)
        campaigns = self.tables(json.loads(self.builder.detect(doc, ())))["Campaign report"]
        self.assertEqual(campaigns["range"], "A4:F8")
        self.assertTrue(campaigns["total_row"])

    # ---- values ----

    def test_every_kpi_of_the_web_shop_workbook_matches_pandas(self):
        doc = self.open(self.shop_xlsx)
        report = self.build(doc)
        expected = expected_orders(self.shop, "Customer Email", "Order Date", "Total ($)", "Order ID")
        expected.update(expected_campaigns(self.campaigns))
        self.assertKpisMatch(report, expected)
        self.assertEqual(report["periods"]["grain"], "month")

    def test_every_kpi_of_the_marketplace_workbook_matches_pandas(self):
        doc = self.open(self.market_ods)
        report = self.build(doc)
        expected = expected_orders(self.market, "Username (Pembeli)", "Waktu Pesanan Dibuat",
                                   "Total Pembayaran (Rp)", "No. Pesanan")
        expected.update(expected_leads(self.leads, "ID Prospek", "Tanggal Dibuat", "Status Prospek"))
        self.assertKpisMatch(report, expected)

    def test_every_kpi_of_the_web_analytics_workbook_matches_pandas(self):
        doc = self.open(self.web_xlsx)
        report = self.build(doc)
        expected = {**expected_traffic(self.traffic), **expected_sessions(self.sessions),
                    **expected_survey(self.survey)}
        self.assertKpisMatch(report, expected)

    def test_kpi_formulas_reference_the_source_ranges(self):
        doc = self.open(self.shop_xlsx)
        report = self.build(doc)
        revenue = next(k for k in report["kpis"] if k["id"] == "orders.revenue")
        self.assertIn("$Orders.$E$2:$E$401", revenue["formula"])
        cell = doc.Sheets.getByName("KPI").getCellRangeByName(revenue["cell"].split(".", 1)[1])
        source = doc.Sheets.getByName("Orders").getCellRangeByName("E2")
        before, old = cell.getValue(), source.getValue()
        source.setValue(old + 1000)
        doc.calculateAll()
        self.assertAlmostEqual(cell.getValue(), before + 1000, places=6)

    def test_prints_on_one_landscape_page_and_a_long_sheet_one_page_wide(self):
        for grain, pages_down in (("month", 1), ("day", 0)):
            with self.subTest(grain):
                doc = self.open(self.shop_xlsx)
                report = self.build(doc, Grain=grain)
                sheet = doc.Sheets.getByName("KPI")
                (area,) = sheet.getPrintAreas()
                self.assertEqual((area.StartColumn, area.StartRow), (0, 0))
                style = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
                self.assertTrue(style.IsLandscape)
                self.assertEqual((style.ScaleToPagesX, style.ScaleToPagesY), (1, pages_down))
                if grain == "day":  # a year by day: too long for one page
                    self.assertGreater(report["periods"]["rows"], 90)
                    self.assertGreater(area.EndRow, 90)

    # ---- rebuild, undo, data untouched ----

    def test_rebuild_after_new_rows_replaces_the_renamed_sheet_with_extended_ranges(self):
        doc = self.open(self.shop_xlsx)
        self.build(doc)
        doc.Sheets.getByName("KPI").Name = "Board view"  # the marker follows the sheet, not its name
        position = [doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)].index("Board view")
        extra = web_shop_orders(random.Random(11), rows=40, start=datetime.date(2026, 1, 2))[1:]
        fill(doc, doc.Sheets.getByName("Orders"), [[None] * 5] * 401 + extra)
        report = self.build(doc)
        names = [doc.Sheets.getByIndex(i).Name for i in range(doc.Sheets.Count)]
        self.assertEqual(names, ["Orders", "Campaign report", "Targets", "KPI"][:position] + ["KPI"] +
                         ["Orders", "Campaign report", "Targets"][position:])
        self.assertNotIn("Board view", names)
        self.assertEqual(self.tables(report)["Orders"]["range"], "A2:E441")
        revenue = next(k for k in report["kpis"] if k["id"] == "orders.revenue")
        self.assertIn("$Orders.$E$2:$E$441", revenue["formula"])
        self.assertKpisMatch(report, {**expected_orders(self.shop + extra, "Customer Email", "Order Date",
                                                        "Total ($)", "Order ID"),
                                      **expected_campaigns(self.campaigns)})

    def test_undo_of_a_rebuild_restores_the_document(self):
        doc = self.open(self.market_ods)
        self.build(doc)
        before = document_state(doc)
        self.build(doc, Grain="quarter", SheetName="KPI kuartal")
        self.assertEqual(doc.NamedRanges.getByName(MARKER).Content, "ISREF($'KPI kuartal'.$A$1)")
        self.assertEqual(doc.getUndoManager().getCurrentUndoActionTitle(), "Build KPI Sheet")
        doc.getUndoManager().undo()
        self.assertEqual(document_state(doc), before)

    def test_a_first_build_without_a_view_leaves_the_undo_stack_as_it_was(self):
        # Calc 7.4 cannot undo a sheet insertion without the document's view (it crashes): see
        # has_active_view in addin/sheet_builder.cxx. The menu command's build, with a view, is undoable.
        doc = self.open(self.web_xlsx)
        doc.Sheets.getByName("GA4").getCellByPosition(6, 0).setString("note")  # the user's own last action
        titles = doc.getUndoManager().getAllUndoActionTitles()
        self.build(doc)
        self.assertEqual(doc.getUndoManager().getAllUndoActionTitles(), titles)

    def test_undo_after_a_first_build_without_a_view_takes_back_only_the_users_own_action(self):
        """Edit > Undo (or a script's undo) after an unrecorded first build: the user's last action before the
        build is undone, the KPI sheet and every data cell stay, and the office lives on."""
        doc = self.open(self.web_xlsx)
        before = document_state(doc)
        doc.Sheets.getByName("GA4").getCellByPosition(6, 0).setString("note")
        report = self.build(doc)
        built = document_state(doc)
        doc.getUndoManager().undo()
        self.assertEqual(doc.Sheets.getByName("GA4").getCellByPosition(6, 0).getString(), "")
        sheets, names = document_state(doc)
        self.assertEqual(sheets[:3], before[0], "the data sheets are as before the user's note")
        self.assertEqual((sheets[3:], names), (built[0][3:], built[1]), "the KPI sheet and its marker stay")
        doc.calculateAll()
        kpi = doc.Sheets.getByName("KPI")
        for k in report["kpis"]:
            self.assertEqual(kpi.getCellRangeByName(k["cell"].split(".", 1)[1]).getValue(), k["value"], k["id"])

    def test_undo_after_a_first_build_without_a_view_and_without_earlier_actions_has_nothing_to_undo(self):
        doc = self.open(self.market_ods)
        manager = doc.getUndoManager()
        self.assertFalse(manager.isUndoPossible())
        self.build(doc)
        built = document_state(doc)
        self.assertFalse(manager.isUndoPossible())
        with self.assertRaises(Exception) as raised:
            manager.undo()
        self.assertEqual(type(raised.exception).__name__, "com.sun.star.document.EmptyUndoStackException")
        self.assertEqual(document_state(doc), built)

    # ---- the marker ----

    def test_the_marker_is_a_formula_that_names_the_sheet_not_a_cell_reference(self):
        """Calc's Name Box shows a name for a selection it refers to exactly, and lists only names that are
        bare cell references: ISREF($KPI.$A$1) is neither (the Name Box itself: UndoInAWindow)."""
        doc = self.open(self.shop_xlsx)
        self.build(doc)
        marker = doc.NamedRanges.getByName(MARKER)
        self.assertEqual(marker.Content, "ISREF($KPI.$A$1)")
        self.assertIsNone(marker.getReferredCells(), "the marker is a bare cell reference")
        doc.Sheets.getByName("KPI").Name = "Board view"
        doc.Sheets.moveByName("Board view", 0)
        self.assertEqual(marker.Content, "ISREF($'Board view'.$A$1)")
        self.assertEqual(self.build(doc)["sheet"], "KPI")
        self.assertEqual(doc.Sheets.ElementNames, ("KPI", "Orders", "Campaign report", "Targets"))
        self.assertEqual(marker.Content, "ISREF($KPI.$A$1)")

    def test_a_sheet_built_with_the_earlier_marker_is_rebuilt_in_place_and_gets_the_new_one(self):
        """Versions before wrote the marker as the bare reference $KPI.$A$1."""
        doc = self.open(self.shop_xlsx)
        self.build(doc)
        doc.Sheets.getByName("KPI").Name = "Board view"
        doc.Sheets.moveByName("Board view", 1)
        doc.NamedRanges.removeByName(MARKER)
        doc.NamedRanges.addNewByName(MARKER, "$'Board view'.$A$1", CellAddress(1, 0, 0), 0)
        self.assertIsNotNone(doc.NamedRanges.getByName(MARKER).getReferredCells())
        report = self.build(doc, Grain="quarter")
        self.assertEqual(report["periods"]["grain"], "quarter")
        self.assertEqual(doc.Sheets.ElementNames, ("Orders", "KPI", "Campaign report", "Targets"))
        self.assertEqual(doc.NamedRanges.getByName(MARKER).Content, "ISREF($KPI.$A$1)")

    def test_a_build_after_the_user_deleted_the_kpi_sheet_writes_a_new_one(self):
        doc = self.open(self.market_ods)
        self.build(doc)
        doc.Sheets.removeByName("KPI")
        self.assertEqual(doc.NamedRanges.getByName(MARKER).Content, "ISREF($#REF!.$A$1)")
        self.assertEqual(self.build(doc)["sheet"], "KPI")
        self.assertEqual(doc.Sheets.ElementNames, ("Pesanan", "Prospek", "KPI"))
        self.assertEqual(doc.NamedRanges.getByName(MARKER).Content, "ISREF($KPI.$A$1)")

    def test_data_sheets_are_not_changed_by_a_build(self):
        for path in (self.shop_xlsx, self.market_ods, self.web_xlsx):
            doc = self.open(path)
            sheets = [doc.Sheets.getByIndex(i) for i in range(doc.Sheets.Count)]
            before = {s.Name: snapshot(s) for s in sheets}
            self.build(doc)
            self.build(doc, Grain="week")
            for name, cells in before.items():
                with self.subTest(file=os.path.basename(path), sheet=name):
                    self.assertEqual(snapshot(doc.Sheets.getByName(name)), cells)

    def test_saved_as_ods_and_xlsx_the_kpis_reopen_with_the_same_values(self):
        doc = self.open(self.market_ods)
        report = self.build(doc)
        for extension, filter_name in ((".ods", "calc8"), (".xlsx", "Calc Office Open XML")):
            path = os.path.join(self.directory, "reopened" + extension)
            doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName=filter_name))
            again = self.open(path)
            again.calculateAll()
            kpi = again.Sheets.getByName("KPI")
            for k in report["kpis"]:
                with self.subTest(format=extension, kpi=k["id"]):
                    cell = kpi.getCellRangeByName(k["cell"].split(".", 1)[1])
                    self.assertEqual(cell.getError(), 0)
                    self.assertTrue(math.isclose(cell.getValue(), k["value"], rel_tol=REL_TOL))
            # and the marker survives: a rebuild of the reopened file replaces the sheet
            self.assertEqual(again.NamedRanges.getByName(MARKER).Content, "ISREF($KPI.$A$1)")
            self.build(again)
            self.assertEqual(sum(1 for n in again.Sheets.ElementNames if n.startswith("KPI")), 1)

    def test_bad_options_are_illegal_arguments_with_a_message(self):
        doc = self.open(self.shop_xlsx)
        for options, message in ((props(Grain="fortnight"), "option Grain"),
                                 (props(Language="fr"), "option Language"),
                                 (props(SheetName="a/b"), "option SheetName"),
                                 (props(Colour="red"), 'unknown option "Colour"'),
                                 (props(Override="Orders.amount=12"), "neither column letters"),
                                 (props(Override="Nowhere.amount=E"), "Nowhere")):
            with self.subTest(message=message):
                with self.assertRaises(Exception) as raised:
                    self.builder.build(doc, options)
                self.assertEqual(type(raised.exception).__name__, "com.sun.star.lang.IllegalArgumentException")
                self.assertIn(message, raised.exception.Message)
        self.assertEqual(doc.Sheets.Count, 3, "a refused build writes nothing")

    def test_overrides_correct_a_role(self):
        doc = self.open(self.market_ods)
        report = json.loads(self.builder.detect(doc, props(Override="Prospek.status=none")))
        self.assertNotIn("status", self.tables(report)["Prospek"]["columns"])
        report = self.build(doc, Override="Prospek.kind=none")
        self.assertEqual(self.tables(report)["Prospek"]["kind"], "unknown")
        self.assertFalse(any(k["id"].startswith("leads.") for k in report["kpis"]))

    # ---- the command line ----

    def cli(self, *arguments):
        return subprocess.run([PYTHON, CLI, "--oxt", OXT, *arguments], capture_output=True, text=True,
                              timeout=600)

    def write_csv(self, name, rows, separator=",", bom=False):
        path = os.path.join(self.directory, name)
        with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            for row in rows:
                f.write(separator.join("" if v is None else (v.isoformat() if isinstance(v, datetime.date) else
                                                             (f"{v:g}" if isinstance(v, float) else str(v)))
                                       for v in row) + "\n")
        return path

    def test_cli_builds_one_workbook_from_csv_exports(self):
        orders = self.write_csv("pesanan marketplace.csv", self.market, ";", bom=True)
        sessions = self.write_csv("sessions.csv", self.sessions, "\t")
        survey = self.write_csv("survey.csv", self.survey, ",")
        output = os.path.join(self.directory, "combined.xlsx")
        report_path = os.path.join(self.directory, "combined.json")
        run = self.cli(orders, sessions, survey, "-o", output, "--report", report_path)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn(f"Wrote {output}", run.stdout)
        self.assertIn("pesanan marketplace: orders", run.stdout)
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        self.assertEqual({t["sheet"] for t in report["tables"]}, {"pesanan marketplace", "sessions", "survey"})
        self.assertKpisMatch(report, {**expected_orders(self.market, "Username (Pembeli)", "Waktu Pesanan Dibuat",
                                                        "Total Pembayaran (Rp)", "No. Pesanan"),
                                      **expected_sessions(self.sessions), **expected_survey(self.survey)})
        doc = self.open(output)
        self.assertEqual(doc.Sheets.ElementNames, ("pesanan marketplace", "sessions", "survey", "KPI"))

    def test_cli_reads_text_dates_in_the_order_given(self):
        rows = [["Invoice", "Customer", "Date", "Amount"]] + [
            [f"I{i}", f"c{i % 7}", (datetime.date(2026, 1, 1) + datetime.timedelta(days=3 * i)).strftime("%d/%m/%Y"),
             100.0 + i] for i in range(60)]
        path = self.write_csv("invoices.csv", rows)
        report_path = os.path.join(self.directory, "invoices.json")
        run = self.cli(path, "--date-order", "dmy", "--report", report_path,
                       "-o", os.path.join(self.directory, "invoices-kpi.ods"))
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
        iso_rows = [rows[0]] + [[r[0], r[1], datetime.datetime.strptime(r[2], "%d/%m/%Y").date(), r[3]]
                                for r in rows[1:]]
        self.assertKpisMatch(report, expected_orders(iso_rows, "Customer", "Date", "Amount", "Invoice"))

    def test_cli_exits_with_one_line_for_each_error(self):
        garbage = os.path.join(self.directory, "broken.xlsx")
        with open(garbage, "wb") as f:
            f.write(os.urandom(2000))
        no_table = self.write_csv("notes.csv", [["Meeting notes"], ["call the supplier on Monday"]])
        good = self.write_csv("ok.csv", self.market, ";")
        cases = {
            "missing file": ([os.path.join(self.directory, "nope.csv")], "no such file"),
            "unreadable file": ([garbage], "cannot read it"),
            "no table": ([no_table, "-o", os.path.join(self.directory, "n.ods")], "has no table of orders"),
            "unwritable output": ([good, "-o", os.path.join(self.directory, "missing-dir", "x.ods")],
                                  "does not exist"),
            "unknown extension": ([good, "-o", os.path.join(self.directory, "x.pdf")], "use .ods or .xlsx"),
        }
        for what, (arguments, reason) in cases.items():
            with self.subTest(what):
                run = self.cli(*arguments)
                self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
                lines = run.stderr.strip().splitlines()
                self.assertEqual(len(lines), 1, run.stderr)
                self.assertTrue(lines[0].startswith("kpi sheet: "), lines[0])
                self.assertIn(reason, lines[0])


# ---------------------------------------------------------------------------------------------------------
def orders_with_shipping(rng, rows=120):
    """A web-shop export whose amount is column F (the README's Python macro reads it from there)."""
    return [row[:4] + ["Shipping" if i == 0 else float(rng.choice([0, 5, 9]))] + row[4:]
            for i, row in enumerate(web_shop_orders(rng, rows))]


class Macros(Workbooks):
    """The README's macro examples, as written there, run by the office's script framework: the Basic one
    from a document's library, the Python one from the user's Scripts/python folder (My Macros)."""

    @classmethod
    def setUpClass(cls):
        cls.office = shared_office()
        cls.directory = tempfile.mkdtemp(prefix="kpi-macros-")
        cls.addClassCleanup(shutil.rmtree, cls.directory, True)
        cls.orders = orders_with_shipping(random.Random(5))
        cls.xlsx = cls.write("orders.xlsx", {"Orders": cls.orders})

    def security_level(self, level):
        """Sets Tools > Options > Security > Macro Security in the office's throwaway profile."""
        provider = self.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.office.ctx)
        scripting = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            props(nodepath="/org.openoffice.Office.Common/Security/Scripting"))
        previous = scripting.MacroSecurityLevel
        scripting.MacroSecurityLevel = level
        scripting.commitChanges()
        return previous

    def document_with_basic(self, source):
        """The orders in an .ods whose Standard library holds `source` as Module1, opened as a user opens
        it: macros run as the profile's macro security says, which is Low here."""
        doc = self.open(self.xlsx)
        doc.BasicLibraries.createLibrary("Standard").insertByName("Module1", source)
        path = os.path.join(self.directory, "with-macro.ods")
        doc.storeToURL(uno.systemPathToFileUrl(path), props(FilterName="calc8"))
        previous = self.security_level(0)
        self.addCleanup(self.security_level, previous)
        use_config = uno.getConstantByName("com.sun.star.document.MacroExecMode.USE_CONFIG")
        return self.open(path, MacroExecutionMode=use_config)

    def run_script(self, doc, uri):
        return doc.getScriptProvider().getScript(uri).invoke((), (), ())[0]

    def test_readmes_basic_macro_builds_the_sheet_and_returns_the_report(self):
        example = readme_macro("basic")
        self.assertIn("Sub BuildKpiSheet", example)
        # the same lines as a Function that hands the report back instead of showing it
        returning = (example.replace("Sub BuildKpiSheet", "Function BuildKpiSheetReport")
                     .replace("MsgBox report", "BuildKpiSheetReport = report").replace("End Sub", "End Function"))
        doc = self.document_with_basic(example + "\n" + returning)
        location = "?language=Basic&location=document"
        report = json.loads(self.run_script(doc, "vnd.sun.star.script:Standard.Module1.BuildKpiSheetReport"
                                            + location))
        self.assertEqual(report["sheet"], "KPI")
        self.assertEqual(report["periods"]["grain"], "month")
        self.assertEqual(report["tables"][0]["columns"]["amount"]["column"], "F")
        revenue = next(k for k in report["kpis"] if k["id"] == "orders.revenue")
        self.assertEqual(revenue["label"], "Pendapatan", "Language=id gives Indonesian labels")
        self.assertTrue(math.isclose(revenue["value"], sum(r[5] for r in self.orders[1:]), rel_tol=REL_TOL))
        self.assertEqual(doc.Sheets.ElementNames, ("Orders", "KPI"))
        # the README's Sub as written (its MsgBox closes at once in a headless office): a rebuild
        self.assertIsNone(self.run_script(doc, "vnd.sun.star.script:Standard.Module1.BuildKpiSheet" + location))
        self.assertEqual(doc.Sheets.ElementNames, ("Orders", "KPI"))

    def test_readmes_python_macro_builds_the_sheet_of_the_document_in_front(self):
        if "com.sun.star.script.provider.ScriptProviderForPython" not in \
                self.office.ctx.ServiceManager.getAvailableServiceNames():
            self.skipTest("no Python script provider: install libreoffice-script-provider-python (./kpi setup)")
        folder = os.path.join(self.office.profile, "user", "Scripts", "python")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "kpi_sheet.py"), "w", encoding="utf-8") as f:
            f.write(readme_macro("python"))
        doc = self.open(self.xlsx)
        # XSCRIPTCONTEXT.getDocument() of a script in My Macros is the document in front
        doc.CurrentController.Frame.activate()
        report = json.loads(self.run_script(
            doc, "vnd.sun.star.script:kpi_sheet.py$build_kpi_sheet?language=Python&location=user"))
        self.assertEqual(report["sheet"], "KPI")
        self.assertEqual(report["periods"]["grain"], "week")
        self.assertEqual(report["tables"][0]["columns"]["amount"]["column"], "F")
        self.assertKpis(report)
        self.assertEqual(doc.Sheets.ElementNames, ("Orders", "KPI"))

    def assertKpis(self, report):
        """The KPIs over all rows equal pandas' ("last" ones are the last week's: not compared here)."""
        expected = expected_orders(self.orders, "Customer Email", "Order Date", "Total ($)", "Order ID")
        compared = [k for k in report["kpis"] if k["id"] in expected and not k["id"].endswith("_last")]
        self.assertEqual(len(compared), 6)
        for kpi in compared:
            with self.subTest(kpi=kpi["id"]):
                self.assertTrue(math.isclose(kpi["value"], expected[kpi["id"]], rel_tol=REL_TOL), kpi["id"])


# ---------------------------------------------------------------------------------------------------------
COMBO_BOX, TEXT, LIST = (uno.getConstantByName(f"com.sun.star.accessibility.AccessibleRole.{role}")
                         for role in ("COMBO_BOX", "TEXT", "LIST"))
NOT_SEARCHED = {uno.getConstantByName(f"com.sun.star.accessibility.AccessibleRole.{role}")
                for role in ("MENU_BAR", "DOCUMENT_SPREADSHEET", "TABLE")}


def accessible(context, wanted, depth=8):
    """The first descendant of an accessible context for which wanted(context) holds; the menu bar and the
    grid (a million cells) are not searched."""
    if wanted(context):
        return context
    if depth == 0 or context.getAccessibleRole() in NOT_SEARCHED:
        return None
    for i in range(context.getAccessibleChildCount()):
        found = accessible(context.getAccessibleChild(i).getAccessibleContext(), wanted, depth - 1)
        if found is not None:
            return found
    return None


@unittest.skipUnless(all(shutil.which(t) for t in GUI_TOOLS), f"needs {', '.join(GUI_TOOLS)} (Xvfb)")
@unittest.skipUnless(gui_soffice(), "needs a LibreOffice with a GUI: set KPI_GUI_SOFFICE (see test_menu.py)")
class UndoInAWindow(Workbooks):
    """Undo and redo of builds in documents shown in a Calc window, as the user has them, in an office with a
    GUI under Xvfb. A headless office cannot show a Calc document: loading one without Hidden=True, or
    making a hidden one's window visible, aborts LibreOffice 7.4 (SIGSEGV in vcl::Window::GetCursor from a
    scheduler task), and Calc's own undo of a sheet insertion in a hidden document aborts it too (in
    ScTabView::SetTabNo, also after XFrame.activate()), so a first build there is not recorded at all
    (SheetBuilderTest) and undo of a first build is checked here."""

    @classmethod
    def setUpClass(cls):
        cls.display = Display()
        cls.addClassCleanup(cls.display.close)
        cls.office = GuiOffice(gui_soffice(), cls.display, oxt=OXT)
        cls.office.__enter__()
        cls.addClassCleanup(cls.office.close)
        misc = cls.office.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", cls.office.ctx).createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            props(nodepath="/org.openoffice.Office.Common/Misc"))
        misc.ShowTipOfTheDay = False  # it would open over the first document
        misc.commitChanges()
        cls.builder = cls.office.ctx.ServiceManager.createInstanceWithContext("org.kpifunctions.SheetBuilder",
                                                                             cls.office.ctx)
        cls.directory = tempfile.mkdtemp(prefix="kpi-undo-")
        cls.addClassCleanup(shutil.rmtree, cls.directory, True)
        rng = random.Random(17)
        cls.shop_xlsx = cls.write("web-shop.xlsx", {"Orders": web_shop_orders(rng, rows=200),
                                                     "Campaign report": campaign_report(rng),
                                                     "Targets": targets()})
        cls.market_ods = cls.write("toko.ods", {"Pesanan": marketplace_orders(rng, rows=200),
                                                "Prospek": crm_leads(rng, rows=120)})

    def open_in_a_window(self, path):
        """The file in a Calc window in front, with a named range of the user's."""
        doc = self.open(path, Hidden=False)
        doc.NamedRanges.addNewByName("Mine", "$" + doc.Sheets.getByIndex(0).Name + ".$A$1:$B$3",
                                     CellAddress(0, 0, 0), 0)
        frame = doc.CurrentController.Frame
        deadline = time.monotonic() + 20
        while not (frame.isActive() and frame.ContainerWindow.isVisible()) and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertTrue(frame.isActive() and frame.ContainerWindow.isVisible(), "the window is not in front")
        return doc

    def test_undo_of_a_first_build_restores_the_document(self):
        for path in (self.shop_xlsx, self.market_ods):
            with self.subTest(os.path.basename(path)):
                doc = self.open_in_a_window(path)
                before = document_state(doc)
                self.build(doc)
                manager = doc.getUndoManager()
                self.assertEqual(manager.getCurrentUndoActionTitle(), "Build KPI Sheet")
                manager.undo()
                self.assertEqual(document_state(doc), before)
                self.assertFalse(doc.NamedRanges.hasByName(MARKER))
                # and a build after the undo writes the sheet again under its name
                self.assertEqual(self.build(doc)["sheet"], "KPI")

    def test_redo_of_a_first_build_gives_the_sheet_back_with_its_marker(self):
        doc = self.open_in_a_window(self.shop_xlsx)
        before = document_state(doc)
        self.build(doc, Grain="week")
        built = document_state(doc)
        manager = doc.getUndoManager()
        manager.undo()
        self.assertEqual(document_state(doc), before)
        manager.redo()
        self.assertEqual(document_state(doc), built)
        self.assertEqual(doc.NamedRanges.getByName(MARKER).Content, "ISREF($KPI.$A$1)")
        # the sheet given back is the builder's: a rebuild replaces it
        self.build(doc)
        self.assertEqual(doc.Sheets.ElementNames, ("Orders", "Campaign report", "Targets", "KPI"))
        manager.undo()
        manager.undo()
        self.assertEqual(document_state(doc), before)

    def test_undo_of_a_rebuild_restores_the_earlier_sheet(self):
        doc = self.open_in_a_window(self.market_ods)
        self.build(doc)
        doc.Sheets.getByName("KPI").Name = "Papan"
        built = document_state(doc)
        self.build(doc, Grain="quarter", SheetName="KPI kuartal")
        self.assertEqual(doc.Sheets.ElementNames, ("Pesanan", "Prospek", "KPI kuartal"))
        rebuilt = document_state(doc)
        doc.getUndoManager().undo()
        self.assertEqual(document_state(doc), built)
        doc.getUndoManager().redo()
        self.assertEqual(document_state(doc), rebuilt)

    def name_box(self, doc, sheet, cell):
        """Selects `cell` on `sheet`; returns what the Name Box shows then and the names its list offers."""
        controller = doc.CurrentController
        window = controller.Frame.ContainerWindow.getAccessibleContext()
        bar = accessible(window, lambda c: c.getAccessibleName() == "Formula Tool Bar", 3)
        box = accessible(bar, lambda c: c.getAccessibleRole() == COMBO_BOX)
        text = accessible(box, lambda c: c.getAccessibleRole() == TEXT, 2)
        entries = accessible(box, lambda c: c.getAccessibleRole() == LIST, 2)
        shown = text.getText()
        controller.setActiveSheet(doc.Sheets.getByName(sheet))
        controller.select(doc.Sheets.getByName(sheet).getCellRangeByName(cell))
        deadline = time.monotonic() + 3  # the Name Box follows the selection asynchronously
        while text.getText() == shown and time.monotonic() < deadline:
            time.sleep(0.1)
        return text.getText(), [entries.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                                for i in range(entries.getAccessibleChildCount())]

    def test_the_name_box_does_not_show_the_marker(self):
        doc = self.open_in_a_window(self.shop_xlsx)
        self.build(doc)
        shown, offered = self.name_box(doc, "KPI", "A1")
        self.assertEqual(shown, "A1")
        self.assertNotIn(MARKER, offered)
        self.assertIn("Mine", offered)
        shown, _ = self.name_box(doc, "Orders", "A1:B3")
        self.assertEqual(shown, "Mine", "the Name Box does show a name that is a bare reference")
        # the marker of earlier versions was one: A1 read KPIFunctions_Sheet until a rebuild
        doc.NamedRanges.getByName(MARKER).Content = "$KPI.$A$1"
        self.assertEqual(self.name_box(doc, "KPI", "A1")[0], MARKER)
        self.build(doc)
        self.assertEqual(self.name_box(doc, "KPI", "B2")[0], "B2")
        shown, offered = self.name_box(doc, "KPI", "A1")
        self.assertEqual(shown, "A1")
        self.assertNotIn(MARKER, offered)


if __name__ == "__main__":
    unittest.main(verbosity=2)
