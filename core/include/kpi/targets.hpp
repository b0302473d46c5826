// Trends over time and progress against targets.
#pragma once

#include "kpi/result.hpp"

#include <cstddef>
#include <span>

namespace kpi {

/// Compound growth rate per period: (end / begin)^(1 / periods) - 1, as Calc's and Excel's RRI
/// (Microsoft's RRI documentation: 96 periods, 10000 to 11000 gives 0.0009933), computed as
/// expm1(ln(end / begin) / periods) so that a rate near 0 keeps its digits.
/// Errors: no_result when begin <= 0 or end < 0; invalid_argument when periods <= 0.
[[nodiscard]] result<double> compound_growth_rate(double begin_value, double end_value, double periods);

/// Relative trend: the least-squares slope of the values against their periods divided by their mean, i.e.
/// the growth per period relative to the average level (SLOPE(values; ROW(values)) / AVERAGE(values)).
/// `positions` holds each value's place in its range (row by row, from 0): a cell without a number, such as a
/// month with no figure, is a period all the same and keeps the later values in their own periods.
/// Errors: division_by_zero with fewer than 2 values, a mean of 0, or all values at one position;
/// wrong_type when positions and values differ in length; no_result when the values are too large to average.
[[nodiscard]] result<double> relative_trend(std::span<const double> values,
                                            std::span<const std::size_t> positions);

/// The relative trend of values of consecutive periods 1...n (positions 0...n-1).
[[nodiscard]] result<double> relative_trend(std::span<const double> values);

/// Projected attainment at the end of a period: (actual / elapsed days * total days) / target, days
/// counted inclusive and dates as day numbers (the time of day is ignored).
/// (96,000 after day 12 of 30 with a target of 260,000 projects 240,000: 0.923.)
/// Errors: invalid_argument when period_end < period_start, as_of is outside the period, or target < 0;
/// division_by_zero when target is 0.
[[nodiscard]] result<double> pace(double actual, double target, double period_start, double period_end,
                                  double as_of);

/// Amount needed per remaining day to reach the target: (target - actual) / (period_end - as_of), 0 when
/// the target is already reached. Errors as pace, and division_by_zero when the target is not reached and
/// no day remains.
[[nodiscard]] result<double> required_per_day(double actual, double target, double period_start,
                                              double period_end, double as_of);

/// Traffic-light status: 1 when the target is met, 0 when missed by at most tolerance * |target|, -1 when
/// missed by more. With higher_is_better false, lower values are better (costs, churn).
/// Errors: invalid_argument when tolerance is negative.
[[nodiscard]] result<double> target_status(double actual, double target, double tolerance,
                                           bool higher_is_better);

} // namespace kpi
