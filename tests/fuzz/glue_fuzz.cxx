// The glue's argument conversion (addin/calc_values.hxx) on random UNO values, as Calc or a macro may pass
// them: nested sequences of any, ragged rows, strings of any length and content, NaN, infinities, denormals,
// booleans, void, integers of every width, structs, types and references. Contract:
// - number(): a double as it is, a boolean as 0/1, a range as the compensated SUM of its numeric cells (#NUM!
//   when that overflows), text and void #VALUE!, anything else #VALUE! or its numeric value;
// - values(), ids(), column(), dates(): one entry per cell (ragged rows included), values in row order at
//   their positions inside the shape, IDs of the table (and the same ones read twice), ISO text dates as
//   whole days, NaN for the other cells; void is #VALUE!;
// - the value Calc gets from call(): a finite number or an error value carrying one of the codes of the
//   five error kinds; arrays rectangular, each cell empty or such a value; everything the same twice;
// - null_date_of: a calendar date whatever the document answers.
#include "calc_values.hxx"

#include "fuzz_support.hpp"

#include <kpi/customer_value.hpp>
#include <kpi/ratios.hpp>
#include <kpi/raw_data.hpp>
#include <kpi/satisfaction.hpp>
#include <kpi/sum.hpp>
#include <kpi/targets.hpp>

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/Date.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ustring.hxx>

namespace {

namespace uno = css::uno;
using namespace kpi;
using namespace kpi::fuzz;
using kpi::calc::arguments;
using cell_rows = uno::Sequence<uno::Sequence<uno::Any>>;

constexpr const char* function = "KPI.FUZZ";

// ---- random UNO values ----

rtl::OUString text_of(std::u16string_view units)
{
    // sal_Unicode is sal_uInt16 outside LibreOffice's own code
    return rtl::OUString(reinterpret_cast<const sal_Unicode*>(units.data()),
                         static_cast<sal_Int32>(units.size()));
}

rtl::OUString any_string(FuzzedDataProvider& in)
{
    static constexpr const char16_t* words[] = {u"",
                                                u" ",
                                                u"123",
                                                u" 123 ",
                                                u"1.5",
                                                u"Ana@x.id",
                                                u"ANA@X.ID ",
                                                u"2026-03-14",
                                                u"2026-03-14 10:22",
                                                u"2026-03-14T10:22:01+07:00",
                                                u"2026-02-30",
                                                u"14/03/2026",
                                                u"month",
                                                u"Bulan",
                                                u"overall",
                                                u"revenue",
                                                u"\u00a0\u3000",
                                                u"\xd83d\xde00",
                                                u"\xd800"};
    switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return text_of(in.PickValueInArray(words));
    case 1: {
        // Any UTF-16 units: lone surrogates, NUL, non-characters.
        std::u16string units(in.ConsumeIntegralInRange<std::size_t>(0, 16), u' ');
        for (char16_t& u : units)
            u = in.ConsumeIntegral<char16_t>();
        return text_of(units);
    }
    case 2: {
        // A long text: a word repeated up to 30,000 units.
        const std::u16string_view word = in.PickValueInArray(words);
        std::u16string text;
        for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 30000);
             text.size() < n && !word.empty();)
            text += word;
        return text_of(text);
    }
    default: {
        const std::string bytes = in.ConsumeRandomLengthString(24);
        return rtl::OStringToOUString(rtl::OString(bytes.data(), static_cast<sal_Int32>(bytes.size())),
                                      RTL_TEXTENCODING_UTF8);
    }
    }
}

uno::Any any_value(FuzzedDataProvider& in, int depth);

/// A range as Calc passes it (rows of cells), or ragged as a macro may make it.
cell_rows any_range(FuzzedDataProvider& in, int depth)
{
    const auto rows = in.ConsumeIntegralInRange<sal_Int32>(0, in.ConsumeBool() ? 3 : 40);
    const auto width = in.ConsumeIntegralInRange<sal_Int32>(0, 5);
    const bool ragged = in.ConsumeIntegralInRange(0, 5) == 0;
    cell_rows range(rows);
    for (sal_Int32 r = 0; r < rows; ++r) {
        uno::Sequence<uno::Any> row(ragged ? in.ConsumeIntegralInRange<sal_Int32>(0, 6) : width);
        for (sal_Int32 c = 0; c < row.getLength(); ++c)
            row.getArray()[c] = any_value(in, depth + 1);
        range.getArray()[r] = row;
    }
    return range;
}

