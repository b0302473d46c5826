#include "error_explainer.hxx"

#include "calc_values.hxx"
#include "error_capture.hxx"
#include "ui_language.hxx"
#include "utf8.hxx"

#include <org/kpifunctions/XErrorExplainer.hpp>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XToolkit2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/reflection/ParamInfo.hpp>
#include <com/sun/star/reflection/XIdlClass.hpp>
#include <com/sun/star/reflection/XIdlMethod.hpp>
#include <com/sun/star/reflection/theCoreReflection.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kpi::explainer {

namespace {

namespace uno = css::uno;
using rtl::OString;
using rtl::OUString;

using calc::to_oustring;
using calc::to_utf8;

// The texts come from the core's tables (core/src/messages.cpp): a KPI error's reason from
// kpi::explain(error, language), and what the core never sees (an argument that brought its error along, a
// range holding an error cell, an error from outside the KPI calls, the command's sentences) from
// kpi::explain(context_id, language, parameters), the same table's companion in both languages.

/// Calc's name of an error code, as the cell shows it in an office of that language: the codes without a
/// name of their own are "Err:502" in English and "Galat:502" in Indonesian.
std::string error_name(sal_Int32 code, language lang)
{
    switch (code) {
    case 532:
        return "#DIV/0!";
    case 503:
        return "#NUM!";
    case 519:
        return "#VALUE!";
    case 0x7fff:
        return "#N/A";
    case 521:
        return "#NULL!";
    case 524:
        return "#REF!";
    case 525:
        return "#NAME?";
    default:
        return (lang == language::id ? "Galat:" : "Err:") + std::to_string(code);
    }
}

// ---- the KPI calls of a formula ----

/// A KPI call in a formula's text (English function names, ';' between arguments, as XCell::getFormula
/// gives it): its name and the text of each argument.
struct kpi_call
{
    std::string name; ///< as written: KPI.ROI
    std::size_t start = 0;
    std::vector<std::string> arguments;
};

bool is_name_char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '$';
}

std::string trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0)
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0)
        text.remove_suffix(1);
    return std::string(text);
}

/// Skips a quoted string ("..." with "" inside, or '...' sheet names) that starts at `i`; returns the
/// position after it.
std::size_t skip_quoted(std::string_view formula, std::size_t i)
{
    const char quote = formula[i];
    for (++i; i < formula.size(); ++i) {
        if (formula[i] == quote) {
            if (i + 1 < formula.size() && formula[i + 1] == quote)
                ++i;
            else
                return i + 1;
        }
    }
    return i;
}

/// The KPI calls of a formula, innermost (last opened) first. A name is a KPI call when it starts with
/// "KPI." and an opening parenthesis follows: a reference to a sheet named KPI (KPI.A1) has none.
std::vector<kpi_call> kpi_calls(std::string_view formula)
{
    std::vector<kpi_call> calls;
    for (std::size_t i = 0; i < formula.size();) {
        const char c = formula[i];
        if (c == '"' || c == '\'') {
            i = skip_quoted(formula, i);
            continue;
        }
        const bool starts_name = i == 0 || !is_name_char(formula[i - 1]);
        if (!starts_name || formula.size() - i < 5 || !(std::toupper(static_cast<unsigned char>(c)) == 'K') ||
            std::toupper(static_cast<unsigned char>(formula[i + 1])) != 'P' ||
            std::toupper(static_cast<unsigned char>(formula[i + 2])) != 'I' || formula[i + 3] != '.') {
            ++i;
            continue;
        }
        std::size_t end = i + 4;
        while (end < formula.size() && is_name_char(formula[end]))
            ++end;
        std::size_t open = end;
        while (open < formula.size() && formula[open] == ' ')
            ++open;
        if (open >= formula.size() || formula[open] != '(' || end == i + 4) {
            i = end;
            continue;
        }
        kpi_call call{std::string(formula.substr(i, end - i)), i, {}};
        int depth = 0;
        std::size_t argument_start = open + 1;
        for (std::size_t j = open; j < formula.size();) {
            const char d = formula[j];
            if (d == '"' || d == '\'') {
                j = skip_quoted(formula, j);
                continue;
            }
            if (d == '(' || d == '{')
                ++depth;
            else if (d == ')' || d == '}') {
                if (--depth == 0) {
                    const std::string last = trimmed(formula.substr(argument_start, j - argument_start));
                    if (!last.empty() || !call.arguments.empty())
                        call.arguments.push_back(last);
                    break;
                }
            } else if (d == ';' && depth == 1) {
                call.arguments.push_back(trimmed(formula.substr(argument_start, j - argument_start)));
                argument_start = j + 1;
            }
            ++j;
        }
        calls.push_back(std::move(call));
        i = end;
    }
    std::reverse(calls.begin(), calls.end());
    return calls;
}

