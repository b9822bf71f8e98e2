// What resgen promises when the input is wrong or hostile, checked on the real executable:
// every case of tests/fixtures/bad/ gives its exit code and messages (its `expect` file), a
// failed build leaves the previous site as it was, hostile text reaches no page as markup, and
// a folder resgen did not create is never emptied.
//
// An `expect` file has one directive a line:
//   exit N            the exit code
//   stderr TEXT       TEXT appears in what resgen prints on standard error
//   inert WORD        WORD, wherever it reaches an HTML or XML file, is text: never inside a
//                     tag (an attribute, a URL) and never inside a <script> or <style> element
//   site-has TEXT     some file of the built site contains TEXT
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "load/source.hpp"
#include "parallel/stop.hpp"
#include "run_resgen.hpp"
#include "write/write.hpp"

namespace fs = std::filesystem;
using resgen_test::quote;
using resgen_test::Run;
using resgen_test::run_resgen;
using resgen_test::TempDir;

namespace {

std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = resgen::read_file(e.path());
    return files;
}

std::vector<fs::path> siblings_named_like(const fs::path& out) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(out.parent_path()))
        if (e.path().filename().string().rfind("." + out.filename().string() + ".resgen-", 0) == 0)
            found.push_back(e.path());
    return found;
}

// Where `word` occurs in markup rather than in text: in a tag outside a quoted attribute value
// (an attribute of its own), in the value of an event handler or of a URL attribute, or inside
// a script or style element. A quoted value of any other attribute (a title, an id) is text.
// Returns the surroundings of the first such place, or empty.
std::string markup_occurrence(const std::string& html, const std::string& word) {
    size_t pos = 0;
    while ((pos = html.find(word, pos)) != std::string::npos) {
        auto inside = [&](const std::string& element) {
            size_t open = html.rfind("<" + element, pos), close = html.rfind("</" + element, pos);
            return open != std::string::npos && (close == std::string::npos || close < open);
        };
        size_t lt = html.rfind('<', pos), gt = html.rfind('>', pos);
        bool markup = inside("script") || inside("style");
        if (!markup && lt != std::string::npos && (gt == std::string::npos || gt < lt)) {
            // In a tag: which quoted value, if any, holds the word?
            char quote = 0;
            size_t value_start = 0;
            for (size_t i = lt; i < pos; ++i) {
                if (quote) {
                    if (html[i] == quote) quote = 0;
                } else if (html[i] == '"' || html[i] == '\'') {
                    quote = html[i];
                    value_start = i;
                }
            }
            if (!quote) {
                markup = true;
            } else {
                size_t eq = html.rfind('=', value_start), name_start = html.rfind(' ', eq);
                std::string name = html.substr(name_start + 1, eq - name_start - 1);
                // A URL is markup when it runs something: a scheme other than http(s).
                std::string url = html.substr(value_start + 1, pos - value_start - 1);
                bool runs = url.find(':') != std::string::npos && url.rfind("http://", 0) != 0 &&
                            url.rfind("https://", 0) != 0;
                bool url_attribute = name == "href" || name == "src" || name == "action" || name == "xlink:href";
                markup = name.rfind("on", 0) == 0 || name == "style" || (url_attribute && runs);
            }
        }
        if (markup) {
            size_t from = pos < 80 ? 0 : pos - 80;
            return html.substr(from, 160);
        }
        pos += word.size();
    }
    return {};
}

struct Expect {
    int exit = 0;
    std::vector<std::string> stderr_has, inert, site_has;
};

Expect read_expect(const fs::path& file) {
    Expect e;
    std::istringstream in(resgen::read_file(file));
    std::string line;
    while (std::getline(in, line)) {
        auto sp = line.find(' ');
        std::string key = line.substr(0, sp), value = sp == std::string::npos ? "" : line.substr(sp + 1);
        if (key == "exit") e.exit = std::stoi(value);
        else if (key == "stderr") e.stderr_has.push_back(value);
        else if (key == "inert") e.inert.push_back(value);
        else if (key == "site-has") e.site_has.push_back(value);
        else if (!key.empty()) FAIL(file.string() + ": unknown directive '" + key + "'");
    }
    return e;
}

const fs::path kBad = fs::path(RESGEN_FIXTURES) / "bad";
const fs::path kMini = fs::path(RESGEN_FIXTURES) / "mini" / "content";

}  // namespace

