// The incremental path: after one content file changes, the session rewrites the pages that
// depend on it, and the output folder ends up exactly as a full build would leave it.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "load/source.hpp"
#include "site/session.hpp"

namespace fs = std::filesystem;
using namespace resgen;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("resgen-session-test-" + name);
    fs::remove_all(p);
    return p;
}

fs::path copy_of_content(const std::string& name) {
    fs::path p = fresh_dir(name);
    fs::copy(fs::path(RESGEN_SOURCE_DIR) / "content", p, fs::copy_options::recursive);
    return p;
}

std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[e.path().lexically_relative(dir).generic_string()] = read_file(e.path());
    return files;
}

void edit(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = read_file(file);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

BuildOptions options_for(const fs::path& content, const fs::path& out, bool live) {
    BuildOptions options;
    options.content_dir = content;
    options.out_dir = out;
    options.live = live;
    return options;
}

// What a one-off build of the same content writes into `dir`, to compare a session's folder with.
BuildResult full_build(BuildOptions options, const fs::path& dir) {
    fs::remove_all(dir);
    options.out_dir = dir;
    options.live = false;
    return build_site(options);
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("an edited document rewrites its page and the pages that cite it, as a full build would", "[session]") {
    fs::path content = copy_of_content("edit"), out = fresh_dir("edit-out"), full = fresh_dir("edit-full");
    BuildOptions options = options_for(content, out, GENERATE(false, true));
    Session session(options);
    REQUIRE(session.build().build.ok);

    // E/RES/2003/28 is recalled by A/RES/59/154: a change to its text shows on both pages.
    edit(content / "E-RES-2003-28.md", "Vigorously condemns", "Strongly condemns");
    UpdateResult u = session.update({content / "E-RES-2003-28.md"});
    REQUIRE(u.build.ok);
    CHECK_FALSE(u.full);
    CHECK(contains(u.changed, "E/RES/2003/28/index.html"));
    CHECK_FALSE(contains(u.changed, "E/RES/2009/24/index.html"));  // shows nothing of it
    CHECK(read_file(out / "E/RES/2003/28/index.html").find("Strongly condemns") != std::string::npos);
    session.refresh();
    CHECK_FALSE(session.stale());

    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));
}

TEST_CASE("a text that cites a paragraph by its number follows the paragraph when it is renumbered", "[session]") {
    fs::path content = copy_of_content("pinpoint"), out = fresh_dir("pinpoint-out"), full = fresh_dir("pinpoint-full");
    // A text that shares no language with it, so that only the citation ties them.
    std::ofstream(content / "A-RES-98-5.md")
        << "---\nsymbol: A/RES/98/5\ntitle: A text citing a paragraph\nbody: General Assembly\nkind: resolution\n"
           "date: 2098-01-05\n---\n\n*The General Assembly,*\n\n*Recalling* paragraph 10 of Economic and Social "
           "Council resolution 2003/28,\n\n1. *Decides* to keep the question of paragraphs under review.\n";
    BuildOptions options = options_for(content, out, GENERATE(false, true));
    Session session(options);
    REQUIRE(session.build().build.ok);
    const std::string link = "E/RES/2003/28/index.html#op10";
    REQUIRE(read_file(out / "A/RES/98/5/index.html").find(link) != std::string::npos);

    // Paragraph 10 is numbered 11 now: the citing page no longer points at it, at once.
    edit(content / "E-RES-2003-28.md", "10. *Also requests*", "11. *Also requests*");
    UpdateResult u = session.update({content / "E-RES-2003-28.md"});
    REQUIRE(u.build.ok);
    CHECK_FALSE(u.full);
    CHECK(contains(u.changed, "A/RES/98/5/index.html"));
    CHECK(read_file(out / "A/RES/98/5/index.html").find(link) == std::string::npos);
    session.refresh();
    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));
}

TEST_CASE("a changed title shows at once on the pages that list the document", "[session]") {
    fs::path content = copy_of_content("title"), out = fresh_dir("title-out"), full = fresh_dir("title-full");
    BuildOptions options = options_for(content, out, GENERATE(false, true));
    Session session(options);
    REQUIRE(session.build().build.ok);
    edit(content / "E-RES-2009-24.md", "title: International cooperation", "title: Worldwide cooperation");
    UpdateResult u = session.update({content / "E-RES-2009-24.md"});
    REQUIRE(u.build.ok);
    CHECK_FALSE(session.stale());
    CHECK(contains(u.changed, "E/RES/2009/24/index.html"));
    CHECK(contains(u.changed, "index.html"));
    CHECK(contains(u.changed, "documents/index.html"));
    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));
}

