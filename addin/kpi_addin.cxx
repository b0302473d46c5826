// The UNO component of the add-in service "KPI": one line of glue per function, from Calc's arguments to
// the core and back. Argument conversion and every Calc error live in calc_values.cxx.
#include "calc_values.hxx"
#include "context_menu.hxx"
#include "error_explainer.hxx"
#include "menu_command.hxx"
#include "sheet_builder.hxx"

#include <kpi/customer_value.hpp>
#include <kpi/experiments.hpp>
#include <kpi/ratios.hpp>
#include <kpi/raw_data.hpp>
#include <kpi/satisfaction.hpp>
#include <kpi/targets.hpp>
#include <kpi/version.hpp>

#include <org/kpifunctions/XKpiFunctions.hpp>

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <uno/lbnames.h>

namespace uno = css::uno;
using kpi::calc::arguments;
using kpi::calc::array_result;
using rtl::OUString;

namespace {

constexpr char implementation_name[] = "org.kpifunctions.KPI";
// Calc stores a formula as <service>.<METHOD>; this service name makes that KPI.ROI(...).
constexpr char service_name[] = "KPI";

/// The glue shared by the functions of IDs and dates in a period (KPI.NEWPROSPECTS, KPI.ACTIVE ...).
template <class Core>
double ids_in_period(const char* function, Core core,
                     const uno::Reference<css::beans::XPropertySet>& document, const uno::Any& id_range,
                     const uno::Any& dates, const uno::Any& start, const uno::Any& end)
{
    arguments args{function};
    kpi::id_table table;
    const auto ids = args.ids(id_range, "ids", table);
    const auto days = args.dates(dates, "dates", kpi::calc::null_date_of(document));
    return args.call(core, ids, days, table.size(), args.number(start, "period_start"),
                     args.number(end, "period_end"));
}

/// The glue of KPI.RETENTION.IDS and KPI.CHURN.IDS: both lists in one id_table.
template <class Core>
double two_id_lists(const char* function, Core core, const uno::Any& start_ids, const uno::Any& end_ids)
{
    arguments args{function};
    kpi::id_table table;
    const auto start = args.ids(start_ids, "start_ids", table);
    const auto end = args.ids(end_ids, "end_ids", table);
    return args.call(core, start, end, table.size());
}

/// The glue of KPI.REPEATRATE and KPI.PURCHASEFREQ: customers, and order IDs when given.
template <class Core>
double customers_and_orders(const char* function, Core core, const uno::Any& customer_ids,
                            const uno::Any& order_ids)
{
    arguments args{function};
    kpi::id_table customer_table, order_table;
    const auto customers = args.ids(customer_ids, "customer_ids", customer_table);
    std::optional<std::vector<std::uint32_t>> orders;
    if (order_ids.hasValue())
        orders = args.ids(order_ids, "order_ids", order_table);
    return args.call(core, customers, customer_table.size(),
                     orders ? std::optional<kpi::order_column>(kpi::order_column{*orders, order_table.size()})
                            : std::nullopt);
}

class KpiAddIn : public cppu::WeakImplHelper2<org::kpifunctions::XKpiFunctions, css::lang::XServiceInfo>
{
public:
    // XKpiFunctions, generated from addin/functions.toml (idl/CMakeLists.txt): one line of glue per
    // function. Every method overrides the generated one, so a row without glue, or glue whose signature
    // differs from its row (returns, document, the number of arguments), does not compile.

    // conversion and acquisition
    double SAL_CALL conversion(const uno::Any& conversions, const uno::Any& leads) override
    {
        arguments args{"KPI.CONVERSION"};
        return args.call(kpi::conversion_rate, args.number(conversions, "conversions"),
                         args.number(leads, "leads"));
    }

    array_result SAL_CALL CONVERSION_CI(const uno::Any& conversions, const uno::Any& leads,
                                        const uno::Any& confidence) override
    {
        arguments args{"KPI.CONVERSION.CI"};
        return args.call(kpi::conversion_interval, args.number(conversions, "conversions"),
                         args.number(leads, "leads"), args.number_or(confidence, "confidence", 0.95));
    }

    double SAL_CALL abtest(const uno::Any& conversions_a, const uno::Any& visitors_a,
                           const uno::Any& conversions_b, const uno::Any& visitors_b) override
    {
        arguments args{"KPI.ABTEST"};
        return args.call(kpi::ab_test_p_value, args.number(conversions_a, "conversions_a"),
                         args.number(visitors_a, "visitors_a"), args.number(conversions_b, "conversions_b"),
                         args.number(visitors_b, "visitors_b"));
    }

