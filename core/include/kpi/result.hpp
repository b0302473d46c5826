// The error model of the KPI core: every function returns a result<T> that holds either a value or an
// error with a kind and a message naming the function and the argument. The kinds are few and fixed,
// after Boost.Math's failure kinds; the add-in maps each kind to exactly one Calc error. The message comes
// from the core's message table (kpi/messages.hpp), which also explains it in Indonesian.
#pragma once

#include "kpi/messages.hpp"

#include <cmath>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

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

/// What an error's message is made of, to write it in another language.
struct error_details
{
    std::string function;                ///< "KPI.ROI"
    std::vector<std::string> parameters; ///< the message's {0}, {1} ...: English argument names, or words
    std::optional<double> value;         ///< the value that failed: " (got -5)"

    /// The same function, parameters and value; a value that is NaN equals NaN, as its message "(got NaN)"
    /// equals the other's.
    friend bool operator==(const error_details& a, const error_details& b) noexcept
    {
        const bool same_value =
            a.value.has_value() == b.value.has_value() &&
            (!a.value || *a.value == *b.value || (std::isnan(*a.value) && std::isnan(*b.value)));
        return same_value && a.function == b.function && a.parameters == b.parameters;
    }
};

struct error
{
    error_kind kind;
    message_id id = message_id::none; ///< the row of the message table; none for a message outside it
    std::string message{};            ///< "KPI.ROI: cost must not be negative (got -5)", always English
    /// The function, parameters and value of the message; empty for an error without them. Shared, so
    /// that copying an error allocates nothing and the error stays small: 56 bytes (the id fills the
    /// kind's padding), as a table of millions of cohort cells holds one per cell not reached yet.
    std::shared_ptr<const error_details> details = nullptr;

    /// The same kind, message, id and details (compared by value).
    friend bool operator==(const error& a, const error& b) noexcept
    {
        return a.kind == b.kind && a.message == b.message && a.id == b.id &&
               (a.details == b.details || (a.details && b.details && *a.details == *b.details));
    }
};

/// The one function through which every error is made, from the message table, so that every message has
/// the same shape: "<function>: <reason>", followed by " (got <value>)" when a value is given; the reason is
/// the English template of `id` with `parameters` in place of {0}, {1} ... (kpi/messages.hpp).
[[nodiscard]] error fail(error_kind kind, message_id id, std::string_view function,
                         std::initializer_list<std::string_view> parameters = {},
                         std::optional<double> value = std::nullopt);

/// An error whose message is not in the table: "<function>: <argument> <problem>", followed by
/// " (got <value>)" when a value is given. Explained in English only; the core itself uses the table.
[[nodiscard]] error fail(error_kind kind, std::string_view function, std::string_view argument,
                         std::string_view problem, std::optional<double> value = std::nullopt);

/// The languages in which an error is explained: the UI languages the extension speaks.
enum class language { en, id };

/// The error's reason for the user in `lang`: what is wrong, with the argument's name and the value that
/// failed, and what to do. The text of Data > KPI > Explain Error and of org.kpifunctions.ErrorExplainer.
/// "KPI.ROI: cost must not be negative (got -5). <what to do>"; in Indonesian the reason, the argument's
/// Indonesian name and the value with a decimal comma: "KPI.ROI: biaya tidak boleh negatif (nilainya -0,5)".
/// A message outside the table is its English message in both languages.
[[nodiscard]] std::string explain(const error& failure, language lang);

/// A parameter of a context text: a text written as it is, or a number written as `lang` writes it (3.5,
/// 3,5 in Indonesian).
using context_parameter = std::variant<std::string_view, double>;

/// A text of the context table (kpi/messages.hpp) in `lang`, its {#0}, {#1} ... filled with `parameters` in
/// their order: explain(context_id::not_an_error, language::id, {"A1"}) is "Sel A1 tidak menampilkan galat:
/// tidak ada yang perlu dijelaskan."
[[nodiscard]] std::string explain(context_id id, language lang,
                                  std::initializer_list<context_parameter> parameters = {});

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
