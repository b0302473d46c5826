// The sheet builder's detection and plan (kpi/sheet/detect.hpp, plan.hpp, report.hpp) against their
// contract, on workbooks written as text so that the seeds can be real exports (corpus/sheet/*.csv):
//   a line "## name" starts a sheet; cells are separated by ',', ';' or tabs; an empty cell is empty, "!..."
//   is an error cell, "@45000" a date cell of that serial number, a number is a number, the rest is text.
// Detection: tables inside their sheet, not overlapping, sorted, with headers, roles of their kind inside the
// table (every required one, or none for unknown), warnings about at most the table's rows; each sheet's
// tables the same when it is detected alone, and when another sheet is skipped; corrections give the same
// invariants or a "KPI sheet:" invalid_argument. Plan: inside its print range, no two cells in one place, no
// cell inside an array, formulas with balanced brackets and quotes, each KPI's cell holding its formula; the
// report is JSON. Everything the same twice.
#include <kpi/sheet/detect.hpp>
#include <kpi/sheet/plan.hpp>
#include <kpi/sheet/report.hpp>

#include "fuzz_support.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <set>

namespace {

using namespace kpi;
using namespace kpi::fuzz;
using namespace kpi::sheet;

constexpr std::size_t max_rows = 3000;
constexpr std::size_t max_columns = 40;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::optional<double> number_in(std::string_view s)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return value;
}

cell cell_of(std::string_view token)
{
    const std::string_view t = trim(token);
    if (t.empty())
        return {};
    if (t.front() == '!')
        return cell{cell_type::error, 0, {}};
    if (t.front() == '@')
        if (const auto serial = number_in(t.substr(1)))
            return cell{cell_type::date, *serial, {}};
    if (const auto number = number_in(t))
        return cell{cell_type::number, *number, {}};
    return cell{cell_type::text, 0, std::string(token)};
}

/// The text with each byte that is not part of valid UTF-8 replaced by '?': the add-in gives the core UTF-8
/// converted from Calc's UTF-16 (rtl's conversion writes '?' for what has no UTF-8).
std::string valid_utf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t length = b < 0x80                 ? 1
                                   : b >= 0xc2 && b <= 0xdf ? 2
                                   : b >= 0xe0 && b <= 0xef ? 3
                                   : b >= 0xf0 && b <= 0xf4 ? 4
                                                            : 0;
        bool valid = length > 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
        if (valid && length >= 3) { // no overlong forms, surrogates or code points past U+10FFFF
            const auto second = static_cast<unsigned char>(text[i + 1]);
            valid = !(b == 0xe0 && second < 0xa0) && !(b == 0xed && second >= 0xa0) &&
                    !(b == 0xf0 && second < 0x90) && !(b == 0xf4 && second >= 0x90);
        }
        if (valid) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out.push_back('?');
            ++i;
        }
    }
    return out;
}

workbook workbook_of(std::string_view input)
{
    const std::string valid = valid_utf8(input);
    std::string_view text = valid;
    workbook book;
    std::vector<std::vector<std::vector<cell>>> sheets;
    std::vector<std::string> names;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (line.starts_with("##")) {
            // Calc's sheet names are unique, whatever their case.
            std::string name(trim(line.substr(2)));
            const auto taken = [&](const std::string& candidate) {
                return std::any_of(names.begin(), names.end(), [&](const std::string& other) {
                    return std::equal(candidate.begin(), candidate.end(), other.begin(), other.end(),
                                      [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
                });
            };
            while (taken(name))
                name += "_2";
            names.push_back(std::move(name));
            sheets.emplace_back();
            continue;
        }
        if (sheets.empty()) {
            names.emplace_back("Sheet1");
            sheets.emplace_back();
        }
        if (sheets.back().size() >= max_rows)
            continue;
        std::vector<cell> row;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= line.size() && row.size() < max_columns; ++i)
            if (i == line.size() || line[i] == ',' || line[i] == ';' || line[i] == '\t') {
                row.push_back(cell_of(line.substr(start, i - start)));
                start = i + 1;
            }
        sheets.back().push_back(std::move(row));
    }
    for (std::size_t s = 0; s < sheets.size(); ++s) {
        std::size_t columns = 0;
        for (const auto& row : sheets[s])
            columns = std::max(columns, row.size());
        sheet_cells out(names[s], sheets[s].size(), columns);
        for (std::size_t r = 0; r < sheets[s].size(); ++r)
            for (std::size_t c = 0; c < sheets[s][r].size(); ++c)
                out.at(r, c) = std::move(sheets[s][r][c]);
        book.sheets.push_back(std::move(out));
    }
    return book;
}