TEST_CASE("each bad content file gives its exit code and message, and leaves the previous site as it was",
          "[safety]") {
    TempDir tmp;
    const fs::path previous = tmp.path / "previous";
    REQUIRE(run_resgen("build --content " + quote(kMini) + " --out " + quote(previous), tmp.path).code == 0);
    const auto before = snapshot(previous);

    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(kBad)) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 20);
    for (const auto& dir : cases) {
        const std::string name = dir.filename().string();
        INFO("case " << name);
        Expect expect = read_expect(dir / "expect");
        // A failing case builds over the previous site; one that passes into a folder of its own.
        const fs::path out = expect.exit == 0 ? tmp.path / name : previous;
        Run r = run_resgen("build --content " + quote(dir) + " --out " + quote(out), tmp.path);
        INFO("stderr:\n" << r.err);
        CHECK(r.code == expect.exit);
        for (const auto& text : expect.stderr_has) CHECK_THAT(r.err, Catch::Contains(text));
        if (expect.exit != 0) {
            CHECK(snapshot(previous) == before);
            CHECK(siblings_named_like(previous).empty());
            continue;
        }
        REQUIRE(fs::is_directory(out));
        const auto site = snapshot(out);
        for (const auto& text : expect.site_has) {
            bool found = std::any_of(site.begin(), site.end(),
                                     [&](const auto& f) { return f.second.find(text) != std::string::npos; });
            CHECK(found);
            if (!found) UNSCOPED_INFO("no file has: " << text);
        }
        for (const auto& word : expect.inert) {
            for (const auto& [path, bytes] : site) {
                if (!path.ends_with(".html") && !path.ends_with(".xml") && !path.ends_with(".svg")) continue;
                INFO(path);
                CHECK(markup_occurrence(bytes, word) == "");
            }
        }
    }
}

TEST_CASE("the word check sees markup and lets text be", "[safety]") {
    CHECK(markup_occurrence("<p>&lt;script&gt;pwned()&lt;/script&gt;</p>", "pwned") == "");
    CHECK(markup_occurrence("<p title=\"&quot;pwned\">x</p>", "pwned") == "");
    CHECK(markup_occurrence("<p onclick=\"pwned()\">x</p>", "pwned") != "");
    CHECK(markup_occurrence("<p title=\"x\" onclick=pwned()>x</p>", "pwned") != "");
    CHECK(markup_occurrence("<script>var x = 'pwned';</script>", "pwned") != "");
    CHECK(markup_occurrence("<a href=\"javascript:pwned()\">x</a>", "pwned") != "");
    CHECK(markup_occurrence("<a href=\"#council-pwned\">x</a>", "pwned") == "");
}

TEST_CASE("a document of 4,000 paragraphs builds, each paragraph with its anchor", "[safety]") {
    TempDir tmp;
    fs::create_directories(tmp.path / "content");
    std::ofstream md(tmp.path / "content" / "long.md");
    md << "---\nsymbol: E/RES/2001/1\ntitle: A long resolution\nbody: Economic and Social Council\n"
          "kind: resolution\n---\n\n*The Economic and Social Council,*\n\n";
    for (int i = 1; i <= 4000; ++i) md << "*Noting* the report number " << i << ",\n\n";
    md.close();
    Run r = run_resgen("build --content " + quote(tmp.path / "content") + " --out " + quote(tmp.path / "site"), tmp.path);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::string page = resgen::read_file(tmp.path / "site" / "E" / "RES" / "2001" / "1" / "index.html");
    CHECK_THAT(page, Catch::Contains("id=\"pp4000\""));
}

TEST_CASE("a folder resgen did not create keeps every file", "[safety]") {
    TempDir tmp;
    const fs::path mine = tmp.path / "my-documents";
    fs::create_directories(mine / "notes");
    std::ofstream(mine / "thesis.txt") << "three years of work";
    std::ofstream(mine / "notes" / "a.md") << "notes";
    const auto before = snapshot(mine);
    Run r = run_resgen("build --content " + quote(kMini) + " --out " + quote(mine), tmp.path);
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("refusing to build into a folder resgen did not create"));
    CHECK(snapshot(mine) == before);
    CHECK(siblings_named_like(mine).empty());
}

