// Paragraphs -> the blocks of the content format: voice lines, preambular and operative
// paragraphs with their opening phrase emphasised, indented sub-paragraphs, headings.
// Emphasis the source already has (Markdown-ish input) is kept as it is.
#include <algorithm>
#include <utility>

#include "import/detail.hpp"
#include "model/document.hpp"

namespace resgen::importer {

namespace {

bool has_emphasis(std::string_view s) { return !s.empty() && s[0] == '*'; }

bool ends_clause(std::string_view t) {
    t = trim(t);
    if (t.ends_with("”")) t.remove_suffix(3);
    return !t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';' ||
                          t.back() == ':');
}

// "*" + quote + phrase + "*" + rest
std::string emphasise(std::string_view quote, std::string_view body, std::size_t n) {
    std::string out;
    out.reserve(quote.size() + body.size() + 2);
    out += '*';
    out.append(quote);
    out.append(body.substr(0, n));
    out += '*';
    out.append(body.substr(n));
    return out;
}

// "Annex", "Annex II", "Appendix": a heading over the text annexed, whose title follows it.
bool is_annex_label(std::string_view t) {
    t = trim(t);
    for (std::string_view word : {"Annexes", "Annex", "Appendix"}) {
        if (!t.starts_with(word)) continue;
        std::string_view rest = t.substr(word.size());
        return rest.empty() || (rest[0] == ' ' && rest.size() <= 6 && rest.find_first_not_of(" IVXL") == std::string_view::npos);
    }
    return false;
}

// "Article 1", set alone over an article of an annexed declaration or convention.
bool is_article_label(std::string_view t) {
    t = trim(t);
    if (!t.starts_with("Article ")) return false;
    t.remove_prefix(8);
    return !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return is_digit(c); });
}

}  // namespace

Structure build_structure(const std::vector<Paragraph>& paras, Report& report) {
    Structure st;
    bool seen_voice = false, seen_operative = false, seen_framing = false, after_annex = false;
    for (const Paragraph& p : paras) {
        const std::string& t = p.text;
        if (t.empty()) continue;
        Block b;
        b.line = p.line;
        const bool annex_title = std::exchange(after_annex, false) && !ends_clause(t) && t.size() <= 300 &&
                                 !voice_organ(t) && !is_numbered_start(t);

        if (auto organ = voice_organ(t)) {
            b.kind = ParaKind::voice;
            b.markdown = t.find('*') == std::string::npos ? "*" + t + "*" : t;
            if (st.first_voice.empty()) st.first_voice = *organ;
            seen_voice = true;
            seen_operative = false;
        } else if (t[0] == '#') {
            b.kind = ParaKind::heading;
            b.markdown = t;
        } else if (is_part_label(t) || is_annex_label(t) || is_article_label(t) || annex_title) {
            // Part A of a resolution in several parts, section II, an annex and its title, an
            // article of what it annexes: each heads what follows.
            b.kind = ParaKind::heading;
            b.markdown = "## " + t;
            after_annex = is_annex_label(t);
        } else if (is_numbered_start(t)) {
            b.kind = ParaKind::operative;
            seen_operative = true;
            std::size_t q = leading_quote(t).size();
            std::size_t dot = t.find(". ", q);
            std::string_view head = std::string_view(t).substr(0, dot + 2);
            std::string_view body = std::string_view(t).substr(dot + 2);
            b.markdown = t;
            if (!has_emphasis(body) && t[0] != '*') {
                std::size_t n = operative_phrase(body);
                if (n == 0) n = verb_phrase(body);
                if (n > 0) b.markdown = std::string(head) + emphasise("", body, n);
            }
        } else if (is_lettered_start(t)) {
            b.kind = ParaKind::sub;
            std::string_view v = t;
            if (v.starts_with("- ") || v.starts_with("* ") || v.starts_with("• ")) {
                v.remove_prefix(v[0] == '-' || v[0] == '*' ? 2 : 4);
                report.repair(p.line, RepairKind::bullet, snippet(t, 20), snippet(v, 18));
            }
            b.markdown = (seen_operative ? "    " : "") + std::string(v);
        } else {
            // a phrase, maybe emphasised already, maybe after an opening quotation mark
            std::string_view v = t;
            bool marked = has_emphasis(v);
            if (marked) v.remove_prefix(1);
            std::string_view quote = leading_quote(v);
            std::string_view body = v.substr(quote.size());
            if (!marked && has_emphasis(body)) marked = true, body.remove_prefix(1);
            std::size_t op = operative_phrase(body);
            std::size_t pre = preambular_phrase(body);
            if (pre == 0 && op == 0 && seen_voice && !seen_operative) pre = participle_phrase(body);
            if (op > 0 && op >= pre) {
                b.kind = ParaKind::unnumbered_operative;
                b.markdown = marked ? t : emphasise(quote, body, op);
            } else if (pre > 0) {
                b.kind = ParaKind::preambular;
                b.markdown = marked ? t : emphasise(quote, body, pre);
            } else if (!seen_voice && framing_organ(t)) {
                b.kind = ParaKind::other;
                b.markdown = t;
                if (st.framing_organ.empty()) st.framing_organ = *framing_organ(t);
                seen_framing = true;
            } else if (!seen_voice && seen_framing && !ends_clause(t) && t.size() <= 300 &&
                       split_words(t).size() >= 2) {
                b.kind = ParaKind::heading;
                b.markdown = "## " + t;
                if (st.heading_title.empty()) st.heading_title = t;
            } else {
                b.kind = ParaKind::other;
                b.markdown = t;
            }
        }
        if (b.kind != ParaKind::sub && b.markdown != t)
            report.repair(p.line, RepairKind::markup, snippet(t, 40), snippet(b.markdown, 44));
        st.blocks.push_back(std::move(b));
    }
    return st;
}

}  // namespace resgen::importer
