// What the fuzz targets share: contract checks that abort with a message naming the broken promise, inputs
// that reach the edges of double arithmetic, and comparisons of two results bit for bit.
#pragma once

#include <kpi/result.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::fuzz {

inline std::ostream& operator<<(std::ostream& out, const error& e)
{
    return out << "error(" << to_string(e.kind) << ", \"" << e.message << "\")";
}

template <class T> std::ostream& operator<<(std::ostream& out, const result<T>& r)
{
    if (!r)
        return out << r.error();
    if constexpr (requires { out << *r; })
        return out << *r;
    else
        return out << "value";
}

/// Prints what broke and aborts, so that libFuzzer saves the input as a crash.
template <class... Context>
[[noreturn]] void violation(const char* file, int line, const char* condition, const Context&... context)
{
    std::ostringstream out;
    out.precision(17);
    out << "\n*** CONTRACT VIOLATION at " << file << ":" << line << ": " << condition;
    ((out << "\n    " << context), ...);
    out << "\n";
    // Control characters of the context (a NUL inside a text) as \xNN, so that all of it shows.
    std::string shown;
    for (const char c : out.str()) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
            shown += escaped;
        } else {
            shown += c;
        }
    }
    std::fwrite(shown.data(), 1, shown.size(), stderr);
    std::abort();
}

/// Checks one promise of the contract: `KPI_REQUIRE(rate <= 1, "KPI.CTR", clicks, impressions)`.
#define KPI_REQUIRE(condition, ...)                                                                          \
    ((condition) ? void() : ::kpi::fuzz::violation(__FILE__, __LINE__, #condition __VA_OPT__(, ) __VA_ARGS__))

/// Two doubles that are the same bits (NaN payloads and the sign of zero included).
inline bool same_bits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

/// The same result twice: the same value bit for bit, or the same error kind and message.
inline bool same(const result<double>& a, const result<double>& b)
{
    if (a.has_value() != b.has_value())
        return false;
    return a ? same_bits(*a, *b) : a.error() == b.error();
}

/// Whether a number is close to another: within `relative` of the larger magnitude, or `absolute`.
inline bool close(double a, double b, double relative = 1e-12, double absolute = 0)
{
    if (a == b)
        return true;
    return std::fabs(a - b) <= std::max(absolute, relative * std::max(std::fabs(a), std::fabs(b)));
}

/// Whether a whole number (a count).
inline bool whole(double value)
{
    return std::isfinite(value) && value == std::floor(value);
}

/// Whether an error is explained in both languages from the message table: an Indonesian text that is not
/// empty and is not the English one (kpi::explain).
inline bool explained(const error& e)
{
    const std::string indonesian = explain(e, language::id);
    return !indonesian.empty() && indonesian != explain(e, language::en);
}

/// Whether the result is a finite value, or an error of one of the kinds, whose message starts with
/// "<function>: " and which is explained in Indonesian too.
inline bool value_or(const result<double>& r, std::string_view function,
                     std::initializer_list<error_kind> kinds)
{
    if (r)
        return std::isfinite(*r);
    const std::string_view message = r.error().message;
    return std::find(kinds.begin(), kinds.end(), r.error().kind) != kinds.end() &&
           message.starts_with(function) && message.substr(function.size()).starts_with(": ") &&
           explained(r.error());
}

/// Whether the result is an error of this kind from this function, explained in Indonesian too.
template <class T> bool error_of(const result<T>& r, error_kind kind, std::string_view function)
{
    return !r && r.error().kind == kind && r.error().message.starts_with(std::string(function) + ": ") &&
           explained(r.error());
}

/// The outcome the contract allows for a call: with `expected`, that documented error; otherwise a finite
/// value or an error of one of the kinds of `otherwise` (an overflow's no_result, say). Gives whether there
/// is a value to check further; `context` goes into the message of a violation.
template <class... Context>
bool outcome(const result<double>& r, std::optional<error_kind> expected, std::string_view function,
             std::initializer_list<error_kind> otherwise, const Context&... context)
{
    if (expected) {
        KPI_REQUIRE(error_of(r, *expected, function), function, "gives the documented error",
                    to_string(*expected), r, context...);
        return false;
    }
    KPI_REQUIRE(value_or(r, function, otherwise), function, "gives a finite value", r, context...);
    return r.has_value();
}

/// A double from the edges of arithmetic: zeros of both signs, NaN, infinities, denormals, the largest and
/// smallest normal numbers, whole numbers near 2^53, any bit pattern, or an ordinary number.
inline double any_double(FuzzedDataProvider& in)
{
    static constexpr double edges[] = {0.0,
                                       -0.0,
                                       1.0,
                                       -1.0,
                                       0.5,
                                       2.0,
                                       10.0,
                                       100.0,
                                       1e-9,
                                       1 - 1e-16,
                                       1 + 2.220446049250313e-16,
                                       std::numeric_limits<double>::quiet_NaN(),
                                       -std::numeric_limits<double>::quiet_NaN(),
                                       std::numeric_limits<double>::infinity(),
                                       -std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::denorm_min(),
                                       -std::numeric_limits<double>::denorm_min(),
                                       std::numeric_limits<double>::min(),
                                       std::numeric_limits<double>::max(),
                                       -std::numeric_limits<double>::max(),
                                       std::numeric_limits<double>::epsilon(),
                                       1e308,
                                       1e-308,
                                       9007199254740992.0,
                                       9007199254740993.0,
                                       2e9,
                                       -2e9,
                                       4294967296.0};
    switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0:
        return in.PickValueInArray(edges);
    case 1:
        return std::bit_cast<double>(in.ConsumeIntegral<std::uint64_t>());
    case 2:
    case 3:
        return static_cast<double>(in.ConsumeIntegralInRange(-3, 1000));
    case 4:
        return in.ConsumeFloatingPointInRange(-2.0, 2.0);
    case 5:
        return in.ConsumeFloatingPointInRange(-1e6, 1e6);
    case 6:
        return in.ConsumeFloatingPoint<double>();
    default:
        return static_cast<double>(in.ConsumeIntegral<std::int32_t>()) / 64;
    }
}

/// Mostly a count (a whole number from 0 up), sometimes anything.
inline double any_count(FuzzedDataProvider& in)
{
    if (in.ConsumeIntegralInRange(0, 3) == 0)
        return any_double(in);
    return static_cast<double>(
        in.ConsumeIntegralInRange<std::uint32_t>(0, in.ConsumeBool() ? 20 : 1'000'000));
}

/// Mostly a fraction 0...1, sometimes anything.
inline double any_fraction(FuzzedDataProvider& in)
{
    if (in.ConsumeIntegralInRange(0, 3) == 0)
        return any_double(in);
    return in.ConsumeProbability<double>();
}

/// Mixes the elements, as a user sorting a range would.
template <class T> void shuffle(std::vector<T>& items, std::uint64_t seed)
{
    for (std::size_t i = items.size(); i > 1; --i) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        std::swap(items[i - 1], items[(seed >> 33) % i]);
    }
}

} // namespace kpi::fuzz