    double SAL_CALL uplift(const uno::Any& conversions_a, const uno::Any& visitors_a,
                           const uno::Any& conversions_b, const uno::Any& visitors_b) override
    {
        arguments args{"KPI.UPLIFT"};
        return args.call(kpi::uplift, args.number(conversions_a, "conversions_a"),
                         args.number(visitors_a, "visitors_a"), args.number(conversions_b, "conversions_b"),
                         args.number(visitors_b, "visitors_b"));
    }

    array_result SAL_CALL funnel(const uno::Any& stage_counts, const uno::Any& mode) override
    {
        arguments args{"KPI.FUNNEL"};
        const auto stages = args.values(stage_counts, "stage_counts");
        return args.call(
            [&](kpi::funnel_mode m) {
                return kpi::calc::in_shape(stages, kpi::funnel_rates(stages.values, m));
            },
            args.option(mode, "mode", kpi::parse_funnel_mode));
    }

    double SAL_CALL ctr(const uno::Any& clicks, const uno::Any& impressions) override
    {
        arguments args{"KPI.CTR"};
        return args.call(kpi::click_through_rate, args.number(clicks, "clicks"),
                         args.number(impressions, "impressions"));
    }

    double SAL_CALL cpc(const uno::Any& cost, const uno::Any& clicks) override
    {
        arguments args{"KPI.CPC"};
        return args.call(kpi::cost_per_click, args.number(cost, "cost"), args.number(clicks, "clicks"));
    }

    double SAL_CALL cpl(const uno::Any& cost, const uno::Any& leads) override
    {
        arguments args{"KPI.CPL"};
        return args.call(kpi::cost_per_lead, args.number(cost, "cost"), args.number(leads, "leads"));
    }

    double SAL_CALL cpa(const uno::Any& cost, const uno::Any& acquisitions) override
    {
        arguments args{"KPI.CPA"};
        return args.call(kpi::cost_per_acquisition, args.number(cost, "cost"),
                         args.number(acquisitions, "acquisitions"));
    }

    double SAL_CALL cac(const uno::Any& cost, const uno::Any& new_customers) override
    {
        arguments args{"KPI.CAC"};
        return args.call(kpi::customer_acquisition_cost, args.number(cost, "sales_and_marketing_cost"),
                         args.number(new_customers, "new_customers"));
    }

    // customers and retention
    double SAL_CALL retention(const uno::Any& customers_start, const uno::Any& customers_end,
                              const uno::Any& new_customers) override
    {
        arguments args{"KPI.RETENTION"};
        return args.call(kpi::retention_rate, args.number(customers_start, "customers_start"),
                         args.number(customers_end, "customers_end"),
                         args.number(new_customers, "new_customers"));
    }

    double SAL_CALL churn(const uno::Any& customers_start, const uno::Any& customers_end,
                          const uno::Any& new_customers) override
    {
        arguments args{"KPI.CHURN"};
        return args.call(kpi::churn_rate, args.number(customers_start, "customers_start"),
                         args.number(customers_end, "customers_end"),
                         args.number(new_customers, "new_customers"));
    }

    // prospects, customers and retention from raw data
    double SAL_CALL distinct(const uno::Any& id_range) override
    {
        arguments args{"KPI.DISTINCT"};
        kpi::id_table table;
        const auto ids = args.ids(id_range, "ids", table);
        return args.call(kpi::distinct_count, ids, table.size());
    }

    double SAL_CALL newprospects(const uno::Reference<css::beans::XPropertySet>& document,
                                 const uno::Any& id_range, const uno::Any& dates, const uno::Any& start,
                                 const uno::Any& end) override
    {
        return ids_in_period("KPI.NEWPROSPECTS", kpi::new_prospects, document, id_range, dates, start, end);
    }

    double SAL_CALL active(const uno::Reference<css::beans::XPropertySet>& document, const uno::Any& id_range,
                           const uno::Any& dates, const uno::Any& start, const uno::Any& end) override
    {
        return ids_in_period("KPI.ACTIVE", kpi::active_count, document, id_range, dates, start, end);
    }

    double SAL_CALL returning(const uno::Reference<css::beans::XPropertySet>& document,
                              const uno::Any& id_range, const uno::Any& dates, const uno::Any& start,
                              const uno::Any& end) override
    {
        return ids_in_period("KPI.RETURNING", kpi::returning_count, document, id_range, dates, start, end);
    }

