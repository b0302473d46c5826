#include <kpi/experiments.hpp>

#include "test_support.hpp"

#include <cmath>

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;

// z of a 95 % two-sided interval, Φ⁻¹(0.975), to double precision (NIST/SEMATECH e-Handbook, 1.3.6.7.1).
constexpr double z95 = 1.959963984540054;

// ---- KPI.CONVERSION.CI ----

TEST(ConversionInterval, IsTheWilsonScoreInterval)
{
    // Wilson (1927), as written on Wikipedia's "Binomial proportion confidence interval".
    const double n = 500, p = 75 / n;
    const double centre = (p + z95 * z95 / (2 * n)) / (1 + z95 * z95 / n);
    const double half = z95 / (1 + z95 * z95 / n) * std::sqrt(p * (1 - p) / n + z95 * z95 / (4 * n * n));
    const auto ci = kpi::conversion_interval(75, 500, 0.95);
    ASSERT_TRUE(ci);
    EXPECT_NEAR(ci->lower, centre - half, 1e-14);
    EXPECT_NEAR(ci->upper, centre + half, 1e-14);
    EXPECT_NEAR(ci->lower, 0.12138, 1e-5);
    EXPECT_NEAR(ci->upper, 0.18396, 1e-5);
}

TEST(ConversionInterval, WiderAtHigherConfidence)
{
    const auto ci90 = kpi::conversion_interval(75, 500, 0.90);
    const auto ci99 = kpi::conversion_interval(75, 500, 0.99);
    EXPECT_LT(ci99->lower, ci90->lower);
    EXPECT_GT(ci99->upper, ci90->upper);
}

TEST(ConversionInterval, StaysInsideZeroToOneAtTheEdges)
{
    const auto none = kpi::conversion_interval(0, 20, 0.95);
    EXPECT_EQ(none->lower, 0.0);
    EXPECT_GT(none->upper, 0.0);
    const auto all = kpi::conversion_interval(20, 20, 0.95);
    EXPECT_LT(all->lower, 1.0);
    EXPECT_EQ(all->upper, 1.0);
}

// Reference bounds: mpmath at 60 significant digits, centre -/+ half width of the Wilson formula above with
// z = sqrt(2) erfinv(confidence) of the confidence's exact binary value, rounded to the nearest double. The
// lower bound of 0 conversions must be exactly 0 and the upper bound of all leads converted exactly 1; the
// others within 4 units in the last place.
void expect_interval(double conversions, double leads, double confidence, double lower, double upper)
{
    const auto ci = kpi::conversion_interval(conversions, leads, confidence);
    ASSERT_TRUE(ci) << ci.error().message;
    kpi::testing::expect_near_exact(ci->lower, lower, conversions == 0 ? 0 : 4);
    kpi::testing::expect_near_exact(ci->upper, upper, conversions == leads ? 0 : 4);
}

TEST(ConversionInterval, NoConversionsHaveALowerBoundOfExactlyZero)
{
    // Centre - half width gave 2.27e-309 here, and an upper bound of the same 2.27e-309 (z^2 / 4n^2
    // underflowed): the upper bound is z^2 / (n + z^2).
    expect_interval(0, 1e308, 0.5, 0, 4.549364231195727e-309);
    expect_interval(0, 10, 0.95, 0, 0.2775327998628892);
}

TEST(ConversionInterval, AllConvertedHaveAnUpperBoundOfExactlyOne)
{
    expect_interval(10, 10, 0.95, 0.7224672001371109, 1); // centre + half width gave 0.99999999999999989
}

TEST(ConversionInterval, BoundsNearZeroAndOneKeepTheirDigits)
{
    // 1 of 1e9: the lower bound was 1.7652455495696247e-10, 40 units in the last place off.
    expect_interval(1, 1e9, 0.95, 1.765245549569632e-10, 5.664934243297438e-09);
    expect_interval(999999999, 1e9, 0.95, 0.9999999943350658, 0.9999999998234754);
    // 1 of 1e300: the half width underflowed to 0 and both bounds were 2.92e-300, the centre.
    expect_interval(1, 1e300, 0.95, 1.7652455493515296e-301, 5.664934265758971e-300);
    expect_interval(75, 500, 0.95, 0.1213759576913882, 0.18396108063169836);
}