/// The names of a KPI function's arguments in `lang`, in order, as the Function Wizard shows them
/// (CalcAddIns.xcu, generated from functions.toml); the IDL parameter's name where the configuration has
/// none. Empty for an unknown function.
std::vector<std::string> argument_names(const uno::Reference<uno::XComponentContext>& context,
                                        std::string_view function, language lang)
{
    std::vector<std::string> names;
    try {
        // KPI.CONVERSION.CI -> CONVERSION_CI; the method's name differs only in case (functions.toml)
        std::string method(function.substr(4));
        std::replace(method.begin(), method.end(), '.', '_');
        const uno::Reference<css::reflection::XIdlClass> type =
            css::reflection::theCoreReflection::get(context)->forName("org.kpifunctions.XKpiFunctions");
        if (!type.is())
            return names;
        uno::Reference<css::reflection::XIdlMethod> found;
        for (const auto& m : type->getMethods())
            if (m.is() && m->getName().equalsIgnoreAsciiCase(to_oustring(method)))
                found = m;
        if (!found.is())
            return names;
        uno::Reference<css::container::XNameAccess> parameters;
        try {
            const uno::Reference<css::lang::XMultiServiceFactory> provider =
                css::configuration::theDefaultProvider::get(context);
            uno::Sequence<uno::Any> arguments(2);
            arguments.getArray()[0] <<= css::beans::NamedValue(
                "nodepath", uno::Any("/org.openoffice.Office.CalcAddIns/AddInInfo/KPI/AddInFunctions/" +
                                     found->getName() + "/Parameters"));
            arguments.getArray()[1] <<= css::beans::NamedValue(
                "Locale", uno::Any(lang == language::id ? OUString("id") : OUString("en-US")));
            parameters.set(provider->createInstanceWithArguments(
                               "com.sun.star.configuration.ConfigurationAccess", arguments),
                           uno::UNO_QUERY);
        } catch (const uno::Exception&) {
        }
        for (const auto& parameter : found->getParameterInfos()) {
            if (parameter.aType.is() && parameter.aType->getName() == "com.sun.star.beans.XPropertySet")
                continue; // Calc's hidden document argument
            OUString name = parameter.aName;
            try {
                uno::Reference<css::beans::XPropertySet> node;
                if (parameters.is() && (parameters->getByName(parameter.aName) >>= node) && node.is()) {
                    OUString shown;
                    if ((node->getPropertyValue("DisplayName") >>= shown) && !shown.isEmpty())
                        name = shown;
                }
            } catch (const uno::Exception&) {
            }
            names.push_back(to_utf8(name));
        }
    } catch (const uno::Exception&) {
    }
    return names;
}

// ---- computing the formula again without changing the document ----

/// Keeps documents as they are while the explainer writes to a cell: their undo managers locked (no undo
/// step recorded) and, at the end, each document's modified flag as it was.
class unchanged_documents
{
public:
    explicit unchanged_documents(const std::vector<uno::Reference<css::frame::XModel>>& documents)
    {
        for (const auto& document : documents) {
            kept k;
            k.modifiable.set(document, uno::UNO_QUERY);
            if (k.modifiable.is())
                k.was_modified = k.modifiable->isModified();
            const uno::Reference<css::document::XUndoManagerSupplier> supplier(document, uno::UNO_QUERY);
            if (supplier.is()) {
                k.undo = supplier->getUndoManager();
                if (k.undo.is())
                    k.undo->lock();
            }
            kept_.push_back(std::move(k));
        }
    }

    ~unchanged_documents()
    {
        for (kept& k : kept_) {
            try {
                if (k.undo.is())
                    k.undo->unlock();
                if (k.modifiable.is() && !k.was_modified)
                    k.modifiable->setModified(false);
            } catch (const uno::Exception&) {
            }
        }
    }

