// Stage `align`: which clauses of the collection carry the same language. For every clause,
// the clauses of other documents whose words it shares, word for word or amended; for every
// two documents, their clauses paired one to one; for two documents, the comparison of their
// texts clause by clause with a word-level diff. Pure: a function of the Corpus.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "align/words.hpp"
#include "model/diagnostic.hpp"
#include "resolve/corpus.hpp"

namespace resgen {

struct AlignOptions {
    double threshold = 0.4;        // least similarity for two clauses to carry the same language
    size_t shingle = 3;            // words per shingle of the candidate index
    size_t common_shingle = 200;   // a shingle in more clauses than this proposes no candidates
    size_t candidates = 48;        // at most this many candidates of a clause are measured
};

// Two clauses of two documents that carry the same language. A large collection keeps millions
// of matches, so each takes 16 bytes: 32-bit indices, the flag in the last bit of the second
// (a text has fewer than two billion clauses).
struct ClauseMatch {
    uint32_t a = 0;              // clause indices in the first and the second document
    uint32_t b : 31 = 0;
    uint32_t verbatim : 1 = 0;   // the same words and punctuation
    double similarity = 0;       // of their words, 0..1
};

// The clauses of two documents paired one to one.
struct DocumentAlignment {
    size_t a = 0, b = 0;                 // indices into Corpus::documents, a < b
    std::vector<ClauseMatch> matches;    // sorted by a
};

// A clause seen from another clause that carries its language.
struct ClauseLink {
    uint32_t document = 0;
    uint32_t clause : 31 = 0;
    uint32_t verbatim : 1 = 0;
    double similarity = 0;
};
static_assert(sizeof(ClauseMatch) == 16 && sizeof(ClauseLink) == 16);

// The links of one document's clauses, all in one array: clause c's stand in
// all[start[c], start[c + 1]), by the document and clause they name.
struct DocumentLinks {
    std::vector<ClauseLink> all;
    std::vector<uint32_t> start;     // up to the last clause linked, and one more
    std::span<const ClauseLink> of(size_t clause) const;
};

struct Alignment {
    std::vector<DocumentAlignment> pairs;            // the pairs sharing any language, by (a, b)
    // Each document's pairs, as indices into `pairs`, in their order: document d's stand in
    // pair_index[pairs_start[d], pairs_start[d + 1]). Made by index_pairs().
    std::vector<uint32_t> pairs_start, pair_index;
    size_t scored = 0;                                 // clause pairs whose similarity was measured

    // The alignment of two documents, given in either order; nullptr when they share nothing.
    const DocumentAlignment* find(size_t a, size_t b) const;
    // The pairs a document belongs to, as indices into `pairs`.
    std::span<const uint32_t> pairs_of(size_t document) const;
    // The links of a document's clauses, made from its pairs when asked for. They are not
    // kept: each match is a link of both its clauses, and kept for every document they took
    // twice the memory of the pairs (35 MB at 10,000 documents).
    DocumentLinks links_of(size_t document) const;
    // Makes pairs_start and pair_index again, after `pairs` changed, for `documents` documents.
    void index_pairs(size_t documents);
};

// The clauses that carry the language of a text: preambular and operative paragraphs and
// sub-paragraphs; not voice lines, headings, editors' notes, footnotes, nor the framing
// sentence of a draft (it speaks of the text, in another voice).
bool carries_language(const Clause& clause);

// A clause's words and marks, and the plain text they view (the model keeps a clause's
// Markdown only). The text is held on the heap, so that moving the whole keeps the tokens
// valid. The quotation marks around a draft quoted inside a resolution (2006/19 recommends
// one: “Concerned ... “1. ... Crime.”) belong to the quotation, not to the clauses they open
// and close.
struct ClauseWords {
    std::unique_ptr<const std::string> text;
    std::vector<Token> tokens;
};
ClauseWords clause_words(const Clause& clause);
// The same words and marks joined as they stand in the text, white space as one space: what a
// compare page shows of a paragraph that did not change. Made without cutting the text into
// tokens, which compare pages did for every such paragraph only to join them again.
std::string clause_text(const Clause& clause);

// Candidates come from an inverted index of word shingles, so that only clauses sharing a run
// of words are ever scored: the work grows with the language shared, not with the square of
// the collection. Pairs are then chosen greedily by similarity, one to one per two documents;
// sub-paragraphs left over under two paired paragraphs are paired by their letter.
Alignment align_corpus(const Corpus& corpus, const AlignOptions& options = {});

// The alignment of a corpus kept up to date as single documents change (the live preview):
// it keeps the units and the index of the full alignment, and aligns a changed document again
// against them, measuring only the clauses whose candidates it can change. After update(),
// alignment() is what align_corpus() gives for the corpus as it is now.
class Aligner {
public:
    // What the aligner is for: updates (it keeps its index), or the one alignment it makes
    // (it lets the index and the units go as soon as they have served, which lowers a large
    // build's peak memory; update() is then not allowed).
    enum class Use { updates, once };
    explicit Aligner(const Corpus& corpus, const AlignOptions& options = {}, Use use = Use::updates);
    ~Aligner();
    Aligner(const Aligner&) = delete;
    Aligner& operator=(const Aligner&) = delete;

    const Alignment& alignment() const;
    Alignment take() &&;

    // After corpus.documents[d] changed for each d of `documents`, every document keeping its
    // index (same keys, same stubs). Returns those documents and the documents whose pairing
    // with another changed: the only ones whose links changed. `paired`, when given, receives
    // the pairs of documents (a < b) paired differently.
    std::vector<size_t> update(const Corpus& corpus, const std::vector<size_t>& documents,
                               std::vector<std::pair<size_t, size_t>>* paired = nullptr);

private:
    struct State;
    std::unique_ptr<State> state_;
};

enum class Change { unchanged, amended, added, dropped };

struct CompareRow {
    Change change = Change::unchanged;
    std::optional<size_t> before, after;   // clause indices
    double similarity = 0;
    std::vector<DiffSpan> diff;            // for an amended pair
};

struct Comparison {
    size_t before = 0, after = 0;          // document indices
    std::vector<CompareRow> rows;          // in the order of the later text; dropped clauses after their predecessor
    std::vector<ClauseWords> words;        // the texts the rows' diffs view
    size_t unchanged = 0, amended = 0, added = 0, dropped = 0;
};

// With `diffs` false, rows carry no word diff (their change and the counts are the same):
// what a summary needs, without the cost of the diffs.
Comparison compare_documents(const Corpus& corpus, const Alignment& alignment, size_t before, size_t after,
                             bool diffs = true);

// "7 paragraphs unchanged, 4 amended, 2 new, 1 dropped" (sub-paragraphs count as paragraphs).
std::string summary_of(const Comparison& comparison);

// A note for each document of the collection without `adopted_as` whose text largely matches
// a later document of another organ (the mean similarity of their paragraphs, unmatched ones
// counting 0, is at least 0.8 both ways): it is probably that document's draft, or the
// recommendation of it.
Diagnostics suggest_lineage(const Corpus& corpus, const Alignment& alignment);

}  // namespace resgen
