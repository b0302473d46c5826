// Calendar arithmetic on day numbers, for date serial numbers relative to a document's null date.
#pragma once

#include "kpi/result.hpp"

#include <cstdint>
#include <optional>
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

/// The number of days of a month of a year (February 29 in leap years of the proleptic Gregorian calendar).
[[nodiscard]] unsigned days_in_month(std::int32_t year, unsigned month) noexcept;

/// Reads a text that holds an unambiguous ISO 8601 calendar date as exports write it: YYYY-MM-DD, alone or
/// followed by 'T' or a space and a time of day hh:mm, hh:mm:ss or hh:mm:ss.fff (hours 00-23, minutes
/// 00-59, seconds 00-60, a fraction after '.' or ','), then optionally a space and an offset Z, +hh, +hhmm
/// or +hh:mm (or -). Gives the date as written: the time and the offset are ignored, as the date is what
/// the row is about. White space around the text is allowed. Anything else gives nothing: another date
/// order (14/03/2026), missing zeros (2026-3-14), a day the month does not have (2026-02-30), a year of
/// other than 4 digits, trailing text.
[[nodiscard]] std::optional<civil_date> parse_iso_date(std::string_view text) noexcept;
/// The same for UTF-16 text, as Calc gives it.
[[nodiscard]] std::optional<civil_date> parse_iso_date(std::u16string_view text) noexcept;

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
