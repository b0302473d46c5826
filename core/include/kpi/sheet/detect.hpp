// Finding the tables of a workbook and what each column holds: the first step of building a KPI sheet.
// Tables are found on every sheet: a header row with columns of data below, also under a title and blank
// rows, with trailing blank rows and a closing total row left out. Each column gets a role from its header
// words (English and Indonesian, tolerant of units, currency signs and punctuation) and its content; the
// roles decide the table's kind.
#pragma once

#include "kpi/result.hpp"
#include "kpi/sheet/workbook.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kpi::sheet {

enum class table_kind {
    orders,    ///< transactions: customer, date, optional order, amount
    leads,     ///< leads: lead, date, optional status
    campaigns, ///< ad campaigns: campaign, cost, optional impressions, clicks, leads, conversions, revenue
    sessions,  ///< one row per web session: duration, pageviews, optional key_events, date
    traffic,   ///< aggregated web analytics: sessions, optional engaged_sessions, pageviews, date
    survey,    ///< survey answers: score
    targets,   ///< KPI targets: kpi (a KPI's name or id), target
    unknown,   ///< a table of no kind above: reported, not used
};

enum class column_role {
    customer,
    date,
    order,
    amount,
    lead,
    status,
    campaign,
    cost,
    impressions,
    clicks,
    leads,
    conversions,
    revenue,
    duration,
    pageviews,
    key_events,
    sessions,
    engaged_sessions,
    score,
    kpi,
    target,
};

/// The names used in reports and options: "orders", "engaged_sessions" ...
[[nodiscard]] std::string_view to_string(table_kind kind) noexcept;
[[nodiscard]] std::string_view to_string(column_role role) noexcept;
[[nodiscard]] std::optional<table_kind> parse_table_kind(std::string_view name) noexcept;
[[nodiscard]] std::optional<column_role> parse_column_role(std::string_view name) noexcept;

/// The roles of a kind, required ones first.
struct kind_roles
{
    std::vector<column_role> required;
    std::vector<column_role> optional;
};
[[nodiscard]] const kind_roles& roles_of(table_kind kind);

/// Something in the data that would give a plausible wrong number, with the count of affected rows.
struct warning
{
    std::string sheet;
    std::string column; ///< the column's letters ("C"), empty for the table as a whole
    /// What it is about: text_amounts and text_numbers (numbers stored as text), text_dates (not ISO 8601),
    /// number_dates (yyyymmdd numbers), id_as_amount, missing_dates (a customer or lead without a date),
    /// error_cells, invalid_scores (answers off the survey's scale), cancelled_orders (rows that an order
    /// status column marks as cancelled, refunded or failed: counted all the same); the plan adds its own.
    std::string code;
    std::size_t rows = 0;
    std::string message; ///< English, one sentence, names the column and the count and says what to do
};

struct role_column
{
    column_role role;
    std::size_t column; ///< 0-based column index in the sheet
    std::string header; ///< the header cell's text as written
};

/// How the dates of a date column are stored.
enum class date_storage {
    none,     ///< no date column
    serials,  ///< date cells (or numbers formatted as dates)
    iso_text, ///< ISO 8601 text (2026-03-14, 2026-03-14 10:22:01): read by the raw-data functions
    mixed,    ///< date cells and ISO text
    other,    ///< other text dates (14/03/2026) or yyyymmdd numbers: the raw-data functions skip them; warned
};

/// The order of day, month and year in text dates that are not ISO 8601.
enum class date_order {
    unknown, ///< not told: no such dates, or every one could be read both ways (03/04/2026)
    dmy,     ///< 14/03/2026, 14 Mar 2026
    mdy,     ///< 03/14/2026, Mar 14, 2026
    ymd,     ///< 2026/03/14, 2026-3-14
};

/// "dmy", "mdy", "ymd", "unknown"; parse_date_order reads the first three (any case), as --date-order does.
[[nodiscard]] std::string_view to_string(date_order order) noexcept;
[[nodiscard]] std::optional<date_order> parse_date_order(std::string_view name) noexcept;

struct table
{
    std::size_t sheet = 0; ///< index in workbook::sheets
    std::string sheet_name;
    std::size_t header_row = 0;       ///< 0-based
    std::size_t first_row = 0;        ///< first data row, 0-based
    std::size_t last_row = 0;         ///< last data row (a total row below is excluded), 0-based, inclusive
    std::size_t first_column = 0;     ///< 0-based, inclusive
    std::size_t last_column = 0;      ///< 0-based, inclusive
    std::vector<std::string> headers; ///< one per column first_column...last_column, as written
    table_kind kind = table_kind::unknown;
    std::vector<role_column> columns; ///< the roles found, at most one column per role
    std::string currency;   ///< the money's symbol or code as the export names it ("Rp", "IDR", "$"), or ""
    bool total_row = false; ///< a total row closed the table and was left out
    date_storage dates = date_storage::none;
    date_order text_date_order = date_order::unknown; ///< the order of the date column's other text dates
    unsigned score_scale = 0; ///< survey: 10 for 0-10 answers (NPS), 5 for 1-5 answers (CSAT); else 0
    std::vector<warning> warnings;

    /// The column of a role, if the table has one.
    [[nodiscard]] const role_column* find(column_role role) const noexcept;
    /// The data rows' count.
    [[nodiscard]] std::size_t row_count() const noexcept { return last_row - first_row + 1; }
};

/// Every table of every sheet, in sheet order and top to bottom, left to right within a sheet. Sheets whose
/// names are in `skip_sheets` (the KPI sheet of an earlier build) are not read.
[[nodiscard]] std::vector<table> detect_tables(const workbook& book,
                                               const std::vector<std::string>& skip_sheets = {});

/// A user's correction of a detected table: its kind, or a role's column ("none" removes a role).
/// `table` names the table as the report does: the sheet name, with "#2", "#3" ... for the second and later
/// tables on one sheet.
struct table_override
{
    std::string table;
    std::optional<table_kind> kind;
    std::vector<std::pair<column_role, std::optional<std::size_t>>> columns; ///< nullopt removes the role
};

/// The report's name of a table: "Orders", "Orders#2".
[[nodiscard]] std::string table_name(const std::vector<table>& tables, std::size_t index);

/// Applies the user's corrections, in order, and checks the result. A new kind first gets its roles guessed
/// afresh from the headers and content, as detection would have given them (unknown drops every role); then
/// each listed role moves to its column (a sheet column index, as role_column::column) or, with nullopt, is
/// removed; roles not listed stay. Several overrides may name one table. Currency, date storage, score scale
/// and warnings of every corrected table are recomputed.
/// Errors (invalid_argument, "KPI sheet: ..." naming the table and role): a table that is not among
/// `tables` or whose sheet is not in `book`, a role that is not one of its kind's, a column outside the
/// table, a required role of the kind missing after the corrections.
[[nodiscard]] result<std::vector<table>> apply_overrides(const workbook& book, std::vector<table> tables,
                                                         const std::vector<table_override>& overrides);

/// Reads "F" or "f" or "AA" as a 0-based column index; nothing for other text or more than 3 letters.
[[nodiscard]] std::optional<std::size_t> parse_column_letters(std::string_view letters) noexcept;

} // namespace kpi::sheet