TEST_CASE("a removed document's pages go, the manifest follows, and it comes back when restored", "[session]") {
    fs::path content = copy_of_content("remove"), out = fresh_dir("remove-out"), full = fresh_dir("remove-full");
    BuildOptions options = options_for(content, out, GENERATE(false, true));
    Session session(options);
    REQUIRE(session.build().build.ok);
    std::string text = read_file(content / "E-RES-2009-24.md");

    fs::remove(content / "E-RES-2009-24.md");
    UpdateResult u = session.update({content / "E-RES-2009-24.md"});
    REQUIRE(u.build.ok);
    CHECK(contains(u.changed, "E/RES/2009/24/index.html"));
    CHECK_FALSE(fs::exists(out / "E/RES/2009/24/index.html"));
    CHECK(read_file(out / kManifestName).find("E/RES/2009/24/index.html") == std::string::npos);
    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));

    std::ofstream(content / "E-RES-2009-24.md", std::ios::binary) << text;
    u = session.update({content / "E-RES-2009-24.md"});
    REQUIRE(u.build.ok);
    CHECK(fs::exists(out / "E/RES/2009/24/index.html"));
    CHECK(read_file(out / kManifestName).find("E/RES/2009/24/index.html") != std::string::npos);
}

TEST_CASE("an error leaves the last good site in place until it is fixed", "[session]") {
    fs::path content = copy_of_content("error"), out = fresh_dir("error-out");
    BuildOptions options = options_for(content, out, GENERATE(false, true));
    Session session(options);
    REQUIRE(session.build().build.ok);
    auto before = tree(out);

    edit(content / "A-RES-59-154.md", "date: 2004-12-20", "date: 2004-13-45");
    UpdateResult broken = session.update({content / "A-RES-59-154.md"});
    CHECK_FALSE(broken.build.ok);
    REQUIRE(has_errors(broken.build.diagnostics));
    CHECK(broken.build.diagnostics.front().path == "A-RES-59-154.md");
    CHECK(broken.build.diagnostics.front().line > 0);
    CHECK(tree(out) == before);

    edit(content / "A-RES-59-154.md", "date: 2004-13-45", "date: 2004-12-20");
    UpdateResult fixed = session.update({content / "A-RES-59-154.md"});
    CHECK(fixed.build.ok);
    CHECK(tree(out) == before);
}

TEST_CASE("files that are not content do not rebuild anything", "[session]") {
    fs::path content = copy_of_content("ignore"), out = fresh_dir("ignore-out");
    BuildOptions options = options_for(content, out, false);
    Session session(options);
    REQUIRE(session.build().build.ok);
    std::ofstream(content / ".A-RES-59-154.md.swp") << "x";
    std::ofstream(content / "notes.txt") << "x";
    UpdateResult u = session.update({content / ".A-RES-59-154.md.swp", content / "notes.txt", "/elsewhere/a.md"});
    CHECK_FALSE(u.full);
    CHECK(u.changed.empty());
    CHECK(u.build.stats.written == 0);
}

