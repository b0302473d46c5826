// Helpers shared by the core's unit tests.
#pragma once

#include <kpi/result.hpp>

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <iomanip>
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

/// How many doubles lie from a to b (0 when equal, 1 for neighbours), across zero and subnormals too.
inline std::uint64_t ulps_between(double a, double b)
{
    // Doubles in order map to integers in order: negatives mirrored below the positives.
    const auto ordered = [](double x) {
        const auto bits = std::bit_cast<std::int64_t>(x);
        return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
    };
    const std::int64_t i = ordered(a), j = ordered(b);
    return i > j ? static_cast<std::uint64_t>(i) - static_cast<std::uint64_t>(j)
                 : static_cast<std::uint64_t>(j) - static_cast<std::uint64_t>(i);
}

/// Expects a value within `ulps` units in the last place of `exact`, the double nearest the exact value.
inline void expect_near_exact(double value, double exact, std::uint64_t ulps = 4)
{
    EXPECT_LE(ulps_between(value, exact), ulps) << std::setprecision(17) << value << " is not " << exact;
}

inline void expect_near_exact(const kpi::result<double>& r, double exact, std::uint64_t ulps = 4)
{
    ASSERT_TRUE(r.has_value()) << r.error().message;
    expect_near_exact(*r, exact, ulps);
}

} // namespace kpi::testing
