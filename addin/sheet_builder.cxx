// The SheetBuilder service: the document in, the core's plan out, the plan written back. Everything that
// decides what the KPI sheet holds lives in core/ (kpi/sheet/*.hpp); this file only reads cells, converts
// options and applies a plan with the office's API, and turns every failure into a UNO exception.
#include "sheet_builder.hxx"

#include "ui_language.hxx"
#include "utf8.hxx"

#include <kpi/calendar.hpp>
#include <kpi/sheet/detect.hpp>
#include <kpi/sheet/plan.hpp>
#include <kpi/sheet/report.hpp>
#include <kpi/sheet/workbook.hpp>

#include <org/kpifunctions/XSheetBuilder.hpp>

#include <com/sun/star/awt/FontSlant.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XMultiPropertySet.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/ChartAxisPosition.hpp>
#include <com/sun/star/chart/ChartLegendPosition.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart2/AxisType.hpp>
#include <com/sun/star/chart2/XAxis.hpp>
#include <com/sun/star/chart2/XChartDocument.hpp>
#include <com/sun/star/chart2/XChartType.hpp>
#include <com/sun/star/chart2/XChartTypeContainer.hpp>
#include <com/sun/star/chart2/XCoordinateSystem.hpp>
#include <com/sun/star/chart2/XCoordinateSystemContainer.hpp>
#include <com/sun/star/chart2/XDataSeriesContainer.hpp>
#include <com/sun/star/chart2/XDiagram.hpp>
#include <com/sun/star/chart2/data/XDataSource.hpp>
#include <com/sun/star/chart2/data/XLabeledDataSequence.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/ComplexReference.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/FormulaToken.hpp>
#include <com/sun/star/sheet/ReferenceFlags.hpp>
#include <com/sun/star/sheet/SingleReference.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XFormulaTokens.hpp>
#include <com/sun/star/sheet/XNamedRange.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/BorderLineStyle.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellHoriJustify.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace uno = css::uno;
namespace ks = kpi::sheet;
using rtl::OUString;
using uno::Any;
using uno::Reference;
using uno::Sequence;
using uno::UNO_QUERY;
using uno::UNO_QUERY_THROW;

constexpr char service_name[] = "org.kpifunctions.SheetBuilder";
/// The document-level name that marks the sheet a build wrote: it follows renames and moves of the sheet and
/// survives .ods and .xlsx, unlike the sheet's name. Its content is a formula, ISREF($KPI.$A$1), not a bare
/// reference: Calc's Name Box shows a name for the selection it refers to exactly (a marker $KPI.$A$1 made A1
/// read "KPIFunctions_Sheet") and lists only names that are bare references, so it shows this one never.
/// Sheets built before carry the bare reference $KPI.$A$1 under the same name: both are read from the
/// name's formula tokens (see marked_sheet), and a rebuild rewrites the old form.
constexpr char marker_name[] = "KPIFunctions_Sheet";
constexpr char undo_title[] = "Build KPI Sheet";
constexpr char page_style_name[] = "KPI Report";
constexpr char long_page_style_name[] = "KPI Report (fit to width)";
constexpr char scale_style_prefix[] = "KPI Scale ";
constexpr sal_Int32 all_cell_flags = css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                                     css::sheet::CellFlags::STRING | css::sheet::CellFlags::ANNOTATION |
                                     css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::HARDATTR |
                                     css::sheet::CellFlags::STYLES | css::sheet::CellFlags::OBJECTS |
                                     css::sheet::CellFlags::EDITATTR | css::sheet::CellFlags::FORMATTED;

using kpi::calc::to_oustring;
using kpi::calc::to_utf8;

