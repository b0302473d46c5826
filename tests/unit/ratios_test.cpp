#include <kpi/ratios.hpp>

#include "test_support.hpp"

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;
using kpi::testing::inf;
using kpi::testing::nan;

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

// ---- simple ratios: CTR, CPC, CPL, CPA, CAC, ROAS, AOV, MARKETSHARE, SOV, ENGAGEMENT, PAGESPERSESSION ----

TEST(SimpleRatios, AreTheQuotientOfTheirInputs)
{
    EXPECT_DOUBLE_EQ(*kpi::click_through_rate(50, 2000), 0.025);
    EXPECT_DOUBLE_EQ(*kpi::cost_per_click(300, 120), 2.5);
    EXPECT_DOUBLE_EQ(*kpi::cost_per_lead(1000, 40), 25);
    EXPECT_DOUBLE_EQ(*kpi::cost_per_acquisition(1000, 8), 125);
    EXPECT_DOUBLE_EQ(*kpi::customer_acquisition_cost(60000, 150), 400);
    EXPECT_DOUBLE_EQ(*kpi::return_on_ad_spend(5000, 1000), 5); // verticalrail.com: 5000 / 1000 = 5
    EXPECT_DOUBLE_EQ(*kpi::average_order_value(12500, 250), 50);
    EXPECT_DOUBLE_EQ(*kpi::market_share(2.5e6, 1e7), 0.25);
    EXPECT_DOUBLE_EQ(*kpi::share_of_voice(5e6, 1e8), 0.05);           // 5M of 100M is 5 %
    EXPECT_DOUBLE_EQ(*kpi::social_engagement_rate(500, 10000), 0.05); // 500 / 10,000 is 5 %
    EXPECT_DOUBLE_EQ(*kpi::pages_per_session(5430, 1810), 3);
}

TEST(SimpleRatios, ZeroDenominatorIsDivisionByZero)
{
    expect_error(kpi::click_through_rate(0, 0), error_kind::division_by_zero, "KPI.CTR");
    expect_error(kpi::cost_per_click(10, 0), error_kind::division_by_zero, "KPI.CPC");
    expect_error(kpi::cost_per_lead(10, 0), error_kind::division_by_zero, "KPI.CPL");
    expect_error(kpi::cost_per_acquisition(10, 0), error_kind::division_by_zero, "KPI.CPA");
    expect_error(kpi::customer_acquisition_cost(10, 0), error_kind::division_by_zero, "KPI.CAC");
    expect_error(kpi::return_on_ad_spend(10, 0), error_kind::division_by_zero, "KPI.ROAS");
    expect_error(kpi::average_order_value(10, 0), error_kind::division_by_zero, "KPI.AOV");
    expect_error(kpi::market_share(0, 0), error_kind::division_by_zero, "KPI.MARKETSHARE");
    expect_error(kpi::share_of_voice(0, 0), error_kind::division_by_zero, "KPI.SOV");
    expect_error(kpi::social_engagement_rate(1, 0), error_kind::division_by_zero, "KPI.ENGAGEMENT");
    expect_error(kpi::pages_per_session(1, 0), error_kind::division_by_zero, "KPI.PAGESPERSESSION");
}

TEST(SimpleRatios, NegativeInputIsInvalid)
{
    expect_error(kpi::click_through_rate(-1, 10), error_kind::invalid_argument, "KPI.CTR");
    expect_error(kpi::cost_per_click(-1, 10), error_kind::invalid_argument, "KPI.CPC");
    expect_error(kpi::cost_per_lead(1, -10), error_kind::invalid_argument, "KPI.CPL");
    expect_error(kpi::cost_per_acquisition(-1, 10), error_kind::invalid_argument, "KPI.CPA");
    expect_error(kpi::customer_acquisition_cost(1, -10), error_kind::invalid_argument, "KPI.CAC");
    expect_error(kpi::return_on_ad_spend(-1, 10), error_kind::invalid_argument, "KPI.ROAS");
    expect_error(kpi::average_order_value(-1, 10), error_kind::invalid_argument, "KPI.AOV");
    expect_error(kpi::social_engagement_rate(-1, 10), error_kind::invalid_argument, "KPI.ENGAGEMENT");
}

