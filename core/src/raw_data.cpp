#include "kpi/raw_data.hpp"

#include "checks.hpp"

#include "kpi/sum.hpp"

#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace kpi {

using detail::checker;
using detail::day_range;

namespace {

constexpr std::uint32_t no_id = 0xffff'ffff;
constexpr double no_date = std::numeric_limits<double>::infinity();
constexpr std::size_t max_cohort_columns = 16'384;
constexpr std::size_t max_cohort_cells = 4'000'000;

std::optional<error> same_length(const checker& check, std::size_t a, std::string_view a_name, std::size_t b,
                                 std::string_view b_name)
{
    if (a == b)
        return std::nullopt;
    return fail(error_kind::wrong_type, message_id::length_mismatch, check.function, {a_name, b_name},
                static_cast<double>(a));
}

/// invalid_argument for the first row with an ID whose date is a number no calendar has a day for (1E308):
/// further than max_date_distance days from day 0. NaN is no date (an empty or text cell): that row is
/// skipped. A pass of its own, so that the error does not depend on the order of the rows.
std::optional<error> outside_the_calendar(const checker& check, id_span ids, value_span dates,
                                          std::size_t id_count)
{
    for (std::size_t row = 0; row < ids.size(); ++row)
        if (ids[row] != no_id && ids[row] < id_count && std::fabs(dates[row]) > max_date_distance)
            return fail(error_kind::invalid_argument, message_id::date_outside_calendar, check.function,
                        {"order_dates"}, dates[row]);
    return std::nullopt;
}

/// Per ID: the first date of the whole list, and whether it has a row in [first, last].
struct id_activity
{
    std::vector<double> first_day;
    std::vector<bool> active;
};

id_activity activity_of(id_span ids, value_span dates, std::size_t id_count, day_range period)
{
    id_activity out{std::vector<double>(id_count, no_date), std::vector<bool>(id_count, false)};
    for (std::size_t row = 0; row < ids.size(); ++row) {
        const std::uint32_t id = ids[row];
        if (id == no_id || id >= id_count || std::isnan(dates[row]))
            continue;
        const double day = std::floor(dates[row]);
        out.first_day[id] = std::min(out.first_day[id], day);
        if (day >= period.first && day <= period.last)
            out.active[id] = true;
    }
    return out;
}

/// Counts the IDs for which `keep(first_day, active)` holds, after the shared checks.
template <class Keep>
result<double> count_ids(std::string_view function, id_span ids, value_span dates, std::size_t id_count,
                         double period_start, double period_end, Keep keep)
{
    const checker check{function};
    if (auto e = same_length(check, ids.size(), "ids", dates.size(), "dates"))
        return *e;
    const auto period = check.whole_days(period_start, period_end);
    if (!period)
        return period.error();
    const id_activity activity = activity_of(ids, dates, id_count, *period);
    std::size_t count = 0;
    for (std::size_t id = 0; id < id_count; ++id)
        count += keep(activity.first_day[id], activity.active[id], *period) ? 1 : 0;
    return static_cast<double>(count);
}

} // namespace

result<double> distinct_count(id_span ids, std::size_t id_count)
{
    std::vector<bool> seen(id_count, false);
    std::size_t count = 0;
    for (const std::uint32_t id : ids)
        if (id != no_id && id < id_count && !seen[id]) {
            seen[id] = true;
            ++count;
        }
    return static_cast<double>(count);
}

result<double> new_prospects(id_span ids, value_span dates, std::size_t id_count, double period_start,
                             double period_end)
{
    return count_ids("KPI.NEWPROSPECTS", ids, dates, id_count, period_start, period_end,
                     [](double first, bool, day_range p) { return first >= p.first && first <= p.last; });
}

result<double> active_count(id_span ids, value_span dates, std::size_t id_count, double period_start,
                            double period_end)
{
    return count_ids("KPI.ACTIVE", ids, dates, id_count, period_start, period_end,
                     [](double, bool active, day_range) { return active; });
}

