// The genealogy of each paragraph on a document page, and the links to the compare pages.
#include "plan/genealogy.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "parallel/stop.hpp"
#include "plan/json_object.hpp"
#include "plan/labels.hpp"
#include "plan/pages.hpp"

namespace resgen {

namespace {

// What the living text of every page is made from; shared by the page outlines, which make
// their contexts from it when rendered.
struct Series {
    const Corpus& corpus;
    const Alignment& alignment;
    std::vector<size_t> rank;                                   // document -> place in the series
    std::vector<ComparePair> pairs;
    std::vector<std::vector<const ComparePair*>> pairs_of;      // document -> its comparisons
    std::shared_ptr<const LanguageOrigins> origins;              // for the whole site: all_origins()

    // The compare page of x before y, else of y before x, among x's own comparisons (one or
    // two as a rule): asked for every clause a genealogy names.
    const ComparePair* compare_of(size_t x, size_t y) const {
        for (const ComparePair* p : pairs_of[x])
            if (p->before == x && p->after == y) return p;
        for (const ComparePair* p : pairs_of[x])
            if (p->before == y && p->after == x) return p;
        return nullptr;
    }
};

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// A clause's closest match in an earlier document of the series, if any.
const ClauseLink* parent_of(const Series& s, size_t doc, size_t clause) {
    const ClauseLink* parent = nullptr;
    for (const auto& l : s.alignment.links_of(doc, clause)) {
        if (s.rank[l.document] >= s.rank[doc]) continue;
        if (!parent || l.similarity > parent->similarity ||
            (l.similarity == parent->similarity && s.rank[l.document] > s.rank[parent->document]))
            parent = &l;
    }
    return parent;
}

// Where a clause's language first stood: following, from each clause, its closest match in an
// earlier document back to one that has none.
std::pair<size_t, size_t> origin_of(const Series& s, size_t doc, size_t clause) {
    while (const ClauseLink* parent = parent_of(s, doc, clause)) {
        doc = parent->document;
        clause = parent->clause;
    }
    return {doc, clause};
}

// The same for every clause at once ([document][clause]). A clause's origin is its parent's,
// and a parent stands earlier in the series, so one pass in series order finds them all,
// where following each chain alone walks agreed language back through hundreds of texts.
LanguageOrigins all_origins(const Series& s) {
    const auto& documents = s.corpus.documents;
    std::vector<size_t> order(documents.size());
    for (size_t d = 0; d < order.size(); ++d) order[d] = d;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return s.rank[x] < s.rank[y]; });
    LanguageOrigins out(documents.size());
    for (size_t d : order) {
        stop_point();
        out[d].reserve(documents[d].clauses.size());
        for (size_t c = 0; c < documents[d].clauses.size(); ++c) {
            const ClauseLink* parent = parent_of(s, d, c);
            out[d].push_back(parent ? out[parent->document][parent->clause] : std::pair{d, c});
        }
    }
    return out;
}