TEST(SimpleRatios, SharesAboveTheWholeAreInvalid)
{
    expect_error(kpi::click_through_rate(11, 10), error_kind::invalid_argument, "KPI.CTR");
    expect_error(kpi::market_share(11, 10), error_kind::invalid_argument, "KPI.MARKETSHARE");
    expect_error(kpi::share_of_voice(11, 10), error_kind::invalid_argument, "KPI.SOV");
    EXPECT_EQ(kpi::share_of_voice(11, 10).error().message,
              "KPI.SOV: own_spend_or_mentions must not exceed category_total (got 11)");
}

TEST(SimpleRatios, InteractionsMayExceedTheAudience)
{
    EXPECT_DOUBLE_EQ(*kpi::social_engagement_rate(150, 100), 1.5);
    EXPECT_DOUBLE_EQ(*kpi::cost_per_click(1, 4), 0.25);
}

// ---- KPI.CHURN ----

TEST(ChurnRate, IsOneMinusRetention)
{
    EXPECT_DOUBLE_EQ(*kpi::churn_rate(1000, 1100, 250), 0.15); // agilebrandguide.com's retention of 85 %
    EXPECT_EQ(*kpi::churn_rate(100, 100, 0), 0.0);
}

TEST(ChurnRate, IsTheShareLostWithOneRounding)
{
    // 1 of 1,000,000,000 customers lost: exactly 1e-9 rounded once (1 - 0.999999999 gave 9.9999997e-10),
    // and 1 of 3 is 1/3, not 1 - 2/3 = 0.33333333333333337.
    EXPECT_EQ(*kpi::churn_rate(1e9, 999999999, 0), 1e-9);
    EXPECT_EQ(*kpi::churn_rate(3, 2, 0), 1.0 / 3);
    EXPECT_EQ(*kpi::churn_rate(1e9, 1e9 + 4, 5), 1e-9);
}

TEST(ChurnRate, HasRetentionsErrorsUnderItsOwnName)
{
    expect_error(kpi::churn_rate(0, 0, 0), error_kind::division_by_zero, "KPI.CHURN");
    expect_error(kpi::churn_rate(100, 200, 50), error_kind::invalid_argument, "KPI.CHURN");
}

// ---- KPI.ROMI ----

TEST(ReturnOnMarketingInvestment, PublicVector)
{
    // kameir.com after Farris et al.: spend 10,000, incremental revenue 50,000 at a 60 % margin gives 2.0.
    EXPECT_DOUBLE_EQ(*kpi::return_on_marketing_investment(50000, 0.6, 10000), 2.0);
}

TEST(ReturnOnMarketingInvestment, Errors)
{
    expect_error(kpi::return_on_marketing_investment(50000, 0.6, 0), error_kind::division_by_zero,
                 "KPI.ROMI");
    expect_error(kpi::return_on_marketing_investment(50000, 60, 10000), error_kind::invalid_argument,
                 "KPI.ROMI");
    expect_error(kpi::return_on_marketing_investment(-1, 0.6, 10000), error_kind::invalid_argument,
                 "KPI.ROMI");
    expect_error(kpi::return_on_marketing_investment(1, 0.6, -1), error_kind::invalid_argument, "KPI.ROMI");
}

// ---- KPI.LIFETIME, KPI.LTVCAC, KPI.PAYBACK ----

TEST(CustomerLifetime, PublicVector)
{
    EXPECT_DOUBLE_EQ(*kpi::customer_lifetime(0.025), 40); // churnzero: 2.5 % monthly churn is 40 months
    EXPECT_EQ(*kpi::customer_lifetime(1), 1.0);
}

TEST(CustomerLifetime, Errors)
{
    expect_error(kpi::customer_lifetime(0), error_kind::division_by_zero, "KPI.LIFETIME");
    expect_error(kpi::customer_lifetime(1.5), error_kind::invalid_argument, "KPI.LIFETIME");
    expect_error(kpi::customer_lifetime(-0.1), error_kind::invalid_argument, "KPI.LIFETIME");
}