result<double> returning_count(id_span ids, value_span dates, std::size_t id_count, double period_start,
                               double period_end)
{
    return count_ids("KPI.RETURNING", ids, dates, id_count, period_start, period_end,
                     [](double first, bool active, day_range p) { return active && first < p.first; });
}

namespace {

/// The distinct IDs of the start list and how many of them are also in the end list.
struct kept_ids
{
    std::size_t at_start = 0;
    std::size_t kept = 0;
};

result<kept_ids> count_kept(std::string_view function, id_span start_ids, id_span end_ids,
                            std::size_t id_count)
{
    // 1: in the start list; 2: also in the end list.
    std::vector<unsigned char> state(id_count, 0);
    std::size_t at_start = 0;
    for (const std::uint32_t id : start_ids)
        if (id != no_id && id < id_count && state[id] == 0) {
            state[id] = 1;
            ++at_start;
        }
    std::size_t kept = 0;
    for (const std::uint32_t id : end_ids)
        if (id != no_id && id < id_count && state[id] == 1) {
            state[id] = 2;
            ++kept;
        }
    if (at_start == 0)
        return fail(error_kind::division_by_zero, message_id::no_ids, function, {"start_ids"});
    return kept_ids{at_start, kept};
}

} // namespace

result<double> retention_from_ids(id_span start_ids, id_span end_ids, std::size_t id_count)
{
    const auto counts = count_kept("KPI.RETENTION.IDS", start_ids, end_ids, id_count);
    if (!counts)
        return counts.error();
    return static_cast<double>(counts->kept) / static_cast<double>(counts->at_start);
}

result<double> churn_from_ids(id_span start_ids, id_span end_ids, std::size_t id_count)
{
    const auto counts = count_kept("KPI.CHURN.IDS", start_ids, end_ids, id_count);
    if (!counts)
        return counts.error();
    // The IDs lost over the IDs at the start, one rounding (1 - retention would be two, 1 - 2/3 > 1/3).
    return static_cast<double>(counts->at_start - counts->kept) / static_cast<double>(counts->at_start);
}

namespace {

/// Per customer, the number of distinct orders; and the number of distinct orders overall.
struct order_counts
{
    std::vector<std::uint32_t> per_customer;
    std::size_t customers = 0;
    std::size_t orders = 0;
};

result<order_counts> count_orders(std::string_view function, id_span customers, std::size_t customer_count,
                                  const std::optional<order_column>& orders)
{
    const checker check{function};
    order_counts out{std::vector<std::uint32_t>(customer_count, 0)};
    if (!orders) {
        for (const std::uint32_t id : customers)
            if (id != no_id && id < customer_count) {
                out.customers += out.per_customer[id]++ == 0 ? 1 : 0;
                ++out.orders; // each row is one order
            }
        return out;
    }
    if (auto e = same_length(check, customers.size(), "customer_ids", orders->ids.size(), "order_ids"))
        return *e;
    boost::unordered_flat_set<std::uint64_t> pairs;
    std::vector<bool> order_seen(orders->id_count, false);
    for (std::size_t row = 0; row < customers.size(); ++row) {
        const std::uint32_t customer = customers[row], order = orders->ids[row];
        if (customer == no_id || order == no_id || customer >= customer_count || order >= orders->id_count)
            continue;
        if (pairs.insert((std::uint64_t{customer} << 32) | order).second)
            out.customers += out.per_customer[customer]++ == 0 ? 1 : 0;
        if (!order_seen[order]) {
            order_seen[order] = true;
            ++out.orders;
        }
    }
    return out;
}

} // namespace

result<double> repeat_rate(id_span customers, std::size_t customer_count, std::optional<order_column> orders)
{
    const auto counts = count_orders("KPI.REPEATRATE", customers, customer_count, orders);
    if (!counts)
        return counts.error();
    if (counts->customers == 0)
        return fail(error_kind::division_by_zero, message_id::no_ids, "KPI.REPEATRATE", {"customer_ids"});
    const auto repeaters = std::count_if(counts->per_customer.begin(), counts->per_customer.end(),
                                         [](std::uint32_t n) { return n >= 2; });
    return static_cast<double>(repeaters) / static_cast<double>(counts->customers);
}

