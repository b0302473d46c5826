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
