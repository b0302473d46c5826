#!/usr/bin/env python3
"""Builds the example dashboards of `./kpi demo` and the templates the extension installs, in English and
Indonesian from this one source: examples/kpi-example.fods ("KPI Dashboard") and examples/dasbor-kpi.fods
("Dasbor KPI"), and with --templates DIR the same workbooks as DIR/kpi-dashboard.ots and DIR/dasbor-kpi.ots.

A workbook has an overview and five section sheets (sales, acquisition, web, customers, satisfaction), each
a title with the period and the as-of date, a table of KPIs with value, target, status in words and symbols and
how the KPI is measured (the overview: the headline KPIs of every section and how all KPIs stand), a status
legend and a chart; a Checks sheet that compares every KPI with Calc's own formula for it
(the demo reads it); and the raw data. The print setup is stored in the workbook: the section sheets use a
landscape A4 page style scaled to one page each, with a print range that holds the table and the chart; the
checks and the data are not printed, so File > Export as PDF gives one landscape page per printed sheet (overview and sections).

The sheets are written as flat ODF here; a headless LibreOffice with the extension installed adds the charts,
the print ranges and the document title and saves the workbooks.

usage: build_example.py --oxt build/kpi-functions.oxt [--out-dir examples] [--templates oxt-packaging/templates/KPI]
"""
import argparse
import datetime
import os
import random
import sys
import tempfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))

HERE = os.path.dirname(os.path.abspath(__file__))
PERIOD_START, PERIOD_END, AS_OF = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), datetime.date(2026, 12, 20)

# ---- words: every text a reader sees, in both languages ----
LANGUAGES = {
    "en": dict(language="en", country="US", title="KPI Dashboard", file="kpi-example", template="kpi-dashboard",
               subtitle="Period: January–December 2026 · data as of 20 December 2026 · amounts in Indonesian "
                        "rupiah (Rp)",
               heads=("KPI", "Value", "Target", "Status", "How it is measured"),
               statuses=("✔ Met", "● Close", "✖ Missed"),
               legend="Status: ✔ Met: the target is reached · ● Close: missed by at most 5% of the target · "
                      "✖ Missed: missed by more than 5%. Costs, bounce rate, churn, payback and the p-value are "
                      "better when lower.",
               overview_heads=("KPI", "Value", "Target", "Status", "Details on the sheet"),
               summary="All {n} KPIs of the dashboard",
               checks=("Section", "KPI", "Dashboard value", "Calc's own formula", "Equal"),
               checks_title="Checks: every KPI of the dashboard against Calc's own formula for it (not printed)",
               equal=("✔ equal", "✖ DIFFERENT"), footer="Page {page} of {pages}",
               months_unit=" months", million="M"),
    "id": dict(language="id", country="ID", title="Dasbor KPI", file="dasbor-kpi", template="dasbor-kpi",
               subtitle="Periode: Januari–Desember 2026 · data per 20 Desember 2026 · nilai dalam rupiah (Rp)",
               heads=("KPI", "Nilai", "Target", "Status", "Cara mengukur"),
               statuses=("✔ Tercapai", "● Mendekati", "✖ Meleset"),
               legend="Status: ✔ Tercapai: target terpenuhi · ● Mendekati: meleset paling banyak 5% dari target · "
                      "✖ Meleset: meleset lebih dari 5%. Biaya, rasio pentalan, churn, periode balik modal dan "
                      "nilai p lebih baik bila lebih rendah.",
               overview_heads=("KPI", "Nilai", "Target", "Status", "Rincian di lembar"),
               summary="Semua {n} KPI dasbor",
               checks=("Bagian", "KPI", "Nilai di dasbor", "Rumus bawaan Calc", "Sama"),
               checks_title="Pemeriksaan: setiap KPI dasbor dibandingkan dengan rumus bawaan Calc (tidak dicetak)",
               equal=("✔ sama", "✖ BERBEDA"), footer="Halaman {page} dari {pages}",
               months_unit=" bulan", million=" jt"),
}

# Sheet names: the sections (printed, in this order), the checks and the raw data.
SHEETS = {
    "overview": ("Overview", "Ringkasan"), "sales": ("Sales", "Penjualan"), "acquisition": ("Acquisition", "Akuisisi"), "web": ("Web", "Web"),
    "customers": ("Customers", "Pelanggan"), "satisfaction": ("Satisfaction", "Kepuasan"),
    "checks": ("Checks", "Pemeriksaan"), "monthly": ("Monthly", "Bulanan"), "leads": ("Leads", "Prospek"),
    "campaigns": ("Campaigns", "Kampanye"), "base": ("Customer base", "Basis pelanggan"),
    "survey": ("Survey", "Survei"), "experiment": ("Experiment", "Eksperimen"),
}
SECTIONS = ("sales", "acquisition", "web", "customers", "satisfaction")
SECTION_TITLES = {"overview": ("Overview", "Ringkasan"), "sales": ("Sales", "Penjualan"), "acquisition": ("Acquisition", "Akuisisi"),
                  "web": ("Web (GA4)", "Web (GA4)"), "customers": ("Customers", "Pelanggan"),
                  "satisfaction": ("Satisfaction", "Kepuasan")}

random.seed(7)  # the same workbooks on every run
RP = 10_000  # the sample's amounts are in rupiah: a shop with about Rp 400 million revenue a month


def word(pair, lang):
    return pair[0] if lang == "en" else pair[1]


def ref(lang, sheet, cells):
    """An OpenFormula reference to `cells` ("B2" or "B2:B13") on the sheet with key `sheet`."""
    name = word(SHEETS[sheet], lang)
    quoted = f"'{name}'" if " " in name else name
    if ":" in cells:
        first, last = cells.split(":")
        return f"[{quoted}.{first}:.{last}]"
    return f"[{quoted}.{cells}]"


