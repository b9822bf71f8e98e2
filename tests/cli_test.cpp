// The command line as its users meet it: `resgen serve` and `resgen bundle` run executables of
// their own (generator/cli/helper.cpp), with the same arguments, messages and exit codes as
// if resgen ran them itself, and `resgen` loads neither an HTTP server nor a zip library.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "run_resgen.hpp"

namespace fs = std::filesystem;
using resgen_test::quote;
using resgen_test::Run;
using resgen_test::run_resgen;
using resgen_test::TempDir;

TEST_CASE("resgen bundle runs resgen-bundle with its arguments and gives its exit code", "[cli]") {
    TempDir tmp;
    fs::path zip = tmp.path / "field.zip";
    Run made = run_resgen("bundle --content " + quote(fs::path(RESGEN_SOURCE_DIR) / "content") + " --out " + quote(zip),
                          tmp.path);
    CHECK(made.code == 0);
    CHECK(made.out.find("unzip it and open field/index.html") != std::string::npos);
    CHECK(fs::file_size(zip) > 0);

    Run wrong = run_resgen("bundle --no-such-option", tmp.path);
    CHECK(wrong.code == 2);
    CHECK(wrong.err.find("--no-such-option") != std::string::npos);

    Run bad = run_resgen("bundle --content " + quote(tmp.path / "missing") + " --out " + quote(tmp.path / "x.zip"),
                         tmp.path);
    CHECK(bad.code == 1);
    CHECK_FALSE(fs::exists(tmp.path / "x.zip"));
}

TEST_CASE("resgen serve --help is the help of the serve command", "[cli]") {
    TempDir tmp;
    Run help = run_resgen("serve --help", tmp.path);
    CHECK(help.code == 0);
    CHECK(help.out.find("Usage: resgen serve [OPTIONS]") != std::string::npos);
    CHECK(help.out.find("--port") != std::string::npos);

    Run top = run_resgen("--help", tmp.path);
    CHECK(top.out.find("serve") != std::string::npos);
    CHECK(top.out.find("bundle") != std::string::npos);
}

TEST_CASE("resgen without its helper executables says which one is missing", "[cli]") {
    TempDir tmp;
    fs::path alone = tmp.path / "bin" / "resgen";
    fs::create_directories(alone.parent_path());
    fs::copy_file(RESGEN_BINARY, alone);
    for (const char* command : {"serve", "bundle"}) {
        Run r = run_resgen(command, tmp.path, "", alone);
        CHECK(r.code == 3);
        CHECK(r.err.find((alone.parent_path() / ("resgen-" + std::string(command))).string()) != std::string::npos);
    }
    // The commands resgen runs itself need nothing beside it.
    Run build = run_resgen("build --content " + quote(fs::path(RESGEN_SOURCE_DIR) / "content") + " --out " +
                               quote(tmp.path / "site"),
                           tmp.path, "", alone);
    CHECK(build.code == 0);
    CHECK(fs::exists(tmp.path / "site" / "index.html"));
}

TEST_CASE("resgen itself links neither OpenSSL, the HTTP server nor the zip library", "[cli]") {
    // What the dynamic loader maps for every command (readelf, from binutils, is there
    // wherever resgen is compiled).
    TempDir tmp;
    std::string cmd = "readelf -d " + quote(RESGEN_BINARY) + " >" + quote(tmp.path / "dynamic");
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string dynamic = resgen::read_file(tmp.path / "dynamic");
    CHECK(dynamic.find("libcmark-gfm") != std::string::npos);  // the listing is the one wanted
    for (const char* library : {"libcrypto", "libssl", "libcpp-httplib", "libzip"}) {
        INFO(library);
        CHECK(dynamic.find(library) == std::string::npos);
    }
}

