// Two documents' texts side by side, clause by clause.
#include <algorithm>

#include "align/align.hpp"

namespace resgen {

Comparison compare_documents(const Corpus& corpus, const Alignment& alignment, size_t before, size_t after,
                             bool diffs) {
    Comparison cmp;
    cmp.before = before;
    cmp.after = after;
    const Document &A = corpus.documents[before], &B = corpus.documents[after];
    std::vector<std::optional<size_t>> match_of_b(B.clauses.size());
    std::vector<std::optional<double>> sim_of_b(B.clauses.size());
    std::vector<bool> verbatim_b(B.clauses.size());
    std::vector<bool> matched_a(A.clauses.size());
    if (const DocumentAlignment* p = alignment.find(before, after)) {
        bool swapped = p->a != before;
        for (const auto& m : p->matches) {
            size_t ca = swapped ? m.b : m.a, cb = swapped ? m.a : m.b;
            match_of_b[cb] = ca;
            sim_of_b[cb] = m.similarity;
            verbatim_b[cb] = m.verbatim;
            matched_a[ca] = true;
        }
    }
    // Dropped clauses of the earlier text come after the row of the clause they followed.
    size_t next_a = 0;
    auto drop_until = [&](size_t end) {
        for (; next_a < end; ++next_a) {
            if (!carries_language(A.clauses[next_a]) || matched_a[next_a]) continue;
            cmp.rows.push_back({Change::dropped, next_a, std::nullopt, 0, {}});
            ++cmp.dropped;
        }
    };
    for (size_t cb = 0; cb < B.clauses.size(); ++cb) {
        if (!carries_language(B.clauses[cb])) continue;
        if (!match_of_b[cb]) {
            cmp.rows.push_back({Change::added, std::nullopt, cb, 0, {}});
            ++cmp.added;
            continue;
        }
        size_t ca = *match_of_b[cb];
        drop_until(ca);
        next_a = std::max(next_a, ca + 1);
        CompareRow row{Change::unchanged, ca, cb, *sim_of_b[cb], {}};
        // The same tokens (ClauseMatch::verbatim) is a diff with nothing but common spans.
        bool same = verbatim_b[cb];
        if (diffs && !same) {
            ClauseWords a = clause_words(A.clauses[ca]), b = clause_words(B.clauses[cb]);
            row.diff = diff_tokens(a.tokens, b.tokens);
            cmp.words.push_back(std::move(a));
            cmp.words.push_back(std::move(b));
        }
        row.change = same ? Change::unchanged : Change::amended;
        ++(same ? cmp.unchanged : cmp.amended);
        cmp.rows.push_back(std::move(row));
    }
    drop_until(A.clauses.size());
    return cmp;
}

std::string summary_of(const Comparison& c) {
    return std::to_string(c.unchanged) + (c.unchanged == 1 ? " paragraph" : " paragraphs") + " unchanged, " +
           std::to_string(c.amended) + " amended, " + std::to_string(c.added) + " new, " + std::to_string(c.dropped) +
           " dropped";
}

}  // namespace resgen
