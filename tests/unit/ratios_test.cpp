#include <kpi/ratios.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace {

using kpi::error_kind;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Expects an error of the given kind whose message starts with the function's name.
void expect_error(const kpi::result<double>& r, error_kind kind, std::string_view function)
{
    ASSERT_FALSE(r.has_value()) << "expected an error, got " << *r;
    EXPECT_EQ(r.error().kind, kind) << r.error().message;
    EXPECT_EQ(r.error().message.rfind(function, 0), 0u) << r.error().message;
}

// ---- KPI.CONVERSION ----

TEST(ConversionRate, PublicVectors)
{
    // calculatorlib conversion rate calculator: 75 of 500 is 15 %, 96 of 1200 is 8 %.
    EXPECT_DOUBLE_EQ(*kpi::conversion_rate(75, 500), 0.15);
    EXPECT_DOUBLE_EQ(*kpi::conversion_rate(96, 1200), 0.08);
}

TEST(ConversionRate, Boundaries)
{
    EXPECT_EQ(*kpi::conversion_rate(0, 10), 0.0);
    EXPECT_EQ(*kpi::conversion_rate(10, 10), 1.0);
    EXPECT_EQ(*kpi::conversion_rate(1, 3), 1.0 / 3.0);
}

TEST(ConversionRate, ZeroLeadsIsDivisionByZero)
{
    expect_error(kpi::conversion_rate(0, 0), error_kind::division_by_zero, "KPI.CONVERSION");
    EXPECT_EQ(kpi::conversion_rate(0, 0).error().message, "KPI.CONVERSION: leads is 0");
}

TEST(ConversionRate, NegativeCountIsInvalid)
{
    expect_error(kpi::conversion_rate(-1, 10), error_kind::invalid_argument, "KPI.CONVERSION");
    EXPECT_EQ(kpi::conversion_rate(-1, 10).error().message,
              "KPI.CONVERSION: conversions must not be negative (got -1)");
    expect_error(kpi::conversion_rate(1, -10), error_kind::invalid_argument, "KPI.CONVERSION");
}

TEST(ConversionRate, MoreConversionsThanLeadsIsInvalid)
{
    expect_error(kpi::conversion_rate(500, 75), error_kind::invalid_argument, "KPI.CONVERSION");
}

TEST(ConversionRate, NonFiniteInputIsInvalid)
{
    expect_error(kpi::conversion_rate(nan, 10), error_kind::invalid_argument, "KPI.CONVERSION");
    expect_error(kpi::conversion_rate(1, inf), error_kind::invalid_argument, "KPI.CONVERSION");
}

// ---- KPI.ROI ----

TEST(ReturnOnInvestment, GainAboveCostIsPositive)
{
    EXPECT_DOUBLE_EQ(*kpi::return_on_investment(150, 100), 0.5);
    // Farris et al., Marketing Metrics: ROI = (return - investment) / investment; 1200 on 1000 is 20 %.
    EXPECT_DOUBLE_EQ(*kpi::return_on_investment(1200, 1000), 0.2);
}

TEST(ReturnOnInvestment, LossesAreValidNegativeResults)
{
    EXPECT_DOUBLE_EQ(*kpi::return_on_investment(50, 100), -0.5);
    EXPECT_DOUBLE_EQ(*kpi::return_on_investment(0, 100), -1.0);
    EXPECT_DOUBLE_EQ(*kpi::return_on_investment(-20, 100), -1.2);
}

TEST(ReturnOnInvestment, ZeroCostIsDivisionByZero)
{
    expect_error(kpi::return_on_investment(1, 0), error_kind::division_by_zero, "KPI.ROI");
}

TEST(ReturnOnInvestment, NegativeCostIsInvalid)
{
    expect_error(kpi::return_on_investment(1, -100), error_kind::invalid_argument, "KPI.ROI");
    EXPECT_EQ(kpi::return_on_investment(1, -100).error().message,
              "KPI.ROI: cost must not be negative (got -100)");
}

TEST(ReturnOnInvestment, OverflowHasNoRealResult)
{
    expect_error(kpi::return_on_investment(1e308, 1e-300), error_kind::no_result, "KPI.ROI");
}

TEST(ReturnOnInvestment, NonFiniteInputIsInvalid)
{
    expect_error(kpi::return_on_investment(inf, 1), error_kind::invalid_argument, "KPI.ROI");
    expect_error(kpi::return_on_investment(1, nan), error_kind::invalid_argument, "KPI.ROI");
}

// ---- KPI.RETENTION ----

TEST(RetentionRate, PublicVector)
{
    // agilebrandguide.com, customer retention rate: S = 1000, N = 250, E = 1100 gives 85 %.
    EXPECT_DOUBLE_EQ(*kpi::retention_rate(1000, 1100, 250), 0.85);
}

TEST(RetentionRate, Boundaries)
{
    EXPECT_EQ(*kpi::retention_rate(100, 100, 0), 1.0); // everyone kept, nobody new
    EXPECT_EQ(*kpi::retention_rate(100, 30, 30), 0.0); // everyone lost, all customers at the end are new
    EXPECT_EQ(*kpi::retention_rate(1, 1, 0), 1.0);
}

TEST(RetentionRate, ZeroStartIsDivisionByZero)
{
    expect_error(kpi::retention_rate(0, 0, 0), error_kind::division_by_zero, "KPI.RETENTION");
    expect_error(kpi::retention_rate(0, 5, 5), error_kind::division_by_zero, "KPI.RETENTION");
}

TEST(RetentionRate, MoreNewThanEndIsInvalid)
{
    expect_error(kpi::retention_rate(100, 50, 60), error_kind::invalid_argument, "KPI.RETENTION");
}

TEST(RetentionRate, KeepingMoreThanTheStartIsInvalid)
{
    expect_error(kpi::retention_rate(100, 200, 50), error_kind::invalid_argument, "KPI.RETENTION");
    EXPECT_EQ(kpi::retention_rate(100, 200, 50).error().message,
              "KPI.RETENTION: customers_end - new_customers must not exceed customers_start (got 150)");
}

TEST(RetentionRate, NegativeCountIsInvalid)
{
    expect_error(kpi::retention_rate(-1, 10, 0), error_kind::invalid_argument, "KPI.RETENTION");
    expect_error(kpi::retention_rate(10, -1, 0), error_kind::invalid_argument, "KPI.RETENTION");
    expect_error(kpi::retention_rate(10, 10, -1), error_kind::invalid_argument, "KPI.RETENTION");
}

TEST(RetentionRate, NonFiniteInputIsInvalid)
{
    expect_error(kpi::retention_rate(inf, 10, 0), error_kind::invalid_argument, "KPI.RETENTION");
    expect_error(kpi::retention_rate(10, nan, 0), error_kind::invalid_argument, "KPI.RETENTION");
}

} // namespace
