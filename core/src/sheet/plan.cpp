// The plan of a KPI sheet. Layout, left to right: the summary (label, value, period, target, status) in
// columns A-E, the monitoring table by period and its chart from column G; below both, the campaigns table
// and the cohort matrix. Every value is a live formula over the source ranges.
#include "kpi/sheet/plan.hpp"

#include "checks.hpp"
#include "kpi/ids.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <string_view>

namespace kpi::sheet {

namespace {

// Labels of the sheet, English and Indonesian (terms as GA4's Indonesian interface and marketers use them).
struct label_text
{
    std::string_view key;
    std::string_view en;
    std::string_view id;
};

constexpr label_text label_table[] = {
    {"title", "KPI Report", "Laporan KPI"},
    {"period_from", "Data from", "Data dari"},
    {"period_to", "to", "s.d."},
    {"as_of", "As of", "Per tanggal"},
    {"sales", "Sales", "Penjualan"},
    {"acquisition", "Acquisition", "Akuisisi"},
    {"web", "Web", "Web"},
    {"customers", "Customers", "Pelanggan"},
    {"satisfaction", "Satisfaction", "Kepuasan"},
    {"kpi", "KPI", "KPI"},
    {"value", "Value", "Nilai"},
    {"period", "Period", "Periode"},
    {"target", "Target", "Target"},
    {"status", "Status", "Status"},
    {"all_data", "All data", "Semua data"},
    {"latest_period", "Latest period", "Periode terakhir"},
    {"status_met", "▲ Met", "▲ Tercapai"},
    {"status_near", "● Near", "● Hampir"},
    {"status_missed", "▼ Missed", "▼ Tidak tercapai"},
    {"legend", "Status: ▲ Met = target reached · ● Near = missed by at most 5% · ▼ Missed = missed by more",
     "Status: ▲ Tercapai = target tercapai · ● Hampir = selisih paling banyak 5% · ▼ Tidak tercapai = "
     "selisih lebih dari 5%"},
    // orders
    {"orders.customers", "Customers", "Pelanggan"},
    {"orders.orders", "Orders", "Pesanan"},
    {"orders.revenue", "Revenue", "Pendapatan"},
    {"orders.aov", "Average order value (AOV)", "Rata-rata nilai pesanan (AOV)"},
    {"orders.repeat_rate", "Repeat purchase rate", "Tingkat pembelian ulang"},
    {"orders.purchase_frequency", "Orders per customer", "Pesanan per pelanggan"},
    {"orders.new_customers_last", "New customers", "Pelanggan baru"},
    {"orders.active_customers_last", "Active customers", "Pelanggan aktif"},
    {"orders.returning_customers_last", "Returning customers", "Pelanggan kembali"},
    {"orders.revenue_last", "Revenue", "Pendapatan"},
    // leads
    {"leads.leads", "Leads", "Prospek"},
    {"leads.new_leads_last", "New leads", "Prospek baru"},
    {"leads.conversion", "Lead conversion rate", "Tingkat konversi prospek"},
    // campaigns
    {"campaigns.cost", "Ad cost", "Biaya iklan"},
    {"campaigns.ctr", "Click-through rate (CTR)", "Rasio klik-tayang (CTR)"},
    {"campaigns.cpc", "Cost per click (CPC)", "Biaya per klik (CPC)"},
    {"campaigns.cpl", "Cost per lead (CPL)", "Biaya per prospek (CPL)"},
    {"campaigns.cpa", "Cost per acquisition (CPA)", "Biaya per akuisisi (CPA)"},
    {"campaigns.conversion_rate", "Conversion rate (conversions ÷ clicks)",
     "Tingkat konversi (konversi ÷ klik)"},
    {"campaigns.roas", "Return on ad spend (ROAS)", "Laba atas belanja iklan (ROAS)"},
    {"campaigns.roi", "Return on investment (ROI)", "Laba atas investasi (ROI)"},
    // web
    {"sessions.sessions", "Sessions", "Sesi"},
    {"sessions.engaged_sessions", "Engaged sessions", "Sesi dengan interaksi"},
    {"sessions.engagement_rate", "Engagement rate", "Rasio interaksi"},
    {"sessions.bounce_rate", "Bounce rate", "Rasio pentalan"},
    {"sessions.pages_per_session", "Views per session", "Tampilan per sesi"},
    {"traffic.sessions", "Sessions", "Sesi"},
    {"traffic.engaged_sessions", "Engaged sessions", "Sesi dengan interaksi"},
    {"traffic.engagement_rate", "Engagement rate", "Rasio interaksi"},
    {"traffic.bounce_rate", "Bounce rate", "Rasio pentalan"},
    {"traffic.pages_per_session", "Views per session", "Tampilan per sesi"},
    // satisfaction
    {"survey.responses", "Responses", "Jumlah jawaban"},
    {"survey.nps", "Net Promoter Score (NPS)", "Net Promoter Score (NPS)"},
    {"survey.csat", "Customer satisfaction (CSAT)", "Kepuasan pelanggan (CSAT)"},
    // monitoring table
    {"monitoring", "Monitoring by", "Pemantauan per"},
    {"col.period", "Period", "Periode"},
    {"col.active_customers", "Active customers", "Pelanggan aktif"},
    {"col.new_customers", "New customers", "Pelanggan baru"},
    {"col.returning_customers", "Returning customers", "Pelanggan kembali"},
    {"col.orders", "Orders", "Pesanan"},
    {"col.revenue", "Revenue", "Pendapatan"},
    {"col.aov", "AOV", "AOV"},
    {"col.revenue_growth", "Revenue growth", "Pertumbuhan pendapatan"},
    {"chart", "Revenue and active customers", "Pendapatan dan pelanggan aktif"},
    // campaigns table
    {"campaign_table", "Campaigns", "Kampanye"},
    {"col.campaign", "Campaign", "Kampanye"},
    {"col.cost", "Cost", "Biaya"},
    {"col.impressions", "Impressions", "Tayangan"},
    {"col.clicks", "Clicks", "Klik"},
    {"col.ctr", "CTR", "CTR"},
    {"col.cpc", "CPC", "CPC"},
    {"col.leads", "Leads", "Prospek"},
    {"col.cpl", "CPL", "CPL"},
    {"col.conversions", "Conversions", "Konversi"},
    {"col.cpa", "CPA", "CPA"},
    {"col.conversion_rate", "Conv. rate", "Tingkat konversi"},
    {"col.roas", "ROAS", "ROAS"},
    {"col.roi", "ROI", "ROI"},
    {"total", "Total", "Total"},
    // cohort
    {"cohort", "Customer retention by cohort", "Retensi pelanggan per kohort"},
    {"col.cohort", "Cohort", "Kohort"},
    {"col.cohort_size", "Customers", "Pelanggan"},
    {"cohort_note",
     "Share of each cohort's customers who ordered again 0, 1, 2 … periods after their first order; #N/A: "
     "the data has not reached that period yet",
     "Persentase pelanggan tiap kohort yang memesan lagi 0, 1, 2 … periode setelah pesanan pertama; #N/A: "
     "data belum mencapai periode itu"},
    {"source", "Source", "Sumber"},
    {"rows", "rows", "baris"},
};

std::string_view label(language lang, std::string_view key)
{
    for (const auto& entry : label_table)
        if (entry.key == key)
            return lang == language::id ? entry.id : entry.en;
    return key;
}

constexpr std::string_view grain_words[][2] = {
    {"day", "hari"}, {"week", "minggu"}, {"month", "bulan"}, {"quarter", "kuartal"}, {"year", "tahun"}};

std::string_view grain_word(period_grain grain, language lang)
{
    return grain_words[static_cast<int>(grain)][lang == language::id ? 1 : 0];
}

/// The English word of a grain, as KPI.PERIODS and KPI.COHORT read it and the report writes it.
std::string_view grain_name(period_grain grain)
{
    return grain_words[static_cast<int>(grain)][0];
}

// Number formats, English keywords; the add-in converts them to the document's locale.
/// The most rows a sheet prints on one landscape A4 page and stays readable: at the width of the widest plan
/// (columns A to N, about 48 cm, shrunk to 58 %) 72 rows fit; 90 shrink it to 46 %.
constexpr std::size_t rows_on_one_page = 90;
constexpr std::string_view whole_number = "#,##0";
constexpr std::string_view ratio_format = "0.00";
constexpr std::string_view percent_format = "0.0%";
constexpr std::string_view date_format = "D MMM YYYY";

std::string period_format(period_grain grain)
{
    switch (grain) {
    case period_grain::day:
    case period_grain::week:
        return std::string(date_format);
    case period_grain::month:
        return "MMM YYYY";
    case period_grain::quarter:
        return "Q YYYY";
    case period_grain::year:
        return "YYYY";
    }
    return std::string(date_format);
}

/// A money format in the table's currency, as the export names it: "Rp" and "IDR" without decimals.
std::string money_format(std::string_view currency)
{
    if (currency.empty())
        return "#,##0.00";
    std::string quoted = "\"";
    for (const char c : currency)
        if (c != '"')
            quoted.push_back(c);
    const bool rupiah = currency == "Rp" || currency == "IDR";
    const bool symbol = currency == "$" || currency == "€" || currency == "£" || currency == "¥";
    quoted += symbol ? "\"" : " \"";
    return quoted + (rupiah ? "#,##0" : "#,##0.00");
}

/// A number as a formula writes it: whole numbers without decimals.
std::string number_text(double value)
{
    if (std::fabs(value) < 1e15 && value == std::floor(value))
        return std::to_string(static_cast<std::int64_t>(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

/// Money in a table's column: the currency goes into the column's heading, the cells hold the amount.
std::string table_money_format(std::string_view currency)
{
    return currency == "Rp" || currency == "IDR" ? "#,##0" : "#,##0.00";
}

/// A table heading with the currency it is in: "Revenue (Rp)".
std::string with_currency(std::string_view heading, std::string_view currency)
{
    std::string text(heading);
    if (!currency.empty())
        text += " (" + std::string(currency) + ")";
    return text;
}

/// Normalises a KPI's name for matching a targets table: lower-case ASCII letters and digits only.
std::string match_key(std::string_view text)
{
    std::string key;
    for (const char c : text) {
        if (c >= 'A' && c <= 'Z')
            key.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            key.push_back(c);
    }
    return key;
}

/// The day number (days since 1970-01-01) of a date cell or an ISO 8601 text date, if the cell is one.
std::optional<std::int64_t> day_of(const cell& c, std::int64_t day_zero)
{
    if (c.is_numeric() && std::isfinite(c.number) && std::fabs(c.number) < 2e9)
        return static_cast<std::int64_t>(std::floor(c.number)) + day_zero;
    if (c.type == cell_type::text)
        if (const auto date = parse_iso_date(c.text))
            return days_from_civil(*date);
    return std::nullopt;
}

/// The extent in periods of a table's dated rows (rows with an ID when `id_column` is given), and the
/// cohort table's size.
struct date_extent
{
    std::int64_t first_period = std::numeric_limits<std::int64_t>::max();
    std::int64_t last_period = std::numeric_limits<std::int64_t>::min();
    std::size_t cohorts = 0;
    [[nodiscard]] bool empty() const noexcept { return first_period > last_period; }
    [[nodiscard]] std::size_t periods() const noexcept
    {
        return empty() ? 0 : static_cast<std::size_t>(last_period - first_period + 1);
    }
};

date_extent extent_of(const workbook& book, const table& t, std::size_t date_column,
                      std::optional<std::size_t> id_column, period_grain grain)
{
    const sheet_cells& sheet = book.sheets.at(t.sheet);
    const std::int64_t day_zero = days_from_civil(book.null_date);
    date_extent extent;
    id_table ids;
    std::vector<std::int64_t> first_of_id;
    for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
        const auto day = day_of(sheet.at(row, date_column), day_zero);
        if (!day)
            continue;
        const std::int64_t period = period_of_day(*day, grain);
        if (id_column) {
            const cell& id_cell = sheet.at(row, *id_column);
            std::uint32_t id = id_table::no_id;
            if (id_cell.is_numeric())
                id = ids.add_number(id_cell.number);
            else if (id_cell.type == cell_type::text)
                id = ids.add_utf8(id_cell.text);
            if (id == id_table::no_id)
                continue;
            if (id >= first_of_id.size())
                first_of_id.resize(id + 1, std::numeric_limits<std::int64_t>::max());
            first_of_id[id] = std::min(first_of_id[id], period);
        }
        extent.first_period = std::min(extent.first_period, period);
        extent.last_period = std::max(extent.last_period, period);
    }
    std::sort(first_of_id.begin(), first_of_id.end());
    extent.cohorts =
        static_cast<std::size_t>(std::unique(first_of_id.begin(), first_of_id.end()) - first_of_id.begin());
    return extent;
}

/// The coarsest grain that keeps a cohort matrix readable: the chosen one, but never days, and coarser
/// while the data spans more than 36 periods.
period_grain cohort_grain(const workbook& book, const table& t, std::size_t date_column,
                          std::size_t id_column, period_grain chosen)
{
    period_grain grain = chosen == period_grain::day ? period_grain::week : chosen;
    while (grain != period_grain::year && extent_of(book, t, date_column, id_column, grain).periods() > 36)
        grain = static_cast<period_grain>(static_cast<int>(grain) + 1);
    return grain;
}

class planner
{
public:
    planner(const workbook& book, const std::vector<table>& tables, const build_options& options)
        : book_(book), tables_(tables), options_(options)
    {
        plan_.sheet_name = options.sheet_name;
    }

    result<sheet_plan> run()
    {
        collect_targets();
        title();
        row_ = 4;
        for (const auto& section : {"sales", "acquisition", "web", "customers", "satisfaction"})
            summary_section(section);
        if (plan_.kpis.empty())
            return fail(error_kind::no_result, message_id::no_kpi_tables, "KPI sheet");
        if (status_written_) {
            put(2, 0, std::string(text("legend")), cell_style::note);
        }
        std::size_t below = std::max(row_, right_bottom_) + 1;
        below = campaigns_table(below);
        below = cohort_table(below);
        source_note(below);
        // Labels in A; every other column is as wide as a money value, since the tables below the summary
        // (campaigns, cohorts) reuse the columns of the summary, the gap and the monitoring table.
        plan_.column_widths = {{0, 7800}};
        for (std::size_t c = 1; c <= plan_.last_column; ++c)
            plan_.column_widths.emplace_back(c, c == 4 ? 3800 : 3000); // E: the status words
        if (plan_.last_row + 1 > rows_on_one_page)
            plan_.pages_tall = 0;
        for (const auto& t : tables_)
            plan_.warnings.insert(plan_.warnings.end(), t.warnings.begin(), t.warnings.end());
        return std::move(plan_);
    }

private:
    // --- writing -------------------------------------------------------------------------------------
    void put(std::size_t row, std::size_t column, std::string content, cell_style style,
             std::string format = {})
    {
        plan_.cells.push_back(plan_cell{row, column, std::move(content), style, std::move(format)});
        plan_.last_row = std::max(plan_.last_row, row);
        plan_.last_column = std::max(plan_.last_column, column);
    }

    [[nodiscard]] std::string_view text(std::string_view key) const { return label(options_.labels, key); }

    /// A quoted text for a formula: "a ""b""".
    static std::string string_literal(std::string_view text)
    {
        std::string out = "\"";
        for (const char c : text) {
            out.push_back(c);
            if (c == '"')
                out.push_back('"');
        }
        return out + "\"";
    }

    [[nodiscard]] std::string cell_ref(std::size_t row, std::size_t column) const
    {
        return absolute_range(plan_.sheet_name, row, column, row, column);
    }

    /// The absolute source range of a table's role column.
    [[nodiscard]] std::string range(const table& t, column_role role) const
    {
        const role_column* c = t.find(role);
        return absolute_range(t.sheet_name, t.first_row, c->column, t.last_row, c->column);
    }

    /// The prefix of a table's KPI ids: its kind, numbered from the second table of the same kind on.
    [[nodiscard]] std::string id_prefix(std::size_t index) const
    {
        std::size_t same = 0;
        for (std::size_t i = 0; i < index; ++i)
            same += tables_[i].kind == tables_[index].kind ? 1 : 0;
        std::string prefix(to_string(tables_[index].kind));
        if (same > 0)
            prefix += std::to_string(same + 1);
        return prefix;
    }

    /// Writes one KPI row of the summary: label, value, period; target and status when the workbook has a
    /// target for it. `lower_is_better` for costs and the bounce rate. Returns the value's cell reference.
    std::string kpi(const std::string& id, std::string_view label_key, const std::string& formula,
                    std::string format, const std::string& period, bool lower_is_better = false)
    {
        std::string label_text(text(label_key));
        if (label_suffix_.size())
            label_text += " (" + label_suffix_ + ")";
        put(row_, 0, label_text, cell_style::label);
        put(row_, 1, formula, cell_style::value, format);
        put(row_, 2, period, cell_style::period, period.starts_with("=") ? period_format_ : std::string{});
        plan_.kpis.push_back(plan_kpi{id, label_text, row_, 1, formula});
        const std::string value = cell_ref(row_, 1);
        if (const auto target = find_target(id, label_key)) {
            put(row_, 3, "=" + *target, cell_style::value, format);
            const std::string status = "KPI.STATUS(" + value + ";" + cell_ref(row_, 3) + ";0.05;" +
                                       (lower_is_better ? "0" : "1") + ")";
            put(row_, 4,
                "=CHOOSE(" + status + "+2;" + string_literal(text("status_missed")) + ";" +
                    string_literal(text("status_near")) + ";" + string_literal(text("status_met")) + ")",
                cell_style::status);
            status_written_ = true;
        }
        ++row_;
        return value;
    }

    void heading(std::string_view section_key)
    {
        ++row_;
        put(row_, 0, std::string(text(section_key)), cell_style::section);
        for (std::size_t c = 1; c <= 4; ++c)
            put(row_, c,
                c == 1   ? std::string(text("value"))
                : c == 2 ? std::string(text("period"))
                : c == 3 ? (targets_.empty() ? std::string{} : std::string(text("target")))
                         : (targets_.empty() ? std::string{} : std::string(text("status"))),
                cell_style::section);
        ++row_;
    }

    // --- title ---------------------------------------------------------------------------------------
    void title()
    {
        put(0, 0, std::string(text("title")), cell_style::title);
        std::vector<std::string> minima, maxima;
        for (const auto& t : tables_) {
            const role_column* d = t.find(column_role::date);
            if (d == nullptr || t.kind == table_kind::unknown || t.kind == table_kind::targets ||
                t.dates == date_storage::other || t.dates == date_storage::none)
                continue;
            minima.push_back(date_extreme(t, "MIN"));
            maxima.push_back(date_extreme(t, "MAX"));
        }
        if (minima.empty())
            return;
        const auto join = [](const std::vector<std::string>& parts) {
            std::string out;
            for (const auto& p : parts)
                out += (out.empty() ? "" : ";") + p;
            return out;
        };
        put(1, 0, std::string(text("period_from")), cell_style::subtitle);
        put(1, 1, "=MIN(" + join(minima) + ")", cell_style::subtitle, std::string(date_format));
        put(1, 2, std::string(text("period_to")), cell_style::subtitle);
        put(1, 3, "=MAX(" + join(maxima) + ")", cell_style::subtitle, std::string(date_format));
        put(0, 3, std::string(text("as_of")), cell_style::subtitle);
        put(0, 4, "=" + cell_ref(1, 3), cell_style::subtitle, std::string(date_format));
    }

    /// MIN or MAX of a table's date column, reading ISO 8601 text dates too (DATEVALUE reads them in every
    /// locale), as one expression.
    [[nodiscard]] std::string date_extreme(const table& t, std::string_view function) const
    {
        const std::string r = range(t, column_role::date);
        if (t.dates == date_storage::serials)
            return std::string(function) + "(" + r + ")";
        const std::string fallback = function == "MIN" ? "1E+9" : "-1E+9";
        return "SUMPRODUCT(" + std::string(function) + "(IF(ISNUMBER(" + r + ");INT(" + r +
               ");IFERROR(DATEVALUE(LEFT(" + r + ";10));" + fallback + "))))";
    }

    /// Writes the latest-period row of a dated table: the first and last day of the grain period that holds
    /// its latest date. Returns the two cells.
    std::pair<std::string, std::string> latest_period(const table& t)
    {
        const std::string latest = date_extreme(t, "MAX");
        std::string start;
        switch (options_.grain) {
        case period_grain::day:
            start = "=INT(" + latest + ")";
            break;
        case period_grain::week:
            start = "=INT(" + latest + ")-WEEKDAY(" + latest + ";3)";
            break;
        case period_grain::month:
            start = "=DATE(YEAR(" + latest + ");MONTH(" + latest + ");1)";
            break;
        case period_grain::quarter:
            start = "=DATE(YEAR(" + latest + ");INT((MONTH(" + latest + ")-1)/3)*3+1;1)";
            break;
        case period_grain::year:
            start = "=DATE(YEAR(" + latest + ");1;1)";
            break;
        }
        const std::string first = cell_ref(row_, 1);
        std::string end;
        switch (options_.grain) {
        case period_grain::day:
            end = "=" + first;
            break;
        case period_grain::week:
            end = "=" + first + "+6";
            break;
        case period_grain::month: // the day before the next month's first
            end = "=DATE(YEAR(" + first + ");MONTH(" + first + ")+1;0)";
            break;
        case period_grain::quarter:
            end = "=DATE(YEAR(" + first + ");MONTH(" + first + ")+3;0)";
            break;
        case period_grain::year:
            end = "=DATE(YEAR(" + first + ");12;31)";
            break;
        }
        std::string label_text = std::string(text("latest_period")) + " (" +
                                 std::string(grain_word(options_.grain, options_.labels)) + ")";
        if (!label_suffix_.empty())
            label_text += " (" + label_suffix_ + ")";
        put(row_, 0, label_text, cell_style::label);
        put(row_, 1, start, cell_style::period, std::string(date_format));
        put(row_, 2, end, cell_style::period, std::string(date_format));
        ++row_;
        return {first, cell_ref(row_ - 1, 2)};
    }

    // --- summary sections ----------------------------------------------------------------------------
    void summary_section(std::string_view section)
    {
        bool started = false;
        const auto start = [&] {
            if (!started)
                heading(section);
            started = true;
        };
        period_format_ = period_format(options_.grain);
        for (std::size_t i = 0; i < tables_.size(); ++i) {
            const table& t = tables_[i];
            label_suffix_ = several_of(t.kind) ? t.sheet_name : std::string{};
            const std::string prefix = id_prefix(i);
            if (section == "sales" && t.kind == table_kind::orders && t.find(column_role::amount)) {
                start();
                sales(t, prefix);
            } else if (section == "acquisition" && t.kind == table_kind::leads) {
                start();
                leads(t, prefix);
            } else if (section == "acquisition" && t.kind == table_kind::campaigns) {
                start();
                campaigns(t, prefix);
            } else if (section == "web" && t.kind == table_kind::sessions) {
                start();
                sessions(t, prefix);
            } else if (section == "web" && t.kind == table_kind::traffic) {
                start();
                traffic(t, prefix);
            } else if (section == "customers" && t.kind == table_kind::orders) {
                start();
                customers(t, prefix, i);
            } else if (section == "satisfaction" && t.kind == table_kind::survey) {
                start();
                survey(t, prefix);
            }
        }
        label_suffix_.clear();
    }

    /// Whether more than one table writes KPIs of the same names as a table of this kind: then each label
    /// names its sheet. Sessions and traffic tables both give sessions, engagement and bounce rates.
    [[nodiscard]] bool several_of(table_kind kind) const
    {
        const auto family = [](table_kind k) { return k == table_kind::traffic ? table_kind::sessions : k; };
        return std::count_if(tables_.begin(), tables_.end(),
                             [&](const table& t) { return family(t.kind) == family(kind); }) > 1;
    }

    [[nodiscard]] std::string all_data() const { return std::string(text("all_data")); }

    /// The ID range and, when given, the order-ID range of an orders table, as KPI arguments.
    [[nodiscard]] std::string customers_and_orders(const table& t) const
    {
        std::string args = range(t, column_role::customer);
        if (t.find(column_role::order))
            args += ";" + range(t, column_role::order);
        return args;
    }

    void sales(const table& t, const std::string& prefix)
    {
        const std::string money = money_format(t.currency);
        const std::string revenue = kpi(prefix + ".revenue", "orders.revenue",
                                        "=SUM(" + range(t, column_role::amount) + ")", money, all_data());
        const std::string orders =
            kpi(prefix + ".orders", "orders.orders",
                t.find(column_role::order) ? "=KPI.DISTINCT(" + range(t, column_role::order) + ")"
                                           : "=COUNTA(" + range(t, column_role::customer) + ")",
                std::string(whole_number), all_data());
        kpi(prefix + ".aov", "orders.aov", "=KPI.AOV(" + revenue + ";" + orders + ")", money, all_data());
    }

    void customers(const table& t, const std::string& prefix, std::size_t index)
    {
        kpi(prefix + ".customers", "orders.customers",
            "=KPI.DISTINCT(" + range(t, column_role::customer) + ")", std::string(whole_number), all_data());
        kpi(prefix + ".repeat_rate", "orders.repeat_rate", "=KPI.REPEATRATE(" + customers_and_orders(t) + ")",
            std::string(percent_format), all_data());
        kpi(prefix + ".purchase_frequency", "orders.purchase_frequency",
            "=KPI.PURCHASEFREQ(" + customers_and_orders(t) + ")", std::string(ratio_format), all_data());
        if (!usable_dates(t))
            return;
        const auto [start, end] = latest_period(t);
        const std::string args = range(t, column_role::customer) + ";" + range(t, column_role::date) + ";" +
                                 start + ";" + end + ")";
        const std::string period = "=" + start;
        kpi(prefix + ".new_customers_last", "orders.new_customers_last", "=KPI.NEWPROSPECTS(" + args,
            std::string(whole_number), period);
        kpi(prefix + ".active_customers_last", "orders.active_customers_last", "=KPI.ACTIVE(" + args,
            std::string(whole_number), period);
        kpi(prefix + ".returning_customers_last", "orders.returning_customers_last", "=KPI.RETURNING(" + args,
            std::string(whole_number), period);
        if (!plan_.periods)
            monitoring_table(t, index);
    }

    [[nodiscard]] static bool usable_dates(const table& t)
    {
        return t.find(column_role::date) != nullptr &&
               (t.dates == date_storage::serials || t.dates == date_storage::iso_text ||
                t.dates == date_storage::mixed);
    }

    void leads(const table& t, const std::string& prefix)
    {
        kpi(prefix + ".leads", "leads.leads", "=KPI.DISTINCT(" + range(t, column_role::lead) + ")",
            std::string(whole_number), all_data());
        if (usable_dates(t)) {
            const auto [start, end] = latest_period(t);
            kpi(prefix + ".new_leads_last", "leads.new_leads_last",
                "=KPI.NEWPROSPECTS(" + range(t, column_role::lead) + ";" + range(t, column_role::date) + ";" +
                    start + ";" + end + ")",
                std::string(whole_number), "=" + start);
        }
        if (const role_column* status = t.find(column_role::status)) {
            const auto words = conversion_words(t, status->column);
            if (words.empty()) {
                plan_.warnings.push_back(warning{
                    t.sheet_name, column_letters(status->column), "no_conversion_status", t.row_count(),
                    "column " + status->header +
                        " has no value that marks a converted lead (won, converted, closed won, deal, "
                        "closing, "
                        "terjual, berhasil): the lead conversion rate is not written"});
                return;
            }
            std::string list;
            for (const auto& w : words)
                list += (list.empty() ? "" : ";") + string_literal(w);
            kpi(prefix + ".conversion", "leads.conversion",
                "=KPI.CONVERSION(SUMPRODUCT(COUNTIF(" + range(t, column_role::status) + ";{" + list +
                    "}));COUNTA(" + range(t, column_role::lead) + "))",
                std::string(percent_format), all_data());
        }
    }

    /// The status values of a leads table that mark a conversion, as written in the data (first spelling).
    [[nodiscard]] std::vector<std::string> conversion_words(const table& t, std::size_t column) const
    {
        static constexpr std::string_view converted[] = {
            "won",     "converted", "closed won",   "closedwon", "deal",  "closing",
            "terjual", "berhasil",  "closed - won", "sukses",    "menang"};
        const sheet_cells& sheet = book_.sheets.at(t.sheet);
        std::vector<std::string> found, keys;
        for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
            const cell& c = sheet.at(row, column);
            if (c.type != cell_type::text)
                continue;
            const std::string key = detail::lower_ascii(c.text);
            if (std::find(std::begin(converted), std::end(converted), key) == std::end(converted) ||
                std::find(keys.begin(), keys.end(), key) != keys.end())
                continue;
            keys.push_back(key);
            found.push_back(c.text);
        }
        return found;
    }

    [[nodiscard]] std::string sum(const table& t, column_role role) const
    {
        return "SUM(" + range(t, role) + ")";
    }

    void campaigns(const table& t, const std::string& prefix)
    {
        const std::string money = money_format(t.currency);
        kpi(prefix + ".cost", "campaigns.cost", "=" + sum(t, column_role::cost), money, all_data());
        const auto has = [&](column_role r) { return t.find(r) != nullptr; };
        const std::string cost = sum(t, column_role::cost);
        if (has(column_role::clicks) && has(column_role::impressions))
            kpi(prefix + ".ctr", "campaigns.ctr",
                "=KPI.CTR(" + sum(t, column_role::clicks) + ";" + sum(t, column_role::impressions) + ")",
                std::string(percent_format), all_data());
        if (has(column_role::clicks))
            kpi(prefix + ".cpc", "campaigns.cpc",
                "=KPI.CPC(" + cost + ";" + sum(t, column_role::clicks) + ")", money, all_data(), true);
        if (has(column_role::leads))
            kpi(prefix + ".cpl", "campaigns.cpl", "=KPI.CPL(" + cost + ";" + sum(t, column_role::leads) + ")",
                money, all_data(), true);
        if (has(column_role::conversions))
            kpi(prefix + ".cpa", "campaigns.cpa",
                "=KPI.CPA(" + cost + ";" + sum(t, column_role::conversions) + ")", money, all_data(), true);
        if (has(column_role::conversions) && has(column_role::clicks))
            kpi(prefix + ".conversion_rate", "campaigns.conversion_rate",
                "=KPI.CONVERSION(" + sum(t, column_role::conversions) + ";" + sum(t, column_role::clicks) +
                    ")",
                std::string(percent_format), all_data());
        if (has(column_role::revenue)) {
            kpi(prefix + ".roas", "campaigns.roas",
                "=KPI.ROAS(" + sum(t, column_role::revenue) + ";" + cost + ")", std::string(ratio_format),
                all_data());
            kpi(prefix + ".roi", "campaigns.roi",
                "=KPI.ROI(" + sum(t, column_role::revenue) + ";" + cost + ")", std::string(percent_format),
                all_data());
        }
        campaign_tables_.push_back(&t);
    }

    void sessions(const table& t, const std::string& prefix)
    {
        std::string any_number = "ISNUMBER(" + range(t, column_role::duration) + ")+ISNUMBER(" +
                                 range(t, column_role::pageviews) + ")";
        std::string key_events;
        if (t.find(column_role::key_events)) {
            any_number += "+ISNUMBER(" + range(t, column_role::key_events) + ")";
            key_events = ";" + range(t, column_role::key_events);
        }
        const std::string count =
            kpi(prefix + ".sessions", "sessions.sessions", "=SUMPRODUCT((" + any_number + ")>0)",
                std::string(whole_number), all_data());
        const std::string engaged = kpi(prefix + ".engaged_sessions", "sessions.engaged_sessions",
                                        "=KPI.ENGAGEDSESSIONS(" + range(t, column_role::duration) + ";" +
                                            range(t, column_role::pageviews) + key_events + ")",
                                        std::string(whole_number), all_data());
        kpi(prefix + ".engagement_rate", "sessions.engagement_rate",
            "=KPI.ENGAGEMENTRATE(" + engaged + ";" + count + ")", std::string(percent_format), all_data());
        kpi(prefix + ".bounce_rate", "sessions.bounce_rate", "=KPI.BOUNCERATE(" + engaged + ";" + count + ")",
            std::string(percent_format), all_data(), true);
        kpi(prefix + ".pages_per_session", "sessions.pages_per_session",
            "=KPI.PAGESPERSESSION(" + sum(t, column_role::pageviews) + ";" + count + ")",
            std::string(ratio_format), all_data());
    }

    void traffic(const table& t, const std::string& prefix)
    {
        const std::string count =
            kpi(prefix + ".sessions", "traffic.sessions", "=" + sum(t, column_role::sessions),
                std::string(whole_number), all_data());
        if (t.find(column_role::engaged_sessions)) {
            const std::string engaged =
                kpi(prefix + ".engaged_sessions", "traffic.engaged_sessions",
                    "=" + sum(t, column_role::engaged_sessions), std::string(whole_number), all_data());
            kpi(prefix + ".engagement_rate", "traffic.engagement_rate",
                "=KPI.ENGAGEMENTRATE(" + engaged + ";" + count + ")", std::string(percent_format),
                all_data());
            kpi(prefix + ".bounce_rate", "traffic.bounce_rate",
                "=KPI.BOUNCERATE(" + engaged + ";" + count + ")", std::string(percent_format), all_data(),
                true);
        }
        if (t.find(column_role::pageviews))
            kpi(prefix + ".pages_per_session", "traffic.pages_per_session",
                "=KPI.PAGESPERSESSION(" + sum(t, column_role::pageviews) + ";" + count + ")",
                std::string(ratio_format), all_data());
    }

    void survey(const table& t, const std::string& prefix)
    {
        const std::string scores = range(t, column_role::score);
        kpi(prefix + ".responses", "survey.responses", "=COUNT(" + scores + ")", std::string(whole_number),
            all_data());
        // 0-10 answers are NPS; 1-5 answers are CSAT (as detection tells, else from the highest answer).
        double highest = 0;
        const sheet_cells& sheet = book_.sheets.at(t.sheet);
        const std::size_t column = t.find(column_role::score)->column;
        for (std::size_t row = t.first_row; row <= t.last_row; ++row)
            if (sheet.at(row, column).is_numeric())
                highest = std::max(highest, sheet.at(row, column).number);
        const bool nps = t.score_scale == 10 || (t.score_scale == 0 && highest > 5);
        if (nps)
            kpi(prefix + ".nps", "survey.nps", "=KPI.NPS(" + scores + ")", "0.0", all_data());
        else
            kpi(prefix + ".csat", "survey.csat", "=KPI.CSAT(" + scores + ")", std::string(percent_format),
                all_data());
    }

    // --- monitoring table ----------------------------------------------------------------------------
    void monitoring_table(const table& t, std::size_t /*index*/)
    {
        const std::size_t date_column = t.find(column_role::date)->column;
        const std::size_t id_column = t.find(column_role::customer)->column;
        const date_extent extent = extent_of(book_, t, date_column, id_column, options_.grain);
        if (extent.empty() || extent.periods() > 1000) {
            if (!extent.empty())
                plan_.warnings.push_back(
                    warning{t.sheet_name, column_letters(date_column), "too_many_periods", 0,
                            "the dates of column " + t.find(column_role::date)->header + " span " +
                                std::to_string(extent.periods()) + " " +
                                std::string(grain_word(options_.grain, language::en)) +
                                "s: choose a coarser grain to get the monitoring table"});
            return;
        }
        const std::size_t top = 4, left = 6;
        const std::size_t rows = extent.periods();
        put(top, left,
            std::string(text("monitoring")) + " " + std::string(grain_word(options_.grain, options_.labels)),
            cell_style::section);
        static constexpr std::string_view ids[] = {
            "period", "active_customers", "new_customers", "returning_customers",
            "orders", "revenue",          "aov",           "revenue_growth"};
        for (std::size_t c = 0; c < std::size(ids); ++c) {
            if (c > 0)
                put(top, left + c, {}, cell_style::section);
            const std::string_view heading = text("col." + std::string(ids[c]));
            const bool is_money = ids[c] == "revenue" || ids[c] == "aov";
            put(top + 1, left + c, is_money ? with_currency(heading, t.currency) : std::string(heading),
                cell_style::header);
        }
        const std::string money = table_money_format(t.currency);
        const bool amounts = t.find(column_role::amount) != nullptr;
        std::string formula = "=KPI.PERIODS(" + range(t, column_role::customer) + ";" +
                              range(t, column_role::date) + ";" + string_literal(grain_name(options_.grain)) +
                              ";" + (amounts ? range(t, column_role::amount) : std::string{}) + ";" +
                              (t.find(column_role::order) ? range(t, column_role::order) : std::string{}) +
                              ")";
        const std::size_t first = top + 2;
        plan_.arrays.push_back(
            plan_array{first,
                       left,
                       rows,
                       7,
                       formula,
                       {period_format_, std::string(whole_number), std::string(whole_number),
                        std::string(whole_number), std::string(whole_number), money, money}});
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t row = first + r;
            if (r == 0) {
                put(row, left + 7, "–", cell_style::value);
                continue;
            }
            const std::string current = cell_ref(row, left + 5), previous = cell_ref(row - 1, left + 5);
            put(row, left + 7, "=IF(" + previous + "=0;\"–\";KPI.GROWTH(" + current + ";" + previous + "))",
                cell_style::value, std::string(percent_format));
        }
        plan_.last_row = std::max(plan_.last_row, first + rows - 1);
        plan_.last_column = std::max(plan_.last_column, left + 7);
        plan_.periods = plan_periods{first, left, rows, {std::begin(ids), std::end(ids)}, options_.grain};
        // The chart of revenue (bars) and active customers (line) by period, under the table.
        const std::size_t chart_top = first + rows + 1;
        plan_.charts.push_back(plan_chart{"KPIRevenueChart", std::string(text("chart")), chart_top, left, 16,
                                          8, first, first + rows - 1, left, amounts ? left + 5 : left + 4,
                                          left + 1, std::string(text(amounts ? "col.revenue" : "col.orders")),
                                          std::string(text("col.active_customers"))});
        right_bottom_ = chart_top + 16;
        plan_.last_row = std::max(plan_.last_row, right_bottom_);
    }

    // --- campaigns table -----------------------------------------------------------------------------
    std::size_t campaigns_table(std::size_t top)
    {
        for (const table* t : campaign_tables_)
            top = campaigns_of(*t, top);
        return top;
    }

    std::size_t campaigns_of(const table& t, std::size_t top)
    {
        const std::string money = table_money_format(t.currency);
        struct column_spec
        {
            std::string_view key;
            std::optional<column_role> source; ///< a summed column, or a ratio of others
            std::string format;
            bool money = false; ///< in the table's currency, named in the heading
        };
        const auto has = [&](column_role r) { return t.find(r) != nullptr; };
        std::vector<column_spec> columns{{"col.cost", column_role::cost, money, true}};
        if (has(column_role::impressions))
            columns.push_back({"col.impressions", column_role::impressions, std::string(whole_number)});
        if (has(column_role::clicks))
            columns.push_back({"col.clicks", column_role::clicks, std::string(whole_number)});
        if (has(column_role::clicks) && has(column_role::impressions))
            columns.push_back({"col.ctr", std::nullopt, std::string(percent_format)});
        if (has(column_role::clicks))
            columns.push_back({"col.cpc", std::nullopt, money, true});
        if (has(column_role::leads)) {
            columns.push_back({"col.leads", column_role::leads, std::string(whole_number)});
            columns.push_back({"col.cpl", std::nullopt, money, true});
        }
        if (has(column_role::conversions)) {
            columns.push_back({"col.conversions", column_role::conversions, std::string(whole_number)});
            columns.push_back({"col.cpa", std::nullopt, money, true});
            if (has(column_role::clicks))
                columns.push_back({"col.conversion_rate", std::nullopt, std::string(percent_format)});
        }
        if (has(column_role::revenue)) {
            columns.push_back({"col.revenue", column_role::revenue, money, true});
            columns.push_back({"col.roas", std::nullopt, std::string(ratio_format)});
            columns.push_back({"col.roi", std::nullopt, std::string(percent_format)});
        }
        put(top, 0,
            std::string(text("campaign_table")) +
                (several_of(table_kind::campaigns) ? " (" + t.sheet_name + ")" : ""),
            cell_style::section);
        for (std::size_t c = 1; c <= columns.size(); ++c)
            put(top, c, {}, cell_style::section);
        put(top + 1, 0, std::string(text("col.campaign")), cell_style::header);
        for (std::size_t c = 0; c < columns.size(); ++c)
            put(top + 1, c + 1,
                columns[c].money ? with_currency(text(columns[c].key), t.currency)
                                 : std::string(text(columns[c].key)),
                cell_style::header);

        // One row per distinct campaign name (case folded, as Calc compares), in the order of the data.
        const sheet_cells& sheet = book_.sheets.at(t.sheet);
        const std::size_t name_column = t.find(column_role::campaign)->column;
        std::vector<std::string> names, keys;
        for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
            const cell& c = sheet.at(row, name_column);
            std::string name = c.type == cell_type::text ? c.text
                               : c.is_numeric()          ? number_text(c.number)
                                                         : std::string{};
            if (name.empty())
                continue;
            const std::string key = detail::lower_ascii(name);
            if (std::find(keys.begin(), keys.end(), key) != keys.end())
                continue;
            keys.push_back(key);
            names.push_back(c.type == cell_type::text ? c.text : "=" + name);
        }
        std::size_t row = top + 2;
        const std::string names_range = range(t, column_role::campaign);
        const auto value_column = [&](std::string_view key) -> std::optional<std::size_t> {
            for (std::size_t c = 0; c < columns.size(); ++c)
                if (columns[c].key == key)
                    return c + 1;
            return std::nullopt;
        };
        const auto write_row = [&](std::size_t r, const std::function<std::string(column_role)>& total_of,
                                   bool is_total) {
            const auto ref = [&](std::string_view key) { return cell_ref(r, *value_column(key)); };
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const auto& spec = columns[c];
                std::string formula;
                if (spec.source)
                    formula = "=" + total_of(*spec.source);
                else if (spec.key == "col.ctr")
                    formula = "=KPI.CTR(" + ref("col.clicks") + ";" + ref("col.impressions") + ")";
                else if (spec.key == "col.cpc")
                    formula = "=KPI.CPC(" + ref("col.cost") + ";" + ref("col.clicks") + ")";
                else if (spec.key == "col.cpl")
                    formula = "=KPI.CPL(" + ref("col.cost") + ";" + ref("col.leads") + ")";
                else if (spec.key == "col.cpa")
                    formula = "=KPI.CPA(" + ref("col.cost") + ";" + ref("col.conversions") + ")";
                else if (spec.key == "col.conversion_rate")
                    formula = "=KPI.CONVERSION(" + ref("col.conversions") + ";" + ref("col.clicks") + ")";
                else if (spec.key == "col.roas")
                    formula = "=KPI.ROAS(" + ref("col.revenue") + ";" + ref("col.cost") + ")";
                else if (spec.key == "col.roi")
                    formula = "=KPI.ROI(" + ref("col.revenue") + ";" + ref("col.cost") + ")";
                put(r, c + 1, formula, is_total ? cell_style::total_value : cell_style::value, spec.format);
            }
        };
        for (const auto& name : names) {
            put(row, 0, name, cell_style::label);
            const std::string name_cell = cell_ref(row, 0);
            write_row(
                row,
                [&](column_role role) {
                    return "SUMPRODUCT(" + names_range + "=" + name_cell + ";" + range(t, role) + ")";
                },
                false);
            ++row;
        }
        // The pooled total: sums of the source columns, ratios of the sums (never averages of row ratios).
        put(row, 0, std::string(text("total")), cell_style::total_label);
        write_row(
            row, [&](column_role role) { return sum(t, role); }, true);
        plan_.last_column = std::max(plan_.last_column, columns.size());
        return row + 2;
    }

