// KPIs computed from pre-aggregated numbers: counts, amounts and rates that the user has already summed.
// Every function rejects non-finite input (NaN, infinity) as invalid_argument, so that no caller, fuzzer
// or benchmark can make the core return NaN or infinity. Rates are fractions (0.15 = 15 %).
#pragma once

#include "kpi/result.hpp"

namespace kpi {

// ---- conversion and acquisition ----

/// Lead-to-sale conversion rate: conversions / leads (Farris et al., Marketing Metrics, ch. 5).
/// Errors: invalid_argument when either count is negative or conversions > leads (a rate above 100 %
/// is a swapped or mistyped argument); division_by_zero when leads is 0.
[[nodiscard]] result<double> conversion_rate(double conversions, double leads);

/// Click-through rate: clicks / impressions. invalid_argument for negatives or clicks > impressions;
/// division_by_zero when impressions is 0.
[[nodiscard]] result<double> click_through_rate(double clicks, double impressions);

/// Cost per click: cost / clicks. invalid_argument for negatives; division_by_zero when clicks is 0.
[[nodiscard]] result<double> cost_per_click(double cost, double clicks);

/// Cost per lead: cost / leads. invalid_argument for negatives; division_by_zero when leads is 0.
[[nodiscard]] result<double> cost_per_lead(double cost, double leads);

/// Cost per acquisition: cost / acquisitions. invalid_argument for negatives; division_by_zero at 0.
[[nodiscard]] result<double> cost_per_acquisition(double cost, double acquisitions);

/// Customer acquisition cost: sales and marketing cost / new customers of the same period and scope.
/// invalid_argument for negatives; division_by_zero when new_customers is 0.
[[nodiscard]] result<double> customer_acquisition_cost(double sales_and_marketing_cost, double new_customers);

// ---- retention ----

/// Customer retention rate over a period: (customers_end - new_customers) / customers_start
/// (Kumar & Reinartz; agilebrandguide.com: S = 1000, N = 250, E = 1100 gives 0.85).
/// Errors: invalid_argument when a count is negative, or when customers_end - new_customers (the
/// customers kept) is negative or larger than customers_start; division_by_zero when customers_start is 0.
[[nodiscard]] result<double> retention_rate(double customers_start, double customers_end,
                                            double new_customers);

/// Churn rate: 1 - retention_rate, with the same errors (reported as KPI.CHURN).
[[nodiscard]] result<double> churn_rate(double customers_start, double customers_end, double new_customers);

// ---- revenue and return ----

/// Return on investment: (gain - cost) / cost. Negative results (a loss) are valid, as is a negative gain.
/// Errors: invalid_argument when cost is negative; division_by_zero when cost is 0.
[[nodiscard]] result<double> return_on_investment(double gain, double cost);

/// Return on marketing investment: (incremental_revenue * contribution_margin - spend) / spend
/// (Farris et al.; kameir.com: 50,000 at 60 % on 10,000 gives 2.0).
/// invalid_argument for negative revenue or spend, or a margin outside 0...1; division_by_zero at spend 0.
[[nodiscard]] result<double> return_on_marketing_investment(double incremental_revenue,
                                                            double contribution_margin,
                                                            double marketing_spend);

/// Return on ad spend: revenue / ad_spend (verticalrail.com: 5000 / 1000 = 5).
/// invalid_argument for negatives; division_by_zero when ad_spend is 0.
[[nodiscard]] result<double> return_on_ad_spend(double revenue, double ad_spend);

/// Average order value: revenue / orders. invalid_argument for negatives; division_by_zero at 0 orders.
[[nodiscard]] result<double> average_order_value(double revenue, double orders);

/// Market share: own_sales / market_sales. invalid_argument for negatives or own > market;
/// division_by_zero when market_sales is 0.
[[nodiscard]] result<double> market_share(double own_sales, double market_sales);

/// Share of voice: own spend or mentions / category total (5M of 100M = 0.05). invalid_argument for
/// negatives or own > total; division_by_zero when the total is 0.
[[nodiscard]] result<double> share_of_voice(double own, double category_total);

// ---- customer value ----

/// Expected customer lifetime in periods: 1 / churn_rate (churnzero: 2.5 % monthly churn = 40 months).
/// invalid_argument outside 0...1; division_by_zero at 0.
[[nodiscard]] result<double> customer_lifetime(double churn_rate);

/// LTV to CAC ratio: clv / cac. invalid_argument when cac is negative; division_by_zero when cac is 0.
[[nodiscard]] result<double> ltv_to_cac(double clv, double cac);

/// CAC payback in periods: cac / margin_per_period (600 / (100 * 0.75) = 8).
/// invalid_argument when cac is negative; no_result when margin_per_period <= 0 (never paid back).
[[nodiscard]] result<double> payback_periods(double cac, double margin_per_period);

// ---- website traffic and engagement (GA4) ----

/// GA4 engagement rate: engaged_sessions / sessions (693 of 1810 = 0.383). invalid_argument for negatives
/// or engaged > sessions; division_by_zero when sessions is 0.
[[nodiscard]] result<double> engagement_rate(double engaged_sessions, double sessions);

/// GA4 bounce rate: 1 - engaged_sessions / sessions (693 of 1810 = 0.617), not the old single-page bounce
/// rate. Errors as engagement_rate.
[[nodiscard]] result<double> bounce_rate(double engaged_sessions, double sessions);

/// Page views per session. invalid_argument for negatives; division_by_zero when sessions is 0.
[[nodiscard]] result<double> pages_per_session(double pageviews, double sessions);

/// Social engagement rate: interactions / audience (by reach or followers; 500 / 10,000 = 0.05).
/// invalid_argument for negatives; division_by_zero when audience is 0.
[[nodiscard]] result<double> social_engagement_rate(double interactions, double audience);

// ---- targets ----

/// Growth against a previous value or a benchmark: (current - previous) / |previous|.
/// division_by_zero when previous is 0.
[[nodiscard]] result<double> growth_rate(double current, double previous);

/// Target attainment: actual / target. invalid_argument when target is negative; division_by_zero at 0.
[[nodiscard]] result<double> attainment(double actual, double target);

} // namespace kpi