std::string lower_ascii(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

/// A caller's mistake (a bad option, a document the builder cannot use): an IllegalArgumentException whose
/// message names what is wrong. `argument` is the method's parameter: 0 the document, 1 the options.
struct bad_input : std::runtime_error
{
    bad_input(std::string message, sal_Int16 argument_position)
        : std::runtime_error(std::move(message)), argument(argument_position)
    {
    }
    sal_Int16 argument;
};

[[noreturn]] void bad_option(const std::string& message)
{
    throw bad_input("SheetBuilder: " + message, 1);
}

// ---- options ----

struct request
{
    ks::build_options options;
    std::vector<ks::table_override> overrides;
};

ks::table_override& override_of(std::vector<ks::table_override>& overrides, const std::string& table)
{
    for (auto& o : overrides)
        if (o.table == table)
            return o;
    overrides.push_back(ks::table_override{table, std::nullopt, {}});
    return overrides.back();
}

/// "<table>.<role>=<column letters or none>" or "<table>.kind=<kind or none>". The table's name may hold
/// dots and '=' (sheet names do): the role is after the last dot before the last '='.
void parse_override(const std::string& text, std::vector<ks::table_override>& overrides)
{
    const std::string quoted = "Override \"" + text + "\"";
    const auto equals = text.rfind('=');
    const auto dot = equals == std::string::npos ? std::string::npos : text.rfind('.', equals);
    if (equals == std::string::npos || dot == std::string::npos || dot == 0)
        bad_option(quoted +
                   " must read <table>.<role>=<column letters or none> or <table>.kind=<kind or none>");
    const std::string table(trimmed(std::string_view(text).substr(0, dot)));
    const std::string what = lower_ascii(trimmed(std::string_view(text).substr(dot + 1, equals - dot - 1)));
    const std::string value = lower_ascii(trimmed(std::string_view(text).substr(equals + 1)));
    if (what == "kind") {
        std::optional<ks::table_kind> kind =
            value == "none" ? std::optional(ks::table_kind::unknown) : ks::parse_table_kind(value);
        if (!kind || (*kind == ks::table_kind::unknown && value != "none"))
            bad_option(quoted +
                       ": the kind must be orders, leads, campaigns, sessions, traffic, survey, targets "
                       "or none, not \"" +
                       value + "\"");
        override_of(overrides, table).kind = kind;
        return;
    }
    const auto role = ks::parse_column_role(what);
    if (!role)
        bad_option(quoted + ": \"" + what +
                   "\" is not a column role (customer, date, order, amount, lead, "
                   "status, campaign, cost, impressions, clicks, leads, conversions, "
                   "revenue, duration, pageviews, key_events, sessions, engaged_sessions, "
                   "score, kpi, target) nor kind");
    std::optional<std::size_t> column;
    if (value != "none") {
        column = ks::parse_column_letters(value);
        if (!column)
            bad_option(quoted + ": \"" + value + "\" is neither column letters (A, B ... AA) nor none");
    }
    override_of(overrides, table).columns.emplace_back(*role, column);
}

request parse_options(const Sequence<css::beans::PropertyValue>& options,
                      const Reference<uno::XComponentContext>& context)
{
    request parsed;
    bool language_given = false;
    for (const css::beans::PropertyValue& option : options) {
        const std::string name = to_utf8(option.Name);
        OUString value_text;
        if (!(option.Value >>= value_text))
            bad_option("option " + name + " must be a text");
        const std::string value = to_utf8(value_text);
        if (name == "Grain") {
            const auto grain = kpi::parse_grain(trimmed(value), "SheetBuilder", kpi::period_grain::month);
            if (!grain)
                bad_option("option Grain must be day, week, month, quarter or year (or hari, minggu, bulan, "
                           "kuartal, tahun), not \"" +
                           value + "\"");
            parsed.options.grain = *grain;
        } else if (name == "Language") {
            const auto language = ks::parse_language(trimmed(value));
            if (!language)
                bad_option("option Language must be \"en\" or \"id\", not \"" + value + "\"");
            parsed.options.labels = *language;
            language_given = true;
        } else if (name == "SheetName") {
            const std::string sheet(trimmed(value));
            if (sheet.empty() || sheet.find_first_of("[]*?:/\\") != std::string::npos ||
                sheet.front() == '\'' || sheet.back() == '\'')
                bad_option("option SheetName \"" + value +
                           "\" is not a valid sheet name (not empty, none of "
                           "[ ] * ? : / \\, no quote at either end)");
            parsed.options.sheet_name = sheet;
        } else if (name == "Override") {
            parse_override(value, parsed.overrides);
        } else {
            bad_option("unknown option \"" + name +
                       "\" (the options are Grain, Language, SheetName, Override)");
        }
    }
    if (!language_given)
        parsed.options.labels =
            kpi::calc::ui_language(context) == kpi::language::id ? ks::language::id : ks::language::en;
    return parsed;
}

// ---- reading the document ----

struct earlier_sheet
{
    sal_Int32 index = 0;
    OUString name;
};

Reference<css::sheet::XNamedRanges> named_ranges(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const Reference<css::beans::XPropertySet> properties(document, UNO_QUERY_THROW);
    return Reference<css::sheet::XNamedRanges>(properties->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
}

/// The marker's content for a sheet of that name.
OUString marker_content(const std::string& sheet_name)
{
    return "ISREF($" + to_oustring(ks::quoted_sheet_name(sheet_name)) + ".$A$1)";
}

/// The index of the sheet the marker refers to: the sheet of the first reference among its formula tokens,
/// in the current form ISREF($KPI.$A$1) as in the old $KPI.$A$1. Nothing when there is no marker or its
/// sheet was deleted (the reference reads $#REF!.$A$1).
std::optional<sal_Int32> marked_sheet(const Reference<css::sheet::XNamedRanges>& names)
{
    if (!names->hasByName(marker_name))
        return std::nullopt;
    const Reference<css::sheet::XNamedRange> marker(names->getByName(marker_name), UNO_QUERY);
    const Reference<css::sheet::XFormulaTokens> tokens(marker, UNO_QUERY);
    if (!marker.is() || !tokens.is())
        return std::nullopt;
    for (const css::sheet::FormulaToken& token : tokens->getTokens()) {
        css::sheet::SingleReference reference;
        css::sheet::ComplexReference area;
        if (token.Data >>= area)
            reference = area.Reference1;
        else if (!(token.Data >>= reference))
            continue;
        if (reference.Flags & css::sheet::ReferenceFlags::SHEET_DELETED)
            return std::nullopt;
        if (reference.Flags & css::sheet::ReferenceFlags::SHEET_RELATIVE)
            return marker->getReferencePosition().Sheet + reference.RelativeSheet;
        return reference.Sheet;
    }
    return std::nullopt;
}

/// The sheet an earlier build wrote, by its marker; nothing when there is none or its sheet is gone.
std::optional<earlier_sheet> find_earlier_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const std::optional<sal_Int32> index = marked_sheet(named_ranges(document));
    const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    if (!index || *index < 0 || *index >= sheets->getCount())
        return std::nullopt;
    const Reference<css::container::XNamed> sheet(sheets->getByIndex(*index), UNO_QUERY_THROW);
    return earlier_sheet{*index, sheet->getName()};
}

/// The cells of a sheet from A1 to the end of its used area. Values come with getDataArray in blocks of
/// about a million cells (one call for most sheets, bounded memory for the largest); date cells are the
/// ones Calc reports as CellFlags::DATETIME; a formula that shows an error comes as void.
ks::sheet_cells read_sheet(const Reference<css::sheet::XSpreadsheet>& sheet, const OUString& name)
{
    const Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const css::table::CellRangeAddress end =
        Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    const sal_Int32 last_row = end.EndRow, last_column = end.EndColumn;
    ks::sheet_cells cells(to_utf8(name), static_cast<std::size_t>(last_row) + 1,
                          static_cast<std::size_t>(last_column) + 1);

    const sal_Int32 block = std::max<sal_Int32>(1, (1 << 20) / (last_column + 1));
    for (sal_Int32 top = 0; top <= last_row; top += block) {
        const sal_Int32 bottom = std::min(last_row, top + block - 1);
        const Reference<css::sheet::XCellRangeData> range(
            sheet->getCellRangeByPosition(0, top, last_column, bottom), UNO_QUERY_THROW);
        const Sequence<Sequence<Any>> rows = range->getDataArray();
        for (sal_Int32 r = 0; r < rows.getLength(); ++r) {
            const Sequence<Any>& row = rows[r];
            for (sal_Int32 c = 0; c < row.getLength(); ++c) {
                const Any& value = row[c];
                ks::cell& cell = cells.at(static_cast<std::size_t>(top + r), static_cast<std::size_t>(c));
                double number = 0;
                OUString text;
                if (!value.hasValue()) {
                    cell.type = ks::cell_type::error;
                } else if (value >>= number) {
                    cell.type = ks::cell_type::number;
                    cell.number = number;
                } else if ((value >>= text) && !text.isEmpty()) {
                    cell.type = ks::cell_type::text;
                    cell.text = to_utf8(text);
                }
            }
        }
    }

    const Reference<css::sheet::XCellRangesQuery> query(
        sheet->getCellRangeByPosition(0, 0, last_column, last_row), UNO_QUERY_THROW);
    const Reference<css::sheet::XSheetCellRanges> dates =
        query->queryContentCells(css::sheet::CellFlags::DATETIME);
    if (dates.is())
        for (const css::table::CellRangeAddress& area : dates->getRangeAddresses())
            for (sal_Int32 r = area.StartRow; r <= area.EndRow; ++r)
                for (sal_Int32 c = area.StartColumn; c <= area.EndColumn; ++c) {
                    ks::cell& cell = cells.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
                    if (cell.type == ks::cell_type::number)
                        cell.type = ks::cell_type::date;
                }
    return cells;
}

/// Every sheet of the document in order; the sheet of an earlier build stays empty (it is not data).
ks::workbook read_workbook(const Reference<css::sheet::XSpreadsheetDocument>& document,
                           const std::optional<earlier_sheet>& earlier)
{
    ks::workbook book;
    css::util::Date null_date(30, 12, 1899);
    Reference<css::beans::XPropertySet>(document, UNO_QUERY_THROW)->getPropertyValue("NullDate") >>=
        null_date;
    book.null_date = kpi::civil_date{null_date.Year, null_date.Month, null_date.Day};

    const Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        const OUString name = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
        if (earlier && earlier->index == i)
            book.sheets.emplace_back(to_utf8(name), 0, 0);
        else
            book.sheets.push_back(read_sheet(sheet, name));
    }
    return book;
}