uno::Any any_value(FuzzedDataProvider& in, int depth)
{
    // Cells of ranges are mostly what Calc gives (numbers, text, empty); arguments anything.
    const int most = depth > 0 ? 4 : 17;
    switch (in.ConsumeIntegralInRange(0, depth > 2 ? 3 : most)) {
    case 0:
        return {};
    case 1:
    case 2:
        return uno::Any(in.ConsumeBool() ? static_cast<double>(in.ConsumeIntegralInRange(-5, 60))
                                         : any_double(in));
    case 3:
        return uno::Any(any_string(in));
    case 4:
        if (depth > 0 && in.ConsumeIntegralInRange(0, 7) != 0)
            return uno::Any(46000.0 + in.ConsumeIntegralInRange(0, 400)); // a date
        return uno::Any(in.ConsumeBool());
    case 5:
    case 6:
    case 7:
        return uno::Any(any_range(in, depth));
    case 8:
        return uno::Any(in.ConsumeIntegral<sal_Int32>());
    case 9:
        return uno::Any(in.ConsumeIntegral<sal_Int16>());
    case 10:
        return uno::Any(in.ConsumeIntegral<sal_Int64>());
    case 11:
        return uno::Any(static_cast<float>(any_double(in)));
    case 12:
        return uno::Any(in.ConsumeIntegral<sal_Int8>());
    case 13: {
        // A one-dimensional sequence of any, or of doubles or strings.
        uno::Sequence<uno::Any> cells(in.ConsumeIntegralInRange<sal_Int32>(0, 5));
        for (sal_Int32 c = 0; c < cells.getLength(); ++c)
            cells.getArray()[c] = any_value(in, depth + 1);
        if (in.ConsumeBool())
            return uno::Any(cells);
        const double numbers[] = {1.0, any_double(in)};
        const rtl::OUString text = any_string(in);
        return in.ConsumeBool() ? uno::Any(uno::Sequence<double>(numbers, 2))
                                : uno::Any(uno::Sequence<rtl::OUString>(&text, 1));
    }
    case 14: {
        const double numbers[] = {1.0, any_double(in)};
        const uno::Sequence<double> row(numbers, 2);
        return uno::Any(uno::Sequence<uno::Sequence<double>>(&row, 1));
    }
    case 15:
        return uno::Any(css::util::Date(in.ConsumeIntegral<sal_uInt16>(), in.ConsumeIntegral<sal_uInt16>(),
                                        in.ConsumeIntegral<sal_Int16>()));
    case 16:
        return uno::Any(cppu::UnoType<double>::get());
    default: {
        // Three levels: a range inside a range's cell.
        const cell_rows inner = any_range(in, depth + 1);
        return uno::Any(uno::Sequence<cell_rows>(&inner, 1));
    }
    }
}

// ---- what the glue must give ----

/// The cells of a range argument, or the single value as a one-cell range.
std::vector<const uno::Any*> cells_of(const uno::Any& value)
{
    std::vector<const uno::Any*> out;
    if (value.getValueType() == cppu::UnoType<cell_rows>::get()) {
        for (const auto& row : *static_cast<const cell_rows*>(value.getValue()))
            for (const auto& cell : row)
                out.push_back(&cell);
        return out;
    }
    out.push_back(&value);
    return out;
}

bool is_range(const uno::Any& value)
{
    return value.getValueType() == cppu::UnoType<cell_rows>::get();
}

double double_of(const uno::Any& cell)
{
    return *static_cast<const double*>(cell.getValue());
}

bool is_double(const uno::Any& cell)
{
    return cell.getValueTypeClass() == uno::TypeClass_DOUBLE;
}

constexpr error_kind kinds[] = {error_kind::division_by_zero, error_kind::invalid_argument,
                                error_kind::no_result, error_kind::wrong_type, error_kind::not_available};

/// What Calc may show: a finite number, or an error value of one of the kinds.
bool calc_value(double value)
{
    if (std::isfinite(value))
        return true;
    const auto code = kpi::calc::error_code_of(value);
    return code && std::any_of(std::begin(kinds), std::end(kinds),
                               [&](error_kind k) { return kpi::calc::calc_error_code(k) == *code; });
}

