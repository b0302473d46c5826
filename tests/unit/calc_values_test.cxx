// The glue without an office: UNO argument values in, Calc values out.
#include "calc_values.hxx"

#include <com/sun/star/uno/Sequence.hxx>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <new>
#include <stdexcept>

namespace uno = css::uno;
using kpi::error_kind;
using kpi::calc::arguments;
using kpi::calc::error_code_of;
using rtl::OUString;

namespace {

uno::Any range(std::initializer_list<std::initializer_list<uno::Any>> rows)
{
    uno::Sequence<uno::Sequence<uno::Any>> sequence(static_cast<sal_Int32>(rows.size()));
    auto* out = sequence.getArray();
    for (const auto& row : rows) {
        uno::Sequence<uno::Any> cells(static_cast<sal_Int32>(row.size()));
        std::copy(row.begin(), row.end(), cells.getArray());
        *out++ = cells;
    }
    return uno::Any(sequence);
}

kpi::result<double> divide(double a, double b)
{
    if (b == 0)
        return kpi::fail(error_kind::division_by_zero, "TEST", "b", "is 0");
    return a / b;
}

TEST(ErrorValue, IsANaNThatCarriesCalcsErrorCode)
{
    const double v = kpi::calc::error_value(532);
    EXPECT_TRUE(std::isnan(v));
    EXPECT_EQ(error_code_of(v), 532u);
    EXPECT_EQ(error_code_of(1.5), std::nullopt);
}

TEST(CalcErrorCode, EachKindHasTheErrorTheSpecNames)
{
    EXPECT_EQ(kpi::calc::calc_error_code(error_kind::division_by_zero), 532u); // #DIV/0!
    EXPECT_EQ(kpi::calc::calc_error_code(error_kind::invalid_argument), 502u); // Err:502
    EXPECT_EQ(kpi::calc::calc_error_code(error_kind::no_result), 503u);        // #NUM!
    EXPECT_EQ(kpi::calc::calc_error_code(error_kind::wrong_type), 519u);       // #VALUE!
    EXPECT_EQ(kpi::calc::calc_error_code(error_kind::not_available), 0x7fffu); // #N/A
    EXPECT_EQ(kpi::calc::calc_error_code(error_kind::internal), 514u);         // Err:514
}

TEST(ToCalc, ValuesPassAndErrorsBecomeErrorValues)
{
    EXPECT_EQ(kpi::calc::to_calc(0.25), 0.25);
    EXPECT_EQ(error_code_of(kpi::calc::to_calc(
                  kpi::result<double>(kpi::fail(error_kind::invalid_argument, "F", "x", "bad")))),
              502u);
    EXPECT_EQ(error_code_of(kpi::calc::to_calc(
                  kpi::result<double>(kpi::fail(error_kind::not_available, "F", "x", "bad")))),
              0x7fffu);
}

TEST(ToCalc, NonFiniteValuesNeverReachCalcRaw)
{
    EXPECT_EQ(error_code_of(kpi::calc::to_calc(std::numeric_limits<double>::infinity())), 503u);
    EXPECT_EQ(error_code_of(kpi::calc::to_calc(std::numeric_limits<double>::quiet_NaN())), 503u);
}

TEST(NumberArgument, NumbersAndBooleansAreNumbers)
{
    arguments args{"TEST"};
    EXPECT_EQ(args.number(uno::Any(2.5), "x"), 2.5);
    EXPECT_EQ(args.number(uno::Any(true), "x"), 1.0);
    EXPECT_EQ(args.number(uno::Any(sal_Int32(7)), "x"), 7.0);
    EXPECT_FALSE(args.failure());
}

TEST(NumberArgument, RangeIsTheSumOfItsNumericCells)
{
    arguments args{"TEST"};
    const uno::Any cells = range({{uno::Any(1.0), uno::Any(OUString("text"))}, {uno::Any(), uno::Any(2.5)}});
    EXPECT_EQ(args.number(cells, "x"), 3.5);
    EXPECT_FALSE(args.failure());
}

TEST(NumberArgument, RangeSumIsCompensatedAsCalcsSum)
{
    arguments args{"TEST"};
    EXPECT_EQ(args.number(range({{uno::Any(1e16)}, {uno::Any(1.0)}, {uno::Any(-1e16)}}), "x"), 1.0);
}

TEST(NumberArgument, RangeSumTooLargeIsNumLikeCalcsSum)
{
    arguments args{"TEST"};
    (void)args.number(range({{uno::Any(1e308)}, {uno::Any(1e308)}}), "x");
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->kind, error_kind::no_result);
}

