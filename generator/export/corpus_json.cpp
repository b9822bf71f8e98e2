// data/corpus.json: every document with what the collection knows of it. A field the source
// does not state is null, never a guess.
#include <set>

#include "export/export.hpp"
#include "markdown/markdown.hpp"
#include "plan/labels.hpp"
#include "parallel/parallel.hpp"
#include "plan/plan.hpp"

namespace resgen {

namespace {

// A field the source states, else null.
void stated(JsonWriter& w, std::string_view value) {
    if (value.empty()) w.null();
    else w.string(value);
}

void strings(JsonWriter& w, const std::vector<std::string>& values) {
    w.begin_array();
    for (const auto& v : values) w.string(v);
    w.end_array();
}

const char* citation_kind_name(Citation::Kind k) {
    switch (k) {
        case Citation::Kind::resolution: return "resolution";
        case Citation::Kind::decision: return "decision";
        case Citation::Kind::document: return "document";
        case Citation::Kind::treaty: return "treaty";
        case Citation::Kind::self: return "self";
    }
    return "document";
}

// Each object's keys are written in their sorted order, as nlohmann::json keeps them: the
// text is what json_text(corpus_json(corpus)) would be, without building the tree.
void write_metadata(JsonWriter& w, const Metadata& m) {
    w.begin_object();
    stated(w.key("adopted_as"), m.adopted_as);
    stated(w.key("agenda_item"), m.agenda_item);
    stated(w.key("agenda_title"), m.agenda_title);
    stated(w.key("body"), m.body);
    stated(w.key("date"), m.date);
    stated(w.key("distribution"), m.distribution);
    stated(w.key("id"), m.id);
    stated(w.key("kind"), m.kind);
    stated(w.key("meeting"), m.meeting);
    stated(w.key("original_language"), m.original_language);
    stated(w.key("session"), m.session);
    stated(w.key("source"), m.source);
    strings(w.key("sponsors"), m.sponsors);
    stated(w.key("symbol"), m.symbol);
    strings(w.key("tags"), m.tags);
    stated(w.key("title"), m.title);
    w.end_object();
}

void write_citation(JsonWriter& w, const Citation& c) {
    w.begin_object();
    stated(w.key("action"), c.action);
    w.key("begin").number(static_cast<std::int64_t>(c.begin));
    stated(w.key("date"), c.date);
    w.key("end").number(static_cast<std::int64_t>(c.end));
    w.key("kind").string(citation_kind_name(c.kind));
    w.key("pinned").boolean(c.pinned);
    stated(w.key("pinpoint"), c.pinpoint);
    w.key("recalls").boolean(c.recalls);
    w.key("span").string(c.span);
    w.key("target").string(c.target);
    stated(w.key("title"), c.title);
    w.end_object();
}

void write_clause(JsonWriter& w, const Clause& c) {
    std::vector<std::string> footnotes;
    markdown::for_each_footnote_ref(c.markdown, [&](std::string_view id, size_t, size_t) {
        if (std::find(footnotes.begin(), footnotes.end(), id) == footnotes.end()) footnotes.emplace_back(id);
    });
    w.begin_object();
    stated(w.key("akn_eid"), akn_eid(c));
    stated(w.key("anchor"), c.anchor);
    w.key("citations").begin_array();
    for (const auto& cit : c.citations) write_citation(w, cit);
    w.end_array();
    strings(w.key("footnotes"), footnotes);
    w.key("kind").string(clause_kind_name(c.kind));
    w.key("line").number(c.line);
    w.key("markdown").string(c.markdown);
    stated(w.key("number"), c.number);
    stated(w.key("parent"), c.parent);
    stated(w.key("phrase"), c.phrase);
    w.key("text").string(markdown::plain_text(c.markdown));
    stated(w.key("voice"), c.voice.name());
    w.end_object();
}

void write_document(JsonWriter& w, const Document& d) {
    // The organs that speak in the text, in order of appearance: the body first, then any voice
    // a quoted draft switches to.
    std::vector<std::string> voices;
    for (const auto& c : d.clauses)
        if (!c.voice.empty() && std::find(voices.begin(), voices.end(), c.voice.name()) == voices.end())
            voices.push_back(c.voice.name());
    w.begin_object();
    if (d.in_collection) w.key("akn_file").string(akn_path(d));
    else w.key("akn_file").null();
    w.key("akn_work").string(akn_names(d).work);
    w.key("clauses").begin_array();
    for (const auto& c : d.clauses) write_clause(w, c);
    w.end_array();
    w.key("in_collection").boolean(d.in_collection);
    w.key("key").string(d.key);
    w.key("label").string(label_of(d));
    write_metadata(w.key("metadata"), d.meta);
    // For a document outside the collection, the date and title are what the citing texts
    // give (when they agree), the body and kind what the symbol shows.
    w.key("metadata_from").string(d.in_collection ? "source" : "citations");
    w.key("page").string(page_path(d));
    if (d.in_collection) stated(w.key("source_file"), d.path);
    else w.key("source_file").null();
    strings(w.key("voices"), voices);
    w.end_object();
}

}  // namespace

json corpus_json(const Corpus& corpus) { return json::parse(whole_text(corpus_json_write, corpus)); }

void corpus_json_write(const Corpus& corpus, const TextSink& sink) {
    // The root's keys in their sorted order, as nlohmann::json keeps them.
    const size_t n = corpus.documents.size();
    if (n == 0) {
        sink("{\"documents\":[],\"format\":\"resgen-corpus\",\"version\":1}\n");
        return;
    }
    sink("{\"documents\":[\n");
    // Each document as json_text lays out a record, made a batch at a time on every core.
    constexpr size_t kBatch = 256;
    std::vector<std::string> parts;
    for (size_t first = 0; first < n; first += kBatch) {
        parts.assign(std::min(kBatch, n - first), {});
        parallel_for(parts.size(), [&](size_t k) {
            JsonWriter w(parts[k]);
            write_document(w, corpus.documents[first + k]);
            parts[k] += first + k + 1 < n ? ",\n" : "\n";
        });
        for (const auto& part : parts) sink(part);
    }
    sink("],\"format\":\"resgen-corpus\",\"version\":1}\n");
}

std::string whole_text(void (*write)(const Corpus&, const TextSink&), const Corpus& corpus) {
    std::string out;
    write(corpus, [&out](std::string_view piece) { out += piece; });
    return out;
}

}  // namespace resgen