struct detection
{
    ks::workbook book;
    std::vector<ks::table> tables;
    std::optional<earlier_sheet> earlier;
};

detection detect_in(const Reference<css::sheet::XSpreadsheetDocument>& document, const request& wanted)
{
    if (!document.is())
        throw bad_input("SheetBuilder: no spreadsheet document was given", 0);
    detection found;
    found.earlier = find_earlier_sheet(document);
    found.book = read_workbook(document, found.earlier);
    std::vector<std::string> skip;
    if (found.earlier)
        skip.push_back(to_utf8(found.earlier->name));
    auto corrected = ks::apply_overrides(found.book, ks::detect_tables(found.book, skip), wanted.overrides);
    if (!corrected)
        bad_option(corrected.error().message);
    found.tables = *corrected;
    return found;
}

// ---- writing the plan ----

sal_Int32 sheet_count(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    return Reference<css::container::XIndexAccess>(document->getSheets(), UNO_QUERY_THROW)->getCount();
}

/// The sheet's name: the one asked for, or with " 2", " 3" ... when a sheet other than the earlier build's
/// already has it.
std::string free_sheet_name(const Reference<css::sheet::XSpreadsheetDocument>& document,
                            const std::string& wanted, const std::optional<earlier_sheet>& earlier)
{
    const Reference<css::container::XNameAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    const auto taken = [&](const std::string& name) {
        const OUString candidate = to_oustring(name);
        return sheets->hasByName(candidate) && !(earlier && earlier->name == candidate);
    };
    std::string name = wanted;
    for (int n = 2; taken(name); ++n)
        name = wanted + " " + std::to_string(n);
    return name;
}

/// The builder's undo context for a rebuild, which rewrites the earlier sheet in place with Calc's own undo
/// actions. On failure it is left and undone, so that a failed build leaves the document as it was.
class undo_step
{
public:
    explicit undo_step(const Reference<css::document::XUndoManager>& manager)
        : manager_(manager), depth_(manager->getAllUndoActionTitles().getLength())
    {
        manager_->enterUndoContext(undo_title);
    }
    undo_step(const undo_step&) = delete;
    undo_step& operator=(const undo_step&) = delete;
    ~undo_step()
    {
        if (!open_)
            return;
        try {
            manager_->leaveUndoContext();
            // An empty context adds nothing: undo only what this build recorded.
            if (manager_->getAllUndoActionTitles().getLength() > depth_ &&
                manager_->getCurrentUndoActionTitle() == undo_title)
                manager_->undo();
        } catch (...) {
            // the build's own exception is the one the caller sees
        }
    }
    void commit()
    {
        open_ = false;
        manager_->leaveUndoContext();
    }

private:
    Reference<css::document::XUndoManager> manager_;
    sal_Int32 depth_;
    bool open_ = true;
};

/// Switches automatic calculation off while the sheet is written and, for a document with a view, locks
/// its controllers and actions too (no repaint, row heights adjusted once). release() (or the destructor)
/// restores them. Without a view there is nothing to repaint, and the last unlock would switch Calc's undo
/// recording back on (ScDocShell adjusts row heights with undo toggled), which a first build without a
/// view must keep off.
class write_lock
{
public:
    write_lock(const Reference<css::sheet::XSpreadsheetDocument>& document, bool lock_view)
        : model_(lock_view ? Reference<css::frame::XModel>(document, UNO_QUERY_THROW) : nullptr),
          actions_(lock_view ? Reference<css::document::XActionLockable>(document, UNO_QUERY) : nullptr),
          calculation_(document, UNO_QUERY_THROW)
    {
        if (model_.is())
            model_->lockControllers();
        if (actions_.is())
            actions_->addActionLock();
        automatic_ = calculation_->isAutomaticCalculationEnabled();
        calculation_->enableAutomaticCalculation(false);
    }
    write_lock(const write_lock&) = delete;
    write_lock& operator=(const write_lock&) = delete;
    ~write_lock()
    {
        try {
            release();
        } catch (...) {
        }
    }
    void release()
    {
        if (released_)
            return;
        released_ = true;
        calculation_->enableAutomaticCalculation(automatic_);
        if (actions_.is())
            actions_->removeActionLock();
        if (model_.is())
            model_->unlockControllers();
    }

private:
    Reference<css::frame::XModel> model_;
    Reference<css::document::XActionLockable> actions_;
    Reference<css::sheet::XCalculatable> calculation_;
    bool automatic_ = true;
    bool released_ = false;
};

css::table::BorderLine2 thin_line(sal_Int32 color)
{
    css::table::BorderLine2 line;
    line.Color = color;
    line.OuterLineWidth = 26;
    line.LineWidth = 26;
    line.LineStyle = css::table::BorderLineStyle::SOLID;
    return line;
}

