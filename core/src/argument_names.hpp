// Every argument's English and Indonesian name, generated at build time from addin/functions.toml
// (oxt-packaging/generate.py argument-names), so that the core's messages name an argument in Indonesian as
// the Function Wizard does, without a copy of the table in C++.
#pragma once

#include <span>
#include <string_view>

namespace kpi::detail {

struct argument_name
{
    std::string_view function;   ///< "KPI.ROI"
    std::string_view english;    ///< en_name: "cost", as the core names the argument in its messages
    std::string_view indonesian; ///< id_name: "biaya"
};

/// The table's arguments, function by function in the table's order.
[[nodiscard]] std::span<const argument_name> argument_names() noexcept;

} // namespace kpi::detail
