// The text below the header: noise between pages is removed and wrapped lines are joined
// back into paragraphs.
//
// Two layouts occur. Text extracted from a PDF indents the first line of each paragraph
// and wraps the rest flush left, often with blank lines between all lines: there, an
// indented line opens a paragraph and blank lines mean nothing. Other text (and Markdown)
// separates paragraphs by blank lines: there, a blank line closes a paragraph. In both, a
// line that opens in lower case continues the paragraph before it (a page break or a
// footnote may stand between), and a numbered or lettered line, a voice line or a heading
// always opens one.
#include <algorithm>

#include "import/detail.hpp"

namespace resgen::importer {

namespace {

bool is_rule(std::string_view t) {
    if (t.size() < 3) return false;
    char c = t[0];
    if (c != '_' && c != '-' && c != '=' && c != '*') return false;
    std::size_t marks = 0;
    for (char x : t) {
        if (x == c) ++marks;
        else if (x != ' ') return false;
    }
    return marks >= 3;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

bool is_symbol_like(std::string_view w) {
    if (w.size() < 5 || w.size() > 40) return false;
    if (w[0] < 'A' || w[0] > 'Z') return false;
    int slashes = 0;
    for (char c : w) {
        if (c == '/') ++slashes;
        else if (!(is_ascii_alpha(c) || is_digit(c) || c == '.' || c == '-' || c == '(' || c == ')'))
            return false;
    }
    return slashes >= 2;
}

}  // namespace

// "2", "- 2 -", "Page 2", "Page 2 of 5", "04-47831 (E)", "GE.04-12345", the job number with
// its date code and bar code ("14-21709 (E) 290114 *1421709*", or the bar code alone), and
// "Please recycle".
bool is_page_furniture(std::string_view t) {
    if (t.size() > 60) return false;
    auto words = split_words(t);
    if (words.empty()) return false;
    if (words.size() == 1 && all_digits(words[0]) && words[0].size() <= 3) return true;
    if (words.size() == 3 && words[0] == "-" && all_digits(words[1]) && words[2] == "-") return true;
    if (words.size() >= 2 && words.size() <= 4 && words[0] == "Page" && all_digits(words[1]))
        return words.size() == 2 || (words[2] == "of" && words.size() == 4 && all_digits(words[3]));
    if (words[0] == "Please" && words.size() >= 2 && words[1] == "recycle") return words.size() <= 3;
    auto bar_code = [](std::string_view w) {
        return w.size() >= 9 && w.front() == '*' && w.back() == '*' && all_digits(w.substr(1, w.size() - 2));
    };
    if (bar_code(words.back())) words.pop_back();
    if (words.empty()) return true;
    // a job number
    std::string_view w = words[0];
    if (w.starts_with("GE.")) w.remove_prefix(3);
    if (!(w.size() >= 7 && w.find('-') == 2 && all_digits(w.substr(0, 2)) && all_digits(w.substr(3)))) return false;
    size_t k = 1;
    if (k < words.size() && words[k] == "(E)") ++k;
    if (k < words.size() && words[k].size() == 6 && all_digits(words[k])) ++k;  // the date code
    return k == words.size();
}

namespace {

// page furniture, or a document symbol with or without a page number: "A/RES/59/154 Page 2"
bool is_head_shape(std::string_view t) {
    if (is_page_furniture(t)) return true;
    if (t.size() > 60) return false;
    auto words = split_words(t);
    bool symbol = false;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string& w = words[k];
        if (is_symbol_like(w)) symbol = true;
        else if (w == "Page" || w == "page" || w == "of") continue;
        else if (all_digits(w) && w.size() <= 3 && k > 0) continue;
        else return false;
    }
    return symbol;
}

bool opens_with_phrase(std::string_view t) {
    while (!t.empty() && t.front() == '*') t.remove_prefix(1);
    t.remove_prefix(leading_quote(t).size());
    while (!t.empty() && t.front() == '*') t.remove_prefix(1);
    return preambular_phrase(t) > 0;
}

bool is_adoption_meeting(std::string_view t) {
    std::string meeting, date;
    return t.size() < 80 && read_adoption_line(t, meeting, date);
}

bool is_strong_start(std::string_view t) {
    if (is_numbered_start(t) || is_lettered_start(t)) return true;
    if (voice_organ(t)) return true;
    if (!t.empty() && t[0] == '#') return true;
    return is_adoption_meeting(t);  // "44th plenary meeting", however it is set
}

// A paragraph that is complete: a voice line, a heading, or text ending a clause.
bool closed(const Paragraph& p) {
    if (voice_organ(p.text) || (!p.text.empty() && p.text[0] == '#')) return true;
    std::string_view t = trim(p.text);
    while (!t.empty() && (t.back() == '*' || t.back() == '"')) t.remove_suffix(1);
    if (t.ends_with("”")) t.remove_suffix(3);
    return !t.empty() && (t.back() == ',' || t.back() == ';' || t.back() == ':' || t.back() == '.');
}

std::string first_letters(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && is_ascii_alpha(s[n])) ++n;
    return std::string(s.substr(0, n));
}

std::string last_letters(std::string_view s) {
    std::size_t n = s.size();
    while (n > 0 && is_ascii_alpha(s[n - 1])) --n;
    return std::string(s.substr(n));
}

}  // namespace

int Paragraph::line_at(std::size_t offset) const {
    int l = line;
    for (const auto& [at, no] : starts) {
        if (at > offset) break;
        l = no;
    }
    return l;
}