// ---- detection ----

bool same_table(const table& a, const table& b)
{
    const auto same_columns = [](const std::vector<role_column>& x, const std::vector<role_column>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                          [](const role_column& p, const role_column& q) {
                              return p.role == q.role && p.column == q.column && p.header == q.header;
                          });
    };
    const auto same_warnings = [](const std::vector<warning>& x, const std::vector<warning>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const warning& p, const warning& q) {
            return p.sheet == q.sheet && p.column == q.column && p.code == q.code && p.rows == q.rows &&
                   p.message == q.message;
        });
    };
    return a.sheet_name == b.sheet_name && a.header_row == b.header_row && a.first_row == b.first_row &&
           a.last_row == b.last_row && a.first_column == b.first_column && a.last_column == b.last_column &&
           a.headers == b.headers && a.kind == b.kind && same_columns(a.columns, b.columns) &&
           a.currency == b.currency && a.total_row == b.total_row && a.dates == b.dates &&
           a.text_date_order == b.text_date_order && a.score_scale == b.score_scale &&
           same_warnings(a.warnings, b.warnings);
}

bool of_kind(column_role role, table_kind kind)
{
    const kind_roles& roles = roles_of(kind);
    return std::find(roles.required.begin(), roles.required.end(), role) != roles.required.end() ||
           std::find(roles.optional.begin(), roles.optional.end(), role) != roles.optional.end();
}

/// The invariants of one table; `complete` when its kind's required roles must all be there.
void check_table(const workbook& book, const table& t, bool complete)
{
    KPI_REQUIRE(t.sheet < book.sheets.size() && book.sheets[t.sheet].name == t.sheet_name,
                "the table's sheet", t.sheet, t.sheet_name);
    const sheet_cells& s = book.sheets[t.sheet];
    KPI_REQUIRE(t.header_row < t.first_row && t.first_row <= t.last_row && t.last_row < s.rows,
                "rows inside the sheet", t.sheet_name, t.header_row, t.first_row, t.last_row, s.rows);
    KPI_REQUIRE(t.first_column <= t.last_column && t.last_column < s.columns, "columns inside the sheet",
                t.sheet_name, t.first_column, t.last_column, s.columns);
    KPI_REQUIRE(t.headers.size() == t.last_column - t.first_column + 1, "one header per column",
                t.headers.size());
    std::set<column_role> roles;
    for (const role_column& c : t.columns) {
        KPI_REQUIRE(roles.insert(c.role).second, "one column per role", to_string(c.role));
        KPI_REQUIRE(of_kind(c.role, t.kind), "roles of the table's kind", to_string(c.role),
                    to_string(t.kind));
        KPI_REQUIRE(c.column >= t.first_column && c.column <= t.last_column, "role columns inside the table",
                    to_string(c.role), c.column);
        KPI_REQUIRE(c.header == t.headers[c.column - t.first_column], "a role's header is its column's",
                    to_string(c.role), c.header);
    }
    if (t.kind == table_kind::unknown)
        KPI_REQUIRE(t.columns.empty() && t.warnings.empty(), "an unknown table has no roles and no warnings");
    else if (complete)
        for (const column_role role : roles_of(t.kind).required)
            KPI_REQUIRE(t.find(role) != nullptr, "every required role of the kind", to_string(t.kind),
                        to_string(role));
    KPI_REQUIRE(t.score_scale == 0 || t.score_scale == 5 || t.score_scale == 10, "a score scale",
                t.score_scale);
    if (t.find(column_role::date) == nullptr)
        KPI_REQUIRE(t.dates == date_storage::none, "date storage without a date column");
    for (const warning& w : t.warnings)
        KPI_REQUIRE(w.rows >= 1 && w.rows <= t.row_count() && !w.code.empty() && !w.message.empty() &&
                        w.sheet == t.sheet_name,
                    "warnings about the table's rows", w.code, w.rows, t.row_count(), w.message);
}

