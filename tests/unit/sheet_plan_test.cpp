// The plan of a KPI sheet and its report: which KPIs, which formulas over which source ranges, the
// monitoring table, campaigns, cohorts, targets and labels, from tables given directly (detection has its
// own tests).
#include "kpi/sheet/plan.hpp"
#include "kpi/sheet/report.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace kpi::sheet;

namespace {

cell text(std::string value)
{
    return cell{cell_type::text, 0, std::move(value)};
}
cell number(double value)
{
    return cell{cell_type::number, value, {}};
}
/// A date cell: days since Calc's null date 1899-12-30 of a civil date.
cell date(int year, unsigned month, unsigned day)
{
    const auto serial = kpi::days_from_civil({year, month, day}) - kpi::days_from_civil({1899, 12, 30});
    return cell{cell_type::date, static_cast<double>(serial), {}};
}

/// A sheet from rows of cells (the first row is the header).
sheet_cells make_sheet(std::string name, const std::vector<std::vector<cell>>& rows)
{
    std::size_t columns = 0;
    for (const auto& r : rows)
        columns = std::max(columns, r.size());
    sheet_cells sheet(std::move(name), rows.size(), columns);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            sheet.at(r, c) = rows[r][c];
    return sheet;
}

/// A table over a whole sheet whose first row is the header, with the given roles.
table make_table(const workbook& book, std::size_t sheet, table_kind kind,
                 std::vector<std::pair<column_role, std::size_t>> roles,
                 date_storage dates = date_storage::serials)
{
    const sheet_cells& s = book.sheets[sheet];
    table t;
    t.sheet = sheet;
    t.sheet_name = s.name;
    t.header_row = 0;
    t.first_row = 1;
    t.last_row = s.rows - 1;
    t.first_column = 0;
    t.last_column = s.columns - 1;
    t.kind = kind;
    for (std::size_t c = 0; c < s.columns; ++c)
        t.headers.push_back(s.at(0, c).text);
    for (const auto& [role, column] : roles)
        t.columns.push_back(role_column{role, column, s.at(0, column).text});
    t.dates = t.find(column_role::date) ? dates : date_storage::none;
    return t;
}

workbook orders_book()
{
    workbook book;
    book.sheets.push_back(
        make_sheet("Orders", {
                                 {text("Customer"), text("Date"), text("Order"), text("Amount")},
                                 {text("ana"), date(2026, 1, 5), text("#1"), number(100)},
                                 {text("budi"), date(2026, 1, 20), text("#2"), number(50)},
                                 {text("ana"), date(2026, 3, 2), text("#3"), number(70)},
                                 {text("citra"), date(2026, 4, 30), text("#4"), number(30)},
                             }));
    return book;
}

table orders_table(const workbook& book)
{
    return make_table(book, 0, table_kind::orders,
                      {{column_role::customer, 0},
                       {column_role::date, 1},
                       {column_role::order, 2},
                       {column_role::amount, 3}});
}

const plan_kpi* find_kpi(const sheet_plan& plan, std::string_view id)
{
    for (const auto& k : plan.kpis)
        if (k.id == id)
            return &k;
    return nullptr;
}

const plan_cell* cell_at(const sheet_plan& plan, std::size_t row, std::size_t column)
{
    for (const auto& c : plan.cells)
        if (c.row == row && c.column == column)
            return &c;
    return nullptr;
}

bool has_text(const sheet_plan& plan, std::string_view text)
{
    return std::any_of(plan.cells.begin(), plan.cells.end(),
                       [&](const plan_cell& c) { return c.content == text; });
}

sheet_plan plan_of(const workbook& book, const std::vector<table>& tables, build_options options = {})
{
    auto plan = plan_sheet(book, tables, options);
    if (!plan)
        ADD_FAILURE() << plan.error().message;
    return plan ? *plan : sheet_plan{};
}

} // namespace

