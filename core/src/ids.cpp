#include "kpi/ids.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace kpi {

namespace {

constexpr std::size_t first_chunk_size = 4096;

bool is_space(char32_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f' || c == 0xa0 ||
           c == 0x2007 || c == 0x202f || c == 0x3000 || (c >= 0x2000 && c <= 0x200b) || c == 0xfeff;
}

/// Simple case folding of ASCII, Latin-1 Supplement and Latin Extended-A letters.
char32_t fold_case(char32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7)
        return c + 32;
    if (c >= 0x100 && c <= 0x137 && c % 2 == 0 && c != 0x130) // not İ: its lower case is i, not ı
        return c + 1;
    if (c >= 0x139 && c <= 0x148 && c % 2 == 1)
        return c + 1;
    if (c >= 0x14a && c <= 0x177 && c % 2 == 0)
        return c + 1;
    if (c == 0x178)
        return 0xff;
    if (c == 0x179 || c == 0x17b || c == 0x17d)
        return c + 1;
    return c;
}

void append_utf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
}

/// Decodes the code points of UTF-16 (an unpaired surrogate stands for itself).
template <class Visit> void for_each_code_point(std::u16string_view text, Visit&& visit)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        char32_t c = text[i];
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.size() && text[i + 1] >= 0xdc00 &&
            text[i + 1] <= 0xdfff)
            c = 0x10000 + ((c - 0xd800) << 10) + (text[++i] - 0xdc00);
        visit(c);
    }
}

/// Decodes the code points of UTF-8 (an invalid byte stands for itself).
template <class Visit> void for_each_code_point(std::string_view text, Visit&& visit)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t length = b < 0x80         ? 1
                                   : (b >> 5) == 6  ? 2
                                   : (b >> 4) == 14 ? 3
                                   : (b >> 3) == 30 ? 4
                                                    : 1;
        if (length == 1 || i + length > text.size()) {
            visit(static_cast<char32_t>(b));
            ++i;
            continue;
        }
        char32_t c = b & (0x7f >> length);
        for (std::size_t k = 1; k < length; ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
        visit(c);
        i += length;
    }
}

bool is_ascii_space(unsigned c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/// The common case, ASCII text without white space at either end: folds case unit by unit into `out`.
template <class Text> bool normalise_ascii(Text text, std::string& out)
{
    if (text.empty() || is_ascii_space(static_cast<unsigned>(text.front())) ||
        is_ascii_space(static_cast<unsigned>(text.back())) ||
        !std::ranges::all_of(text, [](auto c) { return static_cast<unsigned>(c) < 0x80; }))
        return false;
    out.resize(text.size());
    std::ranges::transform(text, out.begin(), [](auto c) {
        const auto u = static_cast<unsigned>(c);
        return static_cast<char>(u >= 'A' && u <= 'Z' ? u + 32 : u);
    });
    return true;
}

/// Trims white space and folds case into `out`.
template <class Text> void normalise(Text text, std::string& out)
{
    if (normalise_ascii(text, out))
        return;
    out.clear();
    std::size_t kept = 0; // length of `out` up to its last non-space character
    for_each_code_point(text, [&](char32_t c) {
        if (is_space(c)) {
            if (!out.empty())
                append_utf8(out, c);
            return;
        }
        append_utf8(out, fold_case(c));
        kept = out.size();
    });
    out.resize(kept);
}

} // namespace

std::string_view id_table::store(std::string_view normalized)
{
    if (chunks_.empty() || chunk_used_ + normalized.size() > chunk_size_) {
        chunk_size_ = std::max({first_chunk_size, chunk_size_ * 2, normalized.size()});
        chunks_.push_back(std::make_unique<char[]>(chunk_size_));
        chunk_used_ = 0;
    }
    char* where = chunks_.back().get() + chunk_used_;
    std::memcpy(where, normalized.data(), normalized.size());
    chunk_used_ += normalized.size();
    return {where, normalized.size()};
}

std::uint32_t id_table::intern(std::string_view normalized)
{
    if (normalized.empty())
        return no_id;
    if (const auto found = index_.find(normalized); found != index_.end())
        return found->second;
    const auto index = static_cast<std::uint32_t>(index_.size());
    index_.emplace(store(normalized), index);
    return index;
}

std::uint32_t id_table::add_text(std::u16string_view text)
{
    normalise(text, scratch_);
    return intern(scratch_);
}

std::uint32_t id_table::add_utf8(std::string_view text)
{
    normalise(text, scratch_);
    return intern(scratch_);
}

std::uint32_t id_table::find_utf8(std::string_view text)
{
    normalise(text, scratch_);
    const auto found = index_.find(std::string_view(scratch_));
    return found == index_.end() ? no_id : found->second;
}

std::uint32_t id_table::add_number(double value)
{
    if (!std::isfinite(value))
        return no_id;
    std::array<char, 400> digits{}; // room for the fixed notation of 1.8e308
    std::to_chars_result written{};
    // Whole numbers as integers ("123", not "123.0" or "1.23e+02"), others in plain decimal notation
    // ("0.0001", not "1e-04"), so that a number meets the text of its digits.
    if (value == std::floor(value) && std::fabs(value) <= 9007199254740992.0) // 2^53: exact as an integer
        written = std::to_chars(digits.data(), digits.data() + digits.size(), static_cast<long long>(value));
    else
        written =
            std::to_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::fixed);
    return add_utf8(std::string_view(digits.data(), static_cast<std::size_t>(written.ptr - digits.data())));
}

} // namespace kpi
