// The genealogy of each paragraph on a document page, and the links to the compare pages.
#include "plan/genealogy.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <tuple>

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

// A clause's closest match in an earlier document of the series: the most similar, the
// latest of equals. A clause matches at most one clause of another text, and the texts
// sharing language all have their own place in the series, so the order in which the
// matches are met does not matter.
struct Parent {
    uint32_t doc = 0, clause = 0;
    double similarity = -1;   // none yet
    bool found() const { return similarity >= 0; }
};

void consider(const Series& s, Parent& parent, size_t doc, uint32_t clause, double similarity) {
    if (!parent.found() || similarity > parent.similarity ||
        (similarity == parent.similarity && s.rank[doc] > s.rank[parent.doc]))
        parent = {static_cast<uint32_t>(doc), clause, similarity};
}

// Each clause's parent in document `doc` ([clause]), from its pairs with earlier texts: for the
// whole site in one pass (all_origins), and for an edit's few pages text by text (origin_of).
void parents_of(const Series& s, size_t doc, std::vector<Parent>& out) {
    out.assign(s.corpus.documents[doc].clauses.size(), {});
    for (uint32_t i : s.alignment.pairs_of(doc)) {
        const DocumentAlignment& p = s.alignment.pairs[i];
        const bool first = p.a == doc;
        const size_t other = first ? p.b : p.a;
        if (s.rank[other] >= s.rank[doc]) continue;
        for (const auto& m : p.matches) {
            const uint32_t mine = first ? m.a : m.b;
            if (mine < out.size()) consider(s, out[mine], other, first ? m.b : m.a, m.similarity);
        }
    }
}

// Where a clause's language first stood: following, from each clause, its closest match in an
// earlier document back to one that has none.
std::pair<size_t, size_t> origin_of(const Series& s, size_t doc, size_t clause) {
    std::vector<Parent> parents;
    while (true) {
        parents_of(s, doc, parents);
        const Parent parent = parents[clause];
        if (!parent.found()) return {doc, clause};
        doc = parent.doc;
        clause = parent.clause;
    }
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
    std::vector<Parent> parents;
    for (size_t d : order) {
        stop_point();
        parents_of(s, d, parents);
        out[d].reserve(documents[d].clauses.size());
        for (size_t c = 0; c < documents[d].clauses.size(); ++c) {
            const Parent& parent = parents[c];
            out[d].push_back(parent.found() ? out[parent.doc][parent.clause] : std::pair{d, c});
        }
    }
    return out;
}

// The genealogy of one paragraph on a document page: where its language first stood, and the
// texts carrying it in the order of the series. A view (model/view.hpp): its labels and links
// are written as the template asks for them, never kept, since a page's paragraphs name
// hundreds of others.
class GenealogyView final : public View {
public:
    // `links` are the clause's, from its document's (Alignment::links_of).
    GenealogyView(std::shared_ptr<const Series> series, size_t doc, size_t clause, std::span<const ClauseLink> links,
                  std::string up)
        : series_(std::move(series)), doc_(doc), up_(std::move(up)) {
        const Series& s = *series_;
        links_ = links.size();
        std::tie(origin_.doc, origin_.clause) = s.origins ? (*s.origins)[doc][clause] : origin_of(s, doc, clause);
        origin_.of = this;

        // The clause and those carrying its language, in the order of the series.
        std::vector<const ClauseLink*> ordered;
        for (const auto& l : links) ordered.push_back(&l);
        std::stable_sort(ordered.begin(), ordered.end(), [&](const ClauseLink* x, const ClauseLink* y) {
            return s.rank[x->document] < s.rank[y->document];
        });
        bool placed = false;
        auto self_entry = [&] {
            entries_.items.push_back({this, doc, clause, true, "this text", nullptr, 0});
            placed = true;
        };
        // A paragraph of agreed language can recur in hundreds of texts: the list names the
        // first of them in series order (the origin among them) and the summary counts them all.
        constexpr size_t kListed = 12;
        size_t listed = 0;
        for (const ClauseLink* l : ordered) {
            if (!placed && s.rank[l->document] > s.rank[doc]) self_entry();
            later_ += s.rank[l->document] > s.rank[doc];
            if (++listed > kListed) continue;
            const ComparePair* compare = s.compare_of(doc, l->document);
            // The row of the pair is named after the later text's clause.
            const size_t row = compare && compare->after == doc ? clause : l->clause;
            entries_.items.push_back({this, l->document, l->clause, false,
                                      l->verbatim              ? "word for word"
                                      : l->similarity == 1.0 ? "word for word, punctuation changed"
                                                             : "with changes",
                                      compare, row});
        }
        if (!placed) self_entry();
    }
    // The origin and entries point back at the view.
    GenealogyView(const GenealogyView&) = delete;
    GenealogyView& operator=(const GenealogyView&) = delete;

