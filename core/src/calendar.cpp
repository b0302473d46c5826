#include "kpi/calendar.hpp"

#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace kpi {

std::int64_t days_from_civil(civil_date date) noexcept
{
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<std::int64_t>(y - era * 400);
    const std::int64_t m = date.month;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

civil_date civil_from_days(std::int64_t days) noexcept
{
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const auto day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<std::int32_t>(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day};
}

result<period_grain> parse_grain(std::string_view word, std::string_view function, period_grain fallback)
{
    const std::string w = detail::lower_ascii(word);
    if (w.empty())
        return fallback;
    if (w == "day" || w == "hari")
        return period_grain::day;
    if (w == "week" || w == "minggu")
        return period_grain::week;
    if (w == "month" || w == "bulan")
        return period_grain::month;
    if (w == "quarter" || w == "kuartal")
        return period_grain::quarter;
    if (w == "year" || w == "tahun")
        return period_grain::year;
    return fail(error_kind::invalid_argument, function, "grain",
                "must be day/hari, week/minggu, month/bulan, quarter/kuartal or year/tahun");
}

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

std::int64_t period_of_day(std::int64_t days, period_grain grain) noexcept
{
    switch (grain) {
    case period_grain::day:
        return days;
    case period_grain::week:
        return floor_div(days + 3, 7); // 1969-12-29, day -3, was a Monday
    case period_grain::month: {
        const civil_date d = civil_from_days(days);
        return std::int64_t{d.year} * 12 + (d.month - 1);
    }
    case period_grain::quarter: {
        const civil_date d = civil_from_days(days);
        return std::int64_t{d.year} * 4 + (d.month - 1) / 3;
    }
    case period_grain::year:
        return civil_from_days(days).year;
    }
    return days;
}

std::int64_t first_day_of_period(std::int64_t period, period_grain grain) noexcept
{
    switch (grain) {
    case period_grain::day:
        return period;
    case period_grain::week:
        return period * 7 - 3;
    case period_grain::month:
        return days_from_civil({static_cast<std::int32_t>(floor_div(period, 12)),
                                static_cast<unsigned>(period - floor_div(period, 12) * 12 + 1), 1});
    case period_grain::quarter:
        return days_from_civil({static_cast<std::int32_t>(floor_div(period, 4)),
                                static_cast<unsigned>((period - floor_div(period, 4) * 4) * 3 + 1), 1});
    case period_grain::year:
        return days_from_civil({static_cast<std::int32_t>(period), 1, 1});
    }
    return period;
}

} // namespace kpi