TEST(SheetPlanOrders, WritesEveryOrderKpiOverTheSourceRanges)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    for (const char* id : {"orders.customers", "orders.orders", "orders.revenue", "orders.aov",
                           "orders.repeat_rate", "orders.purchase_frequency", "orders.new_customers_last",
                           "orders.active_customers_last", "orders.returning_customers_last"})
        EXPECT_NE(find_kpi(plan, id), nullptr) << id;
    EXPECT_EQ(find_kpi(plan, "orders.customers")->formula, "=KPI.DISTINCT($Orders.$A$2:$A$5)");
    EXPECT_EQ(find_kpi(plan, "orders.revenue")->formula, "=SUM($Orders.$D$2:$D$5)");
    EXPECT_EQ(find_kpi(plan, "orders.orders")->formula, "=KPI.DISTINCT($Orders.$C$2:$C$5)");
    EXPECT_EQ(find_kpi(plan, "orders.repeat_rate")->formula,
              "=KPI.REPEATRATE($Orders.$A$2:$A$5;$Orders.$C$2:$C$5)");
}

TEST(SheetPlanOrders, AovDividesTheRevenueCellByTheOrdersCell)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    const auto* revenue = find_kpi(plan, "orders.revenue");
    const auto* orders = find_kpi(plan, "orders.orders");
    const auto ref = [](const plan_kpi& k) {
        return absolute_range("KPI", k.row, k.column, k.row, k.column);
    };
    EXPECT_EQ(find_kpi(plan, "orders.aov")->formula, "=KPI.AOV(" + ref(*revenue) + ";" + ref(*orders) + ")");
}

TEST(SheetPlanOrders, WithoutOrderIdsEachRowIsOneOrder)
{
    const workbook book = orders_book();
    const table t =
        make_table(book, 0, table_kind::orders,
                   {{column_role::customer, 0}, {column_role::date, 1}, {column_role::amount, 3}});
    const sheet_plan plan = plan_of(book, {t});
    EXPECT_EQ(find_kpi(plan, "orders.orders")->formula, "=COUNTA($Orders.$A$2:$A$5)");
    EXPECT_EQ(find_kpi(plan, "orders.purchase_frequency")->formula, "=KPI.PURCHASEFREQ($Orders.$A$2:$A$5)");
}

TEST(SheetPlanOrders, MonitoringTableIsOnePeriodsArrayFromFirstToLastMonthWithEmptyMonths)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    ASSERT_TRUE(plan.periods);
    EXPECT_EQ(plan.periods->rows, 4u); // January to April, February empty
    EXPECT_EQ(plan.periods->grain, kpi::period_grain::month);
    const auto periods = std::count_if(plan.arrays.begin(), plan.arrays.end(), [](const plan_array& a) {
        return a.formula.starts_with("=KPI.PERIODS(");
    });
    ASSERT_EQ(periods, 1);
    const plan_array& array = plan.arrays.front();
    EXPECT_EQ(
        array.formula,
        "=KPI.PERIODS($Orders.$A$2:$A$5;$Orders.$B$2:$B$5;\"month\";$Orders.$D$2:$D$5;$Orders.$C$2:$C$5)");
    EXPECT_EQ(array.rows, 4u);
    EXPECT_EQ(array.columns, 7u);
    EXPECT_EQ(array.row, plan.periods->first_row);
    EXPECT_EQ(plan.periods->column_ids.back(), "revenue_growth");
}

TEST(SheetPlanOrders, RevenueGrowthComparesEachPeriodWithThePreviousOne)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    const plan_periods& p = *plan.periods;
    const std::size_t growth = p.first_column + 7, revenue = p.first_column + 5;
    const plan_cell* second = cell_at(plan, p.first_row + 1, growth);
    ASSERT_NE(second, nullptr);
    const std::string current = absolute_range("KPI", p.first_row + 1, revenue, p.first_row + 1, revenue);
    const std::string previous = absolute_range("KPI", p.first_row, revenue, p.first_row, revenue);
    EXPECT_EQ(second->content, "=IF(" + previous + "=0;\"–\";KPI.GROWTH(" + current + ";" + previous + "))");
}

TEST(SheetPlanOrders, WeeklyGrainCountsIsoWeeks)
{
    const workbook book = orders_book();
    build_options options;
    options.grain = kpi::period_grain::week;
    const sheet_plan plan = plan_of(book, {orders_table(book)}, options);
    // 2026-01-05 (Monday, week 2) to 2026-04-30 (Thursday, week 18): 17 weeks.
    EXPECT_EQ(plan.periods->rows, 17u);
    EXPECT_NE(plan.arrays.front().formula.find("\"week\""), std::string::npos);
}

