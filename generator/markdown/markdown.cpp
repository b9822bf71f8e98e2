#include "markdown/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>

#include "model/html.hpp"

namespace resgen::markdown {

namespace {

void ensure_extensions() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

NodePtr parse(std::string_view md, int options, bool with_extensions) {
    ensure_extensions();
    cmark_parser* parser = cmark_parser_new(options);
    if (with_extensions) {
        for (const char* name : {"strikethrough", "autolink", "tagfilter"})
            if (auto* ext = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser, ext);
    }
    cmark_parser_feed(parser, md.data(), md.size());
    NodePtr doc(cmark_parser_finish(parser));
    cmark_parser_free(parser);
    return doc;
}

std::string take(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}

std::string strip_paragraph(std::string html) {
    while (!html.empty() && html.back() == '\n') html.pop_back();
    if (html.rfind("<p>", 0) == 0 && html.size() >= 7 && html.compare(html.size() - 4, 4, "</p>") == 0)
        html = html.substr(3, html.size() - 7);
    return html;
}

// A clause is inline content: a line that would open a block (a list marker, a heading,
// a fence) is escaped so that it stays text.
std::string as_inline(std::string_view md) {
    std::string s(md);
    size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && (s[i] == '#' || s[i] == '-' || s[i] == '+' || s[i] == '>' || s[i] == '=' ||
                         s[i] == '`' || s[i] == '~' || s[i] == '|'))
        s.insert(i, 1, '\\');
    return s;
}

// Replaces `node` by its children.
void unwrap(cmark_node* node) {
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
}

// Links to anything but http(s), relative addresses and `extra` schemes lose their address;
// images are replaced by their alternative text.
void drop_unsafe_links(cmark_node* doc, const std::vector<std::string>& extra) {
    std::vector<cmark_node*> found;
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER &&
            (cmark_node_get_type(n) == CMARK_NODE_LINK || cmark_node_get_type(n) == CMARK_NODE_IMAGE))
            found.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* n : found) {
        if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
            unwrap(n);
            continue;
        }
        const char* url = cmark_node_get_url(n);
        std::string scheme = url_scheme(url ? url : "");
        bool ok = scheme.empty() || scheme == "http" || scheme == "https" ||
                  std::find(extra.begin(), extra.end(), scheme) != extra.end();
        if (!ok) unwrap(n);
    }
}

}  // namespace

