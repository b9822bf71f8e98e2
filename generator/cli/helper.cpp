// `resgen serve` and `resgen bundle` run in executables of their own, resgen-serve and
// resgen-bundle, next to `resgen`, as git runs git-<command>. They link an HTTP server and a
// zip library, and through both OpenSSL; loading those and starting them up took 10 ms of
// every run of `resgen`, a quarter of a five-document build (docs/performance.md).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace resgen::cli {

namespace {

// The folder of the running executable, or empty when the system does not say.
std::filesystem::path own_folder() {
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : self.parent_path();
}

// Replaces this process with `resgen-<command> <command> <args...>`: the helper reads the
// command line as `resgen` would have, and its exit code and signals are the command's own.
// Returns only when the helper cannot be started.
int run_helper(const std::string& command, const std::vector<std::string>& args) {
    std::filesystem::path folder = own_folder();
    std::filesystem::path path = folder / ("resgen-" + command);
    std::vector<std::string> words{path.string(), command};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::cout.flush();
    execv(path.c_str(), argv.data());
    std::cerr << "resgen: `resgen " << command << "` runs " << path.string() << ", which cannot be started: "
              << std::strerror(errno) << " (it is built with resgen and must stay next to it)\n";
    return missing_executable;
}

}  // namespace

void add_helper_command(CLI::App& app, Action& run, const char* name, const char* summary) {
    CLI::App* cmd = app.add_subcommand(name, summary);
    // Every argument after the command's name, --help included, is the helper's to read.
    cmd->prefix_command();
    cmd->set_help_flag();
    cmd->callback([cmd, name, &run] {
        run = [command = std::string(name), args = cmd->remaining()] { return run_helper(command, args); };
    });
}

}  // namespace resgen::cli