TEST(ConversionInterval, TinyCountsHaveAnIntervalOfNearlyEverything)
{
    // As n goes to 0 the interval widens to {0; 1}: z^2/n, which overflowed (#NUM!), is not needed.
    expect_interval(0, 5e-324, 0.95, 0, 1);
    expect_interval(5e-324, 5e-324, 0.95, 0, 1);
    expect_interval(0, 1e-308, 0.5, 0, 1);
    expect_interval(0, 1e-308, 0.99895833333270712, 0, 1);
}

TEST(ConversionInterval, Errors)
{
    expect_error(kpi::conversion_interval(0, 0, 0.95), error_kind::division_by_zero, "KPI.CONVERSION.CI");
    expect_error(kpi::conversion_interval(6, 5, 0.95), error_kind::invalid_argument, "KPI.CONVERSION.CI");
    expect_error(kpi::conversion_interval(-1, 5, 0.95), error_kind::invalid_argument, "KPI.CONVERSION.CI");
    expect_error(kpi::conversion_interval(1, 5, 1.0), error_kind::invalid_argument, "KPI.CONVERSION.CI");
    expect_error(kpi::conversion_interval(1, 5, 0.0), error_kind::invalid_argument, "KPI.CONVERSION.CI");
    expect_error(kpi::conversion_interval(1, 5, 95), error_kind::invalid_argument, "KPI.CONVERSION.CI");
}

// ---- KPI.ABTEST ----

TEST(AbTest, IsThePooledTwoProportionZTest)
{
    // z = (p_b - p_a) / sqrt(p(1-p)(1/n_a + 1/n_b)); two-sided p = erfc(|z| / sqrt 2).
    const double pooled = 450.0 / 2000, z = (0.25 - 0.2) / std::sqrt(pooled * (1 - pooled) * (2.0 / 1000));
    const auto p = kpi::ab_test_p_value(200, 1000, 250, 1000);
    ASSERT_TRUE(p);
    EXPECT_NEAR(*p, std::erfc(z / std::sqrt(2.0)), 1e-15);
    EXPECT_NEAR(*p, 0.00742, 1e-5);
}

TEST(AbTest, IsSymmetricAndOneWithoutDifference)
{
    EXPECT_DOUBLE_EQ(*kpi::ab_test_p_value(200, 1000, 250, 1000),
                     *kpi::ab_test_p_value(250, 1000, 200, 1000));
    EXPECT_DOUBLE_EQ(*kpi::ab_test_p_value(20, 100, 40, 200), 1.0);
}

TEST(AbTest, HugeCountsDoNotOverflowThePooledRate)
{
    const auto p = kpi::ab_test_p_value(1e307, 1e308, 1e307, 1e308);
    ASSERT_TRUE(p) << p.error().message;
    EXPECT_DOUBLE_EQ(*p, 1.0);
}

TEST(AbTest, Errors)
{
    expect_error(kpi::ab_test_p_value(1, 0, 1, 10), error_kind::division_by_zero, "KPI.ABTEST");
    expect_error(kpi::ab_test_p_value(0, 10, 0, 10), error_kind::division_by_zero, "KPI.ABTEST");
    expect_error(kpi::ab_test_p_value(10, 10, 10, 10), error_kind::division_by_zero, "KPI.ABTEST");
    expect_error(kpi::ab_test_p_value(11, 10, 1, 10), error_kind::invalid_argument, "KPI.ABTEST");
    expect_error(kpi::ab_test_p_value(1, 10, -1, 10), error_kind::invalid_argument, "KPI.ABTEST");
}

// ---- KPI.UPLIFT ----

