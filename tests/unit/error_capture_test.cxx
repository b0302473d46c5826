// Explain Error's record of the core's errors (addin/error_capture.hxx), without an office: what a call of
// the glue records while a capture is alive, and that nothing is recorded otherwise.
#include "calc_values.hxx"
#include "error_capture.hxx"

#include <gtest/gtest.h>

namespace {

using kpi::error_kind;
using kpi::calc::arguments;
using kpi::calc::error_capture;

kpi::result<double> non_negative(double cost)
{
    if (cost < 0)
        return kpi::fail(error_kind::invalid_argument, "KPI.TEST", "cost", "must not be negative", cost);
    return cost;
}

/// A 2x3 grid whose cell (1, 2) is #N/A with a message, the others numbers.
kpi::result<kpi::grid> grid_with_one_error()
{
    kpi::grid g(2, 3);
    for (auto& cell : g.cells)
        cell = kpi::result<double>(1.0);
    g.at(1, 2) = kpi::result<double>(kpi::fail(error_kind::not_available, "KPI.GRID", "", "not reached"));
    return g;
}

/// KPI.TEST(-5) through the glue: Err:502.
double failing_call()
{
    arguments args{"KPI.TEST"};
    return args.call(non_negative, -5.0);
}

TEST(ErrorCapture, NothingIsCapturedWithoutACapture)
{
    EXPECT_FALSE(kpi::calc::capturing());
    EXPECT_EQ(kpi::calc::error_code_of(failing_call()), 502u);
    const error_capture capture;
    EXPECT_TRUE(kpi::calc::capturing());
    EXPECT_TRUE(capture.errors().empty());
}

TEST(ErrorCapture, RecordsTheFunctionAndTheCoresErrorOfAFailedCall)
{
    const error_capture capture;
    arguments ok{"KPI.TEST"};
    EXPECT_EQ(ok.call(non_negative, 5.0), 5.0);
    EXPECT_EQ(kpi::calc::error_code_of(failing_call()), 502u);
    const auto errors = capture.errors();
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].function, "KPI.TEST");
    EXPECT_EQ(errors[0].failure, non_negative(-5).error());
    EXPECT_TRUE(errors[0].whole);
}

TEST(ErrorCapture, RecordsAnArgumentErrorThatStopsTheCall)
{
    const error_capture capture;
    arguments args{"KPI.TEST"};
    EXPECT_EQ(kpi::calc::error_code_of(
                  args.call(non_negative, args.number(css::uno::Any(rtl::OUString("x")), "cost"))),
              519u);
    const auto errors = capture.errors();
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].failure.kind, error_kind::wrong_type);
    EXPECT_EQ(errors[0].failure, *args.failure());
}

TEST(ErrorCapture, RecordsOnlyTheWantedCellOfAnArray)
{
    const error_capture at_error(1, 2);
    const error_capture at_number(0, 0);
    arguments args{"KPI.GRID"};
    EXPECT_EQ(args.call(grid_with_one_error).getLength(), 2);
    const auto errors = at_error.errors();
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_FALSE(errors[0].whole);
    EXPECT_EQ(errors[0].row, 1u);
    EXPECT_EQ(errors[0].column, 2u);
    EXPECT_EQ(errors[0].failure.kind, error_kind::not_available);
    EXPECT_TRUE(at_number.errors().empty());
}

TEST(ErrorCapture, TheErrorOfAWholeArrayIsEveryCells)
{
    const error_capture capture(5, 5);
    arguments args{"KPI.GRID"};
    EXPECT_EQ(args.call([]() -> kpi::result<kpi::grid> { return non_negative(-1).error(); }).getLength(), 1);
    const auto errors = capture.errors();
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_TRUE(errors[0].whole);
}

TEST(ErrorCapture, EndsWithItsLastCapture)
{
    {
        const error_capture outer;
        {
            const error_capture inner;
        }
        EXPECT_TRUE(kpi::calc::capturing());
    }
    EXPECT_FALSE(kpi::calc::capturing());
}

} // namespace
