#include "kpi/satisfaction.hpp"

#include "checks.hpp"

#include <cmath>

namespace kpi {

using detail::checker;
using detail::first_error;

result<double> net_promoter_score(std::span<const double> scores)
{
    const checker check{"KPI.NPS"};
    std::size_t promoters = 0;
    std::size_t detractors = 0;
    for (const double score : scores) {
        if (!(score >= 0 && score <= 10 && score == std::floor(score)))
            return fail(error_kind::invalid_argument, message_id::nps_score, check.function, {"scores"},
                        score);
        promoters += score >= 9;
        detractors += score <= 6;
    }
    if (scores.empty())
        return fail(error_kind::division_by_zero, message_id::no_numbers, check.function, {"scores"});
    // One division, so that 100 promoters, 30 passives and 80 detractors give exactly 2000/210.
    return 100.0 * (static_cast<double>(promoters) - static_cast<double>(detractors)) /
           static_cast<double>(scores.size());
}

result<double> customer_satisfaction(std::span<const double> scores, double threshold, double scale_max)
{
    const checker check{"KPI.CSAT"};
    if (auto e = first_error(check.finite(threshold, "threshold"), check.finite(scale_max, "scale_max")))
        return *e;
    if (scale_max < 1)
        return fail(error_kind::invalid_argument, message_id::scale_below_one, check.function, {"scale_max"},
                    scale_max);
    if (threshold < 1 || threshold > scale_max)
        return fail(error_kind::invalid_argument, message_id::outside_scale, check.function,
                    {"threshold", "scale_max"}, threshold);
    std::size_t satisfied = 0;
    for (const double score : scores) {
        if (!(score >= 1 && score <= scale_max))
            return fail(error_kind::invalid_argument, message_id::outside_scale, check.function,
                        {"scores", "scale_max"}, score);
        satisfied += score >= threshold;
    }
    if (scores.empty())
        return fail(error_kind::division_by_zero, message_id::no_numbers, check.function, {"scores"});
    return static_cast<double>(satisfied) / static_cast<double>(scores.size());
}

} // namespace kpi