    /// Locks the undo managers again before a write: Calc switches undo back on behind a lock (a computation
    /// that restores the document's own undo switch re-enables its undo manager), and the next write would
    /// be an undo step of the user's.
    void relock() const
    {
        for (const kept& k : kept_) {
            if (k.undo.is()) {
                k.undo->unlock();
                k.undo->lock();
            }
        }
    }

    unchanged_documents(const unchanged_documents&) = delete;
    unchanged_documents& operator=(const unchanged_documents&) = delete;

private:
    struct kept
    {
        uno::Reference<css::util::XModifiable> modifiable;
        bool was_modified = false;
        uno::Reference<css::document::XUndoManager> undo;
    };
    std::vector<kept> kept_;
};

/// The cell's formula and where it is set: the cell itself, or the range of its array formula.
struct formula_place
{
    std::string formula;                                  ///< "=KPI.ROI(A1;B1)"
    uno::Reference<css::sheet::XArrayFormulaRange> array; ///< set for a cell of an array formula
    std::size_t row = 0;                                  ///< the cell's row in the array
    std::size_t column = 0;                               ///< the cell's column in the array
    uno::Reference<css::table::XCell> top_left;           ///< where an argument is computed
    const unchanged_documents* keep = nullptr;            ///< the documents kept unchanged while writing

    /// Sets `text` as the formula of `cell`, the undo managers locked.
    void write(const uno::Reference<css::table::XCell>& cell, const std::string& text) const
    {
        if (keep != nullptr)
            keep->relock();
        cell->setFormula(to_oustring(text));
    }

    /// Sets the cell's own formula again (or the array formula on its range).
    void restore(const uno::Reference<css::table::XCell>& cell) const
    {
        if (keep != nullptr)
            keep->relock();
        if (array.is())
            array->setArrayFormula(to_oustring(formula));
        else
            cell->setFormula(to_oustring(formula));
    }
};

formula_place place_of(const uno::Reference<css::table::XCell>& cell)
{
    formula_place place;
    place.formula = to_utf8(cell->getFormula());
    place.top_left = cell;
    const uno::Reference<css::sheet::XSheetCellRange> range(cell, uno::UNO_QUERY);
    if (!range.is())
        return place;
    try {
        const uno::Reference<css::sheet::XSheetCellCursor> cursor =
            range->getSpreadsheet()->createCursorByRange(range);
        cursor->collapseToCurrentArray();
        const uno::Reference<css::sheet::XArrayFormulaRange> array(cursor, uno::UNO_QUERY);
        if (!array.is() || array->getArrayFormula().isEmpty())
            return place;
        // getArrayFormula writes the stored names with ',' (KPI.CONVERSION_CI(5,0)), which setArrayFormula
        // does not read back; the top-left cell's formula is in setArrayFormula's grammar, in braces
        OUString formula = cursor->getCellByPosition(0, 0)->getFormula();
        if (formula.startsWith("{") && formula.endsWith("}"))
            formula = formula.copy(1, formula.getLength() - 2);
        const css::table::CellRangeAddress whole =
            uno::Reference<css::sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)
                ->getRangeAddress();
        const css::table::CellRangeAddress here =
            uno::Reference<css::sheet::XCellRangeAddressable>(cell, uno::UNO_QUERY_THROW)->getRangeAddress();
        place.formula = to_utf8(formula);
        place.array = array;
        place.row = static_cast<std::size_t>(here.StartRow - whole.StartRow);
        place.column = static_cast<std::size_t>(here.StartColumn - whole.StartColumn);
        place.top_left = cursor->getCellByPosition(0, 0);
    } catch (const uno::RuntimeException&) {
        // not part of an array formula
    }
    return place;
}

