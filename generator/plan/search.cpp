#include "plan/search.hpp"

#include "export/json_text.hpp"
#include "markdown/markdown.hpp"
#include "parallel/parallel.hpp"
#include "plan/labels.hpp"

namespace resgen {

void search_index_write(const Corpus& corpus, const TextSink& sink) {
    // Short keys: the index travels with every offline copy. The text is that of one JSON
    // object {"docs": [...], "paras": [...]}, each document's entries written on every core:
    // the documents all at once (a line each), their paragraphs a batch of documents at a time.
    const size_t n = corpus.documents.size();
    std::vector<std::string> docs(n);
    parallel_for(n, [&](size_t index) {
        const Document& d = corpus.documents[index];
        std::string tags;
        for (const auto& t : d.meta.tags) tags += (tags.empty() ? "" : " ") + t;
        // Each object's keys in their sorted order, as the index has always had them.
        JsonWriter(docs[index])
            .begin_object()
            .key("b").string(d.meta.body)
            .key("g").string(tags)
            .key("k").string(kind_label(d.meta.kind))
            .key("l").string(label_of(d))
            .key("o").number(d.in_collection ? 0 : 1)
            .key("s").string(d.meta.symbol)
            .key("t").string(d.meta.title)
            .key("u").string(page_path(d))
            .key("y").string(d.meta.date.empty() ? "" : display_date(d.meta.date))
            .end_object();
    });
    std::string out = "window.RESGEN_SEARCH_INDEX = {\"docs\":[";
    for (size_t i = 0; i < n; ++i) out += (i ? "," : "") + docs[i];
    out += "],\"paras\":[";
    sink(out);
    std::vector<std::string>().swap(docs);

    constexpr size_t kBatch = 256;
    std::vector<std::string> paras;
    bool first = true;
    for (size_t from = 0; from < n; from += kBatch) {
        paras.assign(std::min(kBatch, n - from), {});
        parallel_for(paras.size(), [&](size_t k) {
            const size_t index = from + k;
            for (const auto& c : corpus.documents[index].clauses) {
                if (c.anchor.empty()) continue;
                const std::string text = markdown::plain_text(c.markdown);
                if (text.empty()) continue;
                if (!paras[k].empty()) paras[k] += ',';
                JsonWriter(paras[k])
                    .begin_object()
                    .key("a").string(c.anchor)
                    .key("d").number(index)
                    .key("l").string(clause_label(c))
                    .key("x").string(text)
                    .end_object();
            }
        });
        for (const auto& p : paras) {
            if (p.empty()) continue;
            if (!first) sink(",");
            sink(p);
            first = false;
        }
    }
    sink("]};\n");
}

DataFile search_index(const Corpus& corpus) {
    return {kSearchIndexPath, {}, [&corpus](const TextSink& sink) { search_index_write(corpus, sink); }};
}

Page search_page() {
    // The page itself is the same for any content: what changes is the index it loads.
    Page page{"search/index.html", "search", {}, {}};
    page.context = {{"page_title", "Search"}, {"index_script", kSearchIndexPath}};
    return page;
}

}  // namespace resgen
