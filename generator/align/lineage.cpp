// Lineage a document's text shows but its front matter does not state.
#include <algorithm>

#include "align/align.hpp"

namespace resgen {

namespace {

// The mean similarity, both ways, from which one text reads as the other's draft. A draft
// and its resolution in the seeds score 0.91; a resolution and the next one of the series,
// which carries much of its language, 0.67 and 0.46 (tests/align_test.cpp "[.dump]").
constexpr double kLargely = 0.8;

std::string when(const Document& d) {
    if (!d.meta.date.empty()) return d.meta.date;
    int y = year_of(d);
    return y ? std::to_string(y) : "";
}

size_t units_of(const Document& d) {
    return static_cast<size_t>(std::count_if(d.clauses.begin(), d.clauses.end(), carries_language));
}

}  // namespace

Diagnostics suggest_lineage(const Corpus& corpus, const Alignment& alignment) {
    Diagnostics notes;
    // A document looks at its own pairs: scanning every pair for every document took 4.4
    // billion steps at 10,000 documents.
    for (size_t d = 0; d < corpus.documents.size(); ++d) {
        const Document& doc = corpus.documents[d];
        size_t total = units_of(doc);
        if (!doc.in_collection || !doc.meta.adopted_as.empty() || total == 0 || when(doc).empty()) continue;
        // The later document of another organ that carries most of this text.
        const DocumentAlignment* best = nullptr;
        double best_share = 0;
        for (uint32_t i : alignment.pairs_of(d)) {
            const DocumentAlignment& p = alignment.pairs[i];
            const Document& other = corpus.documents[p.a == d ? p.b : p.a];
            if (other.meta.body == doc.meta.body || when(other).empty() || when(other) <= when(doc)) continue;
            double sum = 0;
            for (const auto& m : p.matches) sum += m.similarity;
            double share = std::min(sum / static_cast<double>(total), sum / static_cast<double>(units_of(other)));
            if (share >= kLargely && share > best_share) {
                best = &p;
                best_share = share;
            }
        }
        if (!best) continue;
        const Document& other = corpus.documents[best->a == d ? best->b : best->a];
        size_t verbatim = static_cast<size_t>(
            std::count_if(best->matches.begin(), best->matches.end(), [](const ClauseMatch& m) { return m.verbatim; }));
        notes.push_back({Severity::note, doc.path, 1, 1,
                         std::to_string(best->matches.size()) + " of the " + std::to_string(total) +
                             " paragraphs of this text are carried in " + other.key + " (" + other.meta.body +
                             ", " + when(other) + "), " + std::to_string(verbatim) +
                             " word for word: it is probably its draft or the recommendation of it; if so, state "
                             "`adopted_as: " + other.key + "`"});
    }
    return notes;
}

}  // namespace resgen
