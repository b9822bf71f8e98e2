#include "plan/search.hpp"

#include "plan/labels.hpp"

namespace resgen {

using nlohmann::json;

DataFile search_index(const Corpus& corpus) {
    // Short keys: the index travels with every offline copy.
    json docs = json::array(), paras = json::array();
    for (const auto& d : corpus.documents) {
        std::string tags;
        for (const auto& t : d.meta.tags) tags += (tags.empty() ? "" : " ") + t;
        docs.push_back({{"u", page_path(d)},
                        {"l", label_of(d)},
                        {"s", d.meta.symbol},
                        {"t", d.meta.title},
                        {"b", d.meta.body},
                        {"k", kind_label(d.meta.kind)},
                        {"y", d.meta.date.empty() ? "" : display_date(d.meta.date)},
                        {"g", tags},
                        {"o", d.in_collection ? 0 : 1}});
        size_t index = docs.size() - 1;
        for (const auto& c : d.clauses) {
            if (c.anchor.empty() || c.plain.empty()) continue;
            paras.push_back({{"d", index}, {"a", c.anchor}, {"l", clause_label(c)}, {"x", c.plain}});
        }
    }
    json index = {{"docs", docs}, {"paras", paras}};
    return {kSearchIndexPath, "window.RESGEN_SEARCH_INDEX = " + index.dump() + ";\n"};
}

Page search_page() {
    // The page itself is the same for any content: what changes is the index it loads.
    Page page{"search/index.html", "search", {}, {}};
    page.context = {{"page_title", "Search"}, {"index_script", kSearchIndexPath}};
    return page;
}

}  // namespace resgen