    // --- cohort matrix -------------------------------------------------------------------------------
    std::size_t cohort_table(std::size_t top)
    {
        for (const auto& t : tables_) {
            if (t.kind != table_kind::orders || !usable_dates(t))
                continue;
            const std::size_t date_column = t.find(column_role::date)->column;
            const std::size_t id_column = t.find(column_role::customer)->column;
            const period_grain grain = cohort_grain(book_, t, date_column, id_column, options_.grain);
            const date_extent extent = extent_of(book_, t, date_column, id_column, grain);
            if (extent.empty() || extent.periods() > 60)
                continue;
            put(top, 0,
                std::string(text("cohort")) + " (" + std::string(grain_word(grain, options_.labels)) + ")" +
                    (several_of(table_kind::orders) ? " (" + t.sheet_name + ")" : ""),
                cell_style::section);
            const std::size_t columns = extent.periods() + 2;
            for (std::size_t c = 1; c < columns; ++c)
                put(top, c, {}, cell_style::section);
            put(top + 1, 0, std::string(text("col.cohort")), cell_style::header);
            put(top + 1, 1, std::string(text("col.cohort_size")), cell_style::header);
            for (std::size_t k = 0; k + 2 < columns; ++k)
                put(top + 1, k + 2, "+" + std::to_string(k), cell_style::header);
            std::vector<std::string> formats{period_format(grain), std::string(whole_number)};
            formats.resize(columns, "0%");
            const std::size_t first = top + 2;
            plan_.arrays.push_back(plan_array{first, 0, extent.cohorts, columns,
                                              "=KPI.COHORT(" + range(t, column_role::customer) + ";" +
                                                  range(t, column_role::date) + ";" +
                                                  string_literal(grain_name(grain)) + ")",
                                              formats});
            plan_.color_scales.push_back(plan_color_scale{first, 2, first + extent.cohorts - 1, columns - 1});
            plan_.last_row = std::max(plan_.last_row, first + extent.cohorts - 1);
            plan_.last_column = std::max(plan_.last_column, columns - 1);
            put(first + extent.cohorts, 0, std::string(text("cohort_note")), cell_style::note);
            top = first + extent.cohorts + 2;
        }
        return top;
    }

