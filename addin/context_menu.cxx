#include "context_menu.hxx"

#include "error_explainer.hxx"
#include "ui_language.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexContainer.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/ui/ActionTriggerSeparatorType.hpp>
#include <com/sun/star/ui/ContextMenuExecuteEvent.hpp>
#include <com/sun/star/ui/XContextMenuInterception.hpp>
#include <com/sun/star/ui/XContextMenuInterceptor.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>

#include <algorithm>
#include <mutex>
#include <vector>

namespace kpi::menu {

namespace {

namespace uno = css::uno;
using rtl::OUString;

constexpr char explain_error_url[] = "org.kpifunctions.command:ExplainError";

/// The commands of the context menus that are not a cell's: the column and row headers' and the sheet tab's.
constexpr const char* not_a_cells_menu[] = {".uno:ColumnWidth", ".uno:RowHeight", ".uno:RenameTable"};

/// Adds "Explain Error" ("Jelaskan Galat") at the end of a cell's context menu, after a separator.
class ExplainErrorEntry : public cppu::WeakImplHelper1<css::ui::XContextMenuInterceptor>
{
public:
    explicit ExplainErrorEntry(uno::Reference<uno::XComponentContext> context) : context_(std::move(context))
    {
    }

    css::ui::ContextMenuInterceptorAction SAL_CALL
    notifyContextMenuExecute(const css::ui::ContextMenuExecuteEvent& event) override
    {
        try {
            const uno::Reference<css::container::XIndexContainer>& menu = event.ActionTriggerContainer;
            if (!menu.is() || !is_cells_menu(menu, event.Selection))
                return css::ui::ContextMenuInterceptorAction_IGNORED;
            const uno::Reference<css::lang::XMultiServiceFactory> factory(menu, uno::UNO_QUERY_THROW);
            const uno::Reference<css::beans::XPropertySet> separator(
                factory->createInstance("com.sun.star.ui.ActionTriggerSeparator"), uno::UNO_QUERY_THROW);
            separator->setPropertyValue("SeparatorType", uno::Any(css::ui::ActionTriggerSeparatorType::LINE));
            const uno::Reference<css::beans::XPropertySet> entry(
                factory->createInstance("com.sun.star.ui.ActionTrigger"), uno::UNO_QUERY_THROW);
            const std::string title = explainer::command_title(calc::ui_language(context_));
            entry->setPropertyValue("Text", uno::Any(OUString::fromUtf8(title.c_str())));
            entry->setPropertyValue("CommandURL", uno::Any(OUString::createFromAscii(explain_error_url)));
            menu->insertByIndex(menu->getCount(), uno::Any(separator));
            menu->insertByIndex(menu->getCount(), uno::Any(entry));
            return css::ui::ContextMenuInterceptorAction_CONTINUE_MODIFIED;
        } catch (const uno::Exception&) {
            return css::ui::ContextMenuInterceptorAction_IGNORED;
        }
    }

private:
    /// A cell's context menu: cells are selected, and none of the header or sheet tab commands is there.
    static bool is_cells_menu(const uno::Reference<css::container::XIndexContainer>& menu,
                              const uno::Reference<css::view::XSelectionSupplier>& view)
    {
        const uno::Reference<css::lang::XServiceInfo> selection(view.is() ? view->getSelection() : uno::Any(),
                                                                uno::UNO_QUERY);
        if (!selection.is() || !(selection->supportsService("com.sun.star.sheet.SheetCellRange") ||
                                 selection->supportsService("com.sun.star.sheet.SheetCellRanges")))
            return false;
        for (sal_Int32 i = 0; i < menu->getCount(); ++i) {
            const uno::Reference<css::beans::XPropertySet> item(menu->getByIndex(i), uno::UNO_QUERY);
            OUString command;
            try {
                if (item.is())
                    item->getPropertyValue("CommandURL") >>= command;
            } catch (const uno::Exception&) {
                continue; // a separator has no command
            }
            if (std::any_of(std::begin(not_a_cells_menu), std::end(not_a_cells_menu),
                            [&](const char* other) { return command.equalsAscii(other); }))
                return false;
        }
        return true;
    }

    uno::Reference<uno::XComponentContext> context_;
};

/// The job Jobs.xcu runs on OnViewCreated: registers the entry on the new view of a spreadsheet document,
/// once per view.
class ContextMenuJob : public cppu::WeakImplHelper2<css::task::XJob, css::lang::XServiceInfo>
{
public:
    explicit ContextMenuJob(uno::Reference<uno::XComponentContext> context) : context_(std::move(context)) {}

    uno::Any SAL_CALL execute(const uno::Sequence<css::beans::NamedValue>& arguments) override
    {
        uno::Reference<css::frame::XModel> model;
        for (const auto& argument : arguments) {
            uno::Sequence<css::beans::NamedValue> environment;
            if (argument.Name == "Environment" && (argument.Value >>= environment))
                for (const auto& value : environment)
                    if (value.Name == "Model")
                        value.Value >>= model;
        }
        if (!uno::Reference<css::sheet::XSpreadsheetDocument>(model, uno::UNO_QUERY).is())
            return {};
        const uno::Reference<css::ui::XContextMenuInterception> view(model->getCurrentController(),
                                                                     uno::UNO_QUERY);
        if (view.is() && first_time(view))
            view->registerContextMenuInterceptor(new ExplainErrorEntry(context_));
        return {};
    }

    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(context_menu_implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return services(); }

    static uno::Sequence<OUString> services()
    {
        uno::Sequence<OUString> names(1);
        names.getArray()[0] = OUString::createFromAscii(context_menu_implementation_name);
        return names;
    }

private:
    /// Whether the view has no entry yet (a second OnViewCreated of the same view adds none).
    static bool first_time(const uno::Reference<css::ui::XContextMenuInterception>& view)
    {
        static std::mutex mutex;
        static std::vector<uno::WeakReference<css::ui::XContextMenuInterception>> seen;
        const std::lock_guard lock(mutex);
        std::erase_if(seen, [](const auto& weak) {
            return !uno::Reference<css::ui::XContextMenuInterception>(weak).is();
        });
        for (const auto& weak : seen)
            if (uno::Reference<css::ui::XContextMenuInterception>(weak) == view)
                return false;
        seen.emplace_back(view);
        return true;
    }

    uno::Reference<uno::XComponentContext> context_;
};

uno::Reference<uno::XInterface>
    SAL_CALL create_context_menu_job(const uno::Reference<uno::XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new ContextMenuJob(context));
}

} // namespace

void* context_menu_factory()
{
    const uno::Reference<css::lang::XSingleComponentFactory> factory = cppu::createSingleComponentFactory(
        create_context_menu_job, OUString::createFromAscii(context_menu_implementation_name),
        ContextMenuJob::services());
    if (!factory.is())
        return nullptr;
    factory->acquire();
    return factory.get();
}

} // namespace kpi::menu