void check_tables(const workbook& book, const std::vector<table>& tables)
{
    std::set<std::string> names;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const table& t = tables[i];
        check_table(book, t, true);
        KPI_REQUIRE(names.insert(table_name(tables, i)).second, "table names are unique",
                    table_name(tables, i));
        if (i == 0)
            continue;
        const table& p = tables[i - 1];
        KPI_REQUIRE(p.sheet < t.sheet || (p.sheet == t.sheet &&
                                          (p.header_row < t.header_row || (p.header_row == t.header_row &&
                                                                           p.first_column < t.first_column))),
                    "tables in sheet order, top to bottom, left to right", i);
        for (std::size_t j = 0; j < i; ++j) {
            const table& o = tables[j];
            const bool apart = o.sheet != t.sheet || o.last_row < t.header_row || t.last_row < o.header_row ||
                               o.last_column < t.first_column || t.last_column < o.first_column;
            KPI_REQUIRE(apart, "tables do not overlap", table_name(tables, j), table_name(tables, i));
        }
    }
}

/// The detected tables' invariants; with `repeat`, also the same tables a second time, with a sheet on its
/// own, and without it.
void check_detection(const workbook& book, const std::vector<table>& tables, bool repeat, std::size_t chosen)
{
    check_tables(book, tables);
    if (!repeat)
        return;
    const std::vector<table> again = detect_tables(book);
    KPI_REQUIRE(std::equal(tables.begin(), tables.end(), again.begin(), again.end(), same_table),
                "detection differs on a second call");
    if (book.sheets.size() < 2)
        return;
    // One sheet on its own gives the same tables (detection reads one sheet at a time), and skipping it
    // leaves the others' tables.
    const std::size_t s = chosen % book.sheets.size();
    {
        workbook alone;
        alone.null_date = book.null_date;
        alone.sheets.push_back(book.sheets[s]);
        const std::vector<table> own = detect_tables(alone);
        std::vector<table> expected;
        for (const table& t : tables)
            if (t.sheet == s)
                expected.push_back(t);
        KPI_REQUIRE(std::equal(own.begin(), own.end(), expected.begin(), expected.end(), same_table),
                    "a sheet's tables depend on the other sheets", s, own.size(), expected.size());
    }
    {
        const std::string skipped = book.sheets[s].name;
        const std::vector<table> rest = detect_tables(book, {skipped});
        std::vector<table> expected;
        for (const table& t : tables)
            if (book.sheets[t.sheet].name != skipped)
                expected.push_back(t);
        KPI_REQUIRE(std::equal(rest.begin(), rest.end(), expected.begin(), expected.end(), same_table),
                    "skipping a sheet changes the others' tables", skipped);
    }
}

/// A user's corrections, mostly sensible, sometimes not.
std::vector<table_override> corrections_of(const std::vector<table>& tables, std::uint64_t bits)
{
    std::vector<table_override> out;
    const auto take = [&](std::uint64_t n) {
        const std::uint64_t v = bits % n;
        bits /= n;
        return static_cast<std::size_t>(v);
    };
    for (std::size_t n = take(3); n > 0; --n) {
        table_override o;
        const std::size_t index = take(tables.size() + 1);
        o.table = index < tables.size() ? table_name(tables, index) : "Nowhere#7";
        if (take(2) == 0)
            o.kind = static_cast<table_kind>(take(8));
        for (std::size_t k = take(3); k > 0; --k) {
            const auto role = static_cast<column_role>(take(21));
            std::optional<std::size_t> column;
            if (take(3) != 0)
                column =
                    index < tables.size() && take(4) != 0 ? tables[index].first_column + take(8) : take(50);
            o.columns.emplace_back(role, column);
        }
        out.push_back(std::move(o));
    }
    return out;
}

