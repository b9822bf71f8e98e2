#include "align/align.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "align/lcs.hpp"
#include "align/runs.hpp"
#include "markdown/markdown.hpp"
#include "model/bytes.hpp"
#include "parallel/parallel.hpp"

namespace resgen {

namespace {

// Lets a vector's memory go. `v = {}` would not: it assigns an empty initializer list, which
// keeps the capacity.
template <class T, class A>
void release(std::vector<T, A>& v) {
    std::vector<T, A>().swap(v);
}

// An allocator whose vectors leave the elements they grow by unwritten: a vector written whole
// right after it is sized, whose pages become resident as they are written, not all at once.
template <class T>
struct Unwritten : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = Unwritten<U>;
    };
    using std::allocator<T>::allocator;
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

// Gives the system back the whole pages of a vector's first `done` elements, which its owner
// will not read again, from `given` (the end of what was given back so far) on, a megabyte or
// more at a time. The vector stays as it is; those elements read as zero if ever read.
template <class T, class A>
void give_back_read(std::vector<T, A>& v, size_t done, uintptr_t& given) {
    static const uintptr_t page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const uintptr_t first = (reinterpret_cast<uintptr_t>(v.data()) + page - 1) / page * page;
    const uintptr_t begin = std::max(given, first);
    const uintptr_t end = reinterpret_cast<uintptr_t>(v.data() + done) / page * page;
    if (end < begin + (uintptr_t{1} << 20)) return;
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
    given = end;
}

// Clauses are only paired with clauses of the same tier: a preambular paragraph with a
// preambular paragraph, a sub-paragraph with a sub-paragraph.
int tier(ClauseKind k) {
    switch (k) {
        case ClauseKind::preambular: return 0;
        case ClauseKind::operative: return 1;
        default: return 2;
    }
}

// One clause that carries language, with its words as ids into the vocabulary. The words lie
// in their aligner's store of words, in unit order.
struct Unit {
    uint32_t document = 0, clause = 0;
    uint32_t position = 0;               // among the document's units
    int tier = 0;
    uint64_t text = 0;                   // a hash of its tokens: two clauses word for word the same
    std::span<const uint32_t> words;     // without function words
    std::vector<uint64_t> shingles;      // of its words, sorted, each once
};

// A unit named by its place: the order of (document, clause) is the order of the units.
struct UnitRef {
    uint32_t document = 0, clause = 0;
    auto operator<=>(const UnitRef&) const = default;
};
UnitRef ref_of(const Unit& u) { return {u.document, u.clause}; }

// A later unit whose similarity to a unit reached the threshold.
struct ScoredRef {
    UnitRef v;
    double similarity = 0;
    bool operator==(const ScoredRef&) const = default;
};

constexpr uint64_t kFnvBasis = 1469598103934665603ull;

uint64_t fnv1a_bytes(uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// A run of words (their numbers in the vocabulary) as one number: a multiply and a shift a
// word, where FNV-1a over their bytes took four multiplies. Only equality matters (the
// shingles are sorted and intersected, never ordered for what they mean), and at 64 bits two
// runs share a number about as rarely as before.
uint64_t shingle_hash(const uint32_t* w, size_t n) {
    uint64_t h = kFnvBasis;
    for (size_t i = 0; i < n; ++i) {
        h = (h ^ w[i]) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    return h;
}

// The units of one document, their words still as hashes (64 bits) of the lower-cased word:
// made on any thread; the vocabulary numbers them after, in order.
struct DocumentUnits {
    std::vector<Unit> units;
    std::vector<std::vector<uint64_t>> words;
};

DocumentUnits units_of_document(const Corpus& corpus, size_t d) {
    DocumentUnits out;
    const Document& doc = corpus.documents[d];
    if (!doc.in_collection) return out;
    uint32_t position = 0;
    std::string word;
    for (size_t c = 0; c < doc.clauses.size(); ++c) {
        if (!carries_language(doc.clauses[c])) continue;
        const ClauseWords clause = clause_words(doc.clauses[c]);
        const std::vector<Token>& tokens = clause.tokens;
        // Two clauses are the same word for word when the hashes of their tokens agree.
        Unit u{static_cast<uint32_t>(d), static_cast<uint32_t>(c), position++, tier(doc.clauses[c].kind), kFnvBasis, {}, {}};
        for (const auto& t : tokens) u.text = fnv1a_bytes(fnv1a_bytes(u.text, t.text), std::string_view("\0", 1));
        std::vector<uint64_t> words;
        for (const auto& t : tokens) {
            if (!is_word(t)) continue;
            lower_case_word(t, word);
            if (!is_function_word(word)) words.push_back(fnv1a_bytes(kFnvBasis, word));
        }
        if (words.empty()) continue;
        out.units.push_back(std::move(u));
        out.words.push_back(std::move(words));
    }
    return out;
}

// The words of the collection, numbered in the order they are first met. Numbering is one
// thread's work, once for every word of every clause (five million at 10,000 documents), so
// the table is open-addressed: with std::unordered_map's node per word it took 250 ms there.
class Vocabulary {
public:
    uint32_t number(uint64_t hash) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        for (size_t i = slot_of(hash);; i = (i + 1) & (slots_.size() - 1)) {
            Slot& slot = slots_[i];
            if (slot.number == kEmpty) {
                slot = {hash, size_};
                return size_++;
            }
            if (slot.hash == hash) return slot.number;
        }
    }

private:
    static constexpr uint32_t kEmpty = UINT32_MAX;
    struct Slot {
        uint64_t hash = 0;
        uint32_t number = kEmpty;
    };
    // The hash's top bits after a multiply, so that words whose hashes differ only high up
    // still spread.
    size_t slot_of(uint64_t hash) const { return (hash * 0x9E3779B97F4A7C15ull) >> shift_; }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        shift_ = 64 - std::countr_zero(slots_.size());
        for (const Slot& slot : old) {
            if (slot.number == kEmpty) continue;
            size_t i = slot_of(slot.hash);
            while (slots_[i].number != kEmpty) i = (i + 1) & (slots_.size() - 1);
            slots_[i] = slot;
        }
    }
    std::vector<Slot> slots_;
    int shift_ = 64;
    uint32_t size_ = 0;
};

// Appends the numbers of a unit's words to a store of words.
void number_words(const std::vector<uint64_t>& hashes, Vocabulary& vocabulary, std::vector<uint32_t>& store) {
    for (uint64_t w : hashes) store.push_back(vocabulary.number(w));
}

// The shingles of a unit's words, sorted, each once, into `out`.
void make_shingles(std::span<const uint32_t> w, size_t shingle, std::vector<uint64_t>& out) {
    out.clear();
    size_t k = std::min(shingle, w.size());
    for (size_t s = 0; s + k <= w.size(); ++s) out.push_back(shingle_hash(w.data() + s, k));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

uint32_t shared_shingles(const Unit& x, const Unit& y) {
    // Without branches on the values, since which side moves on is as good as random (alone,
    // this made no difference beyond the noise of a whole build).
    uint32_t shared = 0;
    const uint64_t *a = x.shingles.data(), *a_end = a + x.shingles.size();
    const uint64_t *b = y.shingles.data(), *b_end = b + y.shingles.size();
    while (a != a_end && b != b_end) {
        const uint64_t p = *a, q = *b;
        shared += p == q;
        a += p <= q;
        b += q <= p;
    }
    return shared;
}

// A unit's shingle in the candidate loop: the units of its tier holding it, as a range of
// the postings, and whether the shingle is too common to propose candidates.
struct PostingSpan {
    uint32_t lo = 0;
    uint32_t hi : 31 = 0;
    uint32_t common : 1 = 0;
};

// The candidates one unit meets in the candidate loop, each once, with how many of the walked
// shingles it holds: an open-addressing table sized to the walk, so that it can stay in the
// cache (an array of marks over all units is 10 MB a thread at 100,000 documents).
class CandidateCounts {
public:
    // Ready for at most `most` additions.
    void start(size_t most) {
        size_t size = 64;
        while (size < 2 * most) size *= 2;
        if (size > unit_.size()) {
            unit_.assign(size, 0);
            count_.assign(size, 0);
        }
        mask_ = static_cast<uint32_t>(size - 1);
    }
    void add(uint32_t unit) {
        uint32_t slot = (unit * 2654435761u) & mask_;
        while (unit_[slot] != 0 && unit_[slot] != unit + 1) slot = (slot + 1) & mask_;
        if (unit_[slot] == 0) {
            unit_[slot] = unit + 1;
            used_.push_back(slot);
        }
        ++count_[slot];
    }
    // The candidates met, in unit order, and their counts; the table is left empty.
    void take(std::vector<uint32_t>& units, std::vector<uint32_t>& counts) {
        std::sort(used_.begin(), used_.end(), [&](uint32_t x, uint32_t y) { return unit_[x] < unit_[y]; });
        units.clear();
        counts.clear();
        for (uint32_t slot : used_) {
            units.push_back(unit_[slot] - 1);
            counts.push_back(count_[slot]);
            unit_[slot] = count_[slot] = 0;
        }
        used_.clear();
    }

private:
    std::vector<uint32_t> unit_;   // the unit + 1; 0 for an empty slot
    std::vector<uint32_t> count_;
    std::vector<uint32_t> used_;   // the slots filled
    uint32_t mask_ = 0;
};

// Reads the candidates of the whole corpus, named by their unit's index: their words straight
// from the store, by where each unit's words start (4 bytes a unit, where a unit's record is
// 64), so that a candidate's record is loaded only if its words are. At 100,000 documents, perf
// annotate put about half of the candidate loop's own time on loading each candidate's record
// for the place of its words, then on its words.
struct ReadByIndex {
    const std::vector<Unit>& units;
    const std::vector<uint32_t>& words;   // the store, in unit order
    const std::vector<uint32_t>& start;   // [unit]: where its words start; then the end
    const std::vector<WordBits>& bits;    // [unit]
    std::span<const uint32_t> words_of(uint32_t j) const {
        return {words.data() + start[j], words.data() + start[j + 1]};
    }
    size_t size_of(uint32_t j) const { return start[j + 1] - start[j]; }
    WordBits bits_of(uint32_t j) const { return bits[j]; }
    UnitRef ref(uint32_t j) const { return ref_of(units[j]); }
    void ask_brief(uint32_t j) const {
        __builtin_prefetch(&start[j]);
        __builtin_prefetch(&bits[j]);
    }
    void ask_words(uint32_t j) const {
        __builtin_prefetch(words.data() + start[j]);
        __builtin_prefetch(&units[j]);
    }
};

// The candidates of `u` (later units of other documents of its tier sharing a shingle that is
// not too common, in unit order), cut to those sharing the most shingles, and scored. `read`
// reads a candidate (a ref, or, for the whole corpus, a unit's index): its size, its WordBits,
// its words, its ref, and asks early for the first two (its brief) and for its words, which
// lie somewhere else in memory for each candidate. `shared(k)` is how many shingles `u` shares
// with candidate k. Both ways of aligning (the whole corpus, one document again) end here.
template <class Candidate, class Reader, class Shared>
std::vector<ScoredRef> score_candidates(const Unit& u, std::vector<Candidate>& touched, const Reader& read,
                                        const Shared& shared, const AlignOptions& options, size_t& measured) {
    if (touched.size() > options.candidates) {
        std::vector<std::pair<uint32_t, Candidate>> by_shared;  // (shared shingles, unit)
        by_shared.reserve(touched.size());
        for (size_t k = 0; k < touched.size(); ++k) by_shared.push_back({shared(k), touched[k]});
        std::partial_sort(by_shared.begin(), by_shared.begin() + static_cast<long>(options.candidates), by_shared.end(),
                          [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
        touched.clear();
        for (size_t k = 0; k < options.candidates; ++k) touched.push_back(by_shared[k].second);
    }
    std::sort(touched.begin(), touched.end());
    measured = touched.size();
    // First what each candidate's size and WordBits allow, the LCS bounded by the candidate's
    // length and by the words of `u` it can hold (never more than `u` has): at 100,000
    // documents two candidates in three are then let go without their words being read.
    const double own = static_cast<double>(u.words.size());
    const LcsBound bound(u.words);
    size_t kept = 0;
    for (const Candidate& c : touched) read.ask_brief(c);
    for (size_t k = 0; k < touched.size(); ++k) {
        const size_t other = read.size_of(touched[k]);
        const size_t most = std::min(other, bound.most(read.bits_of(touched[k])));
        // As the similarity is reckoned below: rounding cannot then let a pair through there
        // that was let go here.
        if (2.0 * static_cast<double>(most) / (own + static_cast<double>(other)) >= options.threshold)
            touched[kept++] = touched[k];
    }
    touched.resize(kept);
    std::vector<ScoredRef> out;
    const LcsPattern pattern(u.words);
    for (const Candidate& c : touched) read.ask_words(c);
    for (size_t k = 0; k < touched.size(); ++k) {
        const std::span<const uint32_t> wj = read.words_of(touched[k]);
        const double s = 2.0 * static_cast<double>(pattern.lcs(wj)) / (own + static_cast<double>(wj.size()));
        if (s >= options.threshold) out.push_back({read.ref(touched[k]), s});
    }
    return out;
}

// A scored pair of two documents' clauses.
struct Entry {
    uint32_t ca = 0, cb = 0;   // clauses
    uint32_t pa = 0, pb = 0;   // positions among their document's units
    double similarity = 0;
};

// The best pairs first. Ties go to the pair closer in position, then to the earlier clauses,
// so that the result does not depend on order.
bool entry_before(const Entry& x, const Entry& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    auto dist = [](uint32_t p, uint32_t q) { return p > q ? p - q : q - p; };
    uint32_t dx = dist(x.pa, x.pb), dy = dist(y.pa, y.pb);
    if (dx != dy) return dx < dy;
    return std::pair{x.ca, x.cb} < std::pair{y.ca, y.cb};
}

// The clauses of two documents paired one to one from their scored pairs (in entry_before
// order). `unit(document, clause)` is the unit of a clause, or nullptr.
template <class Lookup>
DocumentAlignment pair_documents(const Corpus& corpus, size_t da, size_t db, const std::vector<Entry>& entries,
                                 const Lookup& unit) {
    const Document &A = corpus.documents[da], &B = corpus.documents[db];
    std::vector<bool> used_a(A.clauses.size()), used_b(B.clauses.size());
    DocumentAlignment pair{da, db, {}};
    auto add = [&](size_t ca, size_t cb, double s) {
        used_a[ca] = used_b[cb] = true;
        pair.matches.push_back(
            {static_cast<uint32_t>(ca), static_cast<uint32_t>(cb), unit(da, ca)->text == unit(db, cb)->text, s});
    };
    for (const Entry& e : entries)
        if (!used_a[e.ca] && !used_b[e.cb]) add(e.ca, e.cb, e.similarity);
    // Sub-paragraphs left over under two paired paragraphs, under the same letter, are the same
    // item of the list rewritten ("(d) Crisis management" -> "(d) Response to and management
    // of crises"); so are the items "(i)" of two paired sub-paragraphs, which may have been
    // paired here themselves (the loop goes on over the pairs it adds).
    for (size_t m = 0; m < pair.matches.size(); ++m) {
        const Clause &pa = A.clauses[pair.matches[m].a], &pb = B.clauses[pair.matches[m].b];
        if (pa.kind != pb.kind || (pa.kind != ClauseKind::operative && pa.kind != ClauseKind::subparagraph)) continue;
        for (size_t ca = 0; ca < A.clauses.size(); ++ca) {
            const Clause& sa = A.clauses[ca];
            if (sa.kind != ClauseKind::subparagraph || sa.parent != pa.anchor || used_a[ca] || !unit(da, ca)) continue;
            for (size_t cb = 0; cb < B.clauses.size(); ++cb) {
                const Clause& sb = B.clauses[cb];
                if (sb.kind != ClauseKind::subparagraph || sb.parent != pb.anchor || used_b[cb] || !unit(db, cb) ||
                    sb.number != sa.number)
                    continue;
                add(ca, cb, lcs_similarity(unit(da, ca)->words, unit(db, cb)->words));
                break;
            }
        }
    }
    std::sort(pair.matches.begin(), pair.matches.end(), [](const ClauseMatch& x, const ClauseMatch& y) { return x.a < y.a; });
    // Kept for the whole build: a quarter of what push_back reserved would stand unused.
    pair.matches.shrink_to_fit();
    return pair;
}

}  // namespace

bool carries_language(const Clause& c) {
    return c.kind == ClauseKind::preambular || c.kind == ClauseKind::operative || c.kind == ClauseKind::subparagraph;
}

ClauseWords clause_words(const Clause& c) {
    ClauseWords words{std::make_unique<const std::string>(markdown::plain_text(c.markdown)), {}};
    std::vector<Token>& t = words.tokens;
    t = tokenize(*words.text);
    auto count = [&](const char* mark) {
        return std::count_if(t.begin(), t.end(), [&](const Token& x) { return x.text == mark; });
    };
    // An opening mark left unclosed at the start, or a closing mark never opened at the end,
    // quote the whole draft, not words of this clause.
    if (!t.empty() && t.front().text == "“" && count("“") > count("”")) {
        t.erase(t.begin());
        if (!t.empty()) t.front().space_before = false;
    }
    if (!t.empty() && t.back().text == "”" && count("”") > count("“")) t.pop_back();
    return words;
}

namespace {

// Whether plain text may hold white space tokenize() would fold: plain_text() folds runs of
// spaces, tabs and line ends, but cmark-gfm's text can keep \v, \f and \r, and a space can be
// left at an end.
bool may_need_folding(std::string_view text) {
    if (text.empty()) return false;
    if (text.front() == ' ' || text.back() == ' ') return true;
    return bytes::any_byte_below(text, '\r' + 1, [](unsigned char c) { return c >= '\v'; });
}

}  // namespace

std::string clause_text(const Clause& c) {
    std::string text = markdown::plain_text(c.markdown);
    // White space as tokenize() finds it (ASCII): each run between two tokens is one space.
    if (may_need_folding(text)) {
        auto is_space = [](char x) { return x == ' ' || (x >= '\t' && x <= '\r'); };
        size_t end = 0;
        bool space = false;
        for (char x : text) {
            if (is_space(x)) {
                space = true;
                continue;
            }
            if (space && end != 0) text[end++] = ' ';
            space = false;
            text[end++] = x;
        }
        text.resize(end);
    }
    // The quotation marks of clause_words(): every mark is a token of its own there, so its
    // tokens are counted as the mark's occurrences here.
    auto count = [&](std::string_view mark) {
        size_t n = 0;
        for (size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at + mark.size())) ++n;
        return n;
    };
    // With more opening marks than closing ones, only the first can go, and the other way round.
    const std::string_view open = "“", close = "”";
    const size_t opens = count(open), closes = count(close);
    if (text.starts_with(open) && opens > closes) {
        text.erase(0, open.size() + (text.size() > open.size() && text[open.size()] == ' '));
    } else if (text.ends_with(close) && closes > opens) {
        text.resize(text.size() - close.size());
        if (!text.empty() && text.back() == ' ') text.pop_back();
    }
    return text;
}

const DocumentAlignment* Alignment::find(size_t a, size_t b) const {
    if (a > b) std::swap(a, b);
    auto it = std::lower_bound(pairs.begin(), pairs.end(), std::pair{a, b},
                               [](const DocumentAlignment& p, const std::pair<size_t, size_t>& k) {
                                   return std::pair{p.a, p.b} < k;
                               });
    return it != pairs.end() && it->a == a && it->b == b ? &*it : nullptr;
}

std::span<const ClauseLink> DocumentLinks::of(size_t clause) const {
    if (clause + 1 >= start.size()) return {};
    return {all.data() + start[clause], all.data() + start[clause + 1]};
}

std::span<const uint32_t> Alignment::pairs_of(size_t document) const {
    if (document + 1 >= pairs_start.size()) return {};
    return {pair_index.data() + pairs_start[document], pair_index.data() + pairs_start[document + 1]};
}

void Alignment::index_pairs(size_t documents) {
    pairs_start.assign(documents + 1, 0);
    for (const auto& p : pairs) {
        ++pairs_start[p.a + 1];
        ++pairs_start[p.b + 1];
    }
    for (size_t d = 0; d < documents; ++d) pairs_start[d + 1] += pairs_start[d];
    pair_index.resize(pairs_start[documents]);
    std::vector<uint32_t> fill(pairs_start.begin(), pairs_start.end() - 1);
    for (size_t i = 0; i < pairs.size(); ++i) {
        pair_index[fill[pairs[i].a]++] = static_cast<uint32_t>(i);
        pair_index[fill[pairs[i].b]++] = static_cast<uint32_t>(i);
    }
}

// Counted first, so that the links take one exact array rather than a growing vector per
// clause; each clause's sorted by the document and clause they name.
DocumentLinks Alignment::links_of(size_t d) const {
    DocumentLinks links;
    const auto mine = pairs_of(d);
    auto own = [d](const DocumentAlignment& p, const ClauseMatch& m) -> uint32_t { return p.a == d ? m.a : m.b; };
    size_t clauses = 0;
    for (uint32_t i : mine)
        for (const auto& m : pairs[i].matches) clauses = std::max<size_t>(clauses, own(pairs[i], m) + 1);
    links.start.assign(clauses + 1, 0);
    for (uint32_t i : mine)
        for (const auto& m : pairs[i].matches) ++links.start[own(pairs[i], m) + 1];
    for (size_t c = 0; c < clauses; ++c) links.start[c + 1] += links.start[c];
    links.all.resize(links.start[clauses]);
    std::vector<uint32_t> fill(links.start.begin(), links.start.end() - 1);
    for (uint32_t i : mine) {
        const DocumentAlignment& p = pairs[i];
        const bool first = p.a == d;
        for (const auto& m : p.matches)
            links.all[fill[own(p, m)]++] = {static_cast<uint32_t>(first ? p.b : p.a), first ? m.b : m.a, m.verbatim,
                                            m.similarity};
    }
    for (size_t c = 0; c < clauses; ++c)
        std::sort(links.all.begin() + links.start[c], links.all.begin() + links.start[c + 1],
                  [](const ClauseLink& x, const ClauseLink& y) {
                      return std::pair{x.document, x.clause} < std::pair{y.document, y.clause};
                  });
    return links;
}

// One posting of the candidate index: a unit holding a shingle. Packed in 12 bytes (as a
// pair it took 16): the index is the largest array an alignment makes, 4.45 million postings
// for 10,000 documents. No initial values: the index is sized, then written (Unwritten).
struct [[gnu::packed]] IndexEntry {
    uint64_t shingle;
    uint32_t unit;
    friend bool operator<(const IndexEntry& x, const IndexEntry& y) {
        return x.shingle != y.shingle ? x.shingle < y.shingle : x.unit < y.unit;
    }
};
static_assert(sizeof(IndexEntry) == 12);

// What an Aligner keeps between updates: the units of the last full alignment with their
// index, and the documents aligned again since, whose units stand beside it.
struct Aligner::State {
    AlignOptions options;
    Aligner::Use use = Aligner::Use::updates;
    Alignment alignment;
    Vocabulary vocabulary;

    // The full alignment's units, the store of their words, their index and their scored
    // candidates.
    std::vector<Unit> units;
    std::vector<uint32_t> words;
    std::vector<std::vector<size_t>> unit_of;                  // [document][clause] -> unit + 1
    std::vector<IndexEntry, Unwritten<IndexEntry>> index;      // sorted
    std::vector<std::vector<ScoredRef>> scored;                // [unit]
    std::vector<size_t> measured;                              // [unit]

    // Documents aligned again since: their units, the index of those, their scored candidates.
    std::vector<char> edited;                                  // [document]
    std::unordered_map<size_t, std::vector<Unit>> fresh;       // document -> its units now
    std::unordered_map<size_t, std::vector<uint32_t>> fresh_words;  // document -> its units' words
    std::unordered_map<size_t, std::vector<std::vector<ScoredRef>>> fresh_scored;
    std::unordered_map<size_t, std::vector<size_t>> fresh_measured;
    std::unordered_map<uint64_t, std::vector<UnitRef>> fresh_index;  // shingle -> units, in order

    // Where a unit of a document aligned again stands among its units now.
    size_t fresh_place(UnitRef r) const {
        const auto& list = fresh.at(r.document);
        return std::lower_bound(list.begin(), list.end(), r.clause,
                                [](const Unit& u, uint32_t c) { return u.clause < c; }) - list.begin();
    }
    const Unit* unit(UnitRef r) const {
        if (r.document < edited.size() && edited[r.document]) {
            const auto& list = fresh.at(r.document);
            size_t k = fresh_place(r);
            return k < list.size() && list[k].clause == r.clause ? &list[k] : nullptr;
        }
        if (r.document >= unit_of.size() || r.clause >= unit_of[r.document].size()) return nullptr;
        size_t i = unit_of[r.document][r.clause];
        return i ? &units[i - 1] : nullptr;
    }
    std::vector<ScoredRef>& scored_of(UnitRef r) {
        if (edited[r.document]) return fresh_scored.at(r.document)[fresh_place(r)];
        return scored[unit_of[r.document][r.clause] - 1];
    }
    size_t& measured_of(UnitRef r) {
        if (edited[r.document]) return fresh_measured.at(r.document)[fresh_place(r)];
        return measured[unit_of[r.document][r.clause] - 1];
    }

    size_t edited_units = 0;   // units of the full alignment in documents aligned again since

    // At least how many units hold a shingle now (the run, less every unit that may have left it).
    size_t postings_bound(uint64_t h) const {
        auto lo = std::lower_bound(index.begin(), index.end(), IndexEntry{h, 0});
        auto hi = std::upper_bound(lo, index.end(), IndexEntry{h, UINT32_MAX});
        size_t run = static_cast<size_t>(hi - lo);
        return run > edited_units ? run - edited_units : 0;
    }

    // The units holding a shingle now, in order; with `limit`, none when there are surely
    // more than that many (a run longer than the limit plus every unit that may have left it).
    std::vector<UnitRef> postings(uint64_t h, size_t limit = SIZE_MAX) const {
        std::vector<UnitRef> out;
        auto lo = std::lower_bound(index.begin(), index.end(), IndexEntry{h, 0});
        auto hi = std::upper_bound(lo, index.end(), IndexEntry{h, UINT32_MAX});
        if (limit != SIZE_MAX && static_cast<size_t>(hi - lo) > limit + edited_units) return {};
        for (auto it = lo; it != hi; ++it) {
            const Unit& u = units[it->unit];
            if (!edited[u.document]) out.push_back(ref_of(u));
        }
        auto f = fresh_index.find(h);
        if (f != fresh_index.end()) {
            std::vector<UnitRef> merged;
            merged.reserve(out.size() + f->second.size());
            std::merge(out.begin(), out.end(), f->second.begin(), f->second.end(), std::back_inserter(merged));
            out = std::move(merged);
        }
        return out;
    }

    // Postings looked up once for one update, before its clauses are measured on every core:
    // they share most shingles.
    std::unordered_map<uint64_t, std::vector<UnitRef>> postings_cache;

    std::vector<ScoredRef> score(const Unit& u, size_t& measured_count) const {
        std::vector<UnitRef> touched;
        UnitRef self = ref_of(u);
        for (uint64_t h : u.shingles) {
            auto cached = postings_cache.find(h);  // filled for every shingle before scoring
            std::vector<UnitRef> looked_up;
            if (cached == postings_cache.end()) looked_up = postings(h, options.common_shingle);
            const std::vector<UnitRef>& p = cached == postings_cache.end() ? looked_up : cached->second;
            if (p.size() > options.common_shingle) continue;
            for (UnitRef r : p)
                if (self < r && r.document != self.document && unit(r)->tier == u.tier) touched.push_back(r);
        }
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        // Each candidate's shingles lie somewhere else in memory: its unit is asked for eight
        // candidates ahead, its shingles four ahead, so that they have come when needed.
        auto shared = [&](size_t k) {
            if (k + 8 < touched.size()) __builtin_prefetch(unit(touched[k + 8]));
            if (k + 4 < touched.size()) __builtin_prefetch(unit(touched[k + 4])->shingles.data());
            return shared_shingles(u, *unit(touched[k]));
        };
        // One document's clauses against the rest: few enough that a candidate's WordBits are
        // made from its words when asked for, not kept for every unit.
        struct ReadByRef {
            const State& s;
            std::span<const uint32_t> words_of(UnitRef r) const { return s.unit(r)->words; }
            size_t size_of(UnitRef r) const { return s.unit(r)->words.size(); }
            WordBits bits_of(UnitRef r) const { return word_bits(s.unit(r)->words); }
            UnitRef ref(UnitRef r) const { return r; }
            void ask_brief(UnitRef r) const { __builtin_prefetch(s.unit(r)); }
            void ask_words(UnitRef r) const { __builtin_prefetch(s.unit(r)->words.data()); }
        };
        return score_candidates(u, touched, ReadByRef{*this}, shared, options, measured_count);
    }

    const std::vector<Unit>& units_now(size_t d, std::vector<Unit>& scratch) const {
        if (edited[d]) return fresh.at(d);
        scratch.clear();
        if (d < unit_of.size())
            for (size_t i : unit_of[d])
                if (i) scratch.push_back(units[i - 1]);
        return scratch;
    }

    // Calls f(unit) for each unit of document d as it is now, without copying them.
    template <class F>
    void for_each_unit(size_t d, F&& f) const {
        if (edited[d]) {
            for (const Unit& u : fresh.at(d)) f(u);
        } else if (d < unit_of.size()) {
            for (size_t i : unit_of[d])
                if (i) f(units[i - 1]);
        }
    }
};

Aligner::Aligner(const Corpus& corpus, const AlignOptions& options, Use use) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.options = options;
    s.use = use;
    const size_t n = corpus.documents.size();

    // The units, in document and clause order: tokens and word hashes on every core, the
    // vocabulary numbering them in order after. A batch of documents at a time, so that the
    // hashes (twice the size of the numbers) never stand for the whole collection at once.
    std::vector<Unit>& units = s.units;
    std::vector<uint32_t> words_start{0};  // [unit]: where its words start in the store; then the end
    s.unit_of.resize(n);
    // The store is reserved for as many words as the clauses could hold (a word and the space
    // after it take two characters or more): grown by doubling, it left its earlier buffers
    // resident beside it. Only the part written becomes resident.
    size_t most_words = 0;
    for (const Document& doc : corpus.documents)
        if (doc.in_collection)
            for (const Clause& c : doc.clauses) most_words += c.markdown.size() / 2 + 1;
    s.words.reserve(most_words);
    constexpr size_t kBatch = 512;
    std::vector<DocumentUnits> made;
    for (size_t first = 0; first < n; first += kBatch) {
        made.assign(std::min(kBatch, n - first), {});
        parallel_for(made.size(), [&](size_t k) { made[k] = units_of_document(corpus, first + k); });
        for (size_t k = 0; k < made.size(); ++k) {
            const size_t d = first + k;
            s.unit_of[d].assign(corpus.documents[d].clauses.size(), 0);
            for (size_t i = 0; i < made[k].units.size(); ++i) {
                Unit& u = made[k].units[i];
                number_words(made[k].words[i], s.vocabulary, s.words);
                if (s.words.size() > UINT32_MAX) throw std::length_error("align: too many words for the store");
                words_start.push_back(static_cast<uint32_t>(s.words.size()));
                s.unit_of[d][u.clause] = units.size() + 1;
                units.push_back(std::move(u));
            }
        }
    }
    release(made);
    for (size_t i = 0; i < units.size(); ++i)
        units[i].words = {s.words.data() + words_start[i], s.words.data() + words_start[i + 1]};
    // Each unit's WordBits, for the candidate loop only (16 bytes a unit, 5 MB at 10,000
    // documents).
    std::vector<WordBits> bits(units.size());
    parallel_for(units.size(), [&](size_t i) { bits[i] = word_bits(units[i].words); });

    // The inverted index: one sorted array of (shingle, unit), a shingle's postings one run of
    // it, sorted in buckets by the hash's top bits. Each core takes a range of the units,
    // counts their shingles by bucket, then writes them at its own place in each bucket, so
    // that a bucket holds its entries in unit order and the buckets need only be sorted.
    // A one-off alignment keeps no unit's shingles: it makes them again for the second pass
    // rather than hold them all beside the index (42 and 53 MB at 10,000 documents, the peak
    // of the build when they stood together), and the index, left unwritten until then,
    // becomes resident as it is filled. An aligner kept for updates keeps them for update().
    if (use == Use::updates)
        parallel_for(units.size(), [&](size_t i) { make_shingles(units[i].words, options.shingle, units[i].shingles); });
    constexpr size_t kBuckets = size_t{1} << 8;
    auto bucket_of = [](uint64_t h) { return static_cast<size_t>(h >> 56); };
    const unsigned threads = static_cast<unsigned>(std::min<size_t>(thread_count(), std::max<size_t>(units.size(), 1)));
    auto for_each_shingle = [&](size_t t, auto&& f) {
        std::vector<uint64_t> made_again;
        for (size_t i = units.size() * t / threads, end = units.size() * (t + 1) / threads; i < end; ++i) {
            if (use == Use::once) make_shingles(units[i].words, options.shingle, made_again);
            for (uint64_t h : use == Use::once ? made_again : units[i].shingles) f(i, h);
        }
    };
    std::vector<std::vector<size_t>> at(threads, std::vector<size_t>(kBuckets, 0));  // [core][bucket]
    parallel_for(threads, [&](size_t t) { for_each_shingle(t, [&](size_t, uint64_t h) { ++at[t][bucket_of(h)]; }); });
    std::vector<size_t> bucket_start(kBuckets + 1, 0);
    for (size_t b = 0; b < kBuckets; ++b) {
        size_t next = bucket_start[b];
        for (auto& counts : at) next += std::exchange(counts[b], next);
        bucket_start[b + 1] = next;
    }
    auto& index = s.index;
    index.resize(bucket_start.back());
    parallel_for(threads, [&](size_t t) {
        for_each_shingle(t, [&](size_t i, uint64_t h) { index[at[t][bucket_of(h)]++] = {h, static_cast<uint32_t>(i)}; });
    });
    release(at);
    parallel_for(kBuckets, [&](size_t b) {
        std::sort(index.begin() + static_cast<long>(bucket_start[b]), index.begin() + static_cast<long>(bucket_start[b + 1]));
    });
    // Units are in document order: the units of other documents later than unit i are those
    // from the end of its document on.
    std::vector<size_t> units_start(n + 1, 0);  // document -> its first unit
    for (const Unit& u : units) ++units_start[u.document + 1];
    for (size_t d = 0; d < n; ++d) units_start[d + 1] += units_start[d];

    // The candidate loop's postings: each shingle's run of the index with its units grouped
    // by tier (in unit order within one), so that a unit walks only its own tier's part and
    // never loads a posting's tier or document. At 100,000 documents, where 230 million
    // postings are walked, perf annotate put the loop's time on those loads.
    // Each unit's shingles as spans of the postings, found in one pass over them, so that no
    // unit searches the index: one flat array, each unit's spans a range of it. The postings
    // come first, with a mark where each shingle's run starts; a one-off alignment lets the
    // index go before the spans are made, so that the three never stand together (16, 4 and
    // 8 bytes a posting: 125 MB at 10,000 documents, the peak of the build).
    std::vector<uint8_t> unit_tiers(units.size());
    for (size_t i = 0; i < units.size(); ++i) unit_tiers[i] = static_cast<uint8_t>(units[i].tier);
    std::vector<uint32_t> spans_start(units.size() + 1, 0);
    for (const auto& entry : index) ++spans_start[entry.unit + 1];
    for (size_t i = 0; i < units.size(); ++i) spans_start[i + 1] += spans_start[i];
    // A span's end has 31 bits: some five million documents' worth of shingles.
    if (index.size() >= (size_t{1} << 31)) throw std::length_error("align: too many shingles for the candidate index");
    const size_t n_postings = index.size();
    // The postings are made in order, and a one-off alignment gives back the pages of the
    // index as it reads them: the postings' pages become resident as the index's go, so that
    // the two do not stand whole together (53 and 18 MB at 10,000 documents, the build's peak).
    std::vector<uint32_t> postings;
    postings.reserve(n_postings);
    std::vector<bool> run_starts(n_postings);
    std::vector<uint32_t> run;  // one run's units, by tier
    uintptr_t index_given = 0;
    // Where each tier's part of the run [lo, hi) of the postings starts, and the run's end.
    auto tier_starts = [&](size_t lo, size_t hi, auto unit_at) {
        std::array<uint32_t, 4> start{};
        for (size_t k = lo; k < hi; ++k) ++start[unit_tiers[unit_at(k)] + 1];
        start[0] = static_cast<uint32_t>(lo);
        for (size_t t = 1; t < start.size(); ++t) start[t] += start[t - 1];
        return start;
    };
    for (size_t lo = 0; lo < n_postings;) {
        size_t hi = lo;
        while (hi < n_postings && index[hi].shingle == index[lo].shingle) ++hi;
        run_starts[lo] = true;
        const auto start = tier_starts(lo, hi, [&](size_t k) { return index[k].unit; });
        std::array<uint32_t, 3> put{0, start[1] - start[0], start[2] - start[0]};
        run.resize(hi - lo);
        for (size_t k = lo; k < hi; ++k) run[put[unit_tiers[index[k].unit]]++] = index[k].unit;
        postings.insert(postings.end(), run.begin(), run.end());
        if (use == Use::once) give_back_read(index, hi, index_given);
        lo = hi;
    }
    // A one-off alignment has no more use for the index.
    if (use == Use::once) release(index);
    // Each core writes the spans of its own range of units, walking every run: the writes,
    // scattered over the whole array, are what this step costs (26 times as long for 100,000
    // documents as for 10,000), and they are shared out.
    std::vector<PostingSpan> spans(n_postings);
    parallel_for(threads, [&](size_t t) {
        const size_t first = units.size() * t / threads, last = units.size() * (t + 1) / threads;
        std::vector<uint32_t> fill(spans_start.begin() + static_cast<long>(first),
                                   spans_start.begin() + static_cast<long>(last));
        for (size_t lo = 0; lo < n_postings;) {
            size_t hi = lo + 1;
            while (hi < n_postings && !run_starts[hi]) ++hi;
            std::optional<std::array<uint32_t, 4>> start;  // made for the first unit of the range met
            const bool common = hi - lo > options.common_shingle;
            for (size_t k = lo; k < hi; ++k) {
                const uint32_t j = postings[k];
                if (j < first || j >= last) continue;
                if (!start) start = tier_starts(lo, hi, [&](size_t x) { return postings[x]; });
                const uint32_t tier = unit_tiers[j];
                spans[fill[j - first]++] = {(*start)[tier], (*start)[tier + 1], common};
            }
            lo = hi;
        }
    });
    release(run_starts);
    release(unit_tiers);

    // Candidates, then pairs. A unit scores only later units, of later documents, so all the
    // entries of a pair of documents come from the units of its first document: each
    // document's units are scored, and the document paired with the later ones they found,
    // in one go on one core (documents strided over the cores, each thread with its own
    // table). Only an aligner kept for updates keeps every unit's scores.
    if (use == Use::updates) s.scored.resize(units.size());
    s.measured.assign(units.size(), 0);
    auto lookup = [&](UnitRef r) { return &units[s.unit_of[r.document][r.clause] - 1]; };
    auto unit_at = [&](size_t d, size_t c) -> const Unit* {
        size_t i = s.unit_of[d][c];
        return i ? &units[i - 1] : nullptr;
    };
    std::vector<std::vector<DocumentAlignment>> paired(n);  // by first document, then second
    // A unit's spans are read once, when it is scored: what every core has gone past is given
    // back as the pairs grow (36 MB of spans at 10,000 documents; with the pairs they were
    // the peak of the build). Each core's document, which it and every later one of its own
    // are at or after.
    std::vector<std::atomic<size_t>> at_document(threads);
    for (auto& a : at_document) a.store(0);
    std::mutex giving_back;
    uintptr_t spans_given = 0;
    auto give_back_spans = [&] {
        std::unique_lock lock(giving_back, std::try_to_lock);
        if (!lock) return;
        size_t low = n;
        for (const auto& a : at_document) low = std::min(low, a.load(std::memory_order_acquire));
        give_back_read(spans, spans_start[units_start[low]], spans_given);
    };
    parallel_for(threads, [&](size_t t) {
        CandidateCounts counts;
        std::vector<uint32_t> touched;  // units, by index: their order is the order of their refs
        std::vector<uint32_t> shared;   // [k]: the shingles of touched[k] met in the walk
        std::vector<const PostingSpan*> common;
        auto score = [&](size_t i) {
            const auto* first_span = spans.data() + spans_start[i];
            const auto* last_span = spans.data() + spans_start[i + 1];
            const uint32_t later = static_cast<uint32_t>(units_start[units[i].document + 1]);
            size_t most = 0;
            for (const auto* span = first_span; span != last_span; ++span)
                if (!span->common) most += span->hi - span->lo;
            counts.start(most);
            common.clear();
            for (const auto* span = first_span; span != last_span; ++span) {
                // Each span starts somewhere else in a large array: ask for the next ones early.
                if (span + 4 < last_span) __builtin_prefetch(&postings[span[4].lo]);
                if (span->common) {
                    common.push_back(span);
                    continue;
                }
                const auto hi = postings.begin() + span->hi;
                for (auto it = std::lower_bound(postings.begin() + span->lo, hi, later); it != hi; ++it) counts.add(*it);
            }
            counts.take(touched, shared);
            // The shingles shared in all: those walked, and the common ones the candidate holds,
            // counted for all candidates at the first asking (score_candidates asks only when it
            // cuts them to the most shared).
            bool common_counted = false;
            auto shared_with = [&](size_t k) {
                if (!common_counted) {
                    for (const PostingSpan* span : common)
                        count_held(postings.data() + span->lo, postings.data() + span->hi, touched, shared);
                    common_counted = true;
                }
                return shared[k];
            };
            return score_candidates(units[i], touched, ReadByIndex{units, s.words, words_start, bits}, shared_with, options,
                                    s.measured[i]);
        };
        struct Keyed {
            uint32_t b;  // the second document
            Entry e;
        };
        std::vector<Keyed> keyed;
        std::vector<Entry> entries;
        for (size_t a = t; a < n; a += threads) {
            at_document[t].store(a, std::memory_order_release);
            if (a / threads % 64 == 0) give_back_spans();
            keyed.clear();
            for (size_t i = units_start[a]; i < units_start[a + 1]; ++i) {
                std::vector<ScoredRef> scored = score(i);
                for (const ScoredRef& e : scored) {
                    const Unit& v = *lookup(e.v);
                    keyed.push_back({v.document, {units[i].clause, v.clause, units[i].position, v.position, e.similarity}});
                }
                if (use == Use::updates) s.scored[i] = std::move(scored);
            }
            std::sort(keyed.begin(), keyed.end(), [](const Keyed& x, const Keyed& y) {
                if (x.b != y.b) return x.b < y.b;
                return entry_before(x.e, y.e);
            });
            for (size_t lo = 0, hi; lo < keyed.size(); lo = hi) {
                entries.clear();
                for (hi = lo; hi < keyed.size() && keyed[hi].b == keyed[lo].b; ++hi) entries.push_back(keyed[hi].e);
                paired[a].push_back(pair_documents(corpus, a, keyed[lo].b, entries, unit_at));
            }
        }
        at_document[t].store(n, std::memory_order_release);
    });
    release(spans);
    release(spans_start);
    release(postings);
    release(words_start);
    release(bits);
    for (size_t i = 0; i < units.size(); ++i) s.alignment.scored += s.measured[i];
    size_t pairs = 0;
    for (const auto& list : paired) pairs += list.size();
    s.alignment.pairs.reserve(pairs);
    for (auto& list : paired)
        for (auto& p : list) s.alignment.pairs.push_back(std::move(p));
    release(paired);
    if (use == Use::once) {
        // Paired: the links come from the pairs alone.
        release(units);
        release(s.words);
        release(s.unit_of);
        s.vocabulary = {};
        release(s.scored);
        release(s.measured);
    }

    s.alignment.index_pairs(n);
    s.edited.assign(n, 0);
}

Aligner::~Aligner() = default;

const Alignment& Aligner::alignment() const { return state_->alignment; }

Alignment Aligner::take() && { return std::move(state_->alignment); }

std::vector<size_t> Aligner::update(const Corpus& corpus, const std::vector<size_t>& documents,
                                    std::vector<std::pair<size_t, size_t>>* paired) {
    State& s = *state_;
    if (s.use == Use::once) throw std::logic_error("Aligner::update on an aligner made to align once");
    std::set<std::pair<size_t, size_t>> pairs;   // the pairs of documents to pair again
    std::set<size_t> relinked;
    for (size_t d : documents) {
        if (d >= s.edited.size()) continue;
        relinked.insert(d);
        std::vector<Unit> scratch;
        std::vector<Unit> before = s.units_now(d, scratch);
        // The document's units now, their words numbered in the vocabulary kept.
        DocumentUnits made = units_of_document(corpus, d);
        std::vector<uint32_t> words;  // the store of their words
        std::vector<size_t> words_start{0};
        for (const auto& hashes : made.words) {
            number_words(hashes, s.vocabulary, words);
            words_start.push_back(words.size());
        }
        std::vector<Unit> after;
        for (size_t k = 0; k < made.units.size(); ++k) {
            Unit& u = made.units[k];
            u.words = {words.data() + words_start[k], words.data() + words_start[k + 1]};
            make_shingles(u.words, s.options.shingle, u.shingles);
            after.push_back(std::move(u));
        }
        // What the old units had scored goes; so does what was scored against them (below).
        if (s.edited[d]) {
            for (const Unit& u : before)
                for (uint64_t h : u.shingles) {
                    auto& p = s.fresh_index[h];
                    p.erase(std::remove(p.begin(), p.end(), ref_of(u)), p.end());
                    if (p.empty()) s.fresh_index.erase(h);
                }
        }
        for (const Unit& u : before) {
            for (const ScoredRef& e : s.scored_of(ref_of(u))) pairs.insert({d, e.v.document});
            s.alignment.scored -= s.measured_of(ref_of(u));
        }
        if (!s.edited[d] && d < s.unit_of.size())
            for (size_t i : s.unit_of[d]) s.edited_units += i != 0;
        s.edited[d] = 1;
        s.fresh[d] = std::move(after);
        // The words of the units before stay until this document is done (the vector moves, the
        // words do not): `before` still views them.
        std::vector<uint32_t> words_before = std::exchange(s.fresh_words[d], std::move(words));
        s.fresh_scored[d].assign(s.fresh[d].size(), {});
        s.fresh_measured[d].assign(s.fresh[d].size(), 0);
        for (const Unit& u : s.fresh[d])
            for (uint64_t h : u.shingles) {
                auto& p = s.fresh_index[h];
                p.insert(std::upper_bound(p.begin(), p.end(), ref_of(u)), ref_of(u));
            }

        // The units whose candidates may differ: those holding a shingle the document held or
        // holds, unless it was too common both before and now; and the document's own.
        std::map<uint64_t, size_t> had, has;   // shingle -> the document's units holding it
        for (const Unit& u : before)
            for (uint64_t h : u.shingles) ++had[h];
        for (const Unit& u : s.fresh[d])
            for (uint64_t h : u.shingles) ++has[h];
        std::set<UnitRef> affected;
        for (const Unit& u : s.fresh[d]) affected.insert(ref_of(u));
        std::set<uint64_t> all;
        for (const auto& [h, k] : had) all.insert(h);
        for (const auto& [h, k] : has) all.insert(h);
        for (uint64_t h : all) {
            size_t gained = has.count(h) ? has[h] : 0, lost = had.count(h) ? had[h] : 0;
            // Surely too common both before and now: no candidate comes from it either way.
            size_t least = s.postings_bound(h);
            if (least > s.options.common_shingle && least + lost > s.options.common_shingle + gained) continue;
            std::vector<UnitRef> p = s.postings(h);
            size_t now = p.size(), then = now - gained + lost;
            if (now > s.options.common_shingle && then > s.options.common_shingle) continue;
            affected.insert(p.begin(), p.end());
        }
        // Measured again on every core: the postings they read are looked up first, once.
        std::vector<UnitRef> todo(affected.begin(), affected.end());
        s.postings_cache.clear();
        std::vector<uint64_t> wanted;
        for (UnitRef r : todo) wanted.insert(wanted.end(), s.unit(r)->shingles.begin(), s.unit(r)->shingles.end());
        std::sort(wanted.begin(), wanted.end());
        wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
        std::vector<std::vector<UnitRef>> found(wanted.size());
        parallel_for(wanted.size(), [&](size_t i) { found[i] = s.postings(wanted[i], s.options.common_shingle); });
        s.postings_cache.reserve(wanted.size());
        for (size_t i = 0; i < wanted.size(); ++i) s.postings_cache.emplace(wanted[i], std::move(found[i]));
        std::vector<std::vector<ScoredRef>> now(todo.size());
        std::vector<size_t> measured_now(todo.size(), 0);
        parallel_for(todo.size(), [&](size_t i) { now[i] = s.score(*s.unit(todo[i]), measured_now[i]); });
        for (size_t i = 0; i < todo.size(); ++i) {
            UnitRef r = todo[i];
            auto& list = s.scored_of(r);
            size_t& measured = s.measured_of(r);
            s.alignment.scored -= r.document == d ? 0 : measured;
            measured = measured_now[i];
            s.alignment.scored += measured;
            // The edited document is paired again with every text it shares language with (its
            // clauses' words, marks and places changed); two other texts only where a clause of
            // one was scored differently against the other (both lists are in unit order).
            auto by_unit = [](const ScoredRef& x, const ScoredRef& y) {
                return x.v != y.v ? x.v < y.v : x.similarity < y.similarity;
            };
            std::vector<ScoredRef> differ;
            std::set_symmetric_difference(list.begin(), list.end(), now[i].begin(), now[i].end(),
                                          std::back_inserter(differ), by_unit);
            for (const ScoredRef& e : differ) pairs.insert({r.document, e.v.document});
            for (const auto* l : {&list, &now[i]})
                for (const ScoredRef& e : *l)
                    if (r.document == d || e.v.document == d) pairs.insert({r.document, e.v.document});
            list = std::move(now[i]);
        }
    }

    s.postings_cache.clear();
    // The pairs of documents again, from all their units' scored candidates.
    auto unit_at = [&](size_t doc, size_t c) { return s.unit({static_cast<uint32_t>(doc), static_cast<uint32_t>(c)}); };
    bool moved = false;
    for (const auto& pair : pairs) {
        // Named apart from the pair: a lambda below captures them, which a structured binding
        // allows only from C++20 on, and not in every compiler (clang 14 refuses it).
        size_t a = std::min(pair.first, pair.second), b = std::max(pair.first, pair.second);
        std::vector<Entry> entries;
        s.for_each_unit(a, [&](const Unit& u) {
            for (const ScoredRef& e : s.scored_of(ref_of(u)))
                if (e.v.document == b) {
                    const Unit& v = *s.unit(e.v);
                    entries.push_back({u.clause, v.clause, u.position, v.position, e.similarity});
                }
        });
        auto& all = s.alignment.pairs;
        auto it = std::lower_bound(all.begin(), all.end(), std::pair{a, b},
                                   [](const DocumentAlignment& p, const std::pair<size_t, size_t>& k) {
                                       return std::pair{p.a, p.b} < k;
                                   });
        bool present = it != all.end() && it->a == a && it->b == b;
        if (entries.empty()) {
            if (!present) continue;
            all.erase(it);
            moved = true;
        } else {
            std::sort(entries.begin(), entries.end(), entry_before);
            DocumentAlignment p = pair_documents(corpus, a, b, entries, unit_at);
            auto same = [](const ClauseMatch& x, const ClauseMatch& y) {
                return x.a == y.a && x.b == y.b && x.similarity == y.similarity && x.verbatim == y.verbatim;
            };
            if (present && std::equal(p.matches.begin(), p.matches.end(), it->matches.begin(), it->matches.end(), same))
                continue;  // measured again, paired the same
            if (present) {
                *it = std::move(p);
            } else {
                all.insert(it, std::move(p));
                moved = true;
            }
        }
        relinked.insert(a);
        relinked.insert(b);
        if (paired) paired->push_back({a, b});
    }

    // A pair made or let go moves the pairs after it.
    if (moved) s.alignment.index_pairs(corpus.documents.size());
    return {relinked.begin(), relinked.end()};
}

Alignment align_corpus(const Corpus& corpus, const AlignOptions& options) {
    return Aligner(corpus, options, Aligner::Use::once).take();
}

}  // namespace resgen
