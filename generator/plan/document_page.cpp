// The page of one document: metadata, text, lineage, and what recalls and cites it.
#include <algorithm>
#include <set>

#include "markdown/markdown.hpp"
#include "plan/json_object.hpp"
#include "plan/labels.hpp"
#include "plan/pages.hpp"
#include "plan/text.hpp"

namespace resgen {

namespace {

json link_to(const Document& from_page_doc, const Document& to, std::string_view anchor = {}) {
    std::string href = relative_url(page_path(from_page_doc), page_path(to));
    if (!anchor.empty()) href.append("#").append(anchor);
    return object_of("href", std::move(href), "label", label_of(to), "title", to.meta.title, "outside", !to.in_collection);
}

json meta_row(const std::string& label, const std::string& value, bool always) {
    if (value.empty() && !always) return nullptr;
    return object_of("label", label, "value", value, "not_stated", value.empty());
}

ClauseView clause_view(const Clause& c, const Corpus& corpus, const std::string& page, bool allow_html) {
    switch (c.kind) {
        case ClauseKind::voice: return ClauseView(c, "", markdown::inline_html(c.markdown, allow_html));
        case ClauseKind::heading: return ClauseView(c, markdown::inline_html(c.markdown, allow_html));
        default: return ClauseView(c, clause_html(c, corpus, page, allow_html));
    }
}

// The references a document makes, grouped by what they point to.
json outgoing(const Document& doc, const Corpus& corpus) {
    json recalls = json::array(), cites = json::array();
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& cl : doc.clauses) {
        for (const auto& c : cl.citations) {
            if (c.kind == Citation::Kind::self) continue;
            const Document* t = corpus.find(c.target);
            if (!t || !seen.insert({c.target, cl.anchor.str()}).second) continue;
            json item = link_to(doc, *t, anchor_of_place(*t, c.pinpoint));
            item["from_anchor"] = cl.anchor;
            item["from_label"] = clause_label(cl);
            item["pinpoint"] = c.pinpoint;
            (c.recalls ? recalls : cites).push_back(std::move(item));
        }
    }
    return object_of("recalls", std::move(recalls), "cites", std::move(cites));
}

// Who recalls and cites this document, and what they say of it.
json incoming(const Document& doc, const Corpus& corpus) {
    json recalled_by = json::array(), cited_by = json::array(), facts = json::array();
    auto it = corpus.cited_by.find(doc.key);
    if (it == corpus.cited_by.end())
        return object_of("recalled_by", std::move(recalled_by), "cited_by", std::move(cited_by), "facts", std::move(facts));
    for (const auto& r : it->second) {
        const Document& from = *corpus.find(r.from);
        const Clause& cl = corpus.clause(r);
        const Citation& c = corpus.citation(r);
        json item = link_to(doc, from, cl.anchor);
        item["clause_label"] = clause_label(cl);
        item["span"] = markdown::plain_text(shown_span(c));  // quoted as words, not Markdown
        item["pinpoint"] = c.pinpoint;
        item["date"] = from.meta.date.empty() ? "" : display_date(from.meta.date);
        if (!c.date.empty() || !c.title.empty() || !c.action.empty() || !c.pinpoint.empty()) {
            json f = item;
            f["cited_date"] = c.date.empty() ? "" : display_date(c.date);
            f["cited_title"] = c.title;
            f["action"] = c.action;
            facts.push_back(std::move(f));
        }
        (r.recalls ? recalled_by : cited_by).push_back(std::move(item));
    }
    return object_of("recalled_by", std::move(recalled_by), "cited_by", std::move(cited_by), "facts", std::move(facts));
}

json lineage(const Document& doc, const Corpus& corpus) {
    json items = json::array();
    if (!doc.meta.adopted_as.empty()) {
        if (const Document* t = corpus.find(doc.meta.adopted_as)) {
            json l = link_to(doc, *t);
            l["relation"] = doc.meta.kind == "draft" ? "Adopted as" : "The draft it recommends was adopted as";
            items.push_back(l);
        }
    }
    auto d = corpus.drafts.find(doc.key);
    if (d != corpus.drafts.end()) {
        for (const auto& key : d->second) {
            const Document* from = corpus.find(key);
            json l = link_to(doc, *from);
            l["relation"] = from->meta.kind == "draft" ? "Adopted from the draft" : "Recommended by";
            items.push_back(l);
        }
    }
    return items;
}

}  // namespace