// The live preview's path: an edit to the text of a document is put in place of the old one,
// aligned again on its own and shown at once; refresh() brings the rest of the site up to
// date. After each, the output must be what a full build of the content writes. Some edits
// cannot keep every document in its place (a new document cited, a recall removed): they take
// the full path.
TEST_CASE("a live session's edits, shown at once and refreshed, leave the site a full build writes", "[session]") {
    fs::path content = copy_of_content("live"), out = fresh_dir("live-out"), full = fresh_dir("live-full");
    BuildOptions options = options_for(content, out, true);
    Session session(options);
    REQUIRE(session.build().build.ok);
    struct Edit {
        std::string file, from, to;
        bool quick;
        std::string also = "";  // another page the edit changes at once
    };
    const std::vector<Edit> edits = {
        {"E-RES-2003-28.md", "Vigorously condemns", "Strongly condemns", true},
        {"A-RES-59-154.md", "Vigorously condemns", "Condemns", true},
        // A paragraph's words carried from another text, then a whole paragraph more.
        {"E-RES-2009-24.md", "to contribute resources for", "to contribute further resources for", true},
        {"E-RES-2003-28.md", "\n1. ", "\n1. *Welcomes* the cooperation of Member States against kidnapping;\n\n2. ", true},
        // A date other than the one the recalled resolution states: a warning, as a build gives it.
        {"E-RES-2009-24.md", "59/154 of 20 December 2004, entitled", "59/154 of 21 December 2004, entitled", true},
        // Another date for a resolution outside the collection: the texts citing it no longer
        // agree on its date, which its page then leaves out (and the AKN files of every text
        // citing it, once refreshed).
        {"E-RES-2003-28.md", "its resolution 2002/16 of 24 July 2002", "its resolution 2002/16 of 25 July 2002", true,
         "E/RES/2002/16/index.html"},
        // A citation of a resolution no text cited: a new document, the full path.
        {"E-RES-2009-24.md", "to contribute further resources for", "to contribute, as General Assembly resolution 58/999 asks, resources for", false},
    };
    for (const auto& e : edits) {
        INFO(e.file << ": " << e.from << " -> " << e.to);
        edit(content / e.file, e.from, e.to);
        UpdateResult u = session.update({content / e.file});
        REQUIRE(u.build.ok);
        std::string key = e.file.substr(0, e.file.size() - 3);
        std::replace(key.begin(), key.end(), '-', '/');
        CHECK(contains(u.changed, key + "/index.html"));
        if (!e.also.empty()) CHECK(contains(u.changed, e.also));
        CHECK(session.stale() == e.quick);
        session.refresh();
        CHECK_FALSE(session.stale());
        BuildResult built = full_build(options, full);
        REQUIRE(built.ok);
        CHECK(tree(out) == tree(full));
        auto lines = [](const Diagnostics& ds) {
            std::vector<std::string> v;
            for (const auto& d : ds) v.push_back(format_diagnostic(d));
            return v;
        };
        CHECK(lines(u.build.diagnostics) == lines(built.diagnostics));
    }
}

// resgen serve stops a refresh when another edit is saved meanwhile, shows that edit first,
// and refreshes after it: a stopped refresh writes nothing and leaves everything to the next.
TEST_CASE("a refresh stopped by another edit writes nothing, and the next one catches up", "[session]") {
    fs::path content = copy_of_content("stopped"), out = fresh_dir("stopped-out"), full = fresh_dir("stopped-full");
    BuildOptions options = options_for(content, out, true);
    Session session(options);
    REQUIRE(session.build().build.ok);

    edit(content / "E-RES-2003-28.md", "Vigorously condemns", "Strongly condemns");
    REQUIRE(session.update({content / "E-RES-2003-28.md"}).build.ok);
    REQUIRE(session.stale());
    auto before = tree(out);
    std::atomic<bool> stop{true};
    UpdateResult stopped = session.refresh(&stop);
    CHECK(stopped.interrupted);
    CHECK(stopped.changed.empty());
    CHECK(session.stale());
    CHECK(tree(out) == before);

    // A second edit, then the refresh runs to its end: the site a full build writes.
    edit(content / "A-RES-59-154.md", "Vigorously condemns", "Condemns");
    REQUIRE(session.update({content / "A-RES-59-154.md"}).build.ok);
    stop = false;
    UpdateResult done = session.refresh(&stop);
    CHECK_FALSE(done.interrupted);
    CHECK_FALSE(session.stale());
    CHECK(contains(done.changed, "data/corpus.json"));       // holds both texts
    CHECK(contains(done.changed, "E/RES/2003/28/akn.xml"));  // the first edit's, put off
    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));
}

TEST_CASE("only content files, templates and site.yml affect a session", "[session]") {
    fs::path content = copy_of_content("affects");
    Session session(options_for(content, fresh_dir("affects-out"), true));
    CHECK(session.affects({content / "E-RES-2003-28.md"}));
    CHECK(session.affects({content / "site.yml"}));
    CHECK(session.affects({content / "templates" / "page.mustache"}));
    CHECK_FALSE(session.affects({content / ".E-RES-2003-28.md.swp"}));
    CHECK_FALSE(session.affects({content / "E-RES-2003-28.md~"}));
    CHECK_FALSE(session.affects({content / "notes.txt"}));
    CHECK_FALSE(session.affects({content.parent_path() / "elsewhere.md"}));
    CHECK_FALSE(session.affects({}));
}

