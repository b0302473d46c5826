#include <kpi/result.hpp>

#include <gtest/gtest.h>

namespace {

TEST(Fail, MessageNamesFunctionArgumentAndValue)
{
    const kpi::error e =
        kpi::fail(kpi::error_kind::invalid_argument, "KPI.ROI", "cost", "must not be negative", -5);
    EXPECT_EQ(e.kind, kpi::error_kind::invalid_argument);
    EXPECT_EQ(e.message, "KPI.ROI: cost must not be negative (got -5)");
}

TEST(Fail, MessageWithoutValueOrArgument)
{
    EXPECT_EQ(kpi::fail(kpi::error_kind::division_by_zero, "KPI.CONVERSION", "leads", "is 0").message,
              "KPI.CONVERSION: leads is 0");
    EXPECT_EQ(kpi::fail(kpi::error_kind::no_result, "KPI.ROI", "", "result is too large").message,
              "KPI.ROI: result is too large");
}

TEST(Fail, NonFiniteValuesAreWrittenReadably)
{
    EXPECT_EQ(kpi::fail(kpi::error_kind::invalid_argument, "F", "x", "bad", 1.0 / 0.0).message,
              "F: x bad (got inf)");
    EXPECT_EQ(kpi::fail(kpi::error_kind::invalid_argument, "F", "x", "bad", 0.1).message,
              "F: x bad (got 0.1)");
}

TEST(ErrorKind, EveryKindHasAName)
{
    EXPECT_EQ(kpi::to_string(kpi::error_kind::division_by_zero), "division by zero");
    EXPECT_EQ(kpi::to_string(kpi::error_kind::invalid_argument), "invalid argument");
    EXPECT_EQ(kpi::to_string(kpi::error_kind::no_result), "no real result");
    EXPECT_EQ(kpi::to_string(kpi::error_kind::wrong_type), "wrong type");
    EXPECT_EQ(kpi::to_string(kpi::error_kind::not_available), "not available");
    EXPECT_EQ(kpi::to_string(kpi::error_kind::internal), "internal error");
}

TEST(Result, HoldsEitherAValueOrAnError)
{
    const kpi::result<double> ok = 0.25;
    ASSERT_TRUE(ok.has_value());
    EXPECT_EQ(*ok, 0.25);

    const kpi::result<double> bad = kpi::fail(kpi::error_kind::not_available, "F", "x", "missing");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, kpi::error_kind::not_available);
}

} // namespace
