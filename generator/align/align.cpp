#include "align/align.hpp"

#include "align/lcs.hpp"
#include "parallel/parallel.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace resgen {

namespace {

// Clauses are only paired with clauses of the same tier: a preambular paragraph with a
// preambular paragraph, a sub-paragraph with a sub-paragraph.
int tier(ClauseKind k) {
    switch (k) {
        case ClauseKind::preambular: return 0;
        case ClauseKind::operative: return 1;
        default: return 2;
    }
}

// One clause that carries language, with its words as ids into the vocabulary.
struct Unit {
    size_t document = 0, clause = 0;
    size_t position = 0;                 // among the document's units
    int tier = 0;
    uint64_t text = 0;                   // a hash of its tokens: two clauses word for word the same
    std::vector<uint32_t> words;         // without function words
};

uint64_t fnv1a_bytes(uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t fnv1a(const uint32_t* w, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; ++i)
        for (int b = 0; b < 4; ++b) {
            h ^= (w[i] >> (8 * b)) & 0xff;
            h *= 1099511628211ull;
        }
    return h;
}

double word_similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) { return lcs_similarity(a, b); }


struct Scored {
    size_t u = 0, v = 0;   // unit indices, u < v
    double similarity = 0;
};

}  // namespace

bool carries_language(const Clause& c) {
    return c.kind == ClauseKind::preambular || c.kind == ClauseKind::operative || c.kind == ClauseKind::subparagraph;
}

std::vector<Token> clause_tokens(const Clause& c) {
    std::vector<Token> t = tokenize(c.plain);
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
    return t;
}

const DocumentAlignment* Alignment::find(size_t a, size_t b) const {
    if (a > b) std::swap(a, b);
    auto it = std::lower_bound(pairs.begin(), pairs.end(), std::pair{a, b},
                               [](const DocumentAlignment& p, const std::pair<size_t, size_t>& k) {
                                   return std::pair{p.a, p.b} < k;
                               });
    return it != pairs.end() && it->a == a && it->b == b ? &*it : nullptr;
}

const std::vector<ClauseLink>& Alignment::links_of(size_t document, size_t clause) const {
    static const std::vector<ClauseLink> none;
    if (document >= links.size() || clause >= links[document].size()) return none;
    return links[document][clause];
}

