// ID interning (kpi/ids.hpp) against its contract: dense indices in order of first appearance; the same ID
// for the same text, for the text with white space around it, in other letter case, in UTF-8 or UTF-16, and
// for a number and the text of its digits; no ID for empty or blank text or a non-finite number; different
// IDs for texts that differ in a letter; finding adds nothing; KPI.DISTINCT counts what the table holds.
#include <kpi/ids.hpp>
#include <kpi/raw_data.hpp>

#include "fuzz_support.hpp"

#include <array>
#include <charconv>
#include <set>
#include <string>

namespace {

using namespace kpi;
using namespace kpi::fuzz;

constexpr std::uint32_t no_id = id_table::no_id;

/// Code units that matter to normalisation: letters of both cases (ASCII, Latin-1, Latin Extended-A), the
/// white space that is trimmed, digits and signs, lone and paired surrogates, NUL and non-characters.
constexpr char16_t interesting_units[] = {
    u'a',   u'Z',   u'q',   u'0',   u'7',   u'.',   u'-',   u'@',   u' ',   u'\t',  u'\n',
    u'\r',  u'\v',  u'\f',  0x00a0, 0x2007, 0x202f, 0x3000, 0x2000, 0x200b, 0xfeff, 0x00c0,
    0x00e0, 0x00d7, 0x00f7, 0x00de, 0x00fe, 0x00df, 0x00ff, 0x0178, 0x0100, 0x0101, 0x0130,
    0x0131, 0x0139, 0x013a, 0x0149, 0x014a, 0x017d, 0x017e, 0x017f, 0xd83d, 0xde00, 0xdbff,
    0xdfff, 0x0000, 0xffff, 0x1e9e, 0x0410, 0x0430, 0x4e2d, 0x0080, 0x07ff, 0x0800};

constexpr char16_t blanks[] = {u' ',   u'\t',  u'\n',  u'\r',  u'\v',  u'\f',  0x00a0, 0x2007,
                               0x202f, 0x3000, 0x2000, 0x2005, 0x200a, 0x200b, 0xfeff};

std::u16string any_text(FuzzedDataProvider& in)
{
    std::u16string text(in.ConsumeIntegralInRange<std::size_t>(0, 24), u' ');
    for (char16_t& unit : text)
        unit = in.ConsumeBool() ? in.PickValueInArray(interesting_units) : in.ConsumeIntegral<char16_t>();
    // Now and then a long ID, a fragment repeated up to 6,000 units (18 KB of UTF-8, more than the table's
    // first chunk of storage).
    if (in.ConsumeIntegralInRange(0, 63) == 0)
        for (std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 250), length = text.size();
             n > 0 && length > 0; --n)
            text.append(text, 0, length);
    return text;
}

