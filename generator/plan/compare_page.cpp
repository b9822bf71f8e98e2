// The compare page of two documents: their texts aligned clause by clause, each pair marked
// unchanged, amended, new or dropped, with the words that changed.
#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
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

namespace {

// The two texts of a compare page, as each of its rows names them.
struct CompareSides {
    std::string before_label, after_label;  // "A/RES/59/154"
    std::string before_url, after_url;      // their pages, from this one
};

// One row of a compare page: a paragraph of the later text beside the one of the earlier text
// that carries its language, or one of them alone. A page has some thirty, each shown once:
// as JSON objects of nine strings they were made, shown and freed by the hundred thousand.
// The names are made when the template asks for them; only the row's HTML is kept.
class RowView final : public View {
public:
    RowView(std::shared_ptr<const CompareSides> sides, const CompareRow& row, const Clause* before,
            const Clause* after, std::string html)
        : sides_(std::move(sides)), before_(before), after_(after), change_(row.change),
          punctuation_(row.change == Change::amended && row.similarity == 1.0), html_(std::move(html)) {}

    std::optional<Shown> find(std::string_view name, std::string& scratch) const override {
        if (name == "change") return Shown::of_text(kNames[static_cast<int>(change_)]);
        if (name == "change_label") return Shown::of_text(change_label());
        if (name == "both") return Shown::of_flag(before_ && after_);
        if (name == "html") return Shown::of_text(html_);
        scratch.clear();
        if (name == "id") id(scratch);
        else if (name == "before_label") label(scratch, sides_->before_label, before_);
        else if (name == "before_href") href(scratch, sides_->before_url, before_);
        else if (name == "after_label") label(scratch, sides_->after_label, after_);
        else if (name == "after_href") href(scratch, sides_->after_url, after_);
        else return std::nullopt;
        return Shown::of_text(scratch);
    }

    json to_json() const override {
        std::string row_id, before_label, before_href, after_label, after_href;
        id(row_id);
        label(before_label, sides_->before_label, before_);
        href(before_href, sides_->before_url, before_);
        label(after_label, sides_->after_label, after_);
        href(after_href, sides_->after_url, after_);
        return object_of("id", std::move(row_id), "change", kNames[static_cast<int>(change_)], "change_label",
                         change_label(), "before_label", std::move(before_label), "before_href",
                         std::move(before_href), "after_label", std::move(after_label), "after_href",
                         std::move(after_href), "both", before_ && after_, "html", html_);
    }

private:
    static constexpr const char* kNames[] = {"unchanged", "amended", "new", "dropped"};
    static constexpr const char* kLabels[] = {"Unchanged", "Amended", "New", "Dropped"};

    const char* change_label() const { return punctuation_ ? "Amended: punctuation" : kLabels[static_cast<int>(change_)]; }
    void id(std::string& out) const {
        out += after_ ? "c-" : "d-";
        out += after_ ? after_->anchor : before_->anchor;
    }
    // "A/RES/59/154, preambular paragraph 1", or nothing for a side the row does not have.
    static void label(std::string& out, const std::string& document, const Clause* clause) {
        if (!clause) return;
        out += document;
        out += ", ";
        out += clause_label(*clause);
    }
    static void href(std::string& out, const std::string& page, const Clause* clause) {
        if (!clause) return;
        out += page;
        out += '#';
        out += clause->anchor;
    }

    std::shared_ptr<const CompareSides> sides_;
    const Clause* before_;
    const Clause* after_;
    Change change_;
    bool punctuation_;
    std::string html_;
};

}  // namespace

PageContext compare_context(const Corpus& corpus, const Alignment& alignment, const ComparePair& pair) {
    const Document &A = corpus.documents[pair.before], &B = corpus.documents[pair.after];
    const Comparison cmp = compare_documents(corpus, alignment, pair.before, pair.after);
    const std::string& path = pair.path;
    auto sides = std::make_shared<const CompareSides>(CompareSides{
        label_of(A), label_of(B), relative_url(path, page_path(A)), relative_url(path, page_path(B))});
    PageContext context;
    json rows = json::array();
    for (const auto& r : cmp.rows) {
        const Clause* a = r.before ? &A.clauses[*r.before] : nullptr;
        const Clause* b = r.after ? &B.clauses[*r.after] : nullptr;
        std::string html;
        if (r.change == Change::amended) {
            html = diff_html(r.diff);
        } else {
            const std::string text = clause_text(b ? *b : *a);
            html.reserve(text.size() + 32);  // an entity or a few
            append_escaped_html(html, text);
        }
        rows.push_back(context.add(std::make_unique<RowView>(sides, r, a, b, std::move(html))));
    }
    std::string relation = pair.lineage ? (A.meta.kind == "draft" ? "The draft and the resolution it became"
                                                                  : "The recommendation and the resolution adopted")
                                        : "Successive texts of the series";
    bool has_rows = !rows.empty();
    context.tree = object_of("page_title", "Compare " + sides->before_label + " and " + sides->after_label,
                             "relation", std::move(relation),
                             "before", side(A, path),
                             "after", side(B, path),
                             "summary", summary_of(cmp),
                             "rows", std::move(rows),
                             "has_rows", has_rows);
    return context;
}

}  // namespace resgen
