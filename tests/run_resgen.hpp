// Running the real resgen executable from a test: a scratch folder, and one run with its exit
// code and both streams.
#pragma once
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "load/source.hpp"

namespace resgen_test {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("resgen-test-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Run {
    int code = -1;
    std::string out, err;
};

inline std::string quote(const fs::path& p) {
    std::string s = "'";
    for (char c : p.string()) s += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return s + "'";
}

// Runs `resgen <args>` with an optional environment prefix, capturing both streams; `binary`
// is the executable run as resgen.
inline Run run_resgen(const std::string& args, const fs::path& scratch, const std::string& env = "",
                      const fs::path& binary = RESGEN_BINARY) {
    fs::path out = scratch / "stdout", err = scratch / "stderr";
    std::string cmd = env + " " + quote(binary) + " " + args + " >" + quote(out) + " 2>" + quote(err);
    int status = std::system(cmd.c_str());
    Run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = resgen::read_file(out);
    r.err = resgen::read_file(err);
    return r;
}

}  // namespace resgen_test
