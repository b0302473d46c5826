#include <kpi/ids.hpp>
#include <kpi/raw_data.hpp>

#include "test_support.hpp"

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;
using kpi::testing::inf;
using kpi::testing::nan;

/// An ID column from text cells ("" is an empty cell), interned into `table`.
std::vector<std::uint32_t> column(kpi::id_table& table, const std::vector<std::string>& cells)
{
    std::vector<std::uint32_t> out;
    for (const auto& c : cells)
        out.push_back(table.add_utf8(c));
    return out;
}

// Calc serial numbers with the default null date 1899-12-30: 46023 is 2026-01-01.
constexpr double jan1 = 46023, feb1 = jan1 + 31, mar1 = feb1 + 28, apr1 = mar1 + 31;
constexpr kpi::civil_date calc_null_date{1899, 12, 30};

TEST(DistinctCount, CountsEachIdOnce)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "A ", "b", "", "123"});
    std::vector<std::uint32_t> with_number = ids;
    with_number.push_back(t.add_number(123));
    EXPECT_EQ(*kpi::distinct_count(with_number, t.size()), 3.0);
    EXPECT_EQ(*kpi::distinct_count({}, 0), 0.0);
}

struct Orders : ::testing::Test
{
    kpi::id_table table;
    // ana buys in January and March, budi first in February (twice the same day), citra in March.
    std::vector<std::uint32_t> ids = column(table, {"ana", "budi", "Budi", "ana", "citra", "", "dewi"});
    std::vector<double> dates{jan1 + 4, feb1 + 9.75, feb1 + 9.25, mar1 + 2, mar1 + 30, mar1, nan};
};

TEST_F(Orders, NewProspectsAreIdsFirstSeenInThePeriod)
{
    EXPECT_EQ(*kpi::new_prospects(ids, dates, table.size(), feb1, mar1 - 1), 1.0); // budi
    EXPECT_EQ(*kpi::new_prospects(ids, dates, table.size(), mar1, apr1 - 1), 1.0); // citra, not ana
    EXPECT_EQ(*kpi::new_prospects(ids, dates, table.size(), jan1, apr1), 3.0);     // dewi has no date
}

TEST_F(Orders, PeriodEdgesAreWholeDaysIncluded)
{
    // citra's order is on the last day of March at no time of day; a period ending that day includes it.
    EXPECT_EQ(*kpi::new_prospects(ids, dates, table.size(), mar1 + 30, mar1 + 30), 1.0);
    EXPECT_EQ(*kpi::new_prospects(ids, dates, table.size(), mar1 + 30.9, mar1 + 30.1), 1.0);
}

TEST_F(Orders, ActiveAndReturning)
{
    EXPECT_EQ(*kpi::active_count(ids, dates, table.size(), mar1, apr1 - 1), 2.0);    // ana, citra
    EXPECT_EQ(*kpi::returning_count(ids, dates, table.size(), mar1, apr1 - 1), 1.0); // ana
    EXPECT_EQ(*kpi::returning_count(ids, dates, table.size(), jan1, apr1), 0.0);
}

TEST_F(Orders, Errors)
{
    expect_error(kpi::new_prospects(ids, dates, table.size(), mar1, feb1), error_kind::invalid_argument,
                 "KPI.NEWPROSPECTS");
    const std::vector<double> short_dates(dates.begin(), dates.end() - 1);
    expect_error(kpi::active_count(ids, short_dates, table.size(), jan1, apr1), error_kind::wrong_type,
                 "KPI.ACTIVE");
    expect_error(kpi::returning_count(ids, dates, table.size(), nan, apr1), error_kind::invalid_argument,
                 "KPI.RETURNING");
}

TEST(RetentionFromIds, ShareOfStartIdsStillThere)
{
    kpi::id_table t;
    const auto start = column(t, {"a", "b", "c", "d", "a", ""});
    const auto end = column(t, {"B", " d", "e", "d"});
    EXPECT_DOUBLE_EQ(*kpi::retention_from_ids(start, end, t.size()), 0.5);
    EXPECT_DOUBLE_EQ(*kpi::churn_from_ids(start, end, t.size()), 0.5);
}

TEST(RetentionFromIds, ChurnIsTheShareLostWithOneRounding)
{
    // 1 of 3 start IDs lost: exactly 1/3 rounded once (1 - 2/3 gave 0.33333333333333337).
    kpi::id_table t;
    const auto start = column(t, {"a", "b", "c"});
    const auto end = column(t, {"a", "c"});
    EXPECT_EQ(*kpi::churn_from_ids(start, end, t.size()), 1.0 / 3);
    EXPECT_EQ(*kpi::retention_from_ids(start, end, t.size()), 2.0 / 3);
}

TEST(RetentionFromIds, EmptyStartIsDivisionByZero)
{
    kpi::id_table t;
    const auto start = column(t, {"", " "});
    const auto end = column(t, {"a"});
    expect_error(kpi::retention_from_ids(start, end, t.size()), error_kind::division_by_zero,
                 "KPI.RETENTION.IDS");
    expect_error(kpi::churn_from_ids(start, end, t.size()), error_kind::division_by_zero, "KPI.CHURN.IDS");
}

