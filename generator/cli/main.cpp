#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"resgen: builds the annotated texts of a UN resolution series into a cross-linked site"};
    app.set_version_flag("--version", std::string("resgen ") + RESGEN_VERSION);
    app.require_subcommand(1);

    resgen::cli::Action run;
    resgen::cli::add_build_command(app, run);
    resgen::cli::add_check_command(app, run);
    resgen::cli::add_import_command(app, run);
    resgen::cli::add_bundle_command(app, run);
    resgen::cli::add_export_command(app, run);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : resgen::cli::usage_error;
    }
    return run ? run() : resgen::cli::usage_error;
}
