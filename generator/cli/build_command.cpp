#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "align/align.hpp"
#include "load/source.hpp"
#include "site/site.hpp"

namespace resgen::cli {

namespace {

struct Options {
    BuildOptions build;
    std::string content = "content", out = "site", templates, error_format = "human";
    bool timings = false;
};

void add_common(CLI::App* cmd, Options& o) {
    cmd->add_option("--content", o.content, "folder of the content files and site.yml")->capture_default_str();
    cmd->add_option("--templates", o.templates, "folder of templates that replace the built-in ones, file by file");
    cmd->add_option("--base-url", o.build.base_url, "absolute address the site is published at");
    cmd->add_option("--error-format", o.error_format,
                    "human: path:line:col: message with the source line; github: workflow annotations")
        ->check(CLI::IsMember({"human", "github"}))
        ->capture_default_str();
}

// Diagnostics name files relative to the content folder; shown, they name them as the user
// can open them, with the offending line and a caret under the column.
int report(const Diagnostics& diags, const Options& o) {
    std::map<std::string, std::string> texts;
    for (Diagnostic d : diags) {
        std::filesystem::path file = std::filesystem::path(o.content) / d.path;
        std::error_code ec;
        bool in_content = !d.path.empty() && std::filesystem::path(d.path).is_relative() &&
                          std::filesystem::is_regular_file(file, ec);
        if (in_content) d.path = file.generic_string();
        if (o.error_format == "github") {
            std::cout << format_github(d) << '\n';
            continue;
        }
        std::cerr << format_diagnostic(d) << '\n';
        if (!in_content || d.line <= 0) continue;
        auto it = texts.find(d.path);
        if (it == texts.end()) {
            std::string text;
            try {
                text = read_file(file);
            } catch (const std::exception&) {
            }
            it = texts.emplace(d.path, std::move(text)).first;
        }
        std::cerr << caret_lines(line_of(it->second, d.line), d.column);
    }
    return has_errors(diags) ? content_error : ok;
}

// Ctrl-C or a TERM during a build: the write stops before the swap and the previous site stays.
std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop = true; }

BuildOptions resolve_options(Options& o) {
    BuildOptions b = o.build;
    b.content_dir = o.content;
    b.out_dir = o.out;
    if (!o.templates.empty()) b.templates_dir = o.templates;
    if (const char* home = std::getenv("HOME")) b.home = home;
    return b;
}

}  // namespace

void add_build_command(CLI::App& app, Action& run) {
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("build", "build the site of the content folder into the output folder");
    add_common(cmd, *o);
    cmd->add_option("--out", o->out, "output folder (created; replaced atomically)")->capture_default_str();
    cmd->add_flag("--timings", o->timings, "print how long each stage took");
    cmd->callback([o, &run] {
        run = [o] {
            auto start = std::chrono::steady_clock::now();
            std::signal(SIGINT, on_stop_signal);
            std::signal(SIGTERM, on_stop_signal);
            BuildOptions options = resolve_options(*o);
            options.stop = &g_stop;
            BuildResult r = build_site(options);
            int code = report(r.diagnostics, *o);
            if (!r.ok) {
                std::cerr << "resgen: build failed; " << o->out << " was left as it was\n";
                return code == ok ? int(content_error) : code;
            }
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
            std::cout << "Built " << r.documents << " documents, " << r.pages << " pages into " << o->out << "/ ("
                      << r.stats.written << " written, " << r.stats.unchanged << " unchanged, " << r.stats.removed
                      << " removed) in " << ms.count() << " ms\n";
            if (o->timings)
                for (const auto& t : r.timings)
                    std::cout << "  " << t.stage << ": " << static_cast<long>(t.ms + 0.5) << " ms (CPU "
                              << static_cast<long>(t.cpu_ms + 0.5) << " ms), memory "
                              << t.resident_kb / 1024 << " MB (peak " << t.peak_kb / 1024 << " MB)\n";
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
            Site site = make_site(resolve_options(*o), KeepFiles::none);
            // Lineage the texts show but the front matter does not state: notes, never errors.
            Diagnostics lineage = suggest_lineage(site.corpus, site.alignment);
            site.diagnostics.insert(site.diagnostics.end(), lineage.begin(), lineage.end());
            sort_diagnostics(site.diagnostics);
            int code = report(site.diagnostics, *o);
            size_t docs = 0;
            for (const auto& d : site.corpus.documents) docs += d.in_collection;
            std::cout << (code == ok ? "OK: " : "Errors in ") << docs << " documents, " << site.plan.pages.size()
                      << " pages\n";
            return code;
        };
    });
}

}  // namespace resgen::cli