/// Direct formatting of each cell style: a report a manager reads, not a grid. Colours are one blue family,
/// with grey for what is secondary.
void set_style(const Reference<css::beans::XPropertySet>& cell, ks::cell_style style)
{
    std::vector<std::pair<const char*, Any>> properties;
    constexpr sal_Int32 navy = 0x1F3864, blue = 0x2F5597, pale = 0xDDEBF7, grey = 0x7F7F7F, text = 0x262626;
    switch (style) {
    case ks::cell_style::title:
        properties = {{"CharHeight", Any(16.0f)},
                      {"CharWeight", Any(css::awt::FontWeight::BOLD)},
                      {"CharColor", Any(navy)}};
        break;
    case ks::cell_style::subtitle:
        properties = {{"CharHeight", Any(10.0f)},
                      {"CharColor", Any(grey)},
                      {"HoriJustify", Any(css::table::CellHoriJustify_LEFT)}};
        break;
    case ks::cell_style::section:
        properties = {{"CharHeight", Any(12.0f)},
                      {"CharWeight", Any(css::awt::FontWeight::BOLD)},
                      {"CharColor", Any(sal_Int32(0xFFFFFF))},
                      {"CellBackColor", Any(blue)},
                      {"VertJustify", Any(css::table::CellVertJustify2::CENTER)}};
        break;
    case ks::cell_style::header:
        properties = {{"CharWeight", Any(css::awt::FontWeight::BOLD)},
                      {"CharColor", Any(navy)},
                      {"CellBackColor", Any(pale)},
                      {"BottomBorder", Any(thin_line(navy))},
                      {"IsTextWrapped", Any(true)},
                      {"VertJustify", Any(css::table::CellVertJustify2::CENTER)}};
        break;
    case ks::cell_style::label:
        properties = {{"CharColor", Any(text)}};
        break;
    case ks::cell_style::value:
        properties = {{"CharColor", Any(text)}};
        break;
    case ks::cell_style::period:
        properties = {{"CharHeight", Any(9.0f)},
                      {"CharColor", Any(grey)},
                      {"HoriJustify", Any(css::table::CellHoriJustify_LEFT)}};
        break;
    case ks::cell_style::total_label:
    case ks::cell_style::total_value:
        properties = {{"CharWeight", Any(css::awt::FontWeight::BOLD)},
                      {"CharColor", Any(text)},
                      {"TopBorder", Any(thin_line(navy))}};
        break;
    case ks::cell_style::status:
        properties = {{"CharWeight", Any(css::awt::FontWeight::BOLD)},
                      {"HoriJustify", Any(css::table::CellHoriJustify_CENTER)}};
        break;
    case ks::cell_style::note:
        properties = {{"CharHeight", Any(8.0f)},
                      {"CharColor", Any(grey)},
                      {"CharPosture", Any(css::awt::FontSlant_ITALIC)}};
        break;
    }
    // One call per cell: one undo action instead of one per property.
    Sequence<OUString> names(static_cast<sal_Int32>(properties.size()));
    Sequence<Any> values(static_cast<sal_Int32>(properties.size()));
    for (std::size_t i = 0; i < properties.size(); ++i) {
        names.getArray()[i] = OUString::createFromAscii(properties[i].first);
        values.getArray()[i] = properties[i].second;
    }
    const Reference<css::beans::XMultiPropertySet> multi(cell, UNO_QUERY);
    if (multi.is()) {
        multi->setPropertyValues(names, values);
    } else {
        for (std::size_t i = 0; i < properties.size(); ++i)
            cell->setPropertyValue(names[static_cast<sal_Int32>(i)], values[static_cast<sal_Int32>(i)]);
    }
}

/// Writes a plan into a new sheet of the document.
class plan_writer
{
public:
    plan_writer(const Reference<css::sheet::XSpreadsheetDocument>& document,
                const Reference<uno::XComponentContext>& context, const ks::sheet_plan& plan)
        : document_(document), context_(context), plan_(plan)
    {
        formats_ =
            Reference<css::util::XNumberFormatsSupplier>(document, UNO_QUERY_THROW)->getNumberFormats();
        Reference<css::beans::XPropertySet>(document, UNO_QUERY_THROW)->getPropertyValue("CharLocale") >>=
            locale_;
        if (locale_.Language.isEmpty())
            locale_ = css::lang::Locale("en", "US", "");
    }

    /// A new sheet at `position`, marked as the builder's.
    void insert_sheet(sal_Int32 position)
    {
        const Reference<css::sheet::XSpreadsheets> sheets = document_->getSheets();
        const OUString name = to_oustring(plan_.sheet_name);
        sheets->insertNewByName(name, static_cast<sal_Int16>(position));
        after_step_();
        attach(Reference<css::sheet::XSpreadsheet>(sheets->getByName(name), UNO_QUERY_THROW));
        const auto names = named_ranges(document_);
        if (names->hasByName(marker_name))
            names->removeByName(marker_name); // a marker whose sheet is gone
        names->addNewByName(marker_name, marker_content(plan_.sheet_name),
                            css::table::CellAddress(tab_, 0, 0), 0);
    }

    /// The earlier build's sheet, emptied (cells, formats, charts) and renamed when the name changes: the
    /// sheet stays where it is, its marker with it.
    void reuse_sheet(const earlier_sheet& earlier)
    {
        const Reference<css::sheet::XSpreadsheet> sheet(
            Reference<css::container::XIndexAccess>(document_->getSheets(), UNO_QUERY_THROW)
                ->getByIndex(earlier.index),
            UNO_QUERY_THROW);
        attach(sheet);
        const Reference<css::table::XTableCharts> charts =
            Reference<css::table::XTableChartsSupplier>(sheet_, UNO_QUERY_THROW)->getCharts();
        for (const OUString& chart : charts->getElementNames())
            charts->removeByName(chart);
        const Reference<css::sheet::XSheetCellCursor> cursor = sheet_->createCursor();
        Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const css::table::CellRangeAddress end =
            Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
        Reference<css::sheet::XSheetOperation>(
            sheet_->getCellRangeByPosition(0, 0, std::max(end.EndColumn, column(plan_.last_column)),
                                           std::max(end.EndRow, row(plan_.last_row))),
            UNO_QUERY_THROW)
            ->clearContents(all_cell_flags);
        const OUString name = to_oustring(plan_.sheet_name);
        if (earlier.name != name)
            Reference<css::container::XNamed>(sheet_, UNO_QUERY_THROW)->setName(name);
        // A marker of an earlier version, the bare reference $KPI.$A$1, becomes the current form.
        const Reference<css::sheet::XNamedRange> marker(named_ranges(document_)->getByName(marker_name),
                                                        UNO_QUERY_THROW);
        if (marker->getContent() != marker_content(plan_.sheet_name))
            marker->setContent(marker_content(plan_.sheet_name));
    }

    /// Everything of the plan into the attached sheet: cells, arrays and layout under the write lock, then
    /// the colour scales and charts, placed by cell positions once row heights have settled.
    /// `recorded`: whether Calc records undo actions (and there is a view to lock).
    void write(const Reference<css::sheet::XSpreadsheetDocument>& document, bool recorded)
    {
        write_lock lock(document, recorded);
        write_cells();
        after_step_();
        write_layout();
        after_step_();
        lock.release();
        after_step_();
        write_color_scales();
        after_step_();
        write_charts();
        after_step_();
        // Calc gives a formula cell the format of its result type when it first computes it (a DATE()
        // becomes MM/DD/YY), over the format set before: compute now, then set the plan's formats again.
        Reference<css::sheet::XCalculatable>(document, UNO_QUERY_THROW)->calculateAll();
        after_step_(); // computing switches Calc's undo recording back on
        for (const ks::plan_cell& planned : plan_.cells)
            if (!planned.format.empty() && planned.content.starts_with("="))
                Reference<css::beans::XPropertySet>(
                    sheet_->getCellByPosition(column(planned.column), row(planned.row)), UNO_QUERY_THROW)
                    ->setPropertyValue("NumberFormat", Any(format_key(planned.format)));
        after_step_();
    }