    double SAL_CALL RETENTION_IDS(const uno::Any& start_ids, const uno::Any& end_ids) override
    {
        return two_id_lists("KPI.RETENTION.IDS", kpi::retention_from_ids, start_ids, end_ids);
    }

    double SAL_CALL CHURN_IDS(const uno::Any& start_ids, const uno::Any& end_ids) override
    {
        return two_id_lists("KPI.CHURN.IDS", kpi::churn_from_ids, start_ids, end_ids);
    }

    double SAL_CALL repeatrate(const uno::Any& customer_ids, const uno::Any& order_ids) override
    {
        return customers_and_orders("KPI.REPEATRATE", kpi::repeat_rate, customer_ids, order_ids);
    }

    double SAL_CALL purchasefreq(const uno::Any& customer_ids, const uno::Any& order_ids) override
    {
        return customers_and_orders("KPI.PURCHASEFREQ", kpi::purchase_frequency, customer_ids, order_ids);
    }

    array_result SAL_CALL cohort(const uno::Reference<css::beans::XPropertySet>& document,
                                 const uno::Any& customer_ids, const uno::Any& order_dates,
                                 const uno::Any& grain, const uno::Any& measure,
                                 const uno::Any& amounts) override
    {
        arguments args{"KPI.COHORT"};
        kpi::id_table table;
        const kpi::civil_date null_date = kpi::calc::null_date_of(document);
        const auto ids = args.ids(customer_ids, "customer_ids", table);
        const auto dates = args.dates(order_dates, "order_dates", null_date);
        const auto amount_column = args.optional_column(amounts, "amounts");
        return args.call(
            [&](kpi::period_grain g, kpi::cohort_measure m) {
                return kpi::cohort_matrix(ids, dates, table.size(), g, m, kpi::calc::view(amount_column),
                                          null_date);
            },
            args.option(grain, "grain",
                        [](std::string_view w) {
                            return kpi::parse_grain(w, "KPI.COHORT", kpi::period_grain::month);
                        }),
            args.option(measure, "measure", kpi::parse_cohort_measure));
    }

    array_result SAL_CALL periods(const uno::Reference<css::beans::XPropertySet>& document,
                                  const uno::Any& customer_ids, const uno::Any& order_dates,
                                  const uno::Any& grain, const uno::Any& amounts,
                                  const uno::Any& order_ids) override
    {
        arguments args{"KPI.PERIODS"};
        kpi::id_table table, order_table;
        const kpi::civil_date null_date = kpi::calc::null_date_of(document);
        const auto ids = args.ids(customer_ids, "customer_ids", table);
        const auto dates = args.dates(order_dates, "order_dates", null_date);
        const auto amount_column = args.optional_column(amounts, "amounts");
        std::optional<std::vector<std::uint32_t>> orders;
        if (order_ids.hasValue())
            orders = args.ids(order_ids, "order_ids", order_table);
        return args.call(
            [&](kpi::period_grain g) {
                return kpi::period_table(
                    ids, dates, table.size(), g, kpi::calc::view(amount_column),
                    orders ? std::optional<kpi::order_column>(kpi::order_column{*orders, order_table.size()})
                           : std::nullopt,
                    null_date);
            },
            args.option(grain, "grain", [](std::string_view w) {
                return kpi::parse_grain(w, "KPI.PERIODS", kpi::period_grain::month);
            }));
    }

    // revenue and return
    double SAL_CALL roi(const uno::Any& gain, const uno::Any& cost) override
    {
        arguments args{"KPI.ROI"};
        return args.call(kpi::return_on_investment, args.number(gain, "gain"), args.number(cost, "cost"));
    }

    double SAL_CALL romi(const uno::Any& revenue, const uno::Any& margin, const uno::Any& spend) override
    {
        arguments args{"KPI.ROMI"};
        return args.call(kpi::return_on_marketing_investment, args.number(revenue, "incremental_revenue"),
                         args.number(margin, "contribution_margin"), args.number(spend, "marketing_spend"));
    }

    double SAL_CALL roas(const uno::Any& revenue, const uno::Any& ad_spend) override
    {
        arguments args{"KPI.ROAS"};
        return args.call(kpi::return_on_ad_spend, args.number(revenue, "revenue"),
                         args.number(ad_spend, "ad_spend"));
    }

    double SAL_CALL aov(const uno::Any& revenue, const uno::Any& orders) override
    {
        arguments args{"KPI.AOV"};
        return args.call(kpi::average_order_value, args.number(revenue, "revenue"),
                         args.number(orders, "orders"));
    }

