// The boundary between Calc and the KPI core: Calc's argument values in, core inputs out, and core
// results and errors back to the values Calc shows. Every Calc error the add-in produces is made here.
#pragma once

#include "error_capture.hxx"

#include <kpi/calendar.hpp>
#include <kpi/experiments.hpp>
#include <kpi/grid.hpp>
#include <kpi/ids.hpp>
#include <kpi/result.hpp>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <cstdint>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kpi::calc {

/// Calc's error codes (FormulaError in LibreOffice's formula/errorcodes.hxx) for each core error kind.
[[nodiscard]] constexpr std::uint32_t calc_error_code(error_kind kind) noexcept
{
    switch (kind) {
    case error_kind::division_by_zero:
        return 532; // #DIV/0!
    case error_kind::invalid_argument:
        return 502; // Err:502 (Invalid argument)
    case error_kind::no_result:
        return 503; // #NUM!
    case error_kind::wrong_type:
        return 519; // #VALUE!
    case error_kind::not_available:
        return 0x7fff; // #N/A
    case error_kind::internal:
        // Err:514, "Internal overflow" (FormulaError::StackOverflow): an error the spec gives no input, so
        // that out of memory or a bug is never taken for text in an argument (#VALUE!); Calc's help names
        // too much data as its cause, which is what runs a function out of memory.
        return 514;
    }
    return 514;
}

/// The double Calc reads as an error: a quiet NaN carrying the error code in the low 32 bits of its
/// mantissa, as Calc's own CreateDoubleError makes it.
[[nodiscard]] double error_value(std::uint32_t code) noexcept;

/// The error code an error_value carries, or nothing for an ordinary number. For tests.
[[nodiscard]] std::optional<std::uint32_t> error_code_of(double value) noexcept;

using array_result = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

/// What Calc shows for a core result: the value, or the error value of its kind. A non-finite value
/// (which the core never returns) becomes #NUM!, so Calc never sees a raw NaN or infinity.
[[nodiscard]] double to_calc(const result<double>& outcome) noexcept;
/// An array result; an error of the whole is a 1x1 array, which Calc repeats over the formula's cells.
[[nodiscard]] array_result to_calc(const result<grid>& outcome);
/// A 1x2 array {lower, upper}; an error fills both cells.
[[nodiscard]] array_result to_calc(const result<interval>& outcome);

/// The same for a call of `function`, whose errors are recorded for Explain Error while an error_capture is
/// alive (error_capture.hxx): the one place where the glue turns a core error into a Calc error.
[[nodiscard]] double to_calc(const result<double>& outcome, std::string_view function) noexcept;
[[nodiscard]] array_result to_calc(const result<grid>& outcome, std::string_view function);
[[nodiscard]] array_result to_calc(const result<interval>& outcome, std::string_view function);

/// The numeric cells of a range argument (the spec's "R"), in row order, with the range's shape and each
/// value's position in it, so that a result can be given back in the same shape.
struct numeric_cells
{
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<double> values;
    std::vector<std::size_t> positions; ///< row * columns + column of each value
};

/// A view of an optional column, for core functions that take std::optional<value_span>.
[[nodiscard]] inline std::optional<std::span<const double>>
view(const std::optional<std::vector<double>>& column)
{
    if (!column)
        return std::nullopt;
    return std::span<const double>(*column);
}

/// The document's null date (day 0 of its date serial numbers), from Calc's hidden document argument;
/// 1899-12-30, Calc's default, when the document does not say.
[[nodiscard]] civil_date null_date_of(const css::uno::Reference<css::beans::XPropertySet>& document) noexcept;

/// Places per-value results at their cells' positions; the other cells stay empty.
[[nodiscard]] result<grid> in_shape(const numeric_cells& cells,
                                    const result<std::vector<result<double>>>& values);

/// Reads the arguments of one call. Each reader returns a core input; the first failure is recorded and
/// returned by call() instead of calling the core, so that the glue of a function is one line:
///     arguments args{"KPI.ROI"};
///     return args.call(kpi::return_on_investment, args.number(gain, "gain"), args.number(cost, "cost"));
class arguments
{
public:
    explicit arguments(std::string_view function) noexcept : function_(function) {}

    /// A number-or-range argument (the spec's "N"): a number, a cell, a range or an inline array. A range
    /// is the SUM of its numeric cells (empty and text cells ignored); text given directly is #VALUE!;
    /// an empty cell is 0; a missing argument is #VALUE!.
    [[nodiscard]] double number(const css::uno::Any& value, std::string_view argument);

    /// An optional number: left out or left empty, it is `fallback`; otherwise as number().
    [[nodiscard]] double number_or(const css::uno::Any& value, std::string_view argument, double fallback);