    /// Runs after each step that may change the document's undo recording (see unrecorded).
    void after_each_step(std::function<void()> step) { after_step_ = std::move(step); }

    /// An array's formats go before its formula: an array formula entered in cells of the standard format
    /// takes the format of its result type when Calc computes it again after Edit > Redo.
    void write_cells()
    {
        for (const ks::plan_cell& planned : plan_.cells) {
            const Reference<css::table::XCell> cell =
                sheet_->getCellByPosition(column(planned.column), row(planned.row));
            const Reference<css::beans::XPropertySet> properties(cell, UNO_QUERY_THROW);
            if (planned.content.starts_with("=")) {
                cell->setFormula(to_oustring(planned.content));
            } else if (!planned.content.empty()) {
                Reference<css::text::XText>(cell, UNO_QUERY_THROW)->setString(to_oustring(planned.content));
                // Calc gives a text that reads as a number ("+12") the text format, but Edit > Redo does not:
                // set again as the builder's own step, it comes back.
                sal_Int32 given = 0;
                if (planned.format.empty() && (properties->getPropertyValue("NumberFormat") >>= given) &&
                    given)
                    properties->setPropertyValue("NumberFormat", Any(given));
            }
            set_style(properties, planned.style);
            if (!planned.format.empty())
                properties->setPropertyValue("NumberFormat", Any(format_key(planned.format)));
        }
        for (const ks::plan_array& array : plan_.arrays) {
            if (array.rows == 0 || array.columns == 0)
                continue;
            for (std::size_t c = 0; c < array.column_formats.size() && c < array.columns; ++c)
                if (!array.column_formats[c].empty())
                    Reference<css::beans::XPropertySet>(
                        range_of(array.row, array.column + c, array.row + array.rows - 1, array.column + c),
                        UNO_QUERY_THROW)
                        ->setPropertyValue("NumberFormat", Any(format_key(array.column_formats[c])));
            Reference<css::sheet::XArrayFormulaRange>(range_of(array.row, array.column,
                                                               array.row + array.rows - 1,
                                                               array.column + array.columns - 1),
                                                      UNO_QUERY_THROW)
                ->setArrayFormula(to_oustring(array.formula));
        }
    }

    void write_layout()
    {
        const Reference<css::container::XIndexAccess> columns(
            Reference<css::table::XColumnRowRange>(sheet_, UNO_QUERY_THROW)->getColumns(), UNO_QUERY_THROW);
        for (const auto& [index, width] : plan_.column_widths)
            Reference<css::beans::XPropertySet>(columns->getByIndex(column(index)), UNO_QUERY_THROW)
                ->setPropertyValue("Width", Any(static_cast<sal_Int32>(width)));

        Sequence<css::table::CellRangeAddress> print(1);
        print.getArray()[0] =
            css::table::CellRangeAddress(tab_, 0, 0, column(plan_.last_column), row(plan_.last_row));
        Reference<css::sheet::XPrintAreas>(sheet_, UNO_QUERY_THROW)->setPrintAreas(print);
        Reference<css::beans::XPropertySet>(sheet_, UNO_QUERY_THROW)
            ->setPropertyValue("PageStyle", Any(OUString(ensure_page_style(plan_.pages_tall))));
    }

    void write_color_scales()
    {
        for (const ks::plan_color_scale& scale : plan_.color_scales)
            write_color_scale(scale);
    }

    void write_charts()
    {
        for (const ks::plan_chart& chart : plan_.charts)
            write_chart(chart);
    }

    void activate()
    {
        const Reference<css::frame::XModel> model(document_, UNO_QUERY);
        const Reference<css::sheet::XSpreadsheetView> view(
            model.is() ? model->getCurrentController() : nullptr, UNO_QUERY);
        if (view.is())
            view->setActiveSheet(sheet_);
    }

    /// What each KPI cell shows after recalculation: its number, or the error text Calc shows.
    std::vector<ks::shown_value> kpi_values() const
    {
        std::vector<ks::shown_value> values;
        for (const ks::plan_kpi& kpi : plan_.kpis) {
            const Reference<css::table::XCell> cell =
                sheet_->getCellByPosition(column(kpi.column), row(kpi.row));
            sal_Int32 result_type = css::sheet::FormulaResult::VALUE;
            Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)
                ->getPropertyValue("FormulaResultType2") >>= result_type;
            if (cell->getError() != 0 || result_type == css::sheet::FormulaResult::STRING)
                values.emplace_back(to_utf8(Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString()));
            else
                values.emplace_back(cell->getValue());
        }
        return values;
    }

