// data/graph.json: documents as nodes; "recalls", "cites" and "adopted_as" as edges, each
// citation edge with the paragraph it comes from.
#include "export/export.hpp"
#include "plan/labels.hpp"
#include "plan/plan.hpp"

namespace resgen {

namespace {

json stated(std::string_view value) { return value.empty() ? json(nullptr) : json(value); }

json node_json(const Document& d) {
    return {{"id", d.key},
            {"label", label_of(d)},
            {"symbol", stated(d.meta.symbol)},
            {"title", stated(d.meta.title)},
            {"body", stated(d.meta.body)},
            {"kind", stated(d.meta.kind)},
            {"date", stated(d.meta.date)},
            {"in_collection", d.in_collection},
            {"page", page_path(d)},
            {"akn_work", akn_names(d).work}};
}

// Calls f(edge) for each edge that starts at `d`.
template <class F>
void for_each_edge(const Document& d, F&& f) {
    for (const auto& cl : d.clauses) {
        for (const auto& c : cl.citations) {
            if (c.kind == Citation::Kind::self || c.target == d.key) continue;
            f(json{{"type", c.recalls ? "recalls" : "cites"},
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
        f(json{{"type", "adopted_as"},
               {"from", d.key},
               {"to", d.meta.adopted_as},
               {"paragraph", nullptr},
               {"paragraph_label", nullptr},
               {"span", nullptr},
               {"pinpoint", nullptr}});
}

}  // namespace

json graph_json(const Corpus& corpus) {
    json nodes = json::array(), edges = json::array();
    for (const auto& d : corpus.documents) {
        nodes.push_back(node_json(d));
        for_each_edge(d, [&](json edge) { edges.push_back(std::move(edge)); });
    }
    return {{"format", "resgen-graph"}, {"version", 1}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

void graph_json_write(const Corpus& corpus, const TextSink& sink) {
    // The root's keys in their sorted order, as nlohmann::json keeps them; each node and edge
    // a record as json_text lays it out, handed on every few hundred KB.
    constexpr size_t kPiece = 256 * 1024;
    std::string out = "{";
    auto array = [&](const char* name, const auto& each_element) {
        out += '"';
        out += name;
        out += "\":[";
        bool first = true;
        each_element([&](const json& element) {
            out += first ? "\n" : ",\n";
            first = false;
            append_json_record(out, element);
            if (out.size() >= kPiece) {
                sink(out);
                out.clear();
            }
        });
        out += first ? "]" : "\n]";
    };
    array("edges", [&](const auto& emit) {
        for (const auto& d : corpus.documents) for_each_edge(d, emit);
    });
    out += ",\"format\":\"resgen-graph\",";
    array("nodes", [&](const auto& emit) {
        for (const auto& d : corpus.documents) emit(node_json(d));
    });
    out += ",\"version\":1}\n";
    sink(out);
}

}  // namespace resgen
