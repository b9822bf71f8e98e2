// The orchestrator: runs the stages in order. Commands (build, check, serve, bundle) are thin
// layers over these functions.
#pragma once
#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "model/diagnostic.hpp"
#include "parse/parse.hpp"
#include "plan/plan.hpp"
#include "render/render.hpp"
#include "resolve/corpus.hpp"
#include "write/write.hpp"

namespace resgen {

struct BuildOptions {
    std::filesystem::path content_dir = "content";
    std::filesystem::path out_dir = "site";
    std::filesystem::path templates_dir = RESGEN_DEFAULT_TEMPLATES;  // built-in templates
    std::string base_url;   // overrides site.yml's when set
    unsigned threads = 0;   // parse, render and write on this many threads; 0: one per core
    std::filesystem::path home;  // the user's home folder, never an output folder
    const std::atomic<bool>* stop = nullptr;  // set by a signal handler: give up before the swap
    bool offline = false;   // a copy read from file:// (resgen bundle): no base URL at all
    // Keep what makes a Session's update of one edited text fast (resgen serve): the index of
    // the alignment, which a one-off build lets go.
    bool live = false;
};

// Everything a build knows before writing.
struct Site {
    SiteConfig config;
    Corpus corpus;
    Alignment alignment;       // align_corpus(corpus), for the plan and for check
    Plan plan;
    std::vector<OutputFile> files;
    Diagnostics diagnostics;   // sorted by file, line, column
};

// The site's settings and its texts loaded, parsed, cited and resolved: what the data
// exports need, with nothing aligned, planned or rendered. Diagnostics sorted.
struct LoadedCorpus {
    SiteConfig config;
    Corpus corpus;
    Diagnostics diagnostics;
};
LoadedCorpus load_corpus(const BuildOptions& options);

// What make_site keeps of the pages and data files it renders: all of them, or none (for
// `resgen check`, which needs only what rendering them reports; a large site's files would
// not fit in memory together).
enum class KeepFiles { all, none };

// load_corpus, then align, plan and render; nothing is written.
Site make_site(const BuildOptions& options, KeepFiles keep = KeepFiles::all);

// How long one stage of a build took (resgen build --timings).
struct StageTime {
    std::string stage;   // "load and parse", "align", ...: of a build, an update or a refresh
    double ms = 0;
    double cpu_ms = 0;       // processor time of all threads in the stage, where the system says
    size_t resident_kb = 0;  // the process's memory when the stage ended, and its peak so far
    size_t peak_kb = 0;      // (0 where the system does not say)
};

struct BuildResult {
    Diagnostics diagnostics;
    std::vector<StageTime> timings;
    WriteStats stats;
    size_t pages = 0;
    size_t documents = 0;
    bool ok = false;
};

// Writes the site into options.out_dir unless there is an error, as make_site would make it;
// document pages are planned, rendered and written one at a time on every core (see Session).
BuildResult build_site(const BuildOptions& options);

// The content files (as content_files() lists them) read and parsed on every core; each
// file's diagnostics under its path, so that they do not depend on which thread did what.
struct ParsedContent {
    std::vector<Document> documents;
    std::map<std::string, Diagnostics> diagnostics;
};
ParsedContent parse_content(const std::filesystem::path& content_dir, const std::vector<std::string>& files,
                            const ParseOptions& options, unsigned threads = 0);

// Sorts diagnostics by path, line and column, so output is stable.
void sort_diagnostics(Diagnostics& diags);

}  // namespace resgen
