// Each command of the `resgen` command line registers itself on the app.
// Commands are thin: they read options, call the site orchestrator, and map the
// outcome to an exit code (0 success, 1 error in the content, 2 usage error).
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

namespace resgen::cli {

enum ExitCode { ok = 0, content_error = 1, usage_error = 2 };

// Registers a subcommand; `run` is set to the action to perform when it is chosen.
using Action = std::function<int()>;
void add_build_command(CLI::App& app, Action& run);
void add_check_command(CLI::App& app, Action& run);
void add_import_command(CLI::App& app, Action& run);
void add_bundle_command(CLI::App& app, Action& run);
void add_export_command(CLI::App& app, Action& run);

}  // namespace resgen::cli