TEST(SheetPlanOrders, PrintsOnOnePageUnlessTooLongToRead)
{
    const workbook book = orders_book();
    EXPECT_EQ(plan_of(book, {orders_table(book)}).pages_tall, 1u);
    build_options options;
    options.grain = kpi::period_grain::day; // 2026-01-05 to 2026-04-30: 116 rows of days
    const sheet_plan by_day = plan_of(book, {orders_table(book)}, options);
    ASSERT_EQ(by_day.periods->rows, 116u);
    EXPECT_EQ(by_day.pages_tall, 0u); // one page wide, as many down as the rows need
}

TEST(SheetPlanOrders, LatestPeriodStartsAtTheMonthOfTheLatestDate)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    const auto* active = find_kpi(plan, "orders.active_customers_last");
    EXPECT_NE(active->formula.find("=KPI.ACTIVE($Orders.$A$2:$A$5;$Orders.$B$2:$B$5;$KPI.$B$"),
              std::string::npos)
        << active->formula;
    const bool has_month_start = std::any_of(plan.cells.begin(), plan.cells.end(), [](const plan_cell& c) {
        return c.content == "=DATE(YEAR(MAX($Orders.$B$2:$B$5));MONTH(MAX($Orders.$B$2:$B$5));1)";
    });
    EXPECT_TRUE(has_month_start);
}

TEST(SheetPlanOrders, IsoTextDatesAreReadWithDatevalue)
{
    workbook book;
    book.sheets.push_back(make_sheet("Orders", {{text("Customer"), text("Date"), text("Amount")},
                                                {text("ana"), text("2026-01-05 10:22"), number(100)},
                                                {text("budi"), text("2026-02-01"), number(50)}}));
    const table t = make_table(book, 0, table_kind::orders,
                               {{column_role::customer, 0}, {column_role::date, 1}, {column_role::amount, 2}},
                               date_storage::iso_text);
    const sheet_plan plan = plan_of(book, {t});
    EXPECT_EQ(plan.periods->rows, 2u);
    const plan_cell* from = cell_at(plan, 1, 1);
    ASSERT_NE(from, nullptr);
    EXPECT_EQ(from->content,
              "=MIN(SUMPRODUCT(MIN(IF(ISNUMBER($Orders.$B$2:$B$3);INT($Orders.$B$2:$B$3);IFERROR("
              "DATEVALUE(LEFT($Orders.$B$2:$B$3;10));1E+9)))))");
}

TEST(SheetPlanOrders, CohortMatrixHasOneRowPerCohortAndAColourScale)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    const auto cohort = std::find_if(plan.arrays.begin(), plan.arrays.end(), [](const plan_array& a) {
        return a.formula.starts_with("=KPI.COHORT(");
    });
    ASSERT_NE(cohort, plan.arrays.end());
    EXPECT_EQ(cohort->formula, "=KPI.COHORT($Orders.$A$2:$A$5;$Orders.$B$2:$B$5;\"month\")");
    EXPECT_EQ(cohort->rows, 2u);    // January (ana, budi) and April (citra)
    EXPECT_EQ(cohort->columns, 6u); // start, size, months 0..3
    ASSERT_EQ(plan.color_scales.size(), 1u);
    EXPECT_EQ(plan.color_scales[0].first_row, cohort->row);
    EXPECT_EQ(plan.color_scales[0].last_column, 5u);
}

TEST(SheetPlanOrders, ChartShowsRevenueBarsAndActiveCustomersFromTheMonitoringTable)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    ASSERT_EQ(plan.charts.size(), 1u);
    const plan_chart& chart = plan.charts[0];
    EXPECT_EQ(chart.first_row, plan.periods->first_row);
    EXPECT_EQ(chart.last_row, plan.periods->first_row + 3);
    EXPECT_EQ(chart.bar_column, plan.periods->first_column + 5);
    EXPECT_EQ(chart.line_column, plan.periods->first_column + 1);
}

TEST(SheetPlanFormats, MoneyIsInTheCurrencyTheExportNames)
{
    workbook book = orders_book();
    table t = orders_table(book);
    t.currency = "Rp";
    const sheet_plan plan = plan_of(book, {t});
    const auto* revenue = find_kpi(plan, "orders.revenue");
    EXPECT_EQ(cell_at(plan, revenue->row, revenue->column)->format, "\"Rp \"#,##0");
    t.currency = "$";
    const sheet_plan dollars = plan_of(book, {t});
    EXPECT_EQ(cell_at(dollars, revenue->row, revenue->column)->format, "\"$\"#,##0.00");
}