TEST(RepeatRate, EachRowIsAnOrderWithoutOrderIds)
{
    kpi::id_table t;
    const auto customers = column(t, {"a", "a", "b", "c", "c", "c"});
    EXPECT_DOUBLE_EQ(*kpi::repeat_rate(customers, t.size(), std::nullopt), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(*kpi::purchase_frequency(customers, t.size(), std::nullopt), 2.0);
}

TEST(RepeatRate, PublicVector)
{
    // Spec section 3: 350 repeat customers of 1000 is 35 %.
    kpi::id_table t;
    std::vector<std::uint32_t> customers;
    for (int i = 0; i < 1000; ++i)
        for (int order = 0; order < (i < 350 ? 2 : 1); ++order)
            customers.push_back(t.add_number(i));
    EXPECT_DOUBLE_EQ(*kpi::repeat_rate(customers, t.size(), std::nullopt), 0.35);
}

TEST(RepeatRate, OrderIdsCountDistinctOrders)
{
    kpi::id_table customer_table, order_table;
    // a's two rows are lines of the same order; b has two orders; c's order id is empty (row skipped).
    const auto customers = column(customer_table, {"a", "a", "b", "b", "c"});
    const auto orders = column(order_table, {"o1", "O1", "o2", "o3", ""});
    const kpi::order_column order_ids{orders, order_table.size()};
    EXPECT_DOUBLE_EQ(*kpi::repeat_rate(customers, customer_table.size(), order_ids), 0.5);
    EXPECT_DOUBLE_EQ(*kpi::purchase_frequency(customers, customer_table.size(), order_ids), 1.5);
}

TEST(RepeatRate, Errors)
{
    kpi::id_table t, o;
    const auto customers = column(t, {"a", "b"});
    const auto orders = column(o, {"x"});
    expect_error(kpi::repeat_rate(customers, t.size(), kpi::order_column{orders, o.size()}),
                 error_kind::wrong_type, "KPI.REPEATRATE");
    expect_error(kpi::purchase_frequency({}, 0, std::nullopt), error_kind::division_by_zero,
                 "KPI.PURCHASEFREQ");
}

TEST(AverageOrderValueFromIds, RevenueOverDistinctOrderIds)
{
    kpi::id_table t;
    // Five line items of three orders: INV-1 (100,000 + 50,000), INV-2, INV-3 (30,000 + 70,000).
    const auto orders = column(t, {"INV-1", "inv-1", "INV-2", "INV-3", " INV-3 "});
    const std::vector<double> amounts{100000, 50000, 200000, 30000, 70000};
    EXPECT_EQ(*kpi::average_order_value_from_ids(amounts, orders, t.size()), 450000.0 / 3);
}

TEST(AverageOrderValueFromIds, ANumberAndTheTextOfItsDigitsAreOneOrder)
{
    kpi::id_table t;
    const std::vector<std::uint32_t> orders{t.add_number(1001), t.add_utf8("1001"), t.add_number(1002)};
    const std::vector<double> amounts{10, 20, 60};
    EXPECT_EQ(*kpi::average_order_value_from_ids(amounts, orders, t.size()), 45.0);
}

TEST(AverageOrderValueFromIds, ARowWithoutAnOrderIdIsSkippedAmountAndAll)
{
    kpi::id_table t;
    // The third row is a total row without an ID: counting it would double the revenue.
    const auto orders = column(t, {"a", "a", "", "b", " "});
    const std::vector<double> amounts{10, 20, 60, 30, 5};
    EXPECT_EQ(*kpi::average_order_value_from_ids(amounts, orders, t.size()), 30.0);
}

TEST(AverageOrderValueFromIds, AnEmptyOrTextAmountStillCountsItsOrder)
{
    kpi::id_table t;
    const auto orders = column(t, {"a", "b", "c"});
    const std::vector<double> amounts{10, nan, 20};
    EXPECT_EQ(*kpi::average_order_value_from_ids(amounts, orders, t.size()), 10.0);
}

TEST(AverageOrderValueFromIds, RefundRowsAreSummedAsCalcsSumSumsThem)
{
    kpi::id_table t;
    const auto orders = column(t, {"a", "a", "b"});
    const std::vector<double> refund{100, -20, 50};
    EXPECT_EQ(*kpi::average_order_value_from_ids(refund, orders, t.size()), 65.0);
    // 1E16 + 1 - 1E16: 0 added left to right, 1 compensated, as Calc's SUM gives it.
    const std::vector<double> cancelling{1e16, 1, -1e16};
    EXPECT_EQ(*kpi::average_order_value_from_ids(cancelling, orders, t.size()), 0.5);
}

TEST(AverageOrderValueFromIds, TimesTheDistinctOrdersIsTheRevenueOfTheRowsWithAnId)
{
    std::mt19937 random(7);
    kpi::id_table t;
    std::vector<std::uint32_t> orders;
    std::vector<double> amounts;
    double revenue = 0;
    std::set<int> distinct;
    for (int row = 0; row < 2000; ++row) {
        const int order = static_cast<int>(random() % 300);
        const bool has_id = random() % 10 != 0;
        const double amount = static_cast<double>(random() % 500'000); // whole amounts: sums are exact
        orders.push_back(has_id ? t.add_number(order) : kpi::id_table::no_id);
        amounts.push_back(amount);
        if (has_id) {
            revenue += amount;
            distinct.insert(order);
        }
    }
    const auto aov = kpi::average_order_value_from_ids(amounts, orders, t.size());
    ASSERT_TRUE(aov);
    EXPECT_EQ(*aov, revenue / static_cast<double>(distinct.size()));
    EXPECT_EQ(*kpi::distinct_count(orders, t.size()), static_cast<double>(distinct.size()));
}

TEST(AverageOrderValueFromIds, ColumnsOfDifferentLengthsAreWrongType)
{
    kpi::id_table t;
    const auto orders = column(t, {"a", "b"});
    const std::vector<double> one{10};
    expect_error(kpi::average_order_value_from_ids(one, orders, t.size()), error_kind::wrong_type,
                 "KPI.AOV.IDS");
}

TEST(AverageOrderValueFromIds, NoOrderIdIsDivisionByZero)
{
    kpi::id_table t;
    const auto orders = column(t, {"", " "});
    const std::vector<double> amounts{10, 20};
    expect_error(kpi::average_order_value_from_ids(amounts, orders, t.size()), error_kind::division_by_zero,
                 "KPI.AOV.IDS");
    expect_error(kpi::average_order_value_from_ids({}, {}, 0), error_kind::division_by_zero, "KPI.AOV.IDS");
}

TEST(AverageOrderValueFromIds, RevenueTooLargeToRepresentIsNoResult)
{
    kpi::id_table t;
    const auto orders = column(t, {"a", "b"});
    const std::vector<double> huge{1.7e308, 1.7e308}, infinite{inf, -inf};
    expect_error(kpi::average_order_value_from_ids(huge, orders, t.size()), error_kind::no_result,
                 "KPI.AOV.IDS");
    expect_error(kpi::average_order_value_from_ids(infinite, orders, t.size()), error_kind::no_result,
                 "KPI.AOV.IDS");
}

std::vector<double> row_of(const kpi::grid& g, std::size_t r)
{
    std::vector<double> out;
    for (std::size_t c = 0; c < g.columns; ++c) {
        const auto& cell = g.cells[r * g.columns + c];
        out.push_back(!cell   ? -1
                      : *cell ? **cell
                              : (cell->error().kind == error_kind::not_available ? -7 : -9));
    }
    return out;
}

TEST_F(Orders, MonthlyCohortRetention)
{
    const auto g = kpi::cohort_matrix(ids, dates, table.size(), kpi::period_grain::month,
                                      kpi::cohort_measure::retention, std::nullopt, calc_null_date);
    ASSERT_TRUE(g);
    ASSERT_EQ(g->rows, 3u); // January (ana), February (budi), March (citra)
    ASSERT_EQ(g->columns, 5u);
    // start, size, month 0, 1, 2; -7 marks #N/A: months the data has not reached.
    EXPECT_EQ(row_of(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 1}));
    EXPECT_EQ(row_of(*g, 1), (std::vector<double>{feb1, 1, 1, 0, -7}));
    EXPECT_EQ(row_of(*g, 2), (std::vector<double>{mar1, 1, 1, -7, -7}));
}

TEST_F(Orders, CohortRevenueSumsEveryOrder)
{
    const std::vector<double> amounts{100, 20, 30, 50, 70, 999, 5};
    const auto g = kpi::cohort_matrix(ids, dates, table.size(), kpi::period_grain::month,
                                      kpi::cohort_measure::revenue, amounts, calc_null_date);
    ASSERT_TRUE(g);
    EXPECT_EQ(row_of(*g, 0), (std::vector<double>{jan1, 1, 100, 0, 50}));
    EXPECT_EQ(row_of(*g, 1), (std::vector<double>{feb1, 1, 50, 0, -7})); // same-day repeat orders both count
}

TEST(Cohort, RevenueIsSummedAsCalcsSumSumsIt)
{
    // Ten orders of 0.1 in a month: exactly 1 (the binary 0.1s add up to 1.00000000000000005551, Python's
    // fractions), as Calc's SUM (compensated since LibreOffice 7.2) and KPI.PERIODS give; added one by one
    // they made 0.9999999999999999.
    kpi::id_table t;
    const auto ids = column(t, std::vector<std::string>(10, "a"));
    const std::vector<double> dates(10, jan1), amounts(10, 0.1);
    const auto g = kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::month,
                                      kpi::cohort_measure::revenue, amounts, calc_null_date);
    ASSERT_TRUE(g);
    EXPECT_EQ(row_of(*g, 0), (std::vector<double>{jan1, 1, 1}));
    // A sum beyond the doubles is #NUM!, as SUM's.
    const std::vector<double> huge{1e308, 1e308, 0, 0, 0, 0, 0, 0, 0, 0};
    const auto too_large = kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::month,
                                              kpi::cohort_measure::revenue, huge, calc_null_date);
    ASSERT_TRUE(too_large);
    EXPECT_EQ(too_large->at(0, 2)->error().kind, error_kind::no_result);
}

