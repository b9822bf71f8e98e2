#include "site/site.hpp"

#include <algorithm>

#include "load/source.hpp"
#include "parse/parse.hpp"

namespace resgen {

void sort_diagnostics(Diagnostics& diags) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.path != b.path) return a.path < b.path;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
}

Site make_site(const BuildOptions& options) {
    Site site;
    Diagnostics& diags = site.diagnostics;
    site.config = load_config(options.content_dir, diags);
    if (!options.base_url.empty()) {
        site.config.base_url = options.base_url;
        if (site.config.base_url.back() != '/') site.config.base_url += '/';
    }
    if (options.offline) site.config.base_url.clear();

    std::vector<Source> sources = load_sources(options.content_dir, diags);
    ParseOptions parse_options{site.config.preambular_phrases};
    std::vector<Document> documents;
    documents.reserve(sources.size());
    for (const auto& src : sources) documents.push_back(parse_document(src, parse_options, diags));

    site.corpus = resolve(std::move(documents), diags);
    site.plan = plan_site(site.corpus, site.config);

    TemplateSet templates =
        load_templates({options.templates_dir, options.content_dir / "templates"}, diags);
    Renderer renderer(templates, site.config);
    if (!has_errors(diags) && renderer.valid(diags)) {
        site.files.reserve(site.plan.pages.size() + site.plan.data.size() + templates.assets.size());
        for (const auto& page : site.plan.pages) site.files.push_back({page.path, renderer.render(page)});
        for (const auto& d : site.plan.data) site.files.push_back({d.path, d.bytes});
        for (const auto& a : templates.assets) site.files.push_back(a);
    }
    sort_diagnostics(diags);
    return site;
}

BuildResult build_site(const BuildOptions& options) {
    BuildResult result;
    std::string why = refuse_output_folder(
        options.out_dir, {options.content_dir, options.templates_dir, options.content_dir / "templates"},
        options.home);
    if (!why.empty()) {
        result.diagnostics.push_back({Severity::error, options.out_dir.string(), 0, 0,
                                      "refusing to use this folder as the output: " + why});
        return result;
    }
    Site site = make_site(options);
    result.diagnostics = std::move(site.diagnostics);
    result.pages = site.plan.pages.size();
    for (const auto& d : site.corpus.documents) result.documents += d.in_collection;
    if (has_errors(result.diagnostics)) return result;
    result.stats = write_site(options.out_dir, site.files, result.diagnostics, options.stop);
    result.ok = !has_errors(result.diagnostics);
    return result;
}

}  // namespace resgen
