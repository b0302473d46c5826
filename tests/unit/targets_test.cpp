#include <kpi/targets.hpp>

#include "test_support.hpp"

#include <cmath>
#include <vector>

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;

TEST(CompoundGrowthRate, PublicVector)
{
    // Microsoft's RRI documentation: RRI(96, 10000, 11000) = 0.0009933.
    EXPECT_NEAR(*kpi::compound_growth_rate(10000, 11000, 96), 0.0009933, 5e-8);
    EXPECT_NEAR(*kpi::compound_growth_rate(100, 121, 2), 0.1, 1e-15);
    EXPECT_DOUBLE_EQ(*kpi::compound_growth_rate(100, 0, 2), -1);
}

// Exact values: mpmath at 60 significant digits, (end / begin)^(1 / periods) - 1 of the inputs' exact binary
// values (mpf(10000.000001) is the double itself), rounded to the nearest double.
TEST(CompoundGrowthRate, KeepsTheDigitsOfARateNearZero)
{
    using kpi::testing::expect_near_exact;
    // (end / begin)^(1 / periods) - 1 gave 8.333334022836425e-12 and 1.2989609388114332e-13: the rounding
    // of end / begin was most of these rates.
    expect_near_exact(kpi::compound_growth_rate(10000, 10000.000001, 12), 8.333336154082688e-12);
    expect_near_exact(kpi::compound_growth_rate(1, 1 + 0x1p-40, 7), 1.299278145389391e-13);
    expect_near_exact(kpi::compound_growth_rate(1e6, 999999.999, 365), -2.739726158893374e-12);
    expect_near_exact(kpi::compound_growth_rate(10000, 11000, 96), 0.0009933073762913949);
}

TEST(CompoundGrowthRate, AGrowthBeyondTheRangeOfDoublesStillHasARate)
{
    // 1e300 / 1e-300 overflows, its 1000th root does not: 10^0.6 - 1 (mpmath, as above; was #NUM!).
    kpi::testing::expect_near_exact(kpi::compound_growth_rate(1e-300, 1e300, 1000), 2.9810717055349727);
    EXPECT_EQ(*kpi::compound_growth_rate(1e300, 0, 1000), -1.0);
    EXPECT_EQ(*kpi::compound_growth_rate(7, 7, 3), 0.0);
}

TEST(CompoundGrowthRate, Errors)
{
    expect_error(kpi::compound_growth_rate(0, 10, 2), error_kind::no_result, "KPI.CAGR");
    expect_error(kpi::compound_growth_rate(-5, 10, 2), error_kind::no_result, "KPI.CAGR");
    expect_error(kpi::compound_growth_rate(5, -10, 2), error_kind::no_result, "KPI.CAGR");
    expect_error(kpi::compound_growth_rate(5, 10, 0), error_kind::invalid_argument, "KPI.CAGR");
}

TEST(RelativeTrend, SlopeOverMean)
{
    EXPECT_DOUBLE_EQ(*kpi::relative_trend(std::vector<double>{100, 110, 120}), 10.0 / 110.0);
    EXPECT_DOUBLE_EQ(*kpi::relative_trend(std::vector<double>{5, 5, 5, 5}), 0.0);
    EXPECT_DOUBLE_EQ(*kpi::relative_trend(std::vector<double>{120, 110, 100}), -10.0 / 110.0);
    // Least squares, not end points: {1, 3, 2} has slope 0.5 and mean 2.
    EXPECT_DOUBLE_EQ(*kpi::relative_trend(std::vector<double>{1, 3, 2}), 0.25);
}

TEST(RelativeTrend, ValuesKeepTheirPlaceInTheRange)
{
    // Months 1, 2, 4 and 5 (month 3 blank): 100, 110, 130, 140 lie on a line of slope 10 through 120 at
    // month 3, the mean of the values. Exact: 10 / 120 = 1 / 12. Counted as months 1...4 it would be
    // SLOPE({100;110;130;140}; {1;2;3;4}) = 14, not 10.
    const std::vector<double> values{100, 110, 130, 140};
    const std::vector<std::size_t> positions{0, 1, 3, 4};
    kpi::testing::expect_near_exact(kpi::relative_trend(values, positions), 1.0 / 12);
    kpi::testing::expect_near_exact(kpi::relative_trend(values), 14.0 / 120);
}

TEST(RelativeTrend, PositionsAreWhereTheValuesAreNotWhereTheyStart)
{
    // Shifting every position changes nothing: a range that starts with blank cells.
    const std::vector<double> values{1, 3, 2};
    const std::vector<std::size_t> shifted{7, 8, 9};
    EXPECT_DOUBLE_EQ(*kpi::relative_trend(values, shifted), 0.25);
}

