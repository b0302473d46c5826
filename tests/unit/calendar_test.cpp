#include <kpi/calendar.hpp>

#include <gtest/gtest.h>

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
