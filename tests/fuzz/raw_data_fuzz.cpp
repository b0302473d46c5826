// The raw-data KPIs and cohorts (kpi/raw_data.hpp) against their contract, on random customer/order lists:
// the documented errors for exactly the inputs the header names; counts that are whole, at most the distinct
// IDs and as counted here; ACTIVE = NEWPROSPECTS + RETURNING; CHURN.IDS = 1 - RETENTION.IDS; rates within
// 0...1; KPI.COHORT's cohort sizes and cells as counted here, its period-0 column equal to the cohort sizes
// and #N/A exactly past the data; KPI.PERIODS's periods consecutive, its new customers summing to
// KPI.DISTINCT of the dated IDs, each period's active and new customers equal to KPI.ACTIVE and
// KPI.NEWPROSPECTS over that period; KPI.AOV.IDS times KPI.DISTINCT of the order IDs the sum of the amounts
// of the rows with an order ID; shuffling the rows changes no count (nor a sum beyond rounding); the same
// result twice.
#include <kpi/calendar.hpp>
#include <kpi/raw_data.hpp>

#include "fuzz_support.hpp"

#include <map>
#include <numeric>
#include <set>

namespace {

using namespace kpi;
using namespace kpi::fuzz;

constexpr std::uint32_t no_id = 0xffff'ffff;
constexpr double no_value = std::numeric_limits<double>::quiet_NaN();
/// KPI.COHORT and KPI.PERIODS reject a dated row further than this from day 0 (max_date_distance).
constexpr double calendar_limit = 2e9;

/// A customer/order list as the glue gives it to the core.
struct rows
{
    std::vector<std::uint32_t> customers;
    std::size_t customer_count = 0;
    std::vector<double> dates;
    std::vector<double> amounts;
    std::vector<std::uint32_t> orders;
    std::size_t order_count = 0;

    [[nodiscard]] std::size_t size() const { return customers.size(); }

