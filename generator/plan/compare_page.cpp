// The compare page of two documents: their texts aligned clause by clause, each pair marked
// unchanged, amended, new or dropped, with the words that changed.
#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "parallel/parallel.hpp"
#include "parallel/stop.hpp"
#include "plan/genealogy.hpp"
#include "plan/json_object.hpp"
#include "plan/labels.hpp"
#include "plan/pages.hpp"
#include "plan/text.hpp"

namespace resgen {

namespace {

std::string slug(const Document& d) {
    std::string p = page_path(d);
    p.resize(p.size() - std::string("/index.html").size());
    std::replace(p.begin(), p.end(), '/', '_');
    return p;
}

std::string text_html(const std::vector<Token>& tokens) {
    std::string out;
    for (const auto& t : tokens) {
        if (t.space_before && !out.empty()) out += ' ';
        append_escaped_html(out, t.text);
    }
    return out;
}

// Deleted and inserted words carry a hidden word for screen readers, which do not announce
// <del> and <ins>; on screen and paper they are struck through and underlined.
std::string diff_html(const std::vector<DiffSpan>& diff) {
    std::string out;
    DiffOp previous = DiffOp::same;
    for (const auto& span : diff) {
        if (span.tokens.empty()) continue;
        // A word that replaces a struck-out one stands apart from it: "Crisis Response", not
        // "CrisisResponse".
        unsigned char first = static_cast<unsigned char>(span.tokens.front().text[0]);
        bool replaces = previous == DiffOp::deleted && span.op == DiffOp::inserted && (std::isalnum(first) || first >= 0x80);
        if ((span.tokens.front().space_before || replaces) && !out.empty()) out += ' ';
        previous = span.op;
        std::vector<Token> tokens = span.tokens;
        tokens.front().space_before = false;
        std::string text = text_html(tokens);
        if (span.op == DiffOp::same) out += text;
        else if (span.op == DiffOp::deleted) out += "<del><span class=\"visually-hidden\">deleted: </span>" + text + "</del>";
        else out += "<ins><span class=\"visually-hidden\">inserted: </span>" + text + "</ins>";
    }
    return out;
}

json side(const Document& d, const std::string& from) {
    return object_of("label", label_of(d), "title", d.meta.title, "body", d.meta.body,
                     "href", relative_url(from, page_path(d)),
                     "date", d.meta.date.empty() ? "" : display_date(d.meta.date));
}

}  // namespace

std::string compare_path(const Document& before, const Document& after) {
    return "compare/" + slug(before) + "__" + slug(after) + "/index.html";
}

std::vector<std::pair<size_t, size_t>> paragraphs_shared(const Alignment& alignment, size_t document) {
    // Paired one to one, two documents share as many paragraphs as their alignment matches.
    std::vector<std::pair<size_t, size_t>> out;
    for (uint32_t i : alignment.pairs_of(document)) {
        const DocumentAlignment& p = alignment.pairs[i];
        if (!p.matches.empty()) out.push_back({p.a == document ? p.b : p.a, p.matches.size()});
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<size_t> series_rank(const Corpus& corpus) {
    std::vector<size_t> rank(corpus.documents.size(), corpus.documents.size());
    auto order = chronological(corpus, false);
    for (size_t i = 0; i < order.size(); ++i) rank[corpus.by_key.at(order[i]->key)] = i;
    return rank;
}

std::vector<ComparePair> compare_pairs(const Corpus& corpus, const Alignment& alignment, const std::vector<size_t>& rank,
                                       const std::vector<char>* only) {
    auto has_text = [](const Document& d) {
        return d.in_collection && std::any_of(d.clauses.begin(), d.clauses.end(), carries_language);
    };
    std::vector<std::pair<std::pair<size_t, size_t>, bool>> wanted;  // (before, after), lineage
    for (size_t i = 0; i < corpus.documents.size(); ++i) {
        const Document& d = corpus.documents[i];
        if (d.meta.adopted_as.empty()) continue;
        auto t = corpus.by_key.find(d.meta.adopted_as);
        if (has_text(d) && t != corpus.by_key.end() && has_text(corpus.documents[t->second]))
            wanted.push_back({{i, t->second}, true});
    }
    // Each text and its predecessor in its series: the latest earlier text of the collection,
    // not a draft, that carries at least a third of its paragraphs. (A collection may hold
    // several series; two texts of different series are not two versions of one text.)
    // For some documents only: theirs, and those of the texts sharing language with them (one
    // of which may follow them).
    std::vector<size_t> candidates;
    if (only) {
        std::vector<char> in(corpus.documents.size(), 0);
        for (size_t i = 0; i < in.size(); ++i)
            if ((*only)[i]) {
                in[i] = 1;
                for (const auto& [other, matches] : paragraphs_shared(alignment, i)) in[other] = 1;
            }
        for (size_t i = 0; i < in.size(); ++i)
            if (in[i]) candidates.push_back(i);
    } else {
        for (size_t i = 0; i < corpus.documents.size(); ++i) candidates.push_back(i);
    }
    for (size_t i : candidates) {
        stop_point();
        const Document& d = corpus.documents[i];
        if (!has_text(d)) continue;
        size_t paragraphs = std::count_if(d.clauses.begin(), d.clauses.end(), carries_language);
        std::optional<size_t> previous;
        for (auto [other, matches] : paragraphs_shared(alignment, i)) {
            const Document& o = corpus.documents[other];
            if (rank[other] >= rank[i] || o.meta.kind == "draft" || !has_text(o) || 3 * matches < paragraphs) continue;
            if (!previous || rank[other] > rank[*previous]) previous = other;
        }
        if (previous) wanted.push_back({{*previous, i}, false});
    }
    // One page per pair; a lineage pair that is also a successive pair is a lineage pair.
    std::map<std::pair<size_t, size_t>, size_t> seen;
    std::vector<ComparePair> pairs;
    for (const auto& [p, lineage] : wanted) {
        if (only && !(*only)[p.first] && !(*only)[p.second]) continue;
        auto [it, fresh] = seen.emplace(p, pairs.size());
        if (!fresh) {
            pairs[it->second].lineage = pairs[it->second].lineage || lineage;
            continue;
        }
        pairs.push_back({p.first, p.second, lineage, compare_path(corpus.documents[p.first], corpus.documents[p.second]), {}});
    }
    // The counts only, on every core: the rows and their word diffs are made again with the
    // page. Kept for the whole build, the rows would hold 28 MB for 10,000 documents.
    parallel_for(pairs.size(), [&](size_t k) {
        stop_point();
        pairs[k].comparison = compare_documents(corpus, alignment, pairs[k].before, pairs[k].after, false);
        std::vector<CompareRow>().swap(pairs[k].comparison.rows);
    });
    // In the order of the series: by the later text, then by the earlier.
    std::sort(pairs.begin(), pairs.end(), [&](const ComparePair& a, const ComparePair& b) {
        return std::pair{rank[a.after], rank[a.before]} < std::pair{rank[b.after], rank[b.before]};
    });
    return pairs;
}

Page compare_page(const Corpus& corpus, const Alignment& alignment, const ComparePair& pair) {
    const Document &A = corpus.documents[pair.before], &B = corpus.documents[pair.after];
    Page page{pair.path, "compare", {}, {static_cast<uint32_t>(pair.before), static_cast<uint32_t>(pair.after)}, {}};
    std::sort(page.depends_on.begin(), page.depends_on.end());
    const Comparison cmp = compare_documents(corpus, alignment, pair.before, pair.after);
    json rows = json::array();
    for (const auto& r : cmp.rows) {
        const Clause* a = r.before ? &A.clauses[*r.before] : nullptr;
        const Clause* b = r.after ? &B.clauses[*r.after] : nullptr;
        static const char* names[] = {"unchanged", "amended", "new", "dropped"};
        static const char* labels[] = {"Unchanged", "Amended", "New", "Dropped"};
        std::string html = r.change == Change::amended ? diff_html(r.diff)
                           : b                         ? text_html(clause_words(*b).tokens)
                                                       : text_html(clause_words(*a).tokens);
        rows.push_back(object_of("id", b ? "c-" + b->anchor : "d-" + a->anchor,
                                 "change", names[static_cast<int>(r.change)],
                                 "change_label", r.change == Change::amended && r.similarity == 1.0
                                                     ? "Amended: punctuation"
                                                     : labels[static_cast<int>(r.change)],
                                 "before_label", a ? label_of(A) + ", " + clause_label(*a) : "",
                                 "before_href", a ? relative_url(page.path, page_path(A)) + "#" + a->anchor : "",
                                 "after_label", b ? label_of(B) + ", " + clause_label(*b) : "",
                                 "after_href", b ? relative_url(page.path, page_path(B)) + "#" + b->anchor : "",
                                 "both", a && b,
                                 "html", std::move(html)));
    }
    std::string relation = pair.lineage ? (A.meta.kind == "draft" ? "The draft and the resolution it became"
                                                                  : "The recommendation and the resolution adopted")
                                        : "Successive texts of the series";
    bool has_rows = !rows.empty();
    page.context = object_of("page_title", "Compare " + label_of(A) + " and " + label_of(B),
                             "relation", std::move(relation),
                             "before", side(A, page.path),
                             "after", side(B, page.path),
                             "summary", summary_of(cmp),
                             "rows", std::move(rows),
                             "has_rows", has_rows);
    return page;
}

}  // namespace resgen