    double SAL_CALL AOV_IDS(const uno::Any& amounts, const uno::Any& order_ids) override
    {
        arguments args{"KPI.AOV.IDS"};
        kpi::id_table table;
        const auto values = args.column(amounts, "amounts");
        const auto orders = args.ids(order_ids, "order_ids", table);
        return args.call(kpi::average_order_value_from_ids, values, orders, table.size());
    }

    double SAL_CALL marketshare(const uno::Any& own_sales, const uno::Any& market_sales) override
    {
        arguments args{"KPI.MARKETSHARE"};
        return args.call(kpi::market_share, args.number(own_sales, "own_sales"),
                         args.number(market_sales, "market_sales"));
    }

    double SAL_CALL sov(const uno::Any& own, const uno::Any& category_total) override
    {
        arguments args{"KPI.SOV"};
        return args.call(kpi::share_of_voice, args.number(own, "own_spend_or_mentions"),
                         args.number(category_total, "category_total"));
    }

    // customer value
    double SAL_CALL clv(const uno::Any& margin, const uno::Any& retention_rate, const uno::Any& discount_rate,
                        const uno::Any& timing, const uno::Any& periods) override
    {
        arguments args{"KPI.CLV"};
        return args.call(kpi::customer_lifetime_value, args.number(margin, "margin"),
                         args.number(retention_rate, "retention"),
                         args.number(discount_rate, "discount_rate"), args.number_or(timing, "timing", 0),
                         args.optional_number(periods, "periods"));
    }

    double SAL_CALL lifetime(const uno::Any& churn_rate) override
    {
        arguments args{"KPI.LIFETIME"};
        return args.call(kpi::customer_lifetime, args.number(churn_rate, "churn_rate"));
    }

    double SAL_CALL ltvcac(const uno::Any& clv_value, const uno::Any& cac_value) override
    {
        arguments args{"KPI.LTVCAC"};
        return args.call(kpi::ltv_to_cac, args.number(clv_value, "clv"), args.number(cac_value, "cac"));
    }

    double SAL_CALL payback(const uno::Any& cac_value, const uno::Any& margin_per_period) override
    {
        arguments args{"KPI.PAYBACK"};
        return args.call(kpi::payback_periods, args.number(cac_value, "cac"),
                         args.number(margin_per_period, "margin_per_period"));
    }

    // website traffic and engagement
    double SAL_CALL engagementrate(const uno::Any& engaged_sessions, const uno::Any& sessions) override
    {
        arguments args{"KPI.ENGAGEMENTRATE"};
        return args.call(kpi::engagement_rate, args.number(engaged_sessions, "engaged_sessions"),
                         args.number(sessions, "sessions"));
    }

    double SAL_CALL bouncerate(const uno::Any& engaged_sessions, const uno::Any& sessions) override
    {
        arguments args{"KPI.BOUNCERATE"};
        return args.call(kpi::bounce_rate, args.number(engaged_sessions, "engaged_sessions"),
                         args.number(sessions, "sessions"));
    }

    double SAL_CALL pagespersession(const uno::Any& pageviews, const uno::Any& sessions) override
    {
        arguments args{"KPI.PAGESPERSESSION"};
        return args.call(kpi::pages_per_session, args.number(pageviews, "pageviews"),
                         args.number(sessions, "sessions"));
    }

    double SAL_CALL engagement(const uno::Any& interactions, const uno::Any& audience) override
    {
        arguments args{"KPI.ENGAGEMENT"};
        return args.call(kpi::social_engagement_rate, args.number(interactions, "interactions"),
                         args.number(audience, "audience"));
    }

    double SAL_CALL engagedsessions(const uno::Any& durations, const uno::Any& pageviews,
                                    const uno::Any& key_events, const uno::Any& min_seconds) override
    {
        arguments args{"KPI.ENGAGEDSESSIONS"};
        const auto seconds = args.column(durations, "durations_s");
        const auto views = args.column(pageviews, "pageviews");
        const auto events = args.optional_column(key_events, "key_events");
        return args.call(kpi::engaged_sessions, seconds, views, kpi::calc::view(events),
                         args.number_or(min_seconds, "min_seconds", 10));
    }

    // satisfaction
    double SAL_CALL nps(const uno::Any& scores) override
    {
        arguments args{"KPI.NPS"};
        return args.call(kpi::net_promoter_score, args.values(scores, "scores").values);
    }

    double SAL_CALL csat(const uno::Any& scores, const uno::Any& threshold,
                         const uno::Any& scale_max) override
    {
        arguments args{"KPI.CSAT"};
        return args.call(kpi::customer_satisfaction, args.values(scores, "scores").values,
                         args.number_or(threshold, "threshold", 4),
                         args.number_or(scale_max, "scale_max", 5));
    }

