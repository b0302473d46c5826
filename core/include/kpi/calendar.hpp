// Calendar arithmetic on day numbers, for date serial numbers relative to a document's null date.
#pragma once

#include "kpi/result.hpp"

#include <cstdint>
#include <string_view>

namespace kpi {

struct civil_date
{
    std::int32_t year;
    unsigned month; ///< 1...12
    unsigned day;   ///< 1...31
    friend bool operator==(const civil_date&, const civil_date&) = default;
};

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date
/// Algorithms").
[[nodiscard]] std::int64_t days_from_civil(civil_date date) noexcept;
/// The date of a number of days since 1970-01-01.
[[nodiscard]] civil_date civil_from_days(std::int64_t days) noexcept;

/// Calendar periods of the cohort and period functions. Weeks are ISO weeks, Monday first.
enum class period_grain { day, week, month, quarter, year };

/// Reads a grain word, case-insensitive, in English or Indonesian: day/hari, week/minggu, month/bulan,
/// quarter/kuartal, year/tahun; an empty word is `fallback`. invalid_argument for other words.
[[nodiscard]] result<period_grain> parse_grain(std::string_view word, std::string_view function,
                                               period_grain fallback);

/// A consecutive number for the period that contains a day (days since 1970-01-01): consecutive periods
/// have consecutive numbers.
[[nodiscard]] std::int64_t period_of_day(std::int64_t days, period_grain grain) noexcept;
/// The first day (days since 1970-01-01) of a period numbered by period_of_day.
[[nodiscard]] std::int64_t first_day_of_period(std::int64_t period, period_grain grain) noexcept;

} // namespace kpi