    std::optional<Shown> find(std::string_view name, std::string& scratch) const override {
        if (name == "summary") return Shown::of_text(summary(scratch));
        if (name == "origin") return has_origin() ? Shown::of_view(origin_) : Shown::of_flag(false);  // null
        if (name == "entries") return Shown::of_list(entries_);
        if (name == "has_entries") return Shown::of_flag(links_ != 0);
        return std::nullopt;
    }

    json to_json() const override {
        std::string scratch;
        json entries = json::array();
        for (const Entry& e : entries_.items) entries.push_back(e.to_json());
        return object_of("summary", std::string(summary(scratch)), "origin",
                         has_origin() ? origin_.to_json() : json(nullptr), "entries", std::move(entries),
                         "has_entries", links_ != 0);
    }

private:
    // "A/RES/59/154 pp1"
    void clause_name(std::string& out, size_t d, size_t cl) const {
        const Document& document = series_->corpus.documents[d];
        out += label_of(document);
        out += ' ';
        out += document.clauses[cl].anchor;
    }
    void clause_href(std::string& out, size_t d, size_t cl) const {
        const Document& document = series_->corpus.documents[d];
        out += up_;
        append_page_path(out, document);
        out += '#';
        out += document.clauses[cl].anchor;
    }

    // A clause of the collection, as the origin and as each entry show it.
    struct Origin final : View {
        const GenealogyView* of = nullptr;
        size_t doc = 0, clause = 0;
        std::optional<Shown> find(std::string_view name, std::string& scratch) const override {
            scratch.clear();
            if (name == "label") of->clause_name(scratch, doc, clause);
            else if (name == "href") of->clause_href(scratch, doc, clause);
            else if (name == "date") date(scratch);
            else return std::nullopt;
            return Shown::of_text(scratch);
        }
        void date(std::string& out) const {
            const Document& o = of->series_->corpus.documents[doc];
            if (!o.meta.date.empty()) out += display_date(o.meta.date);
        }
        json to_json() const override {
            std::string label, href, when;
            of->clause_name(label, doc, clause);
            of->clause_href(href, doc, clause);
            date(when);
            return object_of("label", std::move(label), "href", std::move(href), "date", std::move(when));
        }
    };

    struct Entry final : View {
        const GenealogyView* of = nullptr;
        size_t doc = 0, clause = 0;
        bool self = false;
        const char* change = "";
        const ComparePair* compare = nullptr;   // the compare page of the two texts, if any
        size_t row = 0;                          // the clause its row there is named after

        Entry(const GenealogyView* o, size_t d, size_t c, bool s, const char* ch, const ComparePair* p, size_t r)
            : of(o), doc(d), clause(c), self(s), change(ch), compare(p), row(r) {}

        std::optional<Shown> find(std::string_view name, std::string& scratch) const override {
            if (name == "self") return Shown::of_flag(self);
            if (name == "change") return Shown::of_text(change);
            scratch.clear();
            if (name == "label") of->clause_name(scratch, doc, clause);
            else if (name == "href") href(scratch);
            else if (name == "compare_href") compare_href(scratch);
            else return std::nullopt;
            return Shown::of_text(scratch);
        }
        void href(std::string& out) const {
            if (!self) of->clause_href(out, doc, clause);
        }
        void compare_href(std::string& out) const {
            if (!compare) return;
            out += of->up_;
            out += compare->path;
            out += "#c-";
            out += of->series_->corpus.documents[compare->after].clauses[row].anchor;
        }
        json to_json() const override {
            std::string label, link, compared;
            of->clause_name(label, doc, clause);
            href(link);
            compare_href(compared);
            return object_of("label", std::move(label), "href", std::move(link), "self", self, "change", change,
                             "compare_href", std::move(compared));
        }
    };