/// The open spreadsheet documents that may hold `cell`: a sheet of the same name at the same position, with
/// the same formula in the same cell. The service gets a cell without its document; the cell API has no way
/// back to it, so every candidate is kept unchanged.
std::vector<uno::Reference<css::frame::XModel>>
documents_of(const uno::Reference<uno::XComponentContext>& context,
             const uno::Reference<css::table::XCell>& cell)
{
    std::vector<uno::Reference<css::frame::XModel>> found;
    const uno::Reference<css::sheet::XSheetCellRange> range(cell, uno::UNO_QUERY);
    const uno::Reference<css::sheet::XCellRangeAddressable> addressable(cell, uno::UNO_QUERY);
    if (!range.is() || !addressable.is())
        return found;
    const css::table::CellRangeAddress address = addressable->getRangeAddress();
    const uno::Reference<css::container::XNamed> sheet(range->getSpreadsheet(), uno::UNO_QUERY);
    const OUString sheet_name = sheet.is() ? sheet->getName() : OUString();
    const OUString formula = cell->getFormula();
    const uno::Reference<css::container::XEnumeration> components =
        css::frame::Desktop::create(context)->getComponents()->createEnumeration();
    while (components->hasMoreElements()) {
        const uno::Reference<css::sheet::XSpreadsheetDocument> document(components->nextElement(),
                                                                        uno::UNO_QUERY);
        if (!document.is())
            continue;
        try {
            const uno::Reference<css::container::XIndexAccess> sheets(document->getSheets(),
                                                                      uno::UNO_QUERY_THROW);
            if (address.Sheet >= sheets->getCount())
                continue;
            const uno::Reference<css::sheet::XSpreadsheet> candidate(sheets->getByIndex(address.Sheet),
                                                                     uno::UNO_QUERY_THROW);
            if (uno::Reference<css::container::XNamed>(candidate, uno::UNO_QUERY_THROW)->getName() !=
                sheet_name)
                continue;
            if (candidate->getCellByPosition(address.StartColumn, address.StartRow)->getFormula() != formula)
                continue;
            found.emplace_back(document, uno::UNO_QUERY);
        } catch (const uno::Exception&) {
        }
    }
    return found;
}

/// The error code of `formula` computed in `cell` and, as a number, its value.
struct computed
{
    sal_Int32 error = 0;
    double value = 0;
};

computed compute(const formula_place& place, const std::string& formula)
{
    const uno::Reference<css::table::XCell>& cell = place.top_left;
    place.write(cell, formula);
    computed out;
    out.error = cell->getError();
    if (out.error == 0)
        out.value = cell->getValue();
    return out;
}

