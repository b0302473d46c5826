#include "error_capture.hxx"

#include <algorithm>
#include <mutex>
#include <utility>

namespace kpi::calc {

namespace detail {
std::atomic<int> live_captures{0};
} // namespace detail

/// The live captures, guarded by one mutex.
struct capture_registry
{
    std::mutex mutex;
    std::vector<error_capture*> captures;

    static capture_registry& instance()
    {
        static capture_registry registry;
        return registry;
    }

    void add(const captured_error& record)
    {
        const std::lock_guard lock(mutex);
        for (error_capture* capture : captures)
            if (record.whole || (record.row == capture->row_ && record.column == capture->column_))
                capture->errors_.push_back(record);
    }

    /// The cells of array results that some capture wants.
    std::vector<std::pair<std::size_t, std::size_t>> wanted_cells()
    {
        const std::lock_guard lock(mutex);
        std::vector<std::pair<std::size_t, std::size_t>> cells;
        for (const error_capture* capture : captures)
            cells.emplace_back(capture->row_, capture->column_);
        return cells;
    }
};

error_capture::error_capture(std::size_t row, std::size_t column) : row_(row), column_(column)
{
    capture_registry& registry = capture_registry::instance();
    const std::lock_guard lock(registry.mutex);
    registry.captures.push_back(this);
    detail::live_captures.fetch_add(1, std::memory_order_relaxed);
}

error_capture::~error_capture()
{
    capture_registry& registry = capture_registry::instance();
    const std::lock_guard lock(registry.mutex);
    std::erase(registry.captures, this);
    detail::live_captures.fetch_sub(1, std::memory_order_relaxed);
}

std::vector<captured_error> error_capture::errors() const
{
    const std::lock_guard lock(capture_registry::instance().mutex);
    return errors_;
}

void record_error(std::string_view function, const error& failure, std::size_t row, std::size_t column,
                  bool whole) noexcept
{
    if (!capturing())
        return;
    try {
        capture_registry::instance().add(captured_error{std::string(function), failure, row, column, whole});
    } catch (...) {
        // out of memory: the explanation misses this error, the cell still shows it
    }
}

void record_errors(std::string_view function, const result<double>& outcome) noexcept
{
    if (!outcome)
        record_error(function, outcome.error());
}

void record_errors(std::string_view function, const result<grid>& outcome) noexcept
{
    if (!outcome) {
        record_error(function, outcome.error());
        return;
    }
    if (!capturing())
        return;
    const grid& g = *outcome;
    try {
        for (const auto& [r, c] : capture_registry::instance().wanted_cells()) {
            if (r >= g.rows || c >= g.columns)
                continue;
            const auto& cell = g.at(r, c);
            if (cell && !*cell)
                record_error(function, cell->error(), r, c, false);
        }
    } catch (...) {
        // out of memory: as in record_error
    }
}

void record_errors(std::string_view function, const result<interval>& outcome) noexcept
{
    if (!outcome)
        record_error(function, outcome.error());
}

} // namespace kpi::calc