void remove_noise(std::vector<Line>& body, const Metadata& meta, Report& report) {
    // texts that may come back as running heads
    std::vector<std::string> heads;
    for (const std::string& s : {meta.symbol, meta.title}) if (!s.empty()) heads.push_back(s);
    if (!meta.res_number.empty()) heads.push_back("Resolution " + meta.res_number);
    for (const std::string& c : meta.comments) heads.push_back(c);

    for (Line& l : body) {
        if (l.blank || l.removed) continue;
        if (is_rule(l.text)) {
            report.repair(l.no, RepairKind::page_rule, l.text, "");
            l.removed = l.page_break = true;
            l.blank = true;
        } else if (l.text == "-" || l.text == "*" || l.text == "•" || l.text == "–") {
            report.repair(l.no, RepairKind::blank_noise, l.text, "");
            l.removed = true;
        }
    }

    // lines near a page break (or at either end of the text) that repeat or have the shape
    // of a running head
    std::vector<int> near(body.size(), 99);
    {
        int dist = 0;
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (body[i].page_break) dist = 0;
            else if (!body[i].blank && !body[i].removed) ++dist;
            near[i] = std::min(near[i], dist);
        }
        dist = 0;
        for (std::size_t i = body.size(); i-- > 0;) {
            if (body[i].page_break) dist = 0;
            else if (!body[i].blank && !body[i].removed) ++dist;
            near[i] = std::min(near[i], dist);
        }
    }
    bool any_break = std::any_of(body.begin(), body.end(), [](const Line& l) { return l.page_break; });
    std::unordered_map<std::string, int> repeats;
    for (const Line& l : body)
        if (!l.blank && !l.removed && l.text.size() <= 100) ++repeats[l.text];

    for (std::size_t i = 0; i < body.size(); ++i) {
        Line& l = body[i];
        if (l.blank || l.removed) continue;
        bool at_break = any_break && near[i] <= 2;
        bool head = is_head_shape(l.text);
        if (!head && at_break && !is_strong_start(l.text) && !starts_lower(l.text)) {
            if (repeats[l.text] >= 2) head = true;
            for (const auto& h : heads)
                if (l.text == h) head = true;
        }
        if (head) {
            report.repair(l.no, RepairKind::running_head, l.text, "");
            l.removed = true;
        }
    }
}

std::vector<Paragraph> assemble_paragraphs(std::vector<Line>& body, const Vocabulary& vocab,
                                           Report& report) {
    // the layout, measured from the left margin of the text
    int margin = -1;
    for (const Line& l : body)
        if (!l.blank && !l.removed && (margin < 0 || l.indent < margin)) margin = l.indent;
    for (Line& l : body)
        if (!l.blank && !l.removed) l.indent -= margin;
    int indented_starts = 0, flush = 0, flush_lower = 0;
    for (const Line& l : body) {
        if (l.blank || l.removed) continue;
        if (l.indent > 0 && !starts_lower(l.text) && l.text[0] != '-') ++indented_starts;
        if (l.indent == 0) {
            ++flush;
            if (starts_lower(l.text)) ++flush_lower;
        }
    }
    const bool indented = indented_starts >= 2 && flush >= 2 && flush_lower >= 1;

    std::vector<Paragraph> paras;
    bool blank_before = false, break_before = false;
    for (const Line& l : body) {
        if (l.page_break || l.wide_blank) break_before = true;
        if (l.removed) {
            if (!l.blank) break_before = true;  // a footnote or head stood here
            continue;
        }
        if (l.blank) {
            blank_before = true;
            continue;
        }
        const std::string t = collapse_spaces(l.text);
        bool start;
        if (paras.empty() || is_strong_start(t)) {
            start = true;
        } else if (is_adoption_meeting(paras.back().text) && parse_date(strip_markup(t))) {
            start = true;  // the date under the meeting: read with it later
        } else if (voice_organ(paras.back().text) || paras.back().text[0] == '#') {
            start = true;  // a voice line or heading is a paragraph of one line
        } else if (starts_lower(t)) {
            start = false;
        } else if (paras.back().text.ends_with(':') && framing_organ(paras.back().text)) {
            start = true;  // the framing sentence ends where the draft begins
        } else if (closed(paras.back()) && opens_with_phrase(t)) {
            start = true;  // "..., ⏎Recalling ...": a new clause even where no blank line is
        } else if (break_before && !closed(paras.back())) {
            start = false;  // the paragraph goes on across the page
        } else if (indented) {
            start = l.indent > 0;
        } else {
            start = blank_before;
        }

        if (start) {
            paras.push_back(Paragraph{l.no, t, {{0, l.no}}});
        } else {
            std::string& p = paras.back().text;
            std::string tail = snippet_tail(p, 30);
            RepairKind kind = RepairKind::line_join;
            // a word hyphenated at the end of the line keeps its hyphen unless the document
            // or the word list knows it unhyphenated and the document never hyphenates it
            // ("Secretary-⏎General" keeps it: a capital follows)
            if (p.size() >= 2 && p.back() == '-' && is_ascii_alpha(p[p.size() - 2]) &&
                is_letter(first_cp(t))) {
                std::string left = last_letters(std::string_view(p).substr(0, p.size() - 1));
                std::string right = first_letters(t);
                bool drop = starts_lower(t) && !left.empty() && !right.empty() &&
                            vocab.known(lower(left + right)) &&
                            !vocab.compounds.count(lower(left + "-" + right));
                if (drop) p.pop_back();
                kind = RepairKind::hyphen_join;
            } else {
                p += ' ';
            }
            std::size_t junction = p.size();
            paras.back().starts.emplace_back(junction, l.no);
            p += t;
            report.repair(l.no, kind, tail + "⏎" + snippet(t, 30),
                          snippet_tail(std::string_view(p).substr(0, junction), 30) +
                              snippet(std::string_view(p).substr(junction), 30));
        }
        blank_before = break_before = false;
    }
    return paras;
}

}  // namespace resgen::importer