void check_array(const kpi::calc::array_result& rows, const char* what)
{
    KPI_REQUIRE(rows.getLength() >= 1, what, "an array has a row");
    const sal_Int32 width = rows[0].getLength();
    KPI_REQUIRE(width >= 1, what, "an array has a column");
    for (const auto& row : rows) {
        KPI_REQUIRE(row.getLength() == width, what, "an array is rectangular", row.getLength(), width);
        for (const auto& cell : row)
            KPI_REQUIRE(cell.getValueTypeClass() == uno::TypeClass_VOID ||
                            (is_double(cell) && calc_value(double_of(cell))),
                        what, "an array cell is empty or a Calc value");
    }
}

bool same_array(const kpi::calc::array_result& a, const kpi::calc::array_result& b)
{
    if (a.getLength() != b.getLength())
        return false;
    for (sal_Int32 r = 0; r < a.getLength(); ++r) {
        if (a[r].getLength() != b[r].getLength())
            return false;
        for (sal_Int32 c = 0; c < a[r].getLength(); ++c) {
            const uno::Any &x = a[r][c], &y = b[r][c];
            if (x.getValueTypeClass() != y.getValueTypeClass() ||
                (is_double(x) && !same_bits(double_of(x), double_of(y))))
                return false;
        }
    }
    return true;
}

/// A failure recorded by the readers: of a known kind, naming the function.
void check_failure(const arguments& args, std::optional<error_kind> expected)
{
    if (!expected) {
        KPI_REQUIRE(!args.failure(), "no failure", args.failure()->message);
        return;
    }
    KPI_REQUIRE(args.failure() && args.failure()->kind == *expected &&
                    args.failure()->message.starts_with(std::string(function) + ": "),
                "a failure of the expected kind", to_string(*expected),
                args.failure() ? args.failure()->message : "");
}

void check_number(const uno::Any& value)
{
    arguments args{function};
    const double got = args.number(value, "x");
    const uno::TypeClass type = value.getValueTypeClass();
    if (type == uno::TypeClass_DOUBLE) {
        KPI_REQUIRE(same_bits(got, double_of(value)), "a double is itself", got);
        check_failure(args, std::nullopt);
    } else if (type == uno::TypeClass_BOOLEAN) {
        KPI_REQUIRE(got == (*static_cast<const sal_Bool*>(value.getValue()) ? 1.0 : 0.0),
                    "a boolean is 0 or 1");
        check_failure(args, std::nullopt);
    } else if (type == uno::TypeClass_VOID || type == uno::TypeClass_STRING) {
        check_failure(args, error_kind::wrong_type);
    } else if (is_range(value)) {
        compensated_sum sum;
        for (const uno::Any* cell : cells_of(value))
            if (is_double(*cell))
                sum.add(double_of(*cell));
        if (std::isfinite(sum.value())) {
            KPI_REQUIRE(same_bits(got, sum.value()), "a range is the SUM of its numbers", got, sum.value());
            check_failure(args, std::nullopt);
        } else {
            check_failure(args, error_kind::no_result);
        }
    } else if (args.failure()) {
        check_failure(args, error_kind::wrong_type);
    } else {
        double expected = 0;
        KPI_REQUIRE((value >>= expected) && same_bits(got, expected), "another number type is its value",
                    got);
    }
    // The optional forms: left out (void) is the fallback or nothing.
    arguments optional{function};
    const double fallback = optional.number_or(value, "x", 0.25);
    KPI_REQUIRE(type != uno::TypeClass_VOID || (fallback == 0.25 && !optional.failure()),
                "void is the default");
    KPI_REQUIRE(type != uno::TypeClass_VOID || !optional.optional_number(value, "x"), "void is nothing");
    const bool flag = optional.flag_or(value, "x", true);
    KPI_REQUIRE(type != uno::TypeClass_VOID || (flag && !optional.failure()), "void is the default flag");
}

