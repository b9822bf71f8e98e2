#include "plan/data_files.hpp"

#include <unordered_map>

#include "export/export.hpp"

namespace resgen {

void add_data_files(Plan& plan, const Corpus& corpus, const SiteConfig& config) {
    // Made when written: the largest files of a big site need not all stand in memory at once.
    plan.data.push_back({"data/corpus.json", {}, [&corpus](const TextSink& sink) { corpus_json_write(corpus, sink); }});
    plan.data.push_back({"data/graph.json", {}, [&corpus](const TextSink& sink) { graph_json_write(corpus, sink); }});
    for (const auto& d : corpus.documents)
        if (d.in_collection)
            plan.data.push_back({akn_path(d), {}, [&d, &corpus, language = config.language](const TextSink& sink) {
                                     sink(akn_xml(d, corpus, language));
                                 }});
    link_data_files(plan, corpus);
}

void link_data_files(Plan& plan, const Corpus&) {
    // The documents page links the JSON files; each document page the AKN file beside it.
    for (auto& page : plan.pages) {
        if (page.template_name == "documents")
            page.context["data"] = {{"corpus", relative_url(page.path, "data/corpus.json")},
                                    {"graph", relative_url(page.path, "data/graph.json")}};
        if (page.template_name != "document" || !page.make_context || !page.document || !page.document->in_collection)
            continue;
        page.make_context = [inner = std::move(page.make_context)] {
            PageContext context = inner();
            context.tree["doc"]["akn_href"] = "akn.xml";
            return context;
        };
    }
}

}  // namespace resgen
