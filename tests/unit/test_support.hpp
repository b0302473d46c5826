// Helpers shared by the core's unit tests.
#pragma once

#include <kpi/result.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <string_view>

namespace kpi::testing {

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Expects an error of the given kind whose message starts with the function's name.
template <class T> void expect_error(const kpi::result<T>& r, kpi::error_kind kind, std::string_view function)
{
    ASSERT_FALSE(r.has_value()) << "expected an error of kind " << kpi::to_string(kind);
    EXPECT_EQ(r.error().kind, kind) << r.error().message;
    EXPECT_EQ(r.error().message.rfind(function, 0), 0u) << r.error().message;
}

} // namespace kpi::testing
