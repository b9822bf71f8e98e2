#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{resgen::cli::resgen_summary, "resgen"};
    resgen::cli::Action run;
    resgen::cli::add_build_command(app, run);
    resgen::cli::add_check_command(app, run);
    resgen::cli::add_import_command(app, run);
    resgen::cli::add_new_command(app, run);
    resgen::cli::add_helper_command(app, run, "serve", resgen::cli::serve_summary);
    resgen::cli::add_helper_command(app, run, "bundle", resgen::cli::bundle_summary);
    resgen::cli::add_export_command(app, run);
    return resgen::cli::run_app(app, run, argc, argv);
}
