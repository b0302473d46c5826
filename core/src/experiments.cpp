#include "kpi/experiments.hpp"

#include "checks.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

namespace kpi {

using detail::checker;
using detail::first_error;

namespace {

const boost::math::normal_distribution<double> standard_normal{};

std::optional<error> check_group(const checker& check, double conversions, std::string_view conversions_name,
                                 double visitors, std::string_view visitors_name)
{
    return first_error(check.non_negative(conversions, conversions_name),
                       check.non_negative(visitors, visitors_name),
                       check.nonzero_denominator(visitors, visitors_name),
                       check.at_most(conversions, conversions_name, visitors, visitors_name));
}

/// a b - c d with an error of at most 2 units in the last place, however nearly equal the products (Kahan's
/// algorithm with fused multiply-adds; Jeannerod, Louvet & Muller, Math. Comp. 82, 2013); nothing when a
/// product overflows or is too small for its rounding error to be a double.
std::optional<double> difference_of_products(double a, double b, double c, double d)
{
    // From 2^-1022 * 2^53 up, the rounding error of a product is a double.
    const auto representable = [](double x, double y, double product) {
        return std::isfinite(product) && (std::fabs(product) >= 0x1p-969 || x == 0 || y == 0);
    };
    const double ab = a * b, cd = c * d;
    if (!representable(a, b, ab) || !representable(c, d, cd))
        return std::nullopt;
    const double rounding = std::fma(-c, d, cd); // cd - c d, exactly
    return std::fma(a, b, -cd) + rounding;
}

} // namespace

result<interval> conversion_interval(double conversions, double leads, double confidence)
{
    const checker check{"KPI.CONVERSION.CI"};
    if (auto e = first_error(check_group(check, conversions, "conversions", leads, "leads"),
                             check.finite(confidence, "confidence")))
        return *e;
    if (!(confidence > 0 && confidence < 1))
        return fail(error_kind::invalid_argument, message_id::confidence_not_inside, check.function,
                    {"confidence"}, confidence);
    const double z = boost::math::quantile(boost::math::complement(standard_normal, (1 - confidence) / 2));
    // The rate and its complement, each from the counts: 1 - p would lose the digits of a p near 1.
    const double p = conversions / leads;
    const double q = (leads - conversions) / leads;
    // 1 / (1 + z^2/n) and (z^2/n) / (1 + z^2/n), over n + z^2: neither overflows for tiny counts (z^2/n of
    // leads = 1e-308 does) nor is 1 - the other.
    const double zz = z * z;
    const double weight = leads / (leads + zz);
    const double pull = zz / (leads + zz);
    // Centre - half width, the textbook's lower bound, is a difference of nearly equal numbers near 0: for 0
    // conversions of 1e308 leads it gave 2.27e-309 instead of 0. The bounds are the roots of
    // (1 + z^2/n) t^2 - (2p + z^2/n) t + p^2 = 0, so lower * upper = p^2 / (1 + z^2/n): the bound away from
    // the rate's near edge is the sum centre + half width, the other one that product divided by it. For a
    // rate over 1/2 the near edge is 1, and the upper bound is 1 - the lower bound of the complement (p = 1
    // gives exactly 1).
    const auto far_bound = [&](double rate, double complement) {
        const double centre = rate * weight + pull / 2;
        // z / (1 + z^2/n) sqrt(rate complement / n + z^2 / 4n^2) = z / (n + z^2) sqrt(rate complement n +
        // z^2/4), without squares that underflow for huge counts
        const double half_width =
            z / (leads + zz) * std::hypot(std::sqrt(rate) * std::sqrt(complement) * std::sqrt(leads), z / 2);
        return centre + half_width;
    };
    const auto near_bound = [&](double rate, double far) {
        return rate == 0 ? 0.0 : rate * (rate * weight / far);
    };
    double lower = 0, upper = 0;
    if (p <= q) {
        upper = far_bound(p, q);
        lower = near_bound(p, upper);
    } else {
        upper = 1 - near_bound(q, far_bound(q, p));
        lower = near_bound(p, upper);
    }
    if (!std::isfinite(lower) || !std::isfinite(upper)) // not seen: a guard, so that no NaN reaches a cell
        return fail(error_kind::no_result, message_id::no_interval, check.function);
    // The interval holds the observed rate (at t = p the quadratic is -z^2/n p q <= 0); clamped for rounding.
    return interval{std::clamp(lower, 0.0, p), std::clamp(upper, p, 1.0)};
}

result<double> ab_test_p_value(double conversions_a, double visitors_a, double conversions_b,
                               double visitors_b)
{
    const checker check{"KPI.ABTEST"};
    if (auto e = first_error(check_group(check, conversions_a, "conversions_a", visitors_a, "visitors_a"),
                             check_group(check, conversions_b, "conversions_b", visitors_b, "visitors_b")))
        return *e;
    // The pooled rate as the visitor-weighted mean of the two rates: (x_a + x_b) / (n_a + n_b) without
    // forming sums that could overflow.
    const double weight_a = 1 / (1 + visitors_b / visitors_a);
    const double pooled = conversions_a / visitors_a * weight_a + conversions_b / visitors_b * (1 - weight_a);
    const double standard_error = std::sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b));
    if (!(standard_error > 0))
        return fail(error_kind::division_by_zero, message_id::no_difference, check.function);
    const double z = (conversions_b / visitors_b - conversions_a / visitors_a) / standard_error;
    return 2 * boost::math::cdf(boost::math::complement(standard_normal, std::fabs(z)));
}

