// IDs from raw data (customer, lead, order IDs), interned to dense numbers so that the raw-data KPIs run
// on arrays of integers, with one hash lookup per cell and no allocation per cell.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

/// Normalises IDs and gives each distinct one a dense index 0, 1, 2 ... in order of first appearance.
/// Two IDs are the same when they are equal after removing leading and trailing white space and folding
/// case (ASCII, Latin-1 and Latin Extended-A letters), and a number is the same ID as the text of its
/// digits: 123 = "123" = " 123 ", 1.5 = "1.5". Text is UTF-16, as Calc gives it, or UTF-8.
class id_table
{
public:
    /// The index of an empty cell or of a text that is only white space: not an ID.
    static constexpr std::uint32_t no_id = 0xffff'ffff;

    [[nodiscard]] std::uint32_t add_text(std::u16string_view text);
    [[nodiscard]] std::uint32_t add_utf8(std::string_view text);
    [[nodiscard]] std::uint32_t add_number(double value);

    /// The index of an ID already added, or no_id; adds nothing.
    [[nodiscard]] std::uint32_t find_utf8(std::string_view text);

    /// The number of distinct IDs added so far.
    [[nodiscard]] std::size_t size() const noexcept { return index_.size(); }

private:
    std::uint32_t intern(std::string_view normalized);
    std::string_view store(std::string_view normalized);

    std::string scratch_; ///< the normalised form of the ID being added
    std::vector<std::unique_ptr<char[]>> chunks_;
    std::size_t chunk_used_ = 0;
    std::size_t chunk_size_ = 0;
    boost::unordered_flat_map<std::string_view, std::uint32_t> index_;
};

} // namespace kpi
