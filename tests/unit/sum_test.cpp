#include <kpi/sum.hpp>

#include <gtest/gtest.h>

namespace {

TEST(CompensatedSum, EmptyIsZero)
{
    EXPECT_EQ(kpi::compensated_sum{}.value(), 0.0);
}

TEST(CompensatedSum, KeepsSmallTermsThatNaiveSummationLoses)
{
    kpi::compensated_sum s;
    for (double x : {1e16, 1.0, -1e16})
        s.add(x);
    EXPECT_EQ(s.value(), 1.0); // naive left-to-right summation gives 0
}

TEST(CompensatedSum, TenthsAddUpToOne)
{
    kpi::compensated_sum s;
    double naive = 0;
    for (int i = 0; i < 10; ++i) {
        s.add(0.1);
        naive += 0.1;
    }
    EXPECT_EQ(s.value(), 1.0);
    EXPECT_NE(naive, 1.0); // shows that the test can tell the difference
}

} // namespace
