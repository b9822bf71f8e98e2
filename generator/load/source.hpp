// Stage `load`: content/**/*.md and site.yml from disk into memory, nothing interpreted yet.
#pragma once
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "model/diagnostic.hpp"

namespace resgen {

// One content file, split at its front matter.
struct Source {
    std::string path;          // relative to the content folder, with '/' separators
    std::string front_matter;  // the YAML between the two '---' lines
    int front_matter_line = 0; // line of the first YAML line in the file (1-based); 0 if none
    std::string body;          // everything after the closing '---'
    int body_line = 1;         // line of the first body line in the file
};

// Splits a file's text (CRLF and a leading byte-order mark are accepted) into a Source.
// A missing or unterminated front matter is reported in `diags`.
Source split_source(std::string path, std::string text, Diagnostics& diags);

// The paths of the *.md files below `content_dir`, relative to it with '/' separators, sorted
// so that builds are deterministic. Hidden files and folders (".name") and the `templates`
// folder are skipped.
std::vector<std::string> content_files(const std::filesystem::path& content_dir, Diagnostics& diags);

// Reads and splits one content file named by its path relative to `content_dir`; nothing
// (and an error in `diags`) when it cannot be read. `from_disk`: as for read_file().
std::optional<Source> load_source(const std::filesystem::path& content_dir, const std::string& rel, Diagnostics& diags,
                                  bool* from_disk = nullptr);

// Asks the kernel to read content files from disk before they are parsed. A build whose files
// are not in memory (the first after a reboot, or after a large build pushed them out) would
// otherwise wait for the disk one file at a time on each core, with the cores idle: more than
// twice the load's time at 10,000 documents. Once the parsers wait for many files, a thread of
// its own opens the files in order and asks for each whole (posix_fadvise WILLNEED, which
// returns at once and lets the disk serve many files together), keeping at most `window`
// files ahead of the last file reached(), so that what it reads is not pushed out again
// before it is parsed. `files` must outlive it.
class ReadAhead {
public:
    ReadAhead(std::filesystem::path content_dir, const std::vector<std::string>& files, size_t window = 512);
    ~ReadAhead();   // stops and joins the thread
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;
    // A parser has come to files[file]; `from_disk`: it had to wait for the disk.
    void reached(size_t file, bool from_disk);
    bool started() const { return started_; }
    size_t asked() const { return asked_; }   // files asked for so far

private:
    static constexpr size_t kWaits = 64;   // about sixteen files waited for in a row
    std::atomic<size_t> reached_{0};
    std::atomic<size_t> waits_{0};         // a leaky count of the files waited for
    std::atomic<bool> started_{false};
    std::atomic<bool> done_{false};
    std::atomic<size_t> asked_{0};
    std::jthread thread_;
};

// Every file of content_files(), read and split.
std::vector<Source> load_sources(const std::filesystem::path& content_dir, Diagnostics& diags);

// Where `text` first breaks UTF-8 (a stray, truncated or overlong sequence, a surrogate, a
// code point past U+10FFFF): its 1-based line and column in characters. False when valid.
bool find_invalid_utf8(std::string_view text, int& line, int& column);

// Line `line` (1-based) of `text`, without its end of line; empty when there is none.
std::string_view line_of(std::string_view text, int line);

// Reads a whole file; throws std::runtime_error naming the file when it cannot. `from_disk`,
// when given, is set when the file was not in memory and had to be waited for (never on a
// file system that cannot tell).
std::string read_file(const std::filesystem::path& path, bool* from_disk = nullptr);

}  // namespace resgen