TEST_CASE("files someone added to a built site stay through the next build", "[safety]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    REQUIRE(run_resgen("build --content " + quote(kMini) + " --out " + quote(out), tmp.path).code == 0);
    std::ofstream(out / "CNAME") << "example.org";
    fs::create_directories(out / "extra" / "empty");
    REQUIRE(run_resgen("build --content " + quote(kMini) + " --out " + quote(out), tmp.path).code == 0);
    CHECK(resgen::read_file(out / "CNAME") == "example.org");
    CHECK(fs::is_directory(out / "extra" / "empty"));
    // A document that went away takes its page's folders with it.
    CHECK(fs::exists(out / "A" / "RES" / "56" / "2" / "index.html"));
    const fs::path other = tmp.path / "other";
    fs::create_directories(other);
    fs::copy(kMini / "first.md", other / "first.md");
    REQUIRE(run_resgen("build --content " + quote(other) + " --out " + quote(out), tmp.path).code == 0);
    CHECK_FALSE(fs::exists(out / "A"));
    CHECK(fs::is_directory(out / "extra" / "empty"));
}

TEST_CASE("the content folder, a folder holding it, the root and the home folder are refused as --out",
          "[safety]") {
    TempDir tmp;
    const fs::path project = tmp.path / "project", content = project / "content";
    fs::create_directories(content);
    fs::copy(kMini, content, fs::copy_options::recursive);
    // Each of these would hold a manifest-less build, or be emptied by a swap: all refused
    // before anything is written.
    const fs::path empty_home = tmp.path / "home";
    fs::create_directories(empty_home);
    struct Case {
        fs::path out;
        const char* why;
    };
    const std::vector<Case> cases = {
        {content, "it is the folder resgen reads from"},
        {project, "it contains"},
        {content / "site", "it lies inside"},
        {"/", "it is the root folder"},
        {empty_home, "it is your home folder"},
    };
    const auto before = snapshot(project);
    for (const auto& c : cases) {
        INFO(c.out);
        Run r = run_resgen("build --content " + quote(content) + " --out " + quote(c.out), tmp.path,
                       "HOME=" + quote(empty_home));
        CHECK(r.code == 1);
        CHECK_THAT(r.err, Catch::Contains("refusing to use this folder as the output: ") &&
                              Catch::Contains(c.why));
    }
    CHECK(snapshot(project) == before);
    CHECK(fs::is_empty(empty_home));
}

TEST_CASE("a write stopped before the swap leaves the previous site and no staging folder", "[safety]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    resgen::Diagnostics diags;
    resgen::write_site(out, std::vector<resgen::OutputFile>{{"index.html", "old"}}, diags);
    REQUIRE(diags.empty());
    std::atomic<bool> stop{true};
    resgen::write_site(out, std::vector<resgen::OutputFile>{{"index.html", "new"}, {"other.html", "new"}}, diags, &stop);
    REQUIRE(diags.size() == 1);
    CHECK_THAT(diags[0].message, Catch::Contains("interrupted"));
    CHECK(resgen::read_file(out / "index.html") == "old");
    CHECK_FALSE(fs::exists(out / "other.html"));
    CHECK(siblings_named_like(out).empty());
}

TEST_CASE("SIGINT at any moment of a build leaves either the previous site or the whole new one", "[safety]") {
    TempDir tmp;
    // Enough text that the build takes a while; the signal lands somewhere in it.
    fs::create_directories(tmp.path / "content");
    for (int d = 1; d <= 20; ++d) {
        std::ofstream md(tmp.path / "content" / ("d" + std::to_string(d) + ".md"));
        md << "---\nsymbol: E/RES/2001/" << d << "\ntitle: Resolution " << d
           << "\nbody: Economic and Social Council\nkind: resolution\n---\n\n";
        for (int i = 1; i <= 300; ++i) md << i << ". *Decides* to recall its resolution 2000/" << i << ";\n\n";
    }
    const fs::path out = tmp.path / "site";
    REQUIRE(run_resgen("build --content " + quote(kMini) + " --out " + quote(out), tmp.path).code == 0);
    const auto before = snapshot(out);
    for (const char* delay : {"0.05", "0.2", "0.5", "1"}) {
        INFO("SIGINT after " << delay << " s");
        Run r = run_resgen("build --content " + quote(tmp.path / "content") + " --out " + quote(out), tmp.path,
                       std::string("timeout -s INT ") + delay);
        const auto after = snapshot(out);
        CHECK(siblings_named_like(out).empty());
        if (after == before) continue;  // stopped: the previous site, whole
        // Finished: every file of the manifest is there.
        std::istringstream manifest(after.at(".resgen-manifest"));
        std::string line;
        while (std::getline(manifest, line))
            if (!line.empty() && line[0] != '#') CHECK(after.count(line) == 1);
        CHECK(after.count("E/RES/2001/20/index.html") == 1);
        REQUIRE(run_resgen("build --content " + quote(kMini) + " --out " + quote(out), tmp.path).code == 0);
    }
}

