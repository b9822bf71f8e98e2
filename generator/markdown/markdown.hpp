// The one place that talks to cmark-gfm: a clause's inline Markdown to HTML or plain text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace resgen::markdown {

// HTML of one paragraph's inline content, without the enclosing <p>. Raw HTML is dropped by
// cmark-gfm's safe mode unless `allow_html` is set, in which case GFM's tag filter still
// applies. Whatever `allow_html` says, a link is kept only when it is relative or its scheme is
// http, https or one of `extra_schemes` (else its text stays, unlinked), and an image becomes
// its alternative text: a page loads nothing from outside the site.
// Most clauses are one line of words with an emphasised opening phrase; those are written
// without cmark-gfm (the same HTML, as a test checks), the rest by cmark-gfm.
std::string inline_html(std::string_view md, bool allow_html = false,
                        const std::vector<std::string>& extra_schemes = {});

// inline_html() always through cmark-gfm (for tests that compare the two ways).
std::string inline_html_by_cmark(std::string_view md, bool allow_html = false,
                                 const std::vector<std::string>& extra_schemes = {});

// The scheme of a URL ("https", "javascript"), lower-cased; empty for a relative URL.
std::string url_scheme(std::string_view url);

// The same content as plain text: emphasis, links and footnote markers removed, white space folded.
// Most clauses are one line of words with an emphasised opening phrase; those are read without
// cmark-gfm (the same result, as a test checks), the rest by cmark-gfm.
std::string plain_text(std::string_view md);

// plain_text() always through cmark-gfm (for tests that compare the two ways).
std::string plain_text_by_cmark(std::string_view md);

// "[^1]" markers in `md`: calls f(id, begin, end) for each.
template <class F>
void for_each_footnote_ref(std::string_view md, F f) {
    size_t pos = 0;
    while ((pos = md.find("[^", pos)) != std::string_view::npos) {
        size_t close = md.find(']', pos + 2);
        if (close == std::string_view::npos) return;
        std::string_view id = md.substr(pos + 2, close - pos - 2);
        bool ok = !id.empty() && id.find_first_of(" \n[") == std::string_view::npos &&
                  !(close + 1 < md.size() && md[close + 1] == ':');
        if (ok) f(id, pos, close + 1);
        pos = close;
    }
}

}  // namespace resgen::markdown
