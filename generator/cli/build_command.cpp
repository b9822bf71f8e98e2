#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "align/align.hpp"
#include "site/site.hpp"

namespace resgen::cli {

namespace {

struct Options {
    BuildOptions build;
    std::string content = "content", out = "site", templates;
};

void add_common(CLI::App* cmd, Options& o) {
    cmd->add_option("--content", o.content, "folder of the content files and site.yml")->capture_default_str();
    cmd->add_option("--templates", o.templates, "folder of templates that replace the built-in ones, file by file");
    cmd->add_option("--base-url", o.build.base_url, "absolute address the site is published at");
}

int report(const Diagnostics& diags) {
    for (const auto& d : diags) std::cerr << format_diagnostic(d) << '\n';
    return has_errors(diags) ? content_error : ok;
}

BuildOptions resolve_options(Options& o) {
    BuildOptions b = o.build;
    b.content_dir = o.content;
    b.out_dir = o.out;
    if (!o.templates.empty()) b.templates_dir = o.templates;
    return b;
}

}  // namespace

void add_build_command(CLI::App& app, Action& run) {
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("build", "build the site of the content folder into the output folder");
    add_common(cmd, *o);
    cmd->add_option("--out", o->out, "output folder (created; replaced atomically)")->capture_default_str();
    cmd->callback([o, &run] {
        run = [o] {
            auto start = std::chrono::steady_clock::now();
            BuildResult r = build_site(resolve_options(*o));
            int code = report(r.diagnostics);
            if (!r.ok) {
                std::cerr << "resgen: build failed; " << o->out << " was left as it was\n";
                return code == ok ? int(content_error) : code;
            }
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
            std::cout << "Built " << r.documents << " documents, " << r.pages << " pages into " << o->out << "/ ("
                      << r.stats.written << " written, " << r.stats.unchanged << " unchanged, " << r.stats.removed
                      << " removed) in " << ms.count() << " ms\n";
            return int(ok);
        };
    });
}

void add_check_command(CLI::App& app, Action& run) {
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("check", "run every check of a build without writing anything");
    add_common(cmd, *o);
    cmd->callback([o, &run] {
        run = [o] {
            Site site = make_site(resolve_options(*o));
            // Lineage the texts show but the front matter does not state: notes, never errors.
            Diagnostics lineage = suggest_lineage(site.corpus, align_corpus(site.corpus));
            site.diagnostics.insert(site.diagnostics.end(), lineage.begin(), lineage.end());
            int code = report(site.diagnostics);
            size_t docs = 0;
            for (const auto& d : site.corpus.documents) docs += d.in_collection;
            std::cout << (code == ok ? "OK: " : "Errors in ") << docs << " documents, " << site.plan.pages.size()
                      << " pages\n";
            return code;
        };
    });
}

}  // namespace resgen::cli