TEST_F(Orders, QuarterlyCohortsAndAnotherNullDate)
{
    // With the null date 1904-01-01 (old Mac documents) the same days have serials 1462 smaller.
    std::vector<double> shifted = dates;
    for (auto& d : shifted)
        d -= 1462;
    const auto g = kpi::cohort_matrix(ids, shifted, table.size(), kpi::period_grain::quarter,
                                      kpi::cohort_measure::customers, std::nullopt, {1904, 1, 1});
    ASSERT_TRUE(g);
    ASSERT_EQ(g->rows, 1u);
    EXPECT_EQ(row_of(*g, 0), (std::vector<double>{jan1 - 1462, 3, 3}));
}

TEST(Cohort, AMistypedDateAsksForTooManyColumns)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b"});
    const std::vector<double> dates{jan1, 20240115}; // yyyymmdd typed as a number: year ~57,000
    expect_error(kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::month,
                                    kpi::cohort_measure::retention, std::nullopt, calc_null_date),
                 error_kind::no_result, "KPI.COHORT");
}

TEST(Cohort, ANumberNoCalendarHasADayForIsInvalid)
{
    // 1E308 in a date column is not a date that a period can be found for: Err:502, the spec's error for an
    // input outside the domain (it was skipped silently, as if the cell were empty). 2E9 days from day 0,
    // about 5.5 million years, is still a date; a row without an ID is skipped whatever its date.
    kpi::id_table t;
    const auto ids = column(t, {"a", "b", ""});
    for (const double far : {1e308, -1e308, 2e9 + 1, -2e9 - 1, kpi::testing::inf}) {
        const std::vector<double> dates{jan1, far, jan1};
        const auto g = kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::year,
                                          kpi::cohort_measure::customers, std::nullopt, calc_null_date);
        expect_error(g, error_kind::invalid_argument, "KPI.COHORT");
    }
    const std::vector<double> huge{jan1, 1e308};
    EXPECT_EQ(
        kpi::cohort_matrix(column(t, {"a", "b"}), huge, t.size(), kpi::period_grain::month,
                           kpi::cohort_measure::retention, std::nullopt, calc_null_date)
            .error()
            .message,
        "KPI.COHORT: order_dates must be dates at most 2,000,000,000 days (about 5.5 million years) from "
        "day 0 (got 1e+308)");
    for (const double edge : {2e9, -2e9}) {
        const std::vector<double> dates{edge, edge, 1e308};
        const auto g = kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::year,
                                          kpi::cohort_measure::customers, std::nullopt, calc_null_date);
        ASSERT_TRUE(g) << g.error().message;
        EXPECT_EQ(row_of(*g, 0)[1], 2.0) << edge; // both customers in one cohort
    }
}

