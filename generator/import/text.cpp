// Text helpers of the importer, and the first step: raw bytes -> valid UTF-8 lines.
#include <algorithm>
#include <array>
#include <cstdio>

#include "import/detail.hpp"

namespace resgen::importer {

void Report::repair(int line, RepairKind kind, std::string_view before, std::string_view after) {
    repairs.push_back(Repair{line, std::string(before), std::string(after), kind});
}

void Report::warn(int line, std::string message) {
    diagnostics.push_back(Diagnostic{Severity::warning, path, line, 0, std::move(message)});
}

namespace {

// Length of a prefix of s of at most max bytes that does not cut a UTF-8 sequence.
std::size_t boundary_before(std::string_view s, std::size_t max) {
    if (s.size() <= max) return s.size();
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

}  // namespace

std::string snippet(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    return std::string(s.substr(0, boundary_before(s, max))) + "…";
}

std::string snippet_tail(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::size_t start = s.size() - max;
    while (start < s.size() && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) ++start;
    return "…" + std::string(s.substr(start));
}

std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t len = 0;
    char32_t v = 0;
    char32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        cp = 0xFFFD;
        return 1;
    }
    if (i + len > s.size()) {
        cp = 0xFFFD;
        return 1;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (b(i + k) & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        cp = 0xFFFD;
        return 1;
    }
    cp = v;
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A, roughly
    if (cp >= 0x391 && cp <= 0x3A9) return true;          // Greek
    if (cp >= 0x410 && cp <= 0x42F) return true;          // Cyrillic
    return false;
}

bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1;
    if (cp >= 0x3B1 && cp <= 0x3C9) return true;
    if (cp >= 0x430 && cp <= 0x44F) return true;
    return false;
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x370 && cp <= 0x52F) return true;
    return false;
}

int superscript_digit(char32_t cp) {
    switch (cp) {
        case 0x2070: return 0;
        case 0x00B9: return 1;
        case 0x00B2: return 2;
        case 0x00B3: return 3;
        default: break;
    }
    if (cp >= 0x2074 && cp <= 0x2079) return static_cast<int>(cp - 0x2070);
    return -1;
}

std::string_view trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r'))
        --b;
    return s.substr(a, b - a);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
        if (i > start) out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ') {
            if (!space) out += ' ';
            space = true;
        } else {
            out += c;
            space = false;
        }
    }
    return out;
}

char32_t first_cp(std::string_view s) {
    if (s.empty()) return 0;
    char32_t cp = 0;
    decode(s, 0, cp);
    return cp;
}

bool starts_lower(std::string_view s) { return is_lower(first_cp(s)); }
bool starts_upper(std::string_view s) { return is_upper(first_cp(s)); }

std::string_view leading_quote(std::string_view s) {
    if (s.substr(0, 3) == "“") return s.substr(0, 3);
    if (!s.empty() && s[0] == '"') return s.substr(0, 1);
    return {};
}

std::string strip_markup(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s[0] == '#') s.remove_prefix(1);
    s = trim(s);
    while (!s.empty() && (s.front() == '*' || s.front() == '_')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == '*' || s.back() == '_')) s.remove_suffix(1);
    return std::string(trim(s));
}

namespace {
constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",
                                                 "May",     "June",     "July",      "August",
                                                 "September", "October", "November", "December"};

int month_number(std::string_view w) {
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (w == kMonths[i]) return static_cast<int>(i) + 1;
    return 0;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}
}  // namespace

bool is_month(std::string_view w) { return month_number(w) != 0; }

std::optional<std::string> parse_date(std::string_view s) {
    auto words = split_words(trim(s));
    if (words.size() != 3) return std::nullopt;
    if (!all_digits(words[0]) || words[0].size() > 2 || !all_digits(words[2]) ||
        words[2].size() != 4)
        return std::nullopt;
    int month = month_number(words[1]);
    int day = std::stoi(words[0]);
    int year = std::stoi(words[2]);
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 0 || day < 1 || day > kDays[month - 1] || year < 1900) return std::nullopt;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap) return std::nullopt;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return std::string(buf);
}

