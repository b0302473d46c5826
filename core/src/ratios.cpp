#include "kpi/ratios.hpp"

#include "checks.hpp"

namespace kpi {

result<double> conversion_rate(double conversions, double leads)
{
    const detail::checker check{"KPI.CONVERSION"};
    if (auto e = check.non_negative(conversions, "conversions"))
        return *e;
    if (auto e = check.non_negative(leads, "leads"))
        return *e;
    if (auto e = check.nonzero_denominator(leads, "leads"))
        return *e;
    if (conversions > leads)
        return fail(error_kind::invalid_argument, check.function, "conversions", "must not exceed leads",
                    conversions);
    return conversions / leads;
}

result<double> return_on_investment(double gain, double cost)
{
    const detail::checker check{"KPI.ROI"};
    if (auto e = check.finite(gain, "gain"))
        return *e;
    if (auto e = check.non_negative(cost, "cost"))
        return *e;
    if (auto e = check.nonzero_denominator(cost, "cost"))
        return *e;
    return detail::finite_quotient(gain - cost, cost, check.function);
}

result<double> retention_rate(double customers_start, double customers_end, double new_customers)
{
    const detail::checker check{"KPI.RETENTION"};
    if (auto e = check.non_negative(customers_start, "customers_start"))
        return *e;
    if (auto e = check.non_negative(customers_end, "customers_end"))
        return *e;
    if (auto e = check.non_negative(new_customers, "new_customers"))
        return *e;
    if (auto e = check.nonzero_denominator(customers_start, "customers_start"))
        return *e;
    const double kept = customers_end - new_customers;
    if (kept < 0)
        return fail(error_kind::invalid_argument, check.function, "new_customers",
                    "must not exceed customers_end", new_customers);
    if (kept > customers_start)
        return fail(error_kind::invalid_argument, check.function, "customers_end - new_customers",
                    "must not exceed customers_start", kept);
    return kept / customers_start;
}

} // namespace kpi
