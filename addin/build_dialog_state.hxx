// The state of the Build KPI Sheet dialog as plain C++, without UNO: the tables that detection found (read
// from the JSON report of org.kpifunctions.SheetBuilder's detect), what the user chose for each, and the
// Override options that turn the detection into those choices. addin/menu_command.cxx shows this state in
// the dialog; the unit tests pin it down without an office.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::menu {

/// A column to which detection gave a role: {"column": "C", "header": "Username (Pembeli)"}.
struct detected_column
{
    std::string role;
    std::string letters;
    std::string header;
};

/// A table of the detect report.
struct detected_table
{
    std::string name;           ///< "Orders", "Orders#2": the name an Override uses
    std::string sheet;          ///< the sheet it is on
    std::string range;          ///< its data rows without the header: "A2:F101"
    std::string kind;           ///< "orders" ... or "unknown"
    std::size_t header_row = 0; ///< 1-based row of the header; 0 when the report does not say
    std::size_t rows = 0;       ///< data rows; 0 when the report does not say
    std::vector<detected_column> columns;

    /// The column detection gave `role`, or nullptr.
    [[nodiscard]] const detected_column* find(std::string_view role) const noexcept;
};

/// Something in the data that would give a plausible wrong number, as the report states it.
struct detected_warning
{
    std::string sheet;
    std::string column; ///< letters, empty for the table as a whole
    std::string code;   ///< "text_amounts", "text_dates" ...
    std::size_t rows = 0;
    std::string message; ///< English
};

struct detection
{
    std::vector<detected_table> tables;
    std::vector<detected_warning> warnings;
};

/// Reads the report of XSheetBuilder::detect. Throws std::runtime_error saying what is wrong when the text
/// is not JSON or lacks "tables".
[[nodiscard]] detection parse_detection(std::string_view report);

/// The name of the KPI sheet a build report says it wrote ("sheet"), empty when it names none.
[[nodiscard]] std::string built_sheet(std::string_view report);

/// The kinds the dialog's kind list offers after "(not used)", in the list's order (BuildSheet.xdl).
[[nodiscard]] const std::vector<std::string>& offered_kinds();

/// The roles of a kind, required ones first; empty for "unknown" or an unknown name.
[[nodiscard]] std::vector<std::string> kind_roles(std::string_view kind);

/// Whether a build of `kind` works without a column for `role`.
[[nodiscard]] bool is_optional_role(std::string_view kind, std::string_view role);

/// The cells of a range such as "A2:F101", 0-based and inclusive.
struct cell_span
{
    std::size_t first_column = 0;
    std::size_t first_row = 0;
    std::size_t last_column = 0;
    std::size_t last_row = 0;
};

/// Reads "A2:F101" (or "$A$2:$F$101"); nullopt when it is not a range of that shape.
[[nodiscard]] std::optional<cell_span> parse_range(std::string_view range);

/// Column letters of a 0-based column index: 0 -> "A", 26 -> "AA".
[[nodiscard]] std::string column_letters(std::size_t column);

/// What the user chose for one table: a kind (empty: not used) and per role a column's letters (empty: none).
struct table_choice
{
    std::string kind;
    std::map<std::string, std::string> columns;
};

/// The choice that keeps the detection as it is.
[[nodiscard]] table_choice detected_choice(const detected_table& table);

/// The choice after the user picked another kind: the roles of the new kind keep the columns detection gave
/// the same role names (a date stays a date), the others start empty.
[[nodiscard]] table_choice choice_for_kind(const detected_table& table, std::string_view kind);

/// The Override option values ("Orders.kind=leads", "Orders.amount=F", "Orders.order=none") that turn the
/// detection of `table` into `choice`: nothing when they agree. A changed kind states every role of the
/// new kind, since detection chose the columns for the old one.
[[nodiscard]] std::vector<std::string> overrides(const detected_table& table, const table_choice& choice);

} // namespace kpi::menu