    struct Entries final : ViewList {
        std::vector<Entry> items;
        size_t size() const override { return items.size(); }
        const View& at(size_t i) const override { return items[i]; }
    };

    bool has_origin() const { return origin_.doc != doc_; }

    std::string_view summary(std::string& scratch) const {
        if (links_ == 0) return "Language: only in this text";
        scratch.clear();
        if (has_origin()) {
            scratch += "Language since ";
            clause_name(scratch, origin_.doc, origin_.clause);
            scratch += ", in ";
            scratch += plural(links_, "other text", "other texts");
        } else {
            scratch += "Language first appears here, carried in ";
            scratch += plural(later_, "later text", "later texts");
        }
        return scratch;
    }

    std::shared_ptr<const Series> series_;
    size_t doc_;              // the page's document
    std::string up_;          // the way up to the site's root from the page
    size_t links_ = 0;        // the texts carrying the language
    size_t later_ = 0;        // those later in the series
    Origin origin_;
    Entries entries_;
};

json comparison_link(const Corpus& c, const ComparePair& p, const std::string& page) {
    return object_of("href", relative_url(page, p.path),
                     "label", label_of(c.documents[p.before]) + " and " + label_of(c.documents[p.after]),
                     "summary", summary_of(p.comparison), "lineage", p.lineage);
}

// Gives each paragraph of a document page's text that carries language, sub-paragraphs
// included, its genealogy: a view of `context`. `links` are the document's.
void annotate(ClauseView& view, PageContext& context, const std::shared_ptr<const Series>& s, size_t doc,
              const DocumentLinks& links, const std::string& up) {
    const Clause& clause = view.clause();
    if (carries_language(clause) && !clause.anchor.empty()) {
        const auto c = static_cast<size_t>(&clause - s->corpus.documents[doc].clauses.data());
        auto genealogy = std::make_unique<GenealogyView>(s, doc, c, links.of(c), up);
        view.set_genealogy(genealogy.get());
        context.add(std::move(genealogy));
    }
    for (ClauseView& sub : view.subparagraphs()) annotate(sub, context, s, doc, links, up);
}

}  // namespace

void add_living_text(Plan& plan, const Corpus& corpus, const Alignment& alignment, const std::vector<char>* only,
                     const std::function<bool(const ComparePair&)>* compared, const std::vector<size_t>* rank) {
    auto series = std::make_shared<Series>(Series{corpus, alignment, rank ? *rank : series_rank(corpus), {}, {}, {}});
    Series& s = *series;
    // Every page's origins at once for the whole site (and for the plan: the live preview
    // compares them from plan to plan); an edit's few pages follow their own.
    if (!only) plan.origins = s.origins = std::make_shared<const LanguageOrigins>(all_origins(s));
    s.pairs = compare_pairs(corpus, alignment, s.rank, only);
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
                PageContext context = inner();
                json list = json::array();
                for (const auto& p : series->pairs) {
                    stop_point();
                    list.push_back(comparison_link(series->corpus, p, path));
                }
                context.tree["has_comparisons"] = !list.empty();
                context.tree["comparisons"] = std::move(list);
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
        for (const auto& [other, n] : paragraphs_shared(alignment, doc)) page.depends_on.push_back(static_cast<uint32_t>(other));
        std::sort(page.depends_on.begin(), page.depends_on.end());
        page.depends_on.erase(std::unique(page.depends_on.begin(), page.depends_on.end()), page.depends_on.end());
        page.make_context = [inner = std::move(page.make_context), series, doc, path = page.path] {
            const Series& s = *series;
            PageContext context = inner();
            json& ctx = context.tree["doc"];
            if (ctx.contains("text")) {
                const DocumentLinks links = s.alignment.links_of(doc);
                const std::string up = relative_url(path, "");
                for (const json& ref : ctx["text"])
                    if (auto* view = dynamic_cast<ClauseView*>(context.view_of(ref)))
                        annotate(*view, context, series, doc, links, up);
            }
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
            return compare_context(series->corpus, series->alignment, series->pairs[i]);
        };
        plan.pages.push_back(std::move(page));
    }
}

}  // namespace resgen
