#include "cli/commands.hpp"

namespace resgen::cli {
void add_import_command(CLI::App&, Action&) {}
}  // namespace resgen::cli