std::optional<Shown> ClauseView::find(std::string_view name, std::string& scratch) const {
    const Clause& c = *clause_;
    // An item of a lettered sub-paragraph, "(i)" under "(a)", is shown one step further in.
    if (name == "is_item") return is_item(c) ? std::optional(Shown::of_flag(true)) : std::nullopt;
    if (name.starts_with("is_"))
        return name.substr(3) == clause_kind_name(c.kind) ? std::optional(Shown::of_flag(true)) : std::nullopt;
    if (name == "anchor") return Shown::of_text(c.anchor);
    if (name == "html") return Shown::of_text(html_);
    if (name == "genealogy") return genealogy_ ? std::optional(Shown::of_view(*genealogy_)) : std::nullopt;
    if (name == "lead") return Shown::of_text(c.lead);
    if (name == "number") return Shown::of_text(c.number);
    if (name == "label") {
        scratch = clause_label(c);
        return Shown::of_text(scratch);
    }
    if (name == "subparagraphs")
        return c.kind == ClauseKind::operative ? std::optional(Shown::of_list(subparagraphs_)) : std::nullopt;
    if (name == "voice_html") return c.kind == ClauseKind::voice ? std::optional(Shown::of_text(voice_html_)) : std::nullopt;
    if (name == "backref") return backref_ ? std::optional(Shown::of_text(*backref_)) : std::nullopt;
    return std::nullopt;
}

json ClauseView::to_json() const {
    const Clause& c = *clause_;
    json j = object_of("anchor", c.anchor, "lead", c.lead, "number", c.number, "html", html_, "label", clause_label(c));
    j[std::string("is_") + clause_kind_name(c.kind)] = true;
    if (is_item(c)) j["is_item"] = true;
    if (c.kind == ClauseKind::voice) j["voice_html"] = voice_html_;
    if (c.kind == ClauseKind::operative) {
        j["subparagraphs"] = json::array();
        for (const ClauseView& sub : subparagraphs_.items) j["subparagraphs"].push_back(sub.to_json());
    }
    if (backref_) j["backref"] = *backref_;
    if (genealogy_) j["genealogy"] = genealogy_->to_json();
    return j;
}