TEST(LtvToCac, RatioAndErrors)
{
    EXPECT_DOUBLE_EQ(*kpi::ltv_to_cac(1200, 400), 3);
    EXPECT_DOUBLE_EQ(*kpi::ltv_to_cac(-100, 400), -0.25);
    expect_error(kpi::ltv_to_cac(1200, 0), error_kind::division_by_zero, "KPI.LTVCAC");
    expect_error(kpi::ltv_to_cac(1200, -1), error_kind::invalid_argument, "KPI.LTVCAC");
}

TEST(PaybackPeriods, PublicVectors)
{
    EXPECT_DOUBLE_EQ(*kpi::payback_periods(600, 100 * 0.75), 8);  // spec section 3
    EXPECT_DOUBLE_EQ(*kpi::payback_periods(1200, 100 * 0.8), 15); // spec section 3
}

TEST(PaybackPeriods, NoPositiveMarginIsNoResult)
{
    expect_error(kpi::payback_periods(600, 0), error_kind::no_result, "KPI.PAYBACK");
    expect_error(kpi::payback_periods(600, -5), error_kind::no_result, "KPI.PAYBACK");
    expect_error(kpi::payback_periods(-600, 5), error_kind::invalid_argument, "KPI.PAYBACK");
}

// ---- GA4: KPI.ENGAGEMENTRATE, KPI.BOUNCERATE ----

TEST(EngagementAndBounce, PublicVector)
{
    // bbccss.com: 693 engaged of 1,810 sessions is 38.3 % engagement and 61.7 % bounce.
    EXPECT_NEAR(*kpi::engagement_rate(693, 1810), 0.383, 5e-4);
    EXPECT_NEAR(*kpi::bounce_rate(693, 1810), 0.617, 5e-4);
    EXPECT_DOUBLE_EQ(*kpi::engagement_rate(693, 1810) + *kpi::bounce_rate(693, 1810), 1.0);
}

TEST(EngagementAndBounce, BounceIsTheShareWithoutEngagementWithOneRounding)
{
    // 1 of 1,000,000,000 sessions not engaged: 1e-9 (1 - 0.999999999 gave 9.9999997e-10); 1 of 3 is 1/3.
    EXPECT_EQ(*kpi::bounce_rate(999999999, 1e9), 1e-9);
    EXPECT_EQ(*kpi::bounce_rate(2, 3), 1.0 / 3);
}

TEST(EngagementAndBounce, Errors)
{
    expect_error(kpi::engagement_rate(1, 0), error_kind::division_by_zero, "KPI.ENGAGEMENTRATE");
    expect_error(kpi::bounce_rate(0, 0), error_kind::division_by_zero, "KPI.BOUNCERATE");
    expect_error(kpi::bounce_rate(11, 10), error_kind::invalid_argument, "KPI.BOUNCERATE");
    expect_error(kpi::engagement_rate(-1, 10), error_kind::invalid_argument, "KPI.ENGAGEMENTRATE");
}

// ---- KPI.GROWTH, KPI.ATTAINMENT ----

TEST(GrowthRate, AgainstPositiveAndNegativePrevious)
{
    EXPECT_DOUBLE_EQ(*kpi::growth_rate(120, 100), 0.2);
    EXPECT_DOUBLE_EQ(*kpi::growth_rate(80, 100), -0.2);
    EXPECT_DOUBLE_EQ(*kpi::growth_rate(-50, -100), 0.5); // a loss halved is growth
    expect_error(kpi::growth_rate(5, 0), error_kind::division_by_zero, "KPI.GROWTH");
}

TEST(Attainment, RatioAndErrors)
{
    EXPECT_DOUBLE_EQ(*kpi::attainment(96000, 120000), 0.8);
    expect_error(kpi::attainment(1, 0), error_kind::division_by_zero, "KPI.ATTAINMENT");
    expect_error(kpi::attainment(1, -5), error_kind::invalid_argument, "KPI.ATTAINMENT");
}

} // namespace