    // trend and targets
    double SAL_CALL growth(const uno::Any& current, const uno::Any& previous) override
    {
        arguments args{"KPI.GROWTH"};
        return args.call(kpi::growth_rate, args.number(current, "current"),
                         args.number(previous, "previous"));
    }

    double SAL_CALL cagr(const uno::Any& begin_value, const uno::Any& end_value,
                         const uno::Any& periods) override
    {
        arguments args{"KPI.CAGR"};
        return args.call(kpi::compound_growth_rate, args.number(begin_value, "begin_value"),
                         args.number(end_value, "end_value"), args.number(periods, "periods"));
    }

    double SAL_CALL trend(const uno::Any& values) override
    {
        arguments args{"KPI.TREND"};
        // Each value at its place in the range: a blank month is a period all the same.
        const auto cells = args.values(values, "values");
        return args.call([&] { return kpi::relative_trend(cells.values, cells.positions); });
    }

    double SAL_CALL attainment(const uno::Any& actual, const uno::Any& target) override
    {
        arguments args{"KPI.ATTAINMENT"};
        return args.call(kpi::attainment, args.number(actual, "actual"), args.number(target, "target"));
    }

    double SAL_CALL pace(const uno::Any& actual, const uno::Any& target, const uno::Any& period_start,
                         const uno::Any& period_end, const uno::Any& as_of) override
    {
        arguments args{"KPI.PACE"};
        return args.call(kpi::pace, args.number(actual, "actual"), args.number(target, "target"),
                         args.number(period_start, "period_start"), args.number(period_end, "period_end"),
                         args.number(as_of, "as_of"));
    }

    double SAL_CALL required(const uno::Any& actual, const uno::Any& target, const uno::Any& period_start,
                             const uno::Any& period_end, const uno::Any& as_of) override
    {
        arguments args{"KPI.REQUIRED"};
        return args.call(kpi::required_per_day, args.number(actual, "actual"), args.number(target, "target"),
                         args.number(period_start, "period_start"), args.number(period_end, "period_end"),
                         args.number(as_of, "as_of"));
    }

    double SAL_CALL status(const uno::Any& actual, const uno::Any& target, const uno::Any& tolerance,
                           const uno::Any& higher_is_better) override
    {
        arguments args{"KPI.STATUS"};
        return args.call(kpi::target_status, args.number(actual, "actual"), args.number(target, "target"),
                         args.number_or(tolerance, "tolerance", 0.05),
                         args.flag_or(higher_is_better, "higher_is_better", true));
    }

    // about the extension
    OUString SAL_CALL version() override { return OUString::createFromAscii(kpi::version); }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return uno::Sequence<OUString>(&static_service_name(), 1);
    }

    static const OUString& static_service_name()
    {
        static const OUString name = OUString::createFromAscii(service_name);
        return name;
    }
};

uno::Reference<uno::XInterface> SAL_CALL create_instance(const uno::Reference<uno::XComponentContext>&)
{
    return static_cast<cppu::OWeakObject*>(new KpiAddIn);
}

} // namespace

extern "C" {

SAL_DLLPUBLIC_EXPORT void SAL_CALL component_getImplementationEnvironment(const char** environment_type_name,
                                                                          uno_Environment**)
{
    *environment_type_name = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}

SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* name, void* service_manager, void*)
{
    if (service_manager != nullptr &&
        rtl_str_compare(name, kpi::uno_sheet::sheet_builder_implementation_name) == 0)
        return kpi::uno_sheet::sheet_builder_factory();
    if (service_manager != nullptr && rtl_str_compare(name, kpi::menu::menu_command_implementation_name) == 0)
        return kpi::menu::menu_command_factory();
    if (service_manager != nullptr &&
        rtl_str_compare(name, kpi::explainer::error_explainer_implementation_name) == 0)
        return kpi::explainer::error_explainer_factory();
    if (service_manager != nullptr && rtl_str_compare(name, kpi::menu::context_menu_implementation_name) == 0)
        return kpi::menu::context_menu_factory();
    if (service_manager == nullptr || rtl_str_compare(name, implementation_name) != 0)
        return nullptr;
    uno::Sequence<OUString> services(&KpiAddIn::static_service_name(), 1);
    uno::Reference<css::lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
        create_instance, OUString::createFromAscii(implementation_name), services);
    if (!factory.is())
        return nullptr;
    factory->acquire();
    return factory.get();
}

} // extern "C"
