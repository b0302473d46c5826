// The KPI commands of Calc's menu and toolbar (oxt-packaging/Addons.xcu): a protocol handler for URLs of the
// scheme org.kpifunctions.command: (oxt-packaging/ProtocolHandler.xcu). org.kpifunctions.command:BuildSheet
// opens the Build KPI Sheet dialog (oxt-packaging/dialogs/BuildSheet.xdl) and builds the sheet through the
// service org.kpifunctions.SheetBuilder. It lives in kpi.uno.so beside the add-in service KPI.
#pragma once

namespace kpi::menu {

/// The implementation name of the protocol handler, as kpi.components and ProtocolHandler.xcu name it.
inline constexpr char menu_command_implementation_name[] = "org.kpifunctions.MenuCommand";

/// The component factory of the protocol handler, acquired once for component_getFactory, or null.
[[nodiscard]] void* menu_command_factory();

} // namespace kpi::menu
