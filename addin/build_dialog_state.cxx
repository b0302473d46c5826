#include "build_dialog_state.hxx"

#include <kpi/sheet/detect.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace kpi::menu {

namespace {

namespace json = boost::json;
namespace sheet = kpi::sheet;

std::string string_of(const json::object& object, std::string_view key)
{
    const json::value* value = object.if_contains(key);
    if (value == nullptr || !value->is_string())
        return {};
    return std::string(value->get_string());
}

std::size_t count_of(const json::object& object, std::string_view key)
{
    const json::value* value = object.if_contains(key);
    if (value == nullptr)
        return 0;
    if (value->is_uint64())
        return static_cast<std::size_t>(value->get_uint64());
    if (value->is_int64() && value->get_int64() > 0)
        return static_cast<std::size_t>(value->get_int64());
    if (value->is_double() && value->get_double() > 0)
        return static_cast<std::size_t>(value->get_double());
    return 0;
}

json::value parse_report(std::string_view report)
{
    boost::system::error_code error;
    json::value value = json::parse(report, error);
    if (error)
        throw std::runtime_error("the sheet builder's report is not JSON: " + error.message());
    if (!value.is_object())
        throw std::runtime_error("the sheet builder's report is not a JSON object");
    return value;
}

/// The core's kind of a name, or nullopt for "unknown" and names of no kind.
std::optional<sheet::table_kind> known_kind(std::string_view name)
{
    const auto kind = sheet::parse_table_kind(name);
    if (!kind || *kind == sheet::table_kind::unknown)
        return std::nullopt;
    return kind;
}

} // namespace

const detected_column* detected_table::find(std::string_view role) const noexcept
{
    const auto found = std::find_if(columns.begin(), columns.end(),
                                    [&](const detected_column& c) { return c.role == role; });
    return found == columns.end() ? nullptr : &*found;
}

detection parse_detection(std::string_view report)
{
    const json::value value = parse_report(report);
    const json::object& root = value.get_object();
    const json::value* tables = root.if_contains("tables");
    if (tables == nullptr || !tables->is_array())
        throw std::runtime_error("the sheet builder's report has no list of tables");

    detection result;
    for (const json::value& entry : tables->get_array()) {
        if (!entry.is_object())
            continue;
        const json::object& object = entry.get_object();
        detected_table table;
        table.name = string_of(object, "name");
        table.sheet = string_of(object, "sheet");
        table.range = string_of(object, "range");
        table.kind = string_of(object, "kind");
        table.header_row = count_of(object, "header_row");
        table.rows = count_of(object, "rows");
        if (table.header_row == 0 || table.rows == 0) {
            if (const auto span = parse_range(table.range)) {
                if (table.header_row == 0)
                    table.header_row = span->first_row; // the row above the data, 1-based
                if (table.rows == 0)
                    table.rows = span->last_row - span->first_row + 1;
            }
        }
        if (const json::value* columns = object.if_contains("columns"); columns && columns->is_object()) {
            for (const auto& [role, column] : columns->get_object()) {
                if (!column.is_object())
                    continue;
                table.columns.push_back({std::string(role), string_of(column.get_object(), "column"),
                                         string_of(column.get_object(), "header")});
            }
        }
        result.tables.push_back(std::move(table));
    }
    if (const json::value* warnings = root.if_contains("warnings"); warnings && warnings->is_array()) {
        for (const json::value& entry : warnings->get_array()) {
            if (!entry.is_object())
                continue;
            const json::object& object = entry.get_object();
            result.warnings.push_back({string_of(object, "sheet"), string_of(object, "column"),
                                       string_of(object, "code"), count_of(object, "rows"),
                                       string_of(object, "message")});
        }
    }
    return result;
}

std::string built_sheet(std::string_view report)
{
    const json::value value = parse_report(report);
    return string_of(value.get_object(), "sheet");
}

const std::vector<std::string>& offered_kinds()
{
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> names;
        for (int k = 0; k < static_cast<int>(sheet::table_kind::unknown); ++k)
            names.emplace_back(sheet::to_string(static_cast<sheet::table_kind>(k)));
        return names;
    }();
    return kinds;
}

