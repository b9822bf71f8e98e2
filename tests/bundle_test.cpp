// The offline bundle: a deterministic zip, written only over a bundle resgen wrote.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "bundle/bundle.hpp"
#include "load/source.hpp"

using namespace resgen;
namespace fs = std::filesystem;

namespace {

std::vector<OutputFile> sample() {
    return {{"index.html", "<!DOCTYPE html><title>x</title>"},
            {"assets/style.css", "body { color: black; }"},
            {".nojekyll", ""}};
}

fs::path scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("resgen-bundle-test-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("a bundle is a zip whose bytes depend only on the files", "[bundle]") {
    Diagnostics diags;
    auto files = sample();
    std::string a = zip_bundle(files, "site", diags);
    std::reverse(files.begin(), files.end());  // order of the input does not matter
    setenv("TZ", "Pacific/Auckland", 1);       // nor does the time zone
    std::string b = zip_bundle(files, "site", diags);
    unsetenv("TZ");
    REQUIRE(diags.empty());
    CHECK(a.rfind("PK\x03\x04", 0) == 0);
    CHECK(a == b);
    // Entries sit under the folder, in path order: ".nojekyll" < "assets/..." < "index.html".
    size_t n = a.find("site/.nojekyll"), s = a.find("site/assets/style.css"), i = a.find("site/index.html");
    CHECK(n < s);
    CHECK(s < i);
    CHECK(a.size() > std::string_view(kBundleComment).size());
    CHECK(a.compare(a.size() - std::string_view(kBundleComment).size(), std::string::npos, kBundleComment) == 0);
}

TEST_CASE("the folder inside the bundle is named after the zip", "[bundle]") {
    CHECK(bundle_folder_name("out/kidnapping.zip") == "kidnapping");
    CHECK(bundle_folder_name("site.zip") == "site");
    CHECK(bundle_folder_name("archive") == "archive");
}

TEST_CASE("a bundle replaces only a bundle resgen wrote", "[bundle]") {
    fs::path dir = scratch("replace");
    Diagnostics diags;
    std::string zip = zip_bundle(sample(), "site", diags);
    fs::path target = dir / "site.zip";
    REQUIRE(write_bundle(target, zip, diags));
    REQUIRE(write_bundle(target, zip, diags));  // its own bundle: replaced
    CHECK(read_file(target) == zip);
    CHECK(diags.empty());

    fs::path foreign = dir / "notes.zip";
    std::ofstream(foreign) << "someone else's file";
    CHECK_FALSE(write_bundle(foreign, zip, diags));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("not a bundle written by resgen") != std::string::npos);
    CHECK(read_file(foreign) == "someone else's file");
    CHECK_FALSE(fs::exists(dir / "notes.zip.resgen-tmp"));
    fs::remove_all(dir);
}
