#include <kpi/customer_value.hpp>

#include "test_support.hpp"

#include <cmath>

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;

// The sum the closed forms stand for, term by term: margins m q^t, q = r / (1 + d), times `first`.
double brute_force(double m, double r, double d, int timing, int periods)
{
    const double first = timing == 0 ? r / (1 + d) : timing == 1 ? 1.0 : 1.0 / (1 + d);
    double sum = 0, term = m * first;
    for (int t = 0; t < periods; ++t, term *= r / (1 + d))
        sum += term;
    return sum;
}

TEST(CustomerLifetimeValue, PublicVectors)
{
    // Net-4-You textbook exercise: m r / (1 + d - r) with m = 18.95, r = 0.788, d = 0.01 is 67.2639
    // (truncated there; the exact value is 67.263963...).
    EXPECT_NEAR(*kpi::customer_lifetime_value(18.95, 0.788, 0.01, 0, std::nullopt), 67.2639, 1e-4);
    EXPECT_DOUBLE_EQ(*kpi::customer_lifetime_value(18.95, 0.788, 0.01, 0, std::nullopt),
                     18.95 * 0.788 / 0.222);
    // UVA Darden, Netflix: m (1 + d) / (1 + d - r), m = 17.95, r = 0.995, d = 0.01: multiplier 67.33, CLV
    // ~1,209.
    EXPECT_NEAR(*kpi::customer_lifetime_value(17.95, 0.995, 0.01, 1, std::nullopt), 1208.63, 5e-3);
    EXPECT_NEAR(*kpi::customer_lifetime_value(1, 0.995, 0.01, 1, std::nullopt), 67.33, 5e-3);
}

TEST(CustomerLifetimeValue, OfekTimingIsMarginOverOnePlusDMinusR)
{
    EXPECT_DOUBLE_EQ(*kpi::customer_lifetime_value(100, 0.8, 0.1, 2, std::nullopt), 100 / 0.3);
}

TEST(CustomerLifetimeValue, TruncatedSumEqualsTheTermByTermSum)
{
    for (int timing = 0; timing <= 2; ++timing)
        for (int periods : {1, 2, 5, 36})
            EXPECT_NEAR(*kpi::customer_lifetime_value(50, 0.8, 0.01, timing, periods),
                        brute_force(50, 0.8, 0.01, timing, periods), 1e-9)
                << "timing " << timing << ", periods " << periods;
}

TEST(CustomerLifetimeValue, LongTruncationApproachesTheClosedForm)
{
    for (int timing = 0; timing <= 2; ++timing)
        EXPECT_NEAR(*kpi::customer_lifetime_value(50, 0.8, 0.01, timing, 2000),
                    *kpi::customer_lifetime_value(50, 0.8, 0.01, timing, std::nullopt), 1e-9);
}

TEST(CustomerLifetimeValue, TruncationWorksWhereTheInfiniteSumDiverges)
{
    EXPECT_DOUBLE_EQ(*kpi::customer_lifetime_value(10, 1, 0, 1, 12), 120); // q = 1: twelve full margins
    EXPECT_NEAR(*kpi::customer_lifetime_value(10, 1, -0.1, 1, 3), brute_force(10, 1, -0.1, 1, 3), 1e-12);
}

// Exact values: Python's fractions on the inputs' exact binary values (Fraction(1e-20) is the double itself),
// m r / (1 + d - r) and m first (1 - q^T) / (1 - q), q = r / (1 + d), rounded to the nearest double; for
// T = 1,000,000, where q^T has millions of digits, mpmath at 80 significant digits.
TEST(CustomerLifetimeValue, RetentionNearOneAndATinyDiscountRateKeepTheirDigits)
{
    using kpi::testing::expect_near_exact;
    // 1 + d rounded first: 1 + 1e-20 - 1 gave 0 (#DIV/0!), and 1 + 1e-17 - (1 - 2^-30) gave 2^-30,
    // that is 1073741823 and 1073741824 instead of these.
    expect_near_exact(kpi::customer_lifetime_value(10, 1, 1e-20, 0, std::nullopt), 1e21);
    expect_near_exact(kpi::customer_lifetime_value(1, 1 - 0x1p-30, 1e-17, 0, std::nullopt),
                      1073741811.4707851);
    expect_near_exact(kpi::customer_lifetime_value(1, 1 - 0x1p-30, 1e-17, 1, std::nullopt),
                      1073741812.4707851);
    // The textbook vector to the last digit: 18.95 * 0.788 / 0.222 = 67.263963963963963...
    expect_near_exact(kpi::customer_lifetime_value(18.95, 0.788, 0.01, 0, std::nullopt), 67.26396396396397);
}

TEST(CustomerLifetimeValue, TruncatedSumWithRetentionNearOne)
{
    using kpi::testing::expect_near_exact;
    // ln(q) of a rounded q and 1 - q gave 632119.84637511719 (8 digits) for the first of these.
    expect_near_exact(kpi::customer_lifetime_value(1, 0.999999, 1e-12, 0, 1000000), 632119.8463988727);
    expect_near_exact(kpi::customer_lifetime_value(100, 0.9999999, 1e-9, 2, 24), 2399.997210002072);
    expect_near_exact(kpi::customer_lifetime_value(100, 1 - 0x1p-40, 0x1p-42, 1, 36), 3599.9999999283773);
    // q = 1 / (1 + 1e-20) is 1 to a double, but 1 - q is not 0: five margins, each discounted a little.
    expect_near_exact(kpi::customer_lifetime_value(1, 1, 1e-20, 2, 5), 5.0);
}

TEST(CustomerLifetimeValue, ADenormalRetentionStillGivesTheValue)
{
    // One period of a margin of 1e300 kept with the smallest retention, 2^-1074, at d = 1: m r / (1 + d),
    // exactly 2.470328229206233e-24 (Python's fractions). r / (1 + d) first rounded to 0 and gave 0, while
    // the endless sum gave the value (found by the fuzz target of customer value, tests/fuzz).
    using kpi::testing::expect_near_exact;
    expect_near_exact(kpi::customer_lifetime_value(1e300, 5e-324, 1, 0, 1), 2.470328229206233e-24);
    expect_near_exact(kpi::customer_lifetime_value(1e300, 5e-324, 1, 0, std::nullopt), 2.470328229206233e-24);
}

TEST(CustomerLifetimeValue, Errors)
{
    expect_error(kpi::customer_lifetime_value(10, 1, 0, 0, std::nullopt), error_kind::division_by_zero,
                 "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 1, -0.1, 0, std::nullopt), error_kind::no_result,
                 "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 1.2, 0.1, 0, std::nullopt), error_kind::invalid_argument,
                 "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 0.8, -1, 0, std::nullopt), error_kind::invalid_argument,
                 "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 0.8, 0.1, 3, std::nullopt), error_kind::invalid_argument,
                 "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 0.8, 0.1, 0.5, std::nullopt), error_kind::invalid_argument,
                 "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 0.8, 0.1, 0, 0), error_kind::invalid_argument, "KPI.CLV");
    expect_error(kpi::customer_lifetime_value(10, 0.8, 0.1, 0, 2.5), error_kind::invalid_argument, "KPI.CLV");
}

} // namespace
