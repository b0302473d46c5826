// What the core reported for the Calc errors the glue made: while an error_capture is alive, every core error
// that arguments::call turns into a Calc error is recorded with its function, so that Explain Error (and the
// service org.kpifunctions.ErrorExplainer, addin/error_explainer.cxx) can compute a formula again and say why
// it failed. Off, it costs one relaxed atomic load per call that fails.
#pragma once

#include <kpi/experiments.hpp>
#include <kpi/grid.hpp>
#include <kpi/result.hpp>

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::calc {

/// One error the glue gave Calc while capturing.
struct captured_error
{
    std::string function; ///< "KPI.ROI"
    error failure;        ///< what the core reported
    /// The cell of an array result it stands in (row and column in the result); `whole` for the error of
    /// the whole call, which Calc shows in every cell of the formula.
    std::size_t row = 0;
    std::size_t column = 0;
    bool whole = true;
};

/// Records, from its construction to its destruction, every core error that the glue turns into a Calc
/// error, in the order the calls ended (an inner call before the call around it), from any thread of the
/// process: add-in calls come on the thread that computes the cell (Calc's main thread or the thread of a
/// remote client's API call), never in parallel for add-in formulas, but a mutex guards the record anyway.
/// Several captures may be alive at once (two scripts explaining at the same time): each sees every error.
class error_capture
{
public:
    /// Records the errors of whole calls and, of an array result's cells, those at row `row` and column
    /// `column` of the result (the cell to explain in its array formula; 0, 0 for a single cell), so that a
    /// result of millions of #N/A cells is not recorded whole.
    explicit error_capture(std::size_t row = 0, std::size_t column = 0);
    ~error_capture();
    error_capture(const error_capture&) = delete;
    error_capture& operator=(const error_capture&) = delete;

    /// The errors recorded so far, oldest first.
    [[nodiscard]] std::vector<captured_error> errors() const;

private:
    friend struct capture_registry;
    std::size_t row_;
    std::size_t column_;
    std::vector<captured_error> errors_; // guarded by the registry's mutex (error_capture.cxx)
};

namespace detail {
extern std::atomic<int> live_captures;
} // namespace detail

/// Whether an error_capture is alive anywhere in the process.
[[nodiscard]] inline bool capturing() noexcept
{
    return detail::live_captures.load(std::memory_order_relaxed) > 0;
}

/// Records an error in every live capture. Never throws: a record that cannot be allocated is dropped.
void record_error(std::string_view function, const error& failure, std::size_t row = 0,
                  std::size_t column = 0, bool whole = true) noexcept;

/// Records the errors of a core result: of a number, of the whole of an array or interval, or of each
/// cell of an array. Does nothing for a value without errors.
void record_errors(std::string_view function, const result<double>& outcome) noexcept;
void record_errors(std::string_view function, const result<grid>& outcome) noexcept;
void record_errors(std::string_view function, const result<interval>& outcome) noexcept;

} // namespace kpi::calc
