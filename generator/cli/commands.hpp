// Each command of the `resgen` command line registers itself on the app.
// Commands are thin: they read options, call the site orchestrator, and map the
// outcome to an exit code (0 success, 1 error in the content, 2 usage error, 3 a missing
// executable of resgen).
#pragma once
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <string>

namespace resgen::cli {

// missing_executable: resgen-serve or resgen-bundle is not next to resgen.
enum ExitCode { ok = 0, content_error = 1, usage_error = 2, missing_executable = 3 };

// Registers a subcommand; `run` is set to the action to perform when it is chosen.
using Action = std::function<int()>;
void add_build_command(CLI::App& app, Action& run);
void add_check_command(CLI::App& app, Action& run);
void add_import_command(CLI::App& app, Action& run);
void add_serve_command(CLI::App& app, Action& run);
void add_bundle_command(CLI::App& app, Action& run);
void add_export_command(CLI::App& app, Action& run);
void add_new_command(CLI::App& app, Action& run);

// Writes a file `import` or `new` made, creating its folder; refuses to replace an existing
// file unless `force` (then it is replaced whole, by a rename). `error` says why it failed.
bool write_file(const std::filesystem::path& target, const std::string& text, bool force, std::string& error);

// The two commands that run in executables of their own (see helper.cpp), as `resgen --help`
// and the helper itself describe them.
inline constexpr const char* serve_summary = "build, serve on loopback, and rebuild and reload pages as files change";
inline constexpr const char* bundle_summary = "pack the site into one zip that works offline, opened from file://";

// `resgen serve` and `resgen bundle` as `resgen` knows them: the command's arguments are
// handed, unread, to resgen-serve or resgen-bundle next to the running executable.
void add_helper_command(CLI::App& app, Action& run, const char* name, const char* summary);

// What every resgen executable says of itself; its command line is named "resgen".
inline constexpr const char* resgen_summary =
    "resgen: builds the annotated texts of a UN resolution series into a cross-linked site";

// Parses the command line (one command required, or --version) and runs the chosen command;
// returns the exit code.
int run_app(CLI::App& app, const Action& run, int argc, char** argv);

}  // namespace resgen::cli