private:
    void attach(const Reference<css::sheet::XSpreadsheet>& sheet)
    {
        sheet_ = sheet;
        tab_ = static_cast<sal_Int16>(
            Reference<css::sheet::XCellRangeAddressable>(sheet_, UNO_QUERY_THROW)->getRangeAddress().Sheet);
    }

    static sal_Int32 column(std::size_t index) { return static_cast<sal_Int32>(index); }
    static sal_Int32 row(std::size_t index) { return static_cast<sal_Int32>(index); }

    Reference<css::table::XCellRange> range_of(std::size_t first_row, std::size_t first_column,
                                               std::size_t last_row, std::size_t last_column) const
    {
        return sheet_->getCellRangeByPosition(column(first_column), row(first_row), column(last_column),
                                              row(last_row));
    }

    /// The key of a format code written with English keywords, converted to the document's locale so that
    /// month names and separators are the document's. An invalid code falls back to the standard format.
    sal_Int32 format_key(const std::string& code)
    {
        if (const auto found = format_keys_.find(code); found != format_keys_.end())
            return found->second;
        sal_Int32 key = 0;
        try {
            const css::lang::Locale english("en", "US", "");
            // addNewConverted gives the existing key when the converted format is already there.
            key = formats_->addNewConverted(to_oustring(code), english, locale_);
        } catch (const uno::Exception&) {
            key = 0;
        }
        format_keys_.emplace(code, key);
        return key;
    }

    /// The number format the plan gives a cell, or "".
    std::string format_at(std::size_t at_row, std::size_t at_column) const
    {
        for (const ks::plan_array& array : plan_.arrays)
            if (at_row >= array.row && at_row < array.row + array.rows && at_column >= array.column &&
                at_column < array.column + array.columns &&
                at_column - array.column < array.column_formats.size())
                return array.column_formats[at_column - array.column];
        for (const ks::plan_cell& planned : plan_.cells)
            if (planned.row == at_row && planned.column == at_column)
                return planned.format;
        return {};
    }

    /// Whether the plan writes a text (a heading) in a cell.
    bool text_at(std::size_t at_row, std::size_t at_column) const
    {
        return std::any_of(plan_.cells.begin(), plan_.cells.end(), [&](const ks::plan_cell& planned) {
            return planned.row == at_row && planned.column == at_column && !planned.content.empty() &&
                   planned.content.front() != '=';
        });
    }

    Reference<uno::XInterface> create(const char* service) const
    {
        return context_->getServiceManager()->createInstanceWithContext(OUString::createFromAscii(service),
                                                                        context_);
    }

    Reference<css::container::XNameContainer> style_family(const char* family) const
    {
        return Reference<css::container::XNameContainer>(
            Reference<css::style::XStyleFamiliesSupplier>(document_, UNO_QUERY_THROW)
                ->getStyleFamilies()
                ->getByName(OUString::createFromAscii(family)),
            UNO_QUERY_THROW);
    }

    /// A style of the document's own, made once: the builder's page style and the colour scale's fills.
    /// (Styles are document-wide; these names are the builder's, and no data sheet uses them.)
    Reference<css::beans::XPropertySet> own_style(const char* family, const char* service,
                                                  const OUString& name) const
    {
        const auto styles = style_family(family);
        if (!styles->hasByName(name))
            styles->insertByName(name,
                                 Any(Reference<css::lang::XMultiServiceFactory>(document_, UNO_QUERY_THROW)
                                         ->createInstance(OUString::createFromAscii(service))));
        return Reference<css::beans::XPropertySet>(styles->getByName(name), UNO_QUERY_THROW);
    }

    /// Landscape A4 without header and footer, one page wide and `pages_tall` pages down (0: as many as the
    /// rows need): a KPI sheet prints as one page, unless it is too long to read on one.
    OUString ensure_page_style(std::size_t pages_tall) const
    {
        const OUString name =
            OUString::createFromAscii(pages_tall == 1 ? page_style_name : long_page_style_name);
        const auto page = own_style("PageStyles", "com.sun.star.style.PageStyle", name);
        page->setPropertyValue("IsLandscape", Any(true));
        page->setPropertyValue("Width", Any(sal_Int32(29700)));
        page->setPropertyValue("Height", Any(sal_Int32(21000)));
        for (const char* margin : {"LeftMargin", "RightMargin", "TopMargin", "BottomMargin"})
            page->setPropertyValue(OUString::createFromAscii(margin), Any(sal_Int32(1000)));
        page->setPropertyValue("HeaderIsOn", Any(false));
        page->setPropertyValue("FooterIsOn", Any(false));
        page->setPropertyValue("CenterHorizontally", Any(true));
        page->setPropertyValue("ScaleToPagesX", Any(sal_Int16(1)));
        page->setPropertyValue("ScaleToPagesY", Any(static_cast<sal_Int16>(pages_tall)));
        return name;
    }

    void write_color_scale(const ks::plan_color_scale& scale);
    void write_chart(const ks::plan_chart& chart);

    Reference<css::sheet::XSpreadsheetDocument> document_;
    Reference<uno::XComponentContext> context_;
    const ks::sheet_plan& plan_;
    Reference<css::util::XNumberFormats> formats_;
    css::lang::Locale locale_;
    std::map<std::string, sal_Int32> format_keys_;
    Reference<css::sheet::XSpreadsheet> sheet_;
    sal_Int16 tab_ = 0;
    std::function<void()> after_step_ = [] {};
};

