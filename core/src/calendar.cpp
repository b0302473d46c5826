#include "kpi/calendar.hpp"

#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace kpi {

std::int64_t days_from_civil(civil_date date) noexcept
{
    const std::int64_t y = std::int64_t{date.year} - (date.month <= 2 ? 1 : 0);
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

unsigned days_in_month(std::int32_t year, unsigned month) noexcept
{
    constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {

/// The ISO 8601 reader over narrow or UTF-16 text: the grammar of parse_iso_date's comment.
template <class Char> class iso_reader
{
public:
    explicit iso_reader(std::basic_string_view<Char> text) noexcept : text_(text)
    {
        while (!text_.empty() && is_blank(text_.front()))
            text_.remove_prefix(1);
        while (!text_.empty() && is_blank(text_.back()))
            text_.remove_suffix(1);
    }

    std::optional<civil_date> date() noexcept
    {
        unsigned year = 0, month = 0, day = 0;
        if (!number(4, year) || !expect('-') || !number(2, month) || !expect('-') || !number(2, day))
            return std::nullopt;
        const civil_date parsed{static_cast<std::int32_t>(year), month, day};
        if (month < 1 || month > 12 || day < 1 || day > days_in_month(parsed.year, month))
            return std::nullopt;
        if (at_end())
            return parsed;
        if (!(expect('T') || expect('t') || expect(' ')) || !time_of_day())
            return std::nullopt;
        (void)expect(' '); // "10:22:01 +0700"
        if (!at_end() && !offset())
            return std::nullopt;
        if (!at_end())
            return std::nullopt;
        return parsed;
    }

private:
    static bool is_blank(Char c) noexcept { return c == Char(' ') || c == Char('\t'); }

    bool at_end() const noexcept { return position_ == text_.size(); }

    bool expect(char c) noexcept
    {
        if (at_end() || text_[position_] != Char(c))
            return false;
        ++position_;
        return true;
    }

    /// Exactly `digits` ASCII digits.
    bool number(std::size_t digits, unsigned& out) noexcept
    {
        if (text_.size() - position_ < digits)
            return false;
        out = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            const Char c = text_[position_ + i];
            if (c < Char('0') || c > Char('9'))
                return false;
            out = out * 10 + static_cast<unsigned>(c - Char('0'));
        }
        position_ += digits;
        return true;
    }

    /// hh:mm, hh:mm:ss or hh:mm:ss followed by a fraction.
    bool time_of_day() noexcept
    {
        unsigned hours = 0, minutes = 0, seconds = 0;
        if (!number(2, hours) || hours > 23 || !expect(':') || !number(2, minutes) || minutes > 59)
            return false;
        if (!expect(':'))
            return true;
        if (!number(2, seconds) || seconds > 60) // 60: a leap second
            return false;
        if (expect('.') || expect(',')) {
            std::size_t digits = 0;
            for (unsigned digit = 0; number(1, digit);)
                ++digits;
            return digits > 0;
        }
        return true;
    }

    /// Z, or +hh, +hhmm, +hh:mm (or -).
    bool offset() noexcept
    {
        if (expect('Z') || expect('z'))
            return true;
        if (!(expect('+') || expect('-')))
            return false;
        unsigned hours = 0, minutes = 0;
        if (!number(2, hours) || hours > 23)
            return false;
        if (at_end())
            return true;
        (void)expect(':');
        return number(2, minutes) && minutes <= 59;
    }

    std::basic_string_view<Char> text_;
    std::size_t position_ = 0;
};

} // namespace

std::optional<civil_date> parse_iso_date(std::string_view text) noexcept
{
    return iso_reader<char>(text).date();
}

std::optional<civil_date> parse_iso_date(std::u16string_view text) noexcept
{
    return iso_reader<char16_t>(text).date();
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
    return fail(error_kind::invalid_argument, message_id::bad_grain, function, {"grain"});
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