TEST(Uplift, NearlyEqualRatesKeepTheirDigits)
{
    using kpi::testing::expect_near_exact;
    // Exact (Python's fractions): x_b n_a / (x_a n_b) - 1 = -1 / 1,000,000,002,000,000,001 and
    // 7.381125007288861e-17; the ratio of the rounded rates minus 1 gave 0 for both.
    expect_near_exact(kpi::uplift(1000000001, 3000000000, 1000000002, 3000000003), -9.99999998e-19);
    expect_near_exact(kpi::uplift(123456789, 987654321, 123456790, 987654329), 7.381125007288861e-17);
    // Products beyond the doubles: the ratio of the rates.
    EXPECT_EQ(*kpi::uplift(1e308, 1e308, 5e307, 1e308), -0.5);
    EXPECT_EQ(*kpi::uplift(1e308, 1e308, 1e308, 1e308), 0.0);
}

TEST(Uplift, RelativeChangeOfTheRate)
{
    EXPECT_DOUBLE_EQ(*kpi::uplift(200, 1000, 250, 1000), 0.25);
    EXPECT_DOUBLE_EQ(*kpi::uplift(20, 100, 30, 200), -0.25);
    expect_error(kpi::uplift(0, 1000, 250, 1000), error_kind::division_by_zero, "KPI.UPLIFT");
    expect_error(kpi::uplift(1, 10, 1, 0), error_kind::division_by_zero, "KPI.UPLIFT");
    expect_error(kpi::uplift(1, 10, 11, 10), error_kind::invalid_argument, "KPI.UPLIFT");
}

// ---- KPI.FUNNEL ----

std::vector<double> values_of(const kpi::result<std::vector<kpi::result<double>>>& rates)
{
    std::vector<double> out;
    for (const auto& r : *rates)
        out.push_back(r ? *r : -999);
    return out;
}

TEST(Funnel, StepAndOverallRates)
{
    const std::vector<double> stages{1000, 400, 100, 20};
    EXPECT_EQ(values_of(kpi::funnel_rates(stages, kpi::funnel_mode::step)),
              (std::vector<double>{1, 0.4, 0.25, 0.2}));
    EXPECT_EQ(values_of(kpi::funnel_rates(stages, kpi::funnel_mode::overall)),
              (std::vector<double>{1, 0.4, 0.1, 0.02}));
}

TEST(Funnel, OneStageIsOne)
{
    const std::vector<double> stages{7};
    EXPECT_EQ(values_of(kpi::funnel_rates(stages, kpi::funnel_mode::step)), std::vector<double>{1});
}

TEST(Funnel, StageAfterAnEmptyStageIsDivisionByZeroOnItsOwn)
{
    const std::vector<double> stages{10, 0, 0};
    const auto rates = kpi::funnel_rates(stages, kpi::funnel_mode::step);
    ASSERT_TRUE(rates);
    EXPECT_EQ(*(*rates)[1], 0.0);
    expect_error((*rates)[2], error_kind::division_by_zero, "KPI.FUNNEL");
    EXPECT_EQ(*(*kpi::funnel_rates(stages, kpi::funnel_mode::overall))[2], 0.0);
}

TEST(Funnel, Errors)
{
    const std::vector<double> growing{100, 120}, negative{100, -1}, none{};
    expect_error(kpi::funnel_rates(growing, kpi::funnel_mode::step), error_kind::invalid_argument,
                 "KPI.FUNNEL");
    expect_error(kpi::funnel_rates(negative, kpi::funnel_mode::step), error_kind::invalid_argument,
                 "KPI.FUNNEL");
    expect_error(kpi::funnel_rates(none, kpi::funnel_mode::step), error_kind::division_by_zero, "KPI.FUNNEL");
}

TEST(FunnelMode, EnglishAndIndonesianWordsInAnyCase)
{
    EXPECT_EQ(*kpi::parse_funnel_mode(""), kpi::funnel_mode::step);
    EXPECT_EQ(*kpi::parse_funnel_mode("Step"), kpi::funnel_mode::step);
    EXPECT_EQ(*kpi::parse_funnel_mode("TAHAP"), kpi::funnel_mode::step);
    EXPECT_EQ(*kpi::parse_funnel_mode("overall"), kpi::funnel_mode::overall);
    EXPECT_EQ(*kpi::parse_funnel_mode("Keseluruhan"), kpi::funnel_mode::overall);
    expect_error(kpi::parse_funnel_mode("total"), error_kind::invalid_argument, "KPI.FUNNEL");
}

} // namespace
