#include "menu_command.hxx"

#include "build_dialog_state.hxx"
#include "error_explainer.hxx"
#include "utf8.hxx"

#include <org/kpifunctions/XSheetBuilder.hpp>

#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XToolkit2.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/resource/XStringResourceResolver.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kpi::menu {

namespace {

using rtl::OString;
using rtl::OUString;
namespace uno = css::uno;
namespace awt = css::awt;
namespace beans = css::beans;
namespace frame = css::frame;

constexpr char command_protocol[] = "org.kpifunctions.command:";
constexpr char build_sheet_command[] = "BuildSheet";
// Explain Error: the reason of the selected cell's error (addin/error_explainer.cxx).
constexpr char explain_error_command[] = "ExplainError";
constexpr char protocol_handler_service[] = "com.sun.star.frame.ProtocolHandler";
constexpr char builder_service[] = "org.kpifunctions.SheetBuilder";
// The dialog inside the installed extension, found by the extension's identifier
// (oxt-packaging/description.xml.in). Its strings are BuildSheet_<locale>.properties beside it.
constexpr char dialog_url[] = "vnd.sun.star.extension://org.kpifunctions.calc/dialogs/BuildSheet.xdl";
// The rows RoleLabel1/RoleList1 ... RoleLabel7/RoleList7 of BuildSheet.xdl: the most roles of one kind.
constexpr std::size_t role_rows = 7;
// The entries of GrainList and LanguageList in BuildSheet.xdl, as the service's options name them.
constexpr std::array<std::string_view, 5> grains{"day", "week", "month", "quarter", "year"};
constexpr std::size_t default_grain = 2; // month
constexpr std::array<std::string_view, 2> languages{"en", "id"};

using calc::to_oustring;
using calc::to_utf8;

template <class T> uno::Sequence<T> to_sequence(const std::vector<T>& values)
{
    uno::Sequence<T> sequence(static_cast<sal_Int32>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        sequence.getArray()[i] = values[i];
    return sequence;
}

/// A dispatch argument by name, or void.
uno::Any argument(const uno::Sequence<beans::PropertyValue>& arguments, const char* name)
{
    for (const beans::PropertyValue& p : arguments)
        if (p.Name.equalsAscii(name))
            return p.Value;
    return {};
}

/// The Build KPI Sheet dialog: shows what detection found, lets the user correct it, and builds.
///
/// Test hook: with `unattended` the dialog is created and filled exactly as for the user but not shown,
/// its Build button is pressed at once (after applying the dispatch arguments Grain, Language and SheetName
/// as if chosen), and no message box opens; the outcome, with a snapshot of the dialog's texts, is the
/// dispatch result (tests/integration/test_menu.py).
class BuildSheetDialog : public cppu::WeakImplHelper2<awt::XItemListener, awt::XActionListener>
{
public:
    BuildSheetDialog(uno::Reference<uno::XComponentContext> context, uno::Reference<frame::XFrame> frame,
                     uno::Reference<css::sheet::XSpreadsheetDocument> document, bool unattended)
        : context_(std::move(context)), frame_(std::move(frame)), document_(std::move(document)),
          unattended_(unattended)
    {
    }

    /// Detects, shows the dialog and builds. Every failure ends in a message box (or, unattended, in the
    /// outcome's error), never in an exception.
    void run(const uno::Sequence<beans::PropertyValue>& arguments)
    {
        try {
            if (!start())
                return;
            if (unattended_) {
                preset(arguments);
                snapshot_ = snapshot();
                build();
            } else {
                executing_ = true;
                dialog_->execute();
                executing_ = false;
            }
        } catch (const uno::Exception& e) {
            fail(format("message.failed", {e.Message}), e.Message);
        } catch (const std::exception& e) {
            fail(format("message.failed", {to_oustring(e.what())}), to_oustring(e.what()));
        }
        close();
    }

    /// The outcome as JSON: {"built", "report" (the build's report), "error", "dialog" (unattended only)}.
    OUString outcome() const
    {
        boost::json::object result;
        result["built"] = built_;
        result["report"] = nullptr;
        if (!report_.empty()) {
            boost::system::error_code error;
            boost::json::value report = boost::json::parse(report_, error);
            result["report"] = error ? boost::json::value(report_) : std::move(report);
        }
        result["error"] = error_.empty() ? boost::json::value(nullptr) : boost::json::value(error_);
        result["dialog"] = snapshot_.is_null() ? boost::json::value(nullptr) : snapshot_;
        return to_oustring(boost::json::serialize(result));
    }

    bool built() const { return built_; }

    // XItemListener: another table, kind or column chosen.
    void SAL_CALL itemStateChanged(const awt::ItemEvent& event) override
    {
        if (updating_)
            return;
        try {
            if (event.Source == table_list_) {
                save_roles();
                show_table(static_cast<std::size_t>(std::max<sal_Int32>(0, selected("TableList"))));
            } else if (event.Source == kind_list_) {
                const sal_Int32 index = selected("KindList");
                const auto& kinds = offered_kinds();
                const std::string kind = index > 0 && static_cast<std::size_t>(index) <= kinds.size()
                                             ? kinds[static_cast<std::size_t>(index) - 1]
                                             : std::string();
                choices_[current_] = choice_for_kind(detection_.tables[current_], kind);
                show_table(current_);
                fill_table_list();
            } else {
                save_roles();
            }
        } catch (const uno::Exception& e) {
            message(awt::MessageBoxType_ERRORBOX, e.Message);
        }
    }

    // XActionListener: Build pressed.
    void SAL_CALL actionPerformed(const awt::ActionEvent&) override
    {
        try {
            build();
        } catch (const uno::Exception& e) {
            fail(e.Message);
        }
    }

    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    /// Runs detection and fills the dialog; false (after telling the user) when there is nothing to show.
    bool start()
    {
        open_dialog(); // first: its strings tell the user what went wrong
        builder_.set(context_->getServiceManager()->createInstanceWithContext(
                         OUString::createFromAscii(builder_service), context_),
                     uno::UNO_QUERY);
        if (!builder_.is()) {
            fail(text("message.no_service"));
            return false;
        }
        detection_ = parse_detection(to_utf8(builder_->detect(document_, {})));
        const auto& kinds = offered_kinds();
        if (std::none_of(detection_.tables.begin(), detection_.tables.end(), [&](const detected_table& t) {
                return std::find(kinds.begin(), kinds.end(), t.kind) != kinds.end();
            })) {
            fail(text("message.no_table"));
            return false;
        }
        for (const detected_table& table : detection_.tables) {
            choices_.push_back(detected_choice(table));
            headers_.push_back(read_headers(table));
        }
        fill_table_list();
        select("TableList", 0);
        show_table(0);
        select("LanguageList", resolver_.is() && resolver_->getCurrentLocale().Language == "id" ? 1 : 0);
        select("GrainList", default_grain);
        set_text("Warnings", warnings_text());
        return true;
    }

    void open_dialog()
    {
        uno::Sequence<beans::NamedValue> arguments(1);
        arguments.getArray()[0] = beans::NamedValue("ParentWindow", uno::Any(frame_window()));
        const uno::Reference<awt::XDialogProvider2> provider = awt::DialogProvider2::create(context_);
        dialog_.set(provider->createDialogWithArguments(OUString::createFromAscii(dialog_url), arguments),
                    uno::UNO_SET_THROW);
        controls_.set(dialog_, uno::UNO_QUERY_THROW);
        const uno::Reference<awt::XControl> control(dialog_, uno::UNO_QUERY_THROW);
        const uno::Reference<beans::XPropertySet> dialog_model(control->getModel(), uno::UNO_QUERY_THROW);
        dialog_model->getPropertyValue("ResourceResolver") >>= resolver_;

        table_list_.set(controls_->getControl("TableList"), uno::UNO_QUERY_THROW);
        kind_list_.set(controls_->getControl("KindList"), uno::UNO_QUERY_THROW);
        table_list_->addItemListener(this);
        kind_list_->addItemListener(this);
        for (std::size_t i = 0; i < role_rows; ++i) {
            const uno::Reference<awt::XListBox> list(controls_->getControl(role_name("RoleList", i)),
                                                     uno::UNO_QUERY_THROW);
            list->addItemListener(this);
        }
        const uno::Reference<awt::XButton> build_button(controls_->getControl("BuildButton"),
                                                        uno::UNO_QUERY_THROW);
        build_button->addActionListener(this);
    }

    void close()
    {
        const uno::Reference<css::lang::XComponent> component(dialog_, uno::UNO_QUERY);
        dialog_.clear();
        controls_.clear();
        table_list_.clear();
        kind_list_.clear();
        if (component.is())
            component->dispose();
    }

    /// The cells of the header row of a table: "C: Header" for the role drop-downs, by column letters.
    std::vector<std::pair<std::string, std::string>> read_headers(const detected_table& table) const
    {
        std::vector<std::pair<std::string, std::string>> headers;
        const auto span = parse_range(table.range);
        if (!span) {
            for (const detected_column& c : table.columns)
                headers.emplace_back(c.letters, c.header);
            return headers;
        }
        uno::Sequence<uno::Sequence<uno::Any>> cells;
        if (table.header_row > 0) {
            const uno::Reference<css::container::XNameAccess> sheets(document_->getSheets(),
                                                                     uno::UNO_QUERY_THROW);
            const uno::Reference<css::table::XCellRange> sheet(sheets->getByName(to_oustring(table.sheet)),
                                                               uno::UNO_QUERY_THROW);
            const auto row = static_cast<sal_Int32>(table.header_row - 1);
            const uno::Reference<css::sheet::XCellRangeData> data(
                sheet->getCellRangeByPosition(static_cast<sal_Int32>(span->first_column), row,
                                              static_cast<sal_Int32>(span->last_column), row),
                uno::UNO_QUERY_THROW);
            cells = data->getDataArray();
        }
        for (std::size_t column = span->first_column; column <= span->last_column; ++column) {
            OUString header;
            const std::size_t index = column - span->first_column;
            if (cells.getLength() > 0 && index < static_cast<std::size_t>(cells[0].getLength())) {
                const uno::Any& cell = cells[0][static_cast<sal_Int32>(index)];
                double number = 0;
                if (!(cell >>= header) && (cell >>= number))
                    header = OUString::number(number);
            }
            headers.emplace_back(column_letters(column), to_utf8(header.trim()));
        }
        return headers;
    }

    void fill_table_list()
    {
        std::vector<OUString> entries;
        for (std::size_t i = 0; i < detection_.tables.size(); ++i) {
            const detected_table& t = detection_.tables[i];
            entries.push_back(format("table.entry", {to_oustring(t.name), kind_label(choices_[i].kind),
                                                     to_oustring(t.sheet), to_oustring(t.range),
                                                     OUString::number(static_cast<sal_Int64>(t.rows))}));
        }
        set_items("TableList", entries);
        select("TableList", static_cast<sal_Int32>(current_));
    }

    /// Shows the kind and the role rows of table `index`.
    void show_table(std::size_t index)
    {
        current_ = index;
        const table_choice& choice = choices_[index];
        const auto& kinds = offered_kinds();
        const auto kind = std::find(kinds.begin(), kinds.end(), choice.kind);
        select("KindList", kind == kinds.end() ? 0 : static_cast<sal_Int32>(kind - kinds.begin()) + 1);

        shown_roles_ = kind_roles(choice.kind);
        std::vector<OUString> entries{text("column.none")};
        for (const auto& [letters, header] : headers_[index])
            entries.push_back(to_oustring(header.empty() ? letters : letters + ": " + header));
        for (std::size_t row = 0; row < role_rows; ++row) {
            const bool shown = row < shown_roles_.size();
            visible(role_name("RoleLabel", row), shown);
            visible(role_name("RoleList", row), shown);
            if (!shown)
                continue;
            const std::string& role = shown_roles_[row];
            const OUString label = text(("role." + role).c_str());
            set_label(role_name("RoleLabel", row),
                      is_optional_role(choice.kind, role) ? format("role.optional", {label}) : label);
            set_items(role_name("RoleList", row), entries);
            sal_Int32 position = 0;
            const auto chosen = choice.columns.find(role);
            for (std::size_t i = 0; chosen != choice.columns.end() && i < headers_[index].size(); ++i)
                if (headers_[index][i].first == chosen->second)
                    position = static_cast<sal_Int32>(i) + 1;
            select(role_name("RoleList", row), position);
        }
    }

    /// Reads the role rows back into the choice of the current table.
    void save_roles()
    {
        table_choice& choice = choices_[current_];
        for (std::size_t row = 0; row < shown_roles_.size() && row < role_rows; ++row) {
            const sal_Int32 position = selected(role_name("RoleList", row));
            choice.columns[shown_roles_[row]] =
                position > 0 && static_cast<std::size_t>(position) <= headers_[current_].size()
                    ? headers_[current_][static_cast<std::size_t>(position) - 1].first
                    : std::string();
        }
    }

    OUString warnings_text() const
    {
        if (detection_.warnings.empty())
            return text("warnings.none");
        OUString lines;
        for (const detected_warning& w : detection_.warnings) {
            // The report's message is English; a translated sentence is used where the strings have one.
            const std::string id = "warning." + w.code;
            OUString what = w.code.empty() ? OUString() : text(id.c_str());
            if (what.isEmpty() || what == to_oustring(id))
                what = to_oustring(w.message);
            if (!lines.isEmpty())
                lines += "\n";
            lines += format("warning.entry", {to_oustring(w.sheet), to_oustring(w.column),
                                              OUString::number(static_cast<sal_Int64>(w.rows)), what});
        }
        return lines;
    }

    /// Dispatch arguments of the test hook, applied as a user would choose them.
    void preset(const uno::Sequence<beans::PropertyValue>& arguments)
    {
        OUString value;
        if (argument(arguments, "Grain") >>= value)
            for (std::size_t i = 0; i < grains.size(); ++i)
                if (value.equalsAscii(std::string(grains[i]).c_str()))
                    select("GrainList", static_cast<sal_Int32>(i));
        if (argument(arguments, "Language") >>= value)
            for (std::size_t i = 0; i < languages.size(); ++i)
                if (value.equalsAscii(std::string(languages[i]).c_str()))
                    select("LanguageList", static_cast<sal_Int32>(i));
        if (argument(arguments, "SheetName") >>= value)
            set_text("SheetName", value);
    }

    /// Build pressed: the service builds with the user's choices; the dialog closes on success.
    void build()
    {
        save_roles();
        const OUString sheet_name = get_text("SheetName").trim();
        if (sheet_name.isEmpty()) {
            fail(text("message.sheet_name"));
            return;
        }
        std::vector<beans::PropertyValue> options;
        const sal_Int32 grain = selected("GrainList");
        const std::size_t grain_index = grain >= 0 && static_cast<std::size_t>(grain) < grains.size()
                                            ? static_cast<std::size_t>(grain)
                                            : default_grain;
        options.emplace_back("Grain", 0, uno::Any(to_oustring(grains[grain_index])),
                             css::beans::PropertyState_DIRECT_VALUE);
        const sal_Int32 language = selected("LanguageList");
        options.emplace_back("Language", 0, uno::Any(to_oustring(languages[language == 1 ? 1 : 0])),
                             css::beans::PropertyState_DIRECT_VALUE);
        options.emplace_back("SheetName", 0, uno::Any(sheet_name), css::beans::PropertyState_DIRECT_VALUE);
        for (std::size_t i = 0; i < detection_.tables.size(); ++i)
            for (const std::string& value : overrides(detection_.tables[i], choices_[i]))
                options.emplace_back("Override", 0, uno::Any(to_oustring(value)),
                                     css::beans::PropertyState_DIRECT_VALUE);

        OUString report;
        try {
            report = builder_->build(document_, to_sequence(options));
        } catch (const css::lang::IllegalArgumentException& e) {
            fail(format("message.failed", {e.Message}), e.Message);
            return;
        } catch (const uno::RuntimeException& e) {
            fail(format("message.failed", {e.Message}), e.Message);
            return;
        }
        built_ = true;
        error_.clear();
        report_ = to_utf8(report);
        show_sheet(to_oustring(built_sheet(report_)));
        if (executing_)
            dialog_->endExecute();
    }

    /// Makes the KPI sheet the active sheet of the document's view.
    void show_sheet(const OUString& name) const
    {
        const uno::Reference<css::container::XNameAccess> sheets(document_->getSheets(),
                                                                 uno::UNO_QUERY_THROW);
        if (name.isEmpty() || !sheets->hasByName(name) || !frame_.is())
            return;
        const uno::Reference<css::sheet::XSpreadsheetView> view(frame_->getController(), uno::UNO_QUERY);
        const uno::Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(name), uno::UNO_QUERY);
        if (view.is() && sheet.is())
            view->setActiveSheet(sheet);
    }

    /// Records the failure and tells the user (not when unattended).
    void fail(const OUString& shown, const OUString& reason = OUString())
    {
        error_ = to_utf8(reason.isEmpty() ? shown : reason);
        message(awt::MessageBoxType_ERRORBOX, shown);
    }

    void message(awt::MessageBoxType type, const OUString& text_shown) const
    {
        if (unattended_)
            return;
        try {
            uno::Reference<awt::XWindowPeer> parent;
            if (dialog_.is())
                parent.set(uno::Reference<awt::XControl>(dialog_, uno::UNO_QUERY_THROW)->getPeer());
            if (!parent.is())
                parent = frame_window();
            const uno::Reference<awt::XToolkit2> toolkit = awt::Toolkit::create(context_);
            const uno::Reference<awt::XMessageBox> box = toolkit->createMessageBox(
                parent, type, awt::MessageBoxButtons::BUTTONS_OK, text("message.title"), text_shown);
            box->execute();
            const uno::Reference<css::lang::XComponent> component(box, uno::UNO_QUERY);
            if (component.is())
                component->dispose();
        } catch (const uno::Exception&) {
            // nowhere left to tell it: the outcome still carries the error
        }
    }

    uno::Reference<awt::XWindowPeer> frame_window() const
    {
        return frame_.is() ? uno::Reference<awt::XWindowPeer>(frame_->getContainerWindow(), uno::UNO_QUERY)
                           : uno::Reference<awt::XWindowPeer>();
    }

    // ---- the dialog's strings and controls ----

    /// The string `id` of BuildSheet_<UI locale>.properties; the id itself when it has none.
    OUString text(const char* id) const
    {
        const OUString key = OUString::createFromAscii(id);
        if (resolver_.is()) {
            try {
                return resolver_->resolveString(key);
            } catch (const uno::Exception&) {
            }
        }
        return key;
    }

    /// The string `id` with %1, %2 ... replaced by `values`.
    OUString format(const char* id, const std::vector<OUString>& values) const
    {
        OUString result = text(id);
        for (std::size_t i = values.size(); i-- > 0;)
            result = result.replaceAll("%" + OUString::number(static_cast<sal_Int64>(i + 1)), values[i]);
        return result;
    }

    OUString kind_label(const std::string& kind) const
    {
        return text(kind.empty() ? "kind.none" : ("kind." + kind).c_str());
    }

    static OUString role_name(const char* prefix, std::size_t row)
    {
        return OUString::createFromAscii(prefix) + OUString::number(static_cast<sal_Int64>(row + 1));
    }

    uno::Reference<beans::XPropertySet> model(const OUString& name) const
    {
        const uno::Reference<awt::XControl> control(controls_->getControl(name), uno::UNO_SET_THROW);
        return uno::Reference<beans::XPropertySet>(control->getModel(), uno::UNO_QUERY_THROW);
    }

    void set_items(const OUString& name, const std::vector<OUString>& items)
    {
        updating_ = true;
        model(name)->setPropertyValue("StringItemList", uno::Any(to_sequence(items)));
        updating_ = false;
    }

    void select(const OUString& name, sal_Int32 position)
    {
        updating_ = true;
        uno::Sequence<sal_Int16> selection(1);
        selection.getArray()[0] = static_cast<sal_Int16>(position);
        model(name)->setPropertyValue("SelectedItems", uno::Any(selection));
        updating_ = false;
    }

    sal_Int32 selected(const OUString& name) const
    {
        uno::Sequence<sal_Int16> selection;
        model(name)->getPropertyValue("SelectedItems") >>= selection;
        return selection.getLength() > 0 ? selection[0] : -1;
    }

    void set_label(const OUString& name, const OUString& label)
    {
        model(name)->setPropertyValue("Label", uno::Any(label));
    }

    void set_text(const OUString& name, const OUString& value)
    {
        model(name)->setPropertyValue("Text", uno::Any(value));
    }

    OUString get_text(const OUString& name) const
    {
        OUString value;
        model(name)->getPropertyValue("Text") >>= value;
        return value;
    }

    void visible(const OUString& name, bool shown)
    {
        const uno::Reference<awt::XWindow> window(controls_->getControl(name), uno::UNO_QUERY_THROW);
        window->setVisible(shown);
    }

    /// What the dialog shows, as its window peers display it (the test hook's record of the dialog).
    boost::json::value snapshot() const
    {
        auto peer_of = [&](const uno::Reference<awt::XControl>& control) {
            return control.is() ? control->getPeer() : uno::Reference<awt::XWindowPeer>();
        };
        // A fixed text's shown label, or with no name the dialog's shown title.
        auto peer_text = [&](const char* name) {
            if (name == nullptr) {
                const uno::Reference<awt::XDialog> peer(
                    peer_of(uno::Reference<awt::XControl>(dialog_, uno::UNO_QUERY)), uno::UNO_QUERY);
                return to_utf8(peer.is() ? peer->getTitle() : OUString());
            }
            const uno::Reference<awt::XFixedText> peer(
                peer_of(controls_->getControl(OUString::createFromAscii(name))), uno::UNO_QUERY);
            return to_utf8(peer.is() ? peer->getText() : OUString());
        };
        auto peer_items = [&](const OUString& name) {
            boost::json::array items;
            const uno::Reference<awt::XListBox> peer(peer_of(controls_->getControl(name)), uno::UNO_QUERY);
            if (peer.is())
                for (const OUString& item : peer->getItems())
                    items.emplace_back(to_utf8(item));
            return items;
        };
        auto peer_selected = [&](const OUString& name) {
            const uno::Reference<awt::XListBox> peer(peer_of(controls_->getControl(name)), uno::UNO_QUERY);
            return peer.is() ? to_utf8(peer->getSelectedItem()) : std::string();
        };

        boost::json::object labels;
        for (const char* name :
             {"TablesLabel", "KindLabel", "GrainLabel", "LanguageLabel", "SheetNameLabel", "WarningsLabel"})
            labels[name] = peer_text(name);
        boost::json::array roles;
        for (std::size_t row = 0; row < shown_roles_.size() && row < role_rows; ++row) {
            roles.push_back(
                boost::json::object{{"role", shown_roles_[row]},
                                    {"label", peer_text(to_utf8(role_name("RoleLabel", row)).c_str())},
                                    {"selected", peer_selected(role_name("RoleList", row))},
                                    {"entries", peer_items(role_name("RoleList", row))}});
        }
        return boost::json::object{{"title", peer_text(nullptr)},
                                   {"labels", std::move(labels)},
                                   {"tables", peer_items("TableList")},
                                   {"table", peer_selected("TableList")},
                                   {"kinds", peer_items("KindList")},
                                   {"kind", peer_selected("KindList")},
                                   {"roles", std::move(roles)},
                                   {"grains", peer_items("GrainList")},
                                   {"grain", peer_selected("GrainList")},
                                   {"languages", peer_items("LanguageList")},
                                   {"language", peer_selected("LanguageList")},
                                   {"sheet_name", to_utf8(get_text("SheetName"))},
                                   {"warnings", to_utf8(get_text("Warnings"))}};
    }

    uno::Reference<uno::XComponentContext> context_;
    uno::Reference<frame::XFrame> frame_;
    uno::Reference<css::sheet::XSpreadsheetDocument> document_;
    const bool unattended_;
    uno::Reference<org::kpifunctions::XSheetBuilder> builder_;

    uno::Reference<awt::XDialog> dialog_;
    uno::Reference<awt::XControlContainer> controls_;
    uno::Reference<awt::XListBox> table_list_;
    uno::Reference<awt::XListBox> kind_list_;
    uno::Reference<css::resource::XStringResourceResolver> resolver_;

    detection detection_;
    std::vector<table_choice> choices_;
    std::vector<std::vector<std::pair<std::string, std::string>>> headers_; ///< per table: letters, header
    std::vector<std::string> shown_roles_;
    std::size_t current_ = 0;
    bool updating_ = false;
    bool executing_ = false;

    bool built_ = false;
    std::string report_;
    std::string error_;
    boost::json::value snapshot_;
};

/// The protocol handler: the frame gives it the command URLs of the KPI menu and toolbar.
class MenuCommand : public cppu::WeakImplHelper4<frame::XDispatchProvider, frame::XNotifyingDispatch,
                                                 css::lang::XInitialization, css::lang::XServiceInfo>
{
public:
    explicit MenuCommand(uno::Reference<uno::XComponentContext> context) : context_(std::move(context)) {}

    // XInitialization: the frame the handler serves.
    void SAL_CALL initialize(const uno::Sequence<uno::Any>& arguments) override
    {
        uno::Reference<frame::XFrame> frame;
        if (arguments.getLength() > 0 && (arguments[0] >>= frame))
            frame_ = frame;
    }

    // XDispatchProvider
    uno::Reference<frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url, const OUString&,
                                                            sal_Int32) override
    {
        return is_build_sheet(url) || is_explain_error(url) ? uno::Reference<frame::XDispatch>(this)
                                                            : nullptr;
    }