TEST(SheetPlanFormats, CountsAreWholeNumbersAndRatesArePercentages)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    const auto format_of = [&](std::string_view id) {
        const auto* k = find_kpi(plan, id);
        return cell_at(plan, k->row, k->column)->format;
    };
    EXPECT_EQ(format_of("orders.customers"), "#,##0");
    EXPECT_EQ(format_of("orders.repeat_rate"), "0.0%");
}

TEST(SheetPlanCampaigns, OneRowPerCampaignAndAPooledTotal)
{
    workbook book;
    book.sheets.push_back(make_sheet(
        "Ads", {{text("Campaign"), text("Cost"), text("Impr."), text("Clicks"), text("Conversions")},
                {text("Brand"), number(100), number(1000), number(50), number(5)},
                {text("Promo"), number(300), number(9000), number(90), number(3)},
                {text("brand"), number(20), number(500), number(10), number(1)}}));
    const table t = make_table(book, 0, table_kind::campaigns,
                               {{column_role::campaign, 0},
                                {column_role::cost, 1},
                                {column_role::impressions, 2},
                                {column_role::clicks, 3},
                                {column_role::conversions, 4}});
    const sheet_plan plan = plan_of(book, {t});
    // "Brand" and "brand" are one campaign, as Calc compares text.
    EXPECT_TRUE(has_text(plan, "Brand"));
    EXPECT_TRUE(has_text(plan, "Promo"));
    EXPECT_FALSE(has_text(plan, "brand"));
    EXPECT_EQ(find_kpi(plan, "campaigns.ctr")->formula, "=KPI.CTR(SUM($Ads.$D$2:$D$4);SUM($Ads.$C$2:$C$4))");
    EXPECT_EQ(find_kpi(plan, "campaigns.cpa")->formula, "=KPI.CPA(SUM($Ads.$B$2:$B$4);SUM($Ads.$E$2:$E$4))");
    EXPECT_EQ(find_kpi(plan, "campaigns.conversion_rate")->formula,
              "=KPI.CONVERSION(SUM($Ads.$E$2:$E$4);SUM($Ads.$D$2:$D$4))");
    EXPECT_EQ(find_kpi(plan, "campaigns.roas"), nullptr); // no revenue column
    // The total row sums the source columns; its CTR divides those sums.
    const auto total = std::find_if(plan.cells.begin(), plan.cells.end(),
                                    [](const plan_cell& c) { return c.style == cell_style::total_label; });
    ASSERT_NE(total, plan.cells.end());
    EXPECT_EQ(cell_at(plan, total->row, 1)->content, "=SUM($Ads.$B$2:$B$4)");
    const std::string clicks = absolute_range("KPI", total->row, 3, total->row, 3);
    const std::string impressions = absolute_range("KPI", total->row, 2, total->row, 2);
    EXPECT_EQ(cell_at(plan, total->row, 4)->content, "=KPI.CTR(" + clicks + ";" + impressions + ")");
    // A campaign row sums its own rows exactly (no wildcards, no criteria syntax).
    const plan_cell* brand_cost = cell_at(plan, total->row - 2, 1);
    EXPECT_EQ(brand_cost->content,
              "=SUMPRODUCT($Ads.$A$2:$A$4=" + absolute_range("KPI", total->row - 2, 0, total->row - 2, 0) +
                  ";$Ads.$B$2:$B$4)");
}

TEST(SheetPlanLeads, ConversionCountsOnlyTheConvertedWordsFoundInTheData)
{
    workbook book;
    book.sheets.push_back(make_sheet("Leads", {{text("Lead"), text("Created"), text("Status")},
                                               {text("L1"), date(2026, 5, 1), text("Won")},
                                               {text("L2"), date(2026, 5, 2), text("Lost")},
                                               {text("L3"), date(2026, 6, 3), text("closed won")}}));
    const table t = make_table(book, 0, table_kind::leads,
                               {{column_role::lead, 0}, {column_role::date, 1}, {column_role::status, 2}});
    const sheet_plan plan = plan_of(book, {t});
    EXPECT_EQ(find_kpi(plan, "leads.conversion")->formula,
              "=KPI.CONVERSION(SUMPRODUCT(COUNTIF($Leads.$C$2:$C$4;{\"Won\";\"closed "
              "won\"}));COUNTA($Leads.$A$2:$A$"
              "4))");
    EXPECT_NE(find_kpi(plan, "leads.new_leads_last"), nullptr);
}