    /// The same rows in another order.
    [[nodiscard]] rows permuted(std::uint64_t seed) const
    {
        std::vector<std::size_t> order(size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        shuffle(order, seed);
        rows out = *this;
        for (std::size_t i = 0; i < size(); ++i) {
            out.customers[i] = customers[order[i]];
            out.dates[i] = dates[order[i]];
            out.amounts[i] = amounts[order[i]];
            out.orders[i] = orders[order[i]];
        }
        return out;
    }
};

bool has_id(std::uint32_t id, std::size_t count)
{
    return id != no_id && id < count;
}

rows random_rows(FuzzedDataProvider& in)
{
    rows r;
    r.customer_count = in.ConsumeIntegralInRange<std::size_t>(0, 40);
    r.order_count = in.ConsumeIntegralInRange<std::size_t>(0, 60);
    const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, in.ConsumeBool() ? 12 : 300);
    // Dates of one spread: mostly a week, a month or a year, sometimes ten years or three centuries (big
    // tables, slow to check); with times of day or without.
    static constexpr double spreads[] = {7, 7, 7, 40, 40, 40, 400, 400, 400, 3700, 1e5};
    const double spread = in.PickValueInArray(spreads);
    const double base = in.ConsumeBool() ? 45000 : in.ConsumeFloatingPointInRange(-1e6, 1e6);
    const bool times = in.ConsumeBool();
    for (std::size_t i = 0; i < n; ++i) {
        const int kind = in.ConsumeIntegralInRange(0, 31);
        // IDs: mostly of the table, sometimes an empty cell, rarely an index past the table.
        r.customers.push_back(
            kind == 0 ? no_id
            : kind == 1
                ? static_cast<std::uint32_t>(r.customer_count + in.ConsumeIntegralInRange<std::size_t>(0, 3))
                : static_cast<std::uint32_t>(in.ConsumeIntegralInRange<std::size_t>(
                      0, std::max<std::size_t>(r.customer_count, 1) - 1)));
        double date = base + std::floor(in.ConsumeProbability<double>() * spread);
        if (times)
            date += in.ConsumeProbability<double>();
        if (kind == 2)
            date = no_value; // an empty or text date cell
        else if (kind == 3)
            date = any_double(in);
        r.dates.push_back(date);
        r.amounts.push_back(kind == 4   ? no_value
                            : kind == 5 ? any_double(in)
                                        : static_cast<double>(in.ConsumeIntegralInRange(0, 100000)) / 100);
        r.orders.push_back(kind == 6 ? no_id
                                     : static_cast<std::uint32_t>(in.ConsumeIntegralInRange<std::size_t>(
                                           0, std::max<std::size_t>(r.order_count, 1) - 1)));
    }
    if (r.customer_count == 0)
        std::fill(r.customers.begin(), r.customers.end(), no_id);
    if (r.order_count == 0)
        std::fill(r.orders.begin(), r.orders.end(), no_id);
    return r;
}

/// The rows that count as dated rows of an ID: an ID of the table and a date (not NaN).
bool dated(const rows& r, std::size_t row)
{
    return has_id(r.customers[row], r.customer_count) && !std::isnan(r.dates[row]);
}

double whole_count(const result<double>& c, const char* function)
{
    KPI_REQUIRE(c && whole(*c) && *c >= 0, function, "is a count", c);
    return *c;
}

// ---- KPI.DISTINCT, NEWPROSPECTS, ACTIVE, RETURNING ----

void check_counts(const rows& r, const rows& shuffled, double start, double end)
{
    std::set<std::uint32_t> ids;
    for (const std::uint32_t id : r.customers)
        if (has_id(id, r.customer_count))
            ids.insert(id);
    const result<double> distinct = distinct_count(r.customers, r.customer_count);
    KPI_REQUIRE(whole_count(distinct, "KPI.DISTINCT") == static_cast<double>(ids.size()) &&
                    ids.size() <= r.size(),
                "KPI.DISTINCT", distinct, ids.size());
    KPI_REQUIRE(same(distinct, distinct_count(shuffled.customers, r.customer_count)),
                "KPI.DISTINCT shuffled");

    using count_function = result<double> (*)(id_span, value_span, std::size_t, double, double);
    const std::pair<const char*, count_function> functions[] = {{"KPI.NEWPROSPECTS", new_prospects},
                                                                {"KPI.ACTIVE", active_count},
                                                                {"KPI.RETURNING", returning_count}};
    result<double> counts[3] = {0.0, 0.0, 0.0};
    for (int f = 0; f < 3; ++f) {
        const auto [name, compute] = functions[f];
        counts[f] = compute(r.customers, r.dates, r.customer_count, start, end);
        KPI_REQUIRE(same(counts[f], compute(r.customers, r.dates, r.customer_count, start, end)), name,
                    "twice");
        KPI_REQUIRE(
            same(counts[f], compute(shuffled.customers, shuffled.dates, r.customer_count, start, end)), name,
            "depends on the order of the rows", counts[f]);
        if (!std::isfinite(start) || !std::isfinite(end) || std::floor(end) < std::floor(start)) {
            KPI_REQUIRE(error_of(counts[f], error_kind::invalid_argument, name), start, end, counts[f]);
            continue;
        }
        KPI_REQUIRE(whole_count(counts[f], name) <= static_cast<double>(ids.size()), name, counts[f],
                    ids.size());
    }
    if (!counts[0])
        return;
    // As counted here: each ID's first date and whether it has a row in the period.
    const double first_day = std::floor(start), last_day = std::floor(end);
    std::map<std::uint32_t, double> first;
    std::set<std::uint32_t> active;
    for (std::size_t row = 0; row < r.size(); ++row) {
        if (!dated(r, row))
            continue;
        const double day = std::floor(r.dates[row]);
        const auto [it, added] = first.emplace(r.customers[row], day);
        if (!added)
            it->second = std::min(it->second, day);
        if (day >= first_day && day <= last_day)
            active.insert(r.customers[row]);
    }
    std::size_t fresh = 0, returning = 0;
    for (const std::uint32_t id : active)
        (first[id] >= first_day ? fresh : returning) += 1;
    KPI_REQUIRE(*counts[0] == static_cast<double>(fresh), "KPI.NEWPROSPECTS", counts[0], fresh);
    KPI_REQUIRE(*counts[1] == static_cast<double>(active.size()), "KPI.ACTIVE", counts[1], active.size());
    KPI_REQUIRE(*counts[2] == static_cast<double>(returning), "KPI.RETURNING", counts[2], returning);
    KPI_REQUIRE(*counts[1] == *counts[0] + *counts[2], "ACTIVE = NEWPROSPECTS + RETURNING", counts[0],
                counts[1], counts[2]);
}

void check_wrong_lengths(const rows& r)
{
    if (r.size() == 0)
        return;
    const value_span fewer(r.dates.data(), r.size() - 1);
    for (const auto& [name, c] :
         {std::pair{"KPI.NEWPROSPECTS", new_prospects(r.customers, fewer, r.customer_count, 0, 1)},
          std::pair{"KPI.ACTIVE", active_count(r.customers, fewer, r.customer_count, 0, 1)},
          std::pair{"KPI.RETURNING", returning_count(r.customers, fewer, r.customer_count, 0, 1)}})
        KPI_REQUIRE(error_of(c, error_kind::wrong_type, name), "columns of different lengths", c);
    const auto cohort = cohort_matrix(r.customers, fewer, r.customer_count, period_grain::month,
                                      cohort_measure::retention, std::nullopt, {1899, 12, 30});
    KPI_REQUIRE(error_of(cohort, error_kind::wrong_type, "KPI.COHORT"), "columns of different lengths");
    const auto periods =
        period_table(r.customers, r.dates, r.customer_count, period_grain::month,
                     value_span(r.amounts.data(), r.size() - 1), std::nullopt, {1899, 12, 30});
    KPI_REQUIRE(error_of(periods, error_kind::wrong_type, "KPI.PERIODS"), "columns of different lengths");
    const auto repeat = repeat_rate(r.customers, r.customer_count,
                                    order_column{id_span(r.orders.data(), r.size() - 1), r.order_count});
    KPI_REQUIRE(error_of(repeat, error_kind::wrong_type, "KPI.REPEATRATE"), "columns of different lengths");
    const auto aov =
        average_order_value_from_ids(value_span(r.amounts.data(), r.size() - 1), r.orders, r.order_count);
    KPI_REQUIRE(error_of(aov, error_kind::wrong_type, "KPI.AOV.IDS"), "columns of different lengths");
}

// ---- RETENTION.IDS, CHURN.IDS, REPEATRATE, PURCHASEFREQ ----

void check_id_retention(const rows& r, std::size_t split)
{
    const id_span start(r.customers.data(), split), end(r.customers.data() + split, r.size() - split);
    const result<double> kept = retention_from_ids(start, end, r.customer_count);
    const result<double> lost = churn_from_ids(start, end, r.customer_count);
    KPI_REQUIRE(same(kept, retention_from_ids(start, end, r.customer_count)), "KPI.RETENTION.IDS twice");
    std::set<std::uint32_t> at_start, at_end;
    for (const std::uint32_t id : start)
        if (has_id(id, r.customer_count))
            at_start.insert(id);
    for (const std::uint32_t id : end)
        if (has_id(id, r.customer_count))
            at_end.insert(id);
    if (at_start.empty()) {
        KPI_REQUIRE(error_of(kept, error_kind::division_by_zero, "KPI.RETENTION.IDS"), kept);
        KPI_REQUIRE(error_of(lost, error_kind::division_by_zero, "KPI.CHURN.IDS"), lost);
        return;
    }
    std::size_t both = 0;
    for (const std::uint32_t id : at_start)
        both += at_end.count(id);
    KPI_REQUIRE(kept && *kept >= 0 && *kept <= 1 &&
                    close(*kept, static_cast<double>(both) / static_cast<double>(at_start.size()), 1e-15),
                "KPI.RETENTION.IDS", kept, both, at_start.size());
    KPI_REQUIRE(lost && *lost >= 0 && *lost <= 1 && close(*lost, 1 - *kept, 0, 1e-15),
                "CHURN.IDS = 1 - RETENTION.IDS", kept, lost);
}

void check_orders(const rows& r, const rows& shuffled, bool with_orders)
{
    const std::optional<order_column> orders =
        with_orders ? std::optional<order_column>(order_column{r.orders, r.order_count}) : std::nullopt;
    const std::optional<order_column> shuffled_orders =
        with_orders ? std::optional<order_column>(order_column{shuffled.orders, r.order_count})
                    : std::nullopt;
    const result<double> repeat = repeat_rate(r.customers, r.customer_count, orders);
    const result<double> frequency = purchase_frequency(r.customers, r.customer_count, orders);
    KPI_REQUIRE(same(repeat, repeat_rate(r.customers, r.customer_count, orders)), "KPI.REPEATRATE twice");
    KPI_REQUIRE(same(repeat, repeat_rate(shuffled.customers, r.customer_count, shuffled_orders)),
                "KPI.REPEATRATE depends on the order of the rows", repeat);
    KPI_REQUIRE(same(frequency, purchase_frequency(shuffled.customers, r.customer_count, shuffled_orders)),
                "KPI.PURCHASEFREQ depends on the order of the rows", frequency);
    // As counted here: the distinct orders of each customer (without order IDs, each row is an order).
    std::map<std::uint32_t, std::set<std::size_t>> orders_of;
    std::set<std::size_t> all_orders;
    for (std::size_t row = 0; row < r.size(); ++row) {
        if (!has_id(r.customers[row], r.customer_count))
            continue;
        if (with_orders && !has_id(r.orders[row], r.order_count))
            continue;
        const std::size_t order = with_orders ? r.orders[row] : row;
        orders_of[r.customers[row]].insert(order);
        all_orders.insert(order);
    }
    if (orders_of.empty()) {
        KPI_REQUIRE(error_of(repeat, error_kind::division_by_zero, "KPI.REPEATRATE"), repeat);
        KPI_REQUIRE(error_of(frequency, error_kind::division_by_zero, "KPI.PURCHASEFREQ"), frequency);
        return;
    }
    std::size_t repeaters = 0;
    for (const auto& [customer, set] : orders_of)
        repeaters += set.size() >= 2 ? 1 : 0;
    const auto customers = static_cast<double>(orders_of.size());
    KPI_REQUIRE(repeat && *repeat >= 0 && *repeat <= 1 &&
                    close(*repeat, static_cast<double>(repeaters) / customers, 1e-15),
                "KPI.REPEATRATE", repeat, repeaters, customers);
    KPI_REQUIRE(frequency && *frequency > 0 &&
                    close(*frequency, static_cast<double>(all_orders.size()) / customers, 1e-15),
                "KPI.PURCHASEFREQ", frequency, all_orders.size(), customers);
    if (!with_orders)
        KPI_REQUIRE(*frequency >= 1, "KPI.PURCHASEFREQ without order IDs is at least 1", frequency);
}

// ---- KPI.AOV.IDS ----

void check_aov_ids(const rows& r, const rows& shuffled)
{
    const result<double> aov = average_order_value_from_ids(r.amounts, r.orders, r.order_count);
    KPI_REQUIRE(same(aov, average_order_value_from_ids(r.amounts, r.orders, r.order_count)),
                "KPI.AOV.IDS twice");
    const result<double> distinct = distinct_count(r.orders, r.order_count);
    // As summed here: the amounts of the rows with an order ID, and their magnitudes (in long double, whose
    // range a sum of doubles cannot leave), which bound the rounding of any order of summation.
    long double sum = 0, magnitude = 0;
    for (std::size_t row = 0; row < r.size(); ++row)
        if (has_id(r.orders[row], r.order_count) && !std::isnan(r.amounts[row])) {
            sum += r.amounts[row];
            magnitude += std::fabs(static_cast<long double>(r.amounts[row]));
        }
    if (whole_count(distinct, "KPI.DISTINCT") == 0) {
        KPI_REQUIRE(error_of(aov, error_kind::division_by_zero, "KPI.AOV.IDS"), aov);
        return;
    }
    if (!aov) {
        // Only a sum that leaves the doubles on the way: a partial sum is at most the sum of the magnitudes.
        KPI_REQUIRE(error_of(aov, error_kind::no_result, "KPI.AOV.IDS") &&
                        !(magnitude < static_cast<long double>(std::numeric_limits<double>::max())),
                    "KPI.AOV.IDS fails only for a sum too large", aov, static_cast<double>(magnitude));
        return;
    }
    const long double revenue = static_cast<long double>(*aov) * static_cast<long double>(*distinct);
    KPI_REQUIRE(std::isfinite(*aov) && fabsl(revenue - sum) <= 1e-12L * magnitude + 1e-300L,
                "AOV.IDS x DISTINCT = the sum of the amounts", aov, distinct, static_cast<double>(sum));
    const result<double> again =
        average_order_value_from_ids(shuffled.amounts, shuffled.orders, r.order_count);
    KPI_REQUIRE(again && fabsl(static_cast<long double>(*again) - static_cast<long double>(*aov)) *
                                 static_cast<long double>(*distinct) <=
                             1e-12L * magnitude + 1e-300L,
                "KPI.AOV.IDS depends on the order of the rows beyond rounding", aov, again);
}

// ---- KPI.COHORT ----

/// A cell of a grid, which must be filled.
const result<double>& cell_of(const grid& g, std::size_t row, std::size_t column, const char* function)
{
    KPI_REQUIRE(g.at(row, column).has_value(), function, "every cell is filled", row, column);
    return *g.at(row, column);
}

/// The error KPI.COHORT and KPI.PERIODS document for the rows' dates: a date no calendar has
/// (invalid_argument), or no dated row (division_by_zero).
std::optional<error_kind> date_error(const rows& r)
{
    std::size_t dated_rows = 0;
    for (std::size_t row = 0; row < r.size(); ++row) {
        if (has_id(r.customers[row], r.customer_count) && std::fabs(r.dates[row]) > calendar_limit)
            return error_kind::invalid_argument;
        dated_rows += dated(r, row) ? 1 : 0;
    }
    return dated_rows == 0 ? std::optional(error_kind::division_by_zero) : std::nullopt;
}

void check_cohort(const rows& r, const rows& shuffled, period_grain grain, cohort_measure measure,
                  bool with_amounts, civil_date null_date)
{
    const char* f = "KPI.COHORT";
    const auto amounts = with_amounts ? std::optional<value_span>(r.amounts) : std::nullopt;
    const auto out =
        cohort_matrix(r.customers, r.dates, r.customer_count, grain, measure, amounts, null_date);
    const std::optional<error_kind> expected =
        measure == cohort_measure::revenue && !with_amounts ? error_kind::invalid_argument : date_error(r);
    if (expected) {
        KPI_REQUIRE(error_of(out, *expected, f), to_string(*expected), out ? "a table" : out.error().message);
        return;
    }
    // As counted here: each customer's cohort, and the distinct customers of each cohort and period offset.
    const std::int64_t day_zero = days_from_civil(null_date);
    const auto period_of_row = [&](std::size_t row) {
        return period_of_day(static_cast<std::int64_t>(std::floor(r.dates[row])) + day_zero, grain);
    };
    std::map<std::uint32_t, std::int64_t> cohort_of;
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (std::size_t row = 0; row < r.size(); ++row) {
        if (!dated(r, row))
            continue;
        const std::int64_t p = period_of_row(row);
        const auto [it, added] = cohort_of.emplace(r.customers[row], p);
        if (!added)
            it->second = std::min(it->second, p);
        last = std::max(last, p);
    }
    std::map<std::int64_t, std::size_t> sizes;
    for (const auto& [customer, cohort] : cohort_of)
        ++sizes[cohort];
    std::map<std::pair<std::int64_t, std::int64_t>, std::set<std::uint32_t>> active;
    std::map<std::pair<std::int64_t, std::int64_t>, double> revenue;
    for (std::size_t row = 0; row < r.size(); ++row) {
        if (!dated(r, row))
            continue;
        const std::int64_t cohort = cohort_of[r.customers[row]];
        const std::pair key{cohort, period_of_row(row) - cohort};
        active[key].insert(r.customers[row]);
        if (with_amounts && !std::isnan(r.amounts[row]))
            revenue[key] += r.amounts[row];
    }
    const auto offsets = static_cast<std::size_t>(last - sizes.begin()->first + 1);
    if (offsets + 2 > 16'384 || sizes.size() * (offsets + 2) > 4'000'000) {
        // A table wider than a sheet, or of over 4 million cells, is refused.
        KPI_REQUIRE(error_of(out, error_kind::no_result, f), offsets, sizes.size());
        return;
    }
    KPI_REQUIRE(out.has_value(), f, out ? "" : out.error().message);
    const grid& g = *out;
    KPI_REQUIRE(g.rows == sizes.size() && g.columns == offsets + 2, f,
                "one row per cohort, a column per period", g.rows, g.columns, sizes.size(), offsets);
    KPI_REQUIRE(g.cells.size() == g.rows * g.columns, f, "a rectangular grid");
    double magnitude = 0; // of the amounts, for the rounding of their sums
    for (std::size_t i = 0; i < r.size(); ++i)
        magnitude += std::isnan(r.amounts[i]) ? 0 : std::fabs(r.amounts[i]);
    std::size_t row = 0, customers = 0;
    double previous_start = -std::numeric_limits<double>::infinity();
    for (const auto& [cohort, size] : sizes) {
        const result<double>& start = cell_of(g, row, 0, f);
        const result<double>& count = cell_of(g, row, 1, f);
        KPI_REQUIRE(start && *start == static_cast<double>(first_day_of_period(cohort, grain) - day_zero) &&
                        *start > previous_start,
                    f, "cohorts start on their period's first day, oldest first", row, start);
        previous_start = *start;
        KPI_REQUIRE(count && *count == static_cast<double>(size), f, "cohort size", row, count, size);
        customers += size;
        for (std::size_t k = 0; k < offsets; ++k) {
            const result<double>& value = cell_of(g, row, k + 2, f);
            if (cohort + static_cast<std::int64_t>(k) > last) {
                KPI_REQUIRE(!value && value.error().kind == error_kind::not_available, f,
                            "#N/A exactly past the data", row, k, value);
                continue;
            }
            const auto key = std::pair{cohort, static_cast<std::int64_t>(k)};
            const auto seen = active.find(key);
            const double distinct = seen == active.end() ? 0.0 : static_cast<double>(seen->second.size());
            // A number inside the data; a sum of amounts may go beyond the doubles (#NUM!, as SUM's).
            KPI_REQUIRE((value.has_value() && std::isfinite(*value)) ||
                            (measure == cohort_measure::revenue && !std::isfinite(magnitude) &&
                             error_of(value, error_kind::no_result, f)),
                        f, "a number inside the data", row, k, value);
            if (!value)
                continue;
            switch (measure) {
            case cohort_measure::retention:
                KPI_REQUIRE(*value >= 0 && *value <= 1 &&
                                close(*value, distinct / static_cast<double>(size), 1e-15),
                            f, "retention", row, k, value, distinct, size);
                if (k == 0)
                    KPI_REQUIRE(*value == 1, f, "period 0 retains the whole cohort", row, value);
                break;
            case cohort_measure::customers:
                KPI_REQUIRE(*value == distinct && *value <= static_cast<double>(size), f, "customers", row, k,
                            value, distinct);
                if (k == 0)
                    KPI_REQUIRE(*value == *count, f, "the period-0 column equals the cohort sizes", row,
                                value, count);
                break;
            case cohort_measure::revenue: {
                const auto sum = revenue.find(key);
                const double expected_sum = sum == revenue.end() ? 0.0 : sum->second;
                KPI_REQUIRE(close(*value, expected_sum, 0, 1e-12 * magnitude), f, "revenue", row, k, value,
                            expected_sum);
                break;
            }
            }
        }
        ++row;
    }
    KPI_REQUIRE(customers == cohort_of.size(), f, "the cohorts hold every dated customer once", customers);

    // Shuffled rows: the same table (sums to rounding).
    const auto amounts_shuffled = with_amounts ? std::optional<value_span>(shuffled.amounts) : std::nullopt;
    const auto other = cohort_matrix(shuffled.customers, shuffled.dates, r.customer_count, grain, measure,
                                     amounts_shuffled, null_date);
    KPI_REQUIRE(other && other->rows == g.rows && other->columns == g.columns, f,
                "depends on the order of the rows");
    for (std::size_t i = 0; i < g.cells.size(); ++i) {
        const result<double>& a = *g.cells[i];
        const result<double>& b = *other->cells[i];
        const bool sum = measure == cohort_measure::revenue && i % g.columns >= 2;
        KPI_REQUIRE((a.has_value() == b.has_value() || (sum && !std::isfinite(magnitude))) &&
                        (!a || !b || (sum ? close(*a, *b, 0, 1e-12 * magnitude) : *a == *b)),
                    f, "depends on the order of the rows", i, a, b);
    }
}

// ---- KPI.PERIODS ----

void check_periods(const rows& r, const rows& shuffled, period_grain grain, bool with_amounts,
                   bool with_orders, civil_date null_date)
{
    const char* f = "KPI.PERIODS";
    const auto amounts = with_amounts ? std::optional<value_span>(r.amounts) : std::nullopt;
    const auto orders =
        with_orders ? std::optional<order_column>(order_column{r.orders, r.order_count}) : std::nullopt;
    const auto out = period_table(r.customers, r.dates, r.customer_count, grain, amounts, orders, null_date);
    if (const std::optional<error_kind> expected = date_error(r)) {
        KPI_REQUIRE(error_of(out, *expected, f), to_string(*expected), out ? "a table" : out.error().message);
        return;
    }
    const std::int64_t day_zero = days_from_civil(null_date);
    std::int64_t lowest = std::numeric_limits<std::int64_t>::max(),
                 highest = std::numeric_limits<std::int64_t>::min();
    for (std::size_t row = 0; row < r.size(); ++row)
        if (dated(r, row)) {
            const std::int64_t p =
                period_of_day(static_cast<std::int64_t>(std::floor(r.dates[row])) + day_zero, grain);
            lowest = std::min(lowest, p);
            highest = std::max(highest, p);
        }
    if (highest - lowest + 1 > static_cast<std::int64_t>(max_period_rows)) {
        KPI_REQUIRE(error_of(out, error_kind::no_result, f), "too many periods", highest - lowest + 1);
        return;
    }
    KPI_REQUIRE(out.has_value(), f, out ? "" : out.error().message);
    const grid& g = *out;
    const auto period_count = static_cast<std::size_t>(highest - lowest + 1);
    KPI_REQUIRE(g.rows == period_count && g.columns == period_column::count &&
                    g.cells.size() == g.rows * g.columns,
                f, "one row per period from the first to the last", g.rows, g.columns, period_count);

    std::set<std::uint32_t> dated_ids;
    std::size_t dated_rows = 0;
    double magnitude = 0;
    for (std::size_t row = 0; row < r.size(); ++row)
        if (dated(r, row)) {
            ++dated_rows;
            dated_ids.insert(r.customers[row]);
            magnitude += with_amounts && !std::isnan(r.amounts[row]) ? std::fabs(r.amounts[row]) : 0;
        }
    double new_total = 0, orders_total = 0, revenue_total = 0;
    for (std::size_t row = 0; row < g.rows; ++row) {
        double value[period_column::count];
        for (std::size_t c = 0; c <= period_column::orders; ++c) {
            const result<double>& v = cell_of(g, row, c, f);
            KPI_REQUIRE(v.has_value() && std::isfinite(*v), f, "a number", row, c, v);
            value[c] = *v;
        }
        const std::int64_t period = lowest + static_cast<std::int64_t>(row);
        const std::int64_t first_day = first_day_of_period(period, grain);
        KPI_REQUIRE(value[period_column::start] == static_cast<double>(first_day - day_zero), f,
                    "consecutive periods from their first day", row, value[period_column::start]);
        for (const std::size_t c : {period_column::active, period_column::new_ones, period_column::returning,
                                    period_column::orders})
            KPI_REQUIRE(whole(value[c]) && value[c] >= 0, f, "counts are whole", row, c, value[c]);
        KPI_REQUIRE(value[period_column::new_ones] <= value[period_column::active] &&
                        value[period_column::returning] ==
                            value[period_column::active] - value[period_column::new_ones],
                    f, "returning = active - new", row, value[1], value[2], value[3]);
        KPI_REQUIRE(value[period_column::active] <= static_cast<double>(dated_ids.size()), f, row);
        new_total += value[period_column::new_ones];
        orders_total += value[period_column::orders];
        // Each period as KPI.ACTIVE and KPI.NEWPROSPECTS count it (a few, not all 16,384).
        if (row < 24 || row + 2 > g.rows) {
            const double start = value[period_column::start];
            const double end = static_cast<double>(first_day_of_period(period + 1, grain) - day_zero) - 1;
            const result<double> active = active_count(r.customers, r.dates, r.customer_count, start, end);
            const result<double> fresh = new_prospects(r.customers, r.dates, r.customer_count, start, end);
            KPI_REQUIRE(active && *active == value[period_column::active], f, "active as KPI.ACTIVE counts",
                        row, start, end, active, value[period_column::active]);
            KPI_REQUIRE(fresh && *fresh == value[period_column::new_ones], f,
                        "new as KPI.NEWPROSPECTS counts", row, start, end, fresh,
                        value[period_column::new_ones]);
        }
        const result<double>& revenue = cell_of(g, row, period_column::revenue, f);
        const result<double>& aov = cell_of(g, row, period_column::aov, f);
        if (!with_amounts) {
            KPI_REQUIRE(!revenue && revenue.error().kind == error_kind::not_available && !aov &&
                            aov.error().kind == error_kind::not_available,
                        f, "revenue and AOV are #N/A without amounts", row);
            continue;
        }
        KPI_REQUIRE(value_or(revenue, f, {error_kind::no_result}), f, "revenue", row, revenue);
        if (!revenue)
            continue;
        revenue_total += *revenue;
        if (value[period_column::orders] == 0)
            KPI_REQUIRE(error_of(aov, error_kind::division_by_zero, f), "no orders, no AOV", row, aov);
        else
            KPI_REQUIRE(value_or(aov, f, {error_kind::no_result}) &&
                            (!aov || close(*aov, *revenue / value[period_column::orders], 1e-15)),
                        f, "AOV = revenue / orders", row, aov, revenue, value[period_column::orders]);
    }
    KPI_REQUIRE(new_total == static_cast<double>(dated_ids.size()), f,
                "the new customers sum to KPI.DISTINCT of the dated IDs", new_total, dated_ids.size());
    if (!with_orders)
        KPI_REQUIRE(orders_total == static_cast<double>(dated_rows), f,
                    "without order IDs each dated row is an order", orders_total, dated_rows);
    if (with_amounts && std::isfinite(magnitude)) {
        double expected_revenue = 0;
        for (std::size_t row = 0; row < r.size(); ++row)
            expected_revenue += dated(r, row) && !std::isnan(r.amounts[row]) ? r.amounts[row] : 0;
        KPI_REQUIRE(!std::isfinite(expected_revenue) ||
                        close(revenue_total, expected_revenue, 0, 1e-12 * magnitude),
                    f, "the revenue sums to the dated rows' amounts", revenue_total, expected_revenue);
    }

    // Shuffled rows: the same table (sums to rounding).
    const auto other =
        period_table(shuffled.customers, shuffled.dates, r.customer_count, grain,
                     with_amounts ? std::optional<value_span>(shuffled.amounts) : std::nullopt,
                     with_orders ? std::optional<order_column>(order_column{shuffled.orders, r.order_count})
                                 : std::nullopt,
                     null_date);
    KPI_REQUIRE(other && other->rows == g.rows, f, "depends on the order of the rows");
    for (std::size_t i = 0; i < g.cells.size(); ++i) {
        const result<double>& a = *g.cells[i];
        const result<double>& b = *other->cells[i];
        const bool sum = i % g.columns >= period_column::revenue;
        KPI_REQUIRE(
            a.has_value() == b.has_value() &&
                (!a || (sum ? close(*a, *b, 0, 1e-12 * magnitude + 1e-12 * std::fabs(*a)) : *a == *b)),
            f, "depends on the order of the rows", i / g.columns, i % g.columns, a, b);
    }
}

// ---- KPI.ENGAGEDSESSIONS ----

void check_engaged(FuzzedDataProvider& in)
{
    const char* f = "KPI.ENGAGEDSESSIONS";
    const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 40);
    std::vector<double> seconds(n), views(n), events(n);
    for (std::size_t i = 0; i < n; ++i) {
        seconds[i] = in.ConsumeIntegralInRange(0, 9) == 0 ? any_double(in) : in.ConsumeIntegralInRange(0, 30);
        views[i] = in.ConsumeIntegralInRange(0, 9) == 0 ? any_double(in) : in.ConsumeIntegralInRange(0, 3);
        events[i] = in.ConsumeIntegralInRange(0, 9) == 0 ? any_double(in) : in.ConsumeIntegralInRange(0, 1);
    }
    const bool with_events = in.ConsumeBool();
    if (in.ConsumeIntegralInRange(0, 9) == 0 && n > 0)
        views.pop_back(); // ranges of different sizes
    const double min_seconds = in.ConsumeBool() ? 10 : any_double(in);
    const auto key = with_events ? std::optional<value_span>(events) : std::nullopt;
    const result<double> r = engaged_sessions(seconds, views, key, min_seconds);
    KPI_REQUIRE(same(r, engaged_sessions(seconds, views, key, min_seconds)), f, "twice");
    if (views.size() != seconds.size()) {
        KPI_REQUIRE(error_of(r, error_kind::wrong_type, f), r);
        return;
    }
    bool invalid = !std::isfinite(min_seconds) || min_seconds < 0;
    std::size_t engaged = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double e = with_events ? events[i] : no_value;
        for (const double v : {seconds[i], views[i], e})
            invalid = invalid || v < 0 || std::isinf(v);
        engaged += seconds[i] > min_seconds || views[i] >= 2 || e >= 1 ? 1 : 0;
    }
    if (invalid) {
        KPI_REQUIRE(error_of(r, error_kind::invalid_argument, f), r);
        return;
    }
    KPI_REQUIRE(r && whole(*r) && *r == static_cast<double>(engaged) && *r <= static_cast<double>(n), f, r,
                engaged);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    if (in.ConsumeIntegralInRange(0, 7) == 0) {
        check_engaged(in);
        return 0;
    }
    const rows r = random_rows(in);
    const rows shuffled = r.permuted(in.ConsumeIntegral<std::uint64_t>());
    static constexpr civil_date null_dates[] = {{1899, 12, 30}, {1904, 1, 1}, {1900, 1, 1}, {1970, 1, 1}};
    const civil_date null_date = in.PickValueInArray(null_dates);
    const auto grain = static_cast<period_grain>(in.ConsumeIntegralInRange(0, 4));
    switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0: {
        const double start = in.ConsumeBool() ? 45000 + in.ConsumeIntegralInRange(-10, 400) : any_double(in);
        const double end = in.ConsumeBool() ? start + in.ConsumeIntegralInRange(-2, 100) : any_double(in);
        check_counts(r, shuffled, start, end);
        check_wrong_lengths(r);
        break;
    }
    case 1:
        check_id_retention(r, in.ConsumeIntegralInRange<std::size_t>(0, r.size()));
        check_orders(r, shuffled, in.ConsumeBool());
        check_aov_ids(r, shuffled);
        break;
    case 2:
    case 3: {
        const auto measure = static_cast<cohort_measure>(in.ConsumeIntegralInRange(0, 2));
        check_cohort(r, shuffled, grain, measure, in.ConsumeBool(), null_date);
        break;
    }
    default: {
        const bool with_amounts = in.ConsumeBool(), with_orders = in.ConsumeBool();
        check_periods(r, shuffled, grain, with_amounts, with_orders, null_date);
        break;
    }
    }
    return 0;
}
