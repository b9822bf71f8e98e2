// Stage `resolve`: all documents become a Corpus, the graph the site is drawn from: who
// recalls and cites whom, which draft became which resolution, and a page for every
// document cited but absent from the collection.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/document.hpp"

namespace resgen {

// One citation seen from the document it points to.
struct Reference {
    std::string from;        // the citing document's key
    size_t clause = 0;       // index into the citing document's clauses
    size_t citation = 0;     // index into that clause's citations
    bool recalls = false;
};

struct Corpus {
    std::vector<Document> documents;              // the collection and the stubs, sorted by key
    std::map<std::string, size_t> by_key;
    std::map<std::string, std::vector<Reference>> cited_by;   // target key -> references, in document order
    std::map<std::string, std::vector<std::string>> drafts;   // adopted key -> keys of its drafts

    const Document* find(const std::string& key) const {
        auto it = by_key.find(key);
        return it == by_key.end() ? nullptr : &documents[it->second];
    }
    const Citation& citation(const Reference& r) const {
        return find(r.from)->clauses[r.clause].citations[r.citation];
    }
    const Clause& clause(const Reference& r) const { return find(r.from)->clauses[r.clause]; }
};

// Builds the corpus. Two documents with one key is an error naming both files; a document
// recalling one dated after it, or giving it another date than its own, is a warning.
Corpus resolve(std::vector<Document> documents, Diagnostics& diags);

// The year a document belongs to: its date's, or the one its symbol carries (E/RES/2009/24);
// 0 when neither says.
int year_of(const Document& doc);

}  // namespace resgen