# ---- flat ODF cells ----
def cell(value=None, style=None, formula=None, text_result=False):
    st = f' table:style-name="{style}"' if style else ""
    if formula is not None:
        kind = 'office:value-type="string"' if text_result else 'office:value-type="float" office:value="0"'
        return f'<table:table-cell{st} table:formula="{escape(formula, {chr(34): "&quot;"})}" {kind}/>'
    if value is None:
        return f"<table:table-cell{st}/>"
    if isinstance(value, datetime.date):
        st = st or ' table:style-name="date"'
        return (f'<table:table-cell{st} office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat()}</text:p></table:table-cell>")
    if isinstance(value, str):
        return f'<table:table-cell{st} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
    return f'<table:table-cell{st} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'


def heads(*names):
    return [cell(n, "head") for n in names]


def table(name, rows, widths, printed=False, row_styles=None):
    columns = "".join(f'<table:table-column table:style-name="{w}"/>' for w in widths)
    body = "".join(f'<table:table-row{row_style(row_styles, i)}>' + "".join(r) + "</table:table-row>"
                   for i, r in enumerate(rows))
    style = "section" if printed else "data"
    print_attr = "" if printed else ' table:print="false"'
    return f'<table:table table:name="{escape(name)}" table:style-name="{style}"{print_attr}>{columns}{body}</table:table>'


def row_style(row_styles, index):
    style = (row_styles or {}).get(index)
    return f' table:style-name="{style}"' if style else ""


# ---- raw data: one random draw for both languages ----
def draw_data():
    sources = ["Google Ads", "Facebook", "Email", "Referral"]
    leads = []
    for i in range(40):
        day = datetime.date(2026, 1, 5) + datetime.timedelta(days=random.randrange(0, 85))
        source = sources[i % 4]
        converted = 1 if random.random() < (0.35 if source == "Referral" else 0.18) else 0
        leads.append((f"L-{1001 + i}", day, source, converted))
    monthly = []
    revenue = 40000
    for m in range(12):
        revenue *= 1 + random.uniform(-0.02, 0.07)
        sessions = random.randint(60000, 90000)
        impressions = random.randint(180000, 260000)
        clicks = int(impressions * random.uniform(0.012, 0.02))
        leads_count = int(clicks * random.uniform(0.05, 0.09))
        monthly.append(dict(month=datetime.date(2026, m + 1, 1), revenue=round(revenue) * RP,
                            target=(40000 + 900 * m) * RP, orders=round(revenue * RP / random.uniform(2.3e5, 2.7e5)),
                            sessions=sessions, engaged=int(sessions * random.uniform(0.55, 0.68)),
                            views=int(sessions * random.uniform(2.1, 2.9)), spend=random.randint(3500, 5200) * RP,
                            impressions=impressions, clicks=clicks, leads=leads_count,
                            new=int(leads_count * random.uniform(0.18, 0.3))))
    nps = random.choices(range(11), weights=[1, 1, 1, 2, 2, 3, 4, 8, 10, 12, 9], k=80)
    csat = random.choices(range(1, 6), weights=[2, 3, 6, 12, 10], k=80)
    return dict(leads=leads, monthly=monthly, nps=nps, csat=csat)


DATA = draw_data()
CAMPAIGNS = [(("New Year Sale", "Promo Tahun Baru"), "Google Ads", 4200, 9800),
             (("Ramadan Promo", "Promo Ramadan"), "Facebook", 3100, 7450),
             (("Newsletter Q1", "Buletin K1"), "Email", 600, 2900),
             (("Partner Program", "Program Mitra"), "Referral", 1500, 2100),
             (("Brand Video", "Video Merek"), "YouTube", 5000, 4300)]
BASE = [(250, 150), (180, 120), (210, 90), (160, 140), (220, 100), (190, 130)]  # (new, lost) a month, Jan-Jun


def leads_sheet(lang):
    rows = [heads(*word((("Lead ID", "Date", "Source", "Converted"), ("ID prospek", "Tanggal", "Sumber", "Terkonversi")),
                       lang))]
    rows += [[cell(i), cell(day), cell(source), cell(converted)] for i, day, source, converted in DATA["leads"]]
    return rows


def campaigns_sheet(lang):
    rows = [heads(*word((("Campaign", "Channel", "Spend", "Revenue"), ("Kampanye", "Saluran", "Biaya", "Pendapatan")),
                       lang))]
    rows += [[cell(word(n, lang)), cell(c), cell(s * RP, "money"), cell(r * RP, "money")] for n, c, s, r in CAMPAIGNS]
    return rows


def base_sheet(lang):
    rows = [heads(*word((("Month", "Customers at start", "Customers at end", "New customers"),
                         ("Bulan", "Pelanggan di awal", "Pelanggan di akhir", "Pelanggan baru")), lang))]
    start = 1000
    for m, (new, lost) in enumerate(BASE):
        end = start + new - lost
        rows.append([cell(datetime.date(2026, m + 1, 1), "month"), cell(start, "int"), cell(end, "int"),
                     cell(new, "int")])
        start = end
    return rows


MONTHLY_COLUMNS = [  # key, English, Indonesian (GA4's Indonesian names for its metrics), style; columns A to L
    ("month", "Month", "Bulan", "month"), ("revenue", "Revenue", "Pendapatan", "money"),
    ("target", "Target", "Target", "money"), ("orders", "Orders", "Pesanan", "int"),
    ("sessions", "Sessions", "Sesi", "int"), ("engaged", "Engaged sessions", "Sesi dengan interaksi", "int"),
    ("views", "Views", "Tampilan", "int"), ("spend", "Ad spend", "Biaya iklan", "money"),
    ("impressions", "Impressions", "Tayangan", "int"), ("clicks", "Clicks", "Klik", "int"),
    ("leads", "Leads", "Prospek", "int"), ("new", "New customers", "Pelanggan baru", "int")]


def monthly_sheet(lang):
    """A year of monthly marketing numbers: revenue against target, orders, web traffic (GA4), ads."""
    rows = [heads(*(word((en, id_), lang) for _, en, id_, _ in MONTHLY_COLUMNS))]
    rows += [[cell(month[key], style) for key, _, _, style in MONTHLY_COLUMNS] for month in DATA["monthly"]]
    return rows


def survey_sheet(lang):
    """The answers, and beside them the NPS answers counted by score for the satisfaction chart."""
    rows = [heads(*word((("NPS answer (0-10)", "CSAT answer (1-5)", None, "Score", "NPS answers"),
                         ("Jawaban NPS (0-10)", "Jawaban CSAT (1-5)", None, "Skor", "Jawaban NPS")), lang))]
    for i, (a, b) in enumerate(zip(DATA["nps"], DATA["csat"])):
        row = [cell(a), cell(b)]
        if i <= 10:
            row += [cell(), cell(i), cell(style="int", formula=f"of:=COUNTIF({ref(lang, 'survey', 'A2:A81')};[.D{i + 2}])")]
        rows.append(row)
    return rows


def experiment_sheet(lang):
    en = lang == "en"
    return [heads(*(("Variant", "Visitors", "Conversions") if en else ("Varian", "Pengunjung", "Konversi"))),
            [cell("A (current page)" if en else "A (halaman sekarang)"), cell(4800, "int"), cell(312, "int")],
            [cell("B (new page)" if en else "B (halaman baru)"), cell(4750, "int"), cell(371, "int")], [],
            heads(*(("Funnel stage", "Count") if en else ("Tahap corong", "Jumlah"))),
            [cell("Visitors" if en else "Pengunjung"), cell(12400, "int")],
            [cell("Leads" if en else "Prospek"), cell(930, "int")],
            [cell("Qualified leads" if en else "Prospek berkualitas"), cell(410, "int")],
            [cell("Opportunities" if en else "Peluang"), cell(160, "int")],
            [cell("Customers" if en else "Pelanggan"), cell(61, "int")]]


# ---- the KPIs: (section, English label, Indonesian label, KPI formula, Calc's own formula (None: no KPI
# function to check), style, target, higher is better, how it is measured in English and Indonesian) ----
def kpis(lang):
    def m(column):
        return ref(lang, "monthly", f"{column}2:{column}13")

    def mc(address):
        return ref(lang, "monthly", address)

    REV, TGT, ORD, SES, ENG, PV, SPEND, IMP, CLK, LEADS, NEW = (m(c) for c in "BCDEFGHIJKL")
    lead_ids, lead_dates, converted = (ref(lang, "leads", f"{c}2:{c}41") for c in "ABD")
    spend_c, revenue_c = ref(lang, "campaigns", "C2:C6"), ref(lang, "campaigns", "D2:D6")
    b = {a: ref(lang, "base", a) for a in ("B2", "C2", "D2", "B7", "C7", "D7")}
    new_h1 = ref(lang, "base", "D2:D7")
    nps, csat = ref(lang, "survey", "A2:A81"), ref(lang, "survey", "B2:B81")
    e = {a: ref(lang, "experiment", a) for a in ("B2", "C2", "B3", "C3", "B6", "B10")}
    funnel = ref(lang, "experiment", "B6:B10")
    clv = f"KPI.CLV({35 * RP};0.9;0.01)"
    clv_native = f"({35 * RP}*0.9/(1+0.01-0.9))"
    return [
        ("sales", "Revenue, January–December", "Pendapatan, Januari–Desember", f"SUM({REV})", None, "money",
         f"SUM({TGT})", True, "Sum of the monthly revenue", "Jumlah pendapatan bulanan"),
        ("sales", "Revenue target attainment", "Pencapaian target pendapatan", f"KPI.ATTAINMENT({REV};{TGT})",
         f"SUM({REV})/SUM({TGT})", "pct", 1, True, "Revenue ÷ revenue target", "Pendapatan ÷ target pendapatan"),
        ("sales", "Revenue growth, December vs November", "Pertumbuhan pendapatan, Desember vs November",
         f"KPI.GROWTH({mc('B13')};{mc('B12')})", f"({mc('B13')}-{mc('B12')})/ABS({mc('B12')})", "pct", 0.02, True,
         "(December − November) ÷ November", "(Desember − November) ÷ November"),
        ("sales", "Monthly revenue growth, compounded (CAGR)", "Pertumbuhan bulanan majemuk (CAGR)",
         f"KPI.CAGR({mc('B2')};{mc('B13')};11)", f"({mc('B13')}/{mc('B2')})^(1/11)-1", "pct", 0.02, True,
         "(December ÷ January)^(1/11) − 1", "(Desember ÷ Januari)^(1/11) − 1"),
        ("sales", "Revenue trend per month", "Tren pendapatan per bulan", f"KPI.TREND({REV})",
         f"SLOPE({REV};ROW({REV}))/AVERAGE({REV})", "pct", 0.025, True,
         "Slope of the monthly revenue ÷ its average", "Kemiringan pendapatan bulanan ÷ rata-ratanya"),
        ("sales", "December pace (as of 20 December)", "Laju Desember (per 20 Desember)",
         f"KPI.PACE({mc('B13')}*20/31;{mc('C13')};DATE(2026;12;1);DATE(2026;12;31);DATE(2026;12;20))",
         f"({mc('B13')}*20/31)/20*31/{mc('C13')}", "pct", 1, True,
         "Revenue so far, extended to the whole month ÷ target", "Pendapatan sejauh ini, diproyeksikan ke sebulan ÷ target"),
        ("sales", "Average order value (AOV)", "Nilai pesanan rata-rata (AOV)", f"KPI.AOV({REV};{ORD})",
         f"SUM({REV})/SUM({ORD})", "money", 250000, True, "Revenue ÷ number of orders",
         "Pendapatan ÷ jumlah pesanan"),

        ("acquisition", "Click-through rate (CTR)", "Rasio klik per tayangan (CTR)", f"KPI.CTR({CLK};{IMP})",
         f"SUM({CLK})/SUM({IMP})", "pct2", 0.015, True, "Clicks ÷ impressions", "Klik ÷ tayangan"),
        ("acquisition", "Cost per click (CPC)", "Biaya per klik (CPC)", f"KPI.CPC({SPEND};{CLK})",
         f"SUM({SPEND})/SUM({CLK})", "money", 16000, False, "Ad spend ÷ clicks", "Biaya iklan ÷ klik"),
        ("acquisition", "Cost per lead (CPL)", "Biaya per prospek (CPL)", f"KPI.CPL({SPEND};{LEADS})",
         f"SUM({SPEND})/SUM({LEADS})", "money", 250000, False, "Ad spend ÷ leads", "Biaya iklan ÷ prospek"),
        ("acquisition", "Customer acquisition cost (CAC)", "Biaya akuisisi pelanggan (CAC)", f"KPI.CAC({SPEND};{NEW})",
         f"SUM({SPEND})/SUM({NEW})", "money", 1100000, False, "Ad spend ÷ new customers",
         "Biaya iklan ÷ pelanggan baru"),
        ("acquisition", "Lead-to-customer conversion", "Konversi prospek menjadi pelanggan",
         f"KPI.CONVERSION({NEW};{LEADS})", f"SUM({NEW})/SUM({LEADS})", "pct", 0.25, True,
         "New customers ÷ leads", "Pelanggan baru ÷ prospek"),
        ("acquisition", "Lead conversion, Q1 (CRM list)", "Konversi prospek, K1 (daftar CRM)",
         f"KPI.CONVERSION({converted};COUNTA({lead_ids}))", f"SUM({converted})/COUNTA({lead_ids})", "pct", 0.2,
         True, "Converted leads ÷ leads in the list", "Prospek terkonversi ÷ prospek dalam daftar"),
        ("acquisition", "Distinct leads, Q1 (CRM list)", "Prospek unik, K1 (daftar CRM)",
         f"KPI.DISTINCT({lead_ids})", f"SUMPRODUCT(1/COUNTIF({lead_ids};{lead_ids}))", "int", 35, True,
         "Lead IDs counted once", "ID prospek dihitung sekali"),
        ("acquisition", "New leads in February (CRM list)", "Prospek baru di Februari (daftar CRM)",
         f"KPI.NEWPROSPECTS({lead_ids};{lead_dates};DATE(2026;2;1);DATE(2026;2;28))",
         f'COUNTIFS({lead_dates};">="&DATE(2026;2;1);{lead_dates};"<="&DATE(2026;2;28))', "int", 12, True,
         "Leads first seen in February", "Prospek yang pertama muncul di Februari"),
        ("acquisition", "Return on ad spend (ROAS)", "ROAS (imbal hasil belanja iklan)", f"KPI.ROAS({REV};{SPEND})",
         f"SUM({REV})/SUM({SPEND})", "times", 10, True, "Revenue ÷ ad spend", "Pendapatan ÷ biaya iklan"),
        ("acquisition", "Return on marketing investment at a 40% margin (ROMI)",
         "Imbal hasil investasi pemasaran pada margin 40% (ROMI)", f"KPI.ROMI({REV};0.4;{SPEND})",
         f"(SUM({REV})*0.4-SUM({SPEND}))/SUM({SPEND})", "pct", 3, True,
         "(Revenue × margin − ad spend) ÷ ad spend", "(Pendapatan × margin − biaya iklan) ÷ biaya iklan"),
        ("acquisition", "Return on investment, all campaigns (ROI)", "Imbal hasil investasi, semua kampanye (ROI)",
         f"KPI.ROI({revenue_c};{spend_c})", f"(SUM({revenue_c})-SUM({spend_c}))/SUM({spend_c})", "pct", 1, True,
         "(Campaign revenue − spend) ÷ spend", "(Pendapatan kampanye − biaya) ÷ biaya"),

        ("web", "Engagement rate", "Rasio engagement", f"KPI.ENGAGEMENTRATE({ENG};{SES})", f"SUM({ENG})/SUM({SES})",
         "pct", 0.6, True, "Engaged sessions ÷ sessions", "Sesi dengan interaksi ÷ sesi"),
        ("web", "Bounce rate", "Rasio pentalan", f"KPI.BOUNCERATE({ENG};{SES})", f"1-SUM({ENG})/SUM({SES})", "pct",
         0.4, False, "1 − engagement rate", "1 − rasio engagement"),
        ("web", "Views per session", "Tampilan per sesi", f"KPI.PAGESPERSESSION({PV};{SES})",
         f"SUM({PV})/SUM({SES})", "num2", 2.5, True, "Views ÷ sessions", "Tampilan ÷ sesi"),
        ("web", "Session conversion rate", "Rasio konversi sesi", f"KPI.CONVERSION({ORD};{SES})",
         f"SUM({ORD})/SUM({SES})", "pct2", 0.025, True, "Orders ÷ sessions", "Pesanan ÷ sesi"),
        ("web", "Funnel: visitors to customers", "Corong: pengunjung menjadi pelanggan",
         f'INDEX(KPI.FUNNEL({funnel};"overall");5;1)', f"{e['B10']}/{e['B6']}", "pct2", 0.005, True,
         "Customers ÷ visitors of the funnel", "Pelanggan ÷ pengunjung corong"),
        ("web", "A/B test: uplift of the new page", "Uji A/B: kenaikan halaman baru",
         f"KPI.UPLIFT({e['C2']};{e['B2']};{e['C3']};{e['B3']})",
         f"({e['C3']}/{e['B3']})/({e['C2']}/{e['B2']})-1", "pct", 0.1, True,
         "Conversion of B ÷ conversion of A − 1", "Konversi B ÷ konversi A − 1"),
        ("web", "A/B test: p-value", "Uji A/B: nilai p", f"KPI.ABTEST({e['C2']};{e['B2']};{e['C3']};{e['B3']})",
         # 2 (1 - Phi(|z|)) = ERFC(|z| / sqrt 2), with the pooled standard error
         f"ERFC(ABS(({e['C3']}/{e['B3']}-{e['C2']}/{e['B2']})/SQRT(({e['C2']}+{e['C3']})/({e['B2']}+{e['B3']})"
         f"*(1-({e['C2']}+{e['C3']})/({e['B2']}+{e['B3']}))*(1/{e['B2']}+1/{e['B3']})))/SQRT(2))", "p", 0.05,
         False, "Two-sided z-test of the two conversion rates", "Uji z dua sisi atas dua rasio konversi"),

        ("customers", "Customer retention, January", "Retensi pelanggan, Januari",
         f"KPI.RETENTION({b['B2']};{b['C2']};{b['D2']})", f"({b['C2']}-{b['D2']})/{b['B2']}", "pct", 0.85, True,
         "(Customers at end − new) ÷ customers at start", "(Pelanggan di akhir − baru) ÷ pelanggan di awal"),
        ("customers", "Customer retention, June", "Retensi pelanggan, Juni",
         f"KPI.RETENTION({b['B7']};{b['C7']};{b['D7']})", f"({b['C7']}-{b['D7']})/{b['B7']}", "pct", 0.85, True,
         "(Customers at end − new) ÷ customers at start", "(Pelanggan di akhir − baru) ÷ pelanggan di awal"),
        ("customers", "Customer retention, January–June", "Retensi pelanggan, Januari–Juni",
         f"KPI.RETENTION({b['B2']};{b['C7']};SUM({new_h1}))", f"({b['C7']}-SUM({new_h1}))/{b['B2']}", "pct", 0.4,
         True, "(Customers at end of June − new since January) ÷ customers at start",
         "(Pelanggan akhir Juni − baru sejak Januari) ÷ pelanggan di awal"),
        ("customers", "Churn, June", "Churn, Juni", f"KPI.CHURN({b['B7']};{b['C7']};{b['D7']})",
         f"1-({b['C7']}-{b['D7']})/{b['B7']}", "pct", 0.1, False, "1 − retention", "1 − retensi"),
        ("customers", "Customer lifetime value (CLV)", "Nilai seumur hidup pelanggan (CLV)", clv, clv_native,
         "money", 2500000, True, "Margin Rp 350,000 a period, 90% retention, 1% discount rate",
         "Margin Rp 350.000 per periode, retensi 90%, diskonto 1%"),
        ("customers", "Lifetime value to acquisition cost (LTV : CAC)", "Nilai seumur hidup : biaya akuisisi",
         f"KPI.LTVCAC({clv};KPI.CAC({SPEND};{NEW}))", f"{clv_native}/(SUM({SPEND})/SUM({NEW}))", "to_one", 3, True,
         "CLV ÷ CAC", "CLV ÷ CAC"),
        ("customers", "CAC payback", "Periode balik modal CAC", f"KPI.PAYBACK(KPI.CAC({SPEND};{NEW});{35 * RP})",
         f"SUM({SPEND})/SUM({NEW})/{35 * RP}", "months", 4, False, "CAC ÷ margin per month",
         "CAC ÷ margin per bulan"),

        ("satisfaction", "Net Promoter Score (NPS)", "Net Promoter Score (NPS)", f"KPI.NPS({nps})",
         f'(COUNTIF({nps};">=9")-COUNTIF({nps};"<=6"))/COUNT({nps})*100', "nps", 30, True,
         "% promoters (9–10) − % detractors (0–6)", "% promotor (9–10) − % pengkritik (0–6)"),
        ("satisfaction", "Customer satisfaction (CSAT)", "Kepuasan pelanggan (CSAT)", f"KPI.CSAT({csat})",
         f'COUNTIF({csat};">=4")/COUNT({csat})', "pct", 0.7, True, "Answers 4 or 5 of 5 ÷ answers",
         "Jawaban 4 atau 5 dari 5 ÷ jawaban"),
        ("satisfaction", "Survey answers", "Jawaban survei", f"COUNT({nps})", None, "int", 50, True,
         "NPS answers received (enough to read the score)", "Jawaban NPS yang diterima (cukup untuk membaca skor)"),
    ]


TABLE_TOP = 4  # row (1-based) of the section tables' heading: title, subtitle and a blank row above it


def section_sheet(lang, section, rows_of_section):
    words = LANGUAGES[lang]
    rows = [[cell(f"{words['title']} · {word(SECTION_TITLES[section], lang)}", "title")],
            [cell(words["subtitle"], "subtitle")], [],
            # headings aligned as their columns: values and targets to the right, the status centred
            [cell(text, style) for text, style in zip(words["heads"], ("head", "head_r", "head_r", "head_c", "head"))]]
    for row, (_, en, id_, kpi, _, style, target, higher, how_en, how_id) in enumerate(rows_of_section,
                                                                                     start=TABLE_TOP + 1):
        target_cell = (cell(style=f"{style}_t", formula=f"of:={target}") if isinstance(target, str)
                       else cell(target, f"{style}_t"))
        status = f"of:=KPI.STATUS([.B{row}];[.C{row}];0.05;{'TRUE()' if higher else 'FALSE()'})"
        rows.append([cell(en if lang == "en" else id_, "label"), cell(style=f"{style}_v", formula="of:=" + kpi),
                     target_cell, cell(style=f"status_{section}", formula=status), cell(how_en if lang == "en" else how_id, "how")])
    rows += [[], [spanned(words["legend"], "legend", 5)]]
    return rows


# The overview: the headline KPIs of every section, each read from its section sheet, and how all KPIs stand.
HEADLINES = ["Revenue, January–December", "Revenue target attainment", "Average order value (AOV)",
             "Customer acquisition cost (CAC)", "Return on ad spend (ROAS)", "Lead-to-customer conversion",
             "Engagement rate", "Session conversion rate", "Customer retention, June", "Customer lifetime value (CLV)",
             "Net Promoter Score (NPS)", "Customer satisfaction (CSAT)"]


def overview_sheet(lang, rows_by_section):
    words = LANGUAGES[lang]
    rows = [[cell(f"{words['title']} · {word(SECTION_TITLES['overview'], lang)}", "title")],
            [cell(words["subtitle"], "subtitle")], [],
            [cell(text, style) for text, style in zip(words["overview_heads"],
                                                       ("head", "head_r", "head_r", "head_c", "head"))]]
    found = []
    for section in SECTIONS:
        for i, (_, en, id_, _, _, style, *_rest) in enumerate(rows_by_section[section]):
            if en in HEADLINES:
                found.append(en)
                row = TABLE_TOP + 1 + i
                rows.append([cell(en if lang == "en" else id_, "label"),
                             cell(style=f"{style}_v", formula=f"of:={ref(lang, section, f'B{row}')}"),
                             cell(style=f"{style}_t", formula=f"of:={ref(lang, section, f'C{row}')}"),
                             cell(style="status_overview", formula=f"of:={ref(lang, section, f'D{row}')}"),
                             cell(word(SHEETS[section], lang), "how")])
    assert sorted(found) == sorted(HEADLINES), set(HEADLINES) - set(found)
    # how all KPIs stand: "All 33 KPIs of the dashboard: ✔ Met 20 · ● Close 5 · ✖ Missed 8"
    statuses = [ref(lang, section, f"D{TABLE_TOP + 1}:D{TABLE_TOP + len(rows_by_section[section])}")
                for section in SECTIONS]

    def count(value):
        return "(" + "+".join(f"COUNTIF({r};{value})" for r in statuses) + ")"

    met, close, missed = words["statuses"]
    total = sum(len(rows_by_section[section]) for section in SECTIONS)
    summary = (f'"{words["summary"].format(n=total)}:   {met} "&{count(1)}&"   ·   {close} "&{count(0)}&'
               f'"   ·   {missed} "&{count(-1)}')
    rows += [[], [cell(style="summary", formula="of:=" + summary, text_result=True)],
             [spanned(words["legend"], "legend", 5)]]
    return rows


def spanned(text, style, columns):
    """A text cell merged across `columns` columns, so that its text wraps inside the printed width."""
    return (f'<table:table-cell table:style-name="{style}" office:value-type="string" '
            f'table:number-columns-spanned="{columns}" table:number-rows-spanned="1"><text:p>{escape(text)}</text:p>'
            f'</table:table-cell>' + "<table:covered-table-cell/>" * (columns - 1))


def checks_sheet(lang, rows_by_section):
    words = LANGUAGES[lang]
    rows = [[cell(words["checks_title"], "subtitle")], heads(*words["checks"])]
    for section in SECTIONS:
        sheet_name = word(SHEETS[section], lang)
        for i, (_, en, id_, _, native, style, *_rest) in enumerate(rows_by_section[section]):
            if native is None:
                continue
            row = len(rows) + 1
            value = ref(lang, section, f"B{TABLE_TOP + 1 + i}")
            rows.append([cell(sheet_name), cell(en if lang == "en" else id_), cell(style=f"{style}_v", formula=f"of:={value}"),
                         cell(style=f"{style}_v", formula="of:=" + native),
                         cell(style="equal", formula=f"of:=IF(ABS([.C{row}]-[.D{row}])<=1E-12*ABS([.D{row}]);1;0)")])
    return rows


# ---- styles: number formats in the workbook's language (decimal comma and Indonesian month names in id) ----
def number_styles(lang):
    words = LANGUAGES[lang]
    loc = f'number:language="{words["language"]}" number:country="{words["country"]}"'

    def num(decimals, grouping=False):
        group = ' number:grouping="true"' if grouping else ""
        return (f'<number:number number:decimal-places="{decimals}" number:min-decimal-places="{decimals}" '
                f'number:min-integer-digits="1"{group}/>')

    rupiah = ('<number:currency-symbol number:language="id" number:country="ID">Rp</number:currency-symbol>'
              '<number:text> </number:text>')
    met, close, missed = words["statuses"]
    equal, different = words["equal"]
    return f"""
  <number:percentage-style style:name="N_pct" {loc}>{num(1)}<number:text>%</number:text></number:percentage-style>
  <number:percentage-style style:name="N_pct2" {loc}>{num(2)}<number:text>%</number:text></number:percentage-style>
  <number:currency-style style:name="N_money" {loc}>{rupiah}{num(0, True)}</number:currency-style>
  <number:number-style style:name="N_int" {loc}>{num(0, True)}</number:number-style>
  <number:number-style style:name="N_num2" {loc}>{num(2)}</number:number-style>
  <number:number-style style:name="N_p" {loc}>{num(3)}</number:number-style>
  <number:number-style style:name="N_times" {loc}>{num(1)}<number:text>×</number:text></number:number-style>
  <number:number-style style:name="N_to_one" {loc}>{num(1)}<number:text> : 1</number:text></number:number-style>
  <number:number-style style:name="N_months" {loc}>{num(1)}<number:text>{words['months_unit']}</number:text></number:number-style>
  <number:number-style style:name="N_nps_p" {loc}><number:text>+</number:text>{num(0)}</number:number-style>
  <number:number-style style:name="N_nps_n" {loc}><number:text>−</number:text>{num(0)}</number:number-style>
  <number:number-style style:name="N_nps" {loc}>{num(0)}<style:map style:condition="value()&gt;0" style:apply-style-name="N_nps_p"/><style:map style:condition="value()&lt;0" style:apply-style-name="N_nps_n"/></number:number-style>
  <number:number-style style:name="N_status_met" {loc}><number:text>{met}</number:text></number:number-style>
  <number:number-style style:name="N_status_missed" {loc}><number:text>{missed}</number:text></number:number-style>
  <number:number-style style:name="N_status" {loc}><number:text>{close}</number:text><style:map style:condition="value()&gt;0" style:apply-style-name="N_status_met"/><style:map style:condition="value()&lt;0" style:apply-style-name="N_status_missed"/></number:number-style>
  <number:number-style style:name="N_equal_yes" {loc}><number:text>{equal}</number:text></number:number-style>
  <number:number-style style:name="N_equal" {loc}><number:text>{different}</number:text><style:map style:condition="value()&gt;0" style:apply-style-name="N_equal_yes"/></number:number-style>
  <number:date-style style:name="N_date" {loc}><number:day/><number:text> </number:text><number:month number:textual="true"/><number:text> </number:text><number:year number:style="long"/></number:date-style>
  <number:date-style style:name="N_month" {loc}><number:month number:textual="true"/><number:text> </number:text><number:year number:style="long"/></number:date-style>
"""


VALUE_STYLES = ("pct", "pct2", "money", "int", "num2", "p", "times", "to_one", "months", "nps")
GRID = 'fo:border-bottom="0.5pt solid #c8c8c8" fo:padding="0.07cm"'


def cell_styles():
    out = []
    for name in VALUE_STYLES:
        out.append(f'<style:style style:name="{name}" style:family="table-cell" style:data-style-name="N_{name}"/>')
        out.append(f'<style:style style:name="{name}_v" style:family="table-cell" style:data-style-name="N_{name}">'
                   f'<style:table-cell-properties {GRID} style:vertical-align="middle"/>'
                   '<style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>')
        out.append(f'<style:style style:name="{name}_t" style:family="table-cell" style:data-style-name="N_{name}">'
                   f'<style:table-cell-properties {GRID} style:vertical-align="middle"/>'
                   '<style:text-properties fo:color="#444444"/></style:style>')
    return "\n".join(out)


def styles(lang):
    widths = {"wlabel": "7.0cm", "wvalue": "4.2cm", "wtarget": "4.0cm", "wstatus": "3.2cm", "whow": "8.3cm",
              "w1": "2.8cm", "w2": "4.2cm", "w3": "5.6cm", "w4": "1cm"}
    columns = "".join(f'<style:style style:name="{n}" style:family="table-column"><style:table-column-properties '
                      f'style:column-width="{w}"/></style:style>' for n, w in widths.items())
    return f"""{number_styles(lang)}{columns}
  <style:style style:name="rtitle" style:family="table-row"><style:table-row-properties style:row-height="1.1cm"/></style:style>
  <style:style style:name="rkpi" style:family="table-row"><style:table-row-properties style:row-height="0.62cm" style:use-optimal-row-height="true"/></style:style>
  <style:style style:name="rlegend" style:family="table-row"><style:table-row-properties style:row-height="0.9cm" style:use-optimal-row-height="true"/></style:style>
  <style:style style:name="section" style:family="table" style:master-page-name="Dashboard"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="data" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:background-color="#e8eef4" fo:border-bottom="0.75pt solid #5a6b7d" style:vertical-align="middle"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="head_r" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#e8eef4" fo:border-bottom="0.75pt solid #5a6b7d" style:text-align-source="fix" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="head_c" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#e8eef4" fo:border-bottom="0.75pt solid #5a6b7d" style:text-align-source="fix" style:vertical-align="middle"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="summary" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:color="#1f3b57"/></style:style>
  <style:style style:name="title" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold" fo:color="#1f3b57"/></style:style>
  <style:style style:name="subtitle" style:family="table-cell"><style:text-properties fo:font-size="10pt" fo:color="#555555"/></style:style>
  <style:style style:name="label" style:family="table-cell"><style:table-cell-properties {GRID} fo:wrap-option="wrap" style:vertical-align="middle"/></style:style>
  <style:style style:name="how" style:family="table-cell"><style:table-cell-properties {GRID} fo:wrap-option="wrap" style:vertical-align="middle"/><style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
  <style:style style:name="legend" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/><style:text-properties fo:font-size="9pt" fo:color="#333333"/></style:style>
  <style:style style:name="equal" style:family="table-cell" style:data-style-name="N_equal"/>
  <style:style style:name="date" style:family="table-cell" style:data-style-name="N_date"/>
  <style:style style:name="month" style:family="table-cell" style:data-style-name="N_month"/>
{"".join(status_style(lang, section) for section in ("overview",) + SECTIONS)}"""


def status_style(lang, section):
    """The status cells of one section sheet: the status in words, coloured by conditional formatting (a
    style's conditions apply on the sheet of their base cell, so each section has its own)."""
    base = f"'{word(SHEETS[section], lang)}'.D{TABLE_TOP + 1}"
    maps = "".join(f'<style:map style:condition="cell-content()={value}" style:apply-style-name="{style}" '
                   f'style:base-cell-address="{base}"/>'
                   for value, style in ((1, "KPI_met"), (0, "KPI_close"), (-1, "KPI_missed")))
    return (f'<style:style style:name="status_{section}" style:family="table-cell" style:data-style-name="N_status">'
            f'<style:table-cell-properties {GRID} style:text-align-source="fix" style:vertical-align="middle"/>'
            f'<style:paragraph-properties fo:text-align="center"/>{maps}</style:style>')


# The traffic light: named cell styles that conditional formatting applies by KPI.STATUS, pale enough that the
# status word in it stays readable; the word and its symbol carry the status without colour.
def named_styles(lang):
    words = LANGUAGES[lang]
    text = f'fo:language="{words["language"]}" fo:country="{words["country"]}"'
    return f"""
  <style:default-style style:family="table-cell"><style:text-properties {text}/></style:default-style>
  <style:style style:name="Default" style:family="table-cell"><style:text-properties fo:font-size="10pt"/></style:style>
  <style:style style:name="KPI_met" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#d5eddf" fo:border-bottom="0.5pt solid #c8c8c8"/><style:text-properties fo:color="#1e5631" fo:font-weight="bold"/></style:style>
  <style:style style:name="KPI_close" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#fdf0c8" fo:border-bottom="0.5pt solid #c8c8c8"/><style:text-properties fo:color="#6b4e00" fo:font-weight="bold"/></style:style>
  <style:style style:name="KPI_missed" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:background-color="#f8d7d3" fo:border-bottom="0.5pt solid #c8c8c8"/><style:text-properties fo:color="#8a1c12" fo:font-weight="bold"/></style:style>
"""


# Page styles: the section sheets landscape A4, one page each, no header, a footer with the page; the other
# sheets keep the default page style (they are not printed).
def page_styles(lang):
    words = LANGUAGES[lang]
    page, pages = words["footer"].split("{page}")[0], words["footer"].split("{page}")[1].split("{pages}")[0]
    footer = (f'<style:footer><style:region-left><text:p>{escape(words["title"])} · 2026</text:p></style:region-left>'
              f'<style:region-right><text:p>{page}<text:page-number>1</text:page-number>{pages}'
              f'<text:page-count>6</text:page-count></text:p></style:region-right></style:footer>')
    return (f'<style:page-layout style:name="landscape"><style:page-layout-properties fo:page-width="29.7cm" '
            f'fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.2cm" fo:margin-bottom="1cm" '
            f'fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:scale-to-X="1" style:scale-to-Y="1" '
            f'style:print="charts drawings objects zero-values" style:print-page-order="ttb"/>'
            f'<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/>'
            f'</style:footer-style></style:page-layout>'
            f'<style:page-layout style:name="portrait"><style:page-layout-properties fo:page-width="21cm" '
            f'fo:page-height="29.7cm" style:print-orientation="portrait"/></style:page-layout>',
            f'<style:master-page style:name="Dashboard" style:page-layout-name="landscape">'
            f'<style:header style:display="false"/>{footer}</style:master-page>'
            f'<style:master-page style:name="Default" style:page-layout-name="portrait"/>')


def flat_odf(lang):
    words = LANGUAGES[lang]
    rows_by_section = {s: [k for k in kpis(lang) if k[0] == s] for s in SECTIONS}
    sheets = []
    for section in ("overview",) + SECTIONS:
        rows = (overview_sheet(lang, rows_by_section) if section == "overview"
                else section_sheet(lang, section, rows_by_section[section]))
        row_styles = {0: "rtitle", len(rows) - 1: "rlegend"}
        kpi_rows = len(HEADLINES) if section == "overview" else len(rows_by_section[section])
        row_styles.update({i: "rkpi" for i in range(TABLE_TOP - 1, TABLE_TOP + kpi_rows)})
        sheets.append(table(word(SHEETS[section], lang), rows, ["wlabel", "wvalue", "wtarget", "wstatus", "whow"],
                            printed=True, row_styles=row_styles))
    sheets += [table(word(SHEETS["checks"], lang), checks_sheet(lang, rows_by_section), ["w1", "w3", "w2", "w2", "w1"]),
               table(word(SHEETS["monthly"], lang), monthly_sheet(lang), ["w1", "w2"] + ["w1"] * 10),
               table(word(SHEETS["leads"], lang), leads_sheet(lang), ["w1"] * 4),
               table(word(SHEETS["campaigns"], lang), campaigns_sheet(lang), ["w2", "w1", "w2", "w2"]),
               table(word(SHEETS["base"], lang), base_sheet(lang), ["w1", "w2", "w2", "w2"]),
               table(word(SHEETS["survey"], lang), survey_sheet(lang), ["w2", "w2", "w4", "w1", "w1"]),
               table(word(SHEETS["experiment"], lang), experiment_sheet(lang), ["w2", "w1", "w1"])]
    layouts, masters = page_styles(lang)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:meta><dc:title>{escape(words['title'])}</dc:title><dc:language>{words['language']}-{words['country']}</dc:language></office:meta>
 <office:styles>{named_styles(lang)}</office:styles>
 <office:automatic-styles>{styles(lang)}{cell_styles()}{layouts}</office:automatic-styles>
 <office:master-styles>{masters}</office:master-styles>
 <office:body><office:spreadsheet>{"".join(sheets)}</office:spreadsheet></office:body>
</office:document>
"""


# ---- charts: (section, English title, Indonesian title, data sheet, columns, kind, money axis) ----
CHARTS = [
    ("overview", "Monthly revenue against target", "Pendapatan bulanan terhadap target", "monthly", "ABC", "line", True),
    ("sales", "Monthly revenue against target", "Pendapatan bulanan terhadap target", "monthly", "ABC", "line", True),
    ("acquisition", "Leads and new customers per month", "Prospek dan pelanggan baru per bulan", "monthly", "AKL",
     "bar", False),
    ("web", "Sessions and engaged sessions per month", "Sesi dan sesi dengan interaksi per bulan", "monthly", "AEF",
     "bar", False),
    ("customers", "Customers at the end of each month", "Pelanggan di akhir setiap bulan", "base", "AC", "bar",
     False),
    ("satisfaction", "NPS answers by score: detractors 0–6, passives 7–8, promoters 9–10",
     "Jawaban NPS menurut skor: pengkritik 0–6, pasif 7–8, promotor 9–10", "survey", "DE", "bar", False),
]
PRINTABLE_HEIGHT = 17600  # 1/100 mm: A4 landscape less the margins and the footer


def add_charts_and_print_setup(book, lang):
    """Adds each section's chart under its table, across the table's width, and sets the section's print range
    to the table and the chart."""
    import uno
    from com.sun.star.awt import Rectangle
    from com.sun.star.lang import Locale
    from com.sun.star.table import CellRangeAddress

    words = LANGUAGES[lang]
    locale, english = Locale(words["language"], words["country"], ""), Locale("en", "US", "")
    sheets = book.doc.Sheets
    for section, title_en, title_id, data, columns, kind, money in CHARTS:
        sheet = sheets.getByName(word(SHEETS[section], lang))
        source_sheet = sheets.getByName(word(SHEETS[data], lang))
        index = source_sheet.getRangeAddress().Sheet
        used = source_sheet.createCursor()
        used.gotoEndOfUsedArea(False)
        last_row = 11 if data == "survey" else used.getRangeAddress().EndRow
        ranges = []
        for column in columns:
            c = ord(column) - ord("A")
            if ranges and ranges[-1].EndColumn == c - 1:
                ranges[-1].EndColumn = c
            else:
                ranges.append(CellRangeAddress(index, c, 0, c, last_row))
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        legend_row = cursor.getRangeAddress().EndRow
        legend_cell = sheet.getCellByPosition(0, legend_row)
        top = legend_cell.Position.Y + legend_cell.Size.Height + 300
        height = max(6500, PRINTABLE_HEIGHT - top)
        right = sheet.getCellByPosition(4, 0)
        width = right.Position.X + right.Size.Width - 200
        name = f"Chart{section.capitalize()}"
        sheet.Charts.addNewByName(name, Rectangle(100, top, width, height), tuple(ranges), True, True)
        chart = sheet.Charts.getByName(name).EmbeddedObject
        diagram = chart.createInstance("com.sun.star.chart.LineDiagram" if kind == "line"
                                       else "com.sun.star.chart.BarDiagram")
        chart.setDiagram(diagram)
        chart.HasMainTitle = True
        chart.Title.String = title_en if lang == "en" else title_id
        chart.Title.CharHeight = 12
        chart.Diagram.Wall.FillColor = 0xFFFFFF
        if kind == "line":  # the target thin and grey, the revenue thick: told apart without colour
            target = chart.Diagram.getDataRowProperties(1)
            target.LineColor = 0x8C8C8C
            target.LineWidth = 25
            chart.Diagram.getDataRowProperties(0).LineWidth = 90
        if data == "survey":  # the NPS groups as the title names them: detractors, passives, promoters
            for score in range(11):
                chart.Diagram.getDataPointProperties(score, 0).FillColor = (
                    0xC0504D if score <= 6 else 0xE3B23C if score <= 8 else 0x3A8F5C)
        chart.HasLegend = len(columns) > 2
        if chart.HasLegend:
            chart.Legend.Alignment = uno.Enum("com.sun.star.chart.ChartLegendPosition", "BOTTOM")
        formats = chart.getNumberFormats()

        def format_key(code):
            """The key of an en-US format code in the workbook's language (its separators and month names)."""
            key = formats.queryKey(code, english, False) if lang == "en" else -1
            if key < 0:
                key = formats.addNewConverted(code, english, locale)
            return key

        x_axis, y_axis = chart.Diagram.XAxis, chart.Diagram.YAxis
        # month names (or the NPS scores) on the x axis; amounts in millions, counts grouped, on the y axis
        x_axis.LinkNumberFormatToSource = y_axis.LinkNumberFormatToSource = False
        x_axis.NumberFormat = format_key("0" if data == "survey" else "MMM")
        y_axis.NumberFormat = format_key(f'"Rp "#,##0,,"{words["million"]}"' if money else "#,##0")
        # the print range: the table and the chart, whole rows down to the chart's bottom edge
        bottom, row = top + height, legend_row
        while sheet.getCellByPosition(0, row).Position.Y < bottom:
            row += 1
        sheet.setPrintAreas((CellRangeAddress(sheet.getRangeAddress().Sheet, 0, 0, 4, row),))


def save(book, path, filter_name):
    import uno
    from office import props
    book.doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), props(FilterName=filter_name))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--out-dir", default=HERE)
    parser.add_argument("--templates", help="also write the workbooks as templates (.ots) into this directory")
    args = parser.parse_args()
    from office import Office

    with tempfile.TemporaryDirectory() as directory, Office(oxt=args.oxt) as office:
        for lang, words in LANGUAGES.items():
            draft = os.path.join(directory, f"{words['file']}.fods")
            with open(draft, "w", encoding="utf-8") as f:
                f.write(flat_odf(lang))
            book = office.open(draft)
            book.recalculate()
            add_charts_and_print_setup(book, lang)
            book.doc.DocumentProperties.Title = words["title"]
            out = os.path.join(args.out_dir, f"{words['file']}.fods")
            save(book, out, "OpenDocument Spreadsheet Flat XML")
            print(f"wrote {out}")
            if args.templates:
                os.makedirs(args.templates, exist_ok=True)
                template = os.path.join(args.templates, f"{words['template']}.ots")
                save(book, template, "calc8_template")
                print(f"wrote {template}")
            book.close()


if __name__ == "__main__":
    main()