std::string url_scheme(std::string_view url) {
    std::string scheme;
    for (char c : url) {
        if (c == ':') return scheme;
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        if (!letter && (scheme.empty() || !other)) return {};
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return {};
}

std::string inline_html_by_cmark(std::string_view md, bool allow_html, const std::vector<std::string>& extra_schemes) {
    int options = CMARK_OPT_DEFAULT | (allow_html ? CMARK_OPT_UNSAFE : 0);
    NodePtr doc = parse(as_inline(md), options, true);
    drop_unsafe_links(doc.get(), extra_schemes);
    cmark_llist* exts = nullptr;
    ensure_extensions();
    cmark_mem* mem = cmark_get_default_mem_allocator();
    if (auto* tf = cmark_find_syntax_extension("tagfilter")) exts = cmark_llist_append(mem, exts, tf);
    std::string html = take(cmark_render_html(doc.get(), options, exts));
    cmark_llist_free(mem, exts);
    return strip_paragraph(std::move(html));
}

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string fold_white_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n' || c == '\t' || c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A clause as most are written: one line of words whose only markup is one emphasised run
// of words at its start ("*Recalling also* its resolution ..."). CommonMark reads that run as
// emphasis whatever follows, and nothing else as markup, so such a clause is read here without
// cmark-gfm, to the same result (a test compares the two ways over the series).
struct SimpleInline {
    std::string_view phrase;  // the emphasised run, without its stars; may be empty
    std::string_view body;    // the rest
};

// The class of each byte in a simple clause. 1: not simple (markup, a line end, a byte cmark
// would replace); 2: white space.
constexpr std::array<unsigned char, 256> kByteClass = [] {
    std::array<unsigned char, 256> t{};
    for (unsigned char c : std::string_view("\\`*_[]!<>&~|$\n\r")) t[c] = 1;
    t[0] = 1;
    t[' '] = t['\t'] = 2;
    return t;
}();

// How a clause would divide if it is simple; its bytes are looked at by the callers.
std::optional<SimpleInline> simple_split(std::string_view md) {
    if (md.empty()) return std::nullopt;
    char first = md.front();
    if (first == ' ' || first == '\t' || (first >= '0' && first <= '9') || first == '-' || first == '+' ||
        first == '=' || first == '#')
        return std::nullopt;
    SimpleInline out{{}, md};
    if (first == '*') {
        size_t close = md.find('*', 1);
        if (close == std::string_view::npos || close < 2 || !is_alnum(md[1])) return std::nullopt;
        // The closing star closes after a letter or digit, or after a comma or colon when
        // white space or the end follows ("*The General Assembly,*", a voice line).
        const char last = md[close - 1];
        const bool spaced = close + 1 == md.size() || md[close + 1] == ' ' || md[close + 1] == '\t';
        if (!is_alnum(last) && !((last == ',' || last == ':') && spaced)) return std::nullopt;
        out = {md.substr(1, close - 1), md.substr(close + 1)};
    }
    return out;
}

// The plain text of a clause whose bytes are all simple (no markup), else nothing: its
// words, white space folded. One pass, each byte looked up once, checked and written: most
// clauses are read here, and the plain text is made each time a stage needs it.
std::optional<std::string> simple_plain_text(std::string_view md) {
    const auto in = simple_split(md);
    if (!in) return std::nullopt;
    std::string out(in->phrase.size() + in->body.size(), '\0');
    char* const begin = out.data();
    char* w = begin;
    for (std::string_view run : {in->phrase, in->body})
        for (char c : run) {
            const unsigned char cls = kByteClass[static_cast<unsigned char>(c)];
            if (cls == 0) *w++ = c;
            else if (cls == 1) return std::nullopt;
            else if (w != begin && w[-1] != ' ') *w++ = ' ';
        }
    if (w != begin && w[-1] == ' ') --w;
    out.resize(w - begin);
    return out;
}

// Whether GFM's autolink extension could find a link in `text`: a scheme's "://", "www." (in
// any case, to be safe) or an e-mail address's "@" (Debian's cmark-gfm links none, the
// extension's documentation says it may). Such a clause goes to cmark-gfm.
bool may_autolink(std::string_view text) {
    if (text.find('@') != std::string_view::npos || text.find("://") != std::string_view::npos) return true;
    for (size_t i = text.find('.'); i != std::string_view::npos; i = text.find('.', i + 1))
        if (i >= 3 && (text[i - 3] | 0x20) == 'w' && (text[i - 2] | 0x20) == 'w' && (text[i - 1] | 0x20) == 'w')
            return true;
    return false;
}

// Whether `dest` is "<scheme>:<digits>" for one of `schemes`, as written: the links a clause's
// citations are shown as ("resgen:3"), which cmark-gfm keeps and writes unchanged.
bool numbered_link(std::string_view dest, const std::vector<std::string>& schemes) {
    const size_t colon = dest.find(':');
    if (colon == std::string_view::npos || colon + 1 == dest.size()) return false;
    for (char c : dest.substr(colon + 1))
        if (c < '0' || c > '9') return false;
    return std::find(schemes.begin(), schemes.end(), dest.substr(0, colon)) != schemes.end();
}

// The HTML of a simple clause, as cmark-gfm writes it: the end's white space goes, the rest
// stays as written, with &, <, > and " escaped and the apostrophe left alone (only the double
// quote can stand in a simple clause). Its body may also hold two bracketed forms, read as
// cmark-gfm reads them when nothing else in the clause is markup:
//   - a link of simple words to a numbered address of `schemes`, "[its resolution
//     45/25](resgen:0)": a citation, as the page and the Akoma Ntoso text write it;
//   - a footnote marker, "[^1]", neither a link nor a definition, so left as text.
// Anything else bracketed is left to cmark-gfm.
std::optional<std::string> simple_inline_html(std::string_view md, const std::vector<std::string>& schemes) {
    const auto in = simple_split(md);
    if (!in) return std::nullopt;
    auto simple = [](std::string_view run) {
        for (char c : run)
            if (kByteClass[static_cast<unsigned char>(c)] == 1) return false;
        return true;
    };
    if (!simple(in->phrase)) return std::nullopt;
    std::string out;
    out.reserve(in->phrase.size() + in->body.size() + 16);
    std::string_view body = in->body;
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.remove_suffix(1);
    if (!in->phrase.empty()) {
        out += "<em>";
        append_escaped_html(out, in->phrase, "'");
        out += "</em>";
    }
    size_t run = 0;  // where the text not yet written starts
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '[') {
            if (kByteClass[static_cast<unsigned char>(c)] == 1) return std::nullopt;
            continue;
        }
        const size_t close = body.find(']', i + 1);
        if (close == std::string_view::npos || close == i + 1) return std::nullopt;
        const std::string_view words = body.substr(i + 1, close - i - 1);
        if (!simple(words)) return std::nullopt;
        const char next = close + 1 < body.size() ? body[close + 1] : '\0';
        append_escaped_html(out, body.substr(run, i - run), "'");
        if (words.front() == '^') {
            if (next == '(' || next == ':') return std::nullopt;
            out += '[';
            append_escaped_html(out, words, "'");
            out += ']';
            i = close;
        } else {
            const size_t end = next == '(' ? body.find(')', close + 2) : std::string_view::npos;
            if (end == std::string_view::npos) return std::nullopt;
            const std::string_view dest = body.substr(close + 2, end - close - 2);
            if (!numbered_link(dest, schemes)) return std::nullopt;
            out += "<a href=\"";
            out += dest;
            out += "\">";
            append_escaped_html(out, words, "'");
            out += "</a>";
            i = end;
        }
        run = i + 1;
    }
    append_escaped_html(out, body.substr(run), "'");
    return out;
}

}  // namespace

