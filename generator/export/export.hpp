// Stage `export`: the corpus as data others can build on. Pure functions from the Corpus to
// bytes; nothing here reads or writes files.
//
//   data/corpus.json   every document (in the collection and outside it): metadata, voices,
//                      clauses and citations                   (schema: docs/schema/corpus.schema.json)
//   data/graph.json    the citation and lineage graph          (schema: docs/schema/graph.schema.json)
//   <page dir>/akn.xml one Akoma Ntoso 3.0 document per document in the collection, named by the
//                      AKN4UN convention (/akn/un/statement/deliberation/...)
//
// Output is deterministic: keys in a fixed order, no timestamps, documents in key order.
#pragma once
#include <string>

#include "model/json.hpp"

#include "export/json_text.hpp"
#include "model/text_sink.hpp"
#include "resolve/corpus.hpp"

namespace resgen {

// What corpus_json_write writes, as a tree.
resgen::json corpus_json(const Corpus& corpus);
resgen::json graph_json(const Corpus& corpus);

// data/corpus.json: json_text(corpus_json(corpus)), byte for byte (each object's keys sorted),
// written one document at a time on every core with a JsonWriter: no tree is built. It is
// given to `sink` a few hundred documents at a time, so the text is never whole in memory.
void corpus_json_write(const Corpus& corpus, const TextSink& sink);

// json_text(graph_json(corpus)), byte for byte, given to `sink` a few hundred KB at a time,
// made a node or an edge at a time: neither the tree nor the text is ever whole in memory.
void graph_json_write(const Corpus& corpus, const TextSink& sink);

// All that one of the writers above gives, as one text: whole_text(corpus_json_write, corpus).
std::string whole_text(void (*write)(const Corpus&, const TextSink&), const Corpus& corpus);

// The Akoma Ntoso XML of one document; `language` is the site's (ISO 639-1, "en").
std::string akn_xml(const Document& doc, const Corpus& corpus, const std::string& language = "en");

// Where a document's AKN file lives in the site: beside its page, "E/RES/2003/28/akn.xml".
std::string akn_path(const Document& doc);

// The FRBR identifiers of a document in the AKN4UN naming convention.
struct AknNames {
    std::string work;           // /akn/un/statement/deliberation/unga/2004-12-20/59-154
    std::string expression;     // <work>/eng@
    std::string manifestation;  // <expression>.xml
};
AknNames akn_names(const Document& doc, const std::string& language = "en");

// The actor code of an organ in AKN identifiers: "General Assembly" -> "unga".
std::string akn_actor(const std::string& body);

// ISO 639-2 code of an ISO 639-1 language ("en" -> "eng"), as FRBR expressions name languages.
std::string akn_language(const std::string& language);

// The eId a clause has in the AKN file ("para_7", "para_7__subpara_a"); empty for clauses that
// carry none (voice lines, headings, footnotes, which become authorialNote elements).
std::string akn_eid(const Clause& clause);

}  // namespace resgen