TEST(Cohort, Errors)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b"});
    const std::vector<double> dates{jan1, nan}, no_dates{nan, nan}, one{jan1};
    expect_error(kpi::cohort_matrix(ids, one, t.size(), kpi::period_grain::month,
                                    kpi::cohort_measure::retention, std::nullopt, calc_null_date),
                 error_kind::wrong_type, "KPI.COHORT");
    expect_error(kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::month,
                                    kpi::cohort_measure::revenue, std::nullopt, calc_null_date),
                 error_kind::invalid_argument, "KPI.COHORT");
    expect_error(kpi::cohort_matrix(ids, no_dates, t.size(), kpi::period_grain::month,
                                    kpi::cohort_measure::retention, std::nullopt, calc_null_date),
                 error_kind::division_by_zero, "KPI.COHORT");
    EXPECT_EQ(*kpi::parse_cohort_measure("Pendapatan"), kpi::cohort_measure::revenue);
    EXPECT_EQ(*kpi::parse_cohort_measure("pelanggan"), kpi::cohort_measure::customers);
    expect_error(kpi::parse_cohort_measure("profit"), error_kind::invalid_argument, "KPI.COHORT");
}

// ---- KPI.PERIODS ----

constexpr double na = -7, div0 = -2; // how period_row shows #N/A and #DIV/0! cells

/// A row of a period table: numbers, na for #N/A, div0 for #DIV/0!, -9 for another error.
std::vector<double> period_row(const kpi::grid& g, std::size_t r)
{
    std::vector<double> out;
    for (std::size_t c = 0; c < g.columns; ++c) {
        const auto& cell = g.cells[r * g.columns + c];
        if (!cell)
            out.push_back(-1);
        else if (*cell)
            out.push_back(**cell);
        else
            out.push_back(cell->error().kind == error_kind::not_available      ? na
                          : cell->error().kind == error_kind::division_by_zero ? div0
                                                                               : -9);
    }
    return out;
}

kpi::result<kpi::grid> periods(const std::vector<std::uint32_t>& ids, const std::vector<double>& dates,
                               std::size_t id_count, kpi::period_grain grain = kpi::period_grain::month,
                               std::optional<kpi::value_span> amounts = std::nullopt,
                               std::optional<kpi::order_column> orders = std::nullopt,
                               kpi::civil_date null_date = calc_null_date)
{
    return kpi::period_table(ids, dates, id_count, grain, amounts, orders, null_date);
}

/// The period table of the Orders rows.
struct PeriodTableOfOrders : Orders
{
};

TEST_F(PeriodTableOfOrders, MonthlyTableCountedByHand)
{
    // January: ana (new). February: budi's two rows (new; two orders). March: ana (returning) and citra
    // (new). The row without an ID and dewi's row without a date are skipped.
    const auto g = periods(ids, dates, table.size());
    ASSERT_TRUE(g);
    ASSERT_EQ(g->rows, 3u);
    ASSERT_EQ(g->columns, 7u);
    // start, active, new, returning, orders, revenue, AOV
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 1, na, na}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{feb1, 1, 1, 0, 2, na, na}));
    EXPECT_EQ(period_row(*g, 2), (std::vector<double>{mar1, 2, 1, 1, 2, na, na}));
}

