// Customer satisfaction scores from raw survey answers.
#pragma once

#include "kpi/result.hpp"

#include <span>

namespace kpi {

/// Net Promoter Score: (% of scores 9-10) - (% of scores 0-6), from -100 to 100, unrounded; passives
/// (7-8) count in the denominator (Reichheld 2003; 0...10 once each gives -45.4545; {10, 9, 10, 4} gives 50).
/// Errors: invalid_argument for a score that is not a whole number 0...10; division_by_zero with no scores.
[[nodiscard]] result<double> net_promoter_score(std::span<const double> scores);

/// Customer satisfaction: share of scores >= threshold on a 1...scale_max scale (60 of 100 at 4-5 = 0.6).
/// Errors: invalid_argument for a score outside 1...scale_max, a threshold outside 1...scale_max, or
/// scale_max < 1; division_by_zero with no scores.
[[nodiscard]] result<double> customer_satisfaction(std::span<const double> scores, double threshold,
                                                   double scale_max);

} // namespace kpi
