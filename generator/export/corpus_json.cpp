// data/corpus.json: every document with what the collection knows of it. A field the source
// does not state is null, never a guess.
#include <set>

#include "export/export.hpp"
#include "markdown/markdown.hpp"
#include "plan/json_object.hpp"
#include "plan/labels.hpp"
#include "parallel/parallel.hpp"
#include "plan/plan.hpp"

namespace resgen {

using nlohmann::json;

namespace {

json stated(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

const char* kind_name(ClauseKind k) {
    switch (k) {
        case ClauseKind::voice: return "voice";
        case ClauseKind::preambular: return "preambular";
        case ClauseKind::operative: return "operative";
        case ClauseKind::subparagraph: return "subparagraph";
        case ClauseKind::heading: return "heading";
        case ClauseKind::note: return "note";
        case ClauseKind::text: return "text";
        case ClauseKind::footnote: return "footnote";
    }
    return "text";
}

const char* citation_kind_name(Citation::Kind k) {
    switch (k) {
        case Citation::Kind::resolution: return "resolution";
        case Citation::Kind::document: return "document";
        case Citation::Kind::treaty: return "treaty";
        case Citation::Kind::self: return "self";
    }
    return "document";
}

json metadata_json(const Metadata& m) {
    return object_of("symbol", stated(m.symbol),
                     "id", stated(m.id),
                     "title", stated(m.title),
                     "body", stated(m.body),
                     "kind", stated(m.kind),
                     "date", stated(m.date),
                     "meeting", stated(m.meeting),
                     "session", stated(m.session),
                     "agenda_item", stated(m.agenda_item),
                     "agenda_title", stated(m.agenda_title),
                     "distribution", stated(m.distribution),
                     "sponsors", m.sponsors,
                     "original_language", stated(m.original_language),
                     "adopted_as", stated(m.adopted_as),
                     "source", stated(m.source),
                     "tags", m.tags);
}

json citation_json(const Citation& c) {
    return object_of("kind", citation_kind_name(c.kind),
                     "target", c.target,
                     "span", c.span,
                     "begin", c.begin,
                     "end", c.end,
                     "pinpoint", stated(c.pinpoint),
                     "date", stated(c.date),
                     "title", stated(c.title),
                     "action", stated(c.action),
                     "recalls", c.recalls,
                     "pinned", c.pinned);
}

json clause_json(const Clause& c) {
    json footnotes = json::array();
    markdown::for_each_footnote_ref(c.markdown, [&](std::string_view id, size_t, size_t) {
        if (std::find(footnotes.begin(), footnotes.end(), std::string(id)) == footnotes.end())
            footnotes.push_back(std::string(id));
    });
    json citations = json::array();
    for (const auto& cit : c.citations) citations.push_back(citation_json(cit));
    return object_of("kind", kind_name(c.kind),
                     "anchor", stated(c.anchor),
                     "number", stated(c.number),
                     "phrase", stated(c.phrase),
                     "voice", stated(c.voice),
                     "parent", stated(c.parent),
                     // Voice lines and headings keep no plain text in the model: derive it here.
                     "text", c.plain.empty() ? markdown::plain_text(c.markdown) : c.plain,
                     "markdown", c.markdown,
                     "line", c.line,
                     "footnotes", std::move(footnotes),
                     "citations", std::move(citations),
                     "akn_eid", stated(akn_eid(c)));
}

json document_json(const Document& d) {
    // The organs that speak in the text, in order of appearance: the body first, then any voice
    // a quoted draft switches to.
    json voices = json::array();
    for (const auto& c : d.clauses)
        if (!c.voice.empty() && std::find(voices.begin(), voices.end(), c.voice) == voices.end())
            voices.push_back(c.voice);
    json clauses = json::array();
    for (const auto& c : d.clauses) clauses.push_back(clause_json(c));
    AknNames akn = akn_names(d);
    return object_of("key", d.key,
                     "label", label_of(d),
                     "in_collection", d.in_collection,
                     "source_file", d.in_collection ? stated(d.path) : json(nullptr),
                     // For a document outside the collection, the date and title are what the
                     // citing texts give (when they agree), the body and kind what the symbol shows.
                     "metadata_from", d.in_collection ? "source" : "citations",
                     "metadata", metadata_json(d.meta),
                     "page", page_path(d),
                     "akn_work", std::move(akn.work),
                     "akn_file", d.in_collection ? json(akn_path(d)) : json(nullptr),
                     "voices", std::move(voices),
                     "clauses", std::move(clauses));
}

}  // namespace

json corpus_json(const Corpus& corpus) {
    json documents = json::array();
    for (const auto& d : corpus.documents) documents.push_back(document_json(d));
    return object_of("format", "resgen-corpus", "version", 1, "documents", std::move(documents));
}

void corpus_json_write(const Corpus& corpus, const TextSink& sink) {
    // The root's keys in their sorted order, as nlohmann::json keeps them.
    const size_t n = corpus.documents.size();
    if (n == 0) {
        sink("{\n  \"documents\": [],\n  \"format\": \"resgen-corpus\",\n  \"version\": 1\n}\n");
        return;
    }
    sink("{\n  \"documents\": [\n");
    // Each document as json_text would indent it at its depth (two levels: the root object,
    // the "documents" array), made a batch at a time on every core.
    constexpr size_t kBatch = 256;
    std::vector<std::string> parts;
    for (size_t first = 0; first < n; first += kBatch) {
        parts.assign(std::min(kBatch, n - first), {});
        parallel_for(parts.size(), [&](size_t k) {
            append_json_element(parts[k], document_json(corpus.documents[first + k]), 2);
            parts[k] += first + k + 1 < n ? ",\n" : "\n";
        });
        for (const auto& part : parts) sink(part);
    }
    sink("  ],\n  \"format\": \"resgen-corpus\",\n  \"version\": 1\n}\n");
}

std::string whole_text(void (*write)(const Corpus&, const TextSink&), const Corpus& corpus) {
    std::string out;
    write(corpus, [&out](std::string_view piece) { out += piece; });
    return out;
}

}  // namespace resgen
