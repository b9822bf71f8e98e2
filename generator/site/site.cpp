#include "site/site.hpp"

#include <algorithm>
#include <optional>

#include "load/source.hpp"
#include "parallel/parallel.hpp"
#include "site/session.hpp"

namespace resgen {

void sort_diagnostics(Diagnostics& diags) {
    std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.path != b.path) return a.path < b.path;
        if (a.line != b.line) return a.line < b.line;
        return a.column < b.column;
    });
}

ParsedContent parse_content(const std::filesystem::path& content_dir, const std::vector<std::string>& files,
                            const ParseOptions& options, unsigned threads) {
    std::vector<std::optional<Document>> parsed(files.size());
    std::vector<Diagnostics> diags(files.size());
    ReadAhead read_ahead(content_dir, files);
    parallel_for(files.size(), [&](size_t i) {
        bool from_disk = false;
        auto src = load_source(content_dir, files[i], diags[i], &from_disk);
        read_ahead.reached(i, from_disk);
        if (src) parsed[i] = parse_document(*src, options, diags[i]);
    }, threads);
    ParsedContent out;
    out.documents.reserve(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        if (parsed[i]) out.documents.push_back(std::move(*parsed[i]));
        if (!diags[i].empty()) out.diagnostics[files[i]] = std::move(diags[i]);
    }
    return out;
}

LoadedCorpus load_corpus(const BuildOptions& options) {
    LoadedCorpus loaded;
    Diagnostics& diags = loaded.diagnostics;
    loaded.config = load_config(options.content_dir, diags);
    if (!options.base_url.empty()) {
        loaded.config.base_url = options.base_url;
        if (loaded.config.base_url.back() != '/') loaded.config.base_url += '/';
    }
    if (options.offline) loaded.config.base_url.clear();

    std::vector<std::string> files = content_files(options.content_dir, diags);
    ParsedContent parsed = parse_content(options.content_dir, files,
                                         ParseOptions{loaded.config.preambular_phrases}, options.threads);
    for (const auto& [path, d] : parsed.diagnostics) diags.insert(diags.end(), d.begin(), d.end());
    loaded.corpus = resolve(std::move(parsed.documents), diags);
    sort_diagnostics(diags);
    return loaded;
}

Site make_site(const BuildOptions& options, KeepFiles keep) {
    Site site;
    LoadedCorpus loaded = load_corpus(options);
    site.config = std::move(loaded.config);
    site.corpus = std::move(loaded.corpus);
    site.diagnostics = std::move(loaded.diagnostics);
    Diagnostics& diags = site.diagnostics;
    site.alignment = align_corpus(site.corpus);
    site.plan = plan_site(site.corpus, site.alignment, site.config);

    TemplateSet templates =
        load_templates({options.templates_dir, options.content_dir / "templates"}, diags);
    Renderer renderer(templates, site.config);
    if (!has_errors(diags) && renderer.valid(diags)) {
        const size_t pages = site.plan.pages.size();
        if (keep == KeepFiles::none) {
            parallel_for(pages, [&](size_t i) { renderer.render(site.plan.pages[i]); }, options.threads);
            for (const auto& d : site.plan.data) d.write([](std::string_view) {});
        } else {
            site.files.resize(pages);
            parallel_for(pages, [&](size_t i) {
                site.files[i] = {site.plan.pages[i].path, renderer.render(site.plan.pages[i])};
            }, options.threads);
            site.files.reserve(pages + site.plan.data.size() + templates.assets.size());
            for (const auto& d : site.plan.data) site.files.push_back({d.path, d.text()});
            for (const auto& a : templates.assets) site.files.push_back(a);
        }
    }
    sort_diagnostics(diags);
    return site;
}

BuildResult build_site(const BuildOptions& options) {
    std::string why = refuse_output_folder(
        options.out_dir, {options.content_dir, options.templates_dir, options.content_dir / "templates"},
        options.home);
    if (!why.empty()) {
        BuildResult refused;
        refused.diagnostics.push_back({Severity::error, options.out_dir.string(), 0, 0,
                                       "refusing to use this folder as the output: " + why});
        return refused;
    }
    Session session(options);
    return session.build().build;
}

}  // namespace resgen