// A three-colour scale (low red, middle yellow, high green) as five steps of conditional formatting with
// the builder's cell styles. LibreOffice 7.4's API cannot make a real colour scale: ConditionalFormats'
// createEntry(COLORSCALE) makes one without entries (ScColorScaleFormat::EnsureSize is a TODO in
// sc/source/core/data/colorscale.cxx) and setting ColorScaleEntries then crashes the office. The steps
// are relative to the block's own lowest and highest value (errors such as #N/A ignored), as a colour
// scale is, and stay live.
void plan_writer::write_color_scale(const ks::plan_color_scale& scale)
{
    static constexpr sal_Int32 colors[] = {0xF8696B, 0xFBAA77, 0xFFEB84, 0xB1D580, 0x63BE7B};
    for (std::size_t step = 0; step < std::size(colors); ++step) {
        const auto style =
            own_style("CellStyles", "com.sun.star.style.CellStyle",
                      OUString::createFromAscii(scale_style_prefix) + OUString::number(step + 1));
        style->setPropertyValue("CellBackColor", Any(colors[step]));
    }
    after_step_();
    const std::string corner = ks::column_letters(scale.first_column) + std::to_string(scale.first_row + 1);
    const std::string block =
        "$" + ks::column_letters(scale.first_column) + "$" + std::to_string(scale.first_row + 1) + ":$" +
        ks::column_letters(scale.last_column) + "$" + std::to_string(scale.last_row + 1);
    const std::string low = "AGGREGATE(5;6;" + block + ")", high = "AGGREGATE(4;6;" + block + ")";

    const Reference<css::beans::XPropertySet> range(
        range_of(scale.first_row, scale.first_column, scale.last_row, scale.last_column), UNO_QUERY_THROW);
    const Reference<css::sheet::XSheetConditionalEntries> entries(
        range->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    entries->clear();
    // The first condition that holds decides: the highest step first.
    for (std::size_t step = std::size(colors); step-- > 0;) {
        std::string formula = "ISNUMBER(" + corner + ")";
        if (step > 0)
            formula = "AND(" + formula + ";" + corner + ">=" + low + "+" + std::to_string(step) + "/" +
                      std::to_string(std::size(colors)) + "*(" + high + "-" + low + "))";
        Sequence<css::beans::PropertyValue> entry(4);
        auto* fields = entry.getArray();
        fields[0].Name = "Operator";
        fields[0].Value <<= css::sheet::ConditionOperator_FORMULA;
        fields[1].Name = "Formula1";
        fields[1].Value <<= to_oustring(formula);
        fields[2].Name = "StyleName";
        fields[2].Value <<= OUString::createFromAscii(scale_style_prefix) + OUString::number(step + 1);
        fields[3].Name = "SourcePosition";
        fields[3].Value <<= css::table::CellAddress(tab_, column(scale.first_column), row(scale.first_row));
        entries->addNew(entry);
    }
    range->setPropertyValue("ConditionalFormat", Any(entries));
}

// The chart of a plan: Calc makes a column chart of the three columns (categories first), then the chart2
// API moves the second series to a line chart type on a secondary axis. Series are named by the heading
// cells above the data when the plan writes headings there.
void plan_writer::write_chart(const ks::plan_chart& chart)
{
    if (chart.last_row < chart.first_row || chart.anchor_rows == 0 || chart.anchor_columns == 0)
        return;
    const Reference<css::beans::XPropertySet> area(range_of(chart.anchor_row, chart.anchor_column,
                                                            chart.anchor_row + chart.anchor_rows - 1,
                                                            chart.anchor_column + chart.anchor_columns - 1),
                                                   UNO_QUERY_THROW);
    css::awt::Point position;
    css::awt::Size size;
    area->getPropertyValue("Position") >>= position;
    area->getPropertyValue("Size") >>= size;

    const bool headings = chart.first_row > 0 && text_at(chart.first_row - 1, chart.bar_column) &&
                          text_at(chart.first_row - 1, chart.line_column);
    const sal_Int32 top = row(headings ? chart.first_row - 1 : chart.first_row), bottom = row(chart.last_row);
    Sequence<css::table::CellRangeAddress> ranges(3);
    auto* data = ranges.getArray();
    data[0] = css::table::CellRangeAddress(tab_, column(chart.category_column), top,
                                           column(chart.category_column), bottom);
    data[1] =
        css::table::CellRangeAddress(tab_, column(chart.bar_column), top, column(chart.bar_column), bottom);
    data[2] =
        css::table::CellRangeAddress(tab_, column(chart.line_column), top, column(chart.line_column), bottom);

    const Reference<css::table::XTableCharts> charts =
        Reference<css::table::XTableChartsSupplier>(sheet_, UNO_QUERY_THROW)->getCharts();
    const OUString name = to_oustring(chart.name);
    charts->addNewByName(name, css::awt::Rectangle(position.X, position.Y, size.Width, size.Height), ranges,
                         headings, true);
    const Reference<uno::XInterface> embedded =
        Reference<css::document::XEmbeddedObjectSupplier>(charts->getByName(name), UNO_QUERY_THROW)
            ->getEmbeddedObject();

    const Reference<css::chart2::XChartDocument> document(embedded, UNO_QUERY_THROW);
    const Reference<css::chart2::XCoordinateSystemContainer> diagram(document->getFirstDiagram(),
                                                                     UNO_QUERY_THROW);
    const Reference<css::chart2::XCoordinateSystem> system = diagram->getCoordinateSystems()[0];
    const Reference<css::chart2::XChartTypeContainer> types(system, UNO_QUERY_THROW);
    const Reference<css::chart2::XDataSeriesContainer> columns(types->getChartTypes()[0], UNO_QUERY_THROW);
    const Sequence<Reference<css::chart2::XDataSeries>> series = columns->getDataSeries();
    if (series.getLength() != 2)
        throw uno::RuntimeException("the chart " + name + " has " + OUString::number(series.getLength()) +
                                    " series instead of 2");
    // Calc orders the series by column: find the bar column's by the range its values come from.
    const std::string bar_range = ".$" + ks::column_letters(chart.bar_column) + "$";
    const auto reads_bar_column = [&](const Reference<css::chart2::XDataSeries>& candidate) {
        const Reference<css::chart2::data::XDataSource> source(candidate, UNO_QUERY_THROW);
        for (const auto& sequence : source->getDataSequences())
            if (sequence.is() && sequence->getValues().is() &&
                to_utf8(sequence->getValues()->getSourceRangeRepresentation()).find(bar_range) !=
                    std::string::npos)
                return true;
        return false;
    };
    const bool first_is_bar = reads_bar_column(series[0]) || !reads_bar_column(series[1]);
    const Reference<css::chart2::XDataSeries> bar_series = series[first_is_bar ? 0 : 1];
    const Reference<css::chart2::XDataSeries> line_series = series[first_is_bar ? 1 : 0];
    columns->removeDataSeries(line_series);
    const Reference<css::chart2::XChartType> line(create("com.sun.star.chart2.LineChartType"),
                                                  UNO_QUERY_THROW);
    Reference<css::chart2::XDataSeriesContainer>(line, UNO_QUERY_THROW)->addDataSeries(line_series);
    types->addChartType(line);

    const Reference<css::beans::XPropertySet> bars(bar_series, UNO_QUERY_THROW),
        lines(line_series, UNO_QUERY_THROW);
    bars->setPropertyValue("Color", Any(sal_Int32(0x4472C4)));
    lines->setPropertyValue("Color", Any(sal_Int32(0xED7D31)));
    lines->setPropertyValue("LineWidth", Any(sal_Int32(60)));
    lines->setPropertyValue("AttachedAxisIndex", Any(sal_Int32(1)));
    const Reference<css::chart2::XAxis> secondary(create("com.sun.star.chart2.Axis"), UNO_QUERY_THROW);
    // on the right: a secondary axis crosses the category axis at its end
    Reference<css::beans::XPropertySet>(secondary, UNO_QUERY_THROW)
        ->setPropertyValue("CrossoverPosition", Any(css::chart::ChartAxisPosition_END));
    system->setAxisByDimension(1, secondary, 1);

    // Axes show the plan's formats in the document's locale: month names on the category axis.
    const auto format_axis = [&](const Reference<css::chart2::XAxis>& axis, const std::string& format) {
        if (!axis.is() || format.empty())
            return;
        const Reference<css::beans::XPropertySet> properties(axis, UNO_QUERY_THROW);
        properties->setPropertyValue("LinkNumberFormatToSource", Any(false));
        properties->setPropertyValue("NumberFormat", Any(format_key(format)));
    };
    const Reference<css::chart2::XAxis> categories = system->getAxisByDimension(0, 0);
    css::chart2::ScaleData scale = categories->getScaleData();
    scale.AxisType = css::chart2::AxisType::CATEGORY;
    scale.AutoDateAxis = false;
    categories->setScaleData(scale);
    format_axis(categories, format_at(chart.first_row, chart.category_column));
    format_axis(system->getAxisByDimension(1, 0), format_at(chart.first_row, chart.bar_column));
    format_axis(secondary, format_at(chart.first_row, chart.line_column));

    // Title and legend through the chart's older API, which has them as plain properties.
    const Reference<css::chart::XChartDocument> old_api(embedded, UNO_QUERY);
    if (old_api.is()) {
        const Reference<css::beans::XPropertySet> properties(old_api, UNO_QUERY_THROW);
        properties->setPropertyValue("HasMainTitle", Any(true));
        const Reference<css::beans::XPropertySet> title(old_api->getTitle(), UNO_QUERY_THROW);
        title->setPropertyValue("String", Any(to_oustring(chart.title)));
        title->setPropertyValue("CharHeight", Any(12.0f));
        properties->setPropertyValue("HasLegend", Any(true));
        Reference<css::beans::XPropertySet>(old_api->getLegend(), UNO_QUERY_THROW)
            ->setPropertyValue("Alignment", Any(css::chart::ChartLegendPosition_BOTTOM));
    }
}

// ---- undo ----

/// Removes the sheet a failed first build wrote and its marker (or, when the marker is not there yet, the
/// sheet of that name).
void remove_new_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name)
{
    const Reference<css::sheet::XSpreadsheets> sheets = document->getSheets();
    const auto written = find_earlier_sheet(document);
    const auto names = named_ranges(document);
    if (names->hasByName(marker_name))
        names->removeByName(marker_name);
    if (written)
        sheets->removeByName(written->name);
    else if (sheets->hasByName(name))
        sheets->removeByName(name);
}