TEST(SheetPlanLeads, StatusWithoutAConvertedWordIsWarnedNotGuessed)
{
    workbook book;
    book.sheets.push_back(make_sheet("Leads", {{text("Lead"), text("Created"), text("Stage")},
                                               {text("L1"), date(2026, 5, 1), text("Sold")},
                                               {text("L2"), date(2026, 5, 2), text("Open")}}));
    const table t = make_table(book, 0, table_kind::leads,
                               {{column_role::lead, 0}, {column_role::date, 1}, {column_role::status, 2}});
    const sheet_plan plan = plan_of(book, {t});
    EXPECT_EQ(find_kpi(plan, "leads.conversion"), nullptr);
    ASSERT_EQ(plan.warnings.size(), 1u);
    EXPECT_EQ(plan.warnings[0].code, "no_conversion_status");
    EXPECT_EQ(plan.warnings[0].column, "C");
}

TEST(SheetPlanWeb, SessionsCountRowsWithANumberAndPoolTheRates)
{
    workbook book;
    book.sheets.push_back(
        make_sheet("Sessions",
                   {{text("Duration"), text("Pageviews")}, {number(5), number(1)}, {number(30), number(3)}}));
    const table t =
        make_table(book, 0, table_kind::sessions, {{column_role::duration, 0}, {column_role::pageviews, 1}});
    const sheet_plan plan = plan_of(book, {t});
    EXPECT_EQ(find_kpi(plan, "sessions.sessions")->formula,
              "=SUMPRODUCT((ISNUMBER($Sessions.$A$2:$A$3)+ISNUMBER($Sessions.$B$2:$B$3))>0)");
    EXPECT_EQ(find_kpi(plan, "sessions.engaged_sessions")->formula,
              "=KPI.ENGAGEDSESSIONS($Sessions.$A$2:$A$3;$Sessions.$B$2:$B$3)");
    for (const char* id : {"sessions.engagement_rate", "sessions.bounce_rate", "sessions.pages_per_session"})
        EXPECT_NE(find_kpi(plan, id), nullptr) << id;
}

TEST(SheetPlanWeb, TrafficSumsTheAggregatedColumns)
{
    workbook book;
    book.sheets.push_back(make_sheet("GA4", {{text("Sessions"), text("Engaged sessions"), text("Views")},
                                             {number(100), number(40), number(250)}}));
    const table t = make_table(
        book, 0, table_kind::traffic,
        {{column_role::sessions, 0}, {column_role::engaged_sessions, 1}, {column_role::pageviews, 2}});
    const sheet_plan plan = plan_of(book, {t});
    const auto* sessions = find_kpi(plan, "traffic.sessions");
    EXPECT_EQ(sessions->formula, "=SUM($GA4.$A$2)"); // one row: one cell
    EXPECT_NE(find_kpi(plan, "traffic.engagement_rate"), nullptr);
    EXPECT_NE(find_kpi(plan, "traffic.pages_per_session"), nullptr);
}

TEST(SheetPlanSurvey, ZeroToTenScoresGiveNpsAndOneToFiveGiveCsat)
{
    workbook book;
    book.sheets.push_back(make_sheet("NPS", {{text("Score")}, {number(10)}, {number(3)}}));
    book.sheets.push_back(make_sheet("CSAT", {{text("Rating")}, {number(5)}, {number(2)}}));
    const table nps = make_table(book, 0, table_kind::survey, {{column_role::score, 0}});
    const table csat = make_table(book, 1, table_kind::survey, {{column_role::score, 0}});
    const sheet_plan plan = plan_of(book, {nps, csat});
    EXPECT_EQ(find_kpi(plan, "survey.nps")->formula, "=KPI.NPS($NPS.$A$2:$A$3)");
    EXPECT_EQ(find_kpi(plan, "survey2.csat")->formula, "=KPI.CSAT($CSAT.$A$2:$A$3)");
}

