#include "kpi/sheet/workbook.hpp"

#include <algorithm>

namespace kpi::sheet {

std::string column_letters(std::size_t column)
{
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        letters.push_back(static_cast<char>('A' + (n - 1) % 26));
    std::reverse(letters.begin(), letters.end());
    return letters;
}

std::string quoted_sheet_name(std::string_view name)
{
    const auto plain = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    };
    const bool starts_with_digit = !name.empty() && name.front() >= '0' && name.front() <= '9';
    if (!name.empty() && !starts_with_digit && std::all_of(name.begin(), name.end(), plain))
        return std::string(name);
    std::string quoted = "'";
    for (const char c : name) {
        quoted.push_back(c);
        if (c == '\'')
            quoted.push_back('\'');
    }
    quoted.push_back('\'');
    return quoted;
}

std::string absolute_range(std::string_view sheet, std::size_t first_row, std::size_t first_column,
                           std::size_t last_row, std::size_t last_column)
{
    const auto corner = [](std::size_t row, std::size_t column) {
        return "$" + column_letters(column) + "$" + std::to_string(row + 1);
    };
    std::string text = "$" + quoted_sheet_name(sheet) + "." + corner(first_row, first_column);
    if (first_row != last_row || first_column != last_column)
        text += ":" + corner(last_row, last_column);
    return text;
}

} // namespace kpi::sheet
