// Argument checks shared by the core's functions. Each returns the error to report, or nothing.
#pragma once

#include "kpi/result.hpp"

#include <cmath>
#include <optional>
#include <string_view>

namespace kpi::detail {

/// A name for the function being checked, as the user types it ("KPI.ROI").
struct checker
{
    std::string_view function;

    /// invalid_argument unless value is a finite number.
    [[nodiscard]] std::optional<error> finite(double value, std::string_view argument) const
    {
        if (std::isfinite(value))
            return std::nullopt;
        return fail(error_kind::invalid_argument, function, argument, "must be a finite number", value);
    }

    /// invalid_argument unless value is finite and >= 0.
    [[nodiscard]] std::optional<error> non_negative(double value, std::string_view argument) const
    {
        if (auto e = finite(value, argument))
            return e;
        if (value >= 0)
            return std::nullopt;
        return fail(error_kind::invalid_argument, function, argument, "must not be negative", value);
    }

    /// division_by_zero when a denominator is 0.
    [[nodiscard]] std::optional<error> nonzero_denominator(double value, std::string_view argument) const
    {
        if (value != 0)
            return std::nullopt;
        return fail(error_kind::division_by_zero, function, argument, "is 0");
    }
};

/// A finite quotient, or no_result when the division overflowed (1e300 / 1e-300).
[[nodiscard]] inline result<double> finite_quotient(double numerator, double denominator,
                                                    std::string_view function)
{
    const double quotient = numerator / denominator;
    if (std::isfinite(quotient))
        return quotient;
    return fail(error_kind::no_result, function, "", "result is too large to represent");
}

} // namespace kpi::detail
