#!/usr/bin/env python3
"""Writes the raw exports that `./kpi demo` builds a KPI sheet from, as a small online shop in Indonesia
downloads them: the marketplace's order export (Indonesian headers, ISO text dates, one row per item), the
ad platform's campaign report (a title and a date-range line above the header, a total row), the CRM's
lead export and a customer survey. Deterministic: the same files on every run.

usage: generate.py [OUT_DIR]   (default: this folder)
"""
import csv
import datetime
import os
import random
import sys

START = datetime.date(2026, 1, 1)
DAYS = 334  # 1 January to 30 November 2026


def orders(rng):
    """pesanan-toko.csv: one row per item, the order's payment total on its first row only."""
    products = [("Kopi Gayo 250 g", 85000), ("Teh Melati 100 g", 42000), ("Gula Aren 500 g", 38000),
                ("Madu Hutan 350 ml", 120000), ("Cokelat Bali 200 g", 65000)]
    customers = [f"pembeli_{i:04d}" for i in range(1, 701)]
    rows, number = [], 260100001
    for day in range(DAYS):
        date = START + datetime.timedelta(days=day)
        for _ in range(rng.randint(3, 12)):
            # Returning customers are likelier later in the year: early ones come back.
            buyer = customers[min(len(customers) - 1, int(rng.triangular(0, day * 2 + 20, day * 1.2)))]
            time = datetime.time(rng.randint(7, 22), rng.randint(0, 59))
            status = "Selesai" if rng.random() > 0.06 else "Batal"
            items = rng.sample(products, rng.choice([1, 1, 1, 2, 2, 3]))
            total = sum(price * rng.randint(1, 3) for _, price in items)
            for k, (product, price) in enumerate(items):
                rows.append([f"{number}", status, buyer, f"{date.isoformat()} {time.strftime('%H:%M')}", product,
                             total if k == 0 else ""])
            number += 1
    header = ["No. Pesanan", "Status Pesanan", "Username (Pembeli)", "Waktu Pesanan Dibuat", "Nama Produk",
              "Total Pembayaran (Rp)"]
    return header, rows


def campaigns(rng):
    """iklan-kampanye.csv: the ad platform's report, title and date-range lines, a total row at the end."""
    names = ["Brand - Search", "Kopi Gayo - Shopping", "Ramadan Promo", "Retargeting - Display",
             "Prospecting - Video"]
    rows = []
    totals = [0, 0, 0, 0, 0]
    for name in names:
        impressions = rng.randint(40000, 400000)
        clicks = int(impressions * rng.uniform(0.008, 0.05))
        cost = clicks * rng.randint(900, 3500)
        conversions = int(clicks * rng.uniform(0.01, 0.06))
        value = conversions * rng.randint(90000, 160000)
        rows.append([name, impressions, clicks, cost, conversions, value])
        totals = [t + v for t, v in zip(totals, rows[-1][1:])]
    rows.append(["Total", *totals])
    header = ["Campaign", "Impr.", "Clicks", "Cost (IDR)", "Conversions", "Conv. value"]
    top = [["Campaign report"], ["1 January 2026 - 30 November 2026"]]
    return header, rows, top


def leads(rng):
    """prospek-crm.csv: the CRM's lead export."""
    rows = []
    for i in range(900):
        created = START + datetime.timedelta(days=rng.randrange(DAYS))
        status = rng.choices(["Won", "Lost", "Open"], [0.22, 0.48, 0.30])[0]
        rows.append([f"LD-{5000 + i}", created.isoformat(), rng.choice(["Instagram", "Google", "WhatsApp"]), status])
    return ["Lead ID", "Created Date", "Source", "Lead Status"], rows


def survey(rng):
    """survei-pelanggan.csv: answers to "how likely are you to recommend us" (0-10)."""
    rows = []
    for i in range(240):
        answered = START + datetime.timedelta(days=rng.randrange(DAYS))
        score = rng.choices(range(11), [1, 1, 1, 2, 2, 4, 6, 10, 18, 25, 30])[0]
        rows.append([answered.isoformat(), f"pembeli_{rng.randint(1, 700):04d}", score])
    return ["Tanggal", "Username", "Skor"], rows


def write(path, header, rows, top=(), delimiter=","):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, delimiter=delimiter)
        for line in top:
            out.writerow(line)
        out.writerow(header)
        out.writerows(rows)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(2026)
    header, rows = orders(rng)
    write(os.path.join(out_dir, "pesanan-toko.csv"), header, rows, delimiter=";")
    header, rows, top = campaigns(rng)
    write(os.path.join(out_dir, "iklan-kampanye.csv"), header, rows, top)
    header, rows = leads(rng)
    write(os.path.join(out_dir, "prospek-crm.csv"), header, rows)
    header, rows = survey(rng)
    write(os.path.join(out_dir, "survei-pelanggan.csv"), header, rows)


if __name__ == "__main__":
    main()
