// One document as Akoma Ntoso 3.0 (OASIS LegalDocML), in the AKN4UN profile's shape for
// deliberations: <statement name="deliberation"> with meta (FRBR identification), preface,
// preamble (voice line as formula, preambular paragraphs), mainBody (numbered paragraphs and
// sub-paragraphs), conclusions (the adoption line). Footnotes become authorialNote at their
// markers; every citation a ref to the cited document's work IRI. Editors' notes, which are not
// part of the official text, go to meta/notes.
//
// The tree is built with pugixml, so that escaping and well-formedness are the library's job.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <pugixml.hpp>

#include "export/export.hpp"
#include "markdown/markdown.hpp"
#include "model/bytes.hpp"
#include "plan/labels.hpp"

namespace resgen {

namespace {

const char* kNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

bool is_forbidden(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// XML 1.0 forbids most C0 controls even as character references: drop them. Taken by value:
// a text made for the file (a clause's XML, most of its bytes) is cleaned where it stands.
std::string clean(std::string s) {
    // Nearly no text has one: looked for eight bytes at a time before anything is erased.
    if (bytes::any_byte_below(s, 0x20, is_forbidden)) std::erase_if(s, is_forbidden);
    return s;
}

// pugixml writes into the file's text itself, not through a stream and a copy of its buffer.
struct TextWriter final : pugi::xml_writer {
    std::string& out;
    explicit TextWriter(std::string& o) : out(o) {}
    void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

std::string escape_attribute(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

class AknWriter {
public:
    AknWriter(const Document& doc, const Corpus& corpus, const std::string& language)
        : doc_(doc), corpus_(corpus), language_(language) {
        for (const auto& c : doc.clauses)
            if (is_footnote(c)) footnotes_[c.number.str()] = &c;
    }

    std::string write() {
        pugi::xml_document x;
        pugi::xml_node root = x.append_child("akomaNtoso");
        root.append_attribute("xmlns") = kNamespace;
        const std::string& kind = doc_.meta.kind;
        bool deliberation = kind == "resolution" || kind == "draft" || kind == "decision";
        pugi::xml_node top = root.append_child(deliberation ? "statement" : "doc");
        top.append_attribute("name") = deliberation ? "deliberation" : clean(kind.empty() ? "document" : kind).c_str();
        top.append_attribute("contains") = "originalVersion";

        pugi::xml_node meta = top.append_child("meta");
        write_identification(meta);
        write_references(meta);
        write_preface(top);
        write_text(top);
        write_conclusions(top);
        write_notes(meta);

        indent(root, 0);
        // pugixml's own declaration names no encoding: write it here.
        std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        TextWriter writer(out);
        x.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
        out += '\n';
        return out;
    }

    // Line breaks and indentation between structural elements only: inside a <p> or <num>
    // every space is text, so pugixml's own indenting (which would add some) is not used.
    static void indent(pugi::xml_node node, int depth) {
        std::string_view name = node.name();
        if (name == "p" || name == "num" || !node.first_child()) return;
        auto line = [](int d) {
            std::string s(2 * d + 1, ' ');
            s[0] = '\n';
            return s;
        };
        std::vector<pugi::xml_node> children(node.begin(), node.end());
        for (pugi::xml_node child : children) {
            node.insert_child_before(pugi::node_pcdata, child).set_value(line(depth + 1).c_str());
            indent(child, depth + 1);
        }
        node.append_child(pugi::node_pcdata).set_value(line(depth).c_str());
    }

private:
    const Document& doc_;
    const Corpus& corpus_;
    std::string language_;
    std::map<std::string, const Clause*> footnotes_;
    std::set<std::string> footnotes_used_;
    std::vector<const Clause*> editor_notes_;
    int authorial_notes_ = 0;

    static pugi::xml_node leaf(pugi::xml_node parent, const char* name,
                               std::initializer_list<std::pair<const char*, std::string>> attrs) {
        pugi::xml_node n = parent.append_child(name);
        for (const auto& [k, v] : attrs) n.append_attribute(k) = clean(v).c_str();
        return n;
    }

    std::string date_name() const { return doc_.meta.kind == "draft" ? "issue" : "adoption"; }

    void frbr_common(pugi::xml_node level, const std::string& this_value, const std::string& uri,
                     const std::string& author, const std::string& role) {
        leaf(level, "FRBRthis", {{"value", this_value}});
        leaf(level, "FRBRuri", {{"value", uri}});
        // A date the source does not state is left out rather than made up.
        if (doc_.meta.date.size() == 10) leaf(level, "FRBRdate", {{"date", doc_.meta.date}, {"name", date_name()}});
        if (!author.empty()) leaf(level, "FRBRauthor", {{"href", "#" + author}, {"as", "#" + role}});
    }

    void write_identification(pugi::xml_node meta) {
        AknNames n = akn_names(doc_, language_);
        pugi::xml_node id = meta.append_child("identification");
        id.append_attribute("source") = "#resgen";
        std::string actor = doc_.meta.body.empty() ? "" : akn_actor(doc_.meta.body);

        pugi::xml_node work = id.append_child("FRBRWork");
        leaf(work, "FRBRthis", {{"value", n.work + "/!main"}});
        leaf(work, "FRBRuri", {{"value", n.work}});
        if (!doc_.meta.symbol.empty()) leaf(work, "FRBRalias", {{"name", "symbol"}, {"value", doc_.meta.symbol}});
        if (doc_.meta.date.size() == 10) leaf(work, "FRBRdate", {{"date", doc_.meta.date}, {"name", date_name()}});
        if (!actor.empty()) leaf(work, "FRBRauthor", {{"href", "#" + actor}, {"as", "#author"}});
        leaf(work, "FRBRcountry", {{"value", "un"}});
        const std::string& kind = doc_.meta.kind;
        std::string subtype = kind == "draft" ? "resolutionDraft" : kind;
        if (!subtype.empty()) leaf(work, "FRBRsubtype", {{"value", subtype}});

        pugi::xml_node expr = id.append_child("FRBRExpression");
        frbr_common(expr, n.expression + "/!main", n.expression, actor, "author");
        leaf(expr, "FRBRlanguage", {{"language", akn_language(language_)}});

        pugi::xml_node man = id.append_child("FRBRManifestation");
        frbr_common(man, n.expression + "/!main.xml", n.manifestation, "resgen", "editor");
        leaf(man, "FRBRformat", {{"value", "application/akn+xml"}});
    }

    void write_references(pugi::xml_node meta) {
        pugi::xml_node refs = meta.append_child("references");
        refs.append_attribute("source") = "#resgen";
        leaf(refs, "TLCOrganization",
             {{"eId", "resgen"}, {"href", "/ontology/organization/resgen"}, {"showAs", "resgen"}});
        std::vector<std::string> organs;
        if (!doc_.meta.body.empty()) organs.push_back(doc_.meta.body);
        for (const auto& c : doc_.clauses)
            if (!c.voice.empty() && std::find(organs.begin(), organs.end(), c.voice.name()) == organs.end())
                organs.push_back(c.voice.name());
        for (const auto& o : organs) {
            std::string code = akn_actor(o);
            leaf(refs, "TLCOrganization", {{"eId", code}, {"href", "/ontology/organization/un/" + code}, {"showAs", o}});
        }
        leaf(refs, "TLCRole", {{"eId", "author"}, {"href", "/ontology/role/author"}, {"showAs", "Author"}});
        leaf(refs, "TLCRole", {{"eId", "editor"}, {"href", "/ontology/role/editor"}, {"showAs", "Editor"}});
    }

    void text_p(pugi::xml_node parent, const char* cls, const char* inline_name, const std::string& text,
                std::initializer_list<std::pair<const char*, std::string>> attrs = {}) {
        pugi::xml_node p = parent.append_child("p");
        if (cls) p.append_attribute("class") = cls;
        pugi::xml_node in = leaf(p, inline_name, attrs);
        in.text().set(clean(text).c_str());
    }

    void write_preface(pugi::xml_node top) {
        const Metadata& m = doc_.meta;
        pugi::xml_node preface = top.append_child("preface");
        if (!m.symbol.empty()) text_p(preface, "symbol", "docNumber", m.symbol);
        if (!m.title.empty()) {
            pugi::xml_node lt = preface.append_child("longTitle");
            text_p(lt, nullptr, "docTitle", m.title);
        }
        if (!m.body.empty()) text_p(preface, "body", "docAuthority", m.body);
        if (m.date.size() == 10) text_p(preface, "date", "docDate", display_date(m.date), {{"date", m.date}});
        if (!m.session.empty()) text_p(preface, "session", "session", m.session, {{"value", m.session}});
        if (!m.agenda_item.empty() || !m.agenda_title.empty()) {
            std::string agenda = "Agenda item " + m.agenda_item;
            if (!m.agenda_title.empty()) agenda += (m.agenda_item.empty() ? "" : ": ") + m.agenda_title;
            preface.append_child("p").text().set(clean(agenda).c_str());
            preface.last_child().append_attribute("class") = "agenda";
        }
        if (!m.distribution.empty()) text_p(preface, "distribution", "docStatus", m.distribution);
        if (!m.sponsors.empty()) {
            pugi::xml_node p = preface.append_child("p");
            p.append_attribute("class") = "sponsors";
            for (size_t i = 0; i < m.sponsors.size(); ++i) {
                if (i) p.append_child(pugi::node_pcdata).set_value(", ");
                p.append_child("docProponent").text().set(clean(m.sponsors[i]).c_str());
            }
        }
        if (!m.original_language.empty()) {
            pugi::xml_node p = preface.append_child("p");
            p.append_attribute("class") = "originalLanguage";
            p.text().set(clean("Original: " + m.original_language).c_str());
        }
        if (!preface.first_child()) top.remove_child(preface);
    }

    // The clause's inline Markdown as AKN inline content. Citations are first written as links
    // to "resgen:N" so that cmark-gfm renders the Markdown around them untouched; its HTML for
    // inline content is a small, known set of tags, each mapped to its AKN counterpart.
    std::string inline_xml(const Clause& clause, bool with_notes) {
        std::string md;
        size_t last = 0;
        for (size_t i = 0; i < clause.citations.size(); ++i) {
            const Citation& c = clause.citations[i];
            if (c.begin < last || c.end > clause.markdown.size()) continue;
            md.append(clause.markdown, last, c.begin - last);
            md += '[';
            md += shown_span(c);
            md += "](resgen:";
            md += std::to_string(i);
            md += ')';
            last = c.end;
        }
        md.append(clause.markdown, last);
        std::string html = markdown::inline_html(md, false, {"resgen"});

        std::string out;
        bool in_ref = false, skipped_link = false;
        for (size_t pos = 0; pos < html.size();) {
            if (html[pos] != '<') {
                // Text up to the next tag, whole.
                const size_t tag = std::min(html.find('<', pos), html.size());
                out.append(html, pos, tag - pos);
                pos = tag;
                continue;
            }
            size_t close = html.find('>', pos);
            if (close == std::string::npos) break;
            const std::string_view tag = std::string_view(html).substr(pos, close + 1 - pos);
            pos = close + 1;
            static constexpr std::pair<std::string_view, std::string_view> same[] = {
                {"<em>", "<i>"}, {"</em>", "</i>"}, {"<strong>", "<b>"}, {"</strong>", "</b>"},
                {"<del>", "<del>"}, {"</del>", "</del>"}, {"<code>", "<span class=\"code\">"},
                {"</code>", "</span>"}, {"<br />", "<eol/>"}};
            const auto it = std::find_if(std::begin(same), std::end(same), [&](const auto& p) { return p.first == tag; });
            if (it != std::end(same)) {
                out += it->second;
            } else if (tag.starts_with("<a href=\"resgen:")) {
                // The editor may have written a "resgen:" link too: only our own numbers are refs.
                const std::string digits(tag.substr(16, tag.find('"', 16) - 16));
                size_t index = digits.empty() || digits.size() > 6 ||
                                       digits.find_first_not_of("0123456789") != std::string::npos
                                   ? clause.citations.size()
                                   : std::stoul(digits);
                if (index >= clause.citations.size()) {
                    skipped_link = true;
                    continue;
                }
                const Citation& c = clause.citations[index];
                const Document* target = corpus_.find(c.target);
                std::string href = target ? akn_names(*target, language_).work : c.target;
                out += "<ref href=\"" + escape_attribute(href) + "\">";
                in_ref = true;
            } else if (tag.starts_with("<a href=\"")) {
                out += "<a href=\"";
                out += tag.substr(9, tag.find('"', 9) - 9);
                out += "\">";
            } else if (tag == "</a>") {
                if (!skipped_link) out += in_ref ? "</ref>" : "</a>";
                in_ref = skipped_link = false;
            }
            // Anything else (images, omitted raw HTML) has no place in the text: dropped.
        }
        if (!with_notes || out.find("[^") == std::string::npos) return out;

        std::string result;
        last = 0;
        markdown::for_each_footnote_ref(out, [&](std::string_view id, size_t b, size_t e) {
            auto it = footnotes_.find(std::string(id));
            if (it == footnotes_.end()) return;  // the marker stays as text
            footnotes_used_.insert(it->first);
            result.append(out, last, b - last);
            const Clause& fn = *it->second;
            result += "<authorialNote eId=\"authorialNote_" + std::to_string(++authorial_notes_) +
                      "\" marker=\"" + escape_attribute(id) + "\" placement=\"bottom\"><p" +
                      (fn.kind == ClauseKind::note ? " class=\"editorial\"" : "") + ">" +
                      inline_xml(fn, false) + "</p></authorialNote>";
            last = e;
        });
        result.append(out, last);
        return result;
    }

    void fill(pugi::xml_node p, const Clause& clause, bool with_notes = true) {
        std::string xml = clean(inline_xml(clause, with_notes));
        if (!p.append_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_fragment,
                             pugi::encoding_utf8))
            p.text().set(clean(markdown::plain_text(clause.markdown)).c_str());  // not expected; keep the text
    }

    pugi::xml_node container(pugi::xml_node parent, const char* name, const Clause& c) {
        pugi::xml_node n = parent.append_child("container");
        n.append_attribute("name") = name;
        std::string eid = akn_eid(c);
        if (!eid.empty()) n.append_attribute("eId") = clean(eid).c_str();
        fill(n.append_child("p"), c);
        return n;
    }

    void write_text(pugi::xml_node top) {
        std::vector<const Clause*> text;
        for (const auto& c : doc_.clauses) {
            if (is_footnote(c)) continue;
            if (c.kind == ClauseKind::note) editor_notes_.push_back(&c);
            else text.push_back(&c);
        }
        // The preamble runs up to the first operative paragraph; a text with none is all body.
        size_t first_operative = text.size();
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i]->kind == ClauseKind::operative || text[i]->kind == ClauseKind::subparagraph) {
                first_operative = i;
                break;
            }
        if (first_operative == text.size()) first_operative = 0;

        if (first_operative > 0) {
            pugi::xml_node preamble = top.append_child("preamble");
            for (size_t i = 0; i < first_operative; ++i) {
                const Clause& c = *text[i];
                if (c.kind == ClauseKind::voice) {
                    pugi::xml_node f = preamble.append_child("formula");
                    f.append_attribute("name") = "enactingFormula";
                    fill(f.append_child("p"), c);
                } else {
                    block(preamble, c);
                }
            }
        }
        pugi::xml_node body = top.append_child("mainBody");
        pugi::xml_node paragraph;
        pugi::xml_node lettered;        // the last sub-paragraph, which items "(i)" go into
        std::string_view lettered_anchor;
        for (size_t i = first_operative; i < text.size(); ++i) {
            const Clause& c = *text[i];
            if (c.kind == ClauseKind::operative) {
                lettered = pugi::xml_node();
                paragraph = body.append_child("paragraph");
                paragraph.append_attribute("eId") = clean(akn_eid(c)).c_str();
                if (!c.number.empty()) paragraph.append_child("num").text().set(clean(c.lead.str() + c.number + ".").c_str());
                fill(paragraph.append_child("content").append_child("p"), c);
            } else if (c.kind == ClauseKind::subparagraph) {
                const bool item = lettered && is_item(c) && c.parent == lettered_anchor;
                pugi::xml_node parent = item ? lettered : paragraph ? paragraph : body;
                // A paragraph with sub-paragraphs has an intro instead of content.
                if (pugi::xml_node content = parent.child("content")) content.set_name("intro");
                pugi::xml_node sub = parent.append_child(item || paragraph ? "subparagraph" : "paragraph");
                sub.append_attribute("eId") = clean(akn_eid(c)).c_str();
                sub.append_child("num").text().set(clean(c.lead.str() + "(" + c.number + ")").c_str());
                fill(sub.append_child("content").append_child("p"), c);
                if (!item) {
                    lettered = sub;
                    lettered_anchor = c.anchor;
                }
            } else {
                lettered = pugi::xml_node();
                paragraph = pugi::xml_node();
                block(body, c);
            }
        }
        if (!body.first_child()) {
            // mainBody may not be empty: say so rather than leave it invalid.
            pugi::xml_node p = body.append_child("p");
            p.append_attribute("class") = "notStated";
            p.text().set("The text is not stated in the source.");
        }
    }

    // A clause outside the numbered paragraphs: its kind is the container's name.
    void block(pugi::xml_node parent, const Clause& c) {
        switch (c.kind) {
            case ClauseKind::voice: container(parent, "voice", c); break;
            case ClauseKind::preambular: container(parent, "preambularParagraph", c); break;
            case ClauseKind::heading: container(parent, "heading", c); break;
            default: container(parent, "text", c); break;
        }
    }

    void write_conclusions(pugi::xml_node top) {
        const Metadata& m = doc_.meta;
        if (!doc_.in_collection || m.kind == "draft" || (m.meeting.empty() && m.date.size() != 10)) return;
        pugi::xml_node p = top.append_child("conclusions").append_child("p");
        p.append_attribute("class") = "adoption";
        if (!m.meeting.empty()) p.append_child(pugi::node_pcdata).set_value(clean(m.meeting + (m.date.size() == 10 ? ", " : "")).c_str());
        if (m.date.size() == 10) {
            pugi::xml_node d = p.append_child("docDate");
            d.append_attribute("date") = m.date.c_str();
            d.text().set(display_date(m.date).c_str());
        }
    }

    // Editors' notes, and footnotes no marker calls, are kept apart from the official text.
    void write_notes(pugi::xml_node meta) {
        std::vector<std::pair<std::string, const Clause*>> notes;
        int n = 0;
        for (const Clause* c : editor_notes_) notes.push_back({"editorialNote_" + std::to_string(++n), c});
        for (const auto& [number, c] : footnotes_)
            if (!footnotes_used_.count(number)) notes.push_back({"footnote_" + number, c});
        if (notes.empty()) return;
        pugi::xml_node list = meta.append_child("notes");
        list.append_attribute("source") = "#resgen";
        for (const auto& [eid, c] : notes) {
            pugi::xml_node note = list.append_child("note");
            note.append_attribute("eId") = clean(eid).c_str();
            note.append_attribute("class") = c->kind == ClauseKind::note ? "editorial" : "footnote";
            fill(note.append_child("p"), *c, false);
        }
    }
};

}  // namespace

std::string akn_xml(const Document& doc, const Corpus& corpus, const std::string& language) {
    return AknWriter(doc, corpus, language).write();
}

}  // namespace resgen