TEST_F(PeriodTableOfOrders, RevenueAndAverageOrderValueWithAmounts)
{
    const std::vector<double> amounts{100, 20, 30, 50, 70, 999, 5}; // 999 has no ID, 5 no date
    const auto g = periods(ids, dates, table.size(), kpi::period_grain::month, amounts);
    ASSERT_TRUE(g);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 1, 100, 100}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{feb1, 1, 1, 0, 2, 50, 25}));
    EXPECT_EQ(period_row(*g, 2), (std::vector<double>{mar1, 2, 1, 1, 2, 120, 60}));
}

TEST_F(PeriodTableOfOrders, WithoutAmountsRevenueAndAovAreNotAvailable)
{
    const auto g = periods(ids, dates, table.size());
    ASSERT_TRUE(g);
    const auto& revenue = *g->cells[kpi::period_column::revenue];
    ASSERT_FALSE(revenue);
    EXPECT_EQ(revenue.error().kind, error_kind::not_available);
    EXPECT_EQ(revenue.error().message, "KPI.PERIODS: revenue and AOV need amounts");
}

TEST_F(PeriodTableOfOrders, EmptyAmountsAreNoAmount)
{
    const std::vector<double> amounts{nan, 20, nan, 50, 70, 999, 5};
    const auto g = periods(ids, dates, table.size(), kpi::period_grain::month, amounts);
    ASSERT_TRUE(g);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 1, 0, 0}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{feb1, 1, 1, 0, 2, 20, 10}));
}

TEST(PeriodTable, EmptyMiddlePeriodsAreRowsOfZerosWithAovDivisionByZero)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b", "a"});
    const std::vector<double> dates{jan1 + 3, apr1 + 10, apr1 + 11}, amounts{10, 20, 40};
    const auto g = periods(ids, dates, t.size(), kpi::period_grain::month, amounts);
    ASSERT_TRUE(g);
    ASSERT_EQ(g->rows, 4u);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 1, 10, 10}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{feb1, 0, 0, 0, 0, 0, div0}));
    EXPECT_EQ(period_row(*g, 2), (std::vector<double>{mar1, 0, 0, 0, 0, 0, div0}));
    EXPECT_EQ(period_row(*g, 3), (std::vector<double>{apr1, 2, 1, 1, 2, 60, 30}));
    const auto& aov = *g->at(1, kpi::period_column::aov);
    EXPECT_EQ(aov.error().message, "KPI.PERIODS: a period without orders has no average order value");
    // Without amounts the empty periods' revenue and AOV are #N/A like every other period's.
    const auto counts = periods(ids, dates, t.size());
    ASSERT_TRUE(counts);
    EXPECT_EQ(period_row(*counts, 1), (std::vector<double>{feb1, 0, 0, 0, 0, na, na}));
}

TEST(PeriodTable, OrderIdsCountEachOrderOncePerPeriod)
{
    kpi::id_table customers, order_table;
    // a: order o1 of two item rows (one spelt "O1 ") and o2 in January, then a late item row of o1 in
    // February (o1 counts in both months). b: a row without an order ID (no order; its amount counts).
    // A row without a customer is skipped even with an order ID.
    const auto ids = column(customers, {"a", "a", "a", "a", "b", ""});
    const auto orders = column(order_table, {"o1", "O1 ", "o2", "o1", "", "o9"});
    const std::vector<double> dates{jan1, jan1 + 1, jan1 + 20, feb1 + 2, feb1 + 3, jan1};
    const std::vector<double> amounts{10, 5, 30, 1, 7, 1000};
    const kpi::order_column order_ids{orders, order_table.size()};
    const auto g = periods(ids, dates, customers.size(), kpi::period_grain::month, amounts, order_ids);
    ASSERT_TRUE(g);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 2, 45, 22.5}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{feb1, 2, 1, 1, 1, 8, 8}));
    // Without order IDs each of those rows is an order.
    const auto rows = periods(ids, dates, customers.size(), kpi::period_grain::month, amounts);
    ASSERT_TRUE(rows);
    EXPECT_EQ(period_row(*rows, 0), (std::vector<double>{jan1, 1, 1, 0, 3, 45, 15}));
    EXPECT_EQ(period_row(*rows, 1), (std::vector<double>{feb1, 2, 1, 1, 2, 8, 4}));
}

TEST(PeriodTable, OnlyOrderRowsWithoutOrderIdsMakeAnAovOfDivisionByZero)
{
    kpi::id_table customers, order_table;
    const auto ids = column(customers, {"a"});
    const auto orders = column(order_table, {""});
    const std::vector<double> dates{jan1}, amounts{12};
    const auto g = periods(ids, dates, customers.size(), kpi::period_grain::month, amounts,
                           kpi::order_column{orders, order_table.size()});
    ASSERT_TRUE(g);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 1, 1, 0, 0, 12, div0}));
}

