// The builder's report as JSON (Boost.JSON): what was detected, written and warned about. The format is
// documented in the README ("Build a KPI sheet from your workbook").
#pragma once

#include "kpi/sheet/detect.hpp"
#include "kpi/sheet/plan.hpp"

#include <string>
#include <variant>
#include <vector>

namespace kpi::sheet {

/// The value a KPI cell shows after recalculation: a number, or the error text Calc shows ("#DIV/0!").
using shown_value = std::variant<double, std::string>;

/// The report: {"sheet", "tables", "kpis", "periods", "warnings"}. Without a plan (detection only) "sheet"
/// is null and "kpis" empty. `values` holds one shown value per plan.kpis entry, in order.
[[nodiscard]] std::string report_json(const std::vector<table>& tables, const sheet_plan* plan,
                                      const std::vector<shown_value>& values);

} // namespace kpi::sheet