/// The function names of a formula's KPI calls, as "KPI.ROI" or "KPI.ROI, KPI.CPC".
std::string call_names(const std::vector<kpi_call>& calls)
{
    std::vector<std::string> names;
    for (auto it = calls.rbegin(); it != calls.rend(); ++it)
        if (std::find(names.begin(), names.end(), it->name) == names.end())
            names.push_back(it->name);
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string upper(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

/// The argument of a KPI call that brought the cell's error, computed on the cell (then restored), or "".
std::string argument_at_fault(const uno::Reference<uno::XComponentContext>& context,
                              const formula_place& place, const uno::Reference<css::table::XCell>& cell,
                              const std::vector<kpi_call>& calls, language lang)
{
    if (place.array.is()) {
        if (place.keep != nullptr)
            place.keep->relock();
        place.array->setArrayFormula(OUString()); // an argument is computed in the array's top-left cell
    }
    std::string found;
    try {
        for (const kpi_call& call : calls) {
            const std::string function = upper(call.name);
            const auto names = argument_names(context, function, lang);
            for (std::size_t i = 0; i < call.arguments.size() && found.empty(); ++i) {
                const std::string& text = call.arguments[i];
                if (text.empty())
                    continue;
                const std::string name = i < names.size() ? names[i] : std::to_string(i + 1);
                const computed size = compute(place, "=ROWS(" + text + ")*COLUMNS(" + text + ")");
                const computed errors = compute(place, "=SUMPRODUCT(ISERROR(" + text + "))");
                if (size.error == 0 && size.value > 1 && errors.error == 0 && errors.value > 0) {
                    found =
                        explain(context_id::range_holds_error, lang, {function, name, text, errors.value});
                    break;
                }
                const computed single = compute(place, "=" + text);
                if (single.error != 0 && (size.error != 0 || size.value <= 1))
                    found = explain(context_id::argument_shows_error, lang,
                                    {function, name, text, error_name(single.error, lang)});
            }
            if (!found.empty())
                break;
        }
    } catch (...) {
        place.restore(place.array.is() ? place.top_left : cell);
        throw;
    }
    place.restore(place.array.is() ? place.top_left : cell);
    return found;
}

/// Why the cell shows `shown`, learnt by computing its formula again; "" when nothing says.
std::string reason(const uno::Reference<uno::XComponentContext>& context,
                   const uno::Reference<css::table::XCell>& cell, const formula_place& place,
                   const std::vector<kpi_call>& calls, sal_Int32 shown, language lang)
{
    std::vector<calc::captured_error> errors;
    {
        const calc::error_capture capture(place.row, place.column);
        place.restore(cell);
        shown = cell->getError();
        errors = capture.errors();
    }
    // The innermost failing KPI call is what the cell shows; of several with that error (one inside
    // IFERROR, one shown), the last to end is the one whose error reached the cell.
    for (auto it = errors.rbegin(); it != errors.rend(); ++it) {
        if (static_cast<sal_Int32>(calc::calc_error_code(it->failure.kind)) != shown)
            continue;
        std::string text = explain(it->failure, lang);
        if (text.empty())
            text = explain(context_id::no_value_here, lang, {it->function, error_name(shown, lang)});
        return text;
    }
    std::string text = argument_at_fault(context, place, cell, calls, lang);
    if (!text.empty())
        return text;
    if (place.array.is() && shown == 0x7fff)
        return explain(context_id::array_padding, lang, {call_names(calls), error_name(shown, lang)});
    return explain(context_id::error_outside, lang, {call_names(calls), error_name(shown, lang)});
}

/// Whether the cell is locked on a protected sheet, where it cannot be written.
bool is_protected(const uno::Reference<css::table::XCell>& cell)
{
    try {
        const uno::Reference<css::sheet::XSheetCellRange> range(cell, uno::UNO_QUERY_THROW);
        const uno::Reference<css::util::XProtectable> sheet(range->getSpreadsheet(), uno::UNO_QUERY_THROW);
        css::util::CellProtection protection;
        uno::Reference<css::beans::XPropertySet>(cell, uno::UNO_QUERY_THROW)
            ->getPropertyValue("CellProtection") >>= protection;
        return sheet->isProtected() && protection.IsLocked;
    } catch (const uno::Exception&) {
        return false;
    }
}

std::string cell_name(const uno::Reference<css::table::XCell>& cell)
{
    try {
        OUString name;
        uno::Reference<css::beans::XPropertySet>(cell, uno::UNO_QUERY_THROW)
            ->getPropertyValue("AbsoluteName") >>= name;
        return to_utf8(name.replaceAll("$", ""));
    } catch (const uno::Exception&) {
        return {};
    }
}

/// The service org.kpifunctions.ErrorExplainer.
class ErrorExplainer
    : public cppu::WeakImplHelper2<org::kpifunctions::XErrorExplainer, css::lang::XServiceInfo>
{
public:
    explicit ErrorExplainer(uno::Reference<uno::XComponentContext> context) : context_(std::move(context)) {}

    OUString SAL_CALL explain(const uno::Reference<css::table::XCellRange>& cell,
                              const OUString& language_name) override
    {
        language lang = language::en;
        if (language_name.equalsIgnoreAsciiCase("id"))
            lang = language::id;
        else if (!language_name.equalsIgnoreAsciiCase("en"))
            throw css::lang::IllegalArgumentException("language must be \"en\" or \"id\", not \"" +
                                                          language_name + "\"",
                                                      static_cast<cppu::OWeakObject*>(this), 1);
        const explanation found = explain_cell(context_, nullptr, cell, lang);
        return found.what == finding::explained ? to_oustring(found.text) : OUString();
    }

    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(error_explainer_implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return services(); }

    static uno::Sequence<OUString> services()
    {
        uno::Sequence<OUString> names(1);
        names.getArray()[0] = OUString::createFromAscii(error_explainer_implementation_name);
        return names;
    }

private:
    uno::Reference<uno::XComponentContext> context_;
};

uno::Reference<uno::XInterface>
    SAL_CALL create_error_explainer(const uno::Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new ErrorExplainer(context));
}

} // namespace