result<double> purchase_frequency(id_span customers, std::size_t customer_count,
                                  std::optional<order_column> orders)
{
    const auto counts = count_orders("KPI.PURCHASEFREQ", customers, customer_count, orders);
    if (!counts)
        return counts.error();
    if (counts->customers == 0)
        return fail(error_kind::division_by_zero, message_id::no_ids, "KPI.PURCHASEFREQ", {"customer_ids"});
    return static_cast<double>(counts->orders) / static_cast<double>(counts->customers);
}

result<double> average_order_value_from_ids(value_span amounts, id_span order_ids, std::size_t id_count)
{
    const checker check{"KPI.AOV.IDS"};
    if (auto e = same_length(check, amounts.size(), "amounts", order_ids.size(), "order_ids"))
        return *e;
    std::vector<bool> seen(id_count, false);
    std::size_t orders = 0;
    compensated_sum revenue;
    for (std::size_t row = 0; row < order_ids.size(); ++row) {
        const std::uint32_t order = order_ids[row];
        if (order == no_id || order >= id_count)
            continue;
        if (!seen[order]) {
            seen[order] = true;
            ++orders;
        }
        if (!std::isnan(amounts[row]))
            revenue.add(amounts[row]);
    }
    if (orders == 0)
        return fail(error_kind::division_by_zero, message_id::no_ids, check.function, {"order_ids"});
    return check.finite_result(revenue.value() / static_cast<double>(orders));
}

result<cohort_measure> parse_cohort_measure(std::string_view word)
{
    const std::string w = detail::lower_ascii(word);
    if (w.empty() || w == "retention" || w == "retensi")
        return cohort_measure::retention;
    if (w == "customers" || w == "pelanggan")
        return cohort_measure::customers;
    if (w == "revenue" || w == "pendapatan")
        return cohort_measure::revenue;
    return fail(error_kind::invalid_argument, message_id::bad_cohort_measure, "KPI.COHORT", {"measure"});
}