/// UTF-8 of UTF-16 text, or nothing when it holds a lone surrogate (which has no UTF-8).
std::optional<std::string> utf8_of(std::u16string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char32_t c = text[i];
        if (c >= 0xd800 && c <= 0xdbff) {
            if (i + 1 >= text.size() || text[i + 1] < 0xdc00 || text[i + 1] > 0xdfff)
                return std::nullopt;
            c = 0x10000 + ((c - 0xd800) << 10) + (text[++i] - 0xdc00);
        } else if (c >= 0xdc00 && c <= 0xdfff) {
            return std::nullopt;
        }
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xc0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xe0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (c & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    return out;
}

/// The text in upper case where the ID's case folding maps back: ASCII and Latin-1 letters.
std::u16string upper(std::u16string text)
{
    for (char16_t& c : text)
        if ((c >= u'a' && c <= u'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7))
            c = static_cast<char16_t>(c - 32);
    return text;
}

/// The table of one argument, with a check of every addition.
class checked_table
{
public:
    std::uint32_t add(std::u16string_view text) { return checked(table_.add_text(text)); }
    std::uint32_t add(std::string_view text) { return checked(table_.add_utf8(text)); }
    std::uint32_t add(double number) { return checked(table_.add_number(number)); }
    std::uint32_t find(std::string_view text)
    {
        const std::size_t before = table_.size();
        const std::uint32_t found = table_.find_utf8(text);
        KPI_REQUIRE(table_.size() == before, "find_utf8 adds nothing", text);
        KPI_REQUIRE(found == no_id || found < before, "find_utf8 gives an index of the table", found, before);
        return found;
    }
    [[nodiscard]] std::size_t size() const { return table_.size(); }

private:
    std::uint32_t checked(std::uint32_t index)
    {
        const std::size_t before = seen_;
        seen_ = table_.size();
        KPI_REQUIRE(seen_ == before || seen_ == before + 1, "one addition adds at most one ID", before,
                    seen_);
        if (seen_ == before + 1)
            KPI_REQUIRE(index == before, "a new ID gets the next index", index, before);
        else
            KPI_REQUIRE(index == no_id || index < seen_, "a known ID keeps its index", index, seen_);
        column.push_back(index);
        return index;
    }

    id_table table_;
    std::size_t seen_ = 0;

public:
    std::vector<std::uint32_t> column; ///< every index given, as a raw-data column
};

void check_text(checked_table& ids, FuzzedDataProvider& in)
{
    const std::u16string text = any_text(in);
    const std::uint32_t id = ids.add(std::u16string_view(text));
    KPI_REQUIRE(ids.add(std::u16string_view(text)) == id, "the same text is the same ID");
    std::u16string padded = text;
    for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n)
        padded.insert(padded.begin(), in.PickValueInArray(blanks));
    for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n)
        padded.push_back(in.PickValueInArray(blanks));
    KPI_REQUIRE(ids.add(std::u16string_view(padded)) == id, "white space around an ID does not count");
    KPI_REQUIRE(ids.add(std::u16string_view(upper(text))) == id, "letter case does not count");
    if (const auto utf8 = utf8_of(text)) {
        KPI_REQUIRE(ids.add(std::string_view(*utf8)) == id, "UTF-8 and UTF-16 give the same ID", *utf8);
        KPI_REQUIRE(ids.find(*utf8) == id, "find_utf8 finds an added ID", *utf8);
    }
    // Texts that differ in a letter are different IDs (the letter first, so no trimming can hide it).
    const std::uint32_t a = ids.add(u"a" + text), b = ids.add(u"b" + text);
    KPI_REQUIRE(a != no_id && b != no_id && a != b, "different texts are different IDs", a, b);
}

void check_blank(checked_table& ids, FuzzedDataProvider& in)
{
    std::u16string text(in.ConsumeIntegralInRange<std::size_t>(0, 8), u' ');
    for (char16_t& unit : text)
        unit = in.PickValueInArray(blanks);
    KPI_REQUIRE(ids.add(std::u16string_view(text)) == no_id, "blank text is no ID", text.size());
    const auto utf8 = utf8_of(text);
    KPI_REQUIRE(utf8 && ids.add(std::string_view(*utf8)) == no_id, "blank UTF-8 text is no ID", text.size());
}

void check_number(checked_table& ids, double value)
{
    const std::uint32_t id = ids.add(value);
    if (!std::isfinite(value)) {
        KPI_REQUIRE(id == no_id, "a non-finite number is no ID", value);
        return;
    }
    KPI_REQUIRE(id != no_id && ids.add(value) == id, "a number is an ID", value);
    // The text of its digits: an integer as an integer, any other number in plain decimal notation.
    std::array<char, 400> digits{};
    const auto written =
        value == std::floor(value) && std::fabs(value) <= 9007199254740992.0
            ? std::to_chars(digits.data(), digits.data() + digits.size(), static_cast<long long>(value))
            : std::to_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::fixed);
    KPI_REQUIRE(written.ec == std::errc{}, "the digits of a number fit", value);
    const std::string text(digits.data(), written.ptr);
    KPI_REQUIRE(ids.add(std::string_view(text)) == id, "a number is the ID of its digits", value, text);
    KPI_REQUIRE(ids.add(std::string_view(" " + text + "\t")) == id, "... also with blanks around", value,
                text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    FuzzedDataProvider in(data, size);
    checked_table ids;
    for (int operation = 0; operation < 64 && in.remaining_bytes() > 0; ++operation) {
        switch (in.ConsumeIntegralInRange(0, 4)) {
        case 0:
        case 1:
            check_text(ids, in);
            break;
        case 2:
            check_blank(ids, in);
            break;
        case 3: {
            const std::string raw = in.ConsumeRandomLengthString(32); // any bytes, valid UTF-8 or not
            const std::uint32_t id = ids.add(std::string_view(raw));
            KPI_REQUIRE(ids.add(std::string_view(raw)) == id, "the same bytes are the same ID", raw);
            KPI_REQUIRE(ids.find(raw) == id, "find_utf8 finds what add_utf8 added", raw);
            break;
        }
        default:
            check_number(ids, in.ConsumeBool() ? static_cast<double>(in.ConsumeIntegral<std::int64_t>() >>
                                                                     in.ConsumeIntegralInRange(0, 63))
                                               : any_double(in));
            break;
        }
    }
    // KPI.DISTINCT of every index given: the table's IDs, each counted once.
    std::set<std::uint32_t> distinct(ids.column.begin(), ids.column.end());
    distinct.erase(no_id);
    const result<double> count = distinct_count(ids.column, ids.size());
    KPI_REQUIRE(count && *count == static_cast<double>(distinct.size()) && distinct.size() == ids.size(),
                "KPI.DISTINCT counts each ID once", count, distinct.size(), ids.size());
    return 0;
}
