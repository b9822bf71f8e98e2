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

// The warnings of resolve about citations: a date other than the cited document states, a
// recall of a document dated after the recalling one.
// With `from_keys`, only the citations of those documents.
void check_citations(const Corpus& corpus, Diagnostics& diags, const std::vector<std::string>* from_keys = nullptr);

// Puts each of `fresh` (a document of the collection parsed again) in the place of the
// document with its key, with the references and stubs that follow, as resolve() would.
// Returns false, changing nothing, when that would move documents: a new key, a new stub, a
// stub no longer cited, another `adopted_as`. Diagnostics are check_citations()'s to give.
bool replace_documents(Corpus& corpus, std::vector<Document> fresh);

// The year a document belongs to: its date's, or the one its symbol carries (E/RES/2009/24);
// 0 when neither says.
int year_of(const Document& doc);

}  // namespace resgen
