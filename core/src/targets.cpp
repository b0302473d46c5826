#include "kpi/targets.hpp"

#include "checks.hpp"

#include "kpi/sum.hpp"

#include <cmath>

namespace kpi {

using detail::checker;
using detail::first_error;

namespace {

/// ln(end / begin) for begin > 0 and end >= 0, to a few units in the last place of the logarithm. The
/// textbook (end / begin)^(1 / periods) - 1 rounds end / begin (by up to 1.1e-16) before the power, and near
/// end = begin that rounding is as large as the rate itself: 10000 to 10000.000001 over 12 periods gave
/// 8.333334022836425e-12 instead of 8.333336154082688e-12.
double log_ratio(double end, double begin)
{
    // Near 1 (end within a factor 2 of begin) end - begin is exact (Sterbenz' lemma) and log1p keeps the
    // digits of the small ratio - 1.
    if (end >= begin / 2 && end <= begin * 2)
        return std::log1p((end - begin) / begin);
    // Elsewhere |ln(end / begin)| > ln 2, so the rounding of the ratio costs no digits; when the ratio
    // overflows or underflows (1e300 / 1e-300), the difference of the logarithms does not cancel.
    const double ratio = end / begin;
    if (std::isnormal(ratio))
        return std::log(ratio);
    return std::log(end) - std::log(begin); // ln 0 = -inf: a CAGR of -1
}

} // namespace

result<double> compound_growth_rate(double begin_value, double end_value, double periods)
{
    const checker check{"KPI.CAGR"};
    if (auto e = first_error(check.finite(begin_value, "begin_value"), check.finite(end_value, "end_value"),
                             check.finite(periods, "periods")))
        return *e;
    if (periods <= 0)
        return fail(error_kind::invalid_argument, message_id::not_positive, check.function, {"periods"},
                    periods);
    if (begin_value <= 0)
        return fail(error_kind::no_result, message_id::not_positive, check.function, {"begin_value"},
                    begin_value);
    if (end_value < 0)
        return fail(error_kind::no_result, message_id::negative, check.function, {"end_value"}, end_value);
    return check.finite_result(std::expm1(log_ratio(end_value, begin_value) / periods));
}

namespace {

/// The relative trend of values[i] against the period position(i).
template <class Position> result<double> trend_against(std::span<const double> values, Position position)
{
    const checker check{"KPI.TREND"};
    if (values.size() < 2)
        return fail(error_kind::division_by_zero, message_id::too_few_values, check.function, {"values"});
    const auto n = static_cast<double>(values.size());
    // Compensated sums, as Calc's AVERAGE sums: the deviations from the means are what the slope is made of.
    compensated_sum sum_y, sum_x;
    for (std::size_t i = 0; i < values.size(); ++i) {
        sum_y.add(values[i]);
        sum_x.add(position(i));
    }
    const double mean = sum_y.value() / n;
    if (!std::isfinite(mean))
        return fail(error_kind::no_result, message_id::values_too_large, check.function, {"values"});
    if (mean == 0)
        return fail(error_kind::division_by_zero, message_id::mean_is_zero, check.function, {"values"});
    // Two passes, deviations from the means, as SLOPE computes it.
    const double mean_x = sum_x.value() / n;
    double sxy = 0;
    double sxx = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double dx = position(i) - mean_x;
        sxy += dx * (values[i] - mean);
        sxx += dx * dx;
    }
    if (sxx == 0)
        return fail(error_kind::division_by_zero, message_id::positions_spread_zero, check.function);
    return check.finite_result(sxy / sxx / mean);
}

} // namespace

result<double> relative_trend(std::span<const double> values)
{
    return trend_against(values, [](std::size_t i) { return static_cast<double>(i); });
}

result<double> relative_trend(std::span<const double> values, std::span<const std::size_t> positions)
{
    if (positions.size() != values.size())
        return fail(error_kind::wrong_type, message_id::positions_mismatch, "KPI.TREND", {},
                    static_cast<double>(positions.size()));
    return trend_against(values, [&](std::size_t i) { return static_cast<double>(positions[i]); });
}

namespace {

struct period_days
{
    double elapsed;   ///< from period_start to as_of, both included
    double total;     ///< from period_start to period_end, both included
    double remaining; ///< after as_of to period_end
};

result<period_days> days_of(const checker& check, double actual, double target, double period_start,
                            double period_end, double as_of)
{
    if (auto e = first_error(check.finite(actual, "actual"), check.non_negative(target, "target"),
                             check.finite(as_of, "as_of")))
        return *e;
    const auto period = check.whole_days(period_start, period_end);
    if (!period)
        return period.error();
    const double start = period->first, end = period->last, day = std::floor(as_of);
    if (day < start || day > end)
        return fail(error_kind::invalid_argument, message_id::outside_period, check.function,
                    {"as_of", "period_start", "period_end"}, as_of);
    return period_days{day - start + 1, end - start + 1, end - day};
}

} // namespace

result<double> pace(double actual, double target, double period_start, double period_end, double as_of)
{
    const checker check{"KPI.PACE"};
    const auto days = days_of(check, actual, target, period_start, period_end, as_of);
    if (!days)
        return days.error();
    if (auto e = check.nonzero_denominator(target, "target"))
        return *e;
    // Attainment so far times the days of the period per day elapsed (>= 1): actual / elapsed first would
    // underflow to 0 for a period of 1e308 days, where the projection on the last day is the attainment.
    return check.finite_result(actual / target * (days->total / days->elapsed));
}

result<double> required_per_day(double actual, double target, double period_start, double period_end,
                                double as_of)
{
    const checker check{"KPI.REQUIRED"};
    const auto days = days_of(check, actual, target, period_start, period_end, as_of);
    if (!days)
        return days.error();
    if (actual >= target)
        return 0.0;
    if (days->remaining == 0)
        return fail(error_kind::division_by_zero, message_id::no_days_left, check.function, {"as_of"});
    return check.finite_result((target - actual) / days->remaining);
}

result<double> target_status(double actual, double target, double tolerance, bool higher_is_better)
{
    const checker check{"KPI.STATUS"};
    if (auto e = first_error(check.finite(actual, "actual"), check.finite(target, "target"),
                             check.non_negative(tolerance, "tolerance")))
        return *e;
    // How far the actual value falls short of the target, in the direction that matters.
    const double shortfall = higher_is_better ? target - actual : actual - target;
    if (shortfall <= 0)
        return 1.0;
    return shortfall <= tolerance * std::fabs(target) ? 0.0 : -1.0;
}

} // namespace kpi
