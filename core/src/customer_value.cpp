#include "kpi/customer_value.hpp"

#include "checks.hpp"

#include "kpi/sum.hpp"

#include <algorithm>
#include <cmath>

namespace kpi {

using detail::checker;
using detail::first_error;

result<double> customer_lifetime_value(double margin, double retention, double discount_rate, double timing,
                                       std::optional<double> periods)
{
    const checker check{"KPI.CLV"};
    if (auto e = first_error(check.finite(margin, "margin"), check.fraction(retention, "retention"),
                             check.finite(discount_rate, "discount_rate"), check.finite(timing, "timing")))
        return *e;
    if (discount_rate <= -1)
        return fail(error_kind::invalid_argument, message_id::discount_at_most_minus_one, check.function,
                    {"discount_rate"}, discount_rate);
    if (timing != 0 && timing != 1 && timing != 2)
        return fail(error_kind::invalid_argument, message_id::bad_timing, check.function, {"timing"}, timing);
    const auto when = static_cast<clv_timing>(static_cast<int>(timing));

    // The first margin's present value: m r/(1+d) when it is excluded from period 0, m when earned now,
    // m/(1+d) when earned at the end of the first period. Each later margin is q = r/(1+d) times the one
    // before. (m r before the division: r/(1+d) of a denormal r has too few digits, and the value may not.)
    const double growth = 1 + discount_rate;
    const double first = when == clv_timing::first_margin_excluded   ? margin * retention / growth
                         : when == clv_timing::first_margin_included ? margin
                                                                     : margin / growth;
    // 1 + d - r, rounded once: the sum of 1 + d first loses the digits of a small d that the difference
    // with a retention near 1 consists of (r = 1, d = 1e-20 is 1e-20, not 0).
    compensated_sum one_plus_d_minus_r;
    one_plus_d_minus_r.add(1);
    one_plus_d_minus_r.add(discount_rate);
    one_plus_d_minus_r.add(-retention);
    const double denominator = one_plus_d_minus_r.value();

    if (!periods) {
        if (denominator == 0)
            return fail(error_kind::division_by_zero, message_id::endless_value, check.function,
                        {"discount_rate", "retention"});
        if (denominator < 0)
            return fail(error_kind::no_result, message_id::diverging_value, check.function,
                        {"discount_rate", "retention"});
        // The closed forms of the textbooks, m * first / (1 - q), written over 1 + d - r.
        switch (when) {
        case clv_timing::first_margin_excluded:
            return check.finite_result(margin * retention / denominator);
        case clv_timing::first_margin_included:
            return check.finite_result(margin * growth / denominator);
        case clv_timing::end_of_period:
            return check.finite_result(margin / denominator);
        }
    }

    const double count = *periods;
    if (auto e = check.finite(count, "periods"))
        return *e;
    if (count < 1 || count != std::floor(count))
        return fail(error_kind::invalid_argument, message_id::not_whole_periods, check.function, {"periods"},
                    count);
    // first * (1 + q + ... + q^(T-1)) = first * (1 - q^T) / (1 - q), or first * T when q = 1, with
    // 1 - q = (1 + d - r) / (1 + d) and q^T = exp(T ln(1 - (1 - q))): no 1 - q of a q near 1.
    const double one_minus_q = std::min(1.0, denominator / growth); // q >= 0, whatever the rounding
    const double sum = one_minus_q == 0 ? count : -std::expm1(count * std::log1p(-one_minus_q)) / one_minus_q;
    return check.finite_result(first * sum);
}

} // namespace kpi
