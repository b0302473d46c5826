// KPIs computed from pre-aggregated numbers: counts, amounts and rates that the user has already summed.
// Every function rejects non-finite input (NaN, infinity) as invalid_argument, so that no caller, fuzzer
// or benchmark can make the core return NaN or infinity.
#pragma once

#include "kpi/result.hpp"

namespace kpi {

/// Lead-to-sale conversion rate: conversions / leads (Farris et al., Marketing Metrics, ch. 5).
/// Errors: invalid_argument when either count is negative or conversions > leads (a rate above 100 %
/// is a swapped or mistyped argument); division_by_zero when leads is 0.
[[nodiscard]] result<double> conversion_rate(double conversions, double leads);

/// Return on investment: (gain - cost) / cost. Negative results (a loss) are valid, as is a negative gain.
/// Errors: invalid_argument when cost is negative; division_by_zero when cost is 0.
[[nodiscard]] result<double> return_on_investment(double gain, double cost);

/// Customer retention rate over a period: (customers_end - new_customers) / customers_start
/// (Kumar & Reinartz; agilebrandguide.com: S = 1000, N = 250, E = 1100 gives 0.85).
/// Errors: invalid_argument when a count is negative, or when customers_end - new_customers (the
/// customers kept) is negative or larger than customers_start; division_by_zero when customers_start is 0.
[[nodiscard]] result<double> retention_rate(double customers_start, double customers_end,
                                            double new_customers);

} // namespace kpi