void check_corrections(const workbook& book, const std::vector<table>& tables, std::uint64_t bits)
{
    const std::vector<table_override> corrections = corrections_of(tables, bits);
    const auto corrected = apply_overrides(book, tables, corrections);
    if (!corrected) {
        KPI_REQUIRE(error_of(corrected, error_kind::invalid_argument, "KPI sheet"),
                    corrected.error().message);
        return;
    }
    KPI_REQUIRE(corrected->size() == tables.size(), "corrections keep the tables");
    for (const table& t : *corrected)
        check_table(book, t, true);
}

// ---- plan ----

/// Whether a formula's brackets and quotes close: strings in "..." (with "") and sheet names in '...' (with
/// '') hold anything.
bool balanced(std::string_view formula)
{
    int depth = 0;
    for (std::size_t i = 0; i < formula.size(); ++i) {
        const char c = formula[i];
        if (c == '"' || c == '\'') {
            for (++i;; ++i) {
                if (i >= formula.size())
                    return false;
                if (formula[i] == c) {
                    if (i + 1 < formula.size() && formula[i + 1] == c)
                        ++i;
                    else
                        break;
                }
            }
        } else if (c == '(' || c == '{') {
            ++depth;
        } else if (c == ')' || c == '}') {
            if (--depth < 0)
                return false;
        }
    }
    return depth == 0;
}

bool same_plan(const sheet_plan& a, const sheet_plan& b)
{
    const auto same_cells = [](const plan_cell& p, const plan_cell& q) {
        return p.row == q.row && p.column == q.column && p.content == q.content && p.style == q.style &&
               p.format == q.format;
    };
    const auto same_arrays = [](const plan_array& p, const plan_array& q) {
        return p.row == q.row && p.column == q.column && p.rows == q.rows && p.columns == q.columns &&
               p.formula == q.formula && p.column_formats == q.column_formats;
    };
    const auto same_kpis = [](const plan_kpi& p, const plan_kpi& q) {
        return p.id == q.id && p.label == q.label && p.row == q.row && p.column == q.column &&
               p.formula == q.formula;
    };
    return a.sheet_name == b.sheet_name && a.last_row == b.last_row && a.last_column == b.last_column &&
           std::equal(a.cells.begin(), a.cells.end(), b.cells.begin(), b.cells.end(), same_cells) &&
           std::equal(a.arrays.begin(), a.arrays.end(), b.arrays.begin(), b.arrays.end(), same_arrays) &&
           std::equal(a.kpis.begin(), a.kpis.end(), b.kpis.begin(), b.kpis.end(), same_kpis) &&
           a.charts.size() == b.charts.size() && a.column_widths == b.column_widths &&
           a.warnings.size() == b.warnings.size();
}

