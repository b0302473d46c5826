// Table detection in four steps, each described where it is done (below in the order they depend on each
// other: blocks, roles, kinds, warnings, then the table of a block and the sheet's loop):
//  1. blocks: each sheet is cut into blocks at runs of 2+ blank rows and at empty columns (XY cuts);
//  2. a table per block: its header row, the data rows below it, total rows and footnotes left out;
//  3. roles: each column gets scores for roles from its header words and its content (a sample of at most
//     500 rows), and the kind whose required roles are filled best, with hints from the headers and the
//     status values, wins;
//  4. warnings: one pass over the rows reads every role column and counts what the KPI functions would
//     skip or misread.
// Only the blank-row scan of step 1 and the pass of step 4 read every row: a sheet of 1,000,000 rows x 10
// columns is detected in about 0.1 s (release build).
#include "kpi/sheet/detect.hpp"

#include "kpi/calendar.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_set>

namespace kpi::sheet {

namespace {

constexpr std::size_t role_count = static_cast<std::size_t>(column_role::target) + 1;
constexpr std::size_t kind_count = static_cast<std::size_t>(table_kind::unknown) + 1;

constexpr std::array<std::string_view, kind_count> kind_names{"orders",  "leads",  "campaigns", "sessions",
                                                              "traffic", "survey", "targets",   "unknown"};
constexpr std::array<std::string_view, role_count> role_names{
    "customer", "date",     "order",       "amount",     "lead",     "status",
    "campaign", "cost",     "impressions", "clicks",     "leads",    "conversions",
    "revenue",  "duration", "pageviews",   "key_events", "sessions", "engaged_sessions",
    "score",    "kpi",      "target"};

constexpr std::size_t index_of(column_role role) noexcept
{
    return static_cast<std::size_t>(role);
}

// Reading text.

constexpr char lower(char c) noexcept
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr bool is_digit(char c) noexcept
{
    return c >= '0' && c <= '9';
}
constexpr bool is_letter(char c) noexcept
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr std::string_view nbsp = "\xC2\xA0";

/// The text without white space (ASCII and no-break spaces) around it.
std::string_view trim(std::string_view s) noexcept
{
    const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    for (;;) {
        if (!s.empty() && space(s.front()))
            s.remove_prefix(1);
        else if (s.starts_with(nbsp))
            s.remove_prefix(nbsp.size());
        else
            break;
    }
    for (;;) {
        if (!s.empty() && space(s.back()))
            s.remove_suffix(1);
        else if (s.ends_with(nbsp))
            s.remove_suffix(nbsp.size());
        else
            break;
    }
    return s;
}

bool equals_ci(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool starts_with_ci(std::string_view s, std::string_view prefix) noexcept
{
    return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

/// The words of a header or a label: runs of ASCII letters (lower-cased), digits and other UTF-8 characters;
/// punctuation, white space and no-break spaces separate them. "No. Pesanan" -> {"no", "pesanan"}.
std::vector<std::string> words_of(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty())
            words.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (text.substr(i).starts_with(nbsp)) {
            flush();
            ++i;
        } else if (is_letter(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80) {
            word.push_back(lower(c));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

bool has_word(const std::vector<std::string>& words, std::string_view word)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// A cell that holds nothing: empty, or text of white space only.
bool blank(const cell& c) noexcept
{
    return c.is_empty() || (c.type == cell_type::text && trim(c.text).empty());
}

// What a text cell looks like.

/// Reads a run of digits at `pos`: its value (of its first 9 digits) and its length.
struct digit_run
{
    std::uint32_t value = 0;
    std::size_t length = 0;
};

digit_run read_digits(std::string_view s, std::size_t& pos) noexcept
{
    digit_run run;
    while (pos < s.size() && is_digit(s[pos])) {
        if (run.length < 9)
            run.value = run.value * 10 + static_cast<std::uint32_t>(s[pos] - '0');
        ++run.length;
        ++pos;
    }
    return run;
}

/// The month 1-12 of an English or Indonesian month name or abbreviation ("Mar", "Maret", "Agt."), else 0.
unsigned month_of(std::string_view word)
{
    static constexpr std::array<std::pair<std::string_view, unsigned>, 44> months{{
        {"january", 1},  {"januari", 1},  {"jan", 1},       {"february", 2},  {"februari", 2},
        {"feb", 2},      {"peb", 2},      {"march", 3},     {"maret", 3},     {"mar", 3},
        {"april", 4},    {"apr", 4},      {"may", 5},       {"mei", 5},       {"june", 6},
        {"juni", 6},     {"jun", 6},      {"july", 7},      {"juli", 7},      {"jul", 7},
        {"august", 8},   {"agustus", 8},  {"aug", 8},       {"agu", 8},       {"agt", 8},
        {"ags", 8},      {"agus", 8},     {"september", 9}, {"sept", 9},      {"sep", 9},
        {"october", 10}, {"oktober", 10}, {"oct", 10},      {"okt", 10},      {"november", 11},
        {"nov", 11},     {"nop", 11},     {"december", 12}, {"desember", 12}, {"dec", 12},
        {"des", 12},     {"pebruari", 2}, {"nopember", 11}, {"agst", 8},
    }};
    if (word.ends_with('.'))
        word.remove_suffix(1);
    for (const auto& [name, month] : months)
        if (equals_ci(word, name))
            return month;
    return 0;
}

bool is_weekday(std::string_view word)
{
    static constexpr std::array<std::string_view, 31> days{
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue",    "tues",    "wed",       "thu",      "thur",   "thurs",    "fri",    "sat",
        "sun",    "senin",   "selasa",    "rabu",     "kamis",  "jumat",    "sabtu",  "minggu",
        "sen",    "sel",     "rab",       "kam",      "jum",    "sab",      "min"};
    if (word.ends_with('.'))
        word.remove_suffix(1);
    return std::any_of(days.begin(), days.end(), [&](std::string_view d) { return equals_ci(word, d); });
}

/// Whether a token after a date belongs to a time of day: "10:22", "10:22:01", "10", "AM", "WIB", "+0700".
bool is_time_token(std::string_view token)
{
    static constexpr std::array<std::string_view, 10> words{"am",  "pm",  "wib", "wita", "wit",
                                                            "utc", "gmt", "z",   "a.m.", "p.m."};
    if (std::any_of(words.begin(), words.end(), [&](std::string_view w) { return equals_ci(token, w); }))
        return true;
    if (!token.empty() && (token.front() == '+' || token.front() == 'T' || token.front() == 't'))
        token.remove_prefix(1);
    if (token.empty())
        return false;
    return std::all_of(token.begin(), token.end(), [](char c) { return is_digit(c) || c == ':'; });
}

/// Whether the rest of a text after a numeric date is a time of day: "", " 10:22", "T10:22:01",
/// " 10.22 WIB", " 10:22:01 +0700", " 3:05 PM".
bool is_time_tail(std::string_view rest)
{
    rest = trim(rest);
    if (rest.empty())
        return true;
    if (rest.front() == 'T' || rest.front() == 't' || rest.front() == ',')
        rest = trim(rest.substr(1));
    std::size_t pos = 0;
    const digit_run hours = read_digits(rest, pos);
    if (hours.length < 1 || hours.length > 2 || pos >= rest.size() || (rest[pos] != ':' && rest[pos] != '.'))
        return false;
    ++pos;
    const digit_run minutes = read_digits(rest, pos);
    if (minutes.length != 2)
        return false;
    std::string token;
    for (; pos <= rest.size(); ++pos) {
        const char c = pos < rest.size() ? rest[pos] : ' ';
        if (c == ' ' || c == ',' || c == '-') {
            if (!token.empty() && !is_time_token(token) &&
                !std::all_of(token.begin(), token.end(), [](char d) { return is_digit(d) || d == '.'; }))
                return false;
            token.clear();
        } else {
            token.push_back(c);
        }
    }
    return true;
}

/// Reads a date written as text in another form than ISO 8601: numbers with '/', '-' or '.'
/// (14/03/2026, 03-14-26, 2026/3/14) or with a month name (14 Mar 2026, Mar 14, 2026, Sabtu, 14 Maret 2026),
/// optionally with a time of day. Gives the order its numbers are in, unknown when both readings are valid
/// dates (03/04/2026); nothing when the text is no date.
std::optional<date_order> text_date_order_of(std::string_view text)
{
    const std::string_view s = trim(text);
    if (s.empty())
        return std::nullopt;
    if (is_digit(s.front())) {
        std::size_t pos = 0;
        const digit_run a = read_digits(s, pos);
        if (pos < s.size() && (s[pos] == '/' || s[pos] == '-' || s[pos] == '.')) {
            const char separator = s[pos++];
            const digit_run b = read_digits(s, pos);
            if (pos >= s.size() || s[pos] != separator)
                return std::nullopt;
            ++pos;
            const digit_run c = read_digits(s, pos);
            if (b.length < 1 || b.length > 2 || !is_time_tail(s.substr(pos)))
                return std::nullopt;
            if (a.length == 4) {
                if (b.value >= 1 && b.value <= 12 && c.length >= 1 && c.length <= 2 && c.value >= 1 &&
                    c.value <= 31)
                    return date_order::ymd;
                return std::nullopt;
            }
            if (a.length > 2 || (c.length != 4 && c.length != 2) || a.value < 1 || a.value > 31 ||
                b.value < 1 || b.value > 31)
                return std::nullopt;
            if (a.value > 12 && b.value <= 12)
                return date_order::dmy;
            if (b.value > 12 && a.value <= 12)
                return date_order::mdy;
            if (a.value <= 12 && b.value <= 12)
                return date_order::unknown;
            return std::nullopt;
        }
    }
    // With a month name: tokens split at spaces, commas, dashes and slashes.
    std::vector<std::string_view> tokens;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ' ' || s[i] == ',' || s[i] == '-' || s[i] == '/') {
            if (i > start)
                tokens.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    std::size_t i = 0;
    if (!tokens.empty() && is_weekday(tokens[0]))
        ++i;
    if (tokens.size() < i + 3)
        return std::nullopt;
    const auto day = [](std::string_view token) {
        for (const std::string_view suffix : {"st", "nd", "rd", "th", "."})
            if (token.size() > suffix.size() && token.ends_with(suffix))
                token.remove_suffix(suffix.size());
        std::size_t pos = 0;
        const digit_run run = read_digits(token, pos);
        return pos == token.size() && run.length >= 1 && run.length <= 2 && run.value >= 1 && run.value <= 31;
    };
    const auto year = [](std::string_view token) {
        std::size_t pos = 0;
        const digit_run run = read_digits(token, pos);
        return pos == token.size() && run.length == 4;
    };
    std::optional<date_order> order;
    if (day(tokens[i]) && month_of(tokens[i + 1]) != 0 && year(tokens[i + 2]))
        order = date_order::dmy;
    else if (month_of(tokens[i]) != 0 && day(tokens[i + 1]) && year(tokens[i + 2]))
        order = date_order::mdy;
    if (!order)
        return std::nullopt;
    for (std::size_t k = i + 3; k < tokens.size(); ++k) {
        const std::string_view t = tokens[k];
        if (!is_time_token(t) &&
            !std::all_of(t.begin(), t.end(), [](char c) { return is_digit(c) || c == ':' || c == '.'; }))
            return std::nullopt;
    }
    return order;
}

/// Whether an integer reads as a date written yyyymmdd (20260301), as GA4 exports write dates.
bool is_yyyymmdd(double value) noexcept
{
    if (!(value >= 19000101 && value <= 21001231) || value != std::floor(value))
        return false;
    const auto n = static_cast<std::int32_t>(value);
    const auto month = static_cast<unsigned>(n / 100 % 100);
    const auto day = static_cast<unsigned>(n % 100);
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(n / 10000, month);
}

bool is_yyyymmdd_text(std::string_view text) noexcept
{
    text = trim(text);
    if (text.size() != 8 || !std::all_of(text.begin(), text.end(), is_digit))
        return false;
    double value = 0;
    for (const char c : text)
        value = value * 10 + (c - '0');
    return is_yyyymmdd(value);
}

/// The currencies exports name, as they write them: a code or symbol found in a header or a text amount is
/// reported in this spelling.
struct currency_name
{
    std::string_view written; ///< how it is matched, case-insensitive for letters
    std::string_view name;    ///< how table::currency names it
};
constexpr std::array<currency_name, 16> currencies{{{"US$", "US$"},
                                                    {"USD", "USD"},
                                                    {"IDR", "IDR"},
                                                    {"Rp", "Rp"},
                                                    {"EUR", "EUR"},
                                                    {"SGD", "SGD"},
                                                    {"S$", "S$"},
                                                    {"MYR", "MYR"},
                                                    {"RM", "RM"},
                                                    {"GBP", "GBP"},
                                                    {"AUD", "AUD"},
                                                    {"JPY", "JPY"},
                                                    {"$", "$"},
                                                    {"\xE2\x82\xAC", "\xE2\x82\xAC"},
                                                    {"\xC2\xA3", "\xC2\xA3"},
                                                    {"\xC2\xA5", "\xC2\xA5"}}};

/// The currency a text starts with ("Rp 150.000", "$1,200", "IDR150000"), and its length.
std::optional<std::pair<std::string_view, std::size_t>> currency_prefix(std::string_view s)
{
    for (const auto& c : currencies) {
        if (!starts_with_ci(s, c.written))
            continue;
        // A code must not run on into letters: "Rpx" and "Rupiah" are no amounts.
        if (is_letter(c.written.back()) && s.size() > c.written.size() && is_letter(s[c.written.size()]))
            continue;
        return std::pair{c.name, c.written.size()};
    }
    return std::nullopt;
}

/// The currency a text ends with ("150.000 IDR", "1.200,00 €").
std::optional<std::pair<std::string_view, std::size_t>> currency_suffix(std::string_view s)
{
    for (const auto& c : currencies) {
        if (s.size() < c.written.size() || !equals_ci(s.substr(s.size() - c.written.size()), c.written))
            continue;
        if (is_letter(c.written.front()) && s.size() > c.written.size() &&
            is_letter(s[s.size() - c.written.size() - 1]))
            continue;
        return std::pair{c.name, c.written.size()};
    }
    return std::nullopt;
}

/// Whether a text is a number in one of the ways people write them: 150000, 150.000, 1,200.00,
/// 1.200,50, 1 200 000, 1'200.5. Groups of three digits after a grouping separator; the last separator is the
/// decimal one when it differs from the others or is the only one.
bool is_number_body(std::string_view s)
{
    std::vector<std::size_t> groups;
    std::string separators;
    std::size_t pos = 0;
    for (;;) {
        const digit_run run = read_digits(s, pos);
        if (run.length == 0)
            return false;
        groups.push_back(run.length);
        if (pos == s.size())
            break;
        if (s[pos] == '.' || s[pos] == ',' || s[pos] == ' ' || s[pos] == '\'') {
            separators.push_back(s[pos]);
            ++pos;
        } else if (s.substr(pos).starts_with(nbsp)) {
            separators.push_back(' ');
            pos += nbsp.size();
        } else {
            return false;
        }
    }
    if (separators.empty())
        return true;
    const char last = separators.back();
    const bool uniform = std::all_of(separators.begin(), separators.end(), [&](char c) { return c == last; });
    if (uniform && separators.size() == 1)
        return last == '.' || last == ',' || groups[1] == 3;
    const std::size_t grouped = uniform ? groups.size() : groups.size() - 1;
    if (!uniform) {
        if (last != '.' && last != ',')
            return false;
        for (std::size_t i = 0; i + 1 < separators.size(); ++i)
            if (separators[i] != separators[0] || separators[i] == last)
                return false;
    }
    if (groups[0] > 3)
        return false;
    for (std::size_t i = 1; i < grouped; ++i)
        if (groups[i] != 3)
            return false;
    return true;
}

/// A number or an amount written as text.
struct number_text
{
    std::string_view currency; ///< the currency written with it, or ""
    bool plain = false;        ///< digits only: an ID or a number stored as text
};

/// Reads "Rp 150.000", "Rp150.000,-", "$1,200.00", "-1.200,50 €", "(1,200.00)", "IDR 150000", "150000".
std::optional<number_text> number_text_of(std::string_view text)
{
    std::string_view s = trim(text);
    number_text out;
    bool marked = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        s = trim(s.substr(1, s.size() - 2));
        marked = true;
    }
    const auto sign = [&] {
        if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
            s = trim(s.substr(1));
            marked = true;
        }
    };
    sign();
    if (const auto prefix = currency_prefix(s)) {
        out.currency = prefix->first;
        s.remove_prefix(prefix->second);
        if (s.starts_with('.'))
            s.remove_prefix(1);
        s = trim(s);
        sign();
    }
    if (s.ends_with(",-") || s.ends_with(".-"))
        s = trim(s.substr(0, s.size() - 2));
    if (out.currency.empty()) {
        if (const auto suffix = currency_suffix(s)) {
            out.currency = suffix->first;
            s = trim(s.substr(0, s.size() - suffix->second));
        }
    }
    if (s.empty() || !is_number_body(s))
        return std::nullopt;
    out.plain = out.currency.empty() && !marked && std::all_of(s.begin(), s.end(), is_digit);
    return out;
}

bool is_email(std::string_view text)
{
    text = trim(text);
    const std::size_t at = text.find('@');
    return at != std::string_view::npos && at > 0 && text.find('@', at + 1) == std::string_view::npos &&
           text.find('.', at + 2) != std::string_view::npos && text.back() != '.' &&
           text.find(' ') == std::string_view::npos;
}

/// An order name as Shopify writes it: "#1001", "#SO-1001".
bool is_hash_id(std::string_view text)
{
    text = trim(text);
    if (text.size() < 2 || text.front() != '#')
        return false;
    bool digit = false;
    for (const char c : text.substr(1)) {
        if (is_digit(c))
            digit = true;
        else if (!is_letter(c) && c != '-' && c != '_')
            return false;
    }
    return digit;
}

/// How a text cell reads.
enum class text_class { blank, iso_date, text_date, number, digits, email, hash_id, label };

text_class classify(std::string_view text)
{
    const std::string_view t = trim(text);
    if (t.empty())
        return text_class::blank;
    if (is_digit(t.front()) && parse_iso_date(t))
        return text_class::iso_date;
    if (text_date_order_of(t))
        return text_class::text_date;
    if (const auto n = number_text_of(t))
        return n->plain ? text_class::digits : text_class::number;
    if (is_email(t))
        return text_class::email;
    if (is_hash_id(t))
        return text_class::hash_id;
    return text_class::label;
}

/// A row of a sheet that ends a table's data: "Total", "TOTAL", "Grand Total", "Jumlah", "Total Keseluruhan",
/// "Sum", "Subtotal", "Total: Account" (Google Ads), but not "Total Awareness Campaign".
bool is_total_label(std::string_view text)
{
    const std::string_view t = trim(text);
    const std::vector<std::string> words = words_of(t);
    if (words.empty() || words.size() > 4)
        return false;
    std::size_t head = 0;
    if (words[0] == "total" || words[0] == "totals" || words[0] == "subtotal" || words[0] == "grandtotal" ||
        words[0] == "jumlah" || words[0] == "sum" || words[0] == "totaal")
        head = 1;
    else if (words.size() >= 2 && (words[0] == "grand" || words[0] == "sub") && words[1] == "total")
        head = 2;
    if (head == 0)
        return false;
    if (words.size() == head)
        return true;
    // "Total: Account", "Total: Search campaigns"
    const std::size_t colon = t.find(':');
    if (colon != std::string_view::npos && words_of(t.substr(0, colon)).size() == head)
        return true;
    static constexpr std::array<std::string_view, 10> tails{
        "keseluruhan", "semua", "all", "overall", "akhir", "account", "akun", "rows", "baris", "general"};
    return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(head), words.end(),
                       [](const std::string& w) {
                           return std::find(tails.begin(), tails.end(), w) != tails.end() ||
                                  std::all_of(w.begin(), w.end(), is_digit);
                       });
}

// Step 1: blocks.

struct rect
{
    std::size_t top, bottom, left, right; ///< inclusive
};

/// A row that separates blocks: blank between left and right, or a comment line ("# Start date: 20260301",
/// as GA4 writes above its header): one text cell starting with '#' not followed by a digit.
bool separator_row(const sheet_cells& s, std::size_t row, std::size_t left, std::size_t right)
{
    std::size_t c = left;
    while (c <= right && blank(s.at(row, c)))
        ++c;
    if (c > right)
        return true;
    const cell& first = s.at(row, c);
    if (first.type != cell_type::text)
        return false;
    const std::string_view t = trim(first.text);
    if (t.front() != '#' || (t.size() > 1 && is_digit(t[1])))
        return false;
    for (++c; c <= right; ++c)
        if (!blank(s.at(row, c)))
            return false;
    return true;
}

/// A row with at most one filled cell between left and right: a title, a note.
bool sparse_row(const sheet_cells& s, std::size_t row, std::size_t left, std::size_t right)
{
    std::size_t filled = 0;
    for (std::size_t c = left; c <= right && filled < 2; ++c)
        filled += blank(s.at(row, c)) ? 0 : 1;
    return filled < 2;
}

/// A column with nothing between top and bottom but, perhaps, a title or a note in a row of its own: such a
/// column separates tables side by side.
bool empty_column(const sheet_cells& s, std::size_t column, const rect& r)
{
    for (std::size_t row = r.top; row <= r.bottom; ++row)
        if (!blank(s.at(row, column)) && !sparse_row(s, row, r.left, r.right))
            return false;
    return true;
}

/// Shrinks a rectangle to its filled part; false when nothing is left.
bool shrink(const sheet_cells& s, rect& r)
{
    for (;;) {
        const rect before = r;
        while (r.top <= r.bottom && separator_row(s, r.top, r.left, r.right))
            ++r.top;
        while (r.bottom > r.top && separator_row(s, r.bottom, r.left, r.right))
            --r.bottom;
        if (r.top > r.bottom)
            return false;
        while (r.left < r.right && empty_column(s, r.left, r))
            ++r.left;
        while (r.right > r.left && empty_column(s, r.right, r))
            --r.right;
        if (r.top == before.top && r.bottom == before.bottom && r.left == before.left &&
            r.right == before.right)
            return true;
    }
}

/// The separator rows inside a rectangle: the parts between runs of two or more (stacked tables), or when
/// there are none, the single ones (blank rows inside a table's data, or before another table's header).
struct row_scan
{
    std::vector<rect> parts; ///< empty when no run splits the rectangle
    std::vector<std::size_t> single;
};

row_scan scan_rows(const sheet_cells& s, const rect& r)
{
    row_scan scan;
    std::size_t part_top = r.top;
    for (std::size_t row = r.top + 1; row + 1 < r.bottom; ++row) {
        if (!separator_row(s, row, r.left, r.right))
            continue;
        if (!separator_row(s, row + 1, r.left, r.right)) {
            scan.single.push_back(row);
            ++row;
            continue;
        }
        std::size_t end = row + 1;
        while (end + 1 < r.bottom && separator_row(s, end + 1, r.left, r.right))
            ++end;
        scan.parts.push_back(rect{part_top, row - 1, r.left, r.right});
        part_top = end + 1;
        row = end;
    }
    if (!scan.parts.empty()) {
        scan.parts.push_back(rect{part_top, r.bottom, r.left, r.right});
        scan.single.clear();
    }
    return scan;
}

/// The parts between empty columns (tables side by side); empty when there is no empty column.
std::vector<rect> split_columns(const sheet_cells& s, const rect& r)
{
    std::vector<rect> parts;
    std::size_t part_left = r.left;
    for (std::size_t column = r.left + 1; column < r.right; ++column) {
        if (!empty_column(s, column, r))
            continue;
        if (column > part_left)
            parts.push_back(rect{r.top, r.bottom, part_left, column - 1});
        part_left = column + 1;
    }
    if (!parts.empty() || part_left > r.left)
        parts.push_back(rect{r.top, r.bottom, part_left, r.right});
    return parts;
}

// Step 3: roles from header words.

/// A header phrase and how surely it names a role.
struct header_rule
{
    column_role role;
    std::vector<std::string> words; ///< lower-case
    int score;                      ///< 0-100
    int penalty;                    ///< taken off for each header word the phrase leaves unexplained
};

using enum column_role;

/// Header phrases per role, English and Indonesian, as exports write them: "phrase score" or
/// "phrase score/penalty" (6 when not given), separated by commas. Scores rank phrases against each other:
/// "Total Pembayaran" beats "Total", "Waktu Pesanan Dibuat" beats "Waktu Pembayaran"; questions as survey
/// forms write them lose little for their many other words.
struct role_phrases
{
    column_role role;
    std::string_view phrases;
};
constexpr role_phrases header_phrases[] = {
    {order, "order id 90, order number 90, order no 90, order 60, order name 80, order code 80, "
            "no order 85, nomor order 85, id order 85, kode order 80, no pesanan 95, nomor pesanan 95, "
            "id pesanan 95, kode pesanan 90, pesanan 50, invoice 75, invoice number 85, invoice no 85, "
            "no invoice 85, nomor invoice 85, faktur 70, no faktur 85, transaction id 85, "
            "id transaksi 85, no transaksi 85, nomor transaksi 85, kode transaksi 85, receipt 60, "
            "booking id 70, name 20"},
    {customer, "customer 85, customer id 95, customer email 95, customer name 85, customer code 85, "
               "email 70, e mail 70, buyer 85, buyer username 95, pembeli 90, username pembeli 95, "
               "nama pembeli 90, username 70, pelanggan 90, id pelanggan 95, nama pelanggan 85, "
               "email pelanggan 95, kode pelanggan 90, konsumen 80, client 75, klien 75, user id 70, "
               "member 60, member id 75, billing name 70, billing email 80, nama penerima 60, "
               "recipient 50, phone 50, no hp 50, no telepon 50, telepon 45, whatsapp 45, name 40, nama 40"},
    {date, "date 80, tanggal 80, tgl 75, created at 90, created 80, created date 90, date created 90, "
           "created time 85, creation date 85, order date 95, tanggal pesanan 95, "
           "waktu pesanan dibuat 95, waktu pesanan 90, tanggal order 95, tanggal transaksi 90, "
           "transaction date 90, waktu transaksi 85, waktu 55, time 50, timestamp 80, datetime 75, "
           "day 60, hari 50, paid at 60, waktu pembayaran 60, tanggal pembayaran 60, payment date 60, "
           "submitted at 75, submission date 75, tanggal dibuat 90, dibuat 60, date added 80, "
           "tanggal masuk 80, signup date 75, tanggal daftar 75, first seen 60, month 45, bulan 45, "
           "week 40, period 40, periode 40, fulfilled at 30, shipped 30, tanggal pengiriman 30, "
           "waktu pengiriman 30, cancelled at 15, updated at 25, last modified 25, reporting starts 40, "
           "reporting ends 30, waktu pesanan selesai 35, tanggal selesai 30, close date 35, closed date 35"},
    {amount, "total 70, amount 80, total amount 90, grand total 90, total pembayaran 95, total harga 85, "
             "total bayar 90, jumlah bayar 85, jumlah pembayaran 90, total belanja 90, total pesanan 85, "
             "harga 55, harga total 85, price 55, total price 85, subtotal 60, sub total 60, nominal 75, "
             "nilai pesanan 85, order total 95, order value 90, order amount 95, nilai transaksi 85, "
             "transaction amount 90, revenue 70, sales 60, penjualan 60, total penjualan 80, "
             "pendapatan 65, omzet 70, omset 70, net sales 75, gross sales 70, paid 40, dibayar 50, "
             "jumlah 35, value 40, nilai 30, payment 45, pembayaran 55, deal value 60, deal amount 60, "
             "unit price 25, harga satuan 25"},
    {lead, "lead 85, lead id 95, leads id 90, id lead 95, lead name 85, lead email 90, prospect 85, "
           "prospect id 95, prospek 85, id prospek 95, nama prospek 85, contact 70, contact id 85, "
           "kontak 70, id kontak 85, email 65, e mail 65, name 35, nama 35, full name 45, "
           "nama lengkap 45, phone 45, no hp 45, whatsapp 45"},
    {status, "status 80, lead status 95, status lead 95, stage 80, deal stage 90, lifecycle stage 85, "
             "pipeline stage 85, tahap 80, tahapan 80, status prospek 95, status pesanan 90, "
             "order status 90, financial status 60, payment status 60, status pembayaran 60, "
             "fulfillment status 40, outcome 70, hasil 50, result 40, disposition 60, keterangan 30"},
    {campaign, "campaign 90, campaign name 95, nama kampanye 95, kampanye 90, nama campaign 95, "
               "ad set name 70, ad set 65, ad group 65, ad name 60, iklan 55, nama iklan 60, "
               "utm campaign 80, session campaign 50, campaign id 70, channel 45, source 35, sumber 35, "
               "platform 40"},
    {cost, "cost 90, spend 90, amount spent 95, spent 80, ad spend 95, total spend 95, biaya 85, "
           "biaya iklan 95, pengeluaran 80, jumlah yang dibelanjakan 95, dibelanjakan 85, total cost 90, "
           "total biaya 90, budget 40, anggaran 40"},
    {impressions, "impressions 95, impr 95, impresi 95, tayangan 90, reach 40, jangkauan 40"},
    {clicks, "clicks 95, klik 95, link clicks 95, klik tautan 95"},
    {column_role::leads, "leads 85, lead 60, prospek 60, form submissions 70, registrations 60, "
                         "pendaftaran 55, sign ups 55, signups 55"},
    {conversions, "conversions 95, conv 85, konversi 95, results 75, hasil 60, purchases 75, "
                  "pembelian 70, transactions 60, transaksi 50, acquisitions 70, orders 50"},
    {revenue, "conv value 95, conversion value 95, nilai konversi 95, revenue 85, pendapatan 85, "
              "purchase value 90, purchases conversion value 95, nilai konversi pembelian 95, "
              "total revenue 90, total pendapatan 90, purchase revenue 85, sales 50, penjualan 55, "
              "omzet 60, value 40, nilai 30"},
    {duration, "duration 90, durasi 90, session duration 95, durasi sesi 95, time on site 85, "
               "time on page 70, average engagement time 75, engagement time 80, waktu interaksi 80, "
               "lama 50, lama sesi 85, length 40, seconds 40, detik 40"},
    {pageviews, "pageviews 95, page views 95, page view 95, views 85, tampilan 90, screen page views 90, "
                "tayangan halaman 95, halaman dilihat 90, pages viewed 90, pages 70, halaman 60, "
                "jumlah halaman 80"},
    {key_events, "key events 95, peristiwa utama 95, conversions 50, konversi 45, goal completions 70, "
                 "events 30"},
    {sessions, "sessions 95, sesi 90, visits 80, kunjungan 80, jumlah sesi 90"},
    {engaged_sessions, "engaged sessions 98, sesi engaged 98, sesi dengan interaksi 98, "
                       "sesi interaksi 95, sesi berinteraksi 95"},
    {score, "score 85, skor 85, rating 85, nilai 55, nps 85, csat 85, satisfaction 75/1, kepuasan 75/1, "
            "penilaian 80, bintang 60, stars 60, recommend 75/1, merekomendasikan 75/1, rekomendasi 60/1, "
            "how likely 70/1, how satisfied 75/1, seberapa puas 75/1, seberapa besar kemungkinan 70/1, "
            "puas 60/1"},
    {kpi, "kpi 95, kpi name 95, nama kpi 95, metric 90, metrics 90, metrik 90, indikator 80, "
          "indicator 80, measure 60"},
    {target, "target 95, target value 95, nilai target 95, goal 70, sasaran 80, quota 60, kuota 60, "
             "monthly target 90, target bulanan 90"},
};

/// The phrases of header_phrases, read once.
const std::vector<header_rule>& header_rules()
{
    static const std::vector<header_rule> rules = [] {
        std::vector<header_rule> out;
        for (const role_phrases& entry : header_phrases) {
            std::string_view rest = entry.phrases;
            while (!rest.empty()) {
                const std::size_t comma = std::min(rest.find(','), rest.size());
                std::string_view item = rest.substr(0, comma);
                rest.remove_prefix(std::min(comma + 1, rest.size()));
                while (item.starts_with(' '))
                    item.remove_prefix(1);
                const std::size_t space = item.rfind(' ');
                header_rule rule{entry.role, {}, 0, 6};
                const std::string_view numbers = item.substr(space + 1);
                const std::size_t slash = numbers.find('/');
                std::from_chars(numbers.data(), numbers.data() + std::min(slash, numbers.size()), rule.score);
                if (slash != std::string_view::npos)
                    std::from_chars(numbers.data() + slash + 1, numbers.data() + numbers.size(),
                                    rule.penalty);
                for (std::string_view words = item.substr(0, space); !words.empty();) {
                    const std::size_t end = std::min(words.find(' '), words.size());
                    rule.words.emplace_back(words.substr(0, end));
                    words.remove_prefix(std::min(end + 1, words.size()));
                }
                out.push_back(std::move(rule));
            }
        }
        return out;
    }();
    return rules;
}

/// Words that change nothing about a header's meaning: units, currencies, "(all)".
bool ignorable(std::string_view word)
{
    static constexpr std::array<std::string_view, 30> words{
        "rp",  "idr", "usd",  "eur",   "sgd", "myr", "gbp",  "aud",          "jpy", "rm",
        "s",   "sec", "secs", "detik", "ms",  "min", "mins", "menit",        "all", "semua",
        "the", "of",  "yang", "dari",  "in",  "di",  "ke",   "\xE2\x82\xAC", "us",  "number"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Words that make a header a ratio or an identifier rather than a count or an amount: "Cost / conv.",
/// "Avg. CPC", "Conv. rate", "Sessions per user", "Session ID".
bool ratio_or_id_word(std::string_view word)
{
    static constexpr std::array<std::string_view, 22> words{
        "per",     "avg",        "average", "rata", "rate", "ratio", "rasio", "tingkat",
        "ctr",     "cpc",        "cpm",     "cpa",  "cpl",  "roas",  "share", "persen",
        "percent", "percentage", "pct",     "id",   "kode", "code"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// Words that rule a role out for a header that otherwise names it ("Discount Amount" is no amount,
/// "Conv. value" no count of conversions, "Engaged sessions" no count of sessions).
bool excluded(column_role role, const std::vector<std::string>& words)
{
    const auto any = [&](std::initializer_list<std::string_view> list) {
        return std::any_of(list.begin(), list.end(), [&](std::string_view w) { return has_word(words, w); });
    };
    switch (role) {
    case amount:
        return any({"discount",  "diskon",  "potongan", "shipping", "ongkir",   "ongkos", "tax",
                    "taxes",     "pajak",   "fee",      "refund",   "refunded", "qty",    "quantity",
                    "kuantitas", "voucher", "cashback", "koin",     "coin",     "komisi", "commission",
                    "weight",    "berat",   "cost",     "biaya",    "modal"});
    case conversions:
    case key_events:
        return any({"value", "nilai", "cost", "biaya"});
    case sessions:
        return any({"engaged", "engagement", "interaksi", "berinteraksi", "duration", "durasi", "user",
                    "users", "pengguna", "source", "medium", "campaign", "channel", "default", "sumber"});
    case revenue:
        return any({"cost", "biaya"});
    case customer:
    case lead:
        return any({"campaign",   "kampanye", "status",     "source",  "sumber",   "stage",
                    "owner",      "company",  "perusahaan", "city",    "kota",     "address",
                    "alamat",     "ongkos",   "ongkir",     "harga",   "price",    "total",
                    "amount",     "biaya",    "cost",       "diskon",  "discount", "fee",
                    "pembayaran", "payment",  "produk",     "product", "lineitem", "item"});
    case date:
        return any({"duration", "durasi", "engagement", "interaksi", "lama"});
    default:
        return false;
    }
}

bool numeric_role(column_role role)
{
    switch (role) {
    case amount:
    case cost:
    case impressions:
    case clicks:
    case column_role::leads:
    case conversions:
    case revenue:
    case pageviews:
    case key_events:
    case sessions:
    case engaged_sessions:
        return true;
    default:
        return false;
    }
}

bool money_role(column_role role)
{
    return role == amount || role == cost || role == revenue || role == target;
}

bool same_word(std::string_view header_word, std::string_view phrase_word)
{
    if (header_word == phrase_word)
        return true;
    // Plurals: "Session"/"Sessions", "Click"/"Clicks".
    if (phrase_word.size() < 4)
        return false;
    return (header_word.size() == phrase_word.size() + 1 && header_word.back() == 's' &&
            header_word.starts_with(phrase_word)) ||
           (phrase_word.size() == header_word.size() + 1 && phrase_word.back() == 's' &&
            phrase_word.starts_with(header_word));
}

/// How well a phrase names a header: its score, less for each word of the header the phrase leaves
/// unexplained, more when it explains them all; 0 when the phrase is not in the header.
int phrase_score(const std::vector<std::string>& words, const header_rule& rule)
{
    const std::vector<std::string>& parts = rule.words;
    if (parts.size() > words.size())
        return 0;
    for (std::size_t first = 0; first + parts.size() <= words.size(); ++first) {
        bool match = true;
        for (std::size_t k = 0; k < parts.size() && match; ++k)
            match = same_word(words[first + k], parts[k]);
        if (!match)
            continue;
        int extra = 0;
        for (std::size_t k = 0; k < words.size(); ++k)
            if ((k < first || k >= first + parts.size()) && !ignorable(words[k]))
                ++extra;
        return extra == 0 ? rule.score + 10 : std::max(rule.score - rule.penalty * extra, rule.score / 2);
    }
    return 0;
}

/// Whether a header is a ratio: a '/' outside parentheses ("Cost / conv.") or a '%'.
bool ratio_header(std::string_view header)
{
    int depth = 0;
    for (const char c : header) {
        if (c == '(')
            ++depth;
        else if (c == ')')
            depth = std::max(0, depth - 1);
        else if ((c == '/' && depth == 0) || c == '%')
            return true;
    }
    return false;
}

std::array<int, role_count> header_scores(std::string_view header)
{
    std::array<int, role_count> scores{};
    const std::vector<std::string> words = words_of(header);
    if (words.empty())
        return scores;
    const bool ratio =
        ratio_header(header) ||
        std::any_of(words.begin(), words.end(), [](const std::string& w) { return ratio_or_id_word(w); });
    std::array<bool, role_count> ruled_out{};
    for (std::size_t r = 0; r < role_count; ++r) {
        const auto role = static_cast<column_role>(r);
        ruled_out[r] = (ratio && numeric_role(role)) || excluded(role, words);
    }
    for (const header_rule& rule : header_rules()) {
        if (ruled_out[index_of(rule.role)])
            continue;
        int& best = scores[index_of(rule.role)];
        best = std::max(best, phrase_score(words, rule));
    }
    // The date of a later event (completion, shipping, cancellation, an update) is a fallback only: the
    // date an order or lead came in is what the periods are about.
    static constexpr std::array<std::string_view, 28> later{
        "selesai",  "dibatalkan", "batal",      "cancelled", "canceled",  "completed", "fulfilled",
        "shipped",  "dikirim",    "pengiriman", "kirim",     "delivered", "diterima",  "updated",
        "modified", "diubah",     "diperbarui", "ends",      "end",       "akhir",     "berakhir",
        "closed",   "close",      "refunded",   "expired",   "due",       "tempo",     "lahir"};
    if (std::any_of(later.begin(), later.end(), [&](std::string_view w) { return has_word(words, w); }))
        scores[index_of(date)] /= 2;
    return scores;
}

// Step 3: roles from content.

/// What a column holds, from a sample of its rows.
struct column_profile
{
    std::size_t sampled = 0, filled = 0;
    std::size_t numbers = 0, integers = 0, date_cells = 0, times = 0, errors = 0;
    std::size_t iso_dates = 0, text_dates = 0, number_dates = 0;
    std::size_t number_texts = 0, digit_texts = 0, emails = 0, hash_ids = 0, labels = 0;
    std::size_t whole_0_to_10 = 0;
    std::size_t serials = 0; ///< numbers that read as dates of 1950-2099 (date cells whose format was lost)
    std::size_t distinct = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    bool monotonic = true;           ///< the numbers rise (or fall) strictly from row to row
    std::size_t number_rows = 0;     ///< the rows from the first number to the last
    std::string currency;            ///< the currency most text amounts are written with
    std::vector<std::string> values; ///< distinct text values, lower-cased (the first 64)

    [[nodiscard]] bool mostly(std::size_t n) const noexcept { return filled > 0 && n * 10 >= filled * 8; }
};

/// The rows a column's content is judged from: all of a small table; the first 200, 250 spread evenly and the
/// last 50 of a large one.
std::vector<std::size_t> sample_rows(std::size_t first, std::size_t last)
{
    std::vector<std::size_t> rows;
    const std::size_t count = last - first + 1;
    if (count <= 500) {
        for (std::size_t r = first; r <= last; ++r)
            rows.push_back(r);
        return rows;
    }
    for (std::size_t r = first; r < first + 200; ++r)
        rows.push_back(r);
    const std::size_t middle = count - 250;
    for (std::size_t k = 0; k < 250; ++k)
        rows.push_back(first + 200 + k * (middle - 200) / 250);
    for (std::size_t r = last - 49; r <= last; ++r)
        rows.push_back(r);
    return rows;
}

std::string number_key(double value)
{
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string();
}

column_profile profile_of(const sheet_cells& s, std::size_t column, const std::vector<std::size_t>& rows)
{
    column_profile p;
    std::unordered_set<std::string> keys;
    std::vector<std::pair<std::string_view, std::size_t>> currency_counts;
    int direction = 0;
    double previous = std::numeric_limits<double>::quiet_NaN();
    std::optional<std::size_t> first_number_row;
    for (const std::size_t row : rows) {
        const cell& c = s.at(row, column);
        ++p.sampled;
        if (blank(c))
            continue;
        ++p.filled;
        switch (c.type) {
        case cell_type::number:
        case cell_type::date: {
            const double v = c.number;
            keys.insert(number_key(v));
            if (c.type == cell_type::date) {
                ++p.date_cells;
                p.times += v >= 0 && v < 1 ? 1 : 0;
                break;
            }
            ++p.numbers;
            if (!first_number_row)
                first_number_row = row;
            p.number_rows = row - *first_number_row + 1;
            p.min = std::min(p.min, v);
            p.max = std::max(p.max, v);
            const bool whole = v == std::floor(v);
            p.integers += whole ? 1 : 0;
            p.whole_0_to_10 += whole && v >= 0 && v <= 10 ? 1 : 0;
            p.number_dates += is_yyyymmdd(v) ? 1 : 0;
            p.serials += v >= 18264 && v < 73051 ? 1 : 0;
            if (!std::isnan(previous)) {
                const int step = v > previous ? 1 : v < previous ? -1 : 0;
                if (step == 0 || (direction != 0 && step != direction))
                    p.monotonic = false;
                direction = step;
            }
            previous = v;
            break;
        }
        case cell_type::error:
            ++p.errors;
            break;
        case cell_type::text: {
            const std::string_view t = trim(c.text);
            std::string key;
            key.reserve(t.size());
            for (const char ch : t)
                key.push_back(lower(ch));
            if (keys.insert(key).second && p.values.size() < 64)
                p.values.push_back(key);
            switch (classify(t)) {
            case text_class::iso_date:
                ++p.iso_dates;
                break;
            case text_class::text_date:
                ++p.text_dates;
                break;
            case text_class::digits:
                ++p.digit_texts;
                p.number_dates += is_yyyymmdd_text(t) ? 1 : 0;
                break;
            case text_class::number: {
                ++p.number_texts;
                const std::string_view currency = number_text_of(t)->currency;
                if (!currency.empty()) {
                    auto it = std::find_if(currency_counts.begin(), currency_counts.end(),
                                           [&](const auto& e) { return e.first == currency; });
                    if (it == currency_counts.end())
                        currency_counts.emplace_back(currency, 1);
                    else
                        ++it->second;
                }
                break;
            }
            case text_class::email:
                ++p.emails;
                break;
            case text_class::hash_id:
                ++p.hash_ids;
                break;
            case text_class::label:
            case text_class::blank:
                ++p.labels;
                break;
            }
            break;
        }
        case cell_type::empty:
            break;
        }
    }
    p.distinct = keys.size();
    if (p.numbers < 2)
        p.monotonic = false;
    const auto top = std::max_element(currency_counts.begin(), currency_counts.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    if (top != currency_counts.end())
        p.currency = std::string(top->first);
    return p;
}

/// A column of whole numbers, each different, rising or falling row by row in small steps (at most 10 a row
/// on average) or close together (within 1 %): order numbers or other IDs. Costs sorted by size are not.
bool id_like_numbers(const column_profile& p)
{
    if (p.numbers < 5 || p.integers != p.numbers || p.distinct != p.filled || !p.monotonic)
        return false;
    const double range = p.max - p.min;
    return range <= 10.0 * static_cast<double>(p.number_rows) || range * 100 < std::abs(p.min);
}

/// Whether a column's content can hold a role.
bool fits(column_role role, const column_profile& p)
{
    if (p.filled == 0)
        return false;
    const std::size_t dates =
        p.date_cells - p.times + p.iso_dates + p.text_dates + p.number_dates + p.serials;
    const std::size_t numeric = p.numbers + p.number_texts + p.digit_texts;
    const std::size_t whole_numbers = p.min >= 0 ? p.integers : 0;
    switch (role) {
    case date:
        return p.mostly(dates);
    case customer:
    case lead:
        return p.filled * 4 >= p.sampled && p.hash_ids * 2 < p.filled &&
               p.mostly(p.labels + p.emails + p.digit_texts + whole_numbers);
    case order:
        return p.filled * 4 >= p.sampled && p.mostly(p.labels + p.hash_ids + p.digit_texts + whole_numbers);
    case status:
        return p.mostly(p.labels) && (p.filled < 10 || p.distinct * 3 <= p.filled || p.distinct <= 12);
    case campaign:
    case kpi:
        return p.mostly(p.labels + p.hash_ids + p.digit_texts + (role == campaign ? whole_numbers : 0));
    case duration:
        return p.mostly(numeric) && p.date_cells == 0;
    case score:
        // Whole numbers 0-10, but for a few typos (warned as invalid_scores).
        return p.mostly(numeric) && p.date_cells == 0 && p.number_texts == 0 &&
               p.whole_0_to_10 * 10 >= p.numbers * 8;
    default: // amounts and counts
        return p.mostly(numeric) && p.date_cells == 0 && p.number_dates * 2 < p.filled;
    }
}

/// A column of the table being judged: its header, its words, its content and its role scores.
struct column_info
{
    std::size_t column = 0;
    std::string header;
    std::vector<std::string> words;
    column_profile profile;
    std::array<int, role_count> header_score{};
    std::array<int, role_count> score{}; ///< 0 where the role is out of the question
};

constexpr int least_score = 25;  ///< a role's score must reach this to count
constexpr int score_margin = 35; ///< roles this far below a column's best are dropped

void score_roles(column_info& info)
{
    const column_profile& p = info.profile;
    int best = 0;
    for (std::size_t r = 0; r < role_count; ++r) {
        const auto role = static_cast<column_role>(r);
        int s = info.header_score[r];
        if (s == 0 || !fits(role, p)) {
            info.score[r] = 0;
            continue;
        }
        if ((role == customer || role == lead) && p.emails * 2 >= p.filled)
            s += 10;
        if (role == order && p.hash_ids * 2 >= p.filled)
            s += 70;
        if (money_role(role) && id_like_numbers(p))
            s -= 50;
        // Numbers under a header that names a count as well as an ID ("Leads") are the count.
        if ((role == customer || role == lead || role == order) && p.mostly(p.numbers)) {
            int count_header = 0;
            for (std::size_t k = 0; k < role_count; ++k)
                if (numeric_role(static_cast<column_role>(k)))
                    count_header = std::max(count_header, info.header_score[k]);
            if (count_header >= info.header_score[r])
                s = 0;
        }
        info.score[r] = s;
        best = std::max(best, s);
    }
    for (int& s : info.score)
        if (s < least_score || s < best - score_margin)
            s = 0;
}

std::string header_text(const cell& c)
{
    switch (c.type) {
    case cell_type::text:
        return std::string(trim(c.text));
    case cell_type::number:
    case cell_type::date:
        return number_key(c.number);
    default:
        return {};
    }
}

std::vector<column_info> analyse(const sheet_cells& s, const table& t)
{
    const std::vector<std::size_t> rows = sample_rows(t.first_row, t.last_row);
    std::vector<column_info> columns;
    for (std::size_t c = t.first_column; c <= t.last_column; ++c) {
        column_info info;
        info.column = c;
        info.header = t.headers[c - t.first_column];
        info.words = words_of(info.header);
        info.profile = profile_of(s, c, rows);
        info.header_score = header_scores(info.header);
        score_roles(info);
        columns.push_back(std::move(info));
    }
    return columns;
}

// Step 3: the kind from the roles.

struct assignment
{
    std::vector<role_column> columns;
    int score = 0;
    bool complete = false;
};

/// The columns of a kind's roles: required roles first, each to its best free column, then the optional ones.
assignment assign(const std::vector<column_info>& columns, table_kind kind)
{
    assignment a;
    if (kind == table_kind::unknown)
        return a;
    const kind_roles& roles = roles_of(kind);
    std::vector<bool> used(columns.size(), false);
    const auto fill = [&](const std::vector<column_role>& wanted) {
        struct choice
        {
            int score;
            std::size_t index;
            column_role role;
        };
        std::vector<choice> choices;
        for (std::size_t i = 0; i < columns.size(); ++i)
            for (const column_role role : wanted)
                if (columns[i].score[index_of(role)] > 0)
                    choices.push_back({columns[i].score[index_of(role)], i, role});
        std::stable_sort(choices.begin(), choices.end(),
                         [](const choice& x, const choice& y) { return x.score > y.score; });
        std::vector<bool> done(role_count, false);
        for (const choice& c : choices) {
            if (used[c.index] || done[index_of(c.role)])
                continue;
            used[c.index] = true;
            done[index_of(c.role)] = true;
            a.columns.push_back(role_column{c.role, columns[c.index].column, columns[c.index].header});
            a.score += c.score;
        }
        return std::all_of(wanted.begin(), wanted.end(), [&](column_role r) { return done[index_of(r)]; });
    };
    a.complete = fill(roles.required);
    fill(roles.optional);
    return a;
}

/// What tells kinds with similar roles apart: lead words in headers, the values of a status column, a
/// session ID next to session counts.
struct kind_hints
{
    bool lead_words = false;
    bool order_words = false;
    bool session_ids = false;
    bool session_counts = false;
    bool strong_score = false;
    std::size_t lead_statuses = 0;  ///< distinct status values of leads (won, lost, qualified, berhasil ...)
    std::size_t order_statuses = 0; ///< distinct status values of orders (shipped, selesai, dibatalkan ...)
};

kind_hints hints_of(const std::vector<column_info>& columns)
{
    // Status values of leads and of orders, lower-case, each followed by '|'.
    static constexpr std::string_view lead_values =
        "won|lost|open|new|qualified|unqualified|contacted|converted|closed won|closed lost|"
        "closed - won|closed-won|closedwon|deal|closing|terjual|berhasil|gagal|prospek|"
        "follow up|follow-up|hot|warm|cold|negotiation|negosiasi|proposal|baru|sukses|menang|"
        "kalah|in progress|dihubungi|tertarik|tidak tertarik|nurturing|mql|sql|opportunity|"
        "junk|attempted|working|not interested|interested|";
    static constexpr std::string_view order_values =
        "completed|complete|selesai|shipped|dikirim|sedang dikirim|perlu dikirim|delivered|"
        "diterima|paid|dibayar|belum bayar|unpaid|pending|processing|diproses|cancelled|"
        "canceled|dibatalkan|batal|refunded|refund|pengembalian|fulfilled|unfulfilled|"
        "on-hold|on hold|failed|pesanan selesai|telah dikirim|menunggu pembayaran|"
        "dalam pengiriman|partially refunded|authorized|voided|";
    kind_hints h;
    for (const column_info& c : columns) {
        const column_profile& p = c.profile;
        const auto scored = [&](std::initializer_list<column_role> roles) {
            return std::any_of(roles.begin(), roles.end(),
                               [&](column_role r) { return c.score[index_of(r)] > 0; });
        };
        for (const std::string& w : c.words) {
            if (scored({lead, status}) && (w == "lead" || w == "prospect" || w == "prospek" ||
                                           w == "contact" || w == "kontak" || w == "crm"))
                h.lead_words = true;
            if (scored({order, status, amount, date}) &&
                (w == "order" || w == "pesanan" || w == "invoice" || w == "transaksi" || w == "transaction" ||
                 w == "faktur"))
                h.order_words = true;
        }
        if ((has_word(c.words, "session") || has_word(c.words, "sesi")) &&
            (has_word(c.words, "id") || has_word(c.words, "kode")))
            h.session_ids = true;
        h.session_counts = h.session_counts || c.score[index_of(sessions)] >= 80;
        h.strong_score = h.strong_score || c.score[index_of(score)] >= 60;
        if (c.header_score[index_of(status)] > 0 && p.mostly(p.labels)) {
            const auto listed = [](std::string_view list, const std::string& value) {
                return ("|" + std::string(list)).find("|" + value + "|") != std::string::npos;
            };
            for (const std::string& v : p.values) {
                h.lead_statuses += listed(lead_values, v) ? 1 : 0;
                h.order_statuses += listed(order_values, v) ? 1 : 0;
            }
        }
    }
    return h;
}

/// The kind's score from its roles' scores and the hints.
int kind_score(table_kind kind, const assignment& a, const kind_hints& h)
{
    const auto has = [&](column_role role) {
        return std::any_of(a.columns.begin(), a.columns.end(),
                           [&](const role_column& c) { return c.role == role; });
    };
    int s = a.score;
    switch (kind) {
    case table_kind::orders:
        s += h.order_words ? 30 : 0;
        s += h.order_statuses > h.lead_statuses ? 20 : 0;
        s -= h.lead_statuses > h.order_statuses ? 40 : 0;
        s -= h.lead_words ? 40 : 0;
        s -= has(amount) ? 0 : has(order) ? 70 : 120;
        break;
    case table_kind::leads:
        s += h.lead_words ? 40 : 0;
        s += h.lead_statuses > h.order_statuses ? 40 : 0;
        s -= h.order_statuses > h.lead_statuses ? 80 : 0;
        s -= h.order_words ? 30 : 0;
        s -= !has(status) && !h.lead_words ? 100 : 0;
        break;
    case table_kind::sessions:
        s += h.session_ids ? 60 : 0;
        s -= h.session_counts ? 100 : 0;
        // An average duration ("Average engagement time") makes rows pages or days, not sessions.
        for (const role_column& c : a.columns) {
            const std::vector<std::string> words = words_of(c.header);
            if (c.role == duration && !h.session_ids &&
                (has_word(words, "average") || has_word(words, "avg") || has_word(words, "rata") ||
                 has_word(words, "per")))
                return 0;
        }
        break;
    case table_kind::traffic:
        s -= h.session_ids ? 60 : 0;
        break;
    case table_kind::survey:
        s += h.strong_score ? 50 : 0;
        break;
    default:
        break;
    }
    return s;
}

/// Orders a table's role columns as roles_of lists them: required roles first.
void sort_columns(table& t)
{
    if (t.kind == table_kind::unknown)
        return;
    const kind_roles& roles = roles_of(t.kind);
    const auto rank = [&](column_role role) {
        const auto r = std::find(roles.required.begin(), roles.required.end(), role);
        if (r != roles.required.end())
            return static_cast<std::size_t>(r - roles.required.begin());
        const auto o = std::find(roles.optional.begin(), roles.optional.end(), role);
        return roles.required.size() + static_cast<std::size_t>(o - roles.optional.begin());
    };
    std::stable_sort(t.columns.begin(), t.columns.end(),
                     [&](const role_column& a, const role_column& b) { return rank(a.role) < rank(b.role); });
}

void choose_kind(table& t, const std::vector<column_info>& columns)
{
    const kind_hints h = hints_of(columns);
    std::optional<std::pair<int, assignment>> best;
    table_kind best_kind = table_kind::unknown;
    for (std::size_t k = 0; k + 1 < kind_count; ++k) {
        const auto kind = static_cast<table_kind>(k);
        assignment a = assign(columns, kind);
        if (!a.complete)
            continue;
        const int s = kind_score(kind, a, h);
        if (s > 0 && (!best || s > best->first)) {
            best.emplace(s, std::move(a));
            best_kind = kind;
        }
    }
    t.kind = best_kind;
    t.columns = best ? std::move(best->second.columns) : std::vector<role_column>{};
    sort_columns(t);
}

// Step 4: what each role column holds, over all its rows.

std::string count_text(std::size_t n)
{
    return std::to_string(n);
}

warning make_warning(const table& t, const role_column& c, std::string code, std::size_t rows,
                     std::string message)
{
    return warning{t.sheet_name, column_letters(c.column), std::move(code), rows, std::move(message)};
}

/// The currency a header names: "Cost (IDR)", "Total Pembayaran (Rp)", "Amount spent (USD)", "Harga ($)".
std::string currency_of_header(std::string_view header)
{
    for (const std::string& w : words_of(header))
        for (const auto& c : currencies)
            if (is_letter(c.written.front()) && equals_ci(w, c.written))
                return std::string(c.name);
    for (const auto& c : currencies)
        if (!is_letter(c.written.front()) && c.written != "$" &&
            header.find(c.written) != std::string_view::npos)
            return std::string(c.name);
    if (header.find('$') != std::string_view::npos)
        return header.find("US$") != std::string_view::npos ? "US$" : "$";
    // Another ISO 4217 code in parentheses: "Amount spent (THB)".
    for (std::size_t open = header.find('('); open != std::string_view::npos;
         open = header.find('(', open + 1))
        if (open + 4 < header.size() && header[open + 4] == ')' &&
            std::all_of(header.begin() + static_cast<std::ptrdiff_t>(open + 1),
                        header.begin() + static_cast<std::ptrdiff_t>(open + 4),
                        [](char c) { return c >= 'A' && c <= 'Z'; }))
            return std::string(header.substr(open + 1, 3));
    return {};
}

/// The table's currency: from a money column's header, else a currency column ("Currency": IDR), else the
/// text amounts, else any header of the table.
std::string currency_of(const sheet_cells& s, const table& t)
{
    for (const column_role role : {amount, revenue, cost, target})
        if (const role_column* c = t.find(role))
            if (std::string name = currency_of_header(c->header); !name.empty())
                return name;
    const std::vector<std::size_t> rows = sample_rows(t.first_row, t.last_row);
    for (std::size_t c = t.first_column; c <= t.last_column; ++c) {
        const std::vector<std::string> words = words_of(t.headers[c - t.first_column]);
        if (!has_word(words, "currency") && !(has_word(words, "mata") && has_word(words, "uang")))
            continue;
        for (const std::size_t row : rows) {
            const cell& v = s.at(row, c);
            if (v.type != cell_type::text)
                continue;
            const std::string_view code = trim(v.text);
            if (code.size() == 3 &&
                std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
                return std::string(code);
            for (const auto& known : currencies)
                if (equals_ci(code, known.written))
                    return std::string(known.name);
        }
    }
    for (const column_role role : {amount, revenue, cost, target})
        if (const role_column* c = t.find(role))
            if (column_profile p = profile_of(s, c->column, rows); !p.currency.empty())
                return p.currency;
    for (const std::string& header : t.headers)
        if (std::string name = currency_of_header(header); !name.empty())
            return name;
    return {};
}

std::string_view order_words(date_order order)
{
    switch (order) {
    case date_order::dmy:
        return "day/month/year";
    case date_order::mdy:
        return "month/day/year";
    case date_order::ymd:
        return "year/month/day";
    case date_order::unknown:
        break;
    }
    return "";
}

/// What one pass over a table counts in one of its role columns.
struct column_count
{
    role_column column;
    std::size_t errors = 0;
    std::size_t date_cells = 0, iso_dates = 0, text_dates = 0, number_dates = 0; ///< of a date column
    bool dmy = false, mdy = false, ymd = false;
    std::size_t number_texts = 0; ///< of an amount or count column
    std::string example;          ///< the first of them
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -std::numeric_limits<double>::infinity();

    void add(const cell& v)
    {
        switch (v.type) {
        case cell_type::error:
            ++errors;
            break;
        case cell_type::date:
            ++date_cells;
            break;
        case cell_type::number:
            lowest = std::min(lowest, v.number);
            highest = std::max(highest, v.number);
            number_dates += column.role == date && is_yyyymmdd(v.number) ? 1 : 0;
            break;
        case cell_type::text:
            add_text(trim(v.text));
            break;
        case cell_type::empty:
            break;
        }
    }

    void add_text(std::string_view text)
    {
        if (text.empty())
            return;
        if (column.role == date) {
            if (is_digit(text.front()) && parse_iso_date(text)) {
                ++iso_dates;
            } else if (const auto order = text_date_order_of(text)) {
                ++text_dates;
                dmy = dmy || *order == date_order::dmy;
                mdy = mdy || *order == date_order::mdy;
                ymd = ymd || *order == date_order::ymd;
            } else if (is_yyyymmdd_text(text)) {
                ++number_dates;
            }
        } else if (numeric_role(column.role) || column.role == duration || column.role == score ||
                   column.role == target) {
            if (number_text_of(text) && number_texts++ == 0)
                example = std::string(text);
        }
    }
};

/// How the date column's dates are stored, and warnings for the ones the KPI functions skip.
void date_warnings(table& t, const column_count& k)
{
    const role_column& c = k.column;
    if (k.text_dates > 0 || k.number_dates > 0)
        t.dates = date_storage::other;
    else if (k.iso_dates > 0)
        t.dates = k.date_cells > 0 ? date_storage::mixed : date_storage::iso_text;
    else
        t.dates = date_storage::serials;
    if (k.text_dates > 0) {
        const int orders = int{k.dmy} + int{k.mdy} + int{k.ymd};
        if (orders == 1)
            t.text_date_order = k.dmy ? date_order::dmy : k.mdy ? date_order::mdy : date_order::ymd;
        const std::string how = orders == 1  ? "in " + std::string(order_words(t.text_date_order)) + " order"
                                : orders > 1 ? "in more than one day/month order"
                                             : "whose day/month order cannot be told";
        t.warnings.push_back(make_warning(t, c, "text_dates", k.text_dates,
                                          "column " + c.header + " holds " + count_text(k.text_dates) +
                                              " text dates " + how + ": convert them or use --date-order"));
    }
    if (k.number_dates > 0)
        t.warnings.push_back(make_warning(t, c, "number_dates", k.number_dates,
                                          "column " + c.header + " holds " + count_text(k.number_dates) +
                                              " dates written as numbers (yyyymmdd, like 20260301): convert "
                                              "them to dates, or those rows are left out of every period"));
}

/// The survey's scale from its answers, and the answers off it (KPI.NPS and KPI.CSAT give Err:502 for them).
void score_warnings(const sheet_cells& s, table& t, const column_count& k)
{
    const role_column& c = k.column;
    const std::vector<std::string> words = words_of(c.header);
    const bool nps_words = has_word(words, "nps") || has_word(words, "recommend") ||
                           has_word(words, "merekomendasikan") || has_word(words, "rekomendasi") ||
                           has_word(words, "likely") || has_word(words, "kemungkinan");
    t.score_scale = k.highest <= 5 && k.lowest >= 1 && !nps_words ? 5 : 10;
    const double bottom = t.score_scale == 5 ? 1 : 0;
    std::size_t off = 0;
    for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
        const cell& v = s.at(row, c.column);
        if (v.type == cell_type::number &&
            (v.number < bottom || v.number > t.score_scale || v.number != std::floor(v.number)))
            ++off;
    }
    if (off > 0)
        t.warnings.push_back(make_warning(
            t, c, "invalid_scores", off,
            "column " + c.header + " holds " + count_text(off) + " answers that are not whole numbers from " +
                (t.score_scale == 5 ? "1 to 5" : "0 to 10") + ": correct them, or the score gives Err:502"));
}

/// An ID column chosen as an amount: whole numbers, each different, rising row by row, or an ID's header.
void id_as_amount_warning(const sheet_cells& s, table& t, const role_column& c)
{
    const std::vector<std::string> words = words_of(c.header);
    const bool id_header = std::any_of(words.begin(), words.end(), [](const std::string& w) {
        return w == "id" || w == "no" || w == "nomor" || w == "number" || w == "kode" || w == "code" ||
               w == "invoice" || w == "sku" || w == "nik";
    });
    if (!id_header && !id_like_numbers(profile_of(s, c.column, sample_rows(t.first_row, t.last_row))))
        return;
    const std::string role(to_string(c.role));
    t.warnings.push_back(
        make_warning(t, c, "id_as_amount", t.row_count(),
                     "column " + c.header + " looks like IDs (" +
                         (id_header ? "its header names an ID" : "different whole numbers in order") +
                         "), not " + role + ": choose the " + role + " column, or its sum is meaningless"));
}

/// Orders that a status column marks as cancelled, refunded, returned or failed ("Batal", "cancelled",
/// "refunded"): the KPI functions count them like any other order, so the user is told how many rows.
void cancelled_orders_warning(const sheet_cells& s, table& t)
{
    static constexpr std::string_view cancel_words[] = {
        "cancelled",  "canceled", "cancel",       "cancellation", "batal", "dibatalkan",
        "pembatalan", "refunded", "refund",       "returned",     "retur", "dikembalikan",
        "void",       "voided",   "pengembalian", "failed",       "gagal"};
    for (std::size_t column = t.first_column; column <= t.last_column; ++column) {
        const std::string& header = t.headers[column - t.first_column];
        const std::vector<std::string> header_words = words_of(header);
        const bool role = std::any_of(t.columns.begin(), t.columns.end(),
                                      [&](const role_column& c) { return c.column == column; });
        if (role || !(has_word(header_words, "status") || has_word(header_words, "state")))
            continue;
        std::size_t rows = 0;
        std::string example;
        for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
            const cell& v = s.at(row, column);
            if (v.type != cell_type::text)
                continue;
            const std::vector<std::string> words = words_of(v.text);
            if (has_word(words, "partially") || has_word(words, "partial") || has_word(words, "sebagian"))
                continue; // a partial refund leaves a sale
            if (std::none_of(std::begin(cancel_words), std::end(cancel_words),
                             [&](std::string_view w) { return has_word(words, w); }))
                continue;
            if (rows++ == 0)
                example = std::string(trim(v.text));
        }
        if (rows > 0)
            t.warnings.push_back(warning{t.sheet_name, column_letters(column), "cancelled_orders", rows,
                                         "column " + header + " marks " + count_text(rows) +
                                             " rows as cancelled, refunded or failed " + "(like \"" +
                                             example +
                                             "\"): they count as orders and revenue like the others; " +
                                             "remove them from the data to leave them out"});
    }
}

/// Everything that follows from a table's roles: currency, date storage, score scale and warnings. One pass
/// over the rows reads every role column.
void finish(const sheet_cells& s, table& t)
{
    t.warnings.clear();
    t.dates = date_storage::none;
    t.text_date_order = date_order::unknown;
    t.score_scale = 0;
    t.currency.clear();
    if (t.kind == table_kind::unknown)
        return;
    t.currency = currency_of(s, t);
    std::vector<column_count> counts;
    for (const role_column& c : t.columns) {
        counts.emplace_back();
        counts.back().column = c;
    }
    // Rows with a customer (or lead) but no date are left out of every period.
    const role_column* date_column = t.find(date);
    const role_column* id_column = t.find(t.kind == table_kind::leads ? lead : customer);
    std::size_t undated = 0;
    for (std::size_t row = t.first_row; row <= t.last_row; ++row) {
        for (column_count& k : counts)
            k.add(s.at(row, k.column.column));
        if (date_column != nullptr && id_column != nullptr && blank(s.at(row, date_column->column)) &&
            !blank(s.at(row, id_column->column)))
            ++undated;
    }
    for (const column_count& k : counts) {
        const role_column& c = k.column;
        if (k.errors > 0)
            t.warnings.push_back(
                make_warning(t, c, "error_cells", k.errors,
                             "column " + c.header + " holds " + count_text(k.errors) +
                                 " error values: correct them, or the KPIs of that column show "
                                 "the error"));
        if (c.role == date)
            date_warnings(t, k);
        if (k.number_texts > 0) {
            const bool money = money_role(c.role);
            t.warnings.push_back(
                make_warning(t, c, money ? "text_amounts" : "text_numbers", k.number_texts,
                             "column " + c.header + " holds " + count_text(k.number_texts) +
                                 (money ? " amounts" : " numbers") + " stored as text (like \"" + k.example +
                                 "\"): convert them to numbers, or they are left out of the sums"));
        }
        if (c.role == score)
            score_warnings(s, t, k);
        if (money_role(c.role))
            id_as_amount_warning(s, t, c);
    }
    if (t.kind == table_kind::orders)
        cancelled_orders_warning(s, t);
    if (undated > 0)
        t.warnings.push_back(
            make_warning(t, *date_column, "missing_dates", undated,
                         "column " + date_column->header + " is empty in " + count_text(undated) +
                             " rows that have a " + std::string(to_string(id_column->role)) +
                             ": fill in their dates, or those rows are left out of every period"));
}

// Step 2: a table per block.

constexpr std::size_t header_window = 60; ///< the header is among the first rows of a block

struct row_census
{
    std::size_t filled = 0, texts = 0, labels = 0;
};

row_census census(const sheet_cells& s, std::size_t row, std::size_t left, std::size_t right)
{
    row_census c;
    for (std::size_t col = left; col <= right; ++col) {
        const cell& v = s.at(row, col);
        if (blank(v))
            continue;
        ++c.filled;
        if (v.type == cell_type::text) {
            ++c.texts;
            c.labels += classify(v.text) == text_class::label ? 1 : 0;
        }
    }
    return c;
}

bool header_like(const row_census& c)
{
    return c.labels >= 2 && c.texts * 5 >= c.filled * 3;
}

/// The header row of a block: the first row of two or more labels, mostly text, about as wide as the widest
/// such row. Titles (one cell), "Downloaded on" lines and "Period:" pairs above a wider header are passed
/// over, and so is a row of "Key:" labels above a blank row when another header follows.
std::optional<std::size_t> find_header(const sheet_cells& s, const rect& r)
{
    struct candidate
    {
        std::size_t row, filled;
        bool key_values; ///< "Nama Toko:", "Toko Maju" above a blank row
    };
    std::vector<candidate> candidates;
    std::size_t widest = 0;
    const std::size_t last = std::min(r.bottom, r.top + header_window);
    for (std::size_t row = r.top; row <= last && row < r.bottom; ++row) {
        if (separator_row(s, row, r.left, r.right))
            continue;
        const row_census c = census(s, row, r.left, r.right);
        if (!header_like(c))
            continue;
        bool keys = false;
        for (std::size_t col = r.left; col <= r.right && !keys; ++col) {
            const cell& v = s.at(row, col);
            keys = v.type == cell_type::text && trim(v.text).ends_with(':');
        }
        candidates.push_back({row, c.filled, keys && separator_row(s, row + 1, r.left, r.right)});
        widest = std::max(widest, c.filled);
    }
    const auto wide = [&](const candidate& c) { return c.filled * 5 >= widest * 4; };
    for (const candidate& c : candidates)
        if (wide(c) && !c.key_values)
            return c.row;
    for (const candidate& c : candidates)
        if (wide(c))
            return c.row;
    return std::nullopt;
}

/// The types of a table's first data rows per column: whether each is mostly numbers or dates.
std::vector<bool> numeric_columns(const sheet_cells& s, std::size_t first, std::size_t last, std::size_t left,
                                  std::size_t right)
{
    std::vector<bool> numeric;
    for (std::size_t c = left; c <= right; ++c) {
        std::size_t filled = 0, numbers = 0;
        for (std::size_t row = first; row <= std::min(last, first + 30); ++row) {
            const cell& v = s.at(row, c);
            if (blank(v))
                continue;
            ++filled;
            if (v.is_numeric())
                ++numbers;
            else if (v.type == cell_type::text) {
                const text_class k = classify(v.text);
                numbers += k == text_class::number || k == text_class::iso_date || k == text_class::text_date
                               ? 1
                               : 0;
            }
        }
        numeric.push_back(filled > 0 && numbers * 10 >= filled * 8);
    }
    return numeric;
}

/// A row after a blank row that starts another table: two or more labels that are header words, one of
/// them above a column of numbers or dates.
bool starts_new_table(const sheet_cells& s, std::size_t row, const rect& r, const std::vector<bool>& numeric)
{
    // Only a label over a column of numbers or dates can start another table: checked first, as the rest
    // costs more.
    const auto label_at = [&](std::size_t col) {
        const cell& v = s.at(row, col);
        return v.type == cell_type::text && classify(v.text) == text_class::label;
    };
    bool possible = false;
    for (std::size_t col = r.left; col <= r.right && !possible; ++col)
        possible = numeric[col - r.left] && label_at(col);
    if (!possible || !header_like(census(s, row, r.left, r.right)))
        return false;
    std::size_t header_words = 0;
    bool over_numbers = false;
    for (std::size_t col = r.left; col <= r.right; ++col) {
        if (!label_at(col))
            continue;
        const cell& v = s.at(row, col);
        const auto scores = header_scores(v.text);
        if (std::any_of(scores.begin(), scores.end(), [](int x) { return x >= 40; })) {
            ++header_words;
            over_numbers = over_numbers || numeric[col - r.left];
        }
    }
    return header_words >= 2 && over_numbers;
}

/// The columns of the header row and the data, without empty edge columns.
void trim_columns(const sheet_cells& s, rect& r)
{
    const auto empty = [&](std::size_t column) {
        for (std::size_t row = r.top; row <= r.bottom; ++row)
            if (!blank(s.at(row, column)))
                return false;
        return true;
    };
    while (r.left < r.right && empty(r.left))
        ++r.left;
    while (r.right > r.left && empty(r.right))
        --r.right;
}

/// Whether a row closes the table as its total: a total label in one of its cells, or (directly after the
/// data) its ID and date columns empty while its number columns are filled.
bool total_row(const sheet_cells& s, std::size_t row, const rect& r, const std::vector<std::size_t>& keys,
               const std::vector<std::size_t>& numbers, bool by_content)
{
    for (std::size_t col = r.left; col <= r.right; ++col) {
        const cell& v = s.at(row, col);
        if (v.type == cell_type::text && is_total_label(v.text))
            return true;
    }
    if (!by_content || keys.empty() || numbers.empty())
        return false;
    if (!std::all_of(keys.begin(), keys.end(), [&](std::size_t col) { return blank(s.at(row, col)); }))
        return false;
    const auto filled = std::count_if(numbers.begin(), numbers.end(),
                                      [&](std::size_t col) { return s.at(row, col).is_numeric(); });
    return static_cast<std::size_t>(filled) * 2 >= numbers.size() && filled > 0;
}

struct found
{
    std::optional<table> table_found;
    std::optional<rect> rest; ///< another table below, after a single blank row
};

/// The table of a block, whose single separator rows are `single` (from scan_rows).
found table_in(const sheet_cells& s, std::size_t sheet_index, const rect& block,
               const std::vector<std::size_t>& single)
{
    found out;
    const std::optional<std::size_t> header = find_header(s, block);
    if (!header)
        return out;
    rect r{*header, block.bottom, block.left, block.right};
    trim_columns(s, r);
    // Another table after a single blank row, under a header of its own.
    {
        std::optional<std::vector<bool>> numeric;
        for (const std::size_t row : single) {
            if (row <= r.top + 1)
                continue;
            if (!numeric)
                numeric = numeric_columns(s, r.top + 1, r.bottom, r.left, r.right);
            if (starts_new_table(s, row + 1, r, *numeric)) {
                out.rest = rect{row + 1, r.bottom, block.left, block.right};
                r.bottom = row - 1;
                break;
            }
        }
    }
    const auto drop_blank_tail = [&] {
        while (r.bottom > r.top && separator_row(s, r.bottom, r.left, r.right))
            --r.bottom;
    };
    drop_blank_tail();
    // Footnotes: one-cell rows at the bottom, under a blank row.
    if (r.right - r.left >= 2) {
        std::size_t row = r.bottom;
        while (row > r.top + 1 && !separator_row(s, row, r.left, r.right) &&
               sparse_row(s, row, r.left, r.right))
            --row;
        if (row < r.bottom && separator_row(s, row, r.left, r.right)) {
            r.bottom = row;
            drop_blank_tail();
        }
    }
    if (r.bottom <= r.top)
        return out;
    // Total rows: a label (several, as Google Ads writes "Total: Account", "Total: Campaigns"), or a row
    // directly after the data whose ID and date columns are empty and whose numbers are filled.
    bool total = false;
    {
        const std::size_t first = r.top + 1;
        std::vector<std::size_t> keys, numbers;
        const std::size_t probe_last = std::min(r.bottom - (r.bottom > first ? 1 : 0), first + 100);
        for (std::size_t col = r.left; col <= r.right; ++col) {
            std::size_t rows = 0, filled = 0, numeric = 0;
            for (std::size_t row = first; row <= probe_last; ++row) {
                ++rows;
                const cell& v = s.at(row, col);
                if (blank(v))
                    continue;
                ++filled;
                numeric += v.type == cell_type::number ? 1 : 0;
            }
            if (filled * 10 >= rows * 9 && numeric * 10 < filled)
                keys.push_back(col);
            else if (filled > 0 && numeric * 10 >= filled * 9)
                numbers.push_back(col);
        }
        for (int k = 0; k < 10 && r.bottom > first; ++k) {
            if (!total_row(s, r.bottom, r, keys, numbers, k == 0))
                break;
            total = true;
            --r.bottom;
            drop_blank_tail();
        }
    }
    std::size_t first_row = r.top + 1;
    // A total row right under the header, as some analytics exports write it.
    if (first_row < r.bottom) {
        bool label = false;
        for (std::size_t col = r.left; col <= r.right && !label; ++col) {
            const cell& v = s.at(first_row, col);
            label = v.type == cell_type::text && is_total_label(v.text);
        }
        if (label) {
            ++first_row;
            total = true;
            while (first_row < r.bottom && separator_row(s, first_row, r.left, r.right))
                ++first_row;
        }
    }
    if (first_row > r.bottom)
        return out;
    table t;
    t.sheet = sheet_index;
    t.sheet_name = s.name;
    t.header_row = r.top;
    t.first_row = first_row;
    t.last_row = r.bottom;
    t.first_column = r.left;
    t.last_column = r.right;
    t.total_row = total;
    for (std::size_t col = r.left; col <= r.right; ++col)
        t.headers.push_back(header_text(s.at(r.top, col)));
    out.table_found = std::move(t);
    return out;
}

std::vector<table> tables_of_sheet(const sheet_cells& s, std::size_t sheet_index)
{
    std::vector<table> tables;
    if (s.rows == 0 || s.columns == 0 || s.cells.size() < s.rows * s.columns)
        return tables;
    std::vector<rect> stack{rect{0, s.rows - 1, 0, s.columns - 1}};
    while (!stack.empty()) {
        rect r = stack.back();
        stack.pop_back();
        if (!shrink(s, r))
            continue;
        const row_scan rows = scan_rows(s, r);
        if (!rows.parts.empty()) {
            stack.insert(stack.end(), rows.parts.begin(), rows.parts.end());
            continue;
        }
        if (const std::vector<rect> parts = split_columns(s, r); !parts.empty()) {
            stack.insert(stack.end(), parts.begin(), parts.end());
            continue;
        }
        found f = table_in(s, sheet_index, r, rows.single);
        if (f.rest)
            stack.push_back(*f.rest);
        if (f.table_found) {
            table& t = *f.table_found;
            choose_kind(t, analyse(s, t));
            finish(s, t);
            tables.push_back(std::move(t));
        }
    }
    std::sort(tables.begin(), tables.end(), [](const table& a, const table& b) {
        return a.header_row != b.header_row ? a.header_row < b.header_row : a.first_column < b.first_column;
    });
    return tables;
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view name) noexcept
{
    name = trim(name);
    for (std::size_t i = 0; i < N; ++i)
        if (equals_ci(names[i], name))
            return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace

std::string_view to_string(table_kind kind) noexcept
{
    return kind_names[static_cast<std::size_t>(kind)];
}
std::string_view to_string(column_role role) noexcept
{
    return role_names[index_of(role)];
}

std::optional<table_kind> parse_table_kind(std::string_view name) noexcept
{
    return parse_name<table_kind>(kind_names, name);
}

std::optional<column_role> parse_column_role(std::string_view name) noexcept
{
    return parse_name<column_role>(role_names, name);
}

std::string_view to_string(date_order order) noexcept
{
    switch (order) {
    case date_order::dmy:
        return "dmy";
    case date_order::mdy:
        return "mdy";
    case date_order::ymd:
        return "ymd";
    case date_order::unknown:
        break;
    }
    return "unknown";
}

std::optional<date_order> parse_date_order(std::string_view name) noexcept
{
    name = trim(name);
    for (const date_order order : {date_order::dmy, date_order::mdy, date_order::ymd})
        if (equals_ci(name, to_string(order)))
            return order;
    return std::nullopt;
}

const kind_roles& roles_of(table_kind kind)
{
    static const std::array<kind_roles, kind_count> roles{{
        {{customer, date}, {order, amount}},
        {{lead, date}, {status}},
        {{campaign, cost}, {impressions, clicks, column_role::leads, conversions, revenue}},
        {{duration, pageviews}, {key_events, date}},
        {{sessions}, {engaged_sessions, pageviews, date}},
        {{score}, {}},
        {{kpi, target}, {}},
        {{}, {}},
    }};
    return roles[static_cast<std::size_t>(kind)];
}

const role_column* table::find(column_role role) const noexcept
{
    const auto it =
        std::find_if(columns.begin(), columns.end(), [&](const role_column& c) { return c.role == role; });
    return it == columns.end() ? nullptr : &*it;
}

std::vector<table> detect_tables(const workbook& book, const std::vector<std::string>& skip_sheets)
{
    std::vector<table> tables;
    for (std::size_t i = 0; i < book.sheets.size(); ++i) {
        const sheet_cells& s = book.sheets[i];
        if (std::find(skip_sheets.begin(), skip_sheets.end(), s.name) != skip_sheets.end())
            continue;
        std::vector<table> found = tables_of_sheet(s, i);
        tables.insert(tables.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
    }
    return tables;
}

std::string table_name(const std::vector<table>& tables, std::size_t index)
{
    std::size_t ordinal = 1;
    for (std::size_t i = 0; i < index; ++i)
        ordinal += tables[i].sheet == tables[index].sheet ? 1 : 0;
    return ordinal == 1 ? tables[index].sheet_name : tables[index].sheet_name + "#" + std::to_string(ordinal);
}

result<std::vector<table>> apply_overrides(const workbook& book, std::vector<table> tables,
                                           const std::vector<table_override>& overrides)
{
    constexpr std::string_view function = "KPI sheet";
    std::vector<bool> changed(tables.size(), false);
    for (const table_override& o : overrides) {
        std::size_t index = tables.size();
        for (std::size_t i = 0; i < tables.size() && index == tables.size(); ++i)
            if (table_name(tables, i) == o.table)
                index = i;
        if (index == tables.size()) {
            std::string names;
            for (std::size_t i = 0; i < tables.size(); ++i)
                names += (i == 0 ? "" : ", ") + table_name(tables, i);
            if (names.empty())
                return fail(error_kind::invalid_argument, message_id::table_not_found_none, function,
                            {o.table});
            return fail(error_kind::invalid_argument, message_id::table_not_found, function,
                        {o.table, names});
        }
        table& t = tables[index];
        const std::string name = table_name(tables, index);
        if (t.sheet >= book.sheets.size())
            return fail(error_kind::invalid_argument, message_id::table_not_in_workbook, function, {name});
        const sheet_cells& s = book.sheets[t.sheet];
        changed[index] = true;
        if (o.kind && *o.kind != t.kind) {
            // A new kind: its roles guessed afresh, as detection would have given them.
            t.kind = *o.kind;
            t.columns = assign(analyse(s, t), t.kind).columns;
        }
        const kind_roles& roles = roles_of(t.kind);
        for (const auto& [role, column] : o.columns) {
            const std::string_view role_name = to_string(role);
            const bool of_kind =
                std::find(roles.required.begin(), roles.required.end(), role) != roles.required.end() ||
                std::find(roles.optional.begin(), roles.optional.end(), role) != roles.optional.end();
            if (!of_kind)
                return fail(error_kind::invalid_argument, message_id::role_not_of_kind, function,
                            {role_name, name, to_string(t.kind)});
            std::erase_if(t.columns, [&](const role_column& c) { return c.role == role; });
            if (!column)
                continue;
            if (*column < t.first_column || *column > t.last_column)
                return fail(error_kind::invalid_argument, message_id::column_outside_table, function,
                            {role_name, name, column_letters(*column), column_letters(t.first_column),
                             column_letters(t.last_column)});
            t.columns.push_back(role_column{role, *column, t.headers[*column - t.first_column]});
        }
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (!changed[i])
            continue;
        table& t = tables[i];
        for (const column_role role : roles_of(t.kind).required)
            if (t.find(role) == nullptr)
                return fail(error_kind::invalid_argument, message_id::required_column_missing, function,
                            {table_name(tables, i), to_string(role), to_string(t.kind)});
        sort_columns(t);
        finish(book.sheets.at(t.sheet), t);
    }
    return tables;
}

std::optional<std::size_t> parse_column_letters(std::string_view letters) noexcept
{
    letters = trim(letters);
    if (letters.empty() || letters.size() > 3) // Calc's columns end at XFD
        return std::nullopt;
    std::size_t column = 0;
    for (const char c : letters) {
        if (!is_letter(c))
            return std::nullopt;
        column = column * 26 + static_cast<std::size_t>(lower(c) - 'a' + 1);
    }
    return column - 1;
}

} // namespace kpi::sheet
