#include "cli/commands.hpp"

namespace resgen::cli {

int run_app(CLI::App& app, const Action& run, int argc, char** argv) {
    app.set_version_flag("--version", std::string("resgen ") + RESGEN_VERSION);
    app.require_subcommand(1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : usage_error;
    }
    return run ? run() : usage_error;
}

}  // namespace resgen::cli
