// Stage `write`: the rendered files onto disk, safely.
//
// A build is written into a fresh sibling folder and swapped in only when complete, so a failed
// or interrupted build leaves the previous site as it was. resgen keeps a manifest of what it
// wrote (`.resgen-manifest`) and deletes only files it wrote: a file someone else put in the
// output folder is carried over. An existing non-empty folder without a manifest is refused.
// A file whose bytes did not change keeps its inode and its modification time.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/text_sink.hpp"
#include "render/render.hpp"

namespace resgen {

struct WriteStats {
    size_t written = 0;    // files whose bytes are new
    size_t unchanged = 0;  // files kept as they were
    size_t removed = 0;    // files of the previous build that this build no longer has
    bool stopped = false;  // update_site: stopped before every file was made
};

inline constexpr const char* kManifestName = ".resgen-manifest";

// True when `path` is relative, has no "." or ".." segment, and no empty segment.
bool safe_relative_path(const std::string& path);

// A site named by its paths, whose bytes are made on demand: a large site is rendered and
// written a file at a time on every core, and never held in memory whole.
struct SiteFiles {
    std::vector<std::string> paths;  // relative to the output folder
    // Gives the bytes of paths[i] to the sink, whole or piece by piece; called from several
    // threads. A large file given in pieces is written as they come.
    std::function<void(size_t, const TextSink&)> bytes;
};

// Replaces the site in `out_dir` by `files`. Errors (a refused folder, an unsafe path, a disk
// error) are reported in `diags`, and the previous site is left in place. `threads` 0 is one
// per core; the result does not depend on it. When `stop` becomes true (set by a signal
// handler) the write gives up before the swap, as if it had failed.
WriteStats write_site(const std::filesystem::path& out_dir, const SiteFiles& files, Diagnostics& diags,
                      unsigned threads = 0, const std::atomic<bool>* stop = nullptr);
WriteStats write_site(const std::filesystem::path& out_dir, const std::vector<OutputFile>& files,
                      Diagnostics& diags, const std::atomic<bool>* stop = nullptr);

// Why `out_dir` must not be an output folder, or empty when it may be: the root, the home
// folder, the content or templates folder, a folder inside them, or a folder that contains
// them. A build replaces its output folder, so none of these may ever be one.
std::string refuse_output_folder(const std::filesystem::path& out_dir,
                                 const std::vector<std::filesystem::path>& sources,
                                 const std::filesystem::path& home);

// Writes only the given files into an existing site, each atomically, and removes the files
// of `removed` that resgen wrote; the manifest follows (for the live preview). A file whose
// bytes did not change is left alone. `changed`, when given, receives the paths written or
// removed. Files are made on demand, on `threads` threads (0: one per core); a large file
// given in pieces is written aside as they come and compared with the disk once whole there,
// never held whole in memory. When `stop` turns true, the files not yet made are left as they
// are, a file being made is given up between two of its pieces, nothing is removed, and the
// result is `stopped`; what was written stays written, and is in the manifest.
WriteStats update_site(const std::filesystem::path& out_dir, const SiteFiles& files, Diagnostics& diags,
                       const std::vector<std::string>& removed, std::vector<std::string>* changed,
                       unsigned threads, const std::atomic<bool>* stop);

}  // namespace resgen
