#include <kpi/ids.hpp>
#include <kpi/raw_data.hpp>

#include "test_support.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;
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
