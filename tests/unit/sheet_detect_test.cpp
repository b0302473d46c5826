// Table detection on workbooks laid out as real exports are: marketplaces and web shops, ad platforms, CRMs,
// GA4, surveys, with titles, totals, blank rows and text where numbers belong.
#include <kpi/sheet/detect.hpp>

#include "test_support.hpp"

#include <string>
#include <vector>

namespace {

using namespace kpi::sheet;

/// A cell as a test writes it: text ("" is an empty cell) or a number; date() and failed() for the others.
struct v
{
    cell c;
    v(const char* text) : v(std::string(text)) {}
    v(std::string text)
    {
        if (!text.empty())
            c = cell{cell_type::text, 0, std::move(text)};
    }
    v(double number) : c{cell_type::number, number, {}} {}
    v(int number) : v(static_cast<double>(number)) {}
    v(cell other) : c(std::move(other)) {}
};

/// A date cell of a Calc serial number (46023 is 2026-01-01 with the default null date).
cell date(double serial)
{
    return cell{cell_type::date, serial, {}};
}
cell failed()
{
    return cell{cell_type::error, 0, {}};
}

constexpr double jan1 = 46023;

using rows = std::vector<std::vector<v>>;

sheet_cells make_sheet(std::string name, const rows& content, std::size_t extra_rows = 0,
                       std::size_t extra_columns = 0)
{
    std::size_t columns = 0;
    for (const auto& row : content)
        columns = std::max(columns, row.size());
    sheet_cells s(std::move(name), content.size() + extra_rows, columns + extra_columns);
    for (std::size_t r = 0; r < content.size(); ++r)
        for (std::size_t c = 0; c < content[r].size(); ++c)
            s.at(r, c) = content[r][c].c;
    return s;
}

workbook book_of(std::vector<sheet_cells> sheets)
{
    workbook book;
    book.sheets = std::move(sheets);
    return book;
}

/// Appends `count` rows made by `row(i)`.
template <class Row> void append(rows& content, int count, Row row)
{
    for (int i = 0; i < count; ++i)
        content.push_back(row(i));
}

std::string two_digits(int n)
{
    return (n < 10 ? "0" : "") + std::to_string(n);
}

/// "2026-01-dd hh:mm" for day 1 + i % 28.
std::string iso_minute(int i)
{
    return "2026-01-" + two_digits(1 + i % 28) + " " + two_digits(8 + i % 12) + ":22";
}

void expect_role(const table& t, column_role role, std::size_t column, const std::string& header)
{
    const role_column* c = t.find(role);
    ASSERT_NE(c, nullptr) << "no column for role " << to_string(role);
    EXPECT_EQ(c->column, column) << "role " << to_string(role);
    EXPECT_EQ(c->header, header) << "role " << to_string(role);
}

const warning* find_warning(const table& t, const std::string& code)
{
    for (const warning& w : t.warnings)
        if (w.code == code)
            return &w;
    return nullptr;
}

/// A Shopee order export: Indonesian headers, one row per item, ISO text times, amounts as numbers.
sheet_cells shopee_orders(int orders)
{
    rows content{{"No. Pesanan", "Status Pesanan", "No. Resi", "Opsi Pengiriman", "Waktu Pesanan Dibuat",
                  "Waktu Pembayaran Dilakukan", "SKU Induk", "Nama Produk", "Harga Awal", "Jumlah",
                  "Total Harga Produk", "Ongkos Kirim Dibayar oleh Pembeli", "Total Pembayaran",
                  "Username (Pembeli)", "Nama Penerima", "No. Telepon", "Kota/Kabupaten"}};
    static const char* statuses[] = {"Selesai", "Selesai", "Batal", "Sedang Dikirim"};
    static const char* buyers[] = {"budi_s", "citra.ayu", "dewi88", "eko_p", "fajar"};
    for (int i = 0; i < orders; ++i) {
        const int items = 1 + i % 2;
        for (int k = 0; k < items; ++k)
            content.push_back({"2601" + std::to_string(300000 + i) + "ABCD", statuses[i % 4],
                               "SPXID0" + std::to_string(4000 + i), "SPX Standard", iso_minute(i),
                               iso_minute(i), "SKU-" + std::to_string(k), k == 0 ? "Kaos Polos" : "Topi",
                               75000, 1 + k, 75000, 10000, 85000 + 75000 * (items - 1), buyers[i % 5],
                               "Penerima " + std::to_string(i), "08123456" + std::to_string(100 + i),
                               "Kota Bandung"});
    }
    return make_sheet("Pesanan", content);
}

/// A Shopify order export: Name "#1001", Email, Created at with an offset, Total blank on extra line items.
sheet_cells shopify_orders()
{
    rows content{{"Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Accepts Marketing",
                  "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Amount", "Created at",
                  "Lineitem quantity", "Lineitem name", "Lineitem price", "Billing Name"}};
    static const char* emails[] = {"ana@example.com", "budi@example.co.id", "citra@example.com"};
    for (int i = 0; i < 12; ++i) {
        const std::string created = "2026-01-" + two_digits(3 + i) + " 10:22:01 +0700";
        content.push_back({"#" + std::to_string(1001 + i), emails[i % 3], "paid", created, "fulfilled", "yes",
                           "IDR", 150000, 20000, 0, 170000, 0, created, 1, "Kemeja", 150000,
                           "Pelanggan " + std::to_string(i % 3)});
        if (i % 4 == 0)
            content.push_back({"#" + std::to_string(1001 + i), emails[i % 3], "", "", "", "", "", "", "", "",
                               "", "", created, 1, "Kaos kaki", 25000, ""});
    }
    return make_sheet("orders_export", content);
}

/// A WooCommerce-like export with date cells and sequential order numbers.
sheet_cells woocommerce_orders()
{
    rows content{{"Order Number", "Order Status", "Order Date", "Billing First Name", "Billing Last Name",
                  "Billing Email", "Payment Method Title", "Order Total Amount"}};
    for (int i = 0; i < 20; ++i)
        content.push_back({1001 + i, i % 5 == 0 ? "cancelled" : "completed", date(jan1 + i + 0.4), "Nama",
                           "Belakang", "customer" + std::to_string(i % 7) + "@mail.com",
                           "Direct bank transfer", 99000 + 1000 * (i % 3)});
    return make_sheet("Woo", content);
}

/// A Google Ads campaign report: a title, a date range, the header, campaigns and three total rows.
sheet_cells google_ads_report()
{
    rows content{{"Campaign report"},
                 {"1 January 2026 - 31 January 2026"},
                 {"Campaign", "Campaign state", "Currency code", "Impr.", "Clicks", "CTR", "Avg. CPC", "Cost",
                  "Conversions", "Cost / conv.", "Conv. value", "Conv. rate"}};
    static const char* names[] = {"Brand - Search", "Generic - Search", "Remarketing - Display", "PMax - All",
                                  "YouTube - Awareness"};
    for (int i = 0; i < 5; ++i)
        content.push_back({names[i], "Enabled", "IDR", 12000 + 1000 * i, 600 + 10 * i, 0.05, 1500,
                           4500000 / (i + 1), 30 + i, 30000, 22500000 / (i + 1), 0.05});
    content.push_back(
        {"Total: Account", "", "IDR", 70000, 3100, 0.044, 1500, 4510000, 160, 28000, 22510000, 0.05});
    content.push_back(
        {"Total: Search", "", "IDR", 25000, 1210, 0.048, 1500, 1801000, 61, 29000, 9001000, 0.05});
    content.push_back(
        {"Total: Campaigns", "", "IDR", 70000, 3100, 0.044, 1500, 4510000, 160, 28000, 22510000, 0.05});
    return make_sheet("Google Ads", content);
}

/// A Meta Ads export: reporting dates, Campaign name, Amount spent (IDR), Results.
sheet_cells meta_ads_export()
{
    rows content{{"Reporting starts", "Reporting ends", "Campaign name", "Campaign delivery", "Ad set budget",
                  "Amount spent (IDR)", "Impressions", "Reach", "Link clicks",
                  "CTR (link click-through rate)", "Results", "Result indicator", "Cost per result",
                  "Purchases conversion value"}};
    for (int i = 0; i < 6; ++i)
        content.push_back({"2026-01-01", "2026-01-31", "Promo Ramadan " + std::to_string(i), "active", 500000,
                           1250000 + 1000 * i, 80000 + i, 50000 + i, 1200 + i, 0.015, 40 + i,
                           "actions:offsite_conversion.fb_pixel_purchase", 31250, 8000000 + i});
    return make_sheet("Meta", content);
}

/// A CRM lead export: Lead ID, Lead Status with Won/Lost/Open, Created Date as date cells.
sheet_cells crm_leads()
{
    rows content{{"Lead ID", "First Name", "Last Name", "Email", "Phone", "Company", "Lead Source",
                  "Lead Status", "Created Date", "Lead Owner"}};
    static const char* statuses[] = {"Open", "Won", "Lost", "Qualified"};
    for (int i = 0; i < 16; ++i)
        content.push_back({"L-" + std::to_string(2000 + i), "Ana", "Putri",
                           "lead" + std::to_string(i) + "@corp.id", "0812" + std::to_string(5550000 + i),
                           "PT Maju", "Website", statuses[i % 4], date(jan1 + i), "Rina"});
    return make_sheet("Leads", content);
}

/// A small Indonesian lead list: ID Prospek, Tanggal, Status Berhasil/Gagal.
sheet_cells indonesian_leads()
{
    rows content{{"ID Prospek", "Nama", "No. HP", "Sumber", "Tanggal", "Status"}};
    static const char* statuses[] = {"Berhasil", "Gagal", "Follow Up"};
    for (int i = 0; i < 9; ++i)
        content.push_back({"P" + std::to_string(100 + i), "Prospek " + std::to_string(i),
                           "0813" + std::to_string(7770000 + i), i % 2 ? "Instagram" : "WhatsApp",
                           date(jan1 + 3 * i), statuses[i % 3]});
    return make_sheet("Prospek", content);
}

/// A GA4 export as a CSV opens in Calc: '#' comment lines, a blank row, the header, dates as yyyymmdd
/// numbers.
sheet_cells ga4_traffic(bool date_cells)
{
    rows content{{"# ----------------------------------------"},
                 {"# Traffic overview"},
                 {"# Account: Toko Maju"},
                 {"# Property: tokomaju.id"},
                 {"# ----------------------------------------"},
                 {"#"},
                 {"# All Users"},
                 {"# Start date: 20260301"},
                 {"# End date: 20260331"},
                 {""},
                 {"Date", "Sessions", "Engaged sessions", "Views", "Average engagement time per session",
                  "Key events", "Engagement rate"}};
    for (int i = 0; i < 31; ++i)
        content.push_back({date_cells ? v(date(jan1 + 59 + i)) : v(20260301 + i), 1800 + i, 700 + i, 4200 + i,
                           63.5, 12, 0.38});
    return make_sheet("GA4", content);
}

/// One row per web session.
sheet_cells web_sessions()
{
    rows content{{"Session ID", "Date", "Source", "Duration (s)", "Pageviews", "Key events"}};
    for (int i = 0; i < 25; ++i)
        content.push_back({"s-" + std::to_string(90000 + i), date(jan1 + i / 5), i % 2 ? "google" : "direct",
                           5 + 7 * (i % 9), 1 + i % 4, i % 6 == 0 ? 1 : 0});
    return make_sheet("Sessions", content);
}

TEST(DetectTableBounds, TitleAndDownloadLinesAboveTheHeaderAreSkipped)
{
    rows content{{"Laporan Penjualan Januari 2026"},
                 {"Downloaded on 2026-02-01 08:00"},
                 {""},
                 {"Tanggal", "Pelanggan", "Total"}};
    append(content, 5, [](int i) {
        return std::vector<v>{date(jan1 + i), "P" + std::to_string(i % 3), 100000};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.header_row, 3u);
    EXPECT_EQ(t.first_row, 4u);
    EXPECT_EQ(t.last_row, 8u);
    EXPECT_EQ(t.first_column, 0u);
    EXPECT_EQ(t.last_column, 2u);
    EXPECT_EQ(t.headers, (std::vector<std::string>{"Tanggal", "Pelanggan", "Total"}));
    EXPECT_FALSE(t.total_row);
    EXPECT_EQ(t.row_count(), 5u);
}

TEST(DetectTableBounds, TrailingBlankRowsAndColumnsAreLeftOut)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    const auto tables = detect_tables(book_of({make_sheet("Data", content, 20, 5)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].last_row, 4u);
    EXPECT_EQ(tables[0].last_column, 2u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
}

TEST(DetectTableBounds, KeyValueLinesAboveTheHeaderAreSkipped)
{
    rows content{{"Nama Toko:", "Kopi Nusantara"}, {""}, {"ID Prospek", "Tanggal"}};
    append(content, 4, [](int i) { return std::vector<v>{"P" + std::to_string(i), date(jan1 + i)}; });
    const auto tables = detect_tables(book_of({make_sheet("Prospek", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].header_row, 2u);
    EXPECT_EQ(tables[0].kind, table_kind::leads);
}

TEST(DetectTableBounds, ABlankRowUnderTheHeaderKeepsTheHeader)
{
    rows content{{"Lead ID", "Email", "Lead Status", "Created"}, {""}};
    append(content, 4, [](int i) {
        return std::vector<v>{"L" + std::to_string(i), "x" + std::to_string(i) + "@y.id",
                              i % 2 ? "Won" : "Lost", "2026-01-0" + std::to_string(1 + i)};
    });
    const auto tables = detect_tables(book_of({make_sheet("Leads", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].header_row, 0u);
    EXPECT_EQ(tables[0].first_row, 1u);
    EXPECT_EQ(tables[0].kind, table_kind::leads);
}

TEST(DetectTableBounds, ASingleBlankRowInsideTheDataDoesNotSplitTheTable)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    content.push_back({""});
    append(content, 4, [](int i) {
        return std::vector<v>{date(jan1 + 9 + i), "Q" + std::to_string(i), 7000};
    });
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].first_row, 1u);
    EXPECT_EQ(tables[0].last_row, 9u);
}

TEST(DetectTableBounds, OccasionalBlankCellsStayInTheData)
{
    rows content{{"Tanggal", "Pelanggan", "Total", "Catatan"}};
    append(content, 6, [](int i) {
        return std::vector<v>{date(jan1 + i), i == 2 ? "" : "P" + std::to_string(i), i == 4 ? v("") : v(5000),
                              i == 1 ? "kirim cepat" : ""};
    });
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].last_row, 6u);
    EXPECT_EQ(tables[0].last_column, 3u);
}

TEST(DetectTableBounds, ATotalRowInTheFirstColumnIsLeftOut)
{
    for (const char* label :
         {"Total", "TOTAL", "Grand Total", "Jumlah", "Total Keseluruhan", "Sum", "Subtotal"}) {
        rows content{{"Nama Kampanye", "Biaya", "Klik"}};
        append(content, 3, [](int i) { return std::vector<v>{"Kampanye " + std::to_string(i), 100000, 50}; });
        content.push_back({label, 300000, 150});
        const auto tables = detect_tables(book_of({make_sheet("Iklan", content)}));
        ASSERT_EQ(tables.size(), 1u) << label;
        EXPECT_TRUE(tables[0].total_row) << label;
        EXPECT_EQ(tables[0].last_row, 3u) << label;
    }
}

TEST(DetectTableBounds, ATotalLabelInTheLabelColumnIsLeftOut)
{
    rows content{{"Tanggal", "Pelanggan", "Total Pembayaran (Rp)"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    content.push_back({"", "Grand Total", 20000});
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_TRUE(tables[0].total_row);
    EXPECT_EQ(tables[0].last_row, 4u);
}

TEST(DetectTableBounds, ARowWithoutIdsAndDatesButWithNumbersAfterTheDataIsATotal)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    content.push_back({"", "", 20000});
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_TRUE(tables[0].total_row);
    EXPECT_EQ(tables[0].last_row, 4u);
}

TEST(DetectTableBounds, ACampaignNamedTotalSomethingIsData)
{
    rows content{{"Nama Kampanye", "Biaya", "Klik"}};
    append(content, 3, [](int i) { return std::vector<v>{"Kampanye " + std::to_string(i), 100000, 50}; });
    content.push_back({"Total Awareness Campaign", 300000, 150});
    const auto tables = detect_tables(book_of({make_sheet("Iklan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_FALSE(tables[0].total_row);
    EXPECT_EQ(tables[0].last_row, 4u);
}

TEST(DetectTableBounds, AFootnoteUnderABlankRowIsLeftOut)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    content.push_back({""});
    content.push_back({"* Harga sudah termasuk PPN"});
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].last_row, 4u);
    EXPECT_FALSE(tables[0].total_row);
}

TEST(DetectTableBounds, ASheetWithoutAHeaderRowHasNoTable)
{
    rows content;
    append(content, 5, [](int i) { return std::vector<v>{i, i * 2, i * 3}; });
    EXPECT_TRUE(detect_tables(book_of({make_sheet("Numbers", content)})).empty());
    EXPECT_TRUE(detect_tables(book_of({sheet_cells("Empty", 0, 0)})).empty());
    EXPECT_TRUE(
        detect_tables(book_of({make_sheet("Title only", {{"Laporan"}, {"Tanggal", "Total"}})})).empty());
}

TEST(DetectTableBounds, SkippedSheetsAreNotRead)
{
    const auto tables = detect_tables(book_of({crm_leads(), shopee_orders(5)}), {"Leads"});
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].sheet, 1u);
    EXPECT_EQ(tables[0].sheet_name, "Pesanan");
}

TEST(DetectSeveralTables, TablesSideBySideSeparatedByAnEmptyColumnAreFoundSeparately)
{
    rows content{
        {"Ringkasan Januari"}, {""}, {"Tanggal", "Pelanggan", "Total", "", "Nama Kampanye", "Biaya", "Klik"}};
    append(content, 6, [](int i) {
        std::vector<v> row{date(jan1 + i), "P" + std::to_string(i % 4), 120000, ""};
        if (i < 3) {
            row.push_back("Kampanye " + std::to_string(i));
            row.push_back(500000);
            row.push_back(40 + i);
        }
        return row;
    });
    const auto tables = detect_tables(book_of({make_sheet("Ringkasan", content)}));
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    EXPECT_EQ(tables[0].first_column, 0u);
    EXPECT_EQ(tables[0].last_column, 2u);
    EXPECT_EQ(tables[0].last_row, 8u);
    EXPECT_EQ(tables[1].kind, table_kind::campaigns);
    EXPECT_EQ(tables[1].first_column, 4u);
    EXPECT_EQ(tables[1].last_column, 6u);
    EXPECT_EQ(tables[1].last_row, 5u);
    expect_role(tables[1], column_role::cost, 5, "Biaya");
    EXPECT_EQ(table_name(tables, 0), "Ringkasan");
    EXPECT_EQ(table_name(tables, 1), "Ringkasan#2");
}

TEST(DetectSeveralTables, StackedTablesSeparatedByBlankRowsAreFoundSeparately)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    content.push_back({"Total", "", 20000});
    content.push_back({""});
    content.push_back({""});
    content.push_back({"Biaya iklan per kampanye"});
    content.push_back({"Kampanye", "Biaya", "Klik", "Konversi"});
    append(content, 3, [](int i) { return std::vector<v>{"K" + std::to_string(i), 250000, 90, 4}; });
    const auto tables = detect_tables(book_of({make_sheet("Laporan", content)}));
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    EXPECT_EQ(tables[0].last_row, 4u);
    EXPECT_TRUE(tables[0].total_row);
    EXPECT_EQ(tables[1].kind, table_kind::campaigns);
    EXPECT_EQ(tables[1].header_row, 9u);
    EXPECT_EQ(tables[1].first_row, 10u);
    EXPECT_EQ(tables[1].last_row, 12u);
    expect_role(tables[1], column_role::conversions, 3, "Konversi");
}

TEST(DetectSeveralTables, ANewHeaderAfterASingleBlankRowStartsAnotherTable)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), 5000}; });
    content.push_back({""});
    content.push_back({"Kampanye", "Biaya", "Klik"});
    append(content, 3, [](int i) { return std::vector<v>{"K" + std::to_string(i), 250000, 90}; });
    const auto tables = detect_tables(book_of({make_sheet("Laporan", content)}));
    ASSERT_EQ(tables.size(), 2u);
    EXPECT_EQ(tables[0].last_row, 4u);
    EXPECT_EQ(tables[1].header_row, 6u);
    EXPECT_EQ(tables[1].kind, table_kind::campaigns);
}

