#!/usr/bin/env python3
"""Builds examples/kpi-example.fods, the example workbook of `./kpi demo`: raw data sheets, a KPI sheet
and a dashboard, each KPI next to its native-formula twin. The sheets are written as flat ODF here; then
a headless LibreOffice with the extension installed adds the dashboard's chart and saves the workbook.

usage: build_example.py --oxt build/kpi-functions.oxt [--out examples/kpi-example.fods]
"""
import argparse
import datetime
import os
import random
import sys
import tempfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))

random.seed(7)  # the same workbook on every run


# ---- flat ODF cells ----
def cell(value=None, style=None, formula=None, text_result=False):
    st = f' table:style-name="{style}"' if style else ""
    if formula is not None:
        kind = 'office:value-type="string"' if text_result else 'office:value-type="float" office:value="0"'
        return f'<table:table-cell{st} table:formula="{escape(formula, {chr(34): "&quot;"})}" {kind}/>'
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, datetime.date):
        st = st or ' table:style-name="date"'
        return (f'<table:table-cell{st} office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat()}</text:p></table:table-cell>")
    if isinstance(value, str):
        return f'<table:table-cell{st} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
    return f'<table:table-cell{st} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'


def heads(*names):
    return [cell(n, "head") for n in names]


def table(name, rows, widths):
    columns = "".join(f'<table:table-column table:style-name="w{w}"/>' for w in widths)
    body = "".join("<table:table-row>" + "".join(r) + "</table:table-row>" for r in rows)
    return f'<table:table table:name="{name}">{columns}{body}</table:table>'


def equal_check(row):
    return cell(formula=f'of:=IF(ABS([.B{row}]-[.C{row}])<=1E-12*ABS([.C{row}]);"yes";"NO")', text_result=True)


# ---- raw data ----
def leads_sheet():
    sources = ["Google Ads", "Facebook", "Email", "Referral"]
    rows = [heads("Lead ID", "Date", "Source", "Converted")]
    for i in range(40):
        day = datetime.date(2026, 1, 5) + datetime.timedelta(days=random.randrange(0, 85))
        source = sources[i % 4]
        converted = 1 if random.random() < (0.35 if source == "Referral" else 0.18) else 0
        rows.append([cell(f"L-{1001 + i}"), cell(day), cell(source), cell(converted)])
    return rows


CAMPAIGNS = [("New Year Sale", "Google Ads", 4200, 9800), ("Ramadan Promo", "Facebook", 3100, 7450),
             ("Newsletter Q1", "Email", 600, 2900), ("Partner Program", "Referral", 1500, 2100),
             ("Brand Video", "YouTube", 5000, 4300)]


def campaigns_sheet():
    rows = [heads("Campaign", "Channel", "Spend", "Revenue")]
    rows += [[cell(n), cell(c), cell(s, "money"), cell(r, "money")] for n, c, s, r in CAMPAIGNS]
    return rows


def customers_sheet():
    rows = [heads("Month", "Customers at start", "Customers at end", "New customers")]
    start = 1000
    for month, (new, lost) in zip(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
                                  [(250, 150), (180, 120), (210, 90), (160, 140), (220, 100), (190, 130)]):
        end = start + new - lost
        rows.append([cell(month), cell(start), cell(end), cell(new)])
        start = end
    return rows


def monthly_sheet():
    """A year of monthly marketing numbers: revenue against target, web traffic (GA4), ads."""
    rows = [heads("Month", "Revenue", "Target", "Sessions", "Engaged sessions", "Page views", "Ad spend",
                  "Impressions", "Clicks", "Leads", "New customers")]
    revenue = 40000
    for m in range(12):
        revenue *= 1 + random.uniform(-0.02, 0.07)
        sessions = random.randint(9000, 14000)
        impressions = random.randint(180000, 260000)
        clicks = int(impressions * random.uniform(0.012, 0.02))
        leads = int(clicks * random.uniform(0.05, 0.09))
        rows.append([cell(datetime.date(2026, m + 1, 1), "month"), cell(round(revenue), "money"),
                     cell(42000 + 1500 * m, "money"), cell(sessions), cell(int(sessions * random.uniform(0.55, 0.68))),
                     cell(int(sessions * random.uniform(2.1, 2.9))), cell(random.randint(3500, 5200), "money"),
                     cell(impressions), cell(clicks), cell(leads), cell(int(leads * random.uniform(0.18, 0.3)))])
    return rows


def survey_sheet():
    rows = [heads("NPS answer (0-10)", "CSAT answer (1-5)")]
    nps = random.choices(range(11), weights=[1, 1, 1, 2, 2, 3, 4, 8, 10, 12, 9], k=80)
    csat = random.choices(range(1, 6), weights=[2, 3, 6, 12, 10], k=80)
    rows += [[cell(a), cell(b)] for a, b in zip(nps, csat)]
    return rows


def experiment_sheet():
    return [heads("Variant", "Visitors", "Conversions"), [cell("A (current page)"), cell(4800), cell(312)],
            [cell("B (new page)"), cell(4750), cell(371)], [],
            heads("Funnel stage", "Count"), [cell("Visitors"), cell(12400)], [cell("Leads"), cell(930)],
            [cell("Qualified leads"), cell(410)], [cell("Opportunities"), cell(160)], [cell("Customers"), cell(61)]]


# ---- the KPI sheet: the walking skeleton's three functions ----
def kpi_sheet():
    L, LA, LC = "[Leads.D2:.D41]", "[Leads.A2:.A41]", "[Leads.C2:.C41]"
    rows = [heads("KPI", "KPI function", "Native formula", "Equal", "Formula")]
    entries = [
        ("Lead conversion, Q1", f"KPI.CONVERSION({L};COUNTA({LA}))", f"SUM({L})/COUNTA({LA})",
         "=KPI.CONVERSION(Leads.D2:D41;COUNTA(Leads.A2:A41))"),
        ("Referral lead conversion", f'KPI.CONVERSION(SUMIF({LC};"Referral";{L});COUNTIF({LC};"Referral"))',
         f'SUMIF({LC};"Referral";{L})/COUNTIF({LC};"Referral")', "=KPI.CONVERSION(SUMIF(…);COUNTIF(…))"),
        ("Marketing ROI, all campaigns", "KPI.ROI([Campaigns.D2:.D6];[Campaigns.C2:.C6])",
         "(SUM([Campaigns.D2:.D6])-SUM([Campaigns.C2:.C6]))/SUM([Campaigns.C2:.C6])",
         "=KPI.ROI(Campaigns.D2:D6;Campaigns.C2:C6)"),
        ("ROI, New Year Sale", "KPI.ROI([Campaigns.D2];[Campaigns.C2])",
         "([Campaigns.D2]-[Campaigns.C2])/[Campaigns.C2]", "=KPI.ROI(Campaigns.D2;Campaigns.C2)"),
        ("ROI, Brand Video", "KPI.ROI([Campaigns.D6];[Campaigns.C6])",
         "([Campaigns.D6]-[Campaigns.C6])/[Campaigns.C6]", "=KPI.ROI(Campaigns.D6;Campaigns.C6)"),
        ("Customer retention, January", "KPI.RETENTION([Customers.B2];[Customers.C2];[Customers.D2])",
         "([Customers.C2]-[Customers.D2])/[Customers.B2]", "=KPI.RETENTION(Customers.B2;Customers.C2;Customers.D2)"),
        ("Customer retention, June", "KPI.RETENTION([Customers.B7];[Customers.C7];[Customers.D7])",
         "([Customers.C7]-[Customers.D7])/[Customers.B7]", "=KPI.RETENTION(Customers.B7;Customers.C7;Customers.D7)"),
        ("Customer retention, H1", "KPI.RETENTION([Customers.B2];[Customers.C7];SUM([Customers.D2:.D7]))",
         "([Customers.C7]-SUM([Customers.D2:.D7]))/[Customers.B2]",
         "=KPI.RETENTION(Customers.B2;Customers.C7;SUM(Customers.D2:D7))"),
    ]
    for row, (label, kpi, native, shown) in enumerate(entries, start=2):
        rows.append([cell(label), cell(style="pct", formula="of:=" + kpi), cell(style="pct", formula="of:=" + native),
                     equal_check(row), cell(shown)])
    return rows


# ---- the dashboard: the catalogue on the raw data, with targets and a traffic light ----
M = "Monthly"
REV, TGT, SES, ENG, PV, SPEND, IMP, CLK, LEADS, NEW = (f"[{M}.{c}2:.{c}13]" for c in "BCDEFGHIJK")
# (label, KPI formula, native twin, number style, target, higher is better)
DASHBOARD = [
    ("Revenue growth, Dec vs Nov", f"KPI.GROWTH([{M}.B13];[{M}.B12])", f"([{M}.B13]-[{M}.B12])/ABS([{M}.B12])",
     "pct", 0.02, True),
    ("Monthly revenue CAGR, Jan-Dec", f"KPI.CAGR([{M}.B2];[{M}.B13];11)", f"([{M}.B13]/[{M}.B2])^(1/11)-1",
     "pct", 0.03, True),
    ("Revenue trend per month", f"KPI.TREND({REV})", f"SLOPE({REV};ROW({REV}))/AVERAGE({REV})", "pct", 0.03, True),
    ("Revenue target attainment, year", f"KPI.ATTAINMENT({REV};{TGT})", f"SUM({REV})/SUM({TGT})", "pct", 1, True),
    ("December pace (as of Dec 20)", f"KPI.PACE([{M}.B13]*20/31;[{M}.C13];DATE(2026;12;1);DATE(2026;12;31);DATE(2026;12;20))",
     f"([{M}.B13]*20/31)/20*31/[{M}.C13]", "pct", 1, True),
    ("Click-through rate", f"KPI.CTR({CLK};{IMP})", f"SUM({CLK})/SUM({IMP})", "pct2", 0.015, True),
    ("Cost per click", f"KPI.CPC({SPEND};{CLK})", f"SUM({SPEND})/SUM({CLK})", "money2", 1.6, False),
    ("Cost per lead", f"KPI.CPL({SPEND};{LEADS})", f"SUM({SPEND})/SUM({LEADS})", "money2", 25, False),
    ("Customer acquisition cost", f"KPI.CAC({SPEND};{NEW})", f"SUM({SPEND})/SUM({NEW})", "money2", 110, False),
    ("Return on ad spend", f"KPI.ROAS({REV};{SPEND})", f"SUM({REV})/SUM({SPEND})", "num2", 10, True),
    ("ROMI at a 40 % margin", f"KPI.ROMI({REV};0.4;{SPEND})", f"(SUM({REV})*0.4-SUM({SPEND}))/SUM({SPEND})",
     "pct", 3, True),
    ("Engagement rate (GA4)", f"KPI.ENGAGEMENTRATE({ENG};{SES})", f"SUM({ENG})/SUM({SES})", "pct", 0.6, True),
    ("Bounce rate (GA4)", f"KPI.BOUNCERATE({ENG};{SES})", f"1-SUM({ENG})/SUM({SES})", "pct", 0.4, False),
    ("Pages per session", f"KPI.PAGESPERSESSION({PV};{SES})", f"SUM({PV})/SUM({SES})", "num2", 2.5, True),
    ("Churn, June", "KPI.CHURN([Customers.B7];[Customers.C7];[Customers.D7])",
     "1-([Customers.C7]-[Customers.D7])/[Customers.B7]", "pct", 0.1, False),
    ("Customer lifetime value", "KPI.CLV(35;0.9;0.01)", "35*0.9/(1+0.01-0.9)", "money2", 250, True),
    ("LTV : CAC", f"KPI.LTVCAC(KPI.CLV(35;0.9;0.01);KPI.CAC({SPEND};{NEW}))",
     f"(35*0.9/(1+0.01-0.9))/(SUM({SPEND})/SUM({NEW}))", "num2", 3, True),
    ("CAC payback, months", f"KPI.PAYBACK(KPI.CAC({SPEND};{NEW});35)", f"SUM({SPEND})/SUM({NEW})/35", "num2",
     4, False),
    ("Net Promoter Score", "KPI.NPS([Survey.A2:.A81])",
     '(COUNTIF([Survey.A2:.A81];">=9")-COUNTIF([Survey.A2:.A81];"<=6"))/COUNT([Survey.A2:.A81])*100',
     "num1", 30, True),
    ("Customer satisfaction (4-5 of 5)", "KPI.CSAT([Survey.B2:.B81])",
     'COUNTIF([Survey.B2:.B81];">=4")/COUNT([Survey.B2:.B81])', "pct", 0.7, True),
    ("A/B test: uplift of B", "KPI.UPLIFT([Experiment.C2];[Experiment.B2];[Experiment.C3];[Experiment.B3])",
     "([Experiment.C3]/[Experiment.B3])/([Experiment.C2]/[Experiment.B2])-1", "pct", 0.1, True),
    ("A/B test: p-value", "KPI.ABTEST([Experiment.C2];[Experiment.B2];[Experiment.C3];[Experiment.B3])",
     # 2 (1 - Phi(|z|)) = ERFC(|z| / sqrt 2), with the pooled standard error
     "ERFC(ABS(([Experiment.C3]/[Experiment.B3]-[Experiment.C2]/[Experiment.B2])/SQRT(("
     "[Experiment.C2]+[Experiment.C3])/([Experiment.B2]+[Experiment.B3])*(1-([Experiment.C2]+[Experiment.C3])/("
     "[Experiment.B2]+[Experiment.B3]))*(1/[Experiment.B2]+1/[Experiment.B3])))/SQRT(2))", "num4", 0.05, False),
    ("Distinct leads, Q1", "KPI.DISTINCT([Leads.A2:.A41])", "SUMPRODUCT(1/COUNTIF([Leads.A2:.A41];[Leads.A2:.A41]))",
     "num1", 35, True),
    ("New leads in February", "KPI.NEWPROSPECTS([Leads.A2:.A41];[Leads.B2:.B41];DATE(2026;2;1);DATE(2026;2;28))",
     'COUNTIFS([Leads.B2:.B41];">="&DATE(2026;2;1);[Leads.B2:.B41];"<="&DATE(2026;2;28))', "num1", 12, True),
    ("Funnel: visitors to customers", "INDEX(KPI.FUNNEL([Experiment.B6:.B10];\"overall\");5;1)",
     "[Experiment.B10]/[Experiment.B6]", "pct2", 0.005, True),
]


def dashboard_sheet():
    rows = [heads("KPI", "Value", "Native formula", "Equal", "Target", "Status")]
    for row, (label, kpi, native, style, target, higher) in enumerate(DASHBOARD, start=2):
        status = f"of:=KPI.STATUS([.B{row}];[.E{row}];0.05;{'TRUE()' if higher else 'FALSE()'})"
        rows.append([cell(label), cell(style=style, formula="of:=" + kpi), cell(style=style, formula="of:=" + native),
                     equal_check(row), cell(target, style), cell(style="status", formula=status)])
    return rows


STYLES = """
  <number:percentage-style style:name="N_pct"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="N_pct2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <number:number-style style:name="N_money"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:number-style style:name="N_num1"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="N_num2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
  <number:number-style style:name="N_num4"><number:number number:decimal-places="4" number:min-decimal-places="4" number:min-integer-digits="1"/></number:number-style>
  <number:date-style style:name="N_date"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:date-style style:name="N_month"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/></number:date-style>
  <style:style style:name="w1" style:family="table-column"><style:table-column-properties style:column-width="1.1in"/></style:style>
  <style:style style:name="w2" style:family="table-column"><style:table-column-properties style:column-width="2.4in"/></style:style>
  <style:style style:name="w3" style:family="table-column"><style:table-column-properties style:column-width="4.4in"/></style:style>
  <style:style style:name="w4" style:family="table-column"><style:table-column-properties style:column-width="1.3in"/></style:style>
  <style:style style:name="w5" style:family="table-column"><style:table-column-properties style:column-width="0.6in"/></style:style>
  <style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="pct" style:family="table-cell" style:data-style-name="N_pct"/>
  <style:style style:name="pct2" style:family="table-cell" style:data-style-name="N_pct2"/>
  <style:style style:name="money" style:family="table-cell" style:data-style-name="N_money"/>
  <style:style style:name="money2" style:family="table-cell" style:data-style-name="N_num2"/>
  <style:style style:name="num1" style:family="table-cell" style:data-style-name="N_num1"/>
  <style:style style:name="num2" style:family="table-cell" style:data-style-name="N_num2"/>
  <style:style style:name="num4" style:family="table-cell" style:data-style-name="N_num4"/>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="N_date"/>
  <style:style style:name="month" style:family="table-cell" style:data-style-name="N_month"/>
"""

# The traffic light: named cell styles that conditional formatting applies by KPI.STATUS.
TRAFFIC_LIGHT = """
  <style:style style:name="Default" style:family="table-cell"/>
  <style:style style:name="KPI_met" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#b7e1cd"/></style:style>
  <style:style style:name="KPI_close" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#fce8b2"/></style:style>
  <style:style style:name="KPI_missed" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#f4c7c3"/></style:style>
"""


def flat_odf():
    status_style = ('<style:style style:name="status" style:family="table-cell">'
                    '<style:map style:condition="cell-content()=1" style:apply-style-name="KPI_met" style:base-cell-address="Dashboard.F2"/>'
                    '<style:map style:condition="cell-content()=0" style:apply-style-name="KPI_close" style:base-cell-address="Dashboard.F2"/>'
                    '<style:map style:condition="cell-content()=-1" style:apply-style-name="KPI_missed" style:base-cell-address="Dashboard.F2"/>'
                    "</style:style>")
    sheets = [table("Dashboard", dashboard_sheet(), [2, 4, 4, 5, 4, 1]), table("KPI", kpi_sheet(), [2, 4, 4, 5, 3]),
              table("Monthly", monthly_sheet(), [1] * 11), table("Survey", survey_sheet(), [2, 2]),
              table("Experiment", experiment_sheet(), [2, 1, 1]), table("Leads", leads_sheet(), [1, 1, 1, 1]),
              table("Campaigns", campaigns_sheet(), [2, 1, 1, 1]), table("Customers", customers_sheet(), [1, 2, 2, 2])]
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:styles>{TRAFFIC_LIGHT}</office:styles>
 <office:automatic-styles>{STYLES}{status_style}</office:automatic-styles>
 <office:body><office:spreadsheet>{"".join(sheets)}</office:spreadsheet></office:body>
</office:document>
"""


def add_chart_and_save(oxt, draft, out):
    """Opens the draft in LibreOffice, adds the revenue chart to the dashboard, saves the flat ODF."""
    import uno
    from com.sun.star.awt import Rectangle
    from com.sun.star.table import CellRangeAddress
    from office import Office

    with Office(oxt=oxt) as office:
        book = office.open(draft)
        book.recalculate()
        sheets = book.doc.Sheets
        monthly = sheets.getByName("Monthly").getRangeAddress().Sheet
        dashboard = sheets.getByName("Dashboard")
        source = CellRangeAddress(monthly, 0, 0, 2, 12)  # Month, Revenue, Target
        charts = dashboard.Charts
        charts.addNewByName("RevenueTrend", Rectangle(500, 13000, 20000, 8000), (source,), True, True)
        chart = charts.getByName("RevenueTrend").EmbeddedObject
        chart.setDiagram(chart.createInstance("com.sun.star.chart.LineDiagram"))
        chart.HasMainTitle = True
        chart.HasLegend = True
        chart.Title.String = "Monthly revenue against target"
        uno.invoke(book.doc, "storeToURL", (uno.systemPathToFileUrl(os.path.abspath(out)),
                                            (uno.createUnoStruct("com.sun.star.beans.PropertyValue", "FilterName", 0,
                                                                 "OpenDocument Spreadsheet Flat XML", 0),)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "kpi-example.fods"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        draft = os.path.join(directory, "draft.fods")
        with open(draft, "w", encoding="utf-8") as f:
            f.write(flat_odf())
        add_chart_and_save(args.oxt, draft, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
