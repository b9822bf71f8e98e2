#include "resolve/corpus.hpp"

#include <algorithm>
#include <set>

#include "model/organ.hpp"

namespace resgen {

namespace {

std::string kind_of_symbol(const std::string& key) {
    if (key.rfind("UNTS/", 0) == 0) return "treaty";
    if (key.find("/RES/") != std::string::npos) return "resolution";
    return "document";
}

// A page for a document the collection cites but does not hold. It states only what the
// symbol says; what the citing texts say of it is shown from the references.
Document stub(const std::string& key) {
    Document d;
    d.key = key;
    d.in_collection = false;
    d.meta.kind = kind_of_symbol(key);
    if (d.meta.kind == "treaty") {
        auto a = key.find('/', 5);
        d.meta.title = "United Nations, Treaty Series, vol. " + key.substr(5, a - 5) + ", No. " +
                       key.substr(a + 1);
    } else {
        d.meta.symbol = key;
        if (const Organ* o = organ_of_symbol(key)) d.meta.body = o->name;
    }
    return d;
}

// Sorts documents by sorting their indices, then moving each document once: a Document is
// large, and sorting the vector itself moved each one many times.
template <class Less>
void sort_by(std::vector<Document>& documents, Less less) {
    std::vector<size_t> order(documents.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return less(documents[a], documents[b]); });
    std::vector<Document> sorted;
    sorted.reserve(documents.size());
    for (size_t i : order) sorted.push_back(std::move(documents[i]));
    documents = std::move(sorted);
}

// The date and title the citing texts give, when they all agree.
void harvest(Corpus& corpus, Document& d) {
    auto it = corpus.cited_by.find(d.key);
    if (it == corpus.cited_by.end()) return;
    std::set<std::string> dates, titles;
    for (const auto& r : it->second) {
        const Citation& c = corpus.citation(r);
        if (!c.date.empty()) dates.insert(c.date);
        if (!c.title.empty()) titles.insert(c.title);
    }
    if (dates.size() == 1) d.meta.date = *dates.begin();
    if (titles.size() == 1) d.meta.title = *titles.begin();
}

}  // namespace

int year_of(const Document& doc) {
    if (doc.meta.date.size() >= 4) return std::stoi(doc.meta.date.substr(0, 4));
    // E/RES/2009/24, E/CN.15/2004/7: a four-digit segment that is a plausible year.
    const std::string& s = doc.meta.symbol;
    size_t start = 0;
    while (start < s.size()) {
        size_t slash = s.find('/', start);
        std::string seg = s.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg.size() == 4 && std::all_of(seg.begin(), seg.end(), ::isdigit)) {
            int y = std::stoi(seg);
            if (y >= 1945 && y <= 2100) return y;
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return 0;
}

Corpus resolve(std::vector<Document> documents, Diagnostics& diags) {
    Corpus corpus;
    sort_by(documents, [](const Document& a, const Document& b) {
        return a.key < b.key || (a.key == b.key && a.path < b.path);
    });
    // One key, one document.
    for (size_t i = 1; i < documents.size(); ++i) {
        if (!documents[i].key.empty() && documents[i].key == documents[i - 1].key)
            diags.push_back({Severity::error, documents[i].path, std::max(documents[i].key_line, 1), 1,
                             "'" + documents[i].key + "' is also the symbol of " + documents[i - 1].path +
                                 " (line " + std::to_string(std::max(documents[i - 1].key_line, 1)) +
                                 "): a document has one file"});
    }
    documents.erase(std::unique(documents.begin(), documents.end(),
                                [](const Document& a, const Document& b) { return a.key == b.key; }),
                    documents.end());
    documents.erase(std::remove_if(documents.begin(), documents.end(),
                                   [](const Document& d) { return d.key.empty(); }),
                    documents.end());

    // "the present resolution" is the document itself.
    for (auto& d : documents)
        for (auto& c : d.clauses)
            for (auto& cit : c.citations)
                if (cit.kind == Citation::Kind::self) cit.target = d.key;

    // Stubs for what is cited or adopted but absent.
    // `documents` is sorted by key: a binary search says what is present.
    auto present_key = [&](const std::string& key) {
        auto it = std::lower_bound(documents.begin(), documents.end(), key,
                                   [](const Document& d, const std::string& k) { return d.key < k; });
        return it != documents.end() && it->key == key;
    };
    std::set<std::string> absent;
    for (const auto& d : documents) {
        for (const auto& c : d.clauses)
            for (const auto& cit : c.citations)
                if (!present_key(cit.target)) absent.insert(cit.target);
        if (!d.meta.adopted_as.empty() && !present_key(d.meta.adopted_as)) absent.insert(d.meta.adopted_as);
    }
    // Both runs are sorted by key: merge them, moving each document once.
    std::vector<Document> stubs;
    stubs.reserve(absent.size());
    for (const auto& key : absent) stubs.push_back(stub(key));
    std::vector<Document> merged;
    merged.reserve(documents.size() + stubs.size());
    std::merge(std::make_move_iterator(documents.begin()), std::make_move_iterator(documents.end()),
               std::make_move_iterator(stubs.begin()), std::make_move_iterator(stubs.end()),
               std::back_inserter(merged), [](const Document& a, const Document& b) { return a.key < b.key; });
    documents = std::move(merged);

    corpus.documents = std::move(documents);
    for (size_t i = 0; i < corpus.documents.size(); ++i) corpus.by_key[corpus.documents[i].key] = i;

    for (const auto& d : corpus.documents) {
        for (size_t ci = 0; ci < d.clauses.size(); ++ci) {
            const auto& cits = d.clauses[ci].citations;
            for (size_t k = 0; k < cits.size(); ++k) {
                if (cits[k].kind == Citation::Kind::self) continue;
                corpus.cited_by[cits[k].target].push_back({d.key, ci, k, cits[k].recalls});
            }
        }
        if (!d.meta.adopted_as.empty()) corpus.drafts[d.meta.adopted_as].push_back(d.key);
    }

    for (auto& d : corpus.documents)
        if (!d.in_collection) harvest(corpus, d);

    // What the citing texts say against what the cited document states.
    for (const auto& [target, refs] : corpus.cited_by) {
        const Document* cited = corpus.find(target);
        if (!cited || !cited->in_collection) continue;
        for (const auto& r : refs) {
            const Document* from = corpus.find(r.from);
            const Clause& cl = corpus.clause(r);
            const Citation& c = corpus.citation(r);
            if (!c.date.empty() && !cited->meta.date.empty() && c.date != cited->meta.date)
                diags.push_back({Severity::warning, from->path, cl.line, cl.column,
                                 "'" + c.span + "' gives the date " + c.date + " but " + target +
                                     " states " + cited->meta.date});
            if (r.recalls && !from->meta.date.empty() && !cited->meta.date.empty() &&
                cited->meta.date > from->meta.date)
                diags.push_back({Severity::warning, from->path, cl.line, cl.column,
                                 from->key + " recalls " + target + ", which is dated after it (" +
                                     cited->meta.date + ")"});
        }
    }
    return corpus;
}

}  // namespace resgen