    void source_note(std::size_t row)
    {
        std::string sources;
        for (std::size_t i = 0; i < tables_.size(); ++i) {
            const table& t = tables_[i];
            if (t.kind == table_kind::unknown)
                continue;
            sources += (sources.empty() ? "" : " · ") + t.sheet_name + " " + column_letters(t.first_column) +
                       std::to_string(t.first_row + 1) + ":" + column_letters(t.last_column) +
                       std::to_string(t.last_row + 1) + " (" + std::to_string(t.row_count()) + " " +
                       std::string(text("rows")) + ")";
        }
        put(row, 0, std::string(text("source")) + ": " + sources, cell_style::note);
    }

    // --- targets -------------------------------------------------------------------------------------
    void collect_targets()
    {
        for (const auto& t : tables_) {
            if (t.kind != table_kind::targets)
                continue;
            const sheet_cells& sheet = book_.sheets.at(t.sheet);
            const std::size_t name_column = t.find(column_role::kpi)->column;
            const std::size_t target_column = t.find(column_role::target)->column;
            for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
                const cell& name = sheet.at(row, name_column);
                if (name.type != cell_type::text || !sheet.at(row, target_column).is_numeric())
                    continue;
                targets_.emplace(match_key(name.text),
                                 absolute_range(t.sheet_name, row, target_column, row, target_column));
            }
        }
    }

    /// The target cell for a KPI: the targets table names it by id ("orders.aov"), by the id's last part
    /// ("aov") or by its English or Indonesian label.
    [[nodiscard]] std::optional<std::string> find_target(const std::string& id,
                                                         std::string_view label_key) const
    {
        if (targets_.empty())
            return std::nullopt;
        const std::string_view tail = std::string_view(id).substr(id.find('.') + 1);
        for (const std::string& key :
             {match_key(id), match_key(tail), match_key(label(language::en, label_key)),
              match_key(label(language::id, label_key))}) {
            if (const auto found = targets_.find(key); found != targets_.end())
                return found->second;
        }
        return std::nullopt;
    }

    const workbook& book_;
    const std::vector<table>& tables_;
    const build_options& options_;
    sheet_plan plan_;
    std::size_t row_ = 0;          ///< the next row of the summary
    std::size_t right_bottom_ = 0; ///< the last row used by the monitoring table and its chart
    std::string label_suffix_;     ///< the sheet name after a label when two tables have the same kind
    std::string period_format_;
    bool status_written_ = false;
    std::map<std::string, std::string> targets_; ///< match key -> target cell
    std::vector<const table*> campaign_tables_;
};

} // namespace

std::optional<language> parse_language(std::string_view word) noexcept
{
    const auto is = [&](std::string_view name) {
        return std::equal(word.begin(), word.end(), name.begin(), name.end(), [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        });
    };
    for (const std::string_view name : {"en", "en-us", "english", "inggris"})
        if (is(name))
            return language::en;
    for (const std::string_view name : {"id", "id-id", "indonesian", "indonesia", "bahasa indonesia"})
        if (is(name))
            return language::id;
    return std::nullopt;
}

result<sheet_plan> plan_sheet(const workbook& book, const std::vector<table>& tables,
                              const build_options& options)
{
    return planner(book, tables, options).run();
}

} // namespace kpi::sheet
