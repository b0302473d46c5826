// A rectangular result for array functions: each cell is empty, a number or an error.
#pragma once

#include "kpi/result.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace kpi {

struct grid
{
    std::size_t rows = 0;
    std::size_t columns = 0;
    /// Row by row; an empty optional is an empty cell.
    std::vector<std::optional<result<double>>> cells;

    grid(std::size_t row_count, std::size_t column_count)
        : rows(row_count), columns(column_count), cells(row_count * column_count)
    {
    }

    [[nodiscard]] std::optional<result<double>>& at(std::size_t row, std::size_t column)
    {
        return cells[row * columns + column];
    }
    [[nodiscard]] const std::optional<result<double>>& at(std::size_t row, std::size_t column) const
    {
        return cells[row * columns + column];
    }
};

} // namespace kpi
