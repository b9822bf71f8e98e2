// data/graph.json: documents as nodes; "recalls", "cites" and "adopted_as" as edges, each
// citation edge with the paragraph it comes from.
#include "export/export.hpp"
#include "plan/labels.hpp"
#include "plan/plan.hpp"

namespace resgen {

using nlohmann::json;

namespace {

json stated(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

}  // namespace

json graph_json(const Corpus& corpus) {
    json nodes = json::array(), edges = json::array();
    for (const auto& d : corpus.documents) {
        nodes.push_back({{"id", d.key},
                         {"label", label_of(d)},
                         {"symbol", stated(d.meta.symbol)},
                         {"title", stated(d.meta.title)},
                         {"body", stated(d.meta.body)},
                         {"kind", stated(d.meta.kind)},
                         {"date", stated(d.meta.date)},
                         {"in_collection", d.in_collection},
                         {"page", page_path(d)},
                         {"akn_work", akn_names(d).work}});
        for (const auto& cl : d.clauses) {
            for (const auto& c : cl.citations) {
                if (c.kind == Citation::Kind::self || c.target == d.key) continue;
                edges.push_back({{"type", c.recalls ? "recalls" : "cites"},
                                 {"from", d.key},
                                 {"to", c.target},
                                 {"paragraph", stated(cl.anchor)},
                                 {"paragraph_label", clause_label(cl)},
                                 {"span", c.span},
                                 {"pinpoint", stated(c.pinpoint)}});
            }
        }
        if (!d.meta.adopted_as.empty())
            // Stated in the front matter, not in a paragraph.
            edges.push_back({{"type", "adopted_as"},
                             {"from", d.key},
                             {"to", d.meta.adopted_as},
                             {"paragraph", nullptr},
                             {"paragraph_label", nullptr},
                             {"span", nullptr},
                             {"pinpoint", nullptr}});
    }
    return {{"format", "resgen-graph"}, {"version", 1}, {"nodes", nodes}, {"edges", edges}};
}

}  // namespace resgen