void check_plan(const workbook& book, const std::vector<table>& tables, const build_options& options,
                bool repeat)
{
    const auto plan = plan_sheet(book, tables, options);
    if (repeat) {
        const auto again = plan_sheet(book, tables, options);
        KPI_REQUIRE(plan.has_value() == again.has_value() && (!plan || same_plan(*plan, *again)),
                    "the plan differs on a second call");
    }
    if (!plan) {
        KPI_REQUIRE(error_of(plan, error_kind::no_result, "KPI sheet"), plan.error().message);
        return;
    }
    const sheet_plan& p = *plan;
    KPI_REQUIRE(p.sheet_name == options.sheet_name, "the plan's sheet", p.sheet_name);
    std::set<std::pair<std::size_t, std::size_t>> taken;
    for (const plan_cell& c : p.cells) {
        KPI_REQUIRE(c.row <= p.last_row && c.column <= p.last_column, "cells inside the print range", c.row,
                    c.column, c.content);
        KPI_REQUIRE(taken.insert({c.row, c.column}).second, "one cell per place", c.row, c.column, c.content);
        if (c.content.starts_with('='))
            KPI_REQUIRE(balanced(c.content), "a formula's brackets and quotes close", c.content);
    }
    for (const plan_array& a : p.arrays) {
        KPI_REQUIRE(a.rows >= 1 && a.columns >= 1 && a.row + a.rows - 1 <= p.last_row &&
                        a.column + a.columns - 1 <= p.last_column,
                    "arrays inside the print range", a.row, a.column, a.rows, a.columns, a.formula);
        KPI_REQUIRE(a.formula.starts_with('=') && balanced(a.formula), "an array formula", a.formula);
        KPI_REQUIRE(a.column_formats.size() == a.columns, "one format per array column", a.formula);
        for (std::size_t r = a.row; r < a.row + a.rows; ++r)
            for (std::size_t c = a.column; c < a.column + a.columns; ++c)
                KPI_REQUIRE(taken.insert({r, c}).second, "no cell inside an array", r, c, a.formula);
    }
    std::set<std::string> ids;
    for (const plan_kpi& k : p.kpis) {
        KPI_REQUIRE(ids.insert(k.id).second, "KPI ids are unique", k.id);
        const auto cell = std::find_if(p.cells.begin(), p.cells.end(), [&](const plan_cell& c) {
            return c.row == k.row && c.column == k.column;
        });
        KPI_REQUIRE(cell != p.cells.end() && cell->content == k.formula, "a KPI's cell holds its formula",
                    k.id, k.formula);
    }
    std::set<std::string> charts;
    for (const plan_chart& c : p.charts) {
        KPI_REQUIRE(charts.insert(c.name).second, "chart names are unique", c.name);
        KPI_REQUIRE(c.first_row <= c.last_row && c.last_row <= p.last_row &&
                        c.category_column <= p.last_column && c.bar_column <= p.last_column &&
                        c.line_column <= p.last_column,
                    "a chart's data inside the print range", c.name);
    }
    if (p.periods)
        KPI_REQUIRE(p.periods->rows >= 1 && !p.periods->column_ids.empty() &&
                        p.periods->first_row + p.periods->rows - 1 <= p.last_row,
                    "the monitoring table inside the sheet", p.periods->rows);
    // The report: JSON, with a shown value per KPI.
    std::vector<shown_value> values;
    for (std::size_t i = 0; i < p.kpis.size(); ++i)
        values.push_back(i % 3 == 0 ? shown_value{std::string("#DIV/0!")}
                                    : shown_value{static_cast<double>(i) / 7});
    const std::string report = report_json(tables, &p, values);
    boost::system::error_code parse_error;
    const boost::json::value parsed = boost::json::parse(report, parse_error);
    KPI_REQUIRE(!parse_error && parsed.is_object(), "the report is a JSON object", parse_error.message());
    KPI_REQUIRE(report == report_json(tables, &p, values), "the report differs on a second call");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    workbook book = workbook_of(text);
    // Options and corrections from the input's size and last bytes, so that mutations reach all of them.
    std::uint64_t bits = size;
    for (std::size_t i = size >= 8 ? size - 8 : 0; i < size; ++i)
        bits = bits * 131 + data[i];
    if (bits % 7 == 0)
        book.null_date = {1904, 1, 1};
    const std::vector<table> tables = detect_tables(book);
    // Detection is slow under the sanitizers: the checks that detect again run on a third of the inputs.
    const bool repeat = bits % 3 == 0;
    check_detection(book, tables, repeat, bits / 3);
    check_corrections(book, tables, bits / 7);
    build_options options;
    options.grain = static_cast<period_grain>(bits % 5);
    options.labels = bits % 2 == 0 ? kpi::sheet::language::en : kpi::sheet::language::id;
    if (bits % 11 == 0)
        options.sheet_name = "KPI 'report' (draft)";
    check_plan(book, tables, options, repeat);
    static const bool verbose = std::getenv("KPI_FUZZ_VERBOSE") != nullptr; // what a seed is detected as
    if (verbose) {
        std::fprintf(stderr, "%zu sheets, %zu tables:", book.sheets.size(), tables.size());
        for (const table& t : tables)
            std::fprintf(stderr, " %s (%s, %zu rows)", t.sheet_name.c_str(),
                         std::string(to_string(t.kind)).c_str(), t.row_count());
        const auto plan = plan_sheet(book, tables, options);
        std::fprintf(stderr, "; plan: %s\n",
                     plan ? (std::to_string(plan->kpis.size()) + " KPIs").c_str()
                          : plan.error().message.c_str());
    }
    return 0;
}
