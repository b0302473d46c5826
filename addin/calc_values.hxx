// The boundary between Calc and the KPI core: Calc's argument values in, core inputs out, and core
// results and errors back to the values Calc shows. Every Calc error the add-in produces is made here.
#pragma once

#include <kpi/result.hpp>

#include <com/sun/star/uno/Any.hxx>

#include <cstdint>
#include <exception>
#include <optional>
#include <string_view>
#include <utility>

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
    }
    return 519;
}

/// The double Calc reads as an error: a quiet NaN carrying the error code in the low 32 bits of its
/// mantissa, as Calc's own CreateDoubleError makes it.
[[nodiscard]] double error_value(std::uint32_t code) noexcept;

/// The error code an error_value carries, or nothing for an ordinary number. For tests.
[[nodiscard]] std::optional<std::uint32_t> error_code_of(double value) noexcept;

/// What Calc shows for a core result: the value, or the error value of its kind. A non-finite value
/// (which the core never returns) becomes #NUM!, so Calc never sees a raw NaN or infinity.
[[nodiscard]] double to_calc(const result<double>& outcome) noexcept;

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

    /// Calls the core with the read arguments and converts its result for Calc; never throws.
    template <class F, class... Args> [[nodiscard]] double call(F&& core_function, Args&&... args) noexcept
    {
        if (failure_)
            return error_value(calc_error_code(failure_->kind));
        try {
            return to_calc(std::forward<F>(core_function)(std::forward<Args>(args)...));
        } catch (const std::exception&) {
            // bad_alloc and the like: an error in the cell, never an exception into Calc.
            return error_value(calc_error_code(error_kind::wrong_type));
        }
    }

    /// The first argument error, if any. For tests.
    [[nodiscard]] const std::optional<error>& failure() const noexcept { return failure_; }

private:
    void record(error e);

    std::string_view function_;
    std::optional<error> failure_;
};

} // namespace kpi::calc
