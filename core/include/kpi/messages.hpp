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

/// The companion table of texts about Calc's context rather than an error of the core: what Explain Error
/// (addin/error_explainer.cxx) says when an argument brings an error along, when no KPI call failed, or when
/// there is nothing to explain. Same placeholders as the messages, each a parameter as it is: {#0}, {#1} ...;
/// kpi::explain(context_id, language, parameters) writes them (kpi/result.hpp), a number parameter as the
/// language writes it.
enum class context_id : std::uint16_t {
    argument_shows_error, ///< {#0} function, {#1} argument's name, {#2} its text, {#3} the error it shows
    range_holds_error,    ///< {#0} function, {#1} argument's name, {#2} its text, {#3} how many error cells
    no_value_here,        ///< {#0} function, {#1} the error shown (a cell of its result it has no value for)
    array_padding,        ///< {#0} functions, {#1} the error shown (#N/A beyond an array's result)
    error_outside,        ///< {#0} functions, {#1} the error shown (from the rest of the formula)
    not_an_error,         ///< {#0} cell
    no_kpi_function,      ///< {#0} cell, {#1} the error shown
    protected_sheet,      ///< {#0} cell, {#1} the error shown
    cannot_compute,       ///< {#0} cell, {#1} the error shown, {#2} why the formula was not computed again
    no_cell,              ///< no cell selected
    command_title,        ///< the command's name, the title of its message box
};

/// One row of the context table: one text per language.
struct context_message
{
    context_id id;
    std::string_view key; ///< the id as written in tests: "range_holds_error"
    std::string_view english;
    std::string_view indonesian;
};

/// Every row of the context table, in the order of context_id.
[[nodiscard]] std::span<const context_message> context_table() noexcept;

/// The row of an id.
[[nodiscard]] const context_message& find_context_message(context_id id) noexcept;

/// The Indonesian name of an argument of a function, from addin/functions.toml (id_name of the row whose
/// en_name it is); nothing when the function has no such argument.
[[nodiscard]] std::optional<std::string_view>
indonesian_argument_name(std::string_view function, std::string_view english_name) noexcept;

/// The parameters of an error that its message uses as argument names ({0}, {1}, {2}), in English.
[[nodiscard]] std::vector<std::string_view> argument_names_in(const error& failure);

} // namespace kpi