void check_values(const uno::Any& value)
{
    arguments args{function};
    const kpi::calc::numeric_cells cells = args.values(value, "x");
    if (!is_range(value)) {
        KPI_REQUIRE(cells.rows == 1 && cells.columns == 1 && cells.values.size() == 1 &&
                        cells.positions.size() == 1 && cells.positions[0] == 0,
                    "a single value is a 1x1 range");
        return;
    }
    const auto& rows = *static_cast<const cell_rows*>(value.getValue());
    KPI_REQUIRE(cells.rows == static_cast<std::size_t>(rows.getLength()), "the range's rows", cells.rows);
    std::size_t widest = 0, index = 0;
    for (const auto& row : rows)
        widest = std::max(widest, static_cast<std::size_t>(row.getLength()));
    KPI_REQUIRE(cells.columns == widest, "the range's widest row", cells.columns, widest);
    KPI_REQUIRE(cells.values.size() == cells.positions.size(), "a position per value");
    for (std::size_t r = 0; r < cells.rows; ++r)
        for (sal_Int32 c = 0; c < rows[static_cast<sal_Int32>(r)].getLength(); ++c) {
            const uno::Any& cell = rows[static_cast<sal_Int32>(r)][c];
            if (!is_double(cell))
                continue;
            KPI_REQUIRE(index < cells.values.size() && same_bits(cells.values[index], double_of(cell)) &&
                            cells.positions[index] == r * cells.columns + static_cast<std::size_t>(c),
                        "each number at its place, in row order", r, c, index);
            ++index;
        }
    KPI_REQUIRE(index == cells.values.size(), "only the numbers are values", index, cells.values.size());
    check_failure(args, std::nullopt);
}

void check_ids(const uno::Any& value)
{
    arguments args{function};
    id_table table;
    const std::vector<std::uint32_t> ids = args.ids(value, "ids", table);
    if (value.getValueTypeClass() == uno::TypeClass_VOID) {
        KPI_REQUIRE(ids.empty(), "void has no IDs");
        check_failure(args, error_kind::wrong_type);
        return;
    }
    check_failure(args, std::nullopt);
    const std::vector<const uno::Any*> cells = cells_of(value);
    KPI_REQUIRE(ids.size() == cells.size(), "one ID per cell", ids.size(), cells.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const uno::TypeClass type = cells[i]->getValueTypeClass();
        const bool can_be_id =
            type == uno::TypeClass_DOUBLE || type == uno::TypeClass_STRING || type == uno::TypeClass_BOOLEAN;
        KPI_REQUIRE(ids[i] == id_table::no_id ? true : (can_be_id && ids[i] < table.size()),
                    "an ID of the table, from a number, text or boolean", i, ids[i], table.size());
        if (type == uno::TypeClass_DOUBLE)
            KPI_REQUIRE((ids[i] == id_table::no_id) == !std::isfinite(double_of(*cells[i])),
                        "every finite number is an ID", i, double_of(*cells[i]));
    }
    const std::size_t size = table.size();
    const std::vector<std::uint32_t> again = args.ids(value, "ids", table);
    KPI_REQUIRE(again == ids && table.size() == size, "the same IDs read twice");
    const result<double> distinct = distinct_count(ids, table.size());
    KPI_REQUIRE(distinct && *distinct == static_cast<double>(table.size()),
                "KPI.DISTINCT counts the table's IDs", distinct, table.size());
}

void check_columns(const uno::Any& value, civil_date null_date)
{
    arguments args{function};
    const std::vector<double> column = args.column(value, "amounts");
    const std::vector<double> dates = args.dates(value, "dates", null_date);
    if (value.getValueTypeClass() == uno::TypeClass_VOID) {
        KPI_REQUIRE(column.empty() && dates.empty(), "void has no cells");
        check_failure(args, error_kind::wrong_type);
        arguments optional{function};
        KPI_REQUIRE(!optional.optional_column(value, "amounts") && !optional.failure(), "void is no column");
        return;
    }
    check_failure(args, std::nullopt);
    const std::vector<const uno::Any*> cells = cells_of(value);
    KPI_REQUIRE(column.size() == cells.size() && dates.size() == cells.size(), "one value per cell",
                cells.size());
    const std::int64_t day_zero = days_from_civil(null_date);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const uno::Any& cell = *cells[i];
        if (is_double(cell)) {
            KPI_REQUIRE(same_bits(column[i], double_of(cell)) && same_bits(dates[i], double_of(cell)),
                        "a number is itself", i);
            continue;
        }
        KPI_REQUIRE(std::isnan(column[i]), "a cell without a number is NaN", i, column[i]);
        std::optional<civil_date> date;
        if (cell.getValueTypeClass() == uno::TypeClass_STRING) {
            const auto* text = static_cast<const rtl::OUString*>(cell.getValue());
            date = parse_iso_date(std::u16string_view(reinterpret_cast<const char16_t*>(text->getStr()),
                                                      static_cast<std::size_t>(text->getLength())));
        }
        if (date)
            KPI_REQUIRE(dates[i] == static_cast<double>(days_from_civil(*date) - day_zero),
                        "an ISO text date", i, dates[i]);
        else
            KPI_REQUIRE(std::isnan(dates[i]), "a cell without a date is NaN", i, dates[i]);
    }
}

