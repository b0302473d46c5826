// Calendar arithmetic (kpi/calendar.hpp) against its contract: day numbers and dates convert both ways for
// every year an int32 holds; a period holds its day, starts on its first day (weeks on a Monday), and
// consecutive periods have consecutive numbers; the ISO 8601 reader gives a date only for text of its
// grammar, the date as written, the same for UTF-8 and UTF-16; grain words read as documented.
#include <kpi/calendar.hpp>

#include "fuzz_support.hpp"

#include <cstdio>
#include <string>

namespace {

using namespace kpi;
using namespace kpi::fuzz;

constexpr std::int64_t max_days = 780'000'000'000; // about the days of 2^31 years

bool valid(const civil_date& d)
{
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

void check_days(std::int64_t days)
{
    const civil_date d = civil_from_days(days);
    KPI_REQUIRE(valid(d), "civil_from_days gives a calendar date", days, d.year, d.month, d.day);
    KPI_REQUIRE(days_from_civil(d) == days, "days_from_civil(civil_from_days(n)) == n", days, d.year, d.month,
                d.day);
}

void check_date(civil_date d)
{
    const std::int64_t days = days_from_civil(d);
    KPI_REQUIRE(civil_from_days(days) == d, "civil_from_days(days_from_civil(date)) == date", d.year, d.month,
                d.day, days);
    if (d.year == std::numeric_limits<std::int32_t>::max() && d.month == 12 && d.day == 31)
        return; // no next day in an int32 year
    const civil_date next = civil_from_days(days + 1);
    KPI_REQUIRE(valid(next), "the next day is a date", d.year, d.month, d.day);
    const bool last_of_month = d.day == days_in_month(d.year, d.month);
    KPI_REQUIRE(last_of_month ? next.day == 1 : (next.day == d.day + 1 && next.month == d.month),
                "the next day", d.year, d.month, d.day, next.year, next.month, next.day);
}

std::int64_t period_length_limit(period_grain grain)
{
    switch (grain) {
    case period_grain::day:
        return 1;
    case period_grain::week:
        return 7;
    case period_grain::month:
        return 31;
    case period_grain::quarter:
        return 92;
    case period_grain::year:
        return 366;
    }
    return 0;
}

void check_period(std::int64_t days, period_grain grain)
{
    const std::int64_t p = period_of_day(days, grain);
    const std::int64_t first = first_day_of_period(p, grain);
    const auto g = static_cast<int>(grain);
    KPI_REQUIRE(first <= days && days - first < period_length_limit(grain), "a period holds its day", days, g,
                p, first);
    KPI_REQUIRE(period_of_day(first, grain) == p, "a period starts on its first day", days, g, p, first);
    KPI_REQUIRE(period_of_day(first - 1, grain) == p - 1, "consecutive periods have consecutive numbers",
                days, g, p, first);
    if (grain == period_grain::week)
        KPI_REQUIRE(((first + 3) % 7 + 7) % 7 == 0, "weeks start on a Monday", days, first);
    if (grain == period_grain::month || grain == period_grain::quarter || grain == period_grain::year) {
        const civil_date d = civil_from_days(first);
        KPI_REQUIRE(d.day == 1, "months, quarters and years start on the 1st", days, g, d.year, d.month,
                    d.day);
        if (grain != period_grain::month)
            KPI_REQUIRE(d.month % (grain == period_grain::year ? 12 : 3) == 1,
                        "quarters and years start in their "
                        "first month",
                        days, g, d.month);
    }
}

std::u16string widen(std::string_view text)
{
    return {text.begin(), text.end()}; // each byte one unit: non-ASCII bytes stay non-ASCII
}

void check_iso_text(const std::string& text)
{
    const std::optional<civil_date> d = parse_iso_date(text);
    KPI_REQUIRE(d == parse_iso_date(widen(text)), "UTF-8 and UTF-16 readers agree", text);
    if (!d)
        return;
    KPI_REQUIRE(valid(*d) && d->year >= 0 && d->year <= 9999, "a date read is a calendar date", text);
    // The date as written: the text, without the blanks around it, starts with exactly these digits.
    std::size_t start = text.find_first_not_of(" \t");
    char written[16];
    std::snprintf(written, sizeof written, "%04d-%02u-%02u", d->year, d->month, d->day);
    KPI_REQUIRE(start != std::string::npos && text.compare(start, 10, written) == 0, "the date as written",
                text, written);
    const std::size_t end = text.find_last_not_of(" \t");
    const std::string_view rest = std::string_view(text).substr(start + 10, end + 1 - (start + 10));
    KPI_REQUIRE(rest.empty() || rest.front() == 'T' || rest.front() == 't' || rest.front() == ' ',
                "a date is followed by nothing or by T or a space", text);
}

/// A text as exports write dates, with a random change now and then.
std::string iso_like(FuzzedDataProvider& in, civil_date& date, bool& well_formed)
{
    date = {in.ConsumeIntegralInRange(0, 9999), in.ConsumeIntegralInRange(1u, 12u), 1};
    date.day = in.ConsumeIntegralInRange(1u, days_in_month(date.year, date.month));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    std::string text = buffer;
    static constexpr const char* times[] = {"",
                                            "T10:22",
                                            " 10:22",
                                            "T10:22:01",
                                            " 23:59:60",
                                            "t00:00:00.123",
                                            " 10:22:01,5",
                                            "T10:22:01+07:00",
                                            " 10:22:01 +0700",
                                            "T10:22Z",
                                            "T10:22:01-03",
                                            "T10:22:01.1234567890z"};
    text += in.PickValueInArray(times);
    if (in.ConsumeBool())
        text = std::string(in.ConsumeIntegralInRange<std::size_t>(0, 3), ' ') + text +
               std::string(in.ConsumeIntegralInRange<std::size_t>(0, 3), '\t');
    well_formed = true;
    if (in.ConsumeIntegralInRange(0, 3) == 0 && !text.empty()) {
        // One byte changed: the text may or may not still be a date, but it must not crash or mislead.
        text[in.ConsumeIntegralInRange<std::size_t>(0, text.size() - 1)] = in.ConsumeIntegral<char>();
        well_formed = false;
    }
    return text;
}

void check_grain_word(const std::string& word)
{
    std::string lower = word;
    for (char& c : lower)
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    static constexpr std::pair<const char*, period_grain> words[] = {
        {"day", period_grain::day},         {"hari", period_grain::day},
        {"week", period_grain::week},       {"minggu", period_grain::week},
        {"month", period_grain::month},     {"bulan", period_grain::month},
        {"quarter", period_grain::quarter}, {"kuartal", period_grain::quarter},
        {"year", period_grain::year},       {"tahun", period_grain::year}};
    const result<period_grain> g = parse_grain(word, "KPI.TEST", period_grain::quarter);
    if (lower.empty()) {
        KPI_REQUIRE(g && *g == period_grain::quarter, "an empty grain is the fallback", word);
        return;
    }
    for (const auto& [name, grain] : words)
        if (lower == name) {
            KPI_REQUIRE(g && *g == grain, "a grain word", word);
            return;
        }
    KPI_REQUIRE(error_of(g, error_kind::invalid_argument, "KPI.TEST"), "only the grain words are grains",
                word);
}

std::string grain_word(FuzzedDataProvider& in)
{
    static constexpr const char* words[] = {"",        "Day",   "WEEK",   "minggu", "Bulan", "quarter",
                                            "KUARTAL", "tahun", "month ", "days",   "mont"};
    return in.ConsumeBool() ? std::string(in.PickValueInArray(words)) : in.ConsumeRandomLengthString(12);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    while (in.remaining_bytes() > 0) {
        switch (in.ConsumeIntegralInRange(0, 5)) {
        case 0:
            check_days(in.ConsumeBool() ? in.ConsumeIntegralInRange<std::int64_t>(-max_days, max_days)
                                        : in.ConsumeIntegralInRange<std::int64_t>(-800'000, 800'000));
            break;
        case 1: {
            civil_date d{in.ConsumeBool() ? in.ConsumeIntegral<std::int32_t>()
                                          : in.ConsumeIntegralInRange(-9999, 9999),
                         in.ConsumeIntegralInRange(1u, 12u), 1};
            d.day = in.ConsumeIntegralInRange(1u, days_in_month(d.year, d.month));
            check_date(d);
            break;
        }
        case 2: {
            const std::int64_t days =
                in.ConsumeBool() ? in.ConsumeIntegralInRange<std::int64_t>(-3'000'000'000, 3'000'000'000)
                                 : in.ConsumeIntegralInRange<std::int64_t>(-1'000'000, 1'000'000);
            check_period(days, static_cast<period_grain>(in.ConsumeIntegralInRange(0, 4)));
            break;
        }
        case 3: {
            civil_date date{};
            bool well_formed = false;
            const std::string text = iso_like(in, date, well_formed);
            check_iso_text(text);
            if (well_formed)
                KPI_REQUIRE(parse_iso_date(text) == date, "a well-formed date is read", text);
            break;
        }
        case 4:
            check_iso_text(in.ConsumeRandomLengthString(48));
            break;
        default:
            check_grain_word(grain_word(in));
            break;
        }
    }
    return 0;
}