TEST(SheetPlanTargets, StatusIsAWordFromKpiStatusWithALegend)
{
    workbook book = orders_book();
    book.sheets.push_back(make_sheet(
        "Targets",
        {{text("KPI"), text("Target")}, {text("Revenue"), number(500)}, {text("aov"), number(60)}}));
    const table targets =
        make_table(book, 1, table_kind::targets, {{column_role::kpi, 0}, {column_role::target, 1}});
    const sheet_plan plan = plan_of(book, {orders_table(book), targets});
    const auto* revenue = find_kpi(plan, "orders.revenue");
    EXPECT_EQ(cell_at(plan, revenue->row, 3)->content, "=$Targets.$B$2");
    const std::string status = cell_at(plan, revenue->row, 4)->content;
    EXPECT_TRUE(status.starts_with("=CHOOSE(KPI.STATUS(" +
                                   absolute_range("KPI", revenue->row, 1, revenue->row, 1) + ";"))
        << status;
    EXPECT_NE(status.find("\"▲ Met\""), std::string::npos);
    const auto* aov = find_kpi(plan, "orders.aov");
    EXPECT_EQ(cell_at(plan, aov->row, 3)->content, "=$Targets.$B$3");
    EXPECT_TRUE(std::any_of(plan.cells.begin(), plan.cells.end(),
                            [](const plan_cell& c) { return c.content.starts_with("Status: ▲ Met"); }));
}

TEST(SheetPlanTargets, CostsAreBetterWhenLower)
{
    workbook book;
    book.sheets.push_back(make_sheet(
        "Ads", {{text("Campaign"), text("Cost"), text("Clicks")}, {text("A"), number(100), number(50)}}));
    book.sheets.push_back(make_sheet("Targets", {{text("KPI"), text("Target")}, {text("CPC"), number(1.5)}}));
    const table ads =
        make_table(book, 0, table_kind::campaigns,
                   {{column_role::campaign, 0}, {column_role::cost, 1}, {column_role::clicks, 2}});
    const table targets =
        make_table(book, 1, table_kind::targets, {{column_role::kpi, 0}, {column_role::target, 1}});
    const sheet_plan plan = plan_of(book, {ads, targets});
    const auto* cpc = find_kpi(plan, "campaigns.cpc");
    EXPECT_NE(cell_at(plan, cpc->row, 4)->content.find(";0.05;0)"), std::string::npos);
}

TEST(SheetPlanLabels, IndonesianLabelsWhenAsked)
{
    const workbook book = orders_book();
    build_options options;
    options.labels = language::id;
    const sheet_plan plan = plan_of(book, {orders_table(book)}, options);
    EXPECT_EQ(find_kpi(plan, "orders.revenue")->label, "Pendapatan");
    EXPECT_TRUE(has_text(plan, "Laporan KPI"));
    EXPECT_TRUE(has_text(plan, "Penjualan"));
}

TEST(SheetPlanLabels, SheetNamesThatNeedQuotesAreQuoted)
{
    workbook book = orders_book();
    book.sheets[0].name = "Data 2026";
    table t = orders_table(book);
    const sheet_plan plan = plan_of(book, {t});
    EXPECT_EQ(find_kpi(plan, "orders.customers")->formula, "=KPI.DISTINCT($'Data 2026'.$A$2:$A$5)");
}

TEST(SheetPlanErrors, NoUsableTableIsNoResult)
{
    workbook book;
    book.sheets.push_back(make_sheet("Notes", {{text("Note"), text("Owner")}, {text("x"), text("y")}}));
    table t = make_table(book, 0, table_kind::unknown, {});
    const auto plan = plan_sheet(book, {t}, {});
    ASSERT_FALSE(plan);
    EXPECT_EQ(plan.error().kind, kpi::error_kind::no_result);
}

