// The error model of the KPI core: every function returns a result<T> that holds either a value or an
// error with a kind and a message naming the function and the argument. The kinds are few and fixed,
// after Boost.Math's failure kinds; the add-in maps each kind to exactly one Calc error.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kpi {

enum class error_kind {
    division_by_zero, ///< a zero denominator (Calc: #DIV/0!)
    invalid_argument, ///< input outside the function's domain (Calc: Err:502)
    no_result,        ///< the result has no real value (Calc: #NUM!)
    wrong_type,       ///< text or another non-number where a number is required (Calc: #VALUE!)
    not_available,    ///< no value exists for this cell, e.g. a cohort period not reached (Calc: #N/A)
    internal,         ///< a failure of the add-in, not of the input: out of memory, a bug (Calc: Err:514).
                      ///< No core function returns it: the add-in reports so what it catches at its boundary
};

/// The name of a kind as written in messages and tests: "division by zero", "invalid argument", ...
[[nodiscard]] std::string_view to_string(error_kind kind) noexcept;

struct error
{
    error_kind kind;
    std::string message; ///< "KPI.ROI: cost must not be negative (got -5)"

    friend bool operator==(const error&, const error&) = default;
};

/// The one function through which every error is made, so that every message has the same shape:
/// "<function>: <argument> <problem>", followed by " (got <value>)" when a value is given.
[[nodiscard]] error fail(error_kind kind, std::string_view function, std::string_view argument,
                         std::string_view problem, std::optional<double> value = std::nullopt);

/// The languages in which an error is explained: the UI languages the extension speaks.
enum class language { en, id };

/// The error's reason for the user in `lang`: what is wrong, with the argument's name and the value that
/// failed, and what to do. The text of Data > KPI > Explain Error and of org.kpifunctions.ErrorExplainer.
[[nodiscard]] std::string explain(const error& failure, language lang);

/// Either a value of type T or an error.
template <class T> class [[nodiscard]] result
{
public:
    result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    result(kpi::error failure) : state_(std::in_place_index<1>, std::move(failure)) {}

    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; only valid when has_value().
    [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
    [[nodiscard]] const T& operator*() const& { return value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    /// The error; only valid when !has_value().
    [[nodiscard]] const kpi::error& error() const& { return std::get<1>(state_); }

private:
    std::variant<T, kpi::error> state_;
};

} // namespace kpi