result<grid> cohort_matrix(id_span customers, value_span dates, std::size_t id_count, period_grain grain,
                           cohort_measure measure, std::optional<value_span> amounts, civil_date null_date)
{
    const checker check{"KPI.COHORT"};
    if (auto e = same_length(check, customers.size(), "customer_ids", dates.size(), "order_dates"))
        return *e;
    if (amounts)
        if (auto e = same_length(check, amounts->size(), "amounts", customers.size(), "customer_ids"))
            return *e;
    if (measure == cohort_measure::revenue && !amounts)
        return fail(error_kind::invalid_argument, message_id::revenue_needs_amounts, check.function,
                    {"amounts"});
    if (auto e = outside_the_calendar(check, customers, dates, id_count))
        return *e;

    // Pass 1: the period of each row, and each customer's first period.
    constexpr std::int64_t no_period = std::numeric_limits<std::int64_t>::max();
    const std::int64_t day_zero = days_from_civil(null_date);
    std::vector<std::int64_t> period(customers.size(), no_period);
    std::vector<std::int64_t> first(id_count, no_period);
    std::int64_t last_period = std::numeric_limits<std::int64_t>::min();
    for (std::size_t row = 0; row < customers.size(); ++row) {
        const std::uint32_t id = customers[row];
        const double serial = dates[row];
        if (id == no_id || id >= id_count || std::isnan(serial))
            continue;
        const std::int64_t p = period_of_day(static_cast<std::int64_t>(std::floor(serial)) + day_zero, grain);
        period[row] = p;
        first[id] = std::min(first[id], p);
        last_period = std::max(last_period, p);
    }
    std::vector<std::int64_t> cohorts;
    for (const std::int64_t p : first)
        if (p != no_period)
            cohorts.push_back(p);
    if (cohorts.empty())
        return fail(error_kind::division_by_zero, message_id::no_dated_rows, check.function,
                    {"customer_ids"});
    std::sort(cohorts.begin(), cohorts.end());
    std::vector<std::size_t> size_of;
    {
        std::vector<std::int64_t> unique;
        for (const std::int64_t p : cohorts) {
            if (unique.empty() || unique.back() != p) {
                unique.push_back(p);
                size_of.push_back(0);
            }
            ++size_of.back();
        }
        cohorts = std::move(unique);
    }
    boost::unordered_flat_map<std::int64_t, std::uint32_t> cohort_index;
    cohort_index.reserve(cohorts.size());
    for (std::size_t c = 0; c < cohorts.size(); ++c)
        cohort_index.emplace(cohorts[c], static_cast<std::uint32_t>(c));

    // Pass 2: per cohort and period offset, distinct active customers and revenue.
    // Calc shows at most 16,384 columns (1,024 without jumbo sheets), and a table of millions of cells is
    // no answer for a sheet: a typo like 20240115 for a date would ask for 660,000 months. #NUM! instead.
    const auto offsets = static_cast<std::size_t>(last_period - cohorts.front() + 1);
    if (offsets + 2 > max_cohort_columns)
        return fail(error_kind::no_result, message_id::cohort_too_wide, check.function, {"order_dates"},
                    static_cast<double>(offsets));
    if (cohorts.size() * (offsets + 2) > max_cohort_cells)
        return fail(error_kind::no_result, message_id::cohort_too_large, check.function, {},
                    static_cast<double>(cohorts.size() * (offsets + 2)));
    // Counts of customers, or sums of amounts compensated as Calc's SUM and KPI.PERIODS sum them (a refund
    // cancelling a large order leaves the small ones, not 0).
    const bool revenue = measure == cohort_measure::revenue;
    std::vector<double> counts(revenue ? 0 : cohorts.size() * offsets, 0.0);
    std::vector<compensated_sum> sums(revenue ? cohorts.size() * offsets : 0);
    boost::unordered_flat_set<std::uint64_t> counted; // (customer, offset) pairs already counted
    counted.reserve(customers.size());
    for (std::size_t row = 0; row < customers.size(); ++row) {
        if (period[row] == no_period)
            continue;
        const std::uint32_t id = customers[row];
        const std::size_t c = cohort_index.find(first[id])->second;
        const auto offset = static_cast<std::uint64_t>(period[row] - first[id]);
        if (revenue) {
            if (const double amount = (*amounts)[row]; !std::isnan(amount))
                sums[c * offsets + offset].add(amount);
        } else if (counted.insert((std::uint64_t{id} << 32) | offset).second) {
            counts[c * offsets + offset] += 1;
        }
    }

    // The cells the data has not reached yet: no message, and the function's name shared by all of them,
    // since there may be millions (an empty message and a shared pointer's copy allocate nothing).
    const error not_reached{
        error_kind::not_available,
        message_id::cohort_not_reached,
        {},
        std::make_shared<const error_details>(error_details{std::string(check.function), {}, {}})};
    grid out(cohorts.size(), offsets + 2);
    for (std::size_t c = 0; c < cohorts.size(); ++c) {
        out.at(c, 0) = result<double>(static_cast<double>(first_day_of_period(cohorts[c], grain) - day_zero));
        out.at(c, 1) = result<double>(static_cast<double>(size_of[c]));
        for (std::size_t k = 0; k < offsets; ++k) {
            auto& target = out.at(c, k + 2);
            if (cohorts[c] + static_cast<std::int64_t>(k) > last_period) {
                target = result<double>(not_reached);
                continue;
            }
            if (revenue) {
                target = check.finite_result(sums[c * offsets + k].value());
                continue;
            }
            const double value = counts[c * offsets + k];
            target = result<double>(
                measure == cohort_measure::retention ? value / static_cast<double>(size_of[c]) : value);
        }
    }
    return out;
}

namespace {

/// What a period table sums up per period while reading the rows.
struct period_totals
{
    std::size_t active = 0;
    std::size_t new_ones = 0;
    std::size_t orders = 0;
    compensated_sum revenue;
};

/// period_of_day behind a small direct-mapped memo: an order list repeats the same few hundred days, and
/// the calendar arithmetic costs more than the rest of a row's work.
class period_memo
{
public:
    explicit period_memo(period_grain grain) : grain_(grain) { slots_.fill({unused, 0}); }

