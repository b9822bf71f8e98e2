#include "resolve/corpus.hpp"

#include <algorithm>
#include <set>

#include "model/organ.hpp"

namespace resgen {

namespace {

// A document known only from citations is what its key says: a treaty, a resolution, a
// decision, or else a document.
std::string stub_kind(const std::string& key) {
    if (key.rfind("UNTS/", 0) == 0) return "treaty";
    const std::string_view kind = kind_of_symbol(key);
    return kind.empty() ? "document" : std::string(kind);
}

// A page for a document the collection cites but does not hold. It states only what the
// symbol says; what the citing texts say of it is shown from the references.
Document stub(const std::string& key) {
    Document d;
    d.key = key;
    d.in_collection = false;
    d.meta.kind = stub_kind(key);
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
    check_citations(corpus, diags);
    return corpus;
}

void check_citations(const Corpus& corpus, Diagnostics& diags, const std::vector<std::string>* from_keys) {
    // What the citing texts say against what the cited document states; with `from_keys`,
    // the references of those texts only, in the same order (by target, then by text).
    std::vector<std::pair<std::string, std::vector<Reference>>> some;
    if (from_keys) {
        std::map<std::string, std::vector<Reference>> by_target;
        for (const auto& key : *from_keys) {
            const Document* d = corpus.find(key);
            if (!d) continue;
            for (size_t ci = 0; ci < d->clauses.size(); ++ci)
                for (size_t k = 0; k < d->clauses[ci].citations.size(); ++k) {
                    const Citation& c = d->clauses[ci].citations[k];
                    if (c.kind != Citation::Kind::self) by_target[c.target].push_back({d->key, ci, k, c.recalls});
                }
        }
        for (auto& [target, refs] : by_target) {
            std::stable_sort(refs.begin(), refs.end(), [&](const Reference& a, const Reference& b) {
                return corpus.by_key.at(a.from) < corpus.by_key.at(b.from);
            });
            some.push_back({target, std::move(refs)});
        }
    }
    auto check = [&](const std::string& target, const std::vector<Reference>& refs) {
        const Document* cited = corpus.find(target);
        if (!cited || !cited->in_collection) return;
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
    };
    if (from_keys)
        for (const auto& [target, refs] : some) check(target, refs);
    else
        for (const auto& [target, refs] : corpus.cited_by) check(target, refs);
}

bool replace_documents(Corpus& corpus, std::vector<Document> fresh) {
    auto targets_of = [](const Document& d) {
        std::set<std::string> t;
        for (const auto& c : d.clauses)
            for (const auto& cit : c.citations)
                if (cit.kind != Citation::Kind::self) t.insert(cit.target);
        return t;
    };
    // Only what keeps every document at its index: the same keys, the same stubs.
    std::set<std::string> keys;
    for (auto& f : fresh) {
        auto it = corpus.by_key.find(f.key);
        if (f.key.empty() || it == corpus.by_key.end() || !keys.insert(f.key).second) return false;
        const Document& old = corpus.documents[it->second];
        if (!old.in_collection || old.path != f.path || old.meta.adopted_as != f.meta.adopted_as) return false;
        for (auto& c : f.clauses)
            for (auto& cit : c.citations)
                if (cit.kind == Citation::Kind::self) cit.target = f.key;
        for (const auto& t : targets_of(f))
            if (!corpus.by_key.count(t)) return false;  // a new stub
    }
    // A stub no longer cited by any text would go.
    std::map<std::string, size_t> lost;  // stub -> references from the replaced texts, before
    for (const auto& f : fresh)
        for (const auto& c : corpus.find(f.key)->clauses)
            for (const auto& cit : c.citations)
                if (cit.kind != Citation::Kind::self) ++lost[cit.target];
    for (const auto& f : fresh)
        for (const auto& t : targets_of(f)) lost.erase(t);
    for (const auto& [stub, n] : lost) {
        const Document* d = corpus.find(stub);
        auto it = corpus.cited_by.find(stub);
        size_t others = it == corpus.cited_by.end() ? 0 : it->second.size();
        if (d && !d->in_collection && others == n && !corpus.drafts.count(stub)) return false;
    }

    std::set<std::string> touched;  // targets whose references change
    for (auto& f : fresh) {
        size_t index = corpus.by_key.at(f.key);
        for (const auto& target : targets_of(corpus.documents[index])) {
            auto found = corpus.cited_by.find(target);
            if (found == corpus.cited_by.end()) continue;
            auto& refs = found->second;
            size_t before = refs.size();
            refs.erase(std::remove_if(refs.begin(), refs.end(), [&](const Reference& r) { return r.from == f.key; }),
                       refs.end());
            if (refs.size() != before) touched.insert(target);
        }
        corpus.documents[index] = std::move(f);
        const Document& d = corpus.documents[index];
        // References stay in document order: this one's go after those of earlier documents.
        for (size_t ci = 0; ci < d.clauses.size(); ++ci) {
            const auto& cits = d.clauses[ci].citations;
            for (size_t k = 0; k < cits.size(); ++k) {
                if (cits[k].kind == Citation::Kind::self) continue;
                auto& refs = corpus.cited_by[cits[k].target];
                auto at = std::find_if(refs.begin(), refs.end(), [&](const Reference& r) {
                    return corpus.by_key.at(r.from) > index;
                });
                // After this document's references already placed (earlier clauses).
                refs.insert(at, {d.key, ci, k, cits[k].recalls});
                touched.insert(cits[k].target);
            }
        }
    }
    for (const auto& key : touched) {
        auto it = corpus.cited_by.find(key);
        if (it != corpus.cited_by.end() && it->second.empty()) corpus.cited_by.erase(it);
    }
    // What the citing texts say of a stub, again.
    for (const auto& key : touched) {
        auto it = corpus.by_key.find(key);
        if (it == corpus.by_key.end()) continue;
        Document& d = corpus.documents[it->second];
        if (d.in_collection) continue;
        Document fresh_stub = stub(key);
        d.meta = fresh_stub.meta;
        harvest(corpus, d);
    }
    return true;
}

}  // namespace resgen
