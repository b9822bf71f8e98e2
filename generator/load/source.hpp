// Stage `load`: content/**/*.md and site.yml from disk into memory, nothing interpreted yet.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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
// (and an error in `diags`) when it cannot be read.
std::optional<Source> load_source(const std::filesystem::path& content_dir, const std::string& rel, Diagnostics& diags);

// Every file of content_files(), read and split.
std::vector<Source> load_sources(const std::filesystem::path& content_dir, Diagnostics& diags);

// Where `text` first breaks UTF-8 (a stray, truncated or overlong sequence, a surrogate, a
// code point past U+10FFFF): its 1-based line and column in characters. False when valid.
bool find_invalid_utf8(std::string_view text, int& line, int& column);

// Line `line` (1-based) of `text`, without its end of line; empty when there is none.
std::string_view line_of(std::string_view text, int line);

// Reads a whole file; throws std::runtime_error naming the file when it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace resgen