TEST(PeriodTable, IsoWeeksStartOnMonday)
{
    // 2026-01-01 is a Thursday: its ISO week began on Monday 2025-12-29, and Sunday January 4 is in it;
    // Monday January 5 starts the next week; nobody orders in the week of January 12.
    kpi::id_table t;
    const auto ids = column(t, {"p", "q", "r", "p"});
    const std::vector<double> dates{jan1 + 0.3, jan1 + 3.99, jan1 + 4, jan1 + 18};
    const auto g = periods(ids, dates, t.size(), kpi::period_grain::week);
    ASSERT_TRUE(g);
    ASSERT_EQ(g->rows, 4u);
    const double dec29 = jan1 - 3;
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{dec29, 2, 2, 0, 2, na, na}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{dec29 + 7, 1, 1, 0, 1, na, na}));
    EXPECT_EQ(period_row(*g, 2), (std::vector<double>{dec29 + 14, 0, 0, 0, 0, na, na}));
    EXPECT_EQ(period_row(*g, 3), (std::vector<double>{dec29 + 21, 1, 0, 1, 1, na, na}));
}

TEST(PeriodTable, QuartersAndYearsAreCalendarPeriods)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "a", "b", "b"});
    // 2025-11-15, 2026-03-31 late in the day, 2026-04-01, 2026-06-30.
    const std::vector<double> dates{jan1 - 47, mar1 + 30.9, apr1, apr1 + 90};
    const auto q = periods(ids, dates, t.size(), kpi::period_grain::quarter);
    ASSERT_TRUE(q);
    ASSERT_EQ(q->rows, 3u);
    EXPECT_EQ(period_row(*q, 0), (std::vector<double>{jan1 - 92, 1, 1, 0, 1, na, na})); // 2025-10-01
    EXPECT_EQ(period_row(*q, 1), (std::vector<double>{jan1, 1, 0, 1, 1, na, na}));
    EXPECT_EQ(period_row(*q, 2), (std::vector<double>{apr1, 1, 1, 0, 2, na, na}));

    // Years: 2024-12-31, nothing in 2025, 2026-01-01.
    const auto ids2 = column(t, {"a", "b"});
    const std::vector<double> years{jan1 - 366, jan1};
    const auto y = periods(ids2, years, t.size(), kpi::period_grain::year);
    ASSERT_TRUE(y);
    ASSERT_EQ(y->rows, 3u);
    EXPECT_EQ(period_row(*y, 0), (std::vector<double>{jan1 - 731, 1, 1, 0, 1, na, na})); // 2024-01-01
    EXPECT_EQ(period_row(*y, 1), (std::vector<double>{jan1 - 365, 0, 0, 0, 0, na, na}));
    EXPECT_EQ(period_row(*y, 2), (std::vector<double>{jan1, 1, 1, 0, 1, na, na}));
}

TEST(PeriodTable, DaysIgnoreTheTimeOfDay)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b", "a"});
    const std::vector<double> dates{jan1 + 0.99, jan1 + 0.01, jan1 + 1.5};
    const auto g = periods(ids, dates, t.size(), kpi::period_grain::day);
    ASSERT_TRUE(g);
    ASSERT_EQ(g->rows, 2u);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 2, 2, 0, 2, na, na}));
    EXPECT_EQ(period_row(*g, 1), (std::vector<double>{jan1 + 1, 1, 0, 1, 1, na, na}));
}

TEST(PeriodTable, PeriodStartsFollowTheDocumentsNullDate)
{
    // With the null date 1904-01-01 (old Mac documents) the same days have serials 1462 smaller.
    kpi::id_table t;
    const auto ids = column(t, {"a", "b"});
    const std::vector<double> dates{jan1 + 5 - 1462, feb1 + 27.5 - 1462};
    const auto g =
        periods(ids, dates, t.size(), kpi::period_grain::month, std::nullopt, std::nullopt, {1904, 1, 1});
    ASSERT_TRUE(g);
    EXPECT_EQ(period_row(*g, 0)[0], jan1 - 1462);
    EXPECT_EQ(period_row(*g, 1)[0], feb1 - 1462);
}

TEST(PeriodTable, RowsInAnyOrderGiveTheSameTable)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b", "a", "c", "b", "a"});
    const std::vector<double> dates{mar1, jan1, feb1, mar1 + 1, feb1 + 2, jan1 + 9};
    const std::vector<std::uint32_t> reversed(ids.rbegin(), ids.rend());
    const std::vector<double> reversed_dates(dates.rbegin(), dates.rend());
    const auto forward = periods(ids, dates, t.size()),
               backward = periods(reversed, reversed_dates, t.size());
    ASSERT_TRUE(forward);
    ASSERT_TRUE(backward);
    for (std::size_t r = 0; r < 3; ++r)
        EXPECT_EQ(period_row(*forward, r), period_row(*backward, r)) << "row " << r;
    EXPECT_EQ(period_row(*forward, 2), (std::vector<double>{mar1, 2, 1, 1, 2, na, na}));
}

TEST(PeriodTable, ColumnsOfDifferentLengthsAreWrongType)
{
    kpi::id_table t, o;
    const auto ids = column(t, {"a", "b"});
    const auto orders = column(o, {"x"});
    const std::vector<double> dates{jan1, feb1}, one{jan1};
    const auto short_dates = periods(ids, one, t.size());
    expect_error(short_dates, error_kind::wrong_type, "KPI.PERIODS");
    EXPECT_EQ(short_dates.error().message, "KPI.PERIODS: customer_ids must have as many cells as order_dates "
                                           "(got 2)");
    const auto short_amounts = periods(ids, dates, t.size(), kpi::period_grain::month, one);
    expect_error(short_amounts, error_kind::wrong_type, "KPI.PERIODS");
    EXPECT_EQ(short_amounts.error().message, "KPI.PERIODS: amounts must have as many cells as customer_ids "
                                             "(got 1)");
    const auto short_orders = periods(ids, dates, t.size(), kpi::period_grain::month, std::nullopt,
                                      kpi::order_column{orders, o.size()});
    expect_error(short_orders, error_kind::wrong_type, "KPI.PERIODS");
    EXPECT_EQ(short_orders.error().message, "KPI.PERIODS: order_ids must have as many cells as customer_ids "
                                            "(got 1)");
}