result<double> uplift(double conversions_a, double visitors_a, double conversions_b, double visitors_b)
{
    const checker check{"KPI.UPLIFT"};
    if (auto e = first_error(check_group(check, conversions_a, "conversions_a", visitors_a, "visitors_a"),
                             check_group(check, conversions_b, "conversions_b", visitors_b, "visitors_b"),
                             check.nonzero_denominator(conversions_a, "conversions_a")))
        return *e;
    // rate_b / rate_a - 1 = (x_b n_a - x_a n_b) / (x_a n_b): for nearly equal rates the numerator is a
    // difference of nearly equal products, taken to 2 units in the last place. (The ratio of the rounded
    // rates minus 1 gave 0 for 1,000,000,001 of 3,000,000,000 against 1,000,000,002 of 3,000,000,003: the
    // uplift is -3 / 3,000,000,006,000,000,003.) Products that overflow or underflow: the plain ratio of the
    // rates.
    const double base = conversions_a * visitors_b;
    if (const auto difference = difference_of_products(conversions_b, visitors_a, conversions_a, visitors_b))
        return check.finite_result(*difference / base);
    return check.finite_result((conversions_b / visitors_b) / (conversions_a / visitors_a) - 1);
}

result<funnel_mode> parse_funnel_mode(std::string_view word)
{
    const std::string lower = detail::lower_ascii(word);
    if (lower.empty() || lower == "step" || lower == "tahap")
        return funnel_mode::step;
    if (lower == "overall" || lower == "keseluruhan")
        return funnel_mode::overall;
    return fail(error_kind::invalid_argument, message_id::bad_funnel_mode, "KPI.FUNNEL", {"mode"});
}

result<std::vector<result<double>>> funnel_rates(std::span<const double> stage_counts, funnel_mode mode)
{
    const checker check{"KPI.FUNNEL"};
    if (stage_counts.empty())
        return fail(error_kind::division_by_zero, message_id::no_numbers, check.function, {"stage_counts"});
    for (std::size_t k = 0; k < stage_counts.size(); ++k) {
        if (auto e = check.non_negative(stage_counts[k], "stage_counts"))
            return *e;
        if (k > 0 && stage_counts[k] > stage_counts[k - 1])
            return fail(error_kind::invalid_argument, message_id::funnel_grows, check.function,
                        {"stage_counts"}, stage_counts[k]);
    }
    std::vector<result<double>> rates;
    rates.reserve(stage_counts.size());
    for (std::size_t k = 0; k < stage_counts.size(); ++k) {
        const double reference =
            k == 0 ? stage_counts[0] : stage_counts[mode == funnel_mode::step ? k - 1 : 0];
        if (reference == 0)
            rates.emplace_back(fail(error_kind::division_by_zero, message_id::funnel_reference_zero,
                                    check.function, {"stage_counts"}));
        else
            rates.emplace_back(stage_counts[k] / reference);
    }
    return rates;
}

} // namespace kpi
