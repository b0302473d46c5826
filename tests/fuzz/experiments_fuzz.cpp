// Experiments and funnels (kpi/experiments.hpp) against their contract: the documented errors for exactly
// the inputs the header names; a Wilson interval inside 0...1 that holds the observed rate and widens with
// the confidence; a p-value within 0...1 that does not depend on which group is called A; an uplift of at
// least -1; funnel rates within 0...1 in the input's order; option words read as documented.
#include <kpi/experiments.hpp>

#include "fuzz_support.hpp"

#include <string>

namespace {

using namespace kpi;
using namespace kpi::fuzz;

bool invalid_count(double x)
{
    return !std::isfinite(x) || x < 0;
}

/// The error a group of (conversions, visitors) gives, checked in the order of check_group.
std::optional<error_kind> group_error(double conversions, double visitors)
{
    if (invalid_count(conversions) || invalid_count(visitors))
        return error_kind::invalid_argument;
    if (visitors == 0)
        return error_kind::division_by_zero;
    if (conversions > visitors)
        return error_kind::invalid_argument;
    return std::nullopt;
}

void check_interval(double conversions, double leads, double confidence, double wider)
{
    const char* f = "KPI.CONVERSION.CI";
    const result<interval> r = conversion_interval(conversions, leads, confidence);
    const result<interval> again = conversion_interval(conversions, leads, confidence);
    KPI_REQUIRE(r.has_value() == again.has_value(), f, "differs on a second call");
    if (r)
        KPI_REQUIRE(same_bits(r->lower, again->lower) && same_bits(r->upper, again->upper), f, "twice");
    std::optional<error_kind> expected = group_error(conversions, leads);
    if (!expected && !(std::isfinite(confidence) && confidence > 0 && confidence < 1))
        expected = error_kind::invalid_argument;
    if (expected) {
        KPI_REQUIRE(error_of(r, *expected, f), conversions, leads, confidence, to_string(*expected),
                    r ? "a value" : r.error().message);
        return;
    }
    if (!r) {
        // Only counts too small to divide by have no interval.
        KPI_REQUIRE(error_of(r, error_kind::no_result, f) && leads < 1e-300, conversions, leads, confidence,
                    r.error().message);
        return;
    }
    const double rate = conversions / leads;
    KPI_REQUIRE(std::isfinite(r->lower) && std::isfinite(r->upper), f, conversions, leads, confidence);
    KPI_REQUIRE(0 <= r->lower && r->lower <= r->upper && r->upper <= 1, f, "within 0...1", conversions, leads,
                confidence, r->lower, r->upper);
    KPI_REQUIRE(r->lower <= rate && rate <= r->upper, f, "holds the observed rate", conversions, leads,
                confidence, rate, r->lower, r->upper);
    // A higher confidence gives an interval that holds the narrower one (to rounding).
    if (wider > confidence && wider < 1) {
        const result<interval> w = conversion_interval(conversions, leads, wider);
        KPI_REQUIRE(w.has_value() || (error_of(w, error_kind::no_result, f) && leads < 1e-300), f,
                    conversions, leads, wider);
        KPI_REQUIRE(!w || w->lower <= r->lower + 1e-12 && w->upper >= r->upper - 1e-12, f, "widens",
                    conversions, leads, confidence, wider, r->lower, r->upper, w->lower, w->upper);
    }
}

void check_ab_test(double xa, double na, double xb, double nb)
{
    const char* f = "KPI.ABTEST";
    const result<double> p = ab_test_p_value(xa, na, xb, nb);
    KPI_REQUIRE(same(p, ab_test_p_value(xa, na, xb, nb)), f, "differs on a second call");
    const std::optional<error_kind> expected =
        group_error(xa, na) ? group_error(xa, na) : group_error(xb, nb);
    // (division_by_zero also when the pooled rate is 0 or 1, or its standard error too small to divide by)
    if (!outcome(p, expected, f, {error_kind::division_by_zero}, xa, na, xb, nb))
        return;
    KPI_REQUIRE(*p >= 0 && *p <= 1, f, "is a probability", xa, na, xb, nb, p);
    // The pooled rate is a weighted mean of the two rates, whose weights lose digits to rounding when one
    // group is over 10^15 times the other (0 of 1.8e308 against 3 of 3 gave 0 one way, #DIV/0! the other):
    // the groups may change places only between groups of comparable size.
    if (std::max(na, nb) <= 1e6 * std::min(na, nb)) {
        const result<double> swapped = ab_test_p_value(xb, nb, xa, na);
        KPI_REQUIRE(swapped.has_value() && close(*p, *swapped, 1e-6, 1e-12), f,
                    "does not depend on the order", xa, na, xb, nb, p, swapped);
    }
    if (xa == xb && na == nb)
        KPI_REQUIRE(*p == 1, f, "of two equal groups is 1", xa, na, p);
}

void check_uplift(double xa, double na, double xb, double nb)
{
    const char* f = "KPI.UPLIFT";
    const result<double> u = uplift(xa, na, xb, nb);
    KPI_REQUIRE(same(u, uplift(xa, na, xb, nb)), f, "differs on a second call");
    std::optional<error_kind> expected = group_error(xa, na) ? group_error(xa, na) : group_error(xb, nb);
    if (!expected && xa == 0)
        expected = error_kind::division_by_zero;
    if (!outcome(u, expected, f, {error_kind::no_result}, xa, na, xb, nb))
        return;
    KPI_REQUIRE(*u >= -1, f, "is at least -100 %", xa, na, xb, nb, u);
    if (xa == xb && na == nb)
        KPI_REQUIRE(*u == 0, f, "of two equal groups is 0", xa, na, u);
    if (xb == 0)
        KPI_REQUIRE(*u == -1, f, "of a group without conversions is -1", xa, na, nb, u);
}

void check_funnel(const std::vector<double>& stages, funnel_mode mode)
{
    const char* f = "KPI.FUNNEL";
    const auto r = funnel_rates(stages, mode);
    const auto again = funnel_rates(stages, mode);
    KPI_REQUIRE(r.has_value() == again.has_value(), f, "differs on a second call");
    std::optional<error_kind> expected;
    if (stages.empty())
        expected = error_kind::division_by_zero;
    for (std::size_t k = 0; k < stages.size() && !expected; ++k)
        if (invalid_count(stages[k]) || (k > 0 && stages[k] > stages[k - 1]))
            expected = error_kind::invalid_argument;
    if (expected) {
        KPI_REQUIRE(error_of(r, *expected, f), stages.size(), r ? "rates" : r.error().message);
        KPI_REQUIRE(r.error() == again.error(), f, "differs on a second call");
        return;
    }
    KPI_REQUIRE(r.has_value() && r->size() == stages.size(), f, "gives one rate per stage", stages.size());
    for (std::size_t k = 0; k < stages.size(); ++k) {
        const result<double>& rate = (*r)[k];
        KPI_REQUIRE(same(rate, (*again)[k]), f, "differs on a second call", k);
        const double reference = k == 0 ? stages[0] : stages[mode == funnel_mode::step ? k - 1 : 0];
        if (reference == 0) {
            KPI_REQUIRE(error_of(rate, error_kind::division_by_zero, f), k, rate);
            continue;
        }
        KPI_REQUIRE(rate && *rate >= 0 && *rate <= 1, f, "rates are within 0...1", k, stages[k], reference,
                    rate);
        KPI_REQUIRE(*rate == stages[k] / reference, f, k, stages[k], reference, rate);
        if (k == 0)
            KPI_REQUIRE(*rate == 1, f, "the first stage is 100 %", rate);
    }
}

void check_mode_word(const std::string& word)
{
    std::string lower = word;
    for (char& c : lower)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    const result<funnel_mode> mode = parse_funnel_mode(word);
    if (lower.empty() || lower == "step" || lower == "tahap")
        KPI_REQUIRE(mode && *mode == funnel_mode::step, "KPI.FUNNEL mode", word);
    else if (lower == "overall" || lower == "keseluruhan")
        KPI_REQUIRE(mode && *mode == funnel_mode::overall, "KPI.FUNNEL mode", word);
    else
        KPI_REQUIRE(error_of(mode, error_kind::invalid_argument, "KPI.FUNNEL"), "KPI.FUNNEL mode", word);
}

/// A mode word: one of the documented ones in any case, or any text.
std::string mode_word(FuzzedDataProvider& in)
{
    static constexpr const char* words[] = {"",        "step",        "STEP",  "Tahap",
                                            "overall", "Keseluruhan", "steps", " step"};
    if (in.ConsumeBool())
        return in.PickValueInArray(words);
    return in.ConsumeRandomLengthString(20);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0: {
            const double conversions = any_count(in), leads = any_count(in);
            const double confidence = any_fraction(in), wider = any_fraction(in);
            check_interval(std::min(conversions, in.ConsumeBool() ? leads : conversions), leads, confidence,
                           wider);
            break;
        }
        case 1: {
            const double xa = any_count(in), na = any_count(in), xb = any_count(in), nb = any_count(in);
            check_ab_test(xa, na, xb, nb);
            break;
        }
        case 2: {
            const double xa = any_count(in), na = any_count(in), xb = any_count(in), nb = any_count(in);
            check_uplift(xa, na, xb, nb);
            break;
        }
        case 3: {
            std::vector<double> stages(in.ConsumeIntegralInRange<std::size_t>(0, 12));
            double previous = in.ConsumeBool() ? 1e6 : std::numeric_limits<double>::max();
            for (double& stage : stages) {
                // Mostly a funnel that narrows, sometimes any count.
                stage = in.ConsumeIntegralInRange(0, 5) == 0
                            ? any_count(in)
                            : std::floor(previous * in.ConsumeProbability<double>());
                previous = stage;
            }
            check_funnel(stages, in.ConsumeBool() ? funnel_mode::step : funnel_mode::overall);
            break;
        }
        default:
            check_mode_word(mode_word(in));
            break;
        }
    }
    return 0;
}