TEST(ValuesArgument, RaggedArraysFromMacrosStayInsideTheirShape)
{
    arguments args{"TEST"};
    const auto cells = args.values(range({{}, {uno::Any(10.0), uno::Any(5.0), uno::Any(1.0)}}), "x");
    EXPECT_EQ(cells.rows, 2u);
    EXPECT_EQ(cells.columns, 3u);
    EXPECT_EQ(cells.positions, (std::vector<std::size_t>{3, 4, 5}));
    const auto shaped = kpi::calc::in_shape(cells, std::vector<kpi::result<double>>{1.0, 0.5, 0.2});
    ASSERT_TRUE(shaped);
    EXPECT_FALSE(shaped->cells[0].has_value());
    EXPECT_EQ(*(*shaped->cells[5]), 0.2);
}

TEST(NumberArgument, EmptyRangeIsZero)
{
    arguments args{"TEST"};
    EXPECT_EQ(args.number(range({}), "x"), 0.0);
    EXPECT_FALSE(args.failure());
}

TEST(NumberArgument, TextGivenDirectlyIsWrongType)
{
    arguments args{"KPI.ROI"};
    (void)args.number(uno::Any(OUString("a")), "gain");
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->kind, error_kind::wrong_type);
    EXPECT_EQ(args.failure()->message, "KPI.ROI: gain is text, not a number");
}

TEST(NumberArgument, MissingArgumentIsWrongType)
{
    arguments args{"KPI.ROI"};
    (void)args.number(uno::Any(), "cost");
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->message, "KPI.ROI: cost is missing");
}

TEST(NumberArgument, OtherTypesAreWrongType)
{
    arguments args{"TEST"};
    (void)args.number(uno::Any(uno::Sequence<OUString>(2)), "x");
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->kind, error_kind::wrong_type);
}

constexpr kpi::civil_date calc_null_date{1899, 12, 30};
constexpr double pi_day = 46095; // 2026-03-14 with Calc's default null date

bool same(const std::vector<double>& got, const std::vector<double>& want)
{
    if (got.size() != want.size())
        return false;
    for (std::size_t i = 0; i < got.size(); ++i)
        if (!(got[i] == want[i] || (std::isnan(got[i]) && std::isnan(want[i]))))
            return false;
    return true;
}

TEST(DatesArgument, IsoTextDatesAreTheDateAsWrittenAndOtherTextIsNoDate)
{
    arguments args{"KPI.COHORT"};
    const double none = std::numeric_limits<double>::quiet_NaN();
    const auto days = args.dates(range({{uno::Any(46023.75)},
                                        {uno::Any(OUString("2026-03-14"))},
                                        {uno::Any(OUString("2026-03-14 10:22"))},
                                        {uno::Any(OUString("2026-03-14T10:22:01+07:00"))},
                                        {uno::Any(OUString("2026-03-14 10:22:01 +0700"))},
                                        {uno::Any(OUString("14/03/2026"))},
                                        {uno::Any(OUString("2026-02-30"))},
                                        {uno::Any(OUString("n/a"))},
                                        {uno::Any()},
                                        {uno::Any(true)}}),
                                 "order_dates", calc_null_date);
    EXPECT_TRUE(same(days, {46023.75, pi_day, pi_day, pi_day, pi_day, none, none, none, none, none}));
    EXPECT_FALSE(args.failure());
}

TEST(DatesArgument, TextDatesFollowTheDocumentsNullDate)
{
    arguments args{"KPI.ACTIVE"};
    const auto days = args.dates(
        range({{uno::Any(OUString("2026-03-14")), uno::Any(OUString("1904-01-02"))}}), "dates", {1904, 1, 1});
    EXPECT_TRUE(same(days, {pi_day - 1462, 1}));
}

TEST(DatesArgument, ASingleTextDateIsOneRow)
{
    arguments args{"KPI.PERIODS"};
    EXPECT_TRUE(same(args.dates(uno::Any(OUString("2026-03-14T00:00:00Z")), "order_dates", calc_null_date),
                     {pi_day}));
}