Alignment align_corpus(const Corpus& corpus, const AlignOptions& options) {
    // The units, in document and clause order, their words interned. Tokens and words are
    // made on every core, one document at a time; the vocabulary is filled in order after.
    // Words are hashed (64 bits) on every core; the vocabulary then numbers the hashes in
    // order. Two clauses are the same word for word when the hashes of their tokens agree.
    std::vector<std::vector<Unit>> units_of(corpus.documents.size());
    std::vector<std::vector<std::vector<uint64_t>>> hashes_of(corpus.documents.size());
    parallel_for(corpus.documents.size(), [&](size_t d) {
        const Document& doc = corpus.documents[d];
        if (!doc.in_collection) return;
        size_t position = 0;
        for (size_t c = 0; c < doc.clauses.size(); ++c) {
            if (!carries_language(doc.clauses[c])) continue;
            std::vector<Token> tokens = clause_tokens(doc.clauses[c]);
            Unit u{d, c, position++, tier(doc.clauses[c].kind), 1469598103934665603ull, {}};
            for (const auto& t : tokens) u.text = fnv1a_bytes(fnv1a_bytes(u.text, t.text), std::string_view("\0", 1));
            std::vector<uint64_t> words;
            for (const auto& w : words_of(tokens))
                if (!is_function_word(w)) words.push_back(fnv1a_bytes(1469598103934665603ull, w));
            if (words.empty()) continue;
            units_of[d].push_back(std::move(u));
            hashes_of[d].push_back(std::move(words));
        }
    });
    std::vector<Unit> units;
    std::unordered_map<uint64_t, uint32_t> vocabulary;
    std::vector<std::vector<size_t>> unit_of(corpus.documents.size());  // [document][clause] -> unit + 1
    for (size_t d = 0; d < corpus.documents.size(); ++d) {
        unit_of[d].assign(corpus.documents[d].clauses.size(), 0);
        for (size_t k = 0; k < units_of[d].size(); ++k) {
            Unit& u = units_of[d][k];
            u.words.reserve(hashes_of[d][k].size());
            for (uint64_t w : hashes_of[d][k])
                u.words.push_back(vocabulary.emplace(w, static_cast<uint32_t>(vocabulary.size())).first->second);
            unit_of[d][u.clause] = units.size() + 1;
            units.push_back(std::move(u));
        }
    }
    units_of = {};
    hashes_of = {};

    // The inverted index: shingle -> the units holding it, each once, in unit order. One
    // sorted array of (shingle, unit): a shingle's postings are one run of it.
    std::vector<std::vector<uint64_t>> shingles(units.size());
    parallel_for(units.size(), [&](size_t i) {
        const auto& w = units[i].words;
        size_t k = std::min(options.shingle, w.size());
        for (size_t s = 0; s + k <= w.size(); ++s) shingles[i].push_back(fnv1a(&w[s], k));
        std::sort(shingles[i].begin(), shingles[i].end());
        shingles[i].erase(std::unique(shingles[i].begin(), shingles[i].end()), shingles[i].end());
    });
    // Sorted in buckets by the hash's top bits, the buckets on every core.
    constexpr int kBucketBits = 8;
    std::vector<size_t> bucket_start((1 << kBucketBits) + 1, 0);
    for (size_t i = 0; i < units.size(); ++i)
        for (uint64_t h : shingles[i]) ++bucket_start[(h >> (64 - kBucketBits)) + 1];
    for (size_t b = 1; b < bucket_start.size(); ++b) bucket_start[b] += bucket_start[b - 1];
    std::vector<std::pair<uint64_t, uint32_t>> index(bucket_start.back());
    {
        std::vector<size_t> fill(bucket_start.begin(), bucket_start.end() - 1);
        for (size_t i = 0; i < units.size(); ++i)
            for (uint64_t h : shingles[i]) index[fill[h >> (64 - kBucketBits)]++] = {h, static_cast<uint32_t>(i)};
    }
    parallel_for(size_t{1} << kBucketBits, [&](size_t b) {
        std::sort(index.begin() + static_cast<long>(bucket_start[b]), index.begin() + static_cast<long>(bucket_start[b + 1]));
    });
    // Each unit's shingles as [begin, end) runs of the index, found in one pass over it, so
    // that no unit searches the index.
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> runs(units.size());
    for (size_t lo = 0; lo < index.size();) {
        size_t hi = lo;
        while (hi < index.size() && index[hi].first == index[lo].first) ++hi;
        for (size_t k = lo; k < hi; ++k) runs[index[k].second].push_back({static_cast<uint32_t>(lo), static_cast<uint32_t>(hi)});
        lo = hi;
    }

    // Candidates: later units of other documents sharing a shingle that is not too common.
    // Each unit's candidates are found and measured on its own, so the units are spread over
    // the cores (strided, each thread with its own marks) and their results kept in its slot.
    std::vector<std::vector<Scored>> scored_of(units.size());
    std::vector<size_t> measured_of(units.size(), 0);
    const unsigned threads = static_cast<unsigned>(std::min<size_t>(thread_count(), std::max<size_t>(units.size(), 1)));
    parallel_for(threads, [&](size_t t) {
        std::vector<uint32_t> seen(units.size(), 0);
        std::vector<uint32_t> touched;
        std::vector<std::pair<uint32_t, uint32_t>> by_shared;  // (shared shingles, unit)
        for (size_t i = t; i < units.size(); i += threads) {
            touched.clear();
            for (auto [run_lo, run_hi] : runs[i]) {
                if (run_hi - run_lo > options.common_shingle) continue;
                auto lo = index.begin() + run_lo, hi = index.begin() + run_hi;
                auto from = std::upper_bound(lo, hi, std::pair<uint64_t, uint32_t>{lo->first, static_cast<uint32_t>(i)});
                for (auto it = from; it != hi; ++it) {
                    uint32_t j = it->second;
                    const Unit& v = units[j];
                    if (v.document == units[i].document || v.tier != units[i].tier) continue;
                    if (seen[j] != i + 1) {
                        seen[j] = static_cast<uint32_t>(i + 1);
                        touched.push_back(j);
                    }
                }
            }
            // Score only the candidates sharing the most shingles: a clause of agreed language
            // repeated across a large collection would otherwise be measured against all of them.
            if (touched.size() > options.candidates) {
                by_shared.clear();
                for (uint32_t j : touched) {
                    uint32_t shared = 0;
                    auto a = shingles[i].begin(), b = shingles[j].begin();
                    while (a != shingles[i].end() && b != shingles[j].end()) {
                        if (*a < *b) ++a;
                        else if (*b < *a) ++b;
                        else ++shared, ++a, ++b;
                    }
                    by_shared.push_back({shared, j});
                }
                std::partial_sort(by_shared.begin(), by_shared.begin() + options.candidates, by_shared.end(),
                                  [](auto x, auto y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
                touched.clear();
                for (size_t k = 0; k < options.candidates; ++k) touched.push_back(by_shared[k].second);
            }
            std::sort(touched.begin(), touched.end());
            measured_of[i] = touched.size();
            const auto& wi = units[i].words;
            const LcsPattern pattern(wi);
            for (uint32_t j : touched) {
                const auto& wj = units[j].words;
                double total = static_cast<double>(wi.size() + wj.size());
                // No pair can share more than the shorter clause: skip those that cannot reach
                // the threshold whatever their order.
                if (2.0 * static_cast<double>(std::min(wi.size(), wj.size())) < options.threshold * total) continue;
                double s = 2.0 * static_cast<double>(pattern.lcs(wj)) / total;
                if (s >= options.threshold) scored_of[i].push_back({i, j, s});
            }
        }
    });
    std::vector<Scored> scored;
    size_t measured = 0;
    for (size_t i = 0; i < units.size(); ++i) {
        measured += measured_of[i];
        scored.insert(scored.end(), scored_of[i].begin(), scored_of[i].end());
    }
    scored_of = {};

    // Per two documents, the best pairs first, one to one. Ties go to the pair closer in
    // position, then to the earlier clauses, so that the result does not depend on order.
    std::sort(scored.begin(), scored.end(), [&](const Scored& x, const Scored& y) {
        const Unit &xu = units[x.u], &xv = units[x.v], &yu = units[y.u], &yv = units[y.v];
        if (xu.document != yu.document) return xu.document < yu.document;
        if (xv.document != yv.document) return xv.document < yv.document;
        if (x.similarity != y.similarity) return x.similarity > y.similarity;
        auto dist = [](size_t p, size_t q) { return p > q ? p - q : q - p; };
        size_t dx = dist(xu.position, xv.position), dy = dist(yu.position, yv.position);
        if (dx != dy) return dx < dy;
        return std::pair{x.u, x.v} < std::pair{y.u, y.v};
    });
    Alignment result;
    result.scored = measured;
    for (size_t i = 0; i < scored.size();) {
        size_t da = units[scored[i].u].document, db = units[scored[i].v].document;
        const Document &A = corpus.documents[da], &B = corpus.documents[db];
        std::vector<bool> used_a(A.clauses.size()), used_b(B.clauses.size());
        DocumentAlignment pair{da, db, {}};
        auto add = [&](size_t ca, size_t cb, double s) {
            used_a[ca] = used_b[cb] = true;
            bool verbatim = units[unit_of[da][ca] - 1].text == units[unit_of[db][cb] - 1].text;
            pair.matches.push_back({ca, cb, s, verbatim});
        };
        for (; i < scored.size() && units[scored[i].u].document == da && units[scored[i].v].document == db; ++i) {
            size_t ca = units[scored[i].u].clause, cb = units[scored[i].v].clause;
            if (!used_a[ca] && !used_b[cb]) add(ca, cb, scored[i].similarity);
        }
        // Sub-paragraphs left over under two paired paragraphs, under the same letter, are
        // the same item of the list rewritten ("(d) Crisis management" -> "(d) Response to
        // and management of crises").
        size_t paired = pair.matches.size();
        for (size_t m = 0; m < paired; ++m) {
            const Clause &pa = A.clauses[pair.matches[m].a], &pb = B.clauses[pair.matches[m].b];
            if (pa.kind != ClauseKind::operative || pb.kind != ClauseKind::operative) continue;
            for (size_t ca = 0; ca < A.clauses.size(); ++ca) {
                const Clause& sa = A.clauses[ca];
                if (sa.kind != ClauseKind::subparagraph || sa.parent != pa.anchor || used_a[ca] || !unit_of[da][ca]) continue;
                for (size_t cb = 0; cb < B.clauses.size(); ++cb) {
                    const Clause& sb = B.clauses[cb];
                    if (sb.kind != ClauseKind::subparagraph || sb.parent != pb.anchor || used_b[cb] ||
                        !unit_of[db][cb] || sb.number != sa.number)
                        continue;
                    add(ca, cb, word_similarity(units[unit_of[da][ca] - 1].words, units[unit_of[db][cb] - 1].words));
                    break;
                }
            }
        }
        std::sort(pair.matches.begin(), pair.matches.end(),
                  [](const ClauseMatch& x, const ClauseMatch& y) { return x.a < y.a; });
        result.pairs.push_back(std::move(pair));
    }

    result.links.resize(corpus.documents.size());
    for (size_t d = 0; d < corpus.documents.size(); ++d) result.links[d].resize(corpus.documents[d].clauses.size());
    for (const auto& p : result.pairs)
        for (const auto& m : p.matches) {
            result.links[p.a][m.a].push_back({p.b, m.b, m.similarity, m.verbatim});
            result.links[p.b][m.b].push_back({p.a, m.a, m.similarity, m.verbatim});
        }
    for (auto& doc : result.links)
        for (auto& l : doc)
            std::sort(l.begin(), l.end(), [](const ClauseLink& x, const ClauseLink& y) {
                return std::pair{x.document, x.clause} < std::pair{y.document, y.clause};
            });
    return result;
}

}  // namespace resgen
