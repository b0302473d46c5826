#include "kpi/result.hpp"

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

} // namespace kpi
