// Trends and targets (kpi/targets.hpp) against their contract: the documented errors for exactly the inputs
// the header names; otherwise a finite value: CAGR of at least -1, 0 for no change and with the sign of the
// change; TREND unchanged when the values are doubled and negated when they are reversed; PACE equal to
// attainment on the last day; REQUIRED never negative and 0 exactly when the target is reached; STATUS one of
// -1, 0, 1 and never worse for a better actual value; the same result twice.
#include <kpi/targets.hpp>

#include "fuzz_support.hpp"

#include <algorithm>
#include <vector>

namespace {

using namespace kpi;
using namespace kpi::fuzz;

void check_cagr(double begin, double end, double periods)
{
    const char* f = "KPI.CAGR";
    const result<double> r = compound_growth_rate(begin, end, periods);
    KPI_REQUIRE(same(r, compound_growth_rate(begin, end, periods)), f, "differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(begin) || !std::isfinite(end) || !std::isfinite(periods) || periods <= 0)
        expected = error_kind::invalid_argument;
    else if (begin <= 0 || end < 0)
        expected = error_kind::no_result;
    if (!outcome(r, expected, f, {error_kind::no_result}, begin, end, periods))
        return;
    KPI_REQUIRE(*r >= -1, f, "is at least -100 %", begin, end, periods, r);
    KPI_REQUIRE(end > begin   ? *r >= 0
                : end < begin ? *r <= 0
                              : *r == 0,
                f, "has the sign of the change", begin, end, periods, r);
}

void check_trend(const std::vector<double>& values)
{
    const char* f = "KPI.TREND";
    const result<double> r = relative_trend(values);
    KPI_REQUIRE(same(r, relative_trend(values)), f, "differs on a second call");
    if (values.size() < 2) {
        KPI_REQUIRE(error_of(r, error_kind::division_by_zero, f), values.size(), r);
        return;
    }
    const bool finite = std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
    KPI_REQUIRE(
        value_or(r, f,
                 finite
                     ? std::initializer_list<error_kind>{error_kind::division_by_zero, error_kind::no_result}
                     : std::initializer_list<error_kind>{error_kind::division_by_zero, error_kind::no_result,
                                                         error_kind::invalid_argument}),
        values.size(), r);
    if (!r || !finite)
        return;
    bool ordinary = true;
    for (const double v : values)
        ordinary = ordinary && std::fabs(v) < 1e100 && (v == 0 || std::fabs(v) > 1e-100);
    if (!ordinary)
        return;
    // Scaling by 2 is exact: the same relative trend to the last bit, or nearly (a different sum order).
    std::vector<double> doubled = values;
    for (double& v : doubled)
        v *= 2;
    const result<double> twice = relative_trend(doubled);
    KPI_REQUIRE(twice && close(*twice, *r, 1e-12, 1e-12), f, "changes when the values are doubled", r, twice);
    // Reversed values, the opposite trend: to the rounding error of the sums, which a trend near 0 or a mean
    // near 0 magnifies, so the tolerance is a bound of that error.
    const auto n = static_cast<double>(values.size());
    double mean = 0, sxx = 0, magnitude = 0;
    for (const double v : values)
        mean += v / n;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double dx = static_cast<double>(i + 1) - (n + 1) / 2;
        sxx += dx * dx;
        magnitude += std::fabs(dx) * (std::fabs(values[i]) + std::fabs(mean));
    }
    const double rounding =
        8 * n * std::numeric_limits<double>::epsilon() * magnitude / sxx / std::fabs(mean);
    std::vector<double> reversed(values.rbegin(), values.rend());
    const result<double> backwards = relative_trend(reversed);
    KPI_REQUIRE(!std::isfinite(rounding) || (backwards && close(*backwards, -*r, 1e-9, rounding)), f,
                "is not negated by reversing the values", r, backwards, rounding);
}

/// The error pace and required_per_day document for their shared checks, if any.
std::optional<error_kind> period_error(double actual, double target, double start, double end, double as_of)
{
    if (!std::isfinite(actual) || !std::isfinite(target) || target < 0 || !std::isfinite(as_of) ||
        !std::isfinite(start) || !std::isfinite(end) || std::floor(end) < std::floor(start) ||
        std::floor(as_of) < std::floor(start) || std::floor(as_of) > std::floor(end))
        return error_kind::invalid_argument;
    return std::nullopt;
}

void check_pace(double actual, double target, double start, double end, double as_of)
{
    const char* f = "KPI.PACE";
    const result<double> r = pace(actual, target, start, end, as_of);
    KPI_REQUIRE(same(r, pace(actual, target, start, end, as_of)), f, "differs on a second call");
    std::optional<error_kind> expected = period_error(actual, target, start, end, as_of);
    if (!expected && target == 0)
        expected = error_kind::division_by_zero;
    if (!outcome(r, expected, f, {error_kind::no_result}, actual, target, start, end, as_of))
        return;
    KPI_REQUIRE(actual >= 0 ? *r >= 0 : *r <= 0, f, "has the sign of the actual value", actual, r);
    // On the last day the projection is what has been reached.
    if (std::floor(as_of) == std::floor(end) && std::isfinite(actual / target) &&
        (actual == 0 || std::fabs(actual) > 1e-290))
        KPI_REQUIRE(close(*r, actual / target, 1e-12), f, "on the last day is the attainment", actual, target,
                    start, end, as_of, r);
}

void check_required(double actual, double target, double start, double end, double as_of)
{
    const char* f = "KPI.REQUIRED";
    const result<double> r = required_per_day(actual, target, start, end, as_of);
    KPI_REQUIRE(same(r, required_per_day(actual, target, start, end, as_of)), f, "differs on a second call");
    std::optional<error_kind> expected = period_error(actual, target, start, end, as_of);
    if (!expected && actual < target && std::floor(as_of) == std::floor(end))
        expected = error_kind::division_by_zero;
    if (!outcome(r, expected, f, {error_kind::no_result}, actual, target, start, end, as_of))
        return;
    KPI_REQUIRE(*r >= 0, f, "is never negative", actual, target, r);
    // (A shortfall spread over very many days may round to 0 per day.)
    const double per_day = (target - actual) / (std::floor(end) - std::floor(as_of));
    KPI_REQUIRE((*r == 0) == (actual >= target) || (actual < target && per_day == 0), f,
                "is 0 exactly when the target is reached", actual, target, start, end, as_of, r);
}

void check_status(double actual, double target, double tolerance, bool higher_is_better, double better)
{
    const char* f = "KPI.STATUS";
    const result<double> r = target_status(actual, target, tolerance, higher_is_better);
    KPI_REQUIRE(same(r, target_status(actual, target, tolerance, higher_is_better)), f, "twice");
    if (!std::isfinite(actual) || !std::isfinite(target) || !std::isfinite(tolerance) || tolerance < 0) {
        KPI_REQUIRE(error_of(r, error_kind::invalid_argument, f), actual, target, tolerance, r);
        return;
    }
    KPI_REQUIRE(r && (*r == -1 || *r == 0 || *r == 1), f, "is -1, 0 or 1", actual, target, tolerance, r);
    const bool met = higher_is_better ? actual >= target : actual <= target;
    KPI_REQUIRE((*r == 1) == met, f, "is 1 exactly when the target is met", actual, target, higher_is_better,
                r);
    // A better actual value never gives a worse status; a wider tolerance never either.
    if (std::isfinite(better) && (higher_is_better ? better >= actual : better <= actual)) {
        const result<double> b = target_status(better, target, tolerance, higher_is_better);
        KPI_REQUIRE(b && *b >= *r, f, "worse for a better value", actual, better, target, tolerance, r, b);
    }
    const result<double> lenient = target_status(actual, target, tolerance * 2 + 0.01, higher_is_better);
    KPI_REQUIRE(!std::isfinite(tolerance * 2 + 0.01) || (lenient && *lenient >= *r), f,
                "worse for a wider tolerance", actual, target, tolerance, r, lenient);
}

/// A date serial number: mostly a day of 2020-2030 (with a time of day), sometimes anything.
double any_day(FuzzedDataProvider& in, double near)
{
    switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
        return any_double(in);
    case 1:
        return near + in.ConsumeIntegralInRange(-40, 40);
    case 2:
        return near + in.ConsumeFloatingPointInRange(-40.0, 40.0);
    default:
        return 43831 + in.ConsumeIntegralInRange(0, 3653) + in.ConsumeProbability<double>();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0: {
            const double begin = any_double(in), end = any_double(in), periods = any_count(in);
            check_cagr(begin, end, periods);
            break;
        }
        case 1: {
            std::vector<double> values(in.ConsumeIntegralInRange<std::size_t>(0, 40));
            for (double& v : values)
                v = in.ConsumeBool() ? static_cast<double>(in.ConsumeIntegralInRange(-100, 10000))
                                     : any_double(in);
            check_trend(values);
            break;
        }
        case 2:
        case 3: {
            const double actual = any_double(in), target = any_count(in);
            const double start = any_day(in, 45000), end = any_day(in, start), as_of = any_day(in, start);
            if (in.ConsumeBool())
                check_pace(actual, target, start, end, as_of);
            else
                check_required(actual, target, start, end, as_of);
            break;
        }
        default: {
            const double actual = any_double(in), target = any_double(in), tolerance = any_fraction(in);
            const bool higher = in.ConsumeBool();
            const double better = any_double(in);
            check_status(actual, target, tolerance, higher, better);
            break;
        }
        }
    }
    return 0;
}