PageContext document_context(const Document& doc, const Corpus& corpus, const SiteConfig& config) {
    const std::string path = page_path(doc);
    const Metadata& m = doc.meta;
    json rows = json::array();
    auto add = [&](json row) { if (!row.is_null()) rows.push_back(std::move(row)); };
    bool resolution = m.kind == "resolution";
    if (doc.in_collection || !m.symbol.empty()) add(meta_row("Symbol", m.symbol, true));
    add(meta_row("Body", m.body, doc.in_collection));
    add(meta_row("Kind", kind_label(m.kind), true));
    add(meta_row(m.kind == "draft" ? "Date of issue" : "Date of adoption", m.date.empty() ? "" : display_date(m.date),
                 true));
    add(meta_row("Meeting", m.meeting, doc.in_collection && resolution));
    add(meta_row("Session", m.session, false));
    std::string agenda = m.agenda_item;
    if (!m.agenda_title.empty()) agenda += (agenda.empty() ? "" : ": ") + m.agenda_title;
    add(meta_row("Agenda item", agenda, false));
    add(meta_row("Distribution", m.distribution, false));
    std::string sponsors;
    for (const auto& s : m.sponsors) sponsors += (sponsors.empty() ? "" : ", ") + s;
    add(meta_row("Sponsors", sponsors, false));
    add(meta_row("Original language", m.original_language, false));

    PageContext context;
    std::vector<std::unique_ptr<ClauseView>> body, footnotes;
    // Sub-paragraphs sit inside their operative paragraph.
    for (const auto& c : doc.clauses) {
        ClauseView view = clause_view(c, corpus, path, config.allow_html);
        if (is_footnote(c)) {
            std::string backref;
            for (const auto& caller : doc.clauses) {
                bool calls = false;
                markdown::for_each_footnote_ref(caller.markdown, [&](std::string_view id, size_t, size_t) { calls = calls || id == c.number; });
                if (calls) { backref = "fnref" + c.number + "-" + caller.anchor; break; }
            }
            view.set_backref(std::move(backref));
            footnotes.push_back(std::make_unique<ClauseView>(std::move(view)));
        } else if (c.kind == ClauseKind::subparagraph && !body.empty() && body.back()->clause().kind == ClauseKind::operative) {
            body.back()->subparagraphs().push_back(std::move(view));
        } else {
            body.push_back(std::make_unique<ClauseView>(std::move(view)));
        }
    }
    auto refs = [&context](std::vector<std::unique_ptr<ClauseView>>& views) {
        json list = json::array();
        for (auto& view : views) list.push_back(context.add(std::move(view)));
        return list;
    };

    std::string official = m.symbol.empty() || m.kind == "treaty" ? "" : "https://undocs.org/" + m.symbol;
    json io = incoming(doc, corpus), out = outgoing(doc, corpus);
    bool has_text = !body.empty(), has_footnotes = !footnotes.empty();
    json doc_json = object_of(
        "key", doc.key, "symbol", m.symbol, "title", m.title, "heading", m.title.empty() ? label_of(doc) : m.title,
        "in_collection", doc.in_collection, "outside", !doc.in_collection, "kind_label", kind_label(m.kind),
        "body", m.body, "meta", std::move(rows), "official_url", std::move(official), "text", refs(body),
        "has_text", has_text, "footnotes", refs(footnotes), "has_footnotes", has_footnotes,
        "adoption", m.meeting.empty() && m.date.empty() ? ""
                    : m.meeting + (m.meeting.empty() || m.date.empty() ? "" : ", ") +
                          (m.date.empty() ? "" : display_date(m.date)),
        "show_adoption", doc.in_collection && m.kind != "draft" && !(m.meeting.empty() && m.date.empty()),
        "lineage", lineage(doc, corpus), "recalls", std::move(out["recalls"]), "cites", std::move(out["cites"]),
        "recalled_by", std::move(io["recalled_by"]), "cited_by", std::move(io["cited_by"]),
        "facts", std::move(io["facts"]), "tags", m.tags);
    for (const char* k : {"lineage", "recalls", "cites", "recalled_by", "cited_by", "facts", "tags"})
        doc_json[std::string("has_") + k] = !doc_json[k].empty();
    context.tree = object_of("page_title", m.symbol.empty() ? m.title : m.symbol + (m.title.empty() ? "" : ": " + m.title),
                             "doc", std::move(doc_json));
    return context;
}

Page document_page_outline(const Document& doc, const Corpus& corpus) {
    Page page;
    page.path = page_path(doc);
    page.template_name = "document";
    // Every key cited or adopted as names a document of the corpus (a stub at least).
    auto depend_on = [&](const std::string& key) {
        if (auto k = corpus.by_key.find(key); k != corpus.by_key.end())
            page.depends_on.push_back(static_cast<uint32_t>(k->second));
    };
    page.depends_on.push_back(index_in(corpus, doc));
    auto it = corpus.cited_by.find(doc.key);
    if (it != corpus.cited_by.end())
        for (const auto& r : it->second) depend_on(r.from);
    for (const auto& c : doc.clauses)
        for (const auto& cit : c.citations) depend_on(cit.target);
    // Lineage: the document it was adopted as, and the drafts adopted as it.
    if (!doc.meta.adopted_as.empty()) depend_on(doc.meta.adopted_as);
    auto d = corpus.drafts.find(doc.key);
    if (d != corpus.drafts.end())
        for (const auto& key : d->second) depend_on(key);
    std::sort(page.depends_on.begin(), page.depends_on.end());
    page.depends_on.erase(std::unique(page.depends_on.begin(), page.depends_on.end()), page.depends_on.end());
    return page;
}

}  // namespace resgen