json genealogy(const Series& s, size_t doc, size_t clause, const std::string& page) {
    const Corpus& c = s.corpus;
    const auto& links = s.alignment.links_of(doc, clause);
    auto [odoc, oclause] = s.origins ? (*s.origins)[doc][clause] : origin_of(s, doc, clause);
    // The way up to the site's root, made once: a paragraph names up to a dozen others.
    const std::string up = relative_url(page, "");
    auto clause_href = [&](size_t d, size_t cl) {
        std::string href = up + page_path(c.documents[d]);
        href += '#';
        href += c.documents[d].clauses[cl].anchor;
        return href;
    };
    auto clause_name = [&](size_t d, size_t cl) {
        std::string name = label_of(c.documents[d]);
        name += ' ';
        name += c.documents[d].clauses[cl].anchor;
        return name;
    };
    json origin = nullptr;
    if (odoc != doc) {
        const Document& o = c.documents[odoc];
        origin = object_of("label", clause_name(odoc, oclause), "href", clause_href(odoc, oclause),
                           "date", o.meta.date.empty() ? "" : display_date(o.meta.date));
    }

    // The clause and those carrying its language, in the order of the series.
    std::vector<const ClauseLink*> ordered;
    for (const auto& l : links) ordered.push_back(&l);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const ClauseLink* x, const ClauseLink* y) { return s.rank[x->document] < s.rank[y->document]; });
    json entries = json::array();
    bool placed = false;
    size_t later = 0;
    auto self_entry = [&] {
        entries.push_back(object_of("label", clause_name(doc, clause), "href", "",
                                    "self", true, "change", "this text", "compare_href", ""));
        placed = true;
    };
    // A paragraph of agreed language can recur in hundreds of texts: the list names the first
    // of them in series order (the origin among them) and the summary counts them all.
    constexpr size_t kListed = 12;
    size_t listed = 0;
    for (const ClauseLink* l : ordered) {
        if (!placed && s.rank[l->document] > s.rank[doc]) self_entry();
        if (++listed > kListed) {
            later += s.rank[l->document] > s.rank[doc];
            continue;
        }
        later += s.rank[l->document] > s.rank[doc];
        std::string compare_href;
        if (const ComparePair* p = s.compare_of(doc, l->document)) {
            // The row of the pair is named after the later text's clause.
            size_t row_clause = p->after == doc ? clause : l->clause;
            compare_href = up + p->path + "#c-" + c.documents[p->after].clauses[row_clause].anchor;
        }
        entries.push_back(object_of("label", clause_name(l->document, l->clause),
                                    "href", clause_href(l->document, l->clause),
                                    "self", false,
                                    "change", l->verbatim              ? "word for word"
                                              : l->similarity == 1.0 ? "word for word, punctuation changed"
                                                                     : "with changes",
                                    "compare_href", std::move(compare_href)));
    }
    if (!placed) self_entry();

    std::string summary;
    if (links.empty()) summary = "Language: only in this text";
    else if (!origin.is_null()) summary = "Language since " + origin["label"].get<std::string>() + ", in " +
                                          plural(links.size(), "other text", "other texts");
    else summary = "Language first appears here, carried in " + plural(later, "later text", "later texts");
    return object_of("summary", std::move(summary), "origin", std::move(origin), "entries", std::move(entries),
                     "has_entries", !links.empty());
}

json comparison_link(const Corpus& c, const ComparePair& p, const std::string& page) {
    return object_of("href", relative_url(page, p.path),
                     "label", label_of(c.documents[p.before]) + " and " + label_of(c.documents[p.after]),
                     "summary", summary_of(p.comparison), "lineage", p.lineage);
}

// Sets `genealogy` on each clause object of a document page's text, sub-paragraphs included.
void annotate(json& clauses, const Series& s, size_t doc, const std::map<std::string, size_t>& by_anchor,
              const std::string& page) {
    for (auto& j : clauses) {
        if (!j.is_object()) continue;
        auto& clause = j.get_ref<json::object_t&>();  // each key looked up once
        auto anchor = clause.find("anchor");
        if (anchor != clause.end() && anchor->second.is_string()) {
            auto it = by_anchor.find(anchor->second.get_ref<const std::string&>());
            if (it != by_anchor.end()) clause.insert_or_assign("genealogy", genealogy(s, doc, it->second, page));
        }
        auto subparagraphs = clause.find("subparagraphs");
        if (subparagraphs != clause.end()) annotate(subparagraphs->second, s, doc, by_anchor, page);
    }
}

}  // namespace