/// Keeps Calc from recording undo actions while a build writes a new sheet into a document without an
/// active view. Calc's sheet operations switch recording back on internally, so rearm() follows each.
class unrecorded
{
public:
    explicit unrecorded(const Reference<css::document::XUndoManager>& manager) : manager_(manager)
    {
        manager_->lock();
    }
    unrecorded(const unrecorded&) = delete;
    unrecorded& operator=(const unrecorded&) = delete;
    ~unrecorded()
    {
        try {
            manager_->unlock();
        } catch (...) {
        }
    }
    void rearm()
    {
        manager_->unlock();
        manager_->lock();
    }

private:
    Reference<css::document::XUndoManager> manager_;
};

/// Whether the document is shown in the window the user works in. Calc's own undo of a sheet insertion
/// works only then: ScUndoInsertTab::Undo calls the active view shell unchecked, so undoing it on a hidden
/// document (a script's, the command line's) brings the office down.
bool has_active_view(const Reference<css::sheet::XSpreadsheetDocument>& document)
{
    const Reference<css::frame::XModel> model(document, UNO_QUERY);
    const Reference<css::frame::XController> controller =
        model.is() ? model->getCurrentController() : nullptr;
    const Reference<css::frame::XFrame> frame = controller.is() ? controller->getFrame() : nullptr;
    if (!frame.is() || !frame->isActive())
        return false;
    const Reference<css::awt::XWindow2> window(frame->getContainerWindow(), UNO_QUERY);
    return window.is() && window->isVisible();
}

// ---- the service ----

class SheetBuilder : public cppu::WeakImplHelper2<org::kpifunctions::XSheetBuilder, css::lang::XServiceInfo>
{
public:
    explicit SheetBuilder(Reference<uno::XComponentContext> context) : context_(std::move(context)) {}

    OUString SAL_CALL detect(const Reference<css::sheet::XSpreadsheetDocument>& document,
                             const Sequence<css::beans::PropertyValue>& options) override
    {
        return guarded("detect", [&] {
            const request wanted = parse_options(options, context_);
            const detection found = detect_in(document, wanted);
            return to_oustring(ks::report_json(found.tables, nullptr, {}));
        });
    }

    OUString SAL_CALL build(const Reference<css::sheet::XSpreadsheetDocument>& document,
                            const Sequence<css::beans::PropertyValue>& options) override
    {
        return guarded("build", [&] {
            request wanted = parse_options(options, context_);
            const detection found = detect_in(document, wanted);
            wanted.options.sheet_name = free_sheet_name(document, wanted.options.sheet_name, found.earlier);
            const auto plan = ks::plan_sheet(found.book, found.tables, wanted.options);
            if (!plan)
                throw bad_input(plan.error().message, 0);

            const Reference<css::document::XUndoManager> manager =
                Reference<css::document::XUndoManagerSupplier>(document, UNO_QUERY_THROW)->getUndoManager();
            plan_writer writer(document, context_, *plan);
            if (found.earlier || has_active_view(document)) {
                // One undo step of Calc's own actions: a rebuild rewrites the earlier sheet in place.
                undo_step undo(manager);
                if (found.earlier)
                    writer.reuse_sheet(*found.earlier);
                else
                    writer.insert_sheet(sheet_count(document));
                writer.write(document, true);
                undo.commit();
            } else {
                // A first build without a view is not recorded (see has_active_view); a failure removes
                // what it wrote.
                unrecorded quiet(manager);
                writer.after_each_step([&quiet] { quiet.rearm(); });
                try {
                    writer.insert_sheet(sheet_count(document));
                    writer.write(document, false);
                } catch (...) {
                    try {
                        remove_new_sheet(document, to_oustring(plan->sheet_name));
                        quiet.rearm();
                    } catch (...) {
                        // the build's own exception is the one the caller sees
                    }
                    throw;
                }
            }
            writer.activate();
            return to_oustring(ks::report_json(found.tables, &*plan, writer.kpi_values()));
        });
    }

    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(kpi::uno_sheet::sheet_builder_implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        return Sequence<OUString>(&static_service_name(), 1);
    }

    static const OUString& static_service_name()
    {
        static const OUString name = OUString::createFromAscii(service_name);
        return name;
    }

private:
    /// Runs a method's body so that nothing escapes into the office but UNO exceptions with a message: the
    /// caller's mistakes as IllegalArgumentException, everything else as RuntimeException.
    template <class Body> OUString guarded(const char* method, Body body)
    {
        const OUString where = "SheetBuilder." + OUString::createFromAscii(method) + ": ";
        try {
            return body();
        } catch (const bad_input& e) {
            throw css::lang::IllegalArgumentException(to_oustring(e.what()),
                                                      static_cast<cppu::OWeakObject*>(this), e.argument);
        } catch (const uno::Exception& e) {
            throw uno::RuntimeException(where + e.Message, static_cast<cppu::OWeakObject*>(this));
        } catch (const std::exception& e) {
            throw uno::RuntimeException(where + to_oustring(e.what()), static_cast<cppu::OWeakObject*>(this));
        } catch (...) {
            throw uno::RuntimeException(where + "unexpected error", static_cast<cppu::OWeakObject*>(this));
        }
    }

    Reference<uno::XComponentContext> context_;
};

Reference<uno::XInterface> SAL_CALL create_sheet_builder(const Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new SheetBuilder(context));
}

} // namespace

void* kpi::uno_sheet::sheet_builder_factory()
{
    const Reference<css::lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
        create_sheet_builder, OUString::createFromAscii(sheet_builder_implementation_name),
        Sequence<OUString>(&SheetBuilder::static_service_name(), 1));
    if (!factory.is())
        return nullptr;
    factory->acquire();
    return factory.get();
}