// Footnote markers are not words of the text.
static std::string without_footnote_refs(std::string_view md) {
    std::string without;
    size_t last = 0;
    for_each_footnote_ref(md, [&](std::string_view, size_t b, size_t e) {
        without.append(md.substr(last, b - last));
        last = e;
    });
    without.append(md.substr(last));
    return without;
}

std::string inline_html(std::string_view md, bool allow_html, const std::vector<std::string>& extra_schemes) {
    if (!may_autolink(md))
        if (auto simple = simple_inline_html(md, extra_schemes)) return std::move(*simple);
    return inline_html_by_cmark(md, allow_html, extra_schemes);
}

namespace {

// plain_text of text whose footnote markers are already out.
std::string plain_text_by_cmark_without_refs(std::string_view without) {
    NodePtr doc = parse(as_inline(without), CMARK_OPT_DEFAULT, false);
    std::string text = take(cmark_render_plaintext(doc.get(), CMARK_OPT_DEFAULT, 0));
    std::string out = fold_white_space(text);
    // cmark escapes nothing in plain text, but keeps a backslash we added for block markers.
    if (!out.empty() && out[0] == '\\') out.erase(0, 1);
    return out;
}

}  // namespace

std::string plain_text(std::string_view md) {
    // The markers are taken out once, and only when there can be one.
    std::string without;
    std::string_view text = md;
    if (md.find("[^") != std::string_view::npos) text = without = without_footnote_refs(md);
    if (auto simple = simple_plain_text(text)) return std::move(*simple);
    return plain_text_by_cmark_without_refs(text);
}

std::string plain_text_by_cmark(std::string_view md) { return plain_text_by_cmark_without_refs(without_footnote_refs(md)); }

}  // namespace resgen::markdown
