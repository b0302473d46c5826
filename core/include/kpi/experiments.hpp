// Conversion statistics for experiments and funnels.
#pragma once

#include "kpi/result.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace kpi {

struct interval
{
    double lower;
    double upper;
};

/// Wilson score interval of a conversion rate (Wilson 1927; Agresti & Coull 1998):
///   centre = (p + z^2/2n) / (1 + z^2/n),  half width = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2),
/// with p = conversions / leads and z the standard normal quantile at 1 - (1 - confidence) / 2.
/// Errors: invalid_argument for negative counts, conversions > leads, or confidence outside (0, 1);
/// division_by_zero when leads is 0.
[[nodiscard]] result<interval> conversion_interval(double conversions, double leads, double confidence);

/// Two-sided p-value of the pooled two-proportion z-test of B's conversion rate against A's:
///   z = (p_b - p_a) / sqrt(p (1 - p) (1/n_a + 1/n_b)),  p = (x_a + x_b) / (n_a + n_b),  p-value = 2 P(Z >
///   |z|).
/// Errors: invalid_argument for negative counts or conversions > visitors; division_by_zero when a visitor
/// count is 0, or when the pooled rate is 0 or 1 (zero standard error: no test is possible).
[[nodiscard]] result<double> ab_test_p_value(double conversions_a, double visitors_a, double conversions_b,
                                             double visitors_b);

/// Relative uplift of B over A: rate_b / rate_a - 1. Errors as ab_test_p_value's counts, and
/// division_by_zero when A's rate is 0.
[[nodiscard]] result<double> uplift(double conversions_a, double visitors_a, double conversions_b,
                                    double visitors_b);

enum class funnel_mode { step, overall };

/// Reads a funnel mode word, case-insensitive, in English or Indonesian: step/tahap, overall/keseluruhan.
/// An empty word is the default, step. invalid_argument for any other word.
[[nodiscard]] result<funnel_mode> parse_funnel_mode(std::string_view word);

/// Funnel conversion per stage: `step` gives stage k / stage k-1 (the first stage 1), `overall` gives
/// stage k / stage 1. An element whose reference stage is 0 is division_by_zero on its own.
/// Errors of the whole: invalid_argument for a negative count or a stage larger than an earlier one;
/// division_by_zero when there are no stages.
[[nodiscard]] result<std::vector<result<double>>> funnel_rates(std::span<const double> stage_counts,
                                                               funnel_mode mode);

} // namespace kpi