TEST(RelativeTrend, ErrorsOfPositions)
{
    const std::vector<double> values{1, 2};
    const std::vector<std::size_t> one{0}, same{3, 3};
    expect_error(kpi::relative_trend(values, one), error_kind::wrong_type, "KPI.TREND");
    expect_error(kpi::relative_trend(values, same), error_kind::division_by_zero, "KPI.TREND");
}

TEST(RelativeTrend, Errors)
{
    expect_error(kpi::relative_trend(std::vector<double>{1e308, 1e308}), error_kind::no_result, "KPI.TREND");
    expect_error(kpi::relative_trend(std::vector<double>{5}), error_kind::division_by_zero, "KPI.TREND");
    expect_error(kpi::relative_trend(std::vector<double>{}), error_kind::division_by_zero, "KPI.TREND");
    expect_error(kpi::relative_trend(std::vector<double>{-1, 1}), error_kind::division_by_zero, "KPI.TREND");
}

// Day numbers as Calc stores dates: 46327 is 2026-11-01.
constexpr double nov1 = 46327, nov12 = nov1 + 11, nov30 = nov1 + 29;

TEST(Pace, PublicVector)
{
    // Spec section 3: 96,000 after 12 of 30 days projects 240,000: 92.3 % of a 260,000 goal.
    EXPECT_DOUBLE_EQ(*kpi::pace(96000, 260000, nov1, nov30, nov12), 240000.0 / 260000.0);
    EXPECT_NEAR(*kpi::pace(96000, 260000, nov1, nov30, nov12), 0.923, 5e-4);
}

TEST(Pace, TimeOfDayIsIgnored)
{
    EXPECT_DOUBLE_EQ(*kpi::pace(96000, 260000, nov1 + 0.25, nov30 + 0.9, nov12 + 0.5),
                     *kpi::pace(96000, 260000, nov1, nov30, nov12));
}

TEST(Pace, OnTheLastDayOfAnyPeriodItIsTheAttainment)
{
    // Found by the fuzz target of the targets: 2.2e-16 / 1.8e308 elapsed days underflowed to 0, so a period
    // from -1.8e308 projected 0 instead of the attainment of 1 on its last day.
    EXPECT_EQ(*kpi::pace(0x1p-52, 0x1p-52, -1.7976931348623157e308, nov30, nov30), 1.0);
    EXPECT_EQ(*kpi::pace(3, 4, nov1, nov30, nov30), 0.75);
}

TEST(Pace, Errors)
{
    expect_error(kpi::pace(1, 10, nov1, nov30, nov30 + 1), error_kind::invalid_argument, "KPI.PACE");
    expect_error(kpi::pace(1, 10, nov1, nov30, nov1 - 1), error_kind::invalid_argument, "KPI.PACE");
    expect_error(kpi::pace(1, 10, nov30, nov1, nov12), error_kind::invalid_argument, "KPI.PACE");
    expect_error(kpi::pace(1, 0, nov1, nov30, nov12), error_kind::division_by_zero, "KPI.PACE");
    expect_error(kpi::pace(1, -10, nov1, nov30, nov12), error_kind::invalid_argument, "KPI.PACE");
}

TEST(RequiredPerDay, AmountPerRemainingDay)
{
    EXPECT_DOUBLE_EQ(*kpi::required_per_day(96000, 260000, nov1, nov30, nov12), 164000.0 / 18);
    EXPECT_EQ(*kpi::required_per_day(270000, 260000, nov1, nov30, nov12), 0.0);
    EXPECT_EQ(*kpi::required_per_day(260000, 260000, nov1, nov30, nov30), 0.0);
}

TEST(RequiredPerDay, Errors)
{
    expect_error(kpi::required_per_day(1, 10, nov1, nov30, nov30), error_kind::division_by_zero,
                 "KPI.REQUIRED");
    expect_error(kpi::required_per_day(1, 10, nov1, nov30, nov30 + 1), error_kind::invalid_argument,
                 "KPI.REQUIRED");
}

TEST(TargetStatus, HigherIsBetter)
{
    EXPECT_EQ(*kpi::target_status(100, 100, 0.05, true), 1);
    EXPECT_EQ(*kpi::target_status(96, 100, 0.05, true), 0);
    EXPECT_EQ(*kpi::target_status(95, 100, 0.05, true), 0);
    EXPECT_EQ(*kpi::target_status(94, 100, 0.05, true), -1);
}

TEST(TargetStatus, LowerIsBetter)
{
    EXPECT_EQ(*kpi::target_status(90, 100, 0.05, false), 1);
    EXPECT_EQ(*kpi::target_status(104, 100, 0.05, false), 0);
    EXPECT_EQ(*kpi::target_status(106, 100, 0.05, false), -1);
}

TEST(TargetStatus, ZeroToleranceAndNegativeTolerance)
{
    EXPECT_EQ(*kpi::target_status(99.99, 100, 0, true), -1);
    expect_error(kpi::target_status(1, 1, -0.1, true), error_kind::invalid_argument, "KPI.STATUS");
}

} // namespace
