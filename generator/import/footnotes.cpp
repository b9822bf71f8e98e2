// Footnotes: their texts, found where the page put them, become GFM definitions at the end;
// their markers become references [^n].
//
// Markers come as "<sup>1</sup>", as superscript digits ("Crime¹"), or, in text extracted
// from a PDF, as plain digits: glued to a word ("Secretary-General2"), after punctuation
// ("Crime,1 the"), or set apart by spaces ("Crime 1  provides"). Plain digits are read as a
// marker only for a footnote the document has (a text numbered n, or a higher one), in
// order, and only in those shapes, so that "article 2" or "22 July" stay numbers.
#include <algorithm>
#include <array>

#include "import/detail.hpp"

namespace resgen::importer {

namespace {

struct MarkerSpan {
    std::size_t begin = 0, end = 0;
    std::string replacement;
};

bool is_number_word(std::string_view w) {
    static constexpr std::array kWords = {
        "a",         "about",      "add",      "after",      "all",          "an",
        "and",       "annex",      "annexes",  "appendix",   "article",      "articles",
        "at",        "before",     "box",      "by",         "category",     "chapter",
        "chapters",  "class",      "corr",     "decision",   "decisions",    "figure",
        "first",     "footnote",   "for",      "from",       "goal",         "goals",
        "group",     "in",         "item",     "items",      "least",        "level",
        "line",      "lines",      "meeting",  "no",         "note",         "notes",
        "number",    "numbers",    "of",       "on",         "only",         "option",
        "or",        "over",       "page",     "pages",      "para",         "paragraph",
        "paragraphs","paras",      "part",     "parts",      "phase",        "point",
        "points",    "principle",  "principles","protocol",  "recommendation",
        "recommendations",         "resolution","resolutions","rev",         "rule",
        "rules",     "schedule",   "section",  "sections",   "session",      "some",
        "step",      "steps",      "table",    "target",     "targets",      "than",
        "the",       "to",         "under",    "vol",        "volume",       "with",
        "within"};
    std::string l = lower(w);
    for (std::string_view x : kWords)
        if (l == x) return true;
    return is_month(w);
}

bool is_abbreviation(std::string_view w) {
    static constexpr std::array kAbbr = {"No", "no", "Nos", "vol", "Vol", "para", "paras", "art",
                                         "Add", "Rev", "Corr", "p", "pp", "chap", "sect", "op",
                                         "cit", "e.g", "i.e", "etc", "Suppl", "Sales"};
    for (std::string_view x : kAbbr)
        if (w == x) return true;
    return false;
}

// The word (letters only) that ends just before position `end` of t.
std::string_view word_before(std::string_view t, std::size_t end) {
    std::size_t s = end;
    while (s > 0 && end - s < 64 && is_ascii_alpha(t[s - 1])) --s;
    return t.substr(s, end - s);
}

std::optional<MarkerSpan> find_plain_marker(std::string_view t, int n, std::size_t from,
                                            bool spaced = true) {
    const std::string d = std::to_string(n);
    for (std::size_t p = t.find(d, from); p != std::string_view::npos; p = t.find(d, p + 1)) {
        const std::size_t e = p + d.size();
        if (p == 0 || is_digit(t[p - 1])) continue;
        const bool at_end = e >= t.size();
        const char after = at_end ? ' ' : t[e];
        if (!(after == ' ' || after == ',' || after == ';' || after == ':' || after == '.'))
            continue;
        if (after == '.' && e + 1 < t.size() && t[e + 1] != ' ') continue;  // "15.3"
        const char b = t[p - 1];

        if (is_ascii_alpha(b)) {  // "Secretary-General2"
            std::size_t tok = p;
            while (tok > 0 && p - tok < 64 && t[tok - 1] != ' ') --tok;
            if (p - tok >= 64) continue;  // no word is that long
            std::string_view token = t.substr(tok, p - tok);
            if (token.find('/') != std::string_view::npos ||
                std::any_of(token.begin(), token.end(), [](char c) { return is_digit(c); }))
                continue;
            std::string_view w = word_before(t, p);
            bool has_lower = std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            if (w.size() < 2 || !has_lower) continue;
            return MarkerSpan{p, e, "[^" + d + "]"};
        }

        // "Crime,1 the", "victims”2 and"
        std::size_t q = p;  // the position after the letter that the punctuation follows
        bool punct = false;
        if (b == ',' || b == ';' || b == ':' || b == '.' || b == ')' || b == '"') {
            q = p - 1;
            punct = true;
        } else if (p >= 3 && (t.substr(p - 3, 3) == "”" || t.substr(p - 3, 3) == "’")) {
            q = p - 3;
            punct = true;
        }
        if (punct) {
            if (!(at_end || after == ' ')) continue;
            if (q == 0 || !is_ascii_alpha(t[q - 1])) continue;
            std::string_view w = word_before(t, q);
            if (b == '.' && (w.size() < 4 || is_abbreviation(w))) continue;
            if (is_abbreviation(w)) continue;
            return MarkerSpan{p, e, "[^" + d + "]"};
        }

        if (b == ' ' && spaced) {  // "Crime 1  provides"
            std::size_t s = p;
            while (s > 0 && t[s - 1] == ' ') --s;
            if (s == 0 || !is_ascii_alpha(t[s - 1])) continue;
            std::string_view w = word_before(t, s);
            if (w.empty() || is_number_word(w)) continue;
            std::size_t next = e;
            while (next < t.size() && t[next] == ' ') ++next;
            if (next == e || next >= t.size() || !starts_lower(t.substr(next))) continue;
            std::size_t next_end = next;
            while (next_end < t.size() && t[next_end] != ' ') ++next_end;
            if (is_number_word(t.substr(next, next_end - next)) && t.substr(next, 3) != "the")
                continue;
            return MarkerSpan{s, next, "[^" + d + "] "};
        }
    }
    return std::nullopt;
}

// "<sup>12</sup>" at i: sets n and the length.
bool sup_tag_at(std::string_view t, std::size_t i, int& n, std::size_t& len) {
    if (t.substr(i, 5) != "<sup>") return false;
    std::size_t k = i + 5;
    std::size_t start = k;
    while (k < t.size() && k - start < 3 && is_digit(t[k])) ++k;
    if (k == start || t.substr(k, 6) != "</sup>") return false;
    n = std::stoi(std::string(t.substr(start, k - start)));
    len = k + 6 - i;
    return true;
}

// A GFM reference "[^12]" at i (a definition's label when followed by ':').
bool gfm_ref_at(std::string_view t, std::size_t i, int& n, std::size_t& len) {
    if (t.substr(i, 2) != "[^") return false;
    std::size_t k = i + 2, start = k;
    while (k < t.size() && k - start < 3 && is_digit(t[k])) ++k;
    if (k == start || k >= t.size() || t[k] != ']') return false;
    n = std::stoi(std::string(t.substr(start, k - start)));
    len = k + 1 - i;
    return n > 0;
}

// Superscript digits at i: sets n and the length in bytes.
bool superscript_at(std::string_view t, std::size_t i, int& n, std::size_t& len) {
    std::size_t k = i;
    int value = 0, digits = 0;
    while (k < t.size() && digits < 3) {
        char32_t cp = 0;
        std::size_t l = decode(t, k, cp);
        int d = superscript_digit(cp);
        if (d < 0) break;
        value = value * 10 + d;
        ++digits;
        k += l;
    }
    if (digits == 0 || value == 0) return false;
    n = value;
    len = k - i;
    return true;
}

// A footnote text line: returns its number and sets `text`.
int footnote_line(std::string_view s, std::string& text, bool& plain, bool& gfm) {
    int n = 0;
    std::size_t len = 0;
    plain = gfm = false;
    if (gfm_ref_at(s, 0, n, len) && len < s.size() && s[len] == ':') {
        gfm = true;  // already a definition
        text = std::string(trim(s.substr(len + 1)));
        return text.empty() ? 0 : n;
    }
    if (sup_tag_at(s, 0, n, len) || superscript_at(s, 0, n, len)) {
        text = std::string(trim(s.substr(len)));
        return text.empty() ? 0 : n;
    }
    std::size_t k = 0;
    while (k < s.size() && k < 4 && is_digit(s[k])) ++k;
    if (k == 0 || k > 3 || k >= s.size() || s[k] != ' ') return 0;
    std::string_view rest = trim(s.substr(k));
    if (rest.empty()) return 0;
    std::size_t w = 0;
    while (w < rest.size() && rest[w] != ' ') ++w;
    std::string_view first = rest.substr(0, w);
    if (is_month(first) || first == "and" || first == "to" || starts_lower(first) ||
        first.ends_with(","))
        return 0;
    n = std::stoi(std::string(s.substr(0, k)));
    if (n == 0 || n > 300) return 0;
    text = std::string(rest);
    plain = true;
    return n;
}

}  // namespace

std::vector<FootnoteText> take_footnote_texts(std::vector<Line>& body, Report& report) {
    std::vector<FootnoteText> out;
    bool signal = true;  // after a page break, a wide gap or another footnote
    int expected = 1;
    for (std::size_t i = 0; i < body.size(); ++i) {
        Line& l = body[i];
        if (l.page_break || l.wide_blank) {
            signal = true;
            continue;
        }
        if (l.removed || l.blank) continue;
        std::string text;
        bool plain = false, gfm = false;
        int n = footnote_line(l.text, text, plain, gfm);
        if (n > 0 && plain && !signal) {
            // without a rule or gap above it, a plain number opens a footnote only when it is
            // the next footnote and its marker stands in the lines just above
            bool nearby = false;
            if (n == expected) {
                for (std::size_t k = i, seen = 0; k > 0 && seen < 60 && !nearby; --k) {
                    const Line& p = body[k - 1];
                    if (p.removed || p.blank) continue;
                    ++seen;
                    nearby = find_plain_marker(p.text, n, 0).has_value();
                }
            }
            if (!nearby) n = 0;
        }
        if (n == 0) {
            signal = false;
            continue;
        }
        l.removed = true;
        FootnoteText f{n, Paragraph{l.no, text, {{0, l.no}}}};
        std::string before = l.text;
        // a footnote text that does not end its sentence goes on on the next line in lower case
        for (std::size_t k = i + 1; k < body.size() && !f.para.text.ends_with('.'); ++k) {
            Line& c = body[k];
            if (c.page_break) break;
            if (c.removed || c.blank) continue;
            if (!starts_lower(c.text) || is_lettered_start(c.text)) break;
            f.para.text += " ";
            f.para.starts.emplace_back(f.para.text.size(), c.no);
            f.para.text += c.text;
            before += "⏎" + c.text;
            c.removed = true;
        }
        if (!gfm)
            report.repair(l.no, RepairKind::footnote_text, snippet(before),
                          "[^" + std::to_string(n) + "]: " + snippet(f.para.text));
        out.push_back(std::move(f));
        expected = n + 1;
        signal = true;
    }
    return out;
}

std::map<int, int> mark_footnote_references(std::vector<Paragraph>& paras,
                                            const std::vector<FootnoteText>& texts,
                                            Report& report) {
    struct Pos {
        std::size_t para, offset;
    };
    std::map<int, Pos> found;
    std::map<int, int> lines;

    // 1. explicit markers
    for (std::size_t pi = 0; pi < paras.size(); ++pi) {
        std::string& t = paras[pi].text;
        std::string out;
        bool changed = false;
        for (std::size_t i = 0; i < t.size();) {
            int n = 0;
            std::size_t len = 0;
            if (gfm_ref_at(t, i, n, len)) {  // already a reference
                if (!found.count(n)) found[n] = Pos{pi, out.size()};
                lines[n] = paras[pi].line_at(i);
                out.append(t, i, len);
                i += len;
            } else if (sup_tag_at(t, i, n, len) || superscript_at(t, i, n, len)) {
                while (!out.empty() && out.back() == ' ') out.pop_back();
                std::string ref = "[^" + std::to_string(n) + "]";
                report.repair(paras[pi].line_at(i), RepairKind::footnote_marker,
                              snippet_tail(t.substr(0, i), 30) + std::string(t.substr(i, len)), ref);
                if (!found.count(n)) found[n] = Pos{pi, out.size()};
                lines[n] = paras[pi].line_at(i);
                out += ref;
                i += len;
                changed = true;
            } else {
                out += t[i++];
            }
        }
        if (changed) t = std::move(out);
    }

    // 2. plain digits, for the footnotes the document has, in order
    int highest = 0;
    for (const auto& f : texts) highest = std::max(highest, f.number);
    if (!found.empty()) highest = std::max(highest, found.rbegin()->first);
    bool any_plain_text = false;
    for (const auto& f : texts)
        if (!found.count(f.number)) any_plain_text = true;
    if (!any_plain_text) return lines;

    // Past the highest footnote the document shows, a number glued to a word or to
    // punctuation ("Crime;3") is still read as the marker of a footnote whose text was lost.
    for (int n = 1; n <= 300; ++n) {
        if (found.count(n)) continue;
        const bool beyond = n > highest;
        Pos from{0, 0};
        for (const auto& [m, pos] : found)
            if (m < n) from = pos;
        bool hit = false;
        for (std::size_t pi = from.para; pi < paras.size() && !hit; ++pi) {
            std::string& t = paras[pi].text;
            std::size_t start = pi == from.para ? from.offset : 0;
            if (start > t.size()) start = t.size();
            auto span = find_plain_marker(t, n, start, !beyond);
            if (!span) continue;
            std::string before = snippet_tail(t.substr(0, span->end), 30);
            t = t.substr(0, span->begin) + span->replacement + t.substr(span->end);
            report.repair(paras[pi].line_at(span->begin), RepairKind::footnote_marker, before,
                          snippet_tail(t.substr(0, span->begin + span->replacement.size()), 30));
            found[n] = Pos{pi, span->begin + span->replacement.size()};
            lines[n] = paras[pi].line_at(span->begin);
            hit = true;
        }
        if (beyond && !hit) break;
    }
    return lines;
}

}  // namespace resgen::importer
