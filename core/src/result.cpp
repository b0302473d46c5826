#include "kpi/result.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace kpi {

std::string_view to_string(error_kind kind) noexcept
{
    switch (kind) {
    case error_kind::division_by_zero:
        return "division by zero";
    case error_kind::invalid_argument:
        return "invalid argument";
    case error_kind::no_result:
        return "no real result";
    case error_kind::wrong_type:
        return "wrong type";
    case error_kind::not_available:
        return "not available";
    case error_kind::internal:
        return "internal error";
    }
    return "unknown error";
}

namespace {

std::string format_number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    std::array<char, 32> buffer{};
    // Shortest text that reads back as the same double: -5 prints as "-5", 0.1 as "0.1".
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("?");
}

} // namespace

error fail(error_kind kind, std::string_view function, std::string_view argument, std::string_view problem,
           std::optional<double> value)
{
    std::string message;
    message.reserve(function.size() + argument.size() + problem.size() + 24);
    message.append(function).append(": ");
    if (!argument.empty())
        message.append(argument).append(" ");
    message.append(problem);
    if (value)
        message.append(" (got ").append(format_number(*value)).append(")");
    return error{kind, std::move(message)};
}

// First version: the message as the core writes it, in English for both languages, until the core's messages
// come from one table in both languages (issue 9).
std::string explain(const error& failure, language /*lang*/)
{
    return failure.message;
}

} // namespace kpi
