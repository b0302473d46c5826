#include "calc_values.hxx"

#include <kpi/sum.hpp>

#include <com/sun/star/util/Date.hpp>
#include <rtl/ustring.hxx>

#include <algorithm>
#include <bit>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace uno = css::uno;

namespace kpi::calc {

namespace {

constexpr std::uint64_t quiet_nan_bits = 0x7ff8'0000'0000'0000;

using cell_rows = uno::Sequence<uno::Sequence<uno::Any>>;

/// The range inside an any, read in place (no copy), or nullptr when the any holds no range.
const cell_rows* range_in(const uno::Any& value)
{
    if (value.getValueTypeClass() != uno::TypeClass_SEQUENCE ||
        value.getValueType() != cppu::UnoType<cell_rows>::get())
        return nullptr;
    return static_cast<const cell_rows*>(value.getValue());
}

double double_in(const uno::Any& value)
{
    return *static_cast<const double*>(value.getValue());
}

bool is_empty(const uno::Any& value)
{
    return value.getValueTypeClass() == uno::TypeClass_VOID;
}

/// A one-row array (the SDK's Sequence has no initializer-list constructor).
array_result one_row(std::initializer_list<uno::Any> cells)
{
    const uno::Sequence<uno::Any> row(cells.begin(), static_cast<sal_Int32>(cells.size()));
    return array_result(&row, 1);
}

uno::Any calc_cell(const std::optional<result<double>>& cell)
{
    if (!cell)
        return {};
    return uno::Any(to_calc(*cell));
}

} // namespace

double error_value(std::uint32_t code) noexcept
{
    return std::bit_cast<double>(quiet_nan_bits | code);
}

std::optional<std::uint32_t> error_code_of(double value) noexcept
{
    if (!std::isnan(value))
        return std::nullopt;
    return static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(value) & 0xffff'ffff);
}

double to_calc(const result<double>& outcome) noexcept
{
    if (!outcome)
        return error_value(calc_error_code(outcome.error().kind));
    if (!std::isfinite(*outcome))
        return error_value(calc_error_code(error_kind::no_result));
    return *outcome;
}

array_result to_calc(const result<grid>& outcome)
{
    if (!outcome)
        return one_row({uno::Any(to_calc(result<double>(outcome.error())))});
    const grid& g = *outcome;
    array_result rows(static_cast<sal_Int32>(g.rows));
    auto* row_out = rows.getArray();
    for (std::size_t r = 0; r < g.rows; ++r) {
        uno::Sequence<uno::Any> row(static_cast<sal_Int32>(g.columns));
        auto* cell_out = row.getArray();
        for (std::size_t c = 0; c < g.columns; ++c)
            cell_out[c] = calc_cell(g.cells[r * g.columns + c]);
        row_out[r] = row;
    }
    return rows;
}

array_result to_calc(const result<interval>& outcome)
{
    if (!outcome) {
        const uno::Any e(to_calc(result<double>(outcome.error())));
        return one_row({e, e});
    }
    return one_row({uno::Any(outcome->lower), uno::Any(outcome->upper)});
}

double to_calc(const result<double>& outcome, std::string_view function) noexcept
{
    if (capturing()) [[unlikely]]
        record_errors(function, outcome);
    return to_calc(outcome);
}

array_result to_calc(const result<grid>& outcome, std::string_view function)
{
    if (capturing()) [[unlikely]]
        record_errors(function, outcome);
    return to_calc(outcome);
}

array_result to_calc(const result<interval>& outcome, std::string_view function)
{
    if (capturing()) [[unlikely]]
        record_errors(function, outcome);
    return to_calc(outcome);
}

result<grid> in_shape(const numeric_cells& cells, const result<std::vector<result<double>>>& values)
{
    if (!values)
        return values.error();
    grid out(cells.rows, cells.columns);
    for (std::size_t i = 0; i < values->size() && i < cells.positions.size(); ++i)
        if (cells.positions[i] < out.cells.size())
            out.cells[cells.positions[i]] = (*values)[i];
    return out;
}

void arguments::record(error e)
{
    if (!failure_)
        failure_ = std::move(e);
}

double arguments::number(const uno::Any& value, std::string_view argument)
{
    return guarded([&] { return number_of(value, argument); }); // an error's message allocates
}

double arguments::number_of(const uno::Any& value, std::string_view argument)
{
    switch (value.getValueTypeClass()) {
    case uno::TypeClass_DOUBLE:
        return double_in(value);
    case uno::TypeClass_BOOLEAN:
        return *static_cast<const sal_Bool*>(value.getValue()) ? 1.0 : 0.0;
    case uno::TypeClass_VOID:
        record(fail(error_kind::wrong_type, message_id::argument_missing, function_, {argument}));
        return 0.0;
    case uno::TypeClass_STRING:
        record(fail(error_kind::wrong_type, message_id::argument_is_text, function_, {argument}));
        return 0.0;
    case uno::TypeClass_SEQUENCE:
        if (const cell_rows* rows = range_in(value)) {
            compensated_sum total;
            for (const auto& row : *rows)
                for (const auto& cell : row)
                    if (cell.getValueTypeClass() == uno::TypeClass_DOUBLE)
                        total.add(double_in(cell));
            if (!std::isfinite(total.value())) { // as Calc's SUM: a sum too large to represent is #NUM!
                record(fail(error_kind::no_result, message_id::sum_too_large, function_, {argument}));
                return 0.0;
            }
            return total.value();
        }
        break;
    default:
        if (double number = 0; value >>= number) // other numeric types: long, float ...
            return number;
        break;
    }
    record(fail(error_kind::wrong_type, message_id::not_a_number, function_, {argument}));
    return 0.0;
}

double arguments::number_or(const uno::Any& value, std::string_view argument, double fallback)
{
    return is_empty(value) ? fallback : number(value, argument);
}

std::optional<double> arguments::optional_number(const uno::Any& value, std::string_view argument)
{
    if (is_empty(value))
        return std::nullopt;
    return number(value, argument);
}

bool arguments::flag_or(const uno::Any& value, std::string_view argument, bool fallback)
{
    return is_empty(value) ? fallback : number(value, argument) != 0;
}

numeric_cells arguments::values(const uno::Any& value, std::string_view argument)
{
    return guarded([&] { return values_of(value, argument); });
}

numeric_cells arguments::values_of(const uno::Any& value, std::string_view argument)
{
    numeric_cells out;
    if (const cell_rows* rows = range_in(value)) {
        out.rows = static_cast<std::size_t>(rows->getLength());
        for (const auto& row : *rows) // Calc's ranges are rectangular; a macro's array may be ragged
            out.columns = std::max(out.columns, static_cast<std::size_t>(row.getLength()));
        for (std::size_t r = 0; r < out.rows; ++r) {
            const auto& row = (*rows)[static_cast<sal_Int32>(r)];
            for (sal_Int32 c = 0; c < row.getLength(); ++c) {
                if (row[c].getValueTypeClass() == uno::TypeClass_DOUBLE) {
                    out.values.push_back(double_in(row[c]));
                    out.positions.push_back(r * out.columns + static_cast<std::size_t>(c));
                }
            }
        }
        return out;
    }
    out.rows = out.columns = 1;
    out.values.push_back(number(value, argument));
    out.positions.push_back(0);
    return out;
}

namespace {

/// The number of cells of a range, or 1 for a single value.
std::size_t cell_count(const uno::Any& value)
{
    const cell_rows* rows = range_in(value);
    if (!rows)
        return 1;
    std::size_t count = 0;
    for (const auto& row : *rows)
        count += static_cast<std::size_t>(row.getLength());
    return count;
}

/// Calls visit(cell) for each cell of a range, row by row, or once for a single value.
template <class Visit> void for_each_cell(const uno::Any& value, Visit&& visit)
{
    if (const cell_rows* rows = range_in(value)) {
        for (const auto& row : *rows)
            for (const auto& cell : row)
                visit(cell);
        return;
    }
    visit(value);
}

std::u16string_view text_in(const uno::Any& value)
{
    const auto* text = static_cast<const rtl::OUString*>(value.getValue());
    return {reinterpret_cast<const char16_t*>(text->getStr()), static_cast<std::size_t>(text->getLength())};
}

} // namespace

std::vector<std::uint32_t> arguments::ids(const uno::Any& value, std::string_view argument, id_table& table)
{
    return guarded([&] { return ids_of(value, argument, table); });
}

std::vector<std::uint32_t> arguments::ids_of(const uno::Any& value, std::string_view argument,
                                             id_table& table)
{
    std::vector<std::uint32_t> out;
    if (is_empty(value)) {
        record(fail(error_kind::wrong_type, message_id::argument_missing, function_, {argument}));
        return out;
    }
    out.reserve(cell_count(value));
    for_each_cell(value, [&](const uno::Any& cell) {
        switch (cell.getValueTypeClass()) {
        case uno::TypeClass_DOUBLE:
            out.push_back(table.add_number(double_in(cell)));
            break;
        case uno::TypeClass_STRING:
            out.push_back(table.add_text(text_in(cell)));
            break;
        case uno::TypeClass_BOOLEAN:
            out.push_back(table.add_number(*static_cast<const sal_Bool*>(cell.getValue()) ? 1 : 0));
            break;
        default:
            out.push_back(id_table::no_id);
            break;
        }
    });
    return out;
}

std::vector<double> arguments::column(const uno::Any& value, std::string_view argument)
{
    return guarded([&] { return column_of(value, argument, std::nullopt); });
}

std::vector<double> arguments::dates(const uno::Any& value, std::string_view argument, civil_date null_date)
{
    return guarded([&] { return column_of(value, argument, null_date); });
}

/// One value per cell; with `text_dates` (the null date), ISO 8601 text is read as a date.
std::vector<double> arguments::column_of(const uno::Any& value, std::string_view argument,
                                         std::optional<civil_date> text_dates)
{
    std::vector<double> out;
    if (is_empty(value)) {
        record(fail(error_kind::wrong_type, message_id::argument_missing, function_, {argument}));
        return out;
    }
    constexpr double no_value = std::numeric_limits<double>::quiet_NaN();
    const std::int64_t day_zero = text_dates ? days_from_civil(*text_dates) : 0;
    out.reserve(cell_count(value));
    for_each_cell(value, [&](const uno::Any& cell) {
        switch (cell.getValueTypeClass()) {
        case uno::TypeClass_DOUBLE:
            out.push_back(double_in(cell));
            break;
        case uno::TypeClass_STRING:
            if (const auto date = text_dates ? parse_iso_date(text_in(cell)) : std::nullopt)
                out.push_back(static_cast<double>(days_from_civil(*date) - day_zero));
            else
                out.push_back(no_value);
            break;
        default:
            out.push_back(no_value);
            break;
        }
    });
    return out;
}

std::optional<std::vector<double>> arguments::optional_column(const uno::Any& value,
                                                              std::string_view argument)
{
    if (is_empty(value))
        return std::nullopt;
    return column(value, argument);
}

civil_date null_date_of(const uno::Reference<css::beans::XPropertySet>& document) noexcept
{
    constexpr civil_date calc_default{1899, 12, 30};
    try {
        css::util::Date date;
        if (document.is() && (document->getPropertyValue("NullDate") >>= date) && date.Month >= 1 &&
            date.Month <= 12 && date.Day >= 1 && date.Day <= 31)
            return {date.Year, date.Month, date.Day};
    } catch (...) {
        // a document without the property: Calc's default
    }
    return calc_default;
}

std::string arguments::word(const uno::Any& value, std::string_view argument)
{
    if (is_empty(value))
        return {};
    if (rtl::OUString text; value >>= text) {
        const rtl::OString utf8 = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
        return {utf8.getStr(), static_cast<std::size_t>(utf8.getLength())}; // all of it, NULs included
    }
    if (double number = 0; value >>= number) // a number where a word belongs: its digits, never a valid word
        return std::to_string(number);
    record(fail(error_kind::wrong_type, message_id::not_a_word, function_, {argument}));
    return {};
}

} // namespace kpi::calc
