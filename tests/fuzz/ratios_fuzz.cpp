// The ratios of pre-aggregated numbers (kpi/ratios.hpp) against their contract: each documented error for
// exactly the inputs the header names, otherwise a finite value of the formula, rates within 0...1,
// CHURN = 1 - RETENTION, BOUNCERATE = 1 - ENGAGEMENTRATE, and the same result twice.
#include <kpi/ratios.hpp>

#include "fuzz_support.hpp"

namespace {

using namespace kpi;
using namespace kpi::fuzz;

/// A ratio of two non-negative amounts: what ratios.hpp documents for CONVERSION, CTR, CPC ...
struct amount_ratio
{
    const char* function;
    result<double> (*compute)(double, double);
    bool rate; ///< numerator <= denominator, a result within 0...1
};

constexpr amount_ratio amount_ratios[] = {
    {"KPI.CONVERSION", conversion_rate, true},
    {"KPI.CTR", click_through_rate, true},
    {"KPI.CPC", cost_per_click, false},
    {"KPI.CPL", cost_per_lead, false},
    {"KPI.CPA", cost_per_acquisition, false},
    {"KPI.CAC", customer_acquisition_cost, false},
    {"KPI.ROAS", return_on_ad_spend, false},
    {"KPI.AOV", average_order_value, false},
    {"KPI.MARKETSHARE", market_share, true},
    {"KPI.SOV", share_of_voice, true},
    {"KPI.ENGAGEMENTRATE", engagement_rate, true},
    {"KPI.PAGESPERSESSION", pages_per_session, false},
    {"KPI.ENGAGEMENT", social_engagement_rate, false},
};

bool invalid_amount(double x)
{
    return !std::isfinite(x) || x < 0;
}

void check_amount_ratio(const amount_ratio& f, double numerator, double denominator)
{
    const result<double> r = f.compute(numerator, denominator);
    KPI_REQUIRE(same(r, f.compute(numerator, denominator)), f.function, "differs on a second call");
    std::optional<error_kind> expected;
    if (invalid_amount(numerator) || invalid_amount(denominator))
        expected = error_kind::invalid_argument;
    else if (denominator == 0)
        expected = error_kind::division_by_zero;
    else if (f.rate && numerator > denominator)
        expected = error_kind::invalid_argument;
    else if (!std::isfinite(numerator / denominator))
        expected = error_kind::no_result; // too large to represent
    if (!outcome(r, expected, f.function, {}, numerator, denominator))
        return;
    KPI_REQUIRE(close(*r, numerator / denominator, 1e-15), f.function, numerator, denominator, r);
    KPI_REQUIRE(*r >= 0 && (!f.rate || *r <= 1), f.function, "a rate is within 0...1", numerator, denominator,
                r);
}

void check_retention(double start, double end, double added)
{
    const result<double> kept = retention_rate(start, end, added);
    const result<double> lost = churn_rate(start, end, added);
    KPI_REQUIRE(same(kept, retention_rate(start, end, added)), "KPI.RETENTION differs on a second call");
    KPI_REQUIRE(same(lost, churn_rate(start, end, added)), "KPI.CHURN differs on a second call");
    // The documented errors, in the order the header lists them.
    std::optional<error_kind> expected;
    if (invalid_amount(start) || invalid_amount(end) || invalid_amount(added))
        expected = error_kind::invalid_argument;
    else if (start == 0)
        expected = error_kind::division_by_zero;
    else if (added > end || end - added > start)
        expected = error_kind::invalid_argument;
    const bool value = outcome(kept, expected, "KPI.RETENTION", {}, start, end, added);
    if (!outcome(lost, expected, "KPI.CHURN", {}, start, end, added) || !value)
        return;
    KPI_REQUIRE(*kept >= 0 && *kept <= 1, "KPI.RETENTION is a rate", start, end, added, kept);
    KPI_REQUIRE(close(*kept, (end - added) / start, 1e-15), start, end, added, kept);
    KPI_REQUIRE(*lost >= 0 && *lost <= 1, "KPI.CHURN is a rate", start, end, added, lost);
    KPI_REQUIRE(close(*lost, 1 - *kept, 0, 1e-15), "CHURN = 1 - RETENTION", start, end, added, kept, lost);
}

void check_bounce(double engaged, double sessions)
{
    const result<double> engagement = engagement_rate(engaged, sessions);
    const result<double> bounce = bounce_rate(engaged, sessions);
    KPI_REQUIRE(same(bounce, bounce_rate(engaged, sessions)), "KPI.BOUNCERATE differs on a second call");
    const std::optional<error_kind> expected =
        engagement ? std::nullopt : std::optional<error_kind>(engagement.error().kind);
    if (!outcome(bounce, expected, "KPI.BOUNCERATE", {}, engaged, sessions))
        return;
    KPI_REQUIRE(*bounce >= 0 && *bounce <= 1, "KPI.BOUNCERATE is a rate", engaged, sessions, bounce);
    KPI_REQUIRE(close(*bounce, 1 - *engagement, 0, 1e-15), "BOUNCERATE = 1 - ENGAGEMENTRATE", engaged,
                sessions, engagement, bounce);
}

void check_roi(double gain, double cost)
{
    const result<double> r = return_on_investment(gain, cost);
    KPI_REQUIRE(same(r, return_on_investment(gain, cost)), "KPI.ROI differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(gain) || invalid_amount(cost))
        expected = error_kind::invalid_argument;
    else if (cost == 0)
        expected = error_kind::division_by_zero;
    if (!outcome(r, expected, "KPI.ROI", {error_kind::no_result}, gain, cost))
        return;
    // (gain - cost) / cost = gain / cost - 1: the two forms agree to the rounding of the larger term.
    KPI_REQUIRE(close(*r, gain / cost - 1, 1e-12, 1e-12 * std::fabs(gain / cost)), gain, cost, r);
    if (gain >= 0)
        KPI_REQUIRE(*r >= -1, "KPI.ROI of a non-negative gain is at least -1", gain, cost, r);
}

void check_romi(double revenue, double margin, double spend)
{
    const result<double> r = return_on_marketing_investment(revenue, margin, spend);
    KPI_REQUIRE(same(r, return_on_marketing_investment(revenue, margin, spend)), "KPI.ROMI twice");
    std::optional<error_kind> expected;
    if (invalid_amount(revenue) || !std::isfinite(margin) || margin < 0 || margin > 1 ||
        invalid_amount(spend))
        expected = error_kind::invalid_argument;
    else if (spend == 0)
        expected = error_kind::division_by_zero;
    if (outcome(r, expected, "KPI.ROMI", {error_kind::no_result}, revenue, margin, spend))
        KPI_REQUIRE(*r >= -1, "KPI.ROMI is at least -1", revenue, margin, spend, r);
}

void check_growth(double current, double previous)
{
    const result<double> r = growth_rate(current, previous);
    KPI_REQUIRE(same(r, growth_rate(current, previous)), "KPI.GROWTH differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(current) || !std::isfinite(previous))
        expected = error_kind::invalid_argument;
    else if (previous == 0)
        expected = error_kind::division_by_zero;
    if (!outcome(r, expected, "KPI.GROWTH", {error_kind::no_result}, current, previous))
        return;
    // Growth has the sign of the change, whatever the sign of the base.
    KPI_REQUIRE(current > previous ? *r >= 0 : current < previous ? *r <= 0 : *r == 0, current, previous, r);
    const result<double> none = growth_rate(previous, previous);
    KPI_REQUIRE(none && *none == 0, "no change is no growth", previous, none);
}

void check_attainment(double actual, double target)
{
    const result<double> r = attainment(actual, target);
    KPI_REQUIRE(same(r, attainment(actual, target)), "KPI.ATTAINMENT differs on a second call");
    std::optional<error_kind> expected;
    if (!std::isfinite(actual) || invalid_amount(target))
        expected = error_kind::invalid_argument;
    else if (target == 0)
        expected = error_kind::division_by_zero;
    if (outcome(r, expected, "KPI.ATTAINMENT", {error_kind::no_result}, actual, target))
        KPI_REQUIRE(close(*r, actual / target, 1e-15), actual, target, r);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegralInRange(0, 6)) {
        case 0: {
            const amount_ratio& f = in.PickValueInArray(amount_ratios);
            const double numerator = any_count(in), denominator = any_count(in);
            check_amount_ratio(f, numerator, denominator);
            break;
        }
        case 1: {
            const double start = any_count(in), end = any_count(in), added = any_count(in);
            check_retention(start, end, added);
            break;
        }
        case 2: {
            const double engaged = any_count(in), sessions = any_count(in);
            check_bounce(engaged, sessions);
            break;
        }
        case 3: {
            const double gain = any_double(in), cost = any_count(in);
            check_roi(gain, cost);
            break;
        }
        case 4: {
            const double revenue = any_count(in), margin = any_fraction(in), spend = any_count(in);
            check_romi(revenue, margin, spend);
            break;
        }
        case 5: {
            const double current = any_double(in), previous = any_double(in);
            check_growth(current, previous);
            break;
        }
        default: {
            const double actual = any_double(in), target = any_count(in);
            check_attainment(actual, target);
            break;
        }
        }
    }
    return 0;
}
