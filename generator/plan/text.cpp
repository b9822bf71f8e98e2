#include "plan/text.hpp"

#include "markdown/markdown.hpp"
#include "plan/labels.hpp"
#include "plan/plan.hpp"

namespace resgen {

std::string escape_html(std::string_view text) {
    std::string out;
    append_escaped_html(out, text);
    return out;
}

namespace {

// Citations are first written as links to "resgen:N" so that cmark-gfm renders the Markdown
// around them untouched; the placeholders are then replaced by the real anchors.
const std::string kPlaceholderScheme = "resgen";
const std::string kPlaceholder = kPlaceholderScheme + ":";

std::string link_markdown(const Clause& clause) {
    std::string md;
    size_t last = 0;
    for (size_t i = 0; i < clause.citations.size(); ++i) {
        const Citation& c = clause.citations[i];
        if (c.begin < last) continue;
        md.append(clause.markdown, last, c.begin - last);
        md += '[';
        md += shown_span(c);
        md += "](" + kPlaceholder + std::to_string(i) + ")";
        last = c.end;
    }
    md.append(clause.markdown, last);
    return md;
}

std::string anchor_tag(const Citation& c, const Corpus& corpus, const std::string& page) {
    const Document* target = corpus.find(c.target);
    std::string href = target ? relative_url(page, page_path(*target)) : "#";
    // A paragraph cited by its number is linked to itself.
    if (target)
        if (const std::string anchor = anchor_of_place(*target, c.pinpoint); !anchor.empty()) href += "#" + anchor;
    std::string label = target ? label_of(*target) : c.target;
    if (!c.pinpoint.empty()) label += ", " + c.pinpoint;
    std::string cls = "cite";
    if (target && !target->in_collection) cls += " outside";
    // Words that are the symbol itself need no "[symbol]" after them in print.
    if (shown_span(c) == label) cls += " names-target";
    return "<a class=\"" + cls + "\" href=\"" + escape_html(href) + "\" data-symbol=\"" +
           escape_html(label) + "\">";
}

}  // namespace

std::string clause_html(const Clause& clause, const Corpus& corpus, const std::string& page, bool allow_html) {
    std::string html = markdown::inline_html(link_markdown(clause), allow_html, {kPlaceholderScheme});
    // Placeholders to anchors.
    std::string out;
    out.reserve(html.size() + 128);
    size_t pos = 0;
    const std::string open = "<a href=\"" + kPlaceholder;
    while (true) {
        size_t at = html.find(open, pos);
        if (at == std::string::npos) break;
        size_t num = at + open.size(), q = html.find('"', num);
        size_t close = q == std::string::npos ? q : html.find('>', q);
        if (close == std::string::npos) break;
        // The editor may have written a "resgen:" link too: only our own numbers become anchors.
        std::string digits = html.substr(num, q - num);
        size_t index = digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos
                           ? clause.citations.size()
                           : std::stoul(digits);
        out.append(html, pos, at - pos);
        out += index < clause.citations.size() ? anchor_tag(clause.citations[index], corpus, page) : "<a>";
        pos = close + 1;
    }
    out.append(html, pos);
    // Footnote markers to links; the first marker of each footnote is the back-link target.
    std::string result;
    size_t last = 0;
    markdown::for_each_footnote_ref(out, [&](std::string_view id, size_t b, size_t e) {
        result.append(out, last, b - last);
        std::string sid = escape_html(id);
        result += "<sup class=\"fnref\"><a href=\"#fn" + sid + "\" id=\"fnref" + sid +
                  (clause.anchor.empty() ? "" : "-" + clause.anchor) + "\" aria-label=\"Footnote " +
                  sid + "\">" + sid + "</a></sup>";
        last = e;
    });
    result.append(out, last);
    return result;
}

}  // namespace resgen
