// The UNO service org.kpifunctions.SheetBuilder (idl/XSheetBuilder.idl): reads a spreadsheet document into
// the core's plain workbook, lets the core detect its tables and plan the KPI sheet, and writes that plan
// into the document as one undo step. It lives in kpi.uno.so beside the add-in service KPI.
#pragma once

namespace kpi::uno_sheet {

/// The implementation name of the SheetBuilder service, as kpi.components registers it.
inline constexpr char sheet_builder_implementation_name[] = "org.kpifunctions.SheetBuilder";

/// The component factory of the SheetBuilder service, acquired once for component_getFactory, or null.
[[nodiscard]] void* sheet_builder_factory();

} // namespace kpi::uno_sheet
