// `resgen export`: the series as data, on standard output or into a folder, without building
// the site. The same bytes as the site's data/corpus.json, data/graph.json and akn.xml files.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "export/export.hpp"
#include "parallel/parallel.hpp"
#include "site/site.hpp"

namespace resgen::cli {

namespace {

struct ExportOptions {
    std::string content = "content", out, templates;
    std::vector<std::string> formats{"json"};
    std::string document;
};

// The files of one format: path relative to the export folder, and bytes.
std::vector<OutputFile> export_files(const LoadedCorpus& loaded, const std::string& format, const std::string& only) {
    std::vector<OutputFile> files;
    if (format == "json") files.push_back({"corpus.json", whole_text(corpus_json_write, loaded.corpus)});
    if (format == "graph") files.push_back({"graph.json", whole_text(graph_json_write, loaded.corpus)});
    if (format == "akn") {
        std::vector<const Document*> docs;
        for (const auto& d : loaded.corpus.documents)
            if (d.in_collection && (only.empty() || d.key == only)) docs.push_back(&d);
        files.resize(docs.size());
        parallel_for(docs.size(), [&](size_t i) {
            files[i] = {akn_path(*docs[i]), akn_xml(*docs[i], loaded.corpus, loaded.config.language)};
        });
    }
    return files;
}

int run_export(const ExportOptions& o) {
    BuildOptions b;
    b.content_dir = o.content;
    if (!o.templates.empty()) b.templates_dir = o.templates;
    // The data needs the resolved corpus only: nothing is aligned, planned or rendered.
    LoadedCorpus loaded = load_corpus(b);
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d) << '\n';
    if (has_errors(loaded.diagnostics)) return content_error;

    if (!o.document.empty()) {
        const Document* d = loaded.corpus.find(o.document);
        if (!d || !d->in_collection) {
            std::cerr << "resgen export: no document '" << o.document << "' in the collection\n";
            return usage_error;
        }
    }
    std::vector<OutputFile> files;
    for (const auto& f : o.formats) {
        auto more = export_files(loaded, f, o.document);
        files.insert(files.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    if (o.out.empty()) {
        if (files.size() != 1) {
            std::cerr << "resgen export: " << files.size()
                      << " files to write; choose one format (and one --document for akn) or give --out DIR\n";
            return usage_error;
        }
        std::cout << files.front().bytes;
        return std::cout.good() ? int(ok) : int(content_error);
    }
    Diagnostics diags;
    WriteStats stats = write_site(o.out, files, diags);
    for (const auto& d : diags) std::cerr << format_diagnostic(d) << '\n';
    if (has_errors(diags)) return content_error;
    std::cerr << "Exported " << files.size() << " files into " << o.out << "/ (" << stats.written << " written, "
              << stats.unchanged << " unchanged, " << stats.removed << " removed)\n";
    return ok;
}

}  // namespace

void add_export_command(CLI::App& app, Action& run) {
    auto o = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export", "write the series as data: corpus JSON, citation graph JSON or Akoma Ntoso XML");
    cmd->add_option("--content", o->content, "folder of the content files and site.yml")->capture_default_str();
    cmd->add_option("--format", o->formats, "json (corpus.json), graph (graph.json), akn (one XML per document); several with commas")
        ->delimiter(',')
        ->check(CLI::IsMember({"json", "graph", "akn"}))
        ->capture_default_str();
    cmd->add_option("--out", o->out, "folder to write into (replaced like a build's output); standard output when not given");
    cmd->add_option("--document", o->document, "only this document (its symbol, or its id), for --format akn");
    cmd->callback([o, &run] { run = [o] { return run_export(*o); }; });
}

}  // namespace resgen::cli
