// The series as a living text: where each paragraph's language comes from, and what changed
// between two versions. Built on the alignment of stage `align`.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "align/align.hpp"
#include "plan/plan.hpp"

namespace resgen {

// Two documents whose texts get a compare page: a draft (or the recommendation of one) and
// the resolution it became; and each document and its predecessor in its series, the latest
// earlier text of the collection, not a draft, that carries at least a third of its paragraphs.
struct ComparePair {
    size_t before = 0, after = 0;   // indices into Corpus::documents
    bool lineage = false;           // the draft and what it became
    std::string path;               // "compare/E_RES_2003_28__A_RES_59_154/index.html"
    Comparison comparison;          // its counts only: no rows (compare_context makes them)
};

// `rank` is series_rank(corpus). With `only` ([document] -> 0 or 1), the pairs that concern
// those documents.
std::vector<ComparePair> compare_pairs(const Corpus& corpus, const Alignment& alignment, const std::vector<size_t>& rank,
                                       const std::vector<char>* only = nullptr);

// Each document's place in the order of the series ([document] -> place).
std::vector<size_t> series_rank(const Corpus& corpus);

// The documents sharing language with one, each with the number of its paragraphs they carry,
// by document.
std::vector<std::pair<size_t, size_t>> paragraphs_shared(const Alignment& alignment, size_t document);

// Where two documents' compare page lives: their page paths, '/' read as '_', joined by "__"
// (neither character occurs in a checked symbol or an id, so the path names one pair).
std::string compare_path(const Document& before, const Document& after);

// The context of the pair's compare page (the page at pair.path), with the word diffs of
// its amended paragraphs.
PageContext compare_context(const Corpus& corpus, const Alignment& alignment, const ComparePair& pair);

// Adds to a planned site what alignment shows: the genealogy of every paragraph on the
// document pages, the compare pages, and links to them from the documents and the timeline.
// With `only`, the comparisons of those documents only (for plan_document_pages), and with
// `compared` the compare pages of the pairs it accepts only.
void add_living_text(Plan& plan, const Corpus& corpus, const Alignment& alignment,
                     const std::vector<char>* only = nullptr,
                     const std::function<bool(const ComparePair&)>* compared = nullptr,
                     const std::vector<size_t>* rank = nullptr);

}  // namespace resgen