explanation explain_cell(const uno::Reference<uno::XComponentContext>& context,
                         const uno::Reference<css::frame::XModel>& document,
                         const uno::Reference<css::table::XCellRange>& range, language lang)
{
    const uno::Reference<css::sheet::XCellRangeAddressable> addressable(range, uno::UNO_QUERY);
    if (!range.is() || !addressable.is())
        throw css::lang::IllegalArgumentException("no cell given", nullptr, 0);
    const css::table::CellRangeAddress address = addressable->getRangeAddress();
    if (address.StartColumn != address.EndColumn || address.StartRow != address.EndRow)
        throw css::lang::IllegalArgumentException("one cell, not a range of several, is explained", nullptr,
                                                  0);
    const uno::Reference<css::table::XCell> cell = range->getCellByPosition(0, 0);

    explanation out;
    const sal_Int32 shown = cell->getError();
    if (shown == 0 || cell->getType() != css::table::CellContentType_FORMULA) {
        out.text = explain(context_id::not_an_error, lang, {cell_name(cell)});
        return out;
    }
    formula_place place = place_of(cell);
    const std::vector<kpi_call> calls = kpi_calls(place.formula);
    if (calls.empty()) {
        out.what = finding::no_kpi_function;
        out.text = explain(context_id::no_kpi_function, lang, {cell_name(cell), error_name(shown, lang)});
        return out;
    }
    out.what = finding::explained;
    if (is_protected(cell)) {
        out.text = explain(context_id::protected_sheet, lang, {cell_name(cell), error_name(shown, lang)});
        return out;
    }
    std::vector<uno::Reference<css::frame::XModel>> documents;
    if (document.is())
        documents.push_back(document);
    else
        documents = documents_of(context, cell);
    const unchanged_documents keep(documents);
    place.keep = &keep;
    try {
        out.text = reason(context, cell, place, calls, shown, lang);
    } catch (const uno::RuntimeException& e) {
        // a document that cannot be edited (read-only, locked by another view's edit): nothing was written
        out.text = explain(context_id::cannot_compute, lang,
                           {cell_name(cell), error_name(shown, lang), to_utf8(e.Message)});
    }
    return out;
}

explanation explain_selection(const uno::Reference<uno::XComponentContext>& context,
                              const uno::Reference<css::frame::XController>& view)
{
    const language lang = calc::ui_language(context);
    const uno::Reference<css::view::XSelectionSupplier> selection(view, uno::UNO_QUERY);
    uno::Reference<css::table::XCellRange> range(selection.is() ? selection->getSelection() : uno::Any(),
                                                 uno::UNO_QUERY);
    const uno::Reference<css::container::XIndexAccess> ranges(
        selection.is() ? selection->getSelection() : uno::Any(), uno::UNO_QUERY);
    if (!range.is() && ranges.is() && ranges->getCount() > 0)
        range.set(ranges->getByIndex(0), uno::UNO_QUERY); // several ranges selected: the first
    if (!range.is() || !view.is())
        return explanation{finding::not_an_error, explain(context_id::no_cell, lang)};
    const uno::Reference<css::table::XCellRange> cell(range->getCellByPosition(0, 0), uno::UNO_QUERY);
    return explain_cell(context, view->getModel(), cell, lang);
}

void show_explanation(const uno::Reference<uno::XComponentContext>& context,
                      const uno::Reference<css::frame::XController>& view, const explanation& found)
{
    const uno::Reference<css::frame::XFrame> frame = view.is() ? view->getFrame() : nullptr;
    const uno::Reference<css::awt::XWindowPeer> parent(frame.is() ? frame->getContainerWindow() : nullptr,
                                                       uno::UNO_QUERY);
    const uno::Reference<css::awt::XToolkit2> toolkit = css::awt::Toolkit::create(context);
    const std::string title = command_title(calc::ui_language(context));
    const uno::Reference<css::awt::XMessageBox> box = toolkit->createMessageBox(
        parent,
        found.what == finding::explained ? css::awt::MessageBoxType_WARNINGBOX
                                         : css::awt::MessageBoxType_INFOBOX,
        css::awt::MessageBoxButtons::BUTTONS_OK, to_oustring(title), to_oustring(found.text));
    box->execute();
    const uno::Reference<css::lang::XComponent> component(box, uno::UNO_QUERY);
    if (component.is())
        component->dispose();
}

std::string command_title(language lang)
{
    return explain(context_id::command_title, lang);
}

void* error_explainer_factory()
{
    const uno::Reference<css::lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
        create_error_explainer, OUString::createFromAscii(error_explainer_implementation_name),
        ErrorExplainer::services());
    if (!factory.is())
        return nullptr;
    factory->acquire();
    return factory.get();
}

} // namespace kpi::explainer
