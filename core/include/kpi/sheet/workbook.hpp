// The sheet builder's view of a workbook: the cells of every sheet as plain values, read once by the
// add-in (or built by a test). Nothing here knows UNO.
#pragma once

#include "kpi/calendar.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::sheet {

/// What a cell holds, as the builder needs to tell it apart.
enum class cell_type : std::uint8_t {
    empty,
    number, ///< a number that is not formatted as a date
    date,   ///< a number formatted as a date or date-time (Calc's CellFlags::DATETIME)
    text,   ///< text, also text that looks like a number or a date ("Rp 150.000", "14/03/2026")
    error,  ///< a formula that shows an error
};

struct cell
{
    cell_type type = cell_type::empty;
    double number =
        0; ///< the value of a number or date cell (a date serial in the workbook's null-date system)
    std::string text; ///< the UTF-8 text of a text cell

    [[nodiscard]] bool is_empty() const noexcept { return type == cell_type::empty; }
    [[nodiscard]] bool is_numeric() const noexcept
    {
        return type == cell_type::number || type == cell_type::date;
    }
};

/// The cells of one sheet from A1 to the end of its used area, row by row.
struct sheet_cells
{
    std::string name;
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<cell> cells; ///< rows * columns cells

    sheet_cells() = default;
    sheet_cells(std::string sheet_name, std::size_t row_count, std::size_t column_count)
        : name(std::move(sheet_name)), rows(row_count), columns(column_count), cells(row_count * column_count)
    {
    }
    [[nodiscard]] const cell& at(std::size_t row, std::size_t column) const
    {
        return cells[row * columns + column];
    }
    [[nodiscard]] cell& at(std::size_t row, std::size_t column) { return cells[row * columns + column]; }
};

struct workbook
{
    std::vector<sheet_cells> sheets;
    civil_date null_date{1899, 12, 30}; ///< day 0 of the workbook's date serials
};

/// The column letters of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA".
[[nodiscard]] std::string column_letters(std::size_t column);

/// A sheet name as a formula writes it: quoted when it is not a plain identifier ('Data 2024'.A1), with
/// quotes doubled.
[[nodiscard]] std::string quoted_sheet_name(std::string_view name);

/// An absolute reference in Calc's formula syntax: $Orders.$B$2:$B$1001 (0-based rows and columns, both
/// ends included); a single cell when first == last.
[[nodiscard]] std::string absolute_range(std::string_view sheet, std::size_t first_row,
                                         std::size_t first_column, std::size_t last_row,
                                         std::size_t last_column);

} // namespace kpi::sheet