TEST_CASE("resgen export writes the bytes of the site's data files, without building the site", "[cli]") {
    TempDir tmp;
    const std::string content = quote(fs::path(RESGEN_SOURCE_DIR) / "content");
    REQUIRE(run_resgen("build --content " + content + " --out " + quote(tmp.path / "site"), tmp.path).code == 0);

    Run made = run_resgen("export --content " + content + " --format json,graph,akn --out " + quote(tmp.path / "data"),
                          tmp.path);
    REQUIRE(made.code == 0);
    CHECK(made.err.find("Exported 7 files") != std::string::npos);
    const fs::path site = tmp.path / "site", data = tmp.path / "data";
    CHECK(resgen::read_file(data / "corpus.json") == resgen::read_file(site / "data/corpus.json"));
    CHECK(resgen::read_file(data / "graph.json") == resgen::read_file(site / "data/graph.json"));
    size_t akn = 0;
    for (const auto& entry : fs::recursive_directory_iterator(data)) {
        if (entry.path().filename() != "akn.xml") continue;
        ++akn;
        CHECK(resgen::read_file(entry.path()) == resgen::read_file(site / fs::relative(entry.path(), data)));
    }
    CHECK(akn == 5);
    CHECK_FALSE(fs::exists(data / "index.html"));

    // One format goes to standard output; one document's AKN file alone.
    Run json = run_resgen("export --content " + content, tmp.path);
    CHECK(json.code == 0);
    CHECK(json.out == resgen::read_file(site / "data/corpus.json"));
    Run one = run_resgen("export --content " + content + " --format akn --document A/RES/59/154", tmp.path);
    CHECK(one.code == 0);
    CHECK(one.out == resgen::read_file(site / "A/RES/59/154/akn.xml"));
    Run none = run_resgen("export --content " + content + " --format akn --document A/RES/1/1", tmp.path);
    CHECK(none.code == 2);
    CHECK(none.err.find("no document 'A/RES/1/1' in the collection") != std::string::npos);
}

TEST_CASE("resgen new begins a content file that builds, and never replaces one", "[cli]") {
    TempDir tmp;
    const fs::path content = tmp.path / "content";
    fs::create_directories(content);
    fs::copy(fs::path(RESGEN_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
    const std::string in = " --content " + quote(content);

    Run made = run_resgen("new E/RES/2010/5 --title 'Follow-up: kidnapping' --date 2010-07-20" + in, tmp.path);
    CHECK(made.code == 0);
    CHECK(made.out.find("E-RES-2010-5.md") != std::string::npos);
    // The organ and the kind are the symbol's; nothing else is filled in.
    CHECK(resgen::read_file(content / "E-RES-2010-5.md") ==
          "---\nsymbol: E/RES/2010/5\ntitle: \"Follow-up: kidnapping\"\nbody: Economic and Social Council\n"
          "kind: resolution\ndate: 2010-07-20\n---\n\n*The Economic and Social Council,*\n");
    Run built = run_resgen("build" + in + " --out " + quote(tmp.path / "site"), tmp.path);
    CHECK(built.code == 0);
    CHECK(fs::exists(tmp.path / "site" / "E" / "RES" / "2010" / "5" / "index.html"));

    // A key the folder has, in any file, is refused; so is a file that exists.
    const std::string before = resgen::read_file(content / "E-RES-2010-5.md");
    Run again = run_resgen("new E/RES/2010/5 --title Other" + in, tmp.path);
    CHECK(again.code == 1);
    CHECK(again.err.find("E/RES/2010/5 is already the document of") != std::string::npos);
    CHECK(resgen::read_file(content / "E-RES-2010-5.md") == before);
    Run seed = run_resgen("new A/RES/59/154 --title Other" + in, tmp.path);
    CHECK(seed.code == 1);
    CHECK(seed.err.find("A-RES-59-154.md:2") != std::string::npos);
    fs::create_directories(content / "older");
    std::ofstream(content / "older" / "millennium.md")
        << "---\ntitle: T\nbody: General Assembly\nkind: resolution\nsymbol: A/RES/55/2\n---\n";
    Run elsewhere = run_resgen("new A/RES/55/2 --title Other" + in, tmp.path);
    CHECK(elsewhere.code == 1);
    CHECK(elsewhere.err.find("older/millennium.md:5") != std::string::npos);
    CHECK_FALSE(fs::exists(content / "A-RES-55-2.md"));

    // What the symbol does not say must be given; what is malformed is refused; nothing is written.
    for (const char* args : {"new X/Y/1 --title T", "new A/RES/65/1", "new A/RES/65/1 --title T --date 2010-13-01",
                             "new A/RES/65/1 --title T --kind verdict", "new 'A/RES/65 1' --title T",
                             "new A/RES/65/1 --id x --title T"}) {
        INFO(args);
        Run bad = run_resgen(args + in, tmp.path);
        CHECK(bad.code == 2);
        CHECK(bad.err.find("resgen new: error: ") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(content / "A-RES-65-1.md"));
    CHECK_FALSE(fs::exists(content / "X-Y-1.md"));

    // A document with no symbol is named by its id; a report has no voice line.
    Run report = run_resgen("new --id kidnapping-survey --title Survey --body Secretariat --kind report" + in, tmp.path);
    CHECK(report.code == 0);
    CHECK(resgen::read_file(content / "kidnapping-survey.md") ==
          "---\nid: kidnapping-survey\ntitle: Survey\nbody: Secretariat\nkind: report\n---\n\n");
}