TEST(SheetReport, ListsTablesKpisPeriodsAndWarnings)
{
    const workbook book = orders_book();
    table t = orders_table(book);
    t.warnings.push_back(
        warning{"Orders", "D", "text_amounts", 3, "column Amount holds 3 amounts stored as text"});
    const std::vector<table> tables{t};
    const sheet_plan plan = plan_of(book, tables);
    std::vector<shown_value> values(plan.kpis.size(), 1.5);
    values[0] = std::string("#DIV/0!");
    const auto report = boost::json::parse(report_json(tables, &plan, values)).as_object();
    EXPECT_EQ(report.at("sheet").as_string(), "KPI");
    const auto& table_json = report.at("tables").as_array().at(0).as_object();
    EXPECT_EQ(table_json.at("range").as_string(), "A2:D5");
    EXPECT_EQ(table_json.at("kind").as_string(), "orders");
    EXPECT_EQ(table_json.at("columns").at("customer").at("column").as_string(), "A");
    EXPECT_EQ(table_json.at("columns").at("amount").at("header").as_string(), "Amount");
    const auto& kpis = report.at("kpis").as_array();
    ASSERT_EQ(kpis.size(), plan.kpis.size());
    EXPECT_EQ(kpis[0].at("value").as_string(), "#DIV/0!");
    EXPECT_EQ(kpis[1].at("value").as_double(), 1.5);
    EXPECT_TRUE(kpis[0].at("cell").as_string().starts_with("$KPI.$B$"));
    EXPECT_EQ(report.at("periods").at("grain").as_string(), "month");
    EXPECT_EQ(report.at("periods").at("columns").as_array().size(), 8u);
    EXPECT_EQ(report.at("warnings").as_array().at(0).at("rows").as_int64(), 3);
}

TEST(SheetReport, DetectionOnlyHasNoSheetAndNoKpis)
{
    const workbook book = orders_book();
    const std::vector<table> tables{orders_table(book)};
    const auto report = boost::json::parse(report_json(tables, nullptr, {})).as_object();
    EXPECT_TRUE(report.at("sheet").is_null());
    EXPECT_TRUE(report.at("kpis").as_array().empty());
    EXPECT_EQ(report.at("tables").as_array().size(), 1u);
}

TEST(SheetWorkbook, ColumnLettersAndReferences)
{
    EXPECT_EQ(column_letters(0), "A");
    EXPECT_EQ(column_letters(25), "Z");
    EXPECT_EQ(column_letters(26), "AA");
    EXPECT_EQ(column_letters(16383), "XFD");
    EXPECT_EQ(quoted_sheet_name("Orders"), "Orders");
    EXPECT_EQ(quoted_sheet_name("Data 2026"), "'Data 2026'");
    EXPECT_EQ(quoted_sheet_name("Ana's"), "'Ana''s'");
    EXPECT_EQ(quoted_sheet_name("2026"), "'2026'");
    EXPECT_EQ(absolute_range("S", 1, 0, 1, 0), "$S.$A$2");
    EXPECT_EQ(absolute_range("S", 1, 0, 9, 2), "$S.$A$2:$C$10");
}

TEST(SheetLanguage, ReadsEnglishAndIndonesianNames)
{
    EXPECT_EQ(parse_language("EN"), language::en);
    EXPECT_EQ(parse_language("id"), language::id);
    EXPECT_EQ(parse_language("Indonesia"), language::id);
    EXPECT_FALSE(parse_language("fr"));
}

TEST(SheetPlanLabels, SessionsAndTrafficTablesNameTheirSheets)
{
    workbook book;
    book.sheets.push_back(make_sheet("GA4", {{text("Sessions"), text("Views")}, {number(100), number(250)}}));
    book.sheets.push_back(make_sheet("Web", {{text("Duration"), text("Pageviews")}, {number(5), number(1)}}));
    const table traffic =
        make_table(book, 0, table_kind::traffic, {{column_role::sessions, 0}, {column_role::pageviews, 1}});
    const table sessions =
        make_table(book, 1, table_kind::sessions, {{column_role::duration, 0}, {column_role::pageviews, 1}});
    const sheet_plan plan = plan_of(book, {traffic, sessions});
    EXPECT_EQ(find_kpi(plan, "traffic.sessions")->label, "Sessions (GA4)");
    EXPECT_EQ(find_kpi(plan, "sessions.sessions")->label, "Sessions (Web)");
}

TEST(SheetPlanLabels, ASingleTableOfAKindHasPlainLabels)
{
    const workbook book = orders_book();
    const sheet_plan plan = plan_of(book, {orders_table(book)});
    EXPECT_EQ(find_kpi(plan, "orders.customers")->label, "Customers");
}
