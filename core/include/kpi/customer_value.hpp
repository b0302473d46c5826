// Customer lifetime value under a constant retention rate and discount rate.
#pragma once

#include "kpi/result.hpp"

#include <optional>

namespace kpi {

/// When in each period the margin is earned, as the three textbook conventions count it.
enum class clv_timing {
    first_margin_excluded = 0, ///< m r / (1 + d - r): Farris et al.; Kotler & Keller (margins from period 1)
    first_margin_included = 1, ///< m (1 + d) / (1 + d - r): Blattberg et al. (a margin now, at period 0)
    end_of_period = 2,         ///< m / (1 + d - r): Ofek (every margin at the end of its period)
};

/// Customer lifetime value: the discounted margins of a customer who stays each period with probability
/// `retention`: sum over t of m q^t, with q = r / (1 + d), in the chosen timing (see clv_timing). With
/// `periods` = T the sum stops after T margins; without it, it runs forever and has the closed forms above.
/// Errors: invalid_argument when retention is outside 0...1, discount_rate <= -1, timing is not 0, 1 or 2,
/// or periods is not a whole number >= 1; without periods, division_by_zero when 1 + d - r = 0 and
/// no_result when 1 + d - r < 0 (the sum does not converge).
/// Vectors: m = 18.95, r = 0.788, d = 0.01, timing 0 gives 67.2639 (Net-4-You textbook exercise);
/// m = 17.95, r = 0.995, d = 0.01, timing 1 gives 1208.6, multiplier 67.33 (UVA Darden, Netflix).
[[nodiscard]] result<double> customer_lifetime_value(double margin, double retention, double discount_rate,
                                                     double timing, std::optional<double> periods);

} // namespace kpi
