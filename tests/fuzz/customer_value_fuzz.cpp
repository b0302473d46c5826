// Customer value (kpi/customer_value.hpp and the lifetime, LTV:CAC and payback ratios of kpi/ratios.hpp)
// against their contract: the documented errors for exactly the inputs the headers name (up to rounding where
// 1 + d - r is within rounding of 0); otherwise a finite value with the sign of the margin, linear in the
// margin, the three timings in the ratios r : 1 + d : 1 to each other, a truncated sum that grows with its
// periods and stays below the endless one; and the same result twice.
#include <kpi/customer_value.hpp>
#include <kpi/ratios.hpp>

#include "fuzz_support.hpp"

namespace {

using namespace kpi;
using namespace kpi::fuzz;

constexpr const char* clv_name = "KPI.CLV";

/// The error the header documents for these inputs, if it does not depend on rounding; `ambiguous` when
/// 1 + d - r is so near 0 that the division, a non-convergence or a value may each be right.
struct clv_expectation
{
    std::optional<error_kind> error;
    bool ambiguous = false;
};

clv_expectation expected_clv(double margin, double retention, double discount, double timing,
                             std::optional<double> periods)
{
    if (!std::isfinite(margin) || !(retention >= 0 && retention <= 1) || !std::isfinite(discount) ||
        !std::isfinite(timing) || discount <= -1 || (timing != 0 && timing != 1 && timing != 2))
        return {error_kind::invalid_argument};
    if (periods) {
        if (!std::isfinite(*periods) || *periods < 1 || *periods != std::floor(*periods))
            return {error_kind::invalid_argument};
        return {};
    }
    const double denominator = (1 + discount) - retention;
    if (std::fabs(denominator) <= 1e-12)
        return {std::nullopt, true};
    if (denominator < 0)
        return {error_kind::no_result};
    return {};
}

result<double> clv(double margin, double retention, double discount, double timing,
                   std::optional<double> periods)
{
    const result<double> r = customer_lifetime_value(margin, retention, discount, timing, periods);
    KPI_REQUIRE(same(r, customer_lifetime_value(margin, retention, discount, timing, periods)), clv_name,
                "differs on a second call", margin, retention, discount, timing);
    return r;
}

void check_clv(double margin, double retention, double discount, double timing, std::optional<double> periods)
{
    const result<double> r = clv(margin, retention, discount, timing, periods);
    const clv_expectation expected = expected_clv(margin, retention, discount, timing, periods);
    if (!outcome(r, expected.error, clv_name,
                 expected.ambiguous
                     ? std::initializer_list<error_kind>{error_kind::no_result, error_kind::division_by_zero}
                     : std::initializer_list<error_kind>{error_kind::no_result},
                 margin, retention, discount, timing, periods.value_or(-1)) ||
        expected.ambiguous)
        return;
    KPI_REQUIRE(margin >= 0 ? *r >= 0 : *r <= 0, clv_name, "has the sign of the margin", margin, retention,
                discount, timing, r);

    // The relations below compare values to a few digits: a denormal margin or value has too few, and so has
    // the first period's factor r / (1 + d) of an absurd discount rate (1e308).
    if (std::fabs(margin) < 1e-290 || 1 + discount > 1e100 || (*r != 0 && std::fabs(*r) < 1e-290))
        return;

    // Linear in the margin: twice the margin, twice the value (the doubling itself is exact). The margin is
    // multiplied before it is divided, so a product beyond the doubles may fail where the value would not.
    if (std::fabs(2 * margin * std::max(1.0, 1 + discount)) < 1e300 && std::fabs(*r) < 1e300 &&
        std::fabs(*r) > 1e-290) {
        const result<double> twice = clv(2 * margin, retention, discount, timing, periods);
        KPI_REQUIRE(twice && close(*twice, 2 * *r, 1e-12), clv_name, "is linear in the margin", margin,
                    retention, discount, timing, r, twice);
    }

    // The timings: excluded = r * end-of-period, included = (1 + d) * end-of-period.
    const result<double> end_of_period = clv(margin, retention, discount, 2, periods);
    if (end_of_period && std::fabs(*end_of_period) < 1e300 && std::fabs(*end_of_period) > 1e-290) {
        const double factor = timing == 0 ? retention : timing == 1 ? 1 + discount : 1.0;
        KPI_REQUIRE(close(*r, factor * *end_of_period, 1e-12, 1e-300), clv_name, "timings", margin, retention,
                    discount, timing, r, end_of_period);
    }

    // A truncated sum grows with its periods and stays below the endless sum (for a positive margin).
    if (periods && margin > 0 && *periods < 1e6) {
        const result<double> longer = clv(margin, retention, discount, timing, *periods + 1);
        if (longer)
            KPI_REQUIRE(*longer >= *r * (1 - 1e-12), clv_name, "grows with its periods", margin, retention,
                        discount, timing, *periods, r, longer);
        const result<double> endless = clv(margin, retention, discount, timing, std::nullopt);
        if (endless && (1 + discount) - retention > 1e-9 && *endless > 1e-290)
            KPI_REQUIRE(*r <= *endless * (1 + 1e-9), clv_name, "truncated is at most the endless sum", margin,
                        retention, discount, timing, *periods, r, endless);
    }
}

void check_lifetime(double churn)
{
    const char* f = "KPI.LIFETIME";
    const result<double> r = customer_lifetime(churn);
    KPI_REQUIRE(same(r, customer_lifetime(churn)), f, "differs on a second call");
    std::optional<error_kind> expected;
    if (!(churn >= 0 && churn <= 1))
        expected = error_kind::invalid_argument;
    else if (churn == 0)
        expected = error_kind::division_by_zero;
    if (outcome(r, expected, f, {error_kind::no_result}, churn))
        KPI_REQUIRE(*r >= 1 && close(*r, 1 / churn, 1e-15), f, "is at least one period", churn, r);
}

void check_ltv_to_cac(double value, double cac)
{
    const char* f = "KPI.LTVCAC";
    const result<double> r = ltv_to_cac(value, cac);
    KPI_REQUIRE(same(r, ltv_to_cac(value, cac)), f, "differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(value) || !std::isfinite(cac) || cac < 0)
        expected = error_kind::invalid_argument;
    else if (cac == 0)
        expected = error_kind::division_by_zero;
    if (outcome(r, expected, f, {error_kind::no_result}, value, cac))
        KPI_REQUIRE(close(*r, value / cac, 1e-15), f, value, cac, r);
}

void check_payback(double cac, double margin)
{
    const char* f = "KPI.PAYBACK";
    const result<double> r = payback_periods(cac, margin);
    KPI_REQUIRE(same(r, payback_periods(cac, margin)), f, "differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(cac) || cac < 0 || !std::isfinite(margin))
        expected = error_kind::invalid_argument;
    else if (margin <= 0)
        expected = error_kind::no_result; // never paid back
    if (outcome(r, expected, f, {error_kind::no_result}, cac, margin))
        KPI_REQUIRE(*r >= 0 && close(*r, cac / margin, 1e-15), f, cac, margin, r);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegralInRange(0, 3)) {
        case 0: {
            const double margin = any_double(in), retention = any_fraction(in);
            // Discount rates as users type them (0.01, 0.1), near -1, or anything.
            const double discount =
                in.ConsumeBool() ? in.ConsumeFloatingPointInRange(-0.999, 1.0) : any_double(in);
            const double timing = in.ConsumeIntegralInRange(0, 7) == 0
                                      ? any_double(in)
                                      : static_cast<double>(in.ConsumeIntegralInRange(0, 2));
            std::optional<double> periods;
            if (in.ConsumeBool())
                periods = in.ConsumeBool() ? static_cast<double>(in.ConsumeIntegralInRange(1, 2000))
                                           : any_double(in);
            check_clv(margin, retention, discount, timing, periods);
            break;
        }
        case 1:
            check_lifetime(any_fraction(in));
            break;
        case 2: {
            const double value = any_double(in), cac = any_count(in);
            check_ltv_to_cac(value, cac);
            break;
        }
        default: {
            const double cac = any_count(in), margin = any_double(in);
            check_payback(cac, margin);
            break;
        }
        }
    }
    return 0;
}
