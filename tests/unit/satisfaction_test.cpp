#include <kpi/satisfaction.hpp>

#include "test_support.hpp"

#include <vector>

namespace {

using kpi::error_kind;
using kpi::testing::expect_error;

TEST(NetPromoterScore, PublicVectors)
{
    // Spec section 3 (after Reichheld 2003): 0...10 once each is -45.4545; {10, 9, 10, 4} is 50.
    const std::vector<double> each_once{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_NEAR(*kpi::net_promoter_score(each_once), -45.4545, 5e-5);
    EXPECT_DOUBLE_EQ(*kpi::net_promoter_score(std::vector<double>{10, 9, 10, 4}), 50);
}

TEST(NetPromoterScore, PassivesStayInTheDenominatorUnrounded)
{
    // 100 promoters, 30 passives, 80 detractors: (100 - 80) / 210 * 100 = 9.5238...
    std::vector<double> scores(100, 9.0);
    scores.insert(scores.end(), 30, 7.0);
    scores.insert(scores.end(), 80, 3.0);
    EXPECT_NEAR(*kpi::net_promoter_score(scores), 9.5238, 5e-5);
    EXPECT_DOUBLE_EQ(*kpi::net_promoter_score(scores), 2000.0 / 210.0);
}

TEST(NetPromoterScore, Bounds)
{
    EXPECT_EQ(*kpi::net_promoter_score(std::vector<double>{10}), 100.0);
    EXPECT_EQ(*kpi::net_promoter_score(std::vector<double>{0, 6}), -100.0);
    EXPECT_EQ(*kpi::net_promoter_score(std::vector<double>{7, 8}), 0.0);
}

TEST(NetPromoterScore, Errors)
{
    expect_error(kpi::net_promoter_score(std::vector<double>{}), error_kind::division_by_zero, "KPI.NPS");
    expect_error(kpi::net_promoter_score(std::vector<double>{9, 11}), error_kind::invalid_argument,
                 "KPI.NPS");
    expect_error(kpi::net_promoter_score(std::vector<double>{9, 8.5}), error_kind::invalid_argument,
                 "KPI.NPS");
    expect_error(kpi::net_promoter_score(std::vector<double>{-1}), error_kind::invalid_argument, "KPI.NPS");
}

TEST(CustomerSatisfaction, PublicVector)
{
    // Spec section 3: 60 of 100 answers at 4-5 on a 1-5 scale is 60 %.
    std::vector<double> scores(60, 5.0);
    scores.insert(scores.end(), 40, 2.0);
    EXPECT_DOUBLE_EQ(*kpi::customer_satisfaction(scores, 4, 5), 0.6);
}

TEST(CustomerSatisfaction, ThresholdAndScale)
{
    const std::vector<double> scores{10, 9, 8, 7, 6};
    EXPECT_DOUBLE_EQ(*kpi::customer_satisfaction(scores, 8, 10), 0.6);
    EXPECT_DOUBLE_EQ(*kpi::customer_satisfaction(std::vector<double>{4, 3}, 4, 5), 0.5);
}

TEST(CustomerSatisfaction, Errors)
{
    expect_error(kpi::customer_satisfaction(std::vector<double>{}, 4, 5), error_kind::division_by_zero,
                 "KPI.CSAT");
    expect_error(kpi::customer_satisfaction(std::vector<double>{6}, 4, 5), error_kind::invalid_argument,
                 "KPI.CSAT");
    expect_error(kpi::customer_satisfaction(std::vector<double>{0}, 4, 5), error_kind::invalid_argument,
                 "KPI.CSAT");
    expect_error(kpi::customer_satisfaction(std::vector<double>{3}, 6, 5), error_kind::invalid_argument,
                 "KPI.CSAT");
    expect_error(kpi::customer_satisfaction(std::vector<double>{3}, 1, 0), error_kind::invalid_argument,
                 "KPI.CSAT");
}

} // namespace
