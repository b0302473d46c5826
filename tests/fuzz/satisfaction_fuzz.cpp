// Satisfaction scores (kpi/satisfaction.hpp) against their contract: invalid_argument for exactly the scores
// off the scale, division_by_zero for no scores; otherwise NPS within -100...100 and CSAT within 0...1, as
// counted here; the order of the answers changes nothing; CSAT falls as its threshold rises; the same
// result twice.
#include <kpi/satisfaction.hpp>

#include "fuzz_support.hpp"

#include <vector>

namespace {

using namespace kpi;
using namespace kpi::fuzz;

void check_nps(const std::vector<double>& scores, std::uint64_t seed)
{
    const char* f = "KPI.NPS";
    const result<double> r = net_promoter_score(scores);
    KPI_REQUIRE(same(r, net_promoter_score(scores)), f, "differs on a second call");
    std::size_t promoters = 0, detractors = 0;
    bool valid = true;
    for (const double s : scores) {
        valid = valid && s >= 0 && s <= 10 && s == std::floor(s);
        promoters += s >= 9 ? 1 : 0;
        detractors += s <= 6 ? 1 : 0;
    }
    if (!valid) {
        KPI_REQUIRE(error_of(r, error_kind::invalid_argument, f), scores.size(), r);
        return;
    }
    if (scores.empty()) {
        KPI_REQUIRE(error_of(r, error_kind::division_by_zero, f), r);
        return;
    }
    KPI_REQUIRE(r && *r >= -100 && *r <= 100, f, "is within -100...100", scores.size(), r);
    const double n = static_cast<double>(scores.size());
    KPI_REQUIRE(close(*r, 100 * (static_cast<double>(promoters) / n - static_cast<double>(detractors) / n),
                      1e-12, 1e-12),
                f, promoters, detractors, scores.size(), r);
    std::vector<double> shuffled = scores;
    shuffle(shuffled, seed);
    KPI_REQUIRE(same(r, net_promoter_score(shuffled)), f, "depends on the order of the scores", r);
}

void check_csat(const std::vector<double>& scores, double threshold, double scale_max, std::uint64_t seed)
{
    const char* f = "KPI.CSAT";
    const result<double> r = customer_satisfaction(scores, threshold, scale_max);
    KPI_REQUIRE(same(r, customer_satisfaction(scores, threshold, scale_max)), f, "differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(threshold) || !std::isfinite(scale_max) || scale_max < 1 || threshold < 1 ||
        threshold > scale_max)
        expected = error_kind::invalid_argument;
    std::size_t satisfied = 0;
    for (const double s : scores) {
        if (!expected && !(s >= 1 && s <= scale_max))
            expected = error_kind::invalid_argument;
        satisfied += s >= threshold ? 1 : 0;
    }
    if (!expected && scores.empty())
        expected = error_kind::division_by_zero;
    if (expected) {
        KPI_REQUIRE(error_of(r, *expected, f), scores.size(), threshold, scale_max, r);
        return;
    }
    KPI_REQUIRE(r && *r >= 0 && *r <= 1, f, "is a share", r);
    KPI_REQUIRE(*r == static_cast<double>(satisfied) / static_cast<double>(scores.size()), f, satisfied,
                scores.size(), r);
    std::vector<double> shuffled = scores;
    shuffle(shuffled, seed);
    KPI_REQUIRE(same(r, customer_satisfaction(shuffled, threshold, scale_max)), f,
                "depends on the order of the scores", r);
    if (threshold + 1 <= scale_max) {
        const result<double> stricter = customer_satisfaction(scores, threshold + 1, scale_max);
        KPI_REQUIRE(stricter && *stricter <= *r, f, "a higher threshold satisfies no more", threshold, r,
                    stricter);
    }
}

/// A survey answer: mostly on a scale, sometimes anything.
double any_score(FuzzedDataProvider& in, int top)
{
    if (in.ConsumeIntegralInRange(0, 15) == 0)
        return any_double(in);
    return static_cast<double>(in.ConsumeIntegralInRange(0, top));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    while (in.remaining_bytes() > 0) {
        const bool nps = in.ConsumeBool();
        const std::uint64_t seed = in.ConsumeIntegral<std::uint64_t>();
        if (nps) {
            std::vector<double> scores(in.ConsumeIntegralInRange<std::size_t>(0, 64));
            for (double& s : scores)
                s = any_score(in, 10);
            check_nps(scores, seed);
            continue;
        }
        const double scale_max = in.ConsumeIntegralInRange(0, 7) == 0
                                     ? any_double(in)
                                     : static_cast<double>(in.ConsumeIntegralInRange(1, 10));
        const double threshold = in.ConsumeIntegralInRange(0, 7) == 0
                                     ? any_double(in)
                                     : static_cast<double>(in.ConsumeIntegralInRange(1, 10));
        std::vector<double> scores(in.ConsumeIntegralInRange<std::size_t>(0, 64));
        for (double& s : scores)
            s = any_score(in, 10);
        check_csat(scores, threshold, scale_max, seed);
    }
    return 0;
}