void add_living_text(Plan& plan, const Corpus& corpus, const Alignment& alignment, const std::vector<char>* only,
                     const std::function<bool(const ComparePair&)>* compared, const std::vector<size_t>* rank) {
    auto series = std::make_shared<Series>(Series{corpus, alignment, rank ? *rank : series_rank(corpus), {}, {}, {}});
    Series& s = *series;
    // Every page's origins at once for the whole site (and for the plan: the live preview
    // compares them from plan to plan); an edit's few pages follow their own.
    if (!only) plan.origins = s.origins = std::make_shared<const LanguageOrigins>(all_origins(s));
    // For the whole site, every document's shared paragraphs at once; for some pages (an
    // edit's), each on its own.
    const auto shared = only ? std::vector<std::vector<std::pair<size_t, size_t>>>()
                             : paragraphs_shared_by_document(alignment, corpus.documents.size());
    s.pairs = compare_pairs(corpus, alignment, s.rank, shared, only);
    // Which comparisons and which aligned documents concern each document, so that a page
    // looks up its own instead of scanning every pair.
    s.pairs_of.resize(corpus.documents.size());
    for (const auto& p : s.pairs) {
        s.pairs_of[p.before].push_back(&p);
        s.pairs_of[p.after].push_back(&p);
    }

    for (auto& page : plan.pages) {
        stop_point();
        if (page.template_name == "timeline" && page.make_context) {
            // Every comparison of the collection: made with the page, like the rest of it.
            page.make_context = [inner = std::move(page.make_context), series, path = page.path] {
                json context = inner();
                json list = json::array();
                for (const auto& p : series->pairs) {
                    stop_point();
                    list.push_back(comparison_link(series->corpus, p, path));
                }
                context["has_comparisons"] = !list.empty();
                context["comparisons"] = std::move(list);
                return context;
            };
            continue;
        }
        if (page.template_name != "document" || !page.document || !page.make_context) continue;
        size_t doc = static_cast<size_t>(page.document - corpus.documents.data());
        if (!corpus.documents[doc].in_collection) continue;
        // The page changes with the other text of each comparison, and its genealogy names the
        // clauses of every text sharing language with it.
        for (const ComparePair* p : s.pairs_of[doc])
            page.depends_on.push_back(static_cast<uint32_t>(p->before == doc ? p->after : p->before));
        std::vector<std::pair<size_t, size_t>> own;
        for (const auto& [other, n] : only ? (own = paragraphs_shared(alignment, doc)) : shared[doc])
            page.depends_on.push_back(static_cast<uint32_t>(other));
        std::sort(page.depends_on.begin(), page.depends_on.end());
        page.depends_on.erase(std::unique(page.depends_on.begin(), page.depends_on.end()), page.depends_on.end());
        page.make_context = [inner = std::move(page.make_context), series, doc, path = page.path] {
            const Series& s = *series;
            const Document& d = s.corpus.documents[doc];
            json context = inner();
            std::map<std::string, size_t> by_anchor;
            for (size_t c = 0; c < d.clauses.size(); ++c)
                if (carries_language(d.clauses[c]) && !d.clauses[c].anchor.empty()) by_anchor[d.clauses[c].anchor] = c;
            json& ctx = context["doc"];
            if (ctx.contains("text")) annotate(ctx["text"], s, doc, by_anchor, path);
            json list = json::array();
            for (const ComparePair* p : s.pairs_of[doc]) list.push_back(comparison_link(s.corpus, *p, path));
            ctx["has_comparisons"] = !list.empty();
            ctx["comparisons"] = std::move(list);
            return context;
        };
    }
    for (size_t i = 0; i < s.pairs.size(); ++i) {
        const ComparePair& p = s.pairs[i];
        if (compared && !(*compared)(p)) continue;
        Page page{p.path, "compare", {}, {static_cast<uint32_t>(p.before), static_cast<uint32_t>(p.after)}, {}};
        std::sort(page.depends_on.begin(), page.depends_on.end());
        page.make_context = [series, i] {
            return compare_page(series->corpus, series->alignment, series->pairs[i]).context;
        };
        plan.pages.push_back(std::move(page));
    }
}

}  // namespace resgen
