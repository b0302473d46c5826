// Explain Error in the context menu of a Calc cell. LibreOffice offers extensions no merge point for context
// menus (Addons.xcu merges only into the menu bar and toolbars); a context-menu interceptor
// (com.sun.star.ui.XContextMenuInterceptor) registered on a spreadsheet view adds the entry. The job
// org.kpifunctions.ContextMenu registers it, for each view as it is created: Jobs.xcu runs it on the
// document event OnViewCreated.
#pragma once

namespace kpi::menu {

/// The implementation (and service) name of the job, as kpi.components and Jobs.xcu name it.
inline constexpr char context_menu_implementation_name[] = "org.kpifunctions.ContextMenu";

/// The component factory of the job, acquired once for component_getFactory, or null.
[[nodiscard]] void* context_menu_factory();

} // namespace kpi::menu
