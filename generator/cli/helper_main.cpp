// The main of resgen-serve and resgen-bundle, each one command of `resgen` (see helper.cpp).
// RESGEN_HELPER names the function that registers the command.
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{resgen::cli::resgen_summary, "resgen"};
    resgen::cli::Action run;
    resgen::cli::RESGEN_HELPER(app, run);
    return resgen::cli::run_app(app, run, argc, argv);
}