    [[nodiscard]] std::int64_t operator()(std::int64_t day) noexcept
    {
        slot& s = slots_[static_cast<std::size_t>(day) & (slots_.size() - 1)];
        if (s.day != day)
            s = {day, period_of_day(day, grain_)};
        return s.period;
    }

private:
    static constexpr std::int64_t unused = std::numeric_limits<std::int64_t>::min(); // never a row's day
    struct slot
    {
        std::int64_t day;
        std::int64_t period;
    };
    period_grain grain_;
    std::array<slot, 1024> slots_;
};

/// Per-period totals over a window of consecutive periods that grows, with slack, to take in each new
/// period: no hashing per row.
class period_window
{
public:
    [[nodiscard]] period_totals& operator[](std::int64_t period)
    {
        if (slots_.empty()) {
            first_ = period;
            slots_.resize(1);
        } else if (period < first_) {
            const auto grow = static_cast<std::size_t>(first_ - period) + slots_.size();
            slots_.insert(slots_.begin(), grow, period_totals{});
            first_ -= static_cast<std::int64_t>(grow);
        } else if (period - first_ >= static_cast<std::int64_t>(slots_.size())) {
            slots_.resize(static_cast<std::size_t>(period - first_) + 1 + slots_.size());
        }
        return slots_[static_cast<std::size_t>(period - first_)];
    }

private:
    std::int64_t first_ = 0;
    std::vector<period_totals> slots_;
};

} // namespace

