// Argument checks shared by the core's functions. Each returns the error to report, or nothing.
#pragma once

#include "kpi/result.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace kpi::detail {

/// A period of whole days, both ends included (the time of day of its bounds ignored).
struct day_range
{
    double first;
    double last;
};

/// Lower-cases ASCII letters, whatever the process locale: for option words.
[[nodiscard]] inline std::string lower_ascii(std::string_view word)
{
    std::string lower(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

/// The checks of one function, named as the user types it ("KPI.ROI").
struct checker
{
    std::string_view function;

    /// invalid_argument unless value is a finite number.
    [[nodiscard]] std::optional<error> finite(double value, std::string_view argument) const
    {
        if (std::isfinite(value))
            return std::nullopt;
        return fail(error_kind::invalid_argument, message_id::not_finite, function, {argument}, value);
    }

    /// invalid_argument unless value is finite and >= 0.
    [[nodiscard]] std::optional<error> non_negative(double value, std::string_view argument) const
    {
        if (auto e = finite(value, argument))
            return e;
        if (value >= 0)
            return std::nullopt;
        return fail(error_kind::invalid_argument, message_id::negative, function, {argument}, value);
    }

    /// invalid_argument unless 0 <= value <= 1.
    [[nodiscard]] std::optional<error> fraction(double value, std::string_view argument) const
    {
        if (auto e = finite(value, argument))
            return e;
        if (value >= 0 && value <= 1)
            return std::nullopt;
        return fail(error_kind::invalid_argument, message_id::not_fraction, function, {argument}, value);
    }

    /// invalid_argument when part > whole ("conversions must not exceed leads").
    [[nodiscard]] std::optional<error> at_most(double part, std::string_view part_name, double whole,
                                               std::string_view whole_name) const
    {
        if (part <= whole)
            return std::nullopt;
        return fail(error_kind::invalid_argument, message_id::exceeds, function, {part_name, whole_name},
                    part);
    }

    /// division_by_zero when a denominator is 0.
    [[nodiscard]] std::optional<error> nonzero_denominator(double value, std::string_view argument) const
    {
        if (value != 0)
            return std::nullopt;
        return fail(error_kind::division_by_zero, message_id::zero_denominator, function, {argument});
    }

    /// The whole days of period_start...period_end; invalid_argument when a bound is not finite or the
    /// period ends before it starts.
    [[nodiscard]] result<day_range> whole_days(double period_start, double period_end) const
    {
        if (auto e = finite(period_start, "period_start"))
            return *e;
        if (auto e = finite(period_end, "period_end"))
            return *e;
        const day_range range{std::floor(period_start), std::floor(period_end)};
        if (range.last < range.first)
            return fail(error_kind::invalid_argument, message_id::end_before_start, function,
                        {"period_end", "period_start"}, period_end);
        return range;
    }

    /// A finite value, or no_result when the computation overflowed (1e300 / 1e-300).
    [[nodiscard]] result<double> finite_result(double value) const
    {
        if (std::isfinite(value))
            return value;
        return fail(error_kind::no_result, message_id::result_too_large, function);
    }
};

/// Runs checks in order and gives the first error: `if (auto e = first_error(a, b, c)) return *e;`
template <class... Checks> [[nodiscard]] std::optional<error> first_error(Checks&&... checks)
{
    std::optional<error> found;
    ((found ? void() : void(found = std::forward<Checks>(checks))), ...);
    return found;
}

} // namespace kpi::detail
