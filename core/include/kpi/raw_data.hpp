// KPIs from raw lists: IDs (interned by id_table), dates (day serial numbers) and amounts.
// An ID column is a span of id_table indices, one per cell, id_table::no_id for an empty cell; a date
// column has one serial number per cell, NaN where the cell holds no date (that row is skipped; the add-in
// reads ISO 8601 text dates as serial numbers, see parse_iso_date); the time of day is ignored. Columns read
// row by row together must have the same length (else wrong_type, Calc's #VALUE!). Every function makes one
// or two passes over the rows.
#pragma once

#include "kpi/calendar.hpp"
#include "kpi/grid.hpp"
#include "kpi/result.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kpi {

using id_span = std::span<const std::uint32_t>;
using value_span = std::span<const double>;

/// The number of distinct IDs in the column. `id_count` is the size of the id_table the column uses.
[[nodiscard]] result<double> distinct_count(id_span ids, std::size_t id_count);

/// New prospects: distinct IDs whose first date in the whole list falls in [period_start, period_end].
/// Errors: invalid_argument when period_end < period_start; wrong_type when the columns differ in length.
[[nodiscard]] result<double> new_prospects(id_span ids, value_span dates, std::size_t id_count,
                                           double period_start, double period_end);

/// Active IDs: distinct IDs with at least one row dated in [period_start, period_end]. Errors as
/// new_prospects.
[[nodiscard]] result<double> active_count(id_span ids, value_span dates, std::size_t id_count,
                                          double period_start, double period_end);

/// Returning IDs: distinct IDs active in [period_start, period_end] whose first date is before period_start.
/// Errors as new_prospects.
[[nodiscard]] result<double> returning_count(id_span ids, value_span dates, std::size_t id_count,
                                             double period_start, double period_end);

/// Retention from two ID lists: |S ∩ E| / |S| over distinct IDs, both columns in one id_table.
/// Errors: division_by_zero when the start list has no ID.
[[nodiscard]] result<double> retention_from_ids(id_span start_ids, id_span end_ids, std::size_t id_count);

/// Churn from two ID lists: 1 - retention_from_ids, with its errors (reported as KPI.CHURN.IDS).
[[nodiscard]] result<double> churn_from_ids(id_span start_ids, id_span end_ids, std::size_t id_count);

/// The order IDs of a customer column, when the user gives them (else each row is one order).
struct order_column
{
    id_span ids;
    std::size_t id_count;
};

/// Repeat purchase rate: share of distinct customers with 2 or more distinct orders.
/// Errors: division_by_zero with no customers; wrong_type when the columns differ in length.
[[nodiscard]] result<double> repeat_rate(id_span customers, std::size_t customer_count,
                                         std::optional<order_column> orders);

/// Purchase frequency: distinct orders / distinct customers. Errors as repeat_rate.
[[nodiscard]] result<double> purchase_frequency(id_span customers, std::size_t customer_count,
                                                std::optional<order_column> orders);

/// Average order value from order rows (one row per line item, several rows may share an order ID): the sum
/// of the amounts of the rows with an order ID / the number of distinct order IDs. A row without an order
/// ID is skipped, amount and all (a subtotal or total row); an amount of NaN (an empty or text cell) is no
/// amount, its order still counts. Amounts are summed as Calc's SUM sums them; negative ones (refund and
/// discount lines) are amounts like any other.
/// Errors: wrong_type when the columns differ in length; division_by_zero when no row has an order ID;
/// no_result when the sum is too large to represent.
[[nodiscard]] result<double> average_order_value_from_ids(value_span amounts, id_span order_ids,
                                                          std::size_t id_count);

/// The furthest a date of KPI.COHORT and KPI.PERIODS may be from day 0, in days: about 5.5 million years
/// either way, far past any real date, and inside the years the calendar arithmetic holds. A number beyond
/// it (1E308) is no date of any calendar.
inline constexpr double max_date_distance = 2e9;