// A refresh stopped half-way has written some files already. Whenever the stop comes, every
// file whose bytes changed on disk is named by the refresh that ends (an open page of it is
// told to reload), and the site ends as a full build leaves it.
TEST_CASE("files a stopped refresh wrote are named by the refresh that ends", "[session]") {
    fs::path content = copy_of_content("stopped-late"), out = fresh_dir("stopped-late-out"),
             full = fresh_dir("stopped-late-full");
    BuildOptions options = options_for(content, out, true);
    Session session(options);
    REQUIRE(session.build().build.ok);
    const char* words[] = {"Vigorously condemns", "Strongly condemns"};
    // The stops are spread over what a whole refresh takes here, timed on an edit and its
    // undoing (under the sanitizers it takes many times longer), so that some come while
    // files are being written and not all while the site is planned.
    std::chrono::microseconds whole{0};
    for (int k = 0; k < 2; ++k) {
        edit(content / "E-RES-2003-28.md", words[k], words[1 - k]);
        REQUIRE(session.update({content / "E-RES-2003-28.md"}).build.ok);
        auto t0 = std::chrono::steady_clock::now();
        REQUIRE_FALSE(session.refresh().interrupted);
        whole = std::max(whole, std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0));
    }
    int stopped_half_way = 0;
    for (int k = 0; k < 12; ++k) {
        const auto after = whole * k / 12;
        INFO("stop after " << after.count() << " us");
        edit(content / "E-RES-2003-28.md", words[k % 2], words[(k + 1) % 2]);
        REQUIRE(session.update({content / "E-RES-2003-28.md"}).build.ok);
        REQUIRE(session.stale());
        auto before = tree(out);
        std::atomic<bool> stop{false};
        std::thread stopper([&stop, after] {
            std::this_thread::sleep_for(after);
            stop = true;
        });
        UpdateResult first = session.refresh(&stop);
        stopper.join();
        std::set<std::string> announced(first.changed.begin(), first.changed.end());
        if (first.interrupted) {
            CHECK(first.changed.empty());
            stopped_half_way += tree(out) != before;
            stop = false;
            UpdateResult rest = session.refresh(&stop);
            REQUIRE_FALSE(rest.interrupted);
            announced.insert(rest.changed.begin(), rest.changed.end());
        }
        CHECK_FALSE(session.stale());
        for (const auto& [path, bytes] : tree(out)) {
            auto it = before.find(path);
            if (it == before.end() || it->second != bytes) CHECK(announced.count(path) == 1);
        }
    }
    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));
    WARN("refreshes stopped after writing part of the site: " << stopped_half_way << " of 12");
}

// The genealogy follows matches from text to text, so an edit can change the page of a text
// that shares nothing with it nor with any text the edit relinks: here each text carries six
// of its predecessor's ten words and two of the one before (too few to match). When the first
// text's paragraph is rewritten, the second's becomes where the language of the third's and
// the fourth's first stood, and the fourth's page must say so after the refresh.
TEST_CASE("a refresh rewrites the pages whose paragraphs' language now first stands elsewhere", "[session]") {
    fs::path content = fresh_dir("origins"), out = fresh_dir("origins-out"), full = fresh_dir("origins-full");
    fs::create_directories(content);
    std::ofstream(content / "site.yml") << "title: Drift\nlanguage: en\n";
    auto words = [](int from, int to, const char* stem) {
        std::string s;
        for (int w = from; w <= to; ++w) s += std::string(" ") + stem + std::to_string(w);
        return s;
    };
    auto write = [&](int session, int first_word, const char* stem) {
        std::ofstream(content / ("A-RES-" + std::to_string(session) + "-1.md"))
            << "---\nsymbol: A/RES/" << session << "/1\ntitle: Drift " << session
            << "\nbody: General Assembly\nkind: resolution\ndate: " << 1945 + session << "-12-01\n---\n\n"
            << "*The General Assembly,*\n\n1. *Decides*" << words(first_word, first_word + 9, stem) << ";\n";
    };
    write(70, 1, "term");
    write(71, 5, "term");
    write(72, 9, "term");
    write(73, 13, "term");
    BuildOptions options = options_for(content, out, true);
    Session session(options);
    REQUIRE(session.build().build.ok);
    const std::string fourth = "A/RES/73/1/index.html";
    REQUIRE(read_file(out / fourth).find("Language since A/RES/70/1") != std::string::npos);

    write(70, 1, "other");
    REQUIRE(session.update({content / "A-RES-70-1.md"}).build.ok);
    UpdateResult refreshed = session.refresh();
    REQUIRE(refreshed.build.ok);
    CHECK(contains(refreshed.changed, fourth));
    CHECK(read_file(out / fourth).find("Language since A/RES/71/1") != std::string::npos);
    REQUIRE(full_build(options, full).ok);
    CHECK(tree(out) == tree(full));
}
