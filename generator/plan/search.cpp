#include "plan/search.hpp"

#include "parallel/parallel.hpp"
#include "plan/labels.hpp"

namespace resgen {

using nlohmann::json;

std::string search_index_text(const Corpus& corpus) {
    // Short keys: the index travels with every offline copy. The text is that of one JSON
    // object {"docs": [...], "paras": [...]}, each document's entries written on every core.
    const size_t n = corpus.documents.size();
    std::vector<std::string> docs(n), paras(n);
    parallel_for(n, [&](size_t index) {
        const Document& d = corpus.documents[index];
        std::string tags;
        for (const auto& t : d.meta.tags) tags += (tags.empty() ? "" : " ") + t;
        docs[index] = json{{"u", page_path(d)},
                           {"l", label_of(d)},
                           {"s", d.meta.symbol},
                           {"t", d.meta.title},
                           {"b", d.meta.body},
                           {"k", kind_label(d.meta.kind)},
                           {"y", d.meta.date.empty() ? "" : display_date(d.meta.date)},
                           {"g", tags},
                           {"o", d.in_collection ? 0 : 1}}
                          .dump();
        for (const auto& c : d.clauses) {
            if (c.anchor.empty() || c.plain.empty()) continue;
            if (!paras[index].empty()) paras[index] += ',';
            paras[index] += json{{"d", index}, {"a", c.anchor}, {"l", clause_label(c)}, {"x", c.plain}}.dump();
        }
    });
    std::string out = "window.RESGEN_SEARCH_INDEX = {\"docs\":[";
    for (size_t i = 0; i < n; ++i) out += (i ? "," : "") + docs[i];
    out += "],\"paras\":[";
    bool first = true;
    for (size_t i = 0; i < n; ++i) {
        if (paras[i].empty()) continue;
        if (!first) out += ',';
        out += paras[i];
        first = false;
    }
    out += "]};\n";
    return out;
}

DataFile search_index(const Corpus& corpus) {
    return {kSearchIndexPath, {}, [&corpus] { return search_index_text(corpus); }};
}

Page search_page() {
    // The page itself is the same for any content: what changes is the index it loads.
    Page page{"search/index.html", "search", {}, {}};
    page.context = {{"page_title", "Search"}, {"index_script", kSearchIndexPath}};
    return page;
}

}  // namespace resgen
