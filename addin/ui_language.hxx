// The office's UI language, in which the glue speaks to the user when nothing else says: Explain Error's
// texts and the context menu's entry, the labels of a KPI sheet built without a Language option.
#pragma once

#include <kpi/result.hpp>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace kpi::calc {

/// The office's UI language from the configuration (org.openoffice.Setup/L10N/ooLocale): Indonesian when it
/// starts with "id", English otherwise (also when it cannot be read).
[[nodiscard]] language ui_language(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace kpi::calc