void check_option(const uno::Any& value)
{
    arguments args{function};
    const period_grain grain = args.option(value, "grain", [](std::string_view word) {
        return parse_grain(word, function, period_grain::month);
    });
    const uno::TypeClass type = value.getValueTypeClass();
    if (type == uno::TypeClass_VOID) {
        KPI_REQUIRE(grain == period_grain::month && !args.failure(), "void is the default option");
        return;
    }
    if (rtl::OUString text; value >>= text) {
        const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
        const auto parsed =
            parse_grain(std::string_view(utf8.getStr(), static_cast<std::size_t>(utf8.getLength())), function,
                        period_grain::month);
        KPI_REQUIRE(parsed ? (grain == *parsed && !args.failure()) : args.failure().has_value(),
                    "a grain word", std::string(utf8.getStr(), static_cast<std::size_t>(utf8.getLength())),
                    utf8.getLength(), static_cast<int>(grain),
                    args.failure() ? args.failure()->message : "no failure");
        return;
    }
    KPI_REQUIRE(args.failure().has_value(), "only a word is an option", static_cast<int>(type));
}

/// A document whose NullDate property is anything, or throws.
class random_document : public cppu::WeakImplHelper1<css::beans::XPropertySet>
{
public:
    random_document(uno::Any null_date, bool throws) : null_date_(std::move(null_date)), throws_(throws) {}
    uno::Reference<css::beans::XPropertySetInfo> SAL_CALL getPropertySetInfo() override { return {}; }
    void SAL_CALL setPropertyValue(const rtl::OUString&, const uno::Any&) override {}
    uno::Any SAL_CALL getPropertyValue(const rtl::OUString&) override
    {
        if (throws_)
            throw css::lang::IllegalArgumentException();
        return null_date_;
    }
    void SAL_CALL addPropertyChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XPropertyChangeListener>&) override
    {
    }
    void SAL_CALL removePropertyChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XPropertyChangeListener>&) override
    {
    }
    void SAL_CALL addVetoableChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XVetoableChangeListener>&) override
    {
    }
    void SAL_CALL removeVetoableChangeListener(
        const rtl::OUString&, const uno::Reference<css::beans::XVetoableChangeListener>&) override
    {
    }

private:
    uno::Any null_date_;
    bool throws_;
};

civil_date check_null_date(FuzzedDataProvider& in)
{
    uno::Any answer =
        in.ConsumeBool()
            ? uno::Any(css::util::Date(in.ConsumeIntegral<sal_uInt16>(), in.ConsumeIntegral<sal_uInt16>(),
                                       in.ConsumeIntegral<sal_Int16>()))
            : any_value(in, 0);
    const uno::Reference<css::beans::XPropertySet> document(new random_document(answer, in.ConsumeBool()));
    const civil_date date =
        kpi::calc::null_date_of(in.ConsumeIntegralInRange(0, 7) == 0 ? nullptr : document);
    KPI_REQUIRE(date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31,
                "a null date is a date", date.year, date.month, date.day);
    return date;
}

// ---- whole functions, as kpi_addin.cxx calls them ----