std::vector<std::string> kind_roles(std::string_view kind)
{
    std::vector<std::string> roles;
    if (const auto k = known_kind(kind)) {
        const sheet::kind_roles& of_kind = sheet::roles_of(*k);
        for (const sheet::column_role role : of_kind.required)
            roles.emplace_back(sheet::to_string(role));
        for (const sheet::column_role role : of_kind.optional)
            roles.emplace_back(sheet::to_string(role));
    }
    return roles;
}

bool is_optional_role(std::string_view kind, std::string_view role)
{
    const auto k = known_kind(kind);
    const auto r = sheet::parse_column_role(role);
    if (!k || !r)
        return false;
    const auto& optional = sheet::roles_of(*k).optional;
    return std::find(optional.begin(), optional.end(), *r) != optional.end();
}

namespace {

// Reads "$AB$12" from `text` at `position`: the column index and the 1-based row, or false.
bool read_cell(std::string_view text, std::size_t& position, std::size_t& column, std::size_t& row)
{
    auto at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
    if (at(position) == '$')
        ++position;
    std::size_t letters = 0, value = 0;
    for (char c = at(position); (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); c = at(++position)) {
        const std::size_t digit = static_cast<std::size_t>((c | 0x20) - 'a') + 1;
        value = value * 26 + digit;
        if (++letters > 3)
            return false;
    }
    if (letters == 0)
        return false;
    column = value - 1;
    if (at(position) == '$')
        ++position;
    std::size_t digits = 0;
    row = 0;
    for (char c = at(position); c >= '0' && c <= '9'; c = at(++position)) {
        row = row * 10 + static_cast<std::size_t>(c - '0');
        if (++digits > 7)
            return false;
    }
    return digits > 0 && row > 0;
}

} // namespace

std::optional<cell_span> parse_range(std::string_view range)
{
    std::size_t position = 0, row = 0;
    cell_span span;
    if (!read_cell(range, position, span.first_column, row))
        return std::nullopt;
    span.first_row = row - 1;
    if (position == range.size()) {
        span.last_column = span.first_column;
        span.last_row = span.first_row;
        return span;
    }
    if (range[position++] != ':' || !read_cell(range, position, span.last_column, row) ||
        position != range.size())
        return std::nullopt;
    span.last_row = row - 1;
    if (span.last_column < span.first_column || span.last_row < span.first_row)
        return std::nullopt;
    return span;
}

std::string column_letters(std::size_t column)
{
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

table_choice detected_choice(const detected_table& table)
{
    if (!known_kind(table.kind))
        return {};
    return choice_for_kind(table, table.kind);
}

table_choice choice_for_kind(const detected_table& table, std::string_view kind)
{
    table_choice choice;
    if (!known_kind(kind))
        return choice;
    choice.kind = kind;
    for (const std::string& role : kind_roles(kind)) {
        const detected_column* column = table.find(role);
        choice.columns[role] = column ? column->letters : std::string();
    }
    return choice;
}

std::vector<std::string> overrides(const detected_table& table, const table_choice& choice)
{
    std::vector<std::string> result;
    const std::string detected_kind = known_kind(table.kind) ? table.kind : std::string();
    const bool kind_changed = choice.kind != detected_kind;
    if (kind_changed)
        result.push_back(table.name + ".kind=" + (choice.kind.empty() ? "none" : choice.kind));
    if (choice.kind.empty())
        return result;
    for (const std::string& role : kind_roles(choice.kind)) {
        const auto chosen = choice.columns.find(role);
        const std::string letters = chosen == choice.columns.end() ? std::string() : chosen->second;
        const detected_column* detected = table.find(role);
        const std::string detected_letters = detected ? detected->letters : std::string();
        if (kind_changed || letters != detected_letters)
            result.push_back(table.name + "." + role + "=" + (letters.empty() ? "none" : letters));
    }
    return result;
}

} // namespace kpi::menu