    uno::Sequence<uno::Reference<frame::XDispatch>>
        SAL_CALL queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests) override
    {
        uno::Sequence<uno::Reference<frame::XDispatch>> dispatches(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            dispatches.getArray()[i] =
                queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
        return dispatches;
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const uno::Sequence<beans::PropertyValue>& arguments) override
    {
        dispatchWithNotification(url, arguments, nullptr);
    }

    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener>& listener,
                                    const css::util::URL& url) override
    {
        if (!listener.is())
            return;
        frame::FeatureStateEvent state;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        state.FeatureURL = url;
        state.IsEnabled = is_build_sheet(url) || is_explain_error(url);
        state.Requery = false;
        listener->statusChanged(state);
    }

    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener>&,
                                       const css::util::URL&) override
    {
    }

    // XNotifyingDispatch: the result is the outcome as JSON text (BuildSheetDialog::outcome).
    void SAL_CALL
    dispatchWithNotification(const css::util::URL& url, const uno::Sequence<beans::PropertyValue>& arguments,
                             const uno::Reference<frame::XDispatchResultListener>& listener) override
    {
        frame::DispatchResultEvent result;
        result.Source = static_cast<cppu::OWeakObject*>(this);
        result.State = frame::DispatchResultState::FAILURE;
        try {
            const uno::Reference<frame::XFrame> frame(frame_);
            const uno::Reference<frame::XController> controller =
                frame.is() ? frame->getController() : uno::Reference<frame::XController>();
            const uno::Reference<css::sheet::XSpreadsheetDocument> document(
                controller.is() ? controller->getModel() : nullptr, uno::UNO_QUERY);
            if (is_explain_error(url) && document.is()) {
                bool unattended = false;
                argument(arguments, "Unattended") >>= unattended;
                result.Result <<= explain_error(controller, unattended);
                result.State = frame::DispatchResultState::SUCCESS;
            } else if (!is_build_sheet(url)) {
                result.Result <<= OUString("unknown command " + url.Complete);
            } else if (!document.is()) {
                result.Result <<= OUString("the command runs in a Calc document only");
            } else {
                bool unattended = false;
                argument(arguments, "Unattended") >>= unattended;
                const rtl::Reference<BuildSheetDialog> dialog(
                    new BuildSheetDialog(context_, frame, document, unattended));
                dialog->run(arguments);
                result.State = dialog->built() ? frame::DispatchResultState::SUCCESS
                                               : frame::DispatchResultState::FAILURE;
                result.Result <<= dialog->outcome();
            }
        } catch (const uno::Exception& e) {
            result.Result <<= e.Message;
        } catch (const std::exception& e) {
            result.Result <<= to_oustring(e.what());
        }
        if (listener.is())
            listener->dispatchFinished(result);
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(menu_command_implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return services(); }

    static uno::Sequence<OUString> services()
    {
        uno::Sequence<OUString> names(1);
        names.getArray()[0] = OUString::createFromAscii(protocol_handler_service);
        return names;
    }

private:
    static bool is_command(const css::util::URL& url, const char* command)
    {
        return url.Complete ==
                   OUString::createFromAscii(command_protocol) + OUString::createFromAscii(command) ||
               (url.Protocol.equalsAscii(command_protocol) && url.Path.equalsAscii(command));
    }
    static bool is_build_sheet(const css::util::URL& url) { return is_command(url, build_sheet_command); }
    static bool is_explain_error(const css::util::URL& url) { return is_command(url, explain_error_command); }

    /// Explain Error for the view's selected cell: a message box with the reason in the UI language. Test
    /// hook: `unattended` shows no box. The outcome, JSON: {"finding": "explained", "not_an_error" or
    /// "no_kpi_function", "text": what the box says}.
    OUString explain_error(const uno::Reference<frame::XController>& view, bool unattended) const
    {
        const explainer::explanation found = explainer::explain_selection(context_, view);
        if (!unattended)
            explainer::show_explanation(context_, view, found);
        const char* finding = found.what == explainer::finding::explained         ? "explained"
                              : found.what == explainer::finding::no_kpi_function ? "no_kpi_function"
                                                                                  : "not_an_error";
        return to_oustring(
            boost::json::serialize(boost::json::object{{"finding", finding}, {"text", found.text}}));
    }

    uno::Reference<uno::XComponentContext> context_;
    uno::WeakReference<frame::XFrame> frame_;
};

uno::Reference<uno::XInterface>
    SAL_CALL create_menu_command(const uno::Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new MenuCommand(context));
}

} // namespace

void* menu_command_factory()
{
    const uno::Reference<css::lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
        create_menu_command, OUString::createFromAscii(menu_command_implementation_name),
        MenuCommand::services());
    if (!factory.is())
        return nullptr;
    factory->acquire();
    return factory.get();
}

} // namespace kpi::menu