// corpus.json of a large collection is given to the writer a few hundred documents at a
// time: written as the pieces come, then compared with the previous build's file like any
// other, and linked from it when it did not change.
TEST_CASE("a file given in pieces, larger than is kept whole, is written, and kept when unchanged", "[safety]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    const size_t piece = size_t{3} << 20;  // four pieces: more than the writer keeps whole
    auto site = [&](char last) {
        resgen::SiteFiles files;
        files.paths = {"data/big.json", "index.html"};
        files.bytes = [=](size_t i, const resgen::TextSink& sink) {
            if (i == 1) return sink("home");
            for (char c : {'a', 'b', 'c', last}) sink(std::string(piece, c));
        };
        return files;
    };
    auto inode = [](const fs::path& p) {
        struct stat st {};
        ::lstat(p.c_str(), &st);
        return st.st_ino;
    };
    resgen::Diagnostics diags;
    resgen::WriteStats first = resgen::write_site(out, site('d'), diags);
    REQUIRE(diags.empty());
    CHECK(first.written == 2);
    std::string big = resgen::read_file(out / "data/big.json");
    CHECK(big == std::string(piece, 'a') + std::string(piece, 'b') + std::string(piece, 'c') + std::string(piece, 'd'));
    auto before = inode(out / "data/big.json");

    resgen::WriteStats same = resgen::write_site(out, site('d'), diags);
    REQUIRE(diags.empty());
    CHECK(same.unchanged == 2);
    CHECK(inode(out / "data/big.json") == before);

    resgen::WriteStats changed = resgen::write_site(out, site('e'), diags);
    REQUIRE(diags.empty());
    CHECK(changed.written == 1);
    CHECK(changed.unchanged == 1);
    CHECK(inode(out / "data/big.json") != before);
    CHECK(resgen::read_file(out / "data/big.json").substr(3 * piece) == std::string(piece, 'e'));
    CHECK(siblings_named_like(out).empty());
    CHECK(std::distance(fs::directory_iterator(out / "data"), fs::directory_iterator()) == 1);
}