// ---- raw bytes -> lines ------------------------------------------------------------------

namespace {

const char* ligature(char32_t cp) {
    switch (cp) {
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        case 0xFB05:
        case 0xFB06: return "st";
        default: return nullptr;
    }
}

std::string escape_bytes(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t n = decode(s, i, cp);
        if (cp == 0xFFFD && n == 1) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(s[i]));
            out += buf;
        } else if (cp < 0x20 || cp == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out += s.substr(i, n);
        }
        i += n;
    }
    return out;
}

}  // namespace

std::vector<Line> read_lines(std::string_view raw, Report& report) {
    std::vector<Line> lines;
    int invalid = 0, controls = 0, first_invalid = 0, first_control = 0;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= raw.size()) {
        std::size_t nl = raw.find('\n', pos);
        if (nl == std::string_view::npos) nl = raw.size();
        std::string_view src = raw.substr(pos, nl - pos);
        ++line_no;
        bool last = nl >= raw.size();
        pos = nl + 1;
        if (last && src.empty() && line_no > 1) break;  // the newline at the end of the file
        if (!src.empty() && src.back() == '\r') src.remove_suffix(1);

        // 1. valid UTF-8, no control characters; a form feed splits the line
        std::vector<std::string> parts(1);
        bool changed = false;
        for (std::size_t i = 0; i < src.size();) {
            char32_t cp = 0;
            std::size_t n = decode(src, i, cp);
            std::string& out = parts.back();
            if (cp == 0xFFFD && n == 1) {
                if (invalid++ == 0) first_invalid = line_no;
                append_utf8(out, 0xFFFD);
                changed = true;
            } else if (cp == '\f') {
                parts.emplace_back();
            } else if (cp == '\t') {
                out += out.find_first_not_of(' ') == std::string::npos ? "    " : " ";
            } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
                if (controls++ == 0) first_control = line_no;
                changed = true;
            } else if (cp == 0xFEFF || cp == 0xAD || cp == 0x200B) {
                changed = true;  // byte order mark, soft hyphen, zero-width space
            } else if (cp == 0xA0 || cp == 0x2028 || cp == 0x2029) {
                out += ' ';
                changed = true;
            } else if (const char* lig = ligature(cp)) {
                out += lig;
                changed = true;
            } else {
                out.append(src.substr(i, n));
            }
            i += n;
        }
        if (changed) {
            std::string after;
            for (std::size_t k = 0; k < parts.size(); ++k) after += (k ? "\\f" : "") + parts[k];
            report.repair(line_no, RepairKind::encoding, snippet(escape_bytes(src)),
                          snippet(after));
        }

        // 2. lines
        for (std::size_t k = 0; k < parts.size(); ++k) {
            if (k > 0) {
                Line brk;
                brk.no = line_no;
                brk.blank = true;
                brk.page_break = true;
                lines.push_back(brk);
                report.repair(line_no, RepairKind::page_rule, "\\f", "");
            }
            const std::string& p = parts[k];
            Line l;
            l.no = line_no;
            std::size_t lead = 0;
            while (lead < p.size() && p[lead] == ' ') ++lead;
            l.indent = static_cast<int>(lead);
            l.text = std::string(trim(p));
            l.blank = l.text.empty();
            l.wide_blank = l.blank && p.size() >= 10;
            lines.push_back(std::move(l));
        }
    }
    if (invalid > 0)
        report.warn(first_invalid, std::to_string(invalid) +
                                       " byte(s) of invalid UTF-8 replaced by U+FFFD; check the "
                                       "encoding of the source");
    if (controls > 0)
        report.warn(first_control,
                    std::to_string(controls) + " control character(s) (NUL and the like) removed");
    return lines;
}

}  // namespace resgen::importer