    /// An optional number without a default: nothing when left out or left empty.
    [[nodiscard]] std::optional<double> optional_number(const css::uno::Any& value,
                                                        std::string_view argument);

    /// An optional TRUE/FALSE: left out or empty it is `fallback`; a number is true unless 0; text is
    /// #VALUE!.
    [[nodiscard]] bool flag_or(const css::uno::Any& value, std::string_view argument, bool fallback);

    /// A numeric range argument (the spec's "R"): every numeric cell is one value, empty and text cells are
    /// skipped; a single number is one value; text given directly is #VALUE!.
    [[nodiscard]] numeric_cells values(const css::uno::Any& value, std::string_view argument);

    /// An ID range argument (the spec's "I"): each cell's index in `table`, id_table::no_id for an empty
    /// cell. Text and numbers are IDs; a single value is a one-cell range. Read in place, one hash lookup
    /// and no allocation per cell.
    [[nodiscard]] std::vector<std::uint32_t> ids(const css::uno::Any& value, std::string_view argument,
                                                 id_table& table);

    /// A number range read row by row with another range (the spec's paired "R": amounts, durations): one
    /// value per cell, NaN where the cell is empty or text, so that rows stay aligned.
    [[nodiscard]] std::vector<double> column(const css::uno::Any& value, std::string_view argument);

    /// A date range read row by row with another range (the spec's "D"): one serial number per cell, in
    /// the system of `null_date` (the document's day 0); a text cell holding an ISO 8601 date
    /// (parse_iso_date: "2026-03-14", "2026-03-14T10:22:01+07:00") is that day's serial number; NaN where
    /// the cell is empty or holds other text, so that rows stay aligned.
    [[nodiscard]] std::vector<double> dates(const css::uno::Any& value, std::string_view argument,
                                            civil_date null_date);

    /// An optional column: nothing when left out or left empty.
    [[nodiscard]] std::optional<std::vector<double>> optional_column(const css::uno::Any& value,
                                                                     std::string_view argument);

    /// An option word, read by `parse` (which gets "" when the argument is left out or empty).
    template <class Parse>
    [[nodiscard]] auto option(const css::uno::Any& value, std::string_view argument, Parse&& parse)
    {
        using option_type = std::decay_t<decltype(*parse(std::string{}))>;
        return guarded([&]() -> option_type {
            auto parsed = parse(word(value, argument));
            if (!parsed) {
                record(parsed.error());
                return option_type{};
            }
            return *parsed;
        });
    }

    /// Calls the core with the read arguments and converts its result for Calc. The add-in's boundary:
    /// whatever it catches (std::bad_alloc, another exception: a bug) is error_kind::internal, never an
    /// exception into Calc.
    template <class F, class... Args> [[nodiscard]] auto call(F&& core_function, Args&&... args) noexcept
    {
        using core_result = decltype(std::forward<F>(core_function)(std::forward<Args>(args)...));
        try {
            if (failure_)
                return to_calc(core_result(*failure_), function_);
            return to_calc(std::forward<F>(core_function)(std::forward<Args>(args)...), function_);
        } catch (...) {
            return internal_failure<core_result>();
        }
    }

    /// The first argument error, if any. For tests.
    [[nodiscard]] const std::optional<error>& failure() const noexcept { return failure_; }

private:
    void record(error e);

    /// Runs a reader; when it throws (out of memory, a bug), it records error_kind::internal (without
    /// allocating a message) and gives an empty input, so that no exception reaches Calc.
    template <class Read> auto guarded(Read&& read) noexcept -> decltype(read())
    {
        try {
            return read();
        } catch (...) {
            if (!failure_)
                failure_.emplace(error{error_kind::internal, message_id::internal_failure});
            return {};
        }
    }
    /// What Calc shows for an internal failure: Err:514, allocating nothing for a number. An array that
    /// cannot be allocated either is the empty array.
    template <class CoreResult> [[nodiscard]] static auto internal_failure() noexcept
    {
        using calc_result = decltype(to_calc(std::declval<const CoreResult&>()));
        try {
            return to_calc(CoreResult(error{error_kind::internal, message_id::internal_failure}));
        } catch (...) {
            return calc_result{};
        }
    }
    [[nodiscard]] double number_of(const css::uno::Any& value, std::string_view argument);
    [[nodiscard]] numeric_cells values_of(const css::uno::Any& value, std::string_view argument);
    [[nodiscard]] std::vector<std::uint32_t> ids_of(const css::uno::Any& value, std::string_view argument,
                                                    id_table& table);
    [[nodiscard]] std::vector<double> column_of(const css::uno::Any& value, std::string_view argument,
                                                std::optional<civil_date> text_dates);
    [[nodiscard]] std::string word(const css::uno::Any& value, std::string_view argument);

    std::string_view function_;
    std::optional<error> failure_;
};

} // namespace kpi::calc
