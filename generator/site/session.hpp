// The incremental path of the live preview: a Session remembers the last build (its corpus,
// plan and templates; with BuildOptions::live, the alignment's index) so that after one
// content file changes, only that file is parsed again and only the pages that depend on it
// are planned, rendered and written again.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "site/site.hpp"

namespace resgen {

struct UpdateResult {
    BuildResult build;                 // diagnostics, counts, stats of what was written
    std::vector<std::string> changed;  // output paths whose bytes changed or that were removed
    bool full = false;                 // everything was built again (templates, site.yml, after an error)
    bool interrupted = false;          // refresh() gave up before writing: stopped
};

class Session {
public:
    explicit Session(BuildOptions options);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // A full build into options.out_dir, as build_site does; the session remembers it.
    UpdateResult build();

    // After the files at `paths` changed, appeared or disappeared (paths as a watcher reports
    // them: content files, site.yml, templates). A content file is parsed again and the pages
    // depending on it rendered again; a template or site.yml builds everything again. On an
    // error nothing is written and the last good site stays as it is.
    UpdateResult update(const std::vector<std::filesystem::path>& paths);
    // Whether update() would do anything for these paths (an editor's swap and backup files,
    // files outside the content and templates, do not count). Safe to call while another
    // thread builds: it reads the options only.
    bool affects(const std::vector<std::filesystem::path>& paths) const;

    // Brings what update() left for later up to date (a live session's quick path leaves the
    // series pages, the data files and pages an edit changes beyond its own texts), writing
    // only files whose bytes changed; stale() says whether anything is left. serve calls it
    // after each reload. When `stop` turns true meanwhile (another edit came), it gives up
    // where it is, between two pieces of a file at the latest: result.interrupted, and the
    // session is as stale as before. The files it wrote by then are right for the corpus it
    // saw; the refresh that ends names them in its `changed`.
    UpdateResult refresh(const std::atomic<bool>* stop = nullptr);
    bool stale() const;

    const BuildOptions& options() const { return options_; }

private:
    struct State;
    struct Changed {
        bool everything = false;            // a template or site.yml: build everything again
        std::vector<std::string> content;   // content files, relative to the content folder
    };
    Changed classify(const std::vector<std::filesystem::path>& paths) const;
    UpdateResult incremental(const std::vector<std::string>& content_paths);
    // The live path: the edited texts replace theirs in the corpus and alignment, and their
    // pages, the pages of what they cite or cited, and those of the texts paired differently
    // with them are written at once; the rest waits for refresh(). Nothing when the edit would move
    // documents (a new key, a new stub, changed front matter): the full path then follows.
    std::optional<UpdateResult> quick_update(const std::vector<std::string>& content_paths);

    BuildOptions options_;
    std::unique_ptr<State> state_;
};

}  // namespace resgen