TEST(DatesArgument, MissingIsWrongType)
{
    arguments args{"KPI.PERIODS"};
    EXPECT_TRUE(args.dates(uno::Any(), "order_dates", calc_null_date).empty());
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->message, "KPI.PERIODS: order_dates is missing");
}

TEST(ColumnArgument, NumberColumnsDoNotReadTextAsDates)
{
    // Durations, page views and amounts are numbers: a text that looks like a date is no number.
    arguments args{"KPI.ENGAGEDSESSIONS"};
    const auto values =
        args.column(range({{uno::Any(12.0)}, {uno::Any(OUString("2026-03-14"))}}), "durations_s");
    ASSERT_EQ(values.size(), 2u);
    EXPECT_EQ(values[0], 12.0);
    EXPECT_TRUE(std::isnan(values[1]));
}

TEST(OptionArgument, TheWholeTextIsTheWordNotWhatComesBeforeANul)
{
    // Found by the glue fuzz target: "month" followed by U+0000 and more was read as "month".
    const sal_Unicode units[] = {'m', 'o', 'n', 't', 'h', 0, 'x'};
    arguments args{"KPI.COHORT"};
    (void)args.option(uno::Any(OUString(units, 7)), "grain", [](std::string_view word) {
        return kpi::parse_grain(word, "KPI.COHORT", kpi::period_grain::month);
    });
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->kind, error_kind::invalid_argument);
}

TEST(NullDate, WithoutADocumentItIsCalcsDefault)
{
    EXPECT_EQ(kpi::calc::null_date_of({}), calc_null_date);
}

TEST(Call, ComputesWhenEveryArgumentIsGood)
{
    arguments args{"TEST"};
    EXPECT_EQ(args.call(divide, args.number(uno::Any(1.0), "a"), args.number(uno::Any(4.0), "b")), 0.25);
}

TEST(Call, CoreErrorsBecomeCalcErrors)
{
    arguments args{"TEST"};
    EXPECT_EQ(error_code_of(args.call(divide, 1.0, 0.0)), 532u);
}

TEST(Call, ArgumentErrorWinsOverTheCoreAndSkipsIt)
{
    arguments args{"TEST"};
    bool called = false;
    const double v = args.call(
        [&](double, double) -> kpi::result<double> {
            called = true;
            return 1.0;
        },
        args.number(uno::Any(OUString("x")), "a"), 0.0);
    EXPECT_EQ(error_code_of(v), 519u);
    EXPECT_FALSE(called);
}

TEST(Call, OutOfMemoryIsTheInternalErrorNotValue)
{
    arguments args{"TEST"};
    const double v = args.call([]() -> kpi::result<double> { throw std::bad_alloc(); });
    EXPECT_EQ(error_code_of(v), 514u); // Err:514, not #VALUE! (which says an argument is text)
}

TEST(Call, AnyOtherExceptionIsTheInternalError)
{
    arguments args{"TEST"};
    EXPECT_EQ(error_code_of(args.call([]() -> kpi::result<double> { throw std::logic_error("a bug"); })),
              514u);
    EXPECT_EQ(error_code_of(args.call([]() -> kpi::result<double> { throw 42; })), 514u);
}

TEST(Call, AnArrayFunctionThatThrowsIsTheInternalErrorInItsCells)
{
    arguments args{"TEST"};
    const auto grid = args.call([]() -> kpi::result<kpi::grid> { throw std::bad_alloc(); });
    ASSERT_EQ(grid.getLength(), 1);
    ASSERT_EQ(grid[0].getLength(), 1);
    EXPECT_EQ(error_code_of(grid[0][0].get<double>()), 514u);

    const auto bounds = args.call([]() -> kpi::result<kpi::interval> { throw std::runtime_error("bug"); });
    ASSERT_EQ(bounds.getLength(), 1);
    ASSERT_EQ(bounds[0].getLength(), 2);
    EXPECT_EQ(error_code_of(bounds[0][0].get<double>()), 514u);
    EXPECT_EQ(error_code_of(bounds[0][1].get<double>()), 514u);
}

TEST(Call, AReaderThatThrowsIsTheInternalErrorAndTheCoreIsNotCalled)
{
    arguments args{"TEST"};
    const auto grain =
        args.option(uno::Any(OUString("month")), "grain",
                    [](std::string_view) -> kpi::result<kpi::period_grain> { throw std::bad_alloc(); });
    ASSERT_TRUE(args.failure());
    EXPECT_EQ(args.failure()->kind, error_kind::internal);
    bool called = false;
    const double v = args.call(
        [&](kpi::period_grain) -> kpi::result<double> {
            called = true;
            return 1.0;
        },
        grain);
    EXPECT_EQ(error_code_of(v), 514u);
    EXPECT_FALSE(called);
}

