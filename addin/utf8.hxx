// UTF-8 text of the core and UNO's UTF-16 strings, converted both ways: one pair for every component.
#pragma once

#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <cstddef>
#include <string>
#include <string_view>

namespace kpi::calc {

/// UTF-8 text (a core message, a formula, a name) as a UNO string.
[[nodiscard]] inline rtl::OUString to_oustring(std::string_view text)
{
    return rtl::OUString(text.data(), static_cast<sal_Int32>(text.size()), RTL_TEXTENCODING_UTF8);
}

/// A UNO string as UTF-8 text.
[[nodiscard]] inline std::string to_utf8(const rtl::OUString& text)
{
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

} // namespace kpi::calc
