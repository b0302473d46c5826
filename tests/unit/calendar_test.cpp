#include <kpi/calendar.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>

namespace {

using kpi::period_grain;

TEST(Calendar, DaysFromCivilKnownDates)
{
    EXPECT_EQ(kpi::days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(kpi::days_from_civil({1899, 12, 30}),
              -25569); // Calc's default null date: serial 25569 is 1970-01-01
    EXPECT_EQ(kpi::days_from_civil({2000, 3, 1}) - kpi::days_from_civil({2000, 2, 28}),
              2); // 2000 is a leap year
    EXPECT_EQ(kpi::days_from_civil({1900, 3, 1}) - kpi::days_from_civil({1900, 2, 28}), 1); // 1900 is not
}

TEST(Calendar, RoundTripOverFourCenturies)
{
    for (std::int64_t d = -200000; d < 200000; d += 17)
        EXPECT_EQ(kpi::days_from_civil(kpi::civil_from_days(d)), d);
}

TEST(Calendar, EveryYearAnInt32HoldsRoundTrips)
{
    // Found by the calendar fuzz target: January and February of the lowest year overflowed an int (UBSan).
    constexpr auto lowest = std::numeric_limits<std::int32_t>::min();
    constexpr auto highest = std::numeric_limits<std::int32_t>::max();
    for (const kpi::civil_date d : {kpi::civil_date{lowest, 1, 1}, kpi::civil_date{lowest, 2, 29},
                                    kpi::civil_date{lowest, 3, 1}, kpi::civil_date{highest, 12, 31}})
        EXPECT_EQ(kpi::civil_from_days(kpi::days_from_civil(d)), d)
            << d.year << "-" << d.month << "-" << d.day;
    EXPECT_EQ(kpi::days_from_civil({lowest, 3, 1}) - kpi::days_from_civil({lowest, 2, 29}), 1);
}

TEST(Calendar, IsoWeeksStartOnMonday)
{
    const auto monday = kpi::days_from_civil({2026, 11, 23}); // a Monday
    const auto week = kpi::period_of_day(monday, period_grain::week);
    EXPECT_EQ(kpi::period_of_day(monday + 6, period_grain::week), week); // Sunday, same week
    EXPECT_EQ(kpi::period_of_day(monday - 1, period_grain::week), week - 1);
    EXPECT_EQ(kpi::first_day_of_period(week, period_grain::week), monday);
    // 2027-01-01 is a Friday: its ISO week began on Monday 2026-12-28.
    const auto new_year = kpi::days_from_civil({2027, 1, 1});
    EXPECT_EQ(kpi::first_day_of_period(kpi::period_of_day(new_year, period_grain::week), period_grain::week),
              kpi::days_from_civil({2026, 12, 28}));
}

TEST(Calendar, MonthQuarterYearEdges)
{
    const auto jan31 = kpi::days_from_civil({2026, 1, 31}), feb1 = jan31 + 1;
    EXPECT_EQ(kpi::period_of_day(feb1, period_grain::month),
              kpi::period_of_day(jan31, period_grain::month) + 1);
    EXPECT_EQ(kpi::first_day_of_period(kpi::period_of_day(jan31, period_grain::month), period_grain::month),
              kpi::days_from_civil({2026, 1, 1}));
    const auto mar31 = kpi::days_from_civil({2026, 3, 31});
    EXPECT_EQ(kpi::period_of_day(mar31 + 1, period_grain::quarter),
              kpi::period_of_day(mar31, period_grain::quarter) + 1);
    EXPECT_EQ(
        kpi::first_day_of_period(kpi::period_of_day(mar31 + 1, period_grain::quarter), period_grain::quarter),
        kpi::days_from_civil({2026, 4, 1}));
    const auto dec31 = kpi::days_from_civil({2025, 12, 31});
    EXPECT_EQ(kpi::period_of_day(dec31 + 1, period_grain::year), 2026);
    EXPECT_EQ(kpi::first_day_of_period(2026, period_grain::year), dec31 + 1);
    // Leap day: 2028-02-29 is in February, the next day starts March.
    const auto leap = kpi::days_from_civil({2028, 2, 29});
    EXPECT_EQ(kpi::civil_from_days(leap + 1), (kpi::civil_date{2028, 3, 1}));
}

TEST(Calendar, BeforeTheEpochMonthsStillCount)
{
    const auto d = kpi::days_from_civil({1969, 12, 15});
    EXPECT_EQ(kpi::first_day_of_period(kpi::period_of_day(d, period_grain::month), period_grain::month),
              kpi::days_from_civil({1969, 12, 1}));
    EXPECT_EQ(kpi::first_day_of_period(kpi::period_of_day(d, period_grain::quarter), period_grain::quarter),
              kpi::days_from_civil({1969, 10, 1}));
}

TEST(Calendar, DaysInMonth)
{
    EXPECT_EQ(kpi::days_in_month(2026, 2), 28u);
    EXPECT_EQ(kpi::days_in_month(2028, 2), 29u);
    EXPECT_EQ(kpi::days_in_month(1900, 2), 28u); // a century, not a leap year
    EXPECT_EQ(kpi::days_in_month(2000, 2), 29u); // but every 400 years it is
    EXPECT_EQ(kpi::days_in_month(2026, 4), 30u);
    EXPECT_EQ(kpi::days_in_month(2026, 12), 31u);
    EXPECT_EQ(kpi::days_in_month(2026, 13), 0u);
}

constexpr kpi::civil_date pi_day{2026, 3, 14};

TEST(IsoDates, TheFormsExportsWriteAreTheDateAsWritten)
{
    // The spec's examples: the date as written, time and offset ignored.
    for (const char* text :
         {"2026-03-14", "2026-03-14 10:22", "2026-03-14T10:22:01+07:00", "2026-03-14 10:22:01 +0700"})
        EXPECT_EQ(kpi::parse_iso_date(text), pi_day) << text;
}

TEST(IsoDates, TimesFractionsAndOffsetsOfEveryShape)
{
    for (const char* text :
         {"2026-03-14T10:22", "2026-03-14T10:22:01", "2026-03-14 10:22:01", "2026-03-14T10:22:01Z",
          "2026-03-14T10:22:01z", "2026-03-14t10:22:01", "2026-03-14T23:59:59.999", "2026-03-14 10:22:01,5",
          "2026-03-14T10:22:01.123456789+05:30", "2026-03-14T10:22:01-0800", "2026-03-14T10:22+07",
          "2026-03-14 10:22 Z", "2026-03-14T00:00:00-12:00", "2026-03-14T23:59:60Z"})
        EXPECT_EQ(kpi::parse_iso_date(text), pi_day) << text;
}

TEST(IsoDates, TheOffsetDoesNotMoveTheDate)
{
    // 23:30 at -05:00 is already the next day in UTC; the row is about the date its export wrote.
    EXPECT_EQ(kpi::parse_iso_date("2026-12-31T23:30:00-05:00"), (kpi::civil_date{2026, 12, 31}));
    EXPECT_EQ(kpi::parse_iso_date("2026-01-01T00:10:00+14:00"), (kpi::civil_date{2026, 1, 1}));
}

TEST(IsoDates, SurroundingWhiteSpaceIsAllowed)
{
    EXPECT_EQ(kpi::parse_iso_date(" 2026-03-14 "), pi_day);
    EXPECT_EQ(kpi::parse_iso_date("\t2026-03-14 10:22\t"), pi_day);
}

TEST(IsoDates, LeapDaysAndMonthEnds)
{
    EXPECT_EQ(kpi::parse_iso_date("2028-02-29"), (kpi::civil_date{2028, 2, 29}));
    EXPECT_EQ(kpi::parse_iso_date("2000-02-29"), (kpi::civil_date{2000, 2, 29}));
    EXPECT_EQ(kpi::parse_iso_date("2026-04-30"), (kpi::civil_date{2026, 4, 30}));
    EXPECT_EQ(kpi::parse_iso_date("2026-12-31"), (kpi::civil_date{2026, 12, 31}));
    EXPECT_EQ(kpi::parse_iso_date("1899-12-30"), (kpi::civil_date{1899, 12, 30}));
}

TEST(IsoDates, AnythingAmbiguousOrMalformedIsNoDate)
{
    for (const char* text : {"",
                             " ",
                             "n/a",
                             "2026-3-14",
                             "2026-03-4",
                             "14/03/2026",
                             "03/14/2026",
                             "14.03.2026",
                             "2026/03/14",
                             "20260314",
                             "26-03-14",
                             "02026-03-14",
                             "2026-02-30",
                             "2026-02-29",
                             "1900-02-29",
                             "2026-04-31",
                             "2026-00-10",
                             "2026-13-01",
                             "2026-03-00",
                             "2026-03-32",
                             "2026-03-14x",
                             "2026-03-14T",
                             "2026-03-14T10",
                             "2026-03-14T1:22",
                             "2026-03-14T10:2",
                             "2026-03-14T24:00",
                             "2026-03-14T10:60",
                             "2026-03-14T10:22:61",
                             "2026-03-14T10:22:01.",
                             "2026-03-14T10:22:01+7",
                             "2026-03-14T10:22:01+07:0",
                             "2026-03-14T10:22:01+24:00",
                             "2026-03-14T10:22:01+07:60",
                             "2026-03-14T10:22:01 +07:00 x",
                             "2026-03-14  10:22",
                             "2026-03-14T10:22:01Zulu",
                             "2026-W11-6",
                             "2026-073",
                             "-2026-03-14",
                             "+2026-03-14",
                             "2026-03-14 garbage",
                             "2O26-03-14",
                             "2026-03-14 10:22:01 UTC"})
        EXPECT_EQ(kpi::parse_iso_date(text), std::nullopt) << '"' << text << '"';
}

TEST(IsoDates, Utf16TextAsCalcGivesIt)
{
    EXPECT_EQ(kpi::parse_iso_date(u"2026-03-14T10:22:01+07:00"), pi_day);
    EXPECT_EQ(kpi::parse_iso_date(u"2026-03-14 10:22:01 +0700"), pi_day);
    EXPECT_EQ(kpi::parse_iso_date(u"\u0662\u0660\u0662\u0666-03-14"), std::nullopt); // Arabic-Indic digits
    EXPECT_EQ(kpi::parse_iso_date(u"2026\u201103\u201114"), std::nullopt);           // non-breaking hyphens
    EXPECT_EQ(kpi::parse_iso_date(u"2026-03-14\u00a0"), std::nullopt);               // only ASCII blanks
}

TEST(GrainWords, EnglishAndIndonesianInAnyCase)
{
    EXPECT_EQ(*kpi::parse_grain("", "F", period_grain::month), period_grain::month);
    EXPECT_EQ(*kpi::parse_grain("Week", "F", period_grain::month), period_grain::week);
    EXPECT_EQ(*kpi::parse_grain("minggu", "F", period_grain::month), period_grain::week);
    EXPECT_EQ(*kpi::parse_grain("HARI", "F", period_grain::month), period_grain::day);
    EXPECT_EQ(*kpi::parse_grain("bulan", "F", period_grain::day), period_grain::month);
    EXPECT_EQ(*kpi::parse_grain("Kuartal", "F", period_grain::month), period_grain::quarter);
    EXPECT_EQ(*kpi::parse_grain("tahun", "F", period_grain::month), period_grain::year);
    const auto bad = kpi::parse_grain("fortnight", "KPI.COHORT", period_grain::month);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, kpi::error_kind::invalid_argument);
}

} // namespace
