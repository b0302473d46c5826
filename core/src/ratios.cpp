#include "kpi/ratios.hpp"

#include "checks.hpp"

#include <cmath>

namespace kpi {

using detail::checker;
using detail::first_error;

namespace {

/// numerator / denominator for two non-negative amounts; when bounded, numerator must not exceed the
/// denominator (a share or a rate of at most 100 %).
result<double> ratio_of_amounts(std::string_view function, double numerator, std::string_view numerator_name,
                                double denominator, std::string_view denominator_name, bool bounded)
{
    const checker check{function};
    if (auto e = first_error(check.non_negative(numerator, numerator_name),
                             check.non_negative(denominator, denominator_name),
                             check.nonzero_denominator(denominator, denominator_name)))
        return *e;
    if (bounded)
        if (auto e = check.at_most(numerator, numerator_name, denominator, denominator_name))
            return *e;
    return check.finite_result(numerator / denominator);
}

} // namespace

result<double> conversion_rate(double conversions, double leads)
{
    return ratio_of_amounts("KPI.CONVERSION", conversions, "conversions", leads, "leads", true);
}

result<double> click_through_rate(double clicks, double impressions)
{
    return ratio_of_amounts("KPI.CTR", clicks, "clicks", impressions, "impressions", true);
}

result<double> cost_per_click(double cost, double clicks)
{
    return ratio_of_amounts("KPI.CPC", cost, "cost", clicks, "clicks", false);
}

result<double> cost_per_lead(double cost, double leads)
{
    return ratio_of_amounts("KPI.CPL", cost, "cost", leads, "leads", false);
}

result<double> cost_per_acquisition(double cost, double acquisitions)
{
    return ratio_of_amounts("KPI.CPA", cost, "cost", acquisitions, "acquisitions", false);
}

result<double> customer_acquisition_cost(double sales_and_marketing_cost, double new_customers)
{
    return ratio_of_amounts("KPI.CAC", sales_and_marketing_cost, "sales_and_marketing_cost", new_customers,
                            "new_customers", false);
}

namespace {

/// The customers kept over a period, customers_end - new_customers, after the checks of KPI.RETENTION and
/// KPI.CHURN.
result<double> customers_kept(const checker& check, double customers_start, double customers_end,
                              double new_customers)
{
    if (auto e = first_error(check.non_negative(customers_start, "customers_start"),
                             check.non_negative(customers_end, "customers_end"),
                             check.non_negative(new_customers, "new_customers"),
                             check.nonzero_denominator(customers_start, "customers_start"),
                             check.at_most(new_customers, "new_customers", customers_end, "customers_end")))
        return *e;
    const double kept = customers_end - new_customers;
    if (kept > customers_start)
        return fail(error_kind::invalid_argument, message_id::kept_exceed_start, check.function,
                    {"customers_end", "new_customers", "customers_start"}, kept);
    return kept;
}

} // namespace

result<double> retention_rate(double customers_start, double customers_end, double new_customers)
{
    const auto kept = customers_kept(checker{"KPI.RETENTION"}, customers_start, customers_end, new_customers);
    if (!kept)
        return kept;
    return *kept / customers_start;
}

result<double> churn_rate(double customers_start, double customers_end, double new_customers)
{
    const auto kept = customers_kept(checker{"KPI.CHURN"}, customers_start, customers_end, new_customers);
    if (!kept)
        return kept;
    // The customers lost over the customers at the start, not 1 - retention: the complement of a retention
    // near 1 would keep only the rounding of it (1 lost of 1,000,000,000 gave 1.00000008e-9).
    return (customers_start - *kept) / customers_start;
}

result<double> return_on_investment(double gain, double cost)
{
    const checker check{"KPI.ROI"};
    if (auto e = first_error(check.finite(gain, "gain"), check.non_negative(cost, "cost"),
                             check.nonzero_denominator(cost, "cost")))
        return *e;
    return check.finite_result((gain - cost) / cost);
}

result<double> return_on_marketing_investment(double incremental_revenue, double contribution_margin,
                                              double marketing_spend)
{
    const checker check{"KPI.ROMI"};
    if (auto e = first_error(check.non_negative(incremental_revenue, "incremental_revenue"),
                             check.fraction(contribution_margin, "contribution_margin"),
                             check.non_negative(marketing_spend, "marketing_spend"),
                             check.nonzero_denominator(marketing_spend, "marketing_spend")))
        return *e;
    return check.finite_result((incremental_revenue * contribution_margin - marketing_spend) /
                               marketing_spend);
}

result<double> return_on_ad_spend(double revenue, double ad_spend)
{
    return ratio_of_amounts("KPI.ROAS", revenue, "revenue", ad_spend, "ad_spend", false);
}

result<double> average_order_value(double revenue, double orders)
{
    return ratio_of_amounts("KPI.AOV", revenue, "revenue", orders, "orders", false);
}

result<double> market_share(double own_sales, double market_sales)
{
    return ratio_of_amounts("KPI.MARKETSHARE", own_sales, "own_sales", market_sales, "market_sales", true);
}

result<double> share_of_voice(double own, double category_total)
{
    return ratio_of_amounts("KPI.SOV", own, "own_spend_or_mentions", category_total, "category_total", true);
}

result<double> customer_lifetime(double churn_rate)
{
    const checker check{"KPI.LIFETIME"};
    if (auto e = first_error(check.fraction(churn_rate, "churn_rate"),
                             check.nonzero_denominator(churn_rate, "churn_rate")))
        return *e;
    return check.finite_result(1.0 / churn_rate);
}

result<double> ltv_to_cac(double clv, double cac)
{
    const checker check{"KPI.LTVCAC"};
    if (auto e = first_error(check.finite(clv, "clv"), check.non_negative(cac, "cac"),
                             check.nonzero_denominator(cac, "cac")))
        return *e;
    return check.finite_result(clv / cac);
}

result<double> payback_periods(double cac, double margin_per_period)
{
    const checker check{"KPI.PAYBACK"};
    if (auto e =
            first_error(check.non_negative(cac, "cac"), check.finite(margin_per_period, "margin_per_period")))
        return *e;
    if (margin_per_period <= 0)
        return fail(error_kind::no_result, message_id::never_paid_back, check.function, {"margin_per_period"},
                    margin_per_period);
    return check.finite_result(cac / margin_per_period);
}

result<double> engagement_rate(double engaged_sessions, double sessions)
{
    return ratio_of_amounts("KPI.ENGAGEMENTRATE", engaged_sessions, "engaged_sessions", sessions, "sessions",
                            true);
}

result<double> bounce_rate(double engaged_sessions, double sessions)
{
    const auto engaged =
        ratio_of_amounts("KPI.BOUNCERATE", engaged_sessions, "engaged_sessions", sessions, "sessions", true);
    if (!engaged)
        return engaged;
    // The sessions without engagement over the sessions: 1 - a rate near 1 would keep only its rounding.
    return (sessions - engaged_sessions) / sessions;
}

result<double> pages_per_session(double pageviews, double sessions)
{
    return ratio_of_amounts("KPI.PAGESPERSESSION", pageviews, "pageviews", sessions, "sessions", false);
}

result<double> social_engagement_rate(double interactions, double audience)
{
    return ratio_of_amounts("KPI.ENGAGEMENT", interactions, "interactions", audience, "audience", false);
}

result<double> growth_rate(double current, double previous)
{
    const checker check{"KPI.GROWTH"};
    if (auto e = first_error(check.finite(current, "current"), check.finite(previous, "previous"),
                             check.nonzero_denominator(previous, "previous")))
        return *e;
    return check.finite_result((current - previous) / std::fabs(previous));
}

result<double> attainment(double actual, double target)
{
    const checker check{"KPI.ATTAINMENT"};
    if (auto e = first_error(check.finite(actual, "actual"), check.non_negative(target, "target"),
                             check.nonzero_denominator(target, "target")))
        return *e;
    return check.finite_result(actual / target);
}

} // namespace kpi