double scalar_call(const std::vector<uno::Any>& a, int which, civil_date null_date)
{
    arguments args{function};
    switch (which) {
    case 0:
        return args.call(kpi::conversion_rate, args.number(a[0], "conversions"), args.number(a[1], "leads"));
    case 1:
        return args.call(kpi::customer_lifetime_value, args.number(a[0], "margin"),
                         args.number(a[1], "retention"), args.number(a[2], "discount_rate"),
                         args.number_or(a[3], "timing", 0), args.optional_number(a[4], "periods"));
    case 2:
        return args.call(kpi::net_promoter_score, args.values(a[0], "scores").values);
    case 3:
        return args.call(kpi::customer_satisfaction, args.values(a[0], "scores").values,
                         args.number_or(a[1], "threshold", 4), args.number_or(a[2], "scale_max", 5));
    case 4: {
        id_table table;
        const auto ids = args.ids(a[0], "ids", table);
        return args.call(kpi::distinct_count, ids, table.size());
    }
    case 5: {
        id_table table;
        const auto ids = args.ids(a[0], "ids", table);
        const auto days = args.dates(a[1], "dates", null_date);
        return args.call(kpi::active_count, ids, days, table.size(), args.number(a[2], "period_start"),
                         args.number(a[3], "period_end"));
    }
    case 6: {
        id_table table;
        const auto start = args.ids(a[0], "start_ids", table);
        const auto end = args.ids(a[1], "end_ids", table);
        return args.call(kpi::retention_from_ids, start, end, table.size());
    }
    case 7: {
        const auto seconds = args.column(a[0], "durations_s");
        const auto views = args.column(a[1], "pageviews");
        const auto events = args.optional_column(a[2], "key_events");
        return args.call(kpi::engaged_sessions, seconds, views, kpi::calc::view(events),
                         args.number_or(a[3], "min_seconds", 10));
    }
    case 8: {
        const auto cells = args.values(a[0], "values");
        return args.call([&] { return kpi::relative_trend(cells.values, cells.positions); });
    }
    default:
        return args.call(kpi::target_status, args.number(a[0], "actual"), args.number(a[1], "target"),
                         args.number_or(a[2], "tolerance", 0.05),
                         args.flag_or(a[3], "higher_is_better", true));
    }
}

kpi::calc::array_result array_call(const std::vector<uno::Any>& a, int which, civil_date null_date)
{
    arguments args{function};
    switch (which) {
    case 0: {
        id_table table;
        const auto ids = args.ids(a[0], "customer_ids", table);
        const auto dates = args.dates(a[1], "order_dates", null_date);
        const auto amounts = args.optional_column(a[4], "amounts");
        return args.call(
            [&](period_grain grain, cohort_measure measure) {
                return kpi::cohort_matrix(ids, dates, table.size(), grain, measure, kpi::calc::view(amounts),
                                          null_date);
            },
            args.option(a[2], "grain",
                        [](std::string_view w) { return parse_grain(w, "KPI.COHORT", period_grain::month); }),
            args.option(a[3], "measure", kpi::parse_cohort_measure));
    }
    case 1: {
        id_table table, order_table;
        const auto ids = args.ids(a[0], "customer_ids", table);
        const auto dates = args.dates(a[1], "order_dates", null_date);
        const auto amounts = args.optional_column(a[3], "amounts");
        std::vector<std::uint32_t> orders;
        if (a[4].getValueTypeClass() != uno::TypeClass_VOID)
            orders = args.ids(a[4], "order_ids", order_table);
        const bool with_orders = a[4].getValueTypeClass() != uno::TypeClass_VOID;
        return args.call(
            [&](period_grain grain) {
                return kpi::period_table(ids, dates, table.size(), grain, kpi::calc::view(amounts),
                                         with_orders ? std::optional(order_column{orders, order_table.size()})
                                                     : std::nullopt,
                                         null_date);
            },
            args.option(a[2], "grain", [](std::string_view w) {
                return parse_grain(w, "KPI.PERIODS", period_grain::month);
            }));
    }
    case 2: {
        const auto stages = args.values(a[0], "stage_counts");
        return args.call(
            [&](funnel_mode mode) {
                return kpi::calc::in_shape(stages, kpi::funnel_rates(stages.values, mode));
            },
            args.option(a[1], "mode", kpi::parse_funnel_mode));
    }
    default:
        return args.call(kpi::conversion_interval, args.number(a[0], "conversions"),
                         args.number(a[1], "leads"), args.number_or(a[2], "confidence", 0.95));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    const civil_date null_date = check_null_date(in);
    std::vector<uno::Any> a(5);
    for (uno::Any& value : a) {
        // Arguments of whole functions: mostly ranges and numbers, as Calc passes them.
        value = any_value(in, 0);
        check_number(value);
        check_values(value);
        check_ids(value);
        check_columns(value, null_date);
        check_option(value);
    }
    const int which = in.ConsumeIntegralInRange(0, 13);
    if (which < 10) {
        const double shown = scalar_call(a, which, null_date);
        KPI_REQUIRE(calc_value(shown), "Calc gets a finite number or an error value", which, shown);
        KPI_REQUIRE(same_bits(shown, scalar_call(a, which, null_date)), "the same value twice", which);
    } else {
        const kpi::calc::array_result shown = array_call(a, which - 10, null_date);
        check_array(shown, "an array function");
        KPI_REQUIRE(same_array(shown, array_call(a, which - 10, null_date)), "the same array twice", which);
    }
    return 0;
}