TEST(PeriodTable, NoRowWithAnIdAndADateIsDivisionByZero)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "", "b"});
    const std::vector<double> dates{nan, jan1, nan};
    const auto g = periods(ids, dates, t.size());
    expect_error(g, error_kind::division_by_zero, "KPI.PERIODS");
    EXPECT_EQ(g.error().message, "KPI.PERIODS: customer_ids has no row with an ID and a date");
    expect_error(periods({}, {}, 0), error_kind::division_by_zero, "KPI.PERIODS");
}

TEST(PeriodTable, AtMost16384PeriodsElseNoResult)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b"});
    const auto longest = periods(ids, {jan1, jan1 + 16'383}, t.size(), kpi::period_grain::day);
    ASSERT_TRUE(longest);
    EXPECT_EQ(longest->rows, kpi::max_period_rows);
    const auto too_long = periods(ids, {jan1 + 16'384, jan1}, t.size(), kpi::period_grain::day);
    expect_error(too_long, error_kind::no_result, "KPI.PERIODS");
    EXPECT_EQ(too_long.error().message, "KPI.PERIODS: order_dates span more than 16,384 periods: check for a "
                                        "mistyped date or use a coarser grain (got 16385)");
}

TEST(PeriodTable, AMistypedDateIsNoResultNotAMillionRows)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b", "c"});
    const std::vector<double> dates{jan1, 20240115, feb1}; // yyyymmdd typed as a number: year ~57,000
    for (const auto grain : {kpi::period_grain::day, kpi::period_grain::week, kpi::period_grain::month,
                             kpi::period_grain::quarter, kpi::period_grain::year})
        expect_error(periods(ids, dates, t.size(), grain), error_kind::no_result, "KPI.PERIODS");
}

TEST(PeriodTable, ANumberNoCalendarHasADayForIsInvalidWhereverItIs)
{
    // As KPI.COHORT: Err:502 for 1E308, before and after a mistyped date that alone is #NUM!, so that the
    // error does not depend on the order of the rows.
    kpi::id_table t;
    const auto ids = column(t, {"a", "b", "c"});
    for (const auto& dates :
         {std::vector<double>{jan1, 20240115, 1e308}, std::vector<double>{1e308, jan1, 20240115},
          std::vector<double>{jan1, -1e308, feb1}}) {
        const auto g = periods(ids, dates, t.size());
        expect_error(g, error_kind::invalid_argument, "KPI.PERIODS");
        EXPECT_EQ(
            g.error().message.rfind("KPI.PERIODS: order_dates must be dates at most 2,000,000,000 days", 0),
            0u)
            << g.error().message;
    }
    // A row without an ID is skipped, whatever its date.
    const auto skipped = periods(column(t, {"a", ""}), {jan1, 1e308}, t.size());
    ASSERT_TRUE(skipped) << skipped.error().message;
    EXPECT_EQ(skipped->rows, 1u);
}

TEST(PeriodTable, RevenueTooLargeToRepresentIsNoResult)
{
    kpi::id_table t;
    const auto ids = column(t, {"a", "b"});
    const std::vector<double> dates{jan1, jan1}, amounts{1e308, 1e308};
    const auto g = periods(ids, dates, t.size(), kpi::period_grain::month, amounts);
    ASSERT_TRUE(g);
    EXPECT_EQ(period_row(*g, 0), (std::vector<double>{jan1, 2, 2, 0, 2, -9, -9}));
    EXPECT_EQ(g->at(0, kpi::period_column::revenue)->error().kind, error_kind::no_result);
}

TEST(PeriodTable, AgreesWithTheSingleCountFunctionsOnRandomData)
{
    // Metamorphic laws on 3,000 random rows over 2,500 days, for every grain: the new customers of all
    // periods add up to the distinct IDs with a date; each period's active, new and returning customers are
    // what KPI.ACTIVE, KPI.NEWPROSPECTS and KPI.RETURNING count over the period's days; without order IDs the
    // orders add up to the rows with an ID and a date, and the revenue to their amounts.
    std::mt19937 rng(20260101);
    kpi::id_table t;
    std::vector<std::uint32_t> ids;
    std::vector<double> dates, amounts;
    std::set<std::uint32_t> dated_ids;
    std::size_t dated_rows = 0;
    double dated_amounts = 0;
    for (int row = 0; row < 3000; ++row) {
        const auto customer = std::uniform_int_distribution<int>(0, 400)(rng);
        ids.push_back(customer == 0 ? kpi::id_table::no_id : t.add_number(customer));
        const double day = jan1 + std::uniform_real_distribution<double>(0, 2500)(rng);
        dates.push_back(row % 97 == 0 ? nan : day);
        amounts.push_back(std::uniform_int_distribution<int>(1, 400)(rng));
        if (ids.back() != kpi::id_table::no_id && !std::isnan(dates.back())) {
            dated_ids.insert(ids.back());
            ++dated_rows;
            dated_amounts += amounts.back();
        }
    }
    for (const auto grain : {kpi::period_grain::day, kpi::period_grain::week, kpi::period_grain::month,
                             kpi::period_grain::quarter, kpi::period_grain::year}) {
        const auto g = periods(ids, dates, t.size(), grain, amounts);
        ASSERT_TRUE(g);
        double new_total = 0, orders_total = 0, revenue_total = 0;
        for (std::size_t r = 0; r < g->rows; ++r) {
            const auto row = period_row(*g, r);
            const double start = row[0];
            const double end = r + 1 < g->rows ? period_row(*g, r + 1)[0] - 1 : start + 400;
            EXPECT_EQ(row[1], *kpi::active_count(ids, dates, t.size(), start, end)) << r;
            EXPECT_EQ(row[2], *kpi::new_prospects(ids, dates, t.size(), start, end)) << r;
            EXPECT_EQ(row[3], *kpi::returning_count(ids, dates, t.size(), start, end)) << r;
            new_total += row[2];
            orders_total += row[4];
            revenue_total += row[5];
        }
        EXPECT_EQ(new_total, static_cast<double>(dated_ids.size()));
        EXPECT_EQ(orders_total, static_cast<double>(dated_rows));
        EXPECT_EQ(revenue_total, dated_amounts); // whole amounts: exact
    }
}

TEST(OneRow, EveryFunctionHandlesASingleOrder)
{
    kpi::id_table t;
    const auto ids = column(t, {"solo"});
    const std::vector<double> dates{feb1 + 0.5};
    EXPECT_EQ(*kpi::distinct_count(ids, t.size()), 1.0);
    EXPECT_EQ(*kpi::new_prospects(ids, dates, t.size(), feb1, feb1), 1.0);
    EXPECT_EQ(*kpi::active_count(ids, dates, t.size(), feb1, feb1), 1.0);
    EXPECT_EQ(*kpi::returning_count(ids, dates, t.size(), feb1, feb1), 0.0);
    EXPECT_EQ(*kpi::retention_from_ids(ids, ids, t.size()), 1.0);
    EXPECT_EQ(*kpi::repeat_rate(ids, t.size(), std::nullopt), 0.0);
    EXPECT_EQ(*kpi::purchase_frequency(ids, t.size(), std::nullopt), 1.0);
    const auto g = kpi::cohort_matrix(ids, dates, t.size(), kpi::period_grain::week,
                                      kpi::cohort_measure::retention, std::nullopt, calc_null_date);
    ASSERT_TRUE(g);
    // 2026-02-01 is a Sunday: its ISO week began on Monday 2026-01-26.
    EXPECT_EQ(row_of(*g, 0), (std::vector<double>{feb1 - 6, 1, 1}));
    const auto p = kpi::period_table(ids, dates, t.size(), kpi::period_grain::week, std::nullopt,
                                     std::nullopt, calc_null_date);
    ASSERT_TRUE(p);
    EXPECT_EQ(period_row(*p, 0), (std::vector<double>{feb1 - 6, 1, 1, 0, 1, na, na}));
}

TEST(EmptyData, CountsAreZeroAndRatesDivideByZero)
{
    const std::vector<std::uint32_t> none;
    const std::vector<double> no_dates;
    EXPECT_EQ(*kpi::new_prospects(none, no_dates, 0, jan1, feb1), 0.0);
    EXPECT_EQ(*kpi::active_count(none, no_dates, 0, jan1, feb1), 0.0);
    expect_error(kpi::retention_from_ids(none, none, 0), error_kind::division_by_zero, "KPI.RETENTION.IDS");
    expect_error(kpi::repeat_rate(none, 0, std::nullopt), error_kind::division_by_zero, "KPI.REPEATRATE");
    expect_error(kpi::cohort_matrix(none, no_dates, 0, kpi::period_grain::month,
                                    kpi::cohort_measure::retention, std::nullopt, calc_null_date),
                 error_kind::division_by_zero, "KPI.COHORT");
    EXPECT_EQ(*kpi::engaged_sessions(no_dates, no_dates, std::nullopt, 10), 0.0);
}

TEST(EngagedSessions, Ga4Definition)
{
    // engaged: more than 10 s, or 2+ page views, or a key event
    const std::vector<double> seconds{5, 30, 8, 2, 10, nan}, views{1, 1, 3, 1, 1, 1},
        events{0, 0, 0, 1, 0, 0};
    EXPECT_EQ(*kpi::engaged_sessions(seconds, views, std::nullopt, 10), 2.0);
    EXPECT_EQ(*kpi::engaged_sessions(seconds, views, events, 10), 3.0);
    EXPECT_EQ(*kpi::engaged_sessions(seconds, views, events, 4), 5.0);
}

TEST(EngagedSessions, Errors)
{
    const std::vector<double> seconds{5, -1}, views{1, 1}, one{1};
    expect_error(kpi::engaged_sessions(seconds, views, std::nullopt, 10), error_kind::invalid_argument,
                 "KPI.ENGAGEDSESSIONS");
    expect_error(kpi::engaged_sessions(views, one, std::nullopt, 10), error_kind::wrong_type,
                 "KPI.ENGAGEDSESSIONS");
    expect_error(kpi::engaged_sessions(views, views, std::nullopt, -1), error_kind::invalid_argument,
                 "KPI.ENGAGEDSESSIONS");
}

} // namespace