TEST(Call, AnArgumentErrorBeforeAnInternalFailureIsTheOneShown)
{
    arguments args{"TEST"};
    (void)args.number(uno::Any(OUString("x")), "a"); // #VALUE!, recorded first
    (void)args.option(uno::Any(OUString("month")), "grain",
                      [](std::string_view) -> kpi::result<int> { throw std::bad_alloc(); });
    EXPECT_EQ(error_code_of(args.call([]() -> kpi::result<double> { return 1.0; })), 519u);
}

} // namespace

TEST(ArgumentMessages, TheGluesMessagesComeFromTheCoresTableInBothLanguages)
{
    struct expected
    {
        kpi::message_id id;
        std::string message, english, indonesian;
    };
    const auto check = [](const arguments& args, const expected& want) {
        ASSERT_TRUE(args.failure());
        const kpi::error& e = *args.failure();
        EXPECT_EQ(e.id, want.id);
        EXPECT_EQ(e.message, want.message);
        EXPECT_EQ(kpi::explain(e, kpi::language::en), want.english);
        EXPECT_EQ(kpi::explain(e, kpi::language::id), want.indonesian);
    };
    {
        arguments args{"KPI.ROI"};
        (void)args.number(uno::Any(OUString("0.75")), "cost");
        check(args,
              {kpi::message_id::argument_is_text, "KPI.ROI: cost is text, not a number",
               "KPI.ROI: cost is text, not a number. A number stored as text (often imported, aligned to "
               "the left) counts as text: type it again, or remove spaces and currency signs; in a Calc "
               "that writes decimals with a comma, 0.75 typed with a point is text too.",
               "KPI.ROI: biaya berupa teks, bukan angka. Angka yang tersimpan sebagai teks (sering hasil "
               "impor, rata kiri) dihitung sebagai teks: ketik ulang angkanya, atau hapus spasi dan simbol "
               "mata uangnya; di Calc yang memakai koma desimal, 0.75 yang diketik dengan titik juga teks: "
               "tulis 0,75."});
    }
    {
        arguments args{"KPI.CTR"};
        (void)args.number(uno::Any(), "impressions");
        check(args, {kpi::message_id::argument_missing, "KPI.CTR: impressions is missing",
                     "KPI.CTR: impressions is missing. Fill in the argument: a number, a cell or a range.",
                     "KPI.CTR: tayangan belum diisi. Isi argumen ini: angka, sel, atau rentang sel."});
    }
    {
        arguments args{"KPI.ROAS"};
        (void)args.number(range({{uno::Any(1e308)}, {uno::Any(1e308)}}), "revenue");
        check(args,
              {kpi::message_id::sum_too_large, "KPI.ROAS: revenue sums to more than a number can hold",
               "KPI.ROAS: revenue sums to more than a number can hold. Look for a mistyped number in the "
               "range.",
               "KPI.ROAS: jumlah pendapatan melebihi batas angka. Periksa apakah ada angka yang salah ketik "
               "di rentang itu."});
    }
    {
        arguments args{"KPI.CPC"};
        (void)args.number(uno::Any(uno::Sequence<OUString>(2)), "clicks");
        check(args,
              {kpi::message_id::not_a_number, "KPI.CPC: clicks is not a number or a range of numbers",
               "KPI.CPC: clicks is not a number or a range of numbers. Give a number, a cell or a range of "
               "cells.",
               "KPI.CPC: klik bukan angka atau rentang angka. Isi dengan angka, sel, atau rentang sel."});
    }
    {
        arguments args{"KPI.FUNNEL"};
        (void)args.option(uno::Any(uno::Sequence<OUString>(1)), "mode", kpi::parse_funnel_mode);
        check(args,
              {kpi::message_id::not_a_word, "KPI.FUNNEL: mode is not a word",
               "KPI.FUNNEL: mode is not a word. Give one of the words that the function reference lists, "
               "in quotes.",
               "KPI.FUNNEL: mode bukan kata. Isi dengan salah satu kata yang tercantum di referensi fungsi, "
               "di antara tanda kutip."});
    }
}