/// What a cohort table's cells hold.
enum class cohort_measure {
    retention, ///< distinct active customers of the cohort in the period / cohort size
    customers, ///< distinct active customers of the cohort in the period
    revenue,   ///< sum of the amounts of the cohort's rows in the period
};

/// Reads a measure word: retention/retensi, customers/pelanggan, revenue/pendapatan; "" is retention.
[[nodiscard]] result<cohort_measure> parse_cohort_measure(std::string_view word);

/// Cohort table. A customer's cohort is the period (of `grain`) of their first dated row. One grid row per
/// cohort, oldest first; columns: the cohort period's first day (a serial number in the system of
/// `null_date`, the document's day 0), the cohort size, then the measure in period 0, 1, 2 ... after the
/// cohort's period. Cells of periods after the last date in the data are not_available (#N/A).
/// `amounts` (NaN for no amount) is required for the revenue measure.
/// Errors: invalid_argument for revenue without amounts, or when a row with an ID has a date further than
/// max_date_distance days from day 0; wrong_type when the columns differ in length; division_by_zero when no
/// row has both an ID and a date.
[[nodiscard]] result<grid> cohort_matrix(id_span customers, value_span dates, std::size_t id_count,
                                         period_grain grain, cohort_measure measure,
                                         std::optional<value_span> amounts, civil_date null_date);

/// The most periods (rows) a period table may have: as many periods as KPI.COHORT's columns allow, e.g.
/// 44 years by day or 1,365 years by month. A longer span is nearly always a mistyped date (20240115 typed
/// for 2024-01-15 is the year 57,000), and a table of a million rows is no answer in a sheet.
inline constexpr std::size_t max_period_rows = 16'384;

/// The columns of a period table, in order.
namespace period_column {
inline constexpr std::size_t start = 0;    ///< the period's first day, a serial number in null_date's system
inline constexpr std::size_t active = 1;   ///< distinct customers with a dated row in the period
inline constexpr std::size_t new_ones = 2; ///< distinct customers whose first date of the whole list is in it
inline constexpr std::size_t returning = 3; ///< active - new
inline constexpr std::size_t orders = 4;    ///< distinct order IDs in the period; without order IDs, rows
inline constexpr std::size_t revenue = 5;   ///< sum of the amounts of the period's rows
inline constexpr std::size_t aov = 6;       ///< average order value: revenue / orders
inline constexpr std::size_t count = 7;
} // namespace period_column

/// The monitoring table of a customer/order list, in one pass over the rows: one grid row per period (of
/// `grain`) from the period of the earliest date to that of the latest, periods without rows included,
/// with the columns of period_column. Only rows with both a customer ID and a date count; an amount of NaN
/// is no amount. With `orders`, the orders of a period are its distinct order IDs (rows without one are
/// no order; an order whose rows fall in two periods counts in both); without, each row is one order.
/// Without `amounts`, revenue and AOV are not_available (#N/A); the AOV of a period without orders is
/// division_by_zero (#DIV/0!).
/// Errors: wrong_type when the columns differ in length; invalid_argument when a row with an ID has a date
/// further than max_date_distance days from day 0; division_by_zero when no row has both an ID and a date;
/// no_result when the dates span more than max_period_rows periods.
[[nodiscard]] result<grid> period_table(id_span customers, value_span dates, std::size_t id_count,
                                        period_grain grain, std::optional<value_span> amounts,
                                        std::optional<order_column> orders, civil_date null_date);

/// GA4 engaged sessions: rows (sessions) that lasted more than min_seconds, or had 2+ page views, or 1+ key
/// events. NaN marks an empty cell; a row without any number is not a session.
/// Errors: invalid_argument for a negative value or min_seconds; wrong_type when the columns differ in
/// length.
[[nodiscard]] result<double> engaged_sessions(value_span durations, value_span pageviews,
                                              std::optional<value_span> key_events, double min_seconds);

} // namespace kpi
