// The plan of a KPI sheet: every cell, array formula, chart, colour scale and print setting the builder
// writes, as plain values. The add-in applies a plan to a document; tests read it without an office.
// Formulas are in the syntax of Calc's XCell::setFormula: English function names, ';' between arguments,
// absolute references with the sheet ($Orders.$B$2:$B$1001).
#pragma once

#include "kpi/calendar.hpp"
#include "kpi/result.hpp"
#include "kpi/sheet/detect.hpp"
#include "kpi/sheet/workbook.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpi::sheet {

/// The language of the sheet's labels.
enum class language { en, id };

/// Reads "en"/"english"/"id"/"indonesian"/"indonesia"/"bahasa indonesia" (any case); nothing for others.
[[nodiscard]] std::optional<language> parse_language(std::string_view word) noexcept;

struct build_options
{
    period_grain grain = period_grain::month;
    language labels = language::en;
    std::string sheet_name = "KPI";
};

/// How a written cell looks. The add-in maps each to fonts, fills and borders.
enum class cell_style {
    title,       ///< the sheet's title
    subtitle,    ///< the line under the title: data, period, as-of date
    section,     ///< a section heading: Sales, Acquisition, Web, Customers, Satisfaction
    header,      ///< a column heading of a table
    label,       ///< a KPI's name
    value,       ///< a KPI's value
    period,      ///< the period a KPI refers to
    total_label, ///< the label of a total row
    total_value, ///< a value of a total row
    status,      ///< a KPI.STATUS word or symbol
    note,        ///< a small grey note: legend, source of the data
};

struct plan_cell
{
    std::size_t row = 0;
    std::size_t column = 0;
    std::string content; ///< a formula when it starts with '=', else text
    cell_style style = cell_style::label;
    std::string format; ///< a number format code with English keywords ("#,##0", "0.0%", "MMM YYYY"), or ""
};

/// One array formula over rows x columns cells, with a number format per column.
struct plan_array
{
    std::size_t row = 0;
    std::size_t column = 0;
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::string formula;
    std::vector<std::string> column_formats; ///< one per column, "" for the default
};

/// A chart of columns of the sheet: the first data column gives the categories (periods), the others are
/// series; bar series on the primary axis, line series on the secondary.
struct plan_chart
{
    std::string name; ///< unique on the sheet
    std::string title;
    std::size_t anchor_row = 0; ///< the cell area the chart covers
    std::size_t anchor_column = 0;
    std::size_t anchor_rows = 0;
    std::size_t anchor_columns = 0;
    std::size_t first_row = 0; ///< the data rows (without headings), inclusive
    std::size_t last_row = 0;
    std::size_t category_column = 0;
    std::size_t bar_column = 0;  ///< e.g. revenue
    std::size_t line_column = 0; ///< e.g. active customers, on the secondary axis
    std::string bar_label;
    std::string line_label;
};

/// A three-colour scale (low red, middle yellow, high green) over a block of cells.
struct plan_color_scale
{
    std::size_t first_row = 0;
    std::size_t first_column = 0;
    std::size_t last_row = 0;
    std::size_t last_column = 0;
};

/// A KPI the report lists: its id ("orders.aov"), label and cell.
struct plan_kpi
{
    std::string id;
    std::string label;
    std::size_t row = 0;
    std::size_t column = 0;
    std::string formula;
};

/// The monitoring table by period: where it is and what its columns are.
struct plan_periods
{
    std::size_t first_row = 0; ///< the first data row (below the headings)
    std::size_t first_column = 0;
    std::size_t rows = 0;
    std::vector<std::string> column_ids; ///< "period", "active_customers", "new_customers" ...
    period_grain grain = period_grain::month;
};

struct sheet_plan
{
    std::string sheet_name;
    std::vector<plan_cell> cells;
    std::vector<plan_array> arrays;
    std::vector<plan_chart> charts;
    std::vector<plan_color_scale> color_scales;
    std::vector<std::pair<std::size_t, int>> column_widths; ///< column, width in 1/100 mm
    std::size_t last_row = 0; ///< the print range is A1 to (last_row, last_column)
    std::size_t last_column = 0;
    /// The pages down that the print range fills: 1, or 0 for as many as its rows need at the page's width
    /// (a long sheet, such as a year's monitoring table by day, would print too small to read on one page).
    std::size_t pages_tall = 1;
    std::vector<plan_kpi> kpis;
    std::optional<plan_periods> periods;
    std::vector<warning> warnings; ///< the tables' warnings and the plan's own
};

/// The plan of the KPI sheet for the detected (and corrected) tables.
/// Errors: no_result when no table of a known kind is usable ("no recognisable table").
[[nodiscard]] result<sheet_plan> plan_sheet(const workbook& book, const std::vector<table>& tables,
                                            const build_options& options);

} // namespace kpi::sheet
