#include "plan/data_files.hpp"

#include "export/export.hpp"

namespace resgen {

void add_data_files(Plan& plan, const Corpus& corpus, const SiteConfig& config) {
    plan.data.push_back({"data/corpus.json", json_text(corpus_json(corpus))});
    plan.data.push_back({"data/graph.json", json_text(graph_json(corpus))});
    for (const auto& d : corpus.documents)
        if (d.in_collection) plan.data.push_back({akn_path(d), akn_xml(d, corpus, config.language)});
    // The documents page links the JSON files; each document page the AKN file beside it.
    for (auto& page : plan.pages) {
        if (page.template_name == "documents")
            page.context["data"] = {{"corpus", relative_url(page.path, "data/corpus.json")},
                                    {"graph", relative_url(page.path, "data/graph.json")}};
        if (page.template_name != "document") continue;
        const Document* d = corpus.find(page.context["doc"].value("key", ""));
        if (d && d->in_collection) page.context["doc"]["akn_href"] = "akn.xml";
    }
}

}  // namespace resgen