// The live preview's refresh writes into the site in place, a file at a time, and an edit
// saved meanwhile stops it between two pieces of a file: what was written stays, complete and
// in the manifest; the file being made and the files after it are as they were; nothing is
// removed; no temporary file is left.
TEST_CASE("an update given in pieces is compared as they come, and a stop leaves every file whole", "[safety]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    const size_t piece = size_t{3} << 20;  // more than the writer keeps whole
    resgen::Diagnostics diags;
    resgen::write_site(out, std::vector<resgen::OutputFile>{{"a.html", "a0"}, {"data/big.json", std::string(4 * piece, 'x')},
                                                            {"c.html", "c0"}, {"gone.html", "g"}},
                       diags);
    REQUIRE(diags.empty());
    auto inode = [](const fs::path& p) {
        struct stat st {};
        ::lstat(p.c_str(), &st);
        return st.st_ino;
    };
    const auto big_inode = inode(out / "data/big.json");

    // new/b.html is new, in a new folder; big.json changes in its last piece; the stop comes
    // with big.json's third piece. One thread, so that the order of the files is the order of
    // the work.
    std::atomic<bool> stop{false};
    resgen::SiteFiles files;
    files.paths = {"a.html", "new/b.html", "data/big.json", "c.html"};
    files.bytes = [&](size_t i, const resgen::TextSink& sink) {
        if (i == 0) return sink("a1");
        if (i == 1) return sink("b1");
        if (i == 3) return sink("c1");
        for (int k = 0; k < 4; ++k) {
            if (k == 2) stop = true;
            sink(std::string(piece, k == 3 ? 'y' : 'x'));
        }
    };
    std::vector<std::string> changed;
    resgen::WriteStats stopped = resgen::update_site(out, files, diags, {"gone.html"}, &changed, 1, &stop);
    REQUIRE(diags.empty());
    CHECK(stopped.stopped);
    CHECK(stopped.written == 2);
    CHECK(changed == std::vector<std::string>{"a.html", "new/b.html"});
    CHECK(resgen::read_file(out / "a.html") == "a1");
    CHECK(resgen::read_file(out / "new/b.html") == "b1");
    CHECK(resgen::read_file(out / "data/big.json") == std::string(4 * piece, 'x'));
    CHECK(inode(out / "data/big.json") == big_inode);
    CHECK(resgen::read_file(out / "c.html") == "c0");
    CHECK(fs::exists(out / "gone.html"));
    CHECK(resgen::read_file(out / resgen::kManifestName).find("new/b.html") != std::string::npos);
    CHECK(std::distance(fs::directory_iterator(out / "data"), fs::directory_iterator()) == 1);

    // Not stopped: big.json compared piece by piece and written, gone.html removed.
    stop = false;
    files.bytes = [&](size_t i, const resgen::TextSink& sink) {
        if (i == 0) return sink("a1");
        if (i == 1) return sink("b1");
        if (i == 3) return sink("c1");
        for (int k = 0; k < 4; ++k) sink(std::string(piece, k == 3 ? 'y' : 'x'));
    };
    changed.clear();
    resgen::WriteStats done = resgen::update_site(out, files, diags, {"gone.html"}, &changed, 1, &stop);
    REQUIRE(diags.empty());
    CHECK_FALSE(done.stopped);
    CHECK(done.unchanged == 2);
    CHECK(done.written == 2);
    CHECK(done.removed == 1);
    CHECK(resgen::read_file(out / "data/big.json").substr(3 * piece) == std::string(piece, 'y'));
    CHECK(resgen::read_file(out / "c.html") == "c1");
    CHECK_FALSE(fs::exists(out / "gone.html"));
    CHECK(std::distance(fs::directory_iterator(out / "data"), fs::directory_iterator()) == 1);

    // The same again: nothing written, and the large file keeps its inode.
    const auto written_inode = inode(out / "data/big.json");
    resgen::WriteStats same = resgen::update_site(out, files, diags, {}, nullptr, 1, &stop);
    CHECK(same.unchanged == 4);
    CHECK(inode(out / "data/big.json") == written_inode);
}

// A file whose maker reads long before its first piece (a series page reads every document)
// looks at the stop itself: the writer names the flag for the thread making it. Stopped there,
// the file is left as it was, like one stopped between two pieces.
TEST_CASE("a file stopped before its first piece is left as it was", "[safety]") {
    TempDir tmp;
    const fs::path out = tmp.path / "site";
    resgen::Diagnostics diags;
    resgen::write_site(out, std::vector<resgen::OutputFile>{{"index.html", "old"}, {"a.html", "a0"}}, diags);
    REQUIRE(diags.empty());
    std::atomic<bool> stop{false};
    bool read_on = false;  // the page went on reading after the stop
    resgen::SiteFiles files;
    files.paths = {"a.html", "index.html"};
    files.bytes = [&](size_t i, const resgen::TextSink& sink) {
        if (i == 0) return sink("a1");
        stop = true;  // an edit saved while the page reads the collection
        resgen::stop_point();
        read_on = true;  // not reached when stopped: the page would have been made of nothing
    };
    std::vector<std::string> changed;
    resgen::WriteStats stats = resgen::update_site(out, files, diags, {}, &changed, 1, &stop);
    REQUIRE(diags.empty());
    CHECK(stats.stopped);
    CHECK_FALSE(read_on);
    CHECK(changed == std::vector<std::string>{"a.html"});
    CHECK(resgen::read_file(out / "index.html") == "old");
    CHECK(siblings_named_like(out).empty());
    CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 3);  // and the manifest

    // A full build stopped there gives up, and the previous site stays.
    stop = false;
    resgen::WriteStats build = resgen::write_site(out, files, diags, 1, &stop);
    CHECK_FALSE(read_on);
    CHECK(build.written == 0);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("interrupted") != std::string::npos);
    CHECK(resgen::read_file(out / "index.html") == "old");
    CHECK(resgen::read_file(out / "a.html") == "a1");
}
