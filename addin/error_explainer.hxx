// Explain Error: why a cell with a KPI formula shows an error, in English or Indonesian. The service
// org.kpifunctions.ErrorExplainer (idl/XErrorExplainer.idl) gives the reason to macros and tests; the command
// Data > KPI > Explain Error (addin/menu_command.cxx) shows it in a message box.
//
// How: the cell's formula is set again on the same cell (or its array formula on the same range) while an
// error_capture (error_capture.hxx) records what the core reports, with the document's undo manager locked
// and its modified state restored. The innermost failing KPI call is what Calc shows, and the last error of
// the cell's Calc error is taken. When no KPI call failed, the arguments of the KPI calls are computed on the
// same cell one by one to find the one that brought the error (a single cell's error passes through without
// calling the add-in; a range holding an error cell is Err:504 before the call).
#pragma once

#include <kpi/result.hpp>

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace kpi::explainer {

/// The implementation (and service) name, as kpi.components names it.
inline constexpr char error_explainer_implementation_name[] = "org.kpifunctions.ErrorExplainer";

/// The component factory of the service, acquired once for component_getFactory, or null.
[[nodiscard]] void* error_explainer_factory();

/// What there is to say about a cell.
enum class finding {
    not_an_error,    ///< the cell shows no error
    no_kpi_function, ///< it shows an error, but its formula calls no KPI function
    explained,       ///< a KPI error: the text says why
};

struct explanation
{
    finding what = finding::not_an_error;
    std::string text; ///< the reason (explained), else the sentence the command shows; UTF-8
};

/// Explains the one cell `cell` in `lang`. `document` is the cell's document when the caller knows it (the
/// command); when null, the open spreadsheet documents that may hold the cell are searched (the service,
/// which gets a cell only) and each of them is kept unchanged.
[[nodiscard]] explanation explain_cell(const css::uno::Reference<css::uno::XComponentContext>& context,
                                       const css::uno::Reference<css::frame::XModel>& document,
                                       const css::uno::Reference<css::table::XCellRange>& cell,
                                       language lang);

/// Explains the selected cell of a spreadsheet view in the office's UI language: the cell itself, or the
/// first cell of a selected range. The text says so when nothing is selected.
[[nodiscard]] explanation explain_selection(const css::uno::Reference<css::uno::XComponentContext>& context,
                                            const css::uno::Reference<css::frame::XController>& view);

/// Shows `text` in a message box titled Explain Error (Jelaskan Galat) over the view's window.
void show_explanation(const css::uno::Reference<css::uno::XComponentContext>& context,
                      const css::uno::Reference<css::frame::XController>& view, const explanation& found);

/// The title of the command's message box in `lang`: "Explain Error", "Jelaskan Galat".
[[nodiscard]] std::string command_title(language lang);

} // namespace kpi::explainer