TEST(DetectSeveralTables, TablesOnEverySheetComeInSheetOrder)
{
    const auto tables = detect_tables(book_of({shopee_orders(4), crm_leads(), google_ads_report()}));
    ASSERT_EQ(tables.size(), 3u);
    EXPECT_EQ(tables[0].sheet, 0u);
    EXPECT_EQ(tables[1].sheet, 1u);
    EXPECT_EQ(tables[2].sheet, 2u);
    EXPECT_EQ(table_name(tables, 2), "Google Ads");
}

TEST(DetectOrders, AShopeeExportIsOrdersWithIndonesianHeaders)
{
    const auto tables = detect_tables(book_of({shopee_orders(30)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    EXPECT_EQ(t.first_row, 1u);
    EXPECT_EQ(t.last_row, 45u);
    EXPECT_EQ(t.last_column, 16u);
    expect_role(t, column_role::customer, 13, "Username (Pembeli)");
    expect_role(t, column_role::date, 4, "Waktu Pesanan Dibuat");
    expect_role(t, column_role::order, 0, "No. Pesanan");
    expect_role(t, column_role::amount, 12, "Total Pembayaran");
    EXPECT_EQ(t.dates, date_storage::iso_text);
    // Orders 2, 6, 10 ... 26 are "Batal", one row each: counted like the others, and the user is told.
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_EQ(t.warnings[0].code, "cancelled_orders");
    EXPECT_EQ(t.warnings[0].column, "B");
    EXPECT_EQ(t.warnings[0].rows, 7u);
    EXPECT_EQ(
        t.warnings[0].message,
        "column Status Pesanan marks 7 rows as cancelled, refunded or failed (like \"Batal\"): they count "
        "as orders and revenue like the others; remove them from the data to leave them out");
    EXPECT_EQ(t.currency, "");
    // Required roles first, as roles_of lists them.
    ASSERT_EQ(t.columns.size(), 4u);
    EXPECT_EQ(t.columns[0].role, column_role::customer);
    EXPECT_EQ(t.columns[1].role, column_role::date);
}

TEST(DetectOrders, AShopifyExportHasOrderNamesEmailsAndItsCurrencyColumn)
{
    const auto tables = detect_tables(book_of({shopify_orders()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::order, 0, "Name");
    expect_role(t, column_role::customer, 1, "Email");
    expect_role(t, column_role::date, 12, "Created at");
    expect_role(t, column_role::amount, 10, "Total");
    EXPECT_EQ(t.currency, "IDR");
    EXPECT_EQ(t.dates, date_storage::iso_text);
    EXPECT_EQ(t.last_row, 15u);
    EXPECT_TRUE(t.warnings.empty());
}

TEST(DetectOrders, AWooCommerceExportHasDateCells)
{
    const auto tables = detect_tables(book_of({woocommerce_orders()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::order, 0, "Order Number");
    expect_role(t, column_role::customer, 5, "Billing Email");
    expect_role(t, column_role::date, 2, "Order Date");
    expect_role(t, column_role::amount, 7, "Order Total Amount");
    EXPECT_EQ(t.dates, date_storage::serials);
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_EQ(t.warnings[0].code, "cancelled_orders");
    EXPECT_EQ(t.warnings[0].rows, 4u); // orders 1001, 1006, 1011, 1016
}

TEST(DetectWarnings, RefundedVoidedAndFailedOrdersAreCountedButAPartialRefundIsASale)
{
    rows content{{"Name", "Email", "Financial Status", "Created at", "Total", "Fulfillment Status"}};
    static const char* statuses[] = {"paid", "refunded", "partially_refunded", "voided", "pending", "Failed"};
    append(content, 12, [](int i) {
        return std::vector<v>{"#" + std::to_string(1001 + i),
                              "c" + std::to_string(i % 4) + "@x.com",
                              statuses[i % 6],
                              date(jan1 + i),
                              120000,
                              i == 0 ? "restocked" : "fulfilled"};
    });
    const auto tables = detect_tables(book_of({make_sheet("orders_export", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    const warning* w = find_warning(tables[0], "cancelled_orders");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->column, "C");
    EXPECT_EQ(w->rows, 6u); // refunded, voided and Failed, twice each
    EXPECT_EQ(tables[0].warnings.size(), 1u);
}

TEST(DetectOrders, DateCellsAndIsoTextTogetherAreMixed)
{
    rows content{{"Order Date", "Customer ID", "Amount"}};
    append(content, 6, [](int i) {
        return std::vector<v>{i % 2 ? v(date(jan1 + i))
                                    : v("2026-01-0" + std::to_string(1 + i) + "T10:22:01+07:00"),
                              "C" + std::to_string(i % 3), 10.5};
    });
    const auto tables = detect_tables(book_of({make_sheet("Orders", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    EXPECT_EQ(tables[0].dates, date_storage::mixed);
    EXPECT_TRUE(tables[0].warnings.empty());
}

TEST(DetectOrders, HeadersAreReadWhateverTheirCaseUnitsAndPunctuation)
{
    rows content{{"TANGGAL PESANAN", "username (pembeli)", "No. Pesanan", "Total Pembayaran (Rp)"}};
    append(content, 5, [](int i) {
        return std::vector<v>{date(jan1 + i), "u" + std::to_string(i % 2), "INV/" + std::to_string(i),
                              250000};
    });
    const auto tables = detect_tables(book_of({make_sheet("Orders", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::date, 0, "TANGGAL PESANAN");
    expect_role(t, column_role::customer, 1, "username (pembeli)");
    expect_role(t, column_role::order, 2, "No. Pesanan");
    expect_role(t, column_role::amount, 3, "Total Pembayaran (Rp)");
    EXPECT_EQ(t.currency, "Rp");
}

TEST(DetectOrders, DateSerialsThatLostTheirFormatAreDates)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 5, [](int i) { return std::vector<v>{jan1 + i, "P" + std::to_string(i % 2), 1000}; });
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    expect_role(tables[0], column_role::date, 0, "Tanggal");
    EXPECT_EQ(tables[0].dates, date_storage::serials);
    EXPECT_TRUE(tables[0].warnings.empty());
}

TEST(DetectOrders, ADateHeaderOverTextThatIsNoDateGetsNoDateRole)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 5, [](int i) { return std::vector<v>{"minggu ke-" + std::to_string(i), "P1", 1000}; });
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::unknown);
    EXPECT_TRUE(tables[0].columns.empty());
}

TEST(DetectOrders, ATokopediaReportHasDayMonthYearTextDatesUnderItsTitleLines)
{
    rows content{{"Laporan Penjualan"},
                 {"Periode: 01-01-2026 - 31-01-2026"},
                 {"Nama Toko:", "Toko Maju"},
                 {""},
                 {"No", "Nomor Invoice", "Tanggal Pembayaran", "Status Terakhir", "Tanggal Pesanan Selesai",
                  "Nama Produk", "Jumlah Produk Dibeli", "Harga Jual (IDR)", "Total Pembayaran (IDR)",
                  "Nama Pembeli", "No Telp Pembeli"}};
    append(content, 14, [](int i) {
        const std::string day = two_digits(13 + i);
        return std::vector<v>{1 + i,
                              "INV/20260113/MPL/" + std::to_string(3000 + i),
                              day + "-01-2026 10:22:33",
                              i % 5 ? "Pesanan Selesai" : "Dibatalkan",
                              i % 5 ? day + "-01-2026 18:00:00" : "",
                              "Kopi Gayo",
                              1 + i % 2,
                              85000,
                              85000 * (1 + i % 2),
                              "Pembeli " + std::to_string(i % 6),
                              "0812000" + std::to_string(i)};
    });
    const auto tables = detect_tables(book_of({make_sheet("Tokopedia", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    EXPECT_EQ(t.header_row, 4u);
    expect_role(t, column_role::order, 1, "Nomor Invoice");
    expect_role(t, column_role::date, 2, "Tanggal Pembayaran");
    expect_role(t, column_role::customer, 9, "Nama Pembeli");
    expect_role(t, column_role::amount, 8, "Total Pembayaran (IDR)");
    EXPECT_EQ(t.currency, "IDR");
    EXPECT_EQ(t.text_date_order, date_order::dmy);
    const warning* w = find_warning(t, "text_dates");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 14u);
    EXPECT_EQ(w->column, "C");
}

TEST(DetectOrders, ALazadaExportHasMonthNamesInItsTimes)
{
    rows content{{"Order Item Id", "Order Number", "Created at", "Customer Name", "Paid Price", "Status"}};
    append(content, 6, [](int i) {
        return std::vector<v>{"OI" + std::to_string(770000 + i),
                              "LZ" + std::to_string(5500 + i / 2),
                              std::to_string(10 + i) + " Mar 2026 10:22",
                              "Customer " + std::to_string(i % 3),
                              120000.0 + 500 * (i % 4),
                              i == 3 ? "canceled" : "delivered"};
    });
    const auto tables = detect_tables(book_of({make_sheet("Lazada", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::order, 1, "Order Number");
    expect_role(t, column_role::date, 2, "Created at");
    expect_role(t, column_role::customer, 3, "Customer Name");
    expect_role(t, column_role::amount, 4, "Paid Price");
    EXPECT_EQ(t.text_date_order, date_order::dmy);
}

TEST(DetectOrders, ATikTokShopExportHasOrderAmountsAndBuyerUsernames)
{
    rows content{{"Order ID", "Order Status", "SKU ID", "Product Name", "Quantity",
                  "SKU Subtotal After Discount", "Shipping Fee After Discount", "Order Amount",
                  "Order Refund Amount", "Created Time", "Paid Time", "Delivered Time", "Tracking ID",
                  "Buyer Username", "Recipient"}};
    append(content, 8, [](int i) {
        const std::string time = two_digits(10 + i) + "/03/2026 10:22:33";
        return std::vector<v>{"5771" + std::to_string(100200300 + i),
                              i == 2 ? "Cancelled" : "Completed",
                              "17290",
                              "Madu Hutan",
                              1,
                              98000,
                              9000,
                              107000 + 1000 * (i % 3),
                              0,
                              time,
                              time,
                              "",
                              "JX" + std::to_string(5000 + i),
                              "buyer" + std::to_string(i % 4),
                              "Penerima"};
    });
    const auto tables = detect_tables(book_of({make_sheet("TikTok", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::order, 0, "Order ID");
    expect_role(t, column_role::date, 9, "Created Time");
    expect_role(t, column_role::amount, 7, "Order Amount");
    expect_role(t, column_role::customer, 13, "Buyer Username");
    EXPECT_EQ(t.text_date_order, date_order::dmy);
}

TEST(DetectLeads, ACrmExportIsLeadsWithItsStatus)
{
    const auto tables = detect_tables(book_of({crm_leads()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::leads);
    expect_role(t, column_role::lead, 0, "Lead ID");
    expect_role(t, column_role::date, 8, "Created Date");
    expect_role(t, column_role::status, 7, "Lead Status");
    EXPECT_EQ(t.dates, date_storage::serials);
    EXPECT_TRUE(t.warnings.empty());
}

TEST(DetectLeads, AnIndonesianProspectListIsLeads)
{
    const auto tables = detect_tables(book_of({indonesian_leads()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::leads);
    expect_role(t, column_role::lead, 0, "ID Prospek");
    expect_role(t, column_role::date, 4, "Tanggal");
    expect_role(t, column_role::status, 5, "Status");
}

TEST(DetectLeads, EmailsWithLeadStatusesAreLeadsNotOrders)
{
    rows content{{"Email", "Tanggal Masuk", "Status"}};
    static const char* statuses[] = {"Won", "Lost", "New"};
    append(content, 9, [](int i) {
        return std::vector<v>{"orang" + std::to_string(i) + "@mail.id", date(jan1 + i), statuses[i % 3]};
    });
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::leads);
    expect_role(tables[0], column_role::lead, 0, "Email");
}

TEST(DetectLeads, EmailsWithOrderStatusesAndAmountsAreOrders)
{
    rows content{{"Email", "Tanggal", "Status", "Total"}};
    static const char* statuses[] = {"Selesai", "Dikirim", "Batal"};
    append(content, 9, [](int i) {
        return std::vector<v>{"orang" + std::to_string(i % 4) + "@mail.id", date(jan1 + i), statuses[i % 3],
                              50000 + i};
    });
    const auto tables = detect_tables(book_of({make_sheet("Data", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    expect_role(tables[0], column_role::customer, 0, "Email");
}

TEST(DetectLeads, AHubSpotContactExportIsLeads)
{
    rows content{{"Record ID", "First Name", "Last Name", "Email", "Phone Number", "Contact owner",
                  "Lead Status", "Create Date", "Lifecycle Stage"}};
    static const char* statuses[] = {"New", "Open", "In Progress", "Connected", "Unqualified"};
    append(content, 10, [](int i) {
        return std::vector<v>{9100 + i * 37,
                              "Ana",
                              "B",
                              "c" + std::to_string(i) + "@firma.co.id",
                              "",
                              "Rina",
                              statuses[i % 5],
                              "2026-02-" + two_digits(1 + i) + " 09:00",
                              i % 3 ? "lead" : "customer"};
    });
    const auto tables = detect_tables(book_of({make_sheet("hubspot-crm-exports", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::leads);
    expect_role(t, column_role::lead, 3, "Email");
    expect_role(t, column_role::date, 7, "Create Date");
    expect_role(t, column_role::status, 6, "Lead Status");
    EXPECT_EQ(t.dates, date_storage::iso_text);
}

TEST(DetectLeads, AFacebookLeadAdsExportWithUnderscoredHeadersIsLeads)
{
    rows content{{"id", "created_time", "ad_name", "campaign_name", "form_id", "is_organic", "platform",
                  "full_name", "email", "phone_number", "lead_status"}};
    append(content, 7, [](int i) {
        return std::vector<v>{"l:" + std::to_string(880000 + i),
                              "2026-03-0" + std::to_string(1 + i) + "T10:22:01+0700",
                              "Ad 1",
                              "Leads Maret",
                              "f:12",
                              "false",
                              i % 2 ? "ig" : "fb",
                              "Nama " + std::to_string(i),
                              "n" + std::to_string(i) + "@gmail.com",
                              "+6281234" + std::to_string(i),
                              i % 3 ? "new" : "converted"};
    });
    const auto tables = detect_tables(book_of({make_sheet("leads", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::leads);
    expect_role(t, column_role::lead, 8, "email");
    expect_role(t, column_role::date, 1, "created_time");
    expect_role(t, column_role::status, 10, "lead_status");
    EXPECT_EQ(t.dates, date_storage::iso_text);
}

TEST(DetectCampaigns, AGoogleAdsReportIsCampaignsWithoutItsTitleAndTotals)
{
    const auto tables = detect_tables(book_of({google_ads_report()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::campaigns);
    EXPECT_EQ(t.header_row, 2u);
    EXPECT_EQ(t.first_row, 3u);
    EXPECT_EQ(t.last_row, 7u);
    EXPECT_TRUE(t.total_row);
    expect_role(t, column_role::campaign, 0, "Campaign");
    expect_role(t, column_role::impressions, 3, "Impr.");
    expect_role(t, column_role::clicks, 4, "Clicks");
    expect_role(t, column_role::cost, 7, "Cost");
    expect_role(t, column_role::conversions, 8, "Conversions");
    expect_role(t, column_role::revenue, 10, "Conv. value");
    EXPECT_EQ(t.find(column_role::leads), nullptr);
    EXPECT_EQ(t.currency, "IDR");
    for (const warning& w : t.warnings)
        ADD_FAILURE() << w.message;
}

TEST(DetectCampaigns, AMetaAdsExportIsCampaignsInItsHeadersCurrency)
{
    const auto tables = detect_tables(book_of({meta_ads_export()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::campaigns);
    expect_role(t, column_role::campaign, 2, "Campaign name");
    expect_role(t, column_role::cost, 5, "Amount spent (IDR)");
    expect_role(t, column_role::impressions, 6, "Impressions");
    expect_role(t, column_role::clicks, 8, "Link clicks");
    expect_role(t, column_role::conversions, 10, "Results");
    expect_role(t, column_role::revenue, 13, "Purchases conversion value");
    EXPECT_EQ(t.currency, "IDR");
}

TEST(DetectCampaigns, IndonesianCampaignHeadersAreRead)
{
    rows content{{"Nama Kampanye", "Biaya", "Tayangan", "Klik", "Prospek", "Konversi", "Nilai Konversi"}};
    append(content, 4, [](int i) {
        return std::vector<v>{"Kampanye " + std::to_string(i), 300000 + i, 10000, 300, 20 + i, 5, 1500000};
    });
    const auto tables = detect_tables(book_of({make_sheet("Iklan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::campaigns);
    expect_role(t, column_role::campaign, 0, "Nama Kampanye");
    expect_role(t, column_role::cost, 1, "Biaya");
    expect_role(t, column_role::impressions, 2, "Tayangan");
    expect_role(t, column_role::clicks, 3, "Klik");
    expect_role(t, column_role::leads, 4, "Prospek");
    expect_role(t, column_role::conversions, 5, "Konversi");
    expect_role(t, column_role::revenue, 6, "Nilai Konversi");
}

TEST(DetectCampaigns, AMetaAdsExportInIndonesianIsCampaigns)
{
    rows content{{"Nama Kampanye", "Jumlah yang dibelanjakan (IDR)", "Impresi", "Jangkauan", "Klik tautan",
                  "Hasil", "Biaya per hasil", "Nilai konversi pembelian"}};
    append(content, 3, [](int i) {
        return std::vector<v>{"Kampanye " + std::to_string(i),
                              750000 + 12345 * i,
                              40000,
                              30000,
                              800,
                              25 + i,
                              30000,
                              3000000 + 1000 * i};
    });
    const auto tables = detect_tables(book_of({make_sheet("Meta", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::campaigns);
    expect_role(t, column_role::cost, 1, "Jumlah yang dibelanjakan (IDR)");
    expect_role(t, column_role::impressions, 2, "Impresi");
    expect_role(t, column_role::clicks, 4, "Klik tautan");
    expect_role(t, column_role::conversions, 5, "Hasil");
    expect_role(t, column_role::revenue, 7, "Nilai konversi pembelian");
    EXPECT_EQ(t.currency, "IDR");
}

TEST(DetectCampaigns, LeadsCountedPerCampaignAreTheLeadsRole)
{
    rows content{{"Campaign", "Spend", "Leads"}};
    append(content, 4, [](int i) { return std::vector<v>{"C" + std::to_string(i), 100.5 * (i + 1), 3 + i}; });
    const auto tables = detect_tables(book_of({make_sheet("Ads", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::campaigns);
    expect_role(tables[0], column_role::leads, 2, "Leads");
}

TEST(DetectWebAnalytics, AGa4ExportIsTrafficUnderItsCommentLines)
{
    const auto tables = detect_tables(book_of({ga4_traffic(true)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::traffic);
    EXPECT_EQ(t.header_row, 10u);
    EXPECT_EQ(t.first_row, 11u);
    EXPECT_EQ(t.last_row, 41u);
    expect_role(t, column_role::sessions, 1, "Sessions");
    expect_role(t, column_role::engaged_sessions, 2, "Engaged sessions");
    expect_role(t, column_role::pageviews, 3, "Views");
    expect_role(t, column_role::date, 0, "Date");
    EXPECT_EQ(t.dates, date_storage::serials);
    EXPECT_TRUE(t.warnings.empty());
}

TEST(DetectWebAnalytics, Ga4DatesWrittenAsNumbersAreWarned)
{
    const auto tables = detect_tables(book_of({ga4_traffic(false)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::traffic);
    expect_role(t, column_role::date, 0, "Date");
    EXPECT_EQ(t.dates, date_storage::other);
    const warning* w = find_warning(t, "number_dates");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 31u);
    EXPECT_EQ(w->column, "A");
    EXPECT_EQ(w->sheet, "GA4");
    EXPECT_EQ(w->message,
              "column Date holds 31 dates written as numbers (yyyymmdd, like 20260301): convert them "
              "to dates, or those rows are left out of every period");
}

TEST(DetectWebAnalytics, IndonesianGa4HeadersAreRead)
{
    rows content{{"Tanggal", "Sesi", "Sesi Engaged", "Tampilan"}};
    append(content, 5, [](int i) { return std::vector<v>{date(jan1 + i), 100 + i, 40 + i, 300 + i}; });
    const auto tables = detect_tables(book_of({make_sheet("GA4", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::traffic);
    expect_role(tables[0], column_role::sessions, 1, "Sesi");
    expect_role(tables[0], column_role::engaged_sessions, 2, "Sesi Engaged");
    expect_role(tables[0], column_role::pageviews, 3, "Tampilan");
}

TEST(DetectWebAnalytics, OneRowPerSessionIsSessions)
{
    const auto tables = detect_tables(book_of({web_sessions()}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::sessions);
    expect_role(t, column_role::duration, 3, "Duration (s)");
    expect_role(t, column_role::pageviews, 4, "Pageviews");
    expect_role(t, column_role::key_events, 5, "Key events");
    expect_role(t, column_role::date, 1, "Date");
}

TEST(DetectWebAnalytics, IndonesianSessionHeadersAreRead)
{
    rows content{{"ID Sesi", "Durasi", "Tampilan", "Peristiwa utama"}};
    append(content, 5, [](int i) { return std::vector<v>{"x" + std::to_string(i), 12.5 * i, 1 + i, 0}; });
    const auto tables = detect_tables(book_of({make_sheet("Sesi", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::sessions);
    expect_role(tables[0], column_role::duration, 1, "Durasi");
    expect_role(tables[0], column_role::key_events, 3, "Peristiwa utama");
}

TEST(DetectWebAnalytics, AGa4TrafficAcquisitionExportByChannelIsTraffic)
{
    rows content{{"Session primary channel group (Default Channel Group)", "Users", "Sessions",
                  "Engaged sessions", "Average engagement time per session", "Engaged sessions per user",
                  "Events per session", "Engagement rate", "Event count", "Key events",
                  "Session key event rate", "Total revenue"}};
    static const char* channels[] = {"Organic Search", "Direct", "Paid Social", "Referral", "Unassigned"};
    append(content, 5, [](int i) {
        return std::vector<v>{channels[i], 900 - 100 * i, 1200 - 150 * i, 500 - 60 * i, 41.2, 0.55,
                              7.1,         0.41,          8000 - 900 * i, 20 - i,       0.01, 0};
    });
    const auto tables = detect_tables(book_of({make_sheet("Traffic acquisition", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::traffic);
    expect_role(t, column_role::sessions, 2, "Sessions");
    expect_role(t, column_role::engaged_sessions, 3, "Engaged sessions");
    EXPECT_EQ(t.find(column_role::date), nullptr);
}

TEST(DetectWebAnalytics, AGa4PagesExportWithAverageTimesIsNoSessionTable)
{
    rows content{{"Page title and screen class", "Views", "Users", "Views per user",
                  "Average engagement time", "Event count", "Key events"}};
    append(content, 5, [](int i) {
        return std::vector<v>{
            "Halaman " + std::to_string(i), 5000 - 700 * i, 2000 - 100 * i, 2.5, 35.5 + i, 9000, 3};
    });
    const auto tables = detect_tables(book_of({make_sheet("Pages", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::unknown);
}

TEST(DetectSurvey, ZeroToTenAnswersAreAnNpsSurvey)
{
    rows content{
        {"Timestamp", "Email Address", "How likely are you to recommend us to a friend? (0-10)", "Comment"}};
    append(content, 11, [](int i) {
        return std::vector<v>{date(jan1 + i + 0.5), "r" + std::to_string(i) + "@mail.com", i,
                              i % 3 ? "" : "ok"};
    });
    const auto tables = detect_tables(book_of({make_sheet("Form Responses 1", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::survey);
    expect_role(tables[0], column_role::score, 2, "How likely are you to recommend us to a friend? (0-10)");
    EXPECT_EQ(tables[0].score_scale, 10u);
}

TEST(DetectSurvey, AnIndonesianGoogleFormsQuestionIsAScore)
{
    rows content{{"Stempel waktu", "Alamat email",
                  "Seberapa besar kemungkinan Anda merekomendasikan kami kepada teman?"}};
    append(content, 6, [](int i) {
        return std::vector<v>{date(jan1 + i + 0.3), "r" + std::to_string(i) + "@mail.id", 10 - i};
    });
    const auto tables = detect_tables(book_of({make_sheet("Tanggapan Formulir 1", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::survey);
    EXPECT_EQ(tables[0].score_scale, 10u);
}

TEST(DetectSurvey, OneToFiveAnswersAreACsatSurvey)
{
    rows content{{"Tanggal", "Nama", "Skor"}};
    append(content, 8, [](int i) {
        return std::vector<v>{date(jan1 + i), "Responden " + std::to_string(i), 1 + i % 5};
    });
    const auto tables = detect_tables(book_of({make_sheet("Survei", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::survey);
    expect_role(tables[0], column_role::score, 2, "Skor");
    EXPECT_EQ(tables[0].score_scale, 5u);
}

TEST(DetectSurvey, NilaiOfSmallWholeNumbersIsAScoreAndOfAmountsIsNot)
{
    rows scores{{"Nilai", "Komentar"}};
    append(scores, 6, [](int i) { return std::vector<v>{i, "bagus"}; });
    const auto survey = detect_tables(book_of({make_sheet("Survei", scores)}));
    ASSERT_EQ(survey.size(), 1u);
    EXPECT_EQ(survey[0].kind, table_kind::survey);

    rows amounts{{"Tanggal", "Pelanggan", "Nilai"}};
    append(amounts, 6, [](int i) {
        return std::vector<v>{date(jan1 + i), "P" + std::to_string(i % 2), 125000 + 5000 * (i % 3)};
    });
    const auto orders = detect_tables(book_of({make_sheet("Penjualan", amounts)}));
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].kind, table_kind::orders);
    expect_role(orders[0], column_role::amount, 2, "Nilai");
}

TEST(DetectSurvey, ScoresOffTheScaleAreWarned)
{
    rows content{{"Skor", "Komentar"}};
    append(content, 6, [](int i) { return std::vector<v>{i == 2 ? v(7.5) : v(i + 4), "x"}; });
    const auto tables = detect_tables(book_of({make_sheet("Survei", content)}));
    ASSERT_EQ(tables.size(), 1u);
    ASSERT_EQ(tables[0].kind, table_kind::survey);
    EXPECT_EQ(tables[0].score_scale, 10u);
    const warning* w = find_warning(tables[0], "invalid_scores");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 1u);
    EXPECT_EQ(w->message,
              "column Skor holds 1 answers that are not whole numbers from 0 to 10: correct them, or "
              "the score gives Err:502");
}

TEST(DetectTargets, AKpiAndTargetTableIsTargets)
{
    rows content{{"KPI", "Target", "Satuan"},
                 {"orders.revenue", 250000000, "Rp"},
                 {"leads.conversion", 0.15, "%"},
                 {"campaigns.roas", 4, "x"}};
    const auto tables = detect_tables(book_of({make_sheet("Target", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::targets);
    expect_role(tables[0], column_role::kpi, 0, "KPI");
    expect_role(tables[0], column_role::target, 1, "Target");
}

TEST(DetectTargets, MetricAndGoalInIndonesianAreTargets)
{
    rows content{{"Metrik", "Sasaran"}, {"Pendapatan", 1000000}, {"Prospek baru", 300}};
    const auto tables = detect_tables(book_of({make_sheet("Sasaran", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::targets);
}

TEST(DetectUnknown, AStockListFitsNoKind)
{
    rows content{{"Produk", "Kategori", "Stok", "Gudang"}};
    append(content, 5, [](int i) {
        return std::vector<v>{"Barang " + std::to_string(i), "Kaos", 10 * i, "Bandung"};
    });
    const auto tables = detect_tables(book_of({make_sheet("Stok", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::unknown);
    EXPECT_TRUE(tables[0].columns.empty());
    EXPECT_TRUE(tables[0].warnings.empty());
    EXPECT_EQ(tables[0].dates, date_storage::none);
    EXPECT_EQ(tables[0].headers.size(), 4u);
}

/// The column a header gets in a small table of a kind, with the kind's other columns beside it.
std::string role_header(table_kind kind, column_role role, const std::string& header, const v& value)
{
    rows content;
    switch (kind) {
    case table_kind::orders:
        content = {{"Tanggal", "Pelanggan", header}};
        append(content, 6, [&](int i) {
            return std::vector<v>{date(jan1 + i), "P" + std::to_string(i % 2), value};
        });
        break;
    case table_kind::campaigns:
        content = {{"Kampanye", "Biaya", header}};
        append(content, 6, [&](int i) {
            return std::vector<v>{"K" + std::to_string(i), 1000.5 * (i % 4), value};
        });
        break;
    case table_kind::traffic:
        content = {{"Sessions", header}};
        append(content, 6, [&](int i) { return std::vector<v>{100 + i % 4, value}; });
        break;
    case table_kind::sessions:
        content = {
            {"Session ID", "Pageviews", role == column_role::duration ? "Notes" : "Duration (s)", header}};
        append(content, 6, [&](int i) {
            return std::vector<v>{"s" + std::to_string(i), 1 + i % 3, 30 + i, value};
        });
        break;
    case table_kind::leads:
        content = {{"Lead ID", "Tanggal", header}};
        append(content, 6, [&](int i) {
            return std::vector<v>{"L" + std::to_string(i), date(jan1 + i), value};
        });
        break;
    default:
        content = {{"Komentar", header}};
        append(content, 6, [&](int) { return std::vector<v>{"ok", value}; });
    }
    const auto tables = detect_tables(book_of({make_sheet("S", content)}));
    if (tables.size() != 1 || tables[0].kind != kind)
        return "(kind " + std::string(tables.empty() ? "none" : to_string(tables[0].kind)) + ")";
    const role_column* c = tables[0].find(role);
    return c == nullptr ? "(no role)" : c->header;
}

TEST(DetectHeaderWords, HeadersInEnglishAndIndonesianGetTheirRoles)
{
    const struct
    {
        table_kind kind;
        column_role role;
        const char* header;
        v value;
    } cases[] = {
        {table_kind::orders, column_role::amount, "Total Pembayaran (Rp)", 150000},
        {table_kind::orders, column_role::amount, "Pendapatan", 150000},
        {table_kind::orders, column_role::amount, "Grand Total", 150000},
        {table_kind::orders, column_role::order, "Order ID", "A-1"},
        {table_kind::orders, column_role::order, "No. Pesanan", "2601ABC"},
        {table_kind::campaigns, column_role::cost, "Cost (IDR)", 1000},
        {table_kind::campaigns, column_role::impressions, "Impr.", 1000},
        {table_kind::campaigns, column_role::impressions, "Tayangan", 1000},
        {table_kind::campaigns, column_role::clicks, "Klik", 10},
        {table_kind::campaigns, column_role::conversions, "Konversi", 2},
        {table_kind::campaigns, column_role::revenue, "Nilai Konversi", 5000},
        {table_kind::campaigns, column_role::revenue, "Pendapatan", 5000},
        {table_kind::campaigns, column_role::leads, "Leads", 4},
        {table_kind::traffic, column_role::engaged_sessions, "Sesi Engaged", 40},
        {table_kind::traffic, column_role::pageviews, "Tampilan", 400},
        {table_kind::traffic, column_role::date, "Date", v(date(jan1))},
        {table_kind::sessions, column_role::duration, "Session duration (s)", 35},
        {table_kind::sessions, column_role::duration, "Durasi", 35},
        {table_kind::sessions, column_role::key_events, "Peristiwa utama", 1},
        {table_kind::leads, column_role::status, "Stage", "Won"},
        {table_kind::leads, column_role::status, "Lead Status", "Qualified"},
        {table_kind::survey, column_role::score, "Score", 9},
        {table_kind::survey, column_role::score, "Rating", 4},
        {table_kind::survey, column_role::score, "Nilai", 8},
    };
    for (const auto& c : cases)
        EXPECT_EQ(role_header(c.kind, c.role, c.header, c.value), c.header) << c.header;
}

TEST(DetectHeaderWords, TheOtherColumnsOfTheirTablesToo)
{
    // The fixed columns of role_header's tables.
    EXPECT_EQ(role_header(table_kind::orders, column_role::customer, "Total", 5), "Pelanggan");
    EXPECT_EQ(role_header(table_kind::orders, column_role::date, "Total", 5), "Tanggal");
    EXPECT_EQ(role_header(table_kind::campaigns, column_role::campaign, "Klik", 5), "Kampanye");
    EXPECT_EQ(role_header(table_kind::campaigns, column_role::cost, "Klik", 5), "Biaya");
    EXPECT_EQ(role_header(table_kind::traffic, column_role::sessions, "Views", 5), "Sessions");
    EXPECT_EQ(role_header(table_kind::leads, column_role::lead, "Status", "Won"), "Lead ID");
}

TEST(DetectHeaderWords, RatiosAreNoCountsOrAmounts)
{
    for (const char* header :
         {"CTR", "Avg. CPC", "Cost / conv.", "Conv. rate", "Cost per result", "Klik (%)"})
        EXPECT_EQ(role_header(table_kind::campaigns, column_role::clicks, header, 3), "(no role)") << header;
    EXPECT_EQ(role_header(table_kind::campaigns, column_role::conversions, "Conv. value", 3), "(no role)");
    EXPECT_EQ(role_header(table_kind::orders, column_role::amount, "Discount Amount", 3), "(no role)");
}

TEST(DetectHeaderWords, ARoleNeedsContentThatFitsIt)
{
    EXPECT_EQ(role_header(table_kind::orders, column_role::amount, "Total", "lunas"), "(no role)");
    EXPECT_EQ(role_header(table_kind::campaigns, column_role::clicks, "Klik", v(date(jan1))), "(no role)");
    EXPECT_EQ(role_header(table_kind::survey, column_role::score, "Skor", 75), "(kind unknown)");
    EXPECT_EQ(role_header(table_kind::leads, column_role::status, "Status", 3), "(no role)");
}

TEST(DetectWarnings, AmountsStoredAsTextAreCounted)
{
    rows content{{"Tanggal", "Pelanggan", "Total Pembayaran"}};
    static const char* amounts[] = {"Rp 150.000", "Rp150.000,-", "Rp 1.250.000"};
    append(content, 8, [](int i) {
        return std::vector<v>{date(jan1 + i), "P" + std::to_string(i % 3), i < 3 ? v(amounts[i]) : v(150000)};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::amount, 2, "Total Pembayaran");
    EXPECT_EQ(t.currency, "Rp");
    ASSERT_EQ(t.warnings.size(), 1u);
    const warning& w = t.warnings[0];
    EXPECT_EQ(w.code, "text_amounts");
    EXPECT_EQ(w.rows, 3u);
    EXPECT_EQ(w.column, "C");
    EXPECT_EQ(w.message,
              "column Total Pembayaran holds 3 amounts stored as text (like \"Rp 150.000\"): convert "
              "them to numbers, or they are left out of the sums");
}

TEST(DetectWarnings, AColumnOfTextAmountsOnlyIsStillTheAmount)
{
    rows content{{"Order ID", "Customer Email", "Created", "Amount"}};
    static const char* amounts[] = {"$1,200.00", "$85.50", "$12.00", "1,200.00"};
    append(content, 4, [](int i) {
        return std::vector<v>{"A" + std::to_string(i), "c" + std::to_string(i) + "@x.com", date(jan1 + i),
                              amounts[i]};
    });
    const auto tables = detect_tables(book_of({make_sheet("Orders", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    expect_role(tables[0], column_role::amount, 3, "Amount");
    EXPECT_EQ(tables[0].currency, "$");
    const warning* w = find_warning(tables[0], "text_amounts");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 4u);
}

TEST(DetectWarnings, DayMonthYearTextDatesAreCountedWithTheirOrder)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 12, [](int i) {
        return std::vector<v>{two_digits(1 + i * 2) + "/03/2026", "P" + std::to_string(i % 3), 100000};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::date, 0, "Tanggal");
    EXPECT_EQ(t.dates, date_storage::other);
    EXPECT_EQ(t.text_date_order, date_order::dmy);
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_EQ(t.warnings[0].code, "text_dates");
    EXPECT_EQ(t.warnings[0].rows, 12u);
    EXPECT_EQ(t.warnings[0].message,
              "column Tanggal holds 12 text dates in day/month/year order: convert them or use --date-order");
}

TEST(DetectWarnings, MonthDayYearTextDatesAreTold)
{
    rows content{{"Date", "Customer", "Amount"}};
    append(content, 5, [](int i) {
        return std::vector<v>{"03/" + std::to_string(10 + i) + "/2026 10:22 AM", "c", 1.5};
    });
    const auto tables = detect_tables(book_of({make_sheet("Orders", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].text_date_order, date_order::mdy);
    const warning* w = find_warning(tables[0], "text_dates");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 5u);
    EXPECT_EQ(w->message,
              "column Date holds 5 text dates in month/day/year order: convert them or use --date-order");
}

TEST(DetectWarnings, TextDatesThatReadBothWaysHaveNoOrder)
{
    rows content{{"Date", "Customer", "Amount"}};
    append(content, 3, [](int i) {
        return std::vector<v>{"0" + std::to_string(1 + i) + "/04/2026", "c", 1.5};
    });
    const auto tables = detect_tables(book_of({make_sheet("Orders", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].text_date_order, date_order::unknown);
    const warning* w = find_warning(tables[0], "text_dates");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->message,
              "column Date holds 3 text dates whose day/month order cannot be told: convert them or use "
              "--date-order");
}

TEST(DetectWarnings, TextDatesWithMonthNamesAreWarned)
{
    rows content{{"Tanggal Pesanan", "Pembeli", "Total"}};
    static const char* dates[] = {"14 Mar 2026", "15 Maret 2026", "Sabtu, 16 Mei 2026 10.22", "2 Jan 2026"};
    append(content, 4, [](int i) { return std::vector<v>{dates[i], "b" + std::to_string(i), 1000}; });
    const auto tables = detect_tables(book_of({make_sheet("Pesanan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].kind, table_kind::orders);
    EXPECT_EQ(tables[0].text_date_order, date_order::dmy);
    const warning* w = find_warning(tables[0], "text_dates");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 4u);
}

TEST(DetectWarnings, IsoTextDatesNeedNoWarning)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    static const char* dates[] = {"2026-03-14", "2026-03-14 10:22", "2026-03-14T10:22:01+07:00",
                                  "2026-03-14 10:22:01 +0700"};
    append(content, 4, [](int i) { return std::vector<v>{dates[i], "P" + std::to_string(i), 1000}; });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].dates, date_storage::iso_text);
    EXPECT_TRUE(tables[0].warnings.empty());
}

TEST(DetectWarnings, RowsWithACustomerButNoDateAreCounted)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 7, [](int i) {
        return std::vector<v>{i == 2 || i == 5 ? v("") : v(date(jan1 + i)), "P" + std::to_string(i), 1000};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const warning* w = find_warning(tables[0], "missing_dates");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 2u);
    EXPECT_EQ(w->column, "A");
    EXPECT_EQ(w->message,
              "column Tanggal is empty in 2 rows that have a customer: fill in their dates, or those "
              "rows are left out of every period");
}

TEST(DetectWarnings, OrderNumbersUnderAnAmountHeaderAreWarned)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 10, [](int i) {
        return std::vector<v>{date(jan1 + i), "P" + std::to_string(i % 3), 1001 + i};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    expect_role(tables[0], column_role::amount, 2, "Total");
    const warning* w = find_warning(tables[0], "id_as_amount");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 10u);
    EXPECT_EQ(w->message,
              "column Total looks like IDs (different whole numbers in order), not amount: choose the "
              "amount column, or its sum is meaningless");
}

TEST(DetectWarnings, AnAmountRoleOnAnIdHeaderIsWarned)
{
    const workbook book = book_of({shopee_orders(4)});
    const auto fixed = apply_overrides(
        book, detect_tables(book), {table_override{"Pesanan", std::nullopt, {{column_role::amount, 15}}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    const warning* w = find_warning((*fixed)[0], "id_as_amount");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->message,
              "column No. Telepon looks like IDs (its header names an ID), not amount: choose the "
              "amount column, or its sum is meaningless");
}

TEST(DetectWarnings, ErrorCellsInARoleColumnAreCounted)
{
    rows content{{"Tanggal", "Pelanggan", "Total"}};
    append(content, 7, [](int i) {
        return std::vector<v>{date(jan1 + i), "P" + std::to_string(i), i == 3 ? v(failed()) : v(1000)};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const warning* w = find_warning(tables[0], "error_cells");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 1u);
    EXPECT_EQ(w->column, "C");
    EXPECT_EQ(w->message,
              "column Total holds 1 error values: correct them, or the KPIs of that column show the error");
}

TEST(DetectWarnings, CountsStoredAsTextAreCounted)
{
    rows content{{"Campaign", "Cost", "Clicks"}};
    append(content, 4, [](int i) {
        return std::vector<v>{"C" + std::to_string(i), 10.5, i < 2 ? v("1,204") : v(7)};
    });
    const auto tables = detect_tables(book_of({make_sheet("Ads", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const warning* w = find_warning(tables[0], "text_numbers");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 2u);
    EXPECT_EQ(w->column, "C");
    EXPECT_EQ(w->message,
              "column Clicks holds 2 numbers stored as text (like \"1,204\"): convert them to numbers, "
              "or they are left out of the sums");
}

TEST(DetectWarnings, AnIdColumnAsTheOnlyAmountIsWarned)
{
    rows content{{"Tanggal", "Pelanggan", "Jumlah"}};
    append(content, 8, [](int i) {
        return std::vector<v>{date(jan1 + i), "P" + std::to_string(i % 3), 260103001 + i};
    });
    const auto tables = detect_tables(book_of({make_sheet("Penjualan", content)}));
    ASSERT_EQ(tables.size(), 1u);
    const table& t = tables[0];
    ASSERT_EQ(t.kind, table_kind::orders);
    // A weak amount header over ID-like numbers is no amount at all.
    EXPECT_EQ(t.find(column_role::amount), nullptr);

    const auto fixed =
        apply_overrides(book_of({make_sheet("Penjualan", content)}), tables,
                        {table_override{"Penjualan", std::nullopt, {{column_role::amount, 2}}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    const warning* w = find_warning((*fixed)[0], "id_as_amount");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 8u);
    EXPECT_EQ(w->message,
              "column Jumlah looks like IDs (different whole numbers in order), not amount: choose the "
              "amount column, or its sum is meaningless");
}

TEST(DetectCurrency, TheCurrencyComesFromHeadersCurrencyColumnsOrTextAmounts)
{
    const auto currency_of = [](const std::string& amount_header, const v& amount) {
        rows content{{"Tanggal", "Pelanggan", amount_header}};
        append(content, 3, [&](int i) { return std::vector<v>{date(jan1 + i), "P", amount}; });
        const auto tables = detect_tables(book_of({make_sheet("S", content)}));
        return tables.size() == 1 ? tables[0].currency : std::string("?");
    };
    EXPECT_EQ(currency_of("Total (IDR)", 1000), "IDR");
    EXPECT_EQ(currency_of("Total (Rp)", 1000), "Rp");
    EXPECT_EQ(currency_of("Amount (USD)", 10), "USD");
    EXPECT_EQ(currency_of("Amount ($)", 10), "$");
    EXPECT_EQ(currency_of("Total (\xE2\x82\xAC)", 10), "\xE2\x82\xAC");
    EXPECT_EQ(currency_of("Amount (THB)", 10), "THB");
    EXPECT_EQ(currency_of("Total", v("EUR 10,50")), "EUR");
    EXPECT_EQ(currency_of("Total", v("1.200,00 \xE2\x82\xAC")), "\xE2\x82\xAC");
    EXPECT_EQ(currency_of("Total", 10), "");
}

TEST(DetectOverrides, ARoleMovesToAnotherColumn)
{
    const workbook book = book_of({shopify_orders()});
    const auto fixed =
        apply_overrides(book, detect_tables(book),
                        {table_override{"orders_export", std::nullopt, {{column_role::amount, 7}}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    expect_role((*fixed)[0], column_role::amount, 7, "Subtotal");
    EXPECT_EQ((*fixed)[0].kind, table_kind::orders);
}

TEST(DetectOverrides, AnOptionalRoleIsRemovedWithNone)
{
    const workbook book = book_of({shopify_orders()});
    const auto fixed = apply_overrides(
        book, detect_tables(book),
        {table_override{"orders_export", std::nullopt, {{column_role::order, std::nullopt}}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    EXPECT_EQ((*fixed)[0].find(column_role::order), nullptr);
    EXPECT_NE((*fixed)[0].find(column_role::customer), nullptr);
}

TEST(DetectOverrides, ANewKindGuessesItsRolesAfresh)
{
    const workbook book = book_of({crm_leads()});
    const auto fixed =
        apply_overrides(book, detect_tables(book), {table_override{"Leads", table_kind::orders, {}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    const table& t = (*fixed)[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::customer, 3, "Email");
    expect_role(t, column_role::date, 8, "Created Date");
    EXPECT_EQ(t.find(column_role::status), nullptr);
}

TEST(DetectOverrides, WarningsFollowTheNewColumns)
{
    rows content{{"Tanggal", "Pelanggan", "Total", "Catatan Total"}};
    append(content, 4, [](int i) { return std::vector<v>{date(jan1 + i), "P", 1000, i ? "Rp 5.000" : "-"}; });
    const workbook book = book_of({make_sheet("S", content)});
    const auto tables = detect_tables(book);
    ASSERT_TRUE(tables[0].warnings.empty());
    const auto fixed =
        apply_overrides(book, tables, {table_override{"S", std::nullopt, {{column_role::amount, 3}}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    const warning* w = find_warning((*fixed)[0], "text_amounts");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->rows, 3u);
    EXPECT_EQ((*fixed)[0].currency, "Rp");
}

TEST(DetectOverrides, AnUnknownTableIsAnError)
{
    const workbook book = book_of({crm_leads(), google_ads_report()});
    const auto fixed =
        apply_overrides(book, detect_tables(book), {table_override{"Lead", table_kind::leads, {}}});
    ASSERT_FALSE(fixed.has_value());
    EXPECT_EQ(fixed.error().kind, kpi::error_kind::invalid_argument);
    EXPECT_EQ(fixed.error().message,
              "KPI sheet: table Lead is not one of the tables found: Leads, Google Ads");
}

TEST(DetectOverrides, AColumnOutsideTheTableIsAnError)
{
    const workbook book = book_of({crm_leads()});
    const auto fixed = apply_overrides(book, detect_tables(book),
                                       {table_override{"Leads", std::nullopt, {{column_role::status, 12}}}});
    ASSERT_FALSE(fixed.has_value());
    EXPECT_EQ(fixed.error().message,
              "KPI sheet: role status of table Leads names column M, outside the table (columns A to J)");
}

TEST(DetectOverrides, AMissingRequiredRoleIsAnError)
{
    const workbook book = book_of({crm_leads()});
    const auto fixed =
        apply_overrides(book, detect_tables(book),
                        {table_override{"Leads", std::nullopt, {{column_role::date, std::nullopt}}}});
    ASSERT_FALSE(fixed.has_value());
    EXPECT_EQ(fixed.error().message, "KPI sheet: table Leads needs a date column to be a leads table");
}

TEST(DetectOverrides, ARoleOfAnotherKindIsAnError)
{
    const workbook book = book_of({crm_leads()});
    const auto fixed = apply_overrides(book, detect_tables(book),
                                       {table_override{"Leads", std::nullopt, {{column_role::clicks, 1}}}});
    ASSERT_FALSE(fixed.has_value());
    EXPECT_EQ(fixed.error().message, "KPI sheet: role clicks of table Leads is not a role of leads tables");
}

TEST(DetectOverrides, AnUnknownTableCanBeGivenAKindAndItsColumns)
{
    rows content{{"Produk", "Waktu Kirim", "Gudang", "Nilai Barang"}};
    append(content, 4, [](int i) {
        return std::vector<v>{"B" + std::to_string(i), date(jan1 + i), "G1", 5000};
    });
    const workbook book = book_of({make_sheet("Kirim", content)});
    const auto tables = detect_tables(book);
    ASSERT_EQ(tables[0].kind, table_kind::unknown);
    const auto fixed = apply_overrides(
        book, tables,
        {table_override{"Kirim", table_kind::orders, {{column_role::customer, 2}, {column_role::date, 1}}},
         table_override{"Kirim", std::nullopt, {{column_role::amount, 3}}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    const table& t = (*fixed)[0];
    EXPECT_EQ(t.kind, table_kind::orders);
    expect_role(t, column_role::customer, 2, "Gudang");
    expect_role(t, column_role::date, 1, "Waktu Kirim");
    expect_role(t, column_role::amount, 3, "Nilai Barang");
    EXPECT_EQ(t.dates, date_storage::serials);
}

TEST(DetectOverrides, TablesOfAnotherWorkbookAreAnError)
{
    const auto tables = detect_tables(book_of({shopee_orders(3), crm_leads()}));
    const auto fixed =
        apply_overrides(book_of({crm_leads()}), tables, {table_override{"Leads", table_kind::leads, {}}});
    ASSERT_FALSE(fixed.has_value());
    EXPECT_EQ(fixed.error().message, "KPI sheet: table Leads is not in this workbook");
}

TEST(DetectOverrides, MarkingATableUnknownDropsItsRoles)
{
    const workbook book = book_of({crm_leads()});
    const auto fixed =
        apply_overrides(book, detect_tables(book), {table_override{"Leads", table_kind::unknown, {}}});
    ASSERT_TRUE(fixed.has_value()) << fixed.error().message;
    EXPECT_EQ((*fixed)[0].kind, table_kind::unknown);
    EXPECT_TRUE((*fixed)[0].columns.empty());
    EXPECT_TRUE((*fixed)[0].warnings.empty());
}

TEST(DetectNames, KindAndRoleNamesReadBack)
{
    for (int k = 0; k <= static_cast<int>(table_kind::unknown); ++k) {
        const auto kind = static_cast<table_kind>(k);
        EXPECT_EQ(parse_table_kind(to_string(kind)), kind);
    }
    for (int r = 0; r <= static_cast<int>(column_role::target); ++r) {
        const auto role = static_cast<column_role>(r);
        EXPECT_EQ(parse_column_role(to_string(role)), role);
    }
    EXPECT_EQ(to_string(table_kind::orders), "orders");
    EXPECT_EQ(to_string(column_role::engaged_sessions), "engaged_sessions");
    EXPECT_EQ(parse_column_role("Key_Events"), column_role::key_events);
    EXPECT_EQ(parse_table_kind("order"), std::nullopt);
    EXPECT_EQ(parse_column_role(""), std::nullopt);
}

TEST(DetectNames, DateOrdersReadBack)
{
    EXPECT_EQ(parse_date_order("DMY"), date_order::dmy);
    EXPECT_EQ(parse_date_order("mdy"), date_order::mdy);
    EXPECT_EQ(parse_date_order("ymd"), date_order::ymd);
    EXPECT_EQ(parse_date_order("unknown"), std::nullopt);
    EXPECT_EQ(to_string(date_order::dmy), "dmy");
}

TEST(DetectNames, RolesOfEachKindStartWithTheRequiredOnes)
{
    EXPECT_EQ(roles_of(table_kind::orders).required,
              (std::vector<column_role>{column_role::customer, column_role::date}));
    EXPECT_EQ(roles_of(table_kind::orders).optional,
              (std::vector<column_role>{column_role::order, column_role::amount}));
    EXPECT_EQ(roles_of(table_kind::leads).required,
              (std::vector<column_role>{column_role::lead, column_role::date}));
    EXPECT_EQ(roles_of(table_kind::campaigns).required,
              (std::vector<column_role>{column_role::campaign, column_role::cost}));
    EXPECT_EQ(roles_of(table_kind::sessions).required,
              (std::vector<column_role>{column_role::duration, column_role::pageviews}));
    EXPECT_EQ(roles_of(table_kind::traffic).required, (std::vector<column_role>{column_role::sessions}));
    EXPECT_EQ(roles_of(table_kind::survey).required, (std::vector<column_role>{column_role::score}));
    EXPECT_EQ(roles_of(table_kind::targets).required,
              (std::vector<column_role>{column_role::kpi, column_role::target}));
    EXPECT_TRUE(roles_of(table_kind::unknown).required.empty());
}

TEST(DetectNames, ColumnLettersReadAsIndices)
{
    EXPECT_EQ(parse_column_letters("A"), 0u);
    EXPECT_EQ(parse_column_letters("F"), 5u);
    EXPECT_EQ(parse_column_letters("f"), 5u);
    EXPECT_EQ(parse_column_letters("Z"), 25u);
    EXPECT_EQ(parse_column_letters("AA"), 26u);
    EXPECT_EQ(parse_column_letters("XFD"), 16383u);
    EXPECT_EQ(parse_column_letters(""), std::nullopt);
    EXPECT_EQ(parse_column_letters("A1"), std::nullopt);
    EXPECT_EQ(parse_column_letters("none"), std::nullopt);
    EXPECT_EQ(parse_column_letters("ABCD"), std::nullopt);
}

} // namespace