result<grid> period_table(id_span customers, value_span dates, std::size_t id_count, period_grain grain,
                          std::optional<value_span> amounts, std::optional<order_column> orders,
                          civil_date null_date)
{
    const checker check{"KPI.PERIODS"};
    if (auto e = same_length(check, customers.size(), "customer_ids", dates.size(), "order_dates"))
        return *e;
    if (amounts)
        if (auto e = same_length(check, amounts->size(), "amounts", customers.size(), "customer_ids"))
            return *e;
    if (orders)
        if (auto e = same_length(check, orders->ids.size(), "order_ids", customers.size(), "customer_ids"))
            return *e;
    if (auto e = outside_the_calendar(check, customers, dates, id_count))
        return *e;

    // Periods are kept as their distance from the first dated row's period (`base`), which the cap keeps
    // far inside 32 bits.
    constexpr std::int32_t none = std::numeric_limits<std::int32_t>::max();
    struct customer_state
    {
        std::int32_t first = none;      ///< the customer's first period
        std::int32_t counted_in = none; ///< the period in which the customer was last counted active
    };
    const std::int64_t day_zero = days_from_civil(null_date);
    const std::size_t order_count = orders ? orders->id_count : 0;
    std::vector<customer_state> customer(id_count);
    std::vector<std::int32_t> order_counted_in(order_count, none);
    // (customer, period) and (order, period) pairs already counted. The last-counted period of each
    // customer and order answers first, so rows in date order rarely reach the sets.
    boost::unordered_flat_set<std::uint64_t> active_pairs, order_pairs;
    active_pairs.reserve(customers.size() / 4);
    if (orders)
        order_pairs.reserve(customers.size() / 4);
    period_window totals;
    period_memo period_of(grain);
    std::int64_t base = 0;
    std::int32_t lowest = none, highest = -none;

    for (std::size_t row = 0; row < customers.size(); ++row) {
        const std::uint32_t id = customers[row];
        const double serial = dates[row];
        if (id == no_id || id >= id_count || std::isnan(serial))
            continue;
        const std::int64_t period = period_of(static_cast<std::int64_t>(std::floor(serial)) + day_zero);
        if (lowest == none)
            base = period;
        const std::int64_t distance = period - base;
        if (distance < lowest || distance > highest) {
            // Stop at once: a typo like 20240115 for a date would ask for 660,000 months.
            static_assert(max_period_rows == 16'384, "the message names the cap");
            const std::int64_t span =
                std::max<std::int64_t>(highest, distance) - std::min<std::int64_t>(lowest, distance) + 1;
            if (span > static_cast<std::int64_t>(max_period_rows))
                return fail(error_kind::no_result, message_id::periods_too_many, check.function,
                            {"order_dates"}, static_cast<double>(span));
            lowest = std::min(lowest, static_cast<std::int32_t>(distance));
            highest = std::max(highest, static_cast<std::int32_t>(distance));
        }
        const auto p = static_cast<std::int32_t>(distance);
        period_totals& current = totals[p];
        customer_state& who = customer[id];
        who.first = std::min(who.first, p);
        const std::uint64_t slot = static_cast<std::uint32_t>(p);
        if (who.counted_in != p) {
            who.counted_in = p;
            if (active_pairs.insert((std::uint64_t{id} << 32) | slot).second)
                ++current.active;
        }
        if (!orders) {
            ++current.orders; // each row is one order
        } else if (const std::uint32_t order = orders->ids[row];
                   order != no_id && order < order_count && order_counted_in[order] != p) {
            order_counted_in[order] = p;
            if (order_pairs.insert((std::uint64_t{order} << 32) | slot).second)
                ++current.orders;
        }
        if (amounts)
            if (const double amount = (*amounts)[row]; !std::isnan(amount))
                current.revenue.add(amount);
    }
    if (lowest == none)
        return fail(error_kind::division_by_zero, message_id::no_dated_rows, check.function,
                    {"customer_ids"});

    // Per customer: each is new in their first period.
    for (const customer_state& who : customer)
        if (who.first != none)
            ++totals[who.first].new_ones;

    const auto period_count = static_cast<std::size_t>(highest - lowest + 1);
    namespace column = period_column;
    const error no_amounts =
        fail(error_kind::not_available, message_id::periods_need_amounts, check.function, {"amounts"});
    const auto count = [](std::size_t n) { return result<double>(static_cast<double>(n)); };
    grid out(period_count, column::count);
    for (std::size_t r = 0; r < period_count; ++r) {
        const std::int64_t distance = lowest + static_cast<std::int64_t>(r);
        const period_totals& t = totals[distance];
        out.at(r, column::start) =
            result<double>(static_cast<double>(first_day_of_period(base + distance, grain) - day_zero));
        out.at(r, column::active) = count(t.active);
        out.at(r, column::new_ones) = count(t.new_ones);
        out.at(r, column::returning) = count(t.active - t.new_ones);
        out.at(r, column::orders) = count(t.orders);
        if (!amounts) {
            out.at(r, column::revenue) = result<double>(no_amounts);
            out.at(r, column::aov) = result<double>(no_amounts);
            continue;
        }
        const double revenue = t.revenue.value();
        out.at(r, column::revenue) = check.finite_result(revenue);
        out.at(r, column::aov) = t.orders == 0
                                     ? result<double>(fail(error_kind::division_by_zero,
                                                           message_id::period_without_orders, check.function))
                                     : check.finite_result(revenue / static_cast<double>(t.orders));
    }
    return out;
}

result<double> engaged_sessions(value_span durations, value_span pageviews,
                                std::optional<value_span> key_events, double min_seconds)
{
    const checker check{"KPI.ENGAGEDSESSIONS"};
    if (auto e = same_length(check, durations.size(), "durations_s", pageviews.size(), "pageviews"))
        return *e;
    if (key_events)
        if (auto e = same_length(check, key_events->size(), "key_events", durations.size(), "durations_s"))
            return *e;
    if (auto e = check.non_negative(min_seconds, "min_seconds"))
        return *e;
    std::size_t engaged = 0;
    for (std::size_t row = 0; row < durations.size(); ++row) {
        const double seconds = durations[row], views = pageviews[row];
        const double events = key_events ? (*key_events)[row] : std::numeric_limits<double>::quiet_NaN();
        for (const auto& [value, name] : {std::pair{seconds, "durations_s"}, std::pair{views, "pageviews"},
                                          std::pair{events, "key_events"}})
            if (value < 0 || std::isinf(value))
                return fail(error_kind::invalid_argument, message_id::negative, check.function, {name},
                            value);
        engaged += (seconds > min_seconds || views >= 2 || events >= 1) ? 1 : 0;
    }
    return static_cast<double>(engaged);
}

} // namespace kpi
