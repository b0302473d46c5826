// The core's message table: every problem the core reports, with one id, its reason and what to do about it
// in English and Indonesian. An error keeps its id and parameters (kpi::error), so that kpi::explain can
// write the same reason in either language; the English reason is also the error's `message`.
//
// A reason or a hint is a template. {0}, {1} and {2} stand for the error's parameters as argument names of
// its function: English as the core names them (en_name in addin/functions.toml), and in Indonesian the
// table's id_name. {#0}, {#1} ... stand for parameters written as they are (a table or a column of the
// sheet builder). The value that failed is not in the template: it follows the reason, " (got -5)".
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kpi {

struct error;

/// What the core reports. `none`: a message outside the table, made by the fail() that takes the problem's
/// English text; kpi::explain gives it in English in both languages.
enum class message_id : std::uint16_t {
    none,
    // the checks shared by every function (core/src/checks.hpp)
    not_finite,
    negative,
    not_fraction,
    exceeds,
    zero_denominator,
    end_before_start,
    result_too_large,
    // the functions' own
    kept_exceed_start,
    not_positive,
    never_paid_back,
    too_few_values,
    values_too_large,
    mean_is_zero,
    positions_spread_zero,
    positions_mismatch,
    outside_period,
    no_days_left,
    discount_at_most_minus_one,
    bad_timing,
    endless_value,
    diverging_value,
    not_whole_periods,
    nps_score,
    no_numbers,
    scale_below_one,
    outside_scale,
    confidence_not_inside,
    no_interval,
    no_difference,
    bad_funnel_mode,
    funnel_grows,
    funnel_reference_zero,
    bad_grain,
    length_mismatch,
    date_outside_calendar,
    no_ids,
    bad_cohort_measure,
    revenue_needs_amounts,
    no_dated_rows,
    cohort_too_wide,
    cohort_too_large,
    cohort_not_reached,
    periods_too_many,
    period_without_orders,
    periods_need_amounts,
    // the glue's, while it reads the arguments (addin/calc_values.cxx)
    argument_missing,
    argument_is_text,
    sum_too_large,
    not_a_number,
    not_a_word,
    internal_failure,
    // the sheet builder's (core/src/sheet)
    table_not_found,
    table_not_found_none,
    table_not_in_workbook,
    role_not_of_kind,
    column_outside_table,
    required_column_missing,
    no_kpi_tables,
};

/// A reason and what to do, in one language.
struct message_text
{
    std::string_view reason; ///< "{0} must not be negative"
    std::string_view hint;   ///< what to do, a sentence or two
};

/// One row of the message table.
struct message
{
    message_id id;
    std::string_view key; ///< the id as written in tests and reports: "negative"
    message_text english;
    message_text indonesian;
};

/// Every row of the table, in the order of message_id (none excepted).
[[nodiscard]] std::span<const message> message_table() noexcept;

/// The row of an id; nullptr for message_id::none.
[[nodiscard]] const message* find_message(message_id id) noexcept;

/// The Indonesian name of an argument of a function, from addin/functions.toml (id_name of the row whose
/// en_name it is); nothing when the function has no such argument.
[[nodiscard]] std::optional<std::string_view>
indonesian_argument_name(std::string_view function, std::string_view english_name) noexcept;

/// The parameters of an error that its message uses as argument names ({0}, {1}, {2}), in English.
[[nodiscard]] std::vector<std::string_view> argument_names_in(const error& failure);

} // namespace kpi
