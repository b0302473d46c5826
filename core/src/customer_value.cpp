#include "kpi/customer_value.hpp"

#include "checks.hpp"

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
        return fail(error_kind::invalid_argument, check.function, "discount_rate", "must be greater than -1",
                    discount_rate);
    if (timing != 0 && timing != 1 && timing != 2)
        return fail(error_kind::invalid_argument, check.function, "timing", "must be 0, 1 or 2", timing);
    const auto when = static_cast<clv_timing>(static_cast<int>(timing));

    // The first margin's factor: r/(1+d) when it is excluded from period 0, 1 when earned now, 1/(1+d)
    // when earned at the end of the first period. Each later margin is q = r/(1+d) times the one before.
    const double growth = 1 + discount_rate;
    const double first = when == clv_timing::first_margin_excluded   ? retention / growth
                         : when == clv_timing::first_margin_included ? 1.0
                                                                     : 1.0 / growth;
    const double q = retention / growth;

    if (!periods) {
        const double denominator = growth - retention; // 1 + d - r
        if (denominator == 0)
            return fail(error_kind::division_by_zero, check.function, "",
                        "1 + discount_rate - retention is 0");
        if (denominator < 0)
            return fail(error_kind::no_result, check.function, "",
                        "1 + discount_rate - retention is negative: the value never converges");
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
        return fail(error_kind::invalid_argument, check.function, "periods",
                    "must be a whole number of at least 1", count);
    // first * (1 + q + ... + q^(T-1)) = first * (1 - q^T) / (1 - q), or first * T when q = 1.
    const double sum = q == 1 ? count : -std::expm1(count * std::log(q)) / (1 - q);
    return check.finite_result(margin * first * sum);
}

} // namespace kpi
