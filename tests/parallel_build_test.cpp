// Builds on every core give the same bytes whatever the number of threads, and the streamed
// build (document pages planned on demand) writes exactly what make_site renders.
#include <catch2/catch.hpp>

#include <random>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "load/source.hpp"
#include "markdown/markdown.hpp"
#include "parallel/parallel.hpp"
#include "parse/parse.hpp"
#include "site/site.hpp"

namespace fs = std::filesystem;
using namespace resgen;

namespace {

std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[e.path().lexically_relative(dir).generic_string()] = read_file(e.path());
    return files;
}

fs::path fresh_dir(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("resgen-parallel-test-" + name);
    fs::remove_all(p);
    return p;
}

}  // namespace

TEST_CASE("parallel_for visits every index once and passes on an exception", "[parallel]") {
    std::vector<std::atomic<int>> seen(1000);
    parallel_for(seen.size(), [&](size_t i) { ++seen[i]; }, 4);
    for (const auto& s : seen) CHECK(s == 1);
    CHECK_THROWS_AS(parallel_for(100, [](size_t i) { if (i == 57) throw std::runtime_error("57"); }, 3),
                    std::runtime_error);
}

TEST_CASE("parallel_for stops on every thread at the caller's stop flag", "[parallel]") {
    // Every thread's first index waits until each thread has one, then asks whether to stop:
    // the flag is raised, so none goes on, whichever thread it runs on.
    constexpr unsigned kThreads = 3;
    std::atomic<unsigned> arrived{0};
    std::atomic<int> went_on{0};
    std::set<std::thread::id> threads;
    std::mutex m;
    std::atomic<bool> stop{true};
    StopScope scope(&stop);
    auto f = [&](size_t) {
        {
            std::lock_guard<std::mutex> lock(m);
            if (!threads.insert(std::this_thread::get_id()).second) return;  // one index a thread
        }
        ++arrived;
        for (int spin = 0; arrived < kThreads && spin < 2000; ++spin)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        stop_point();
        ++went_on;
    };
    CHECK_THROWS_AS(parallel_for(3000, f, kThreads), Stopped);
    CHECK(arrived == kThreads);
    CHECK(went_on == 0);
    // Without a raised flag, nothing stops.
    stop = false;
    std::atomic<int> calls{0};
    parallel_for(100, [&](size_t) { stop_point(); ++calls; }, kThreads);
    CHECK(calls == 100);
}

TEST_CASE("the site is byte-identical whatever the number of threads", "[parallel]") {
    BuildOptions options;
    options.content_dir = fs::path(RESGEN_SOURCE_DIR) / "content";
    std::map<std::string, std::string> first;
    for (unsigned threads : {1u, 2u, 5u}) {
        options.threads = threads;
        options.out_dir = fresh_dir("threads-" + std::to_string(threads));
        REQUIRE(build_site(options).ok);
        auto files = tree(options.out_dir);
        if (first.empty()) first = files;
        else CHECK(files == first);
    }
    REQUIRE(first.count("index.html"));
}

TEST_CASE("the streamed build writes what make_site renders", "[parallel]") {
    BuildOptions options;
    options.content_dir = fs::path(RESGEN_SOURCE_DIR) / "content";
    options.out_dir = fresh_dir("streamed");
    REQUIRE(build_site(options).ok);
    auto written = tree(options.out_dir);
    Site site = make_site(options);
    REQUIRE_FALSE(has_errors(site.diagnostics));
    std::set<std::string> paths;
    for (const auto& f : site.files) {
        paths.insert(f.path);
        INFO(f.path);
        CHECK(written[f.path] == f.bytes);
    }
    CHECK(paths.size() + 1 == written.size());  // and the manifest
}

// Samples for the fast paths of markdown/: the Markdown of every clause of the series, after
// the cases written out.
static void add_series_clauses(std::vector<std::string>& samples) {
    Diagnostics diags;
    for (const auto& src : load_sources(fs::path(RESGEN_SOURCE_DIR) / "content", diags))
        for (const auto& c : parse_document(src, {}, diags).clauses) samples.push_back(c.markdown);
}

TEST_CASE("plain text without cmark-gfm is what cmark-gfm gives", "[markdown]") {
    std::vector<std::string> samples = {
        "*Recalling also* its resolution 2002/16 of 24 July 2002, entitled “International cooperation”,",
        "*Requests* the Secretary-General to report[^1] to the Commission;",
        "*a*b and more", "plain words , with  spaces", "*Notes* 2 * 3", "*Notes* a_b", "**Bold** text",
        "*Deeply concerned*, that", "* not emphasis*", "*Takes note with appreciation* of the report",
        "1. a list", "- a dash", "*Urges* States\nto act", "E/CN.15/2004/7 and Add.1.",
        "*The General Assembly,*", "*The Economic and Social Council:*", "*Notes,* that", "*Notes,*that",
        "*Notes;* that", "*Notes,*  "};
    add_series_clauses(samples);
    for (const auto& s : samples) {
        INFO(s);
        CHECK(markdown::plain_text(s) == markdown::plain_text_by_cmark(s));
    }
}

TEST_CASE("inline HTML without cmark-gfm is what cmark-gfm gives", "[markdown]") {
    std::vector<std::string> samples = {
        "*Recalling also* its resolution 2002/16 of 24 July 2002, entitled \"International cooperation\",",
        "*Requests* the Secretary-General to report[^1] to the Commission;", "*The General Assembly,*",
        "*The Economic and Social Council:*", "*Notes,* that", "*Notes,*that", "*Notes,*  ", "*Notes*  with  two\tspaces  ",
        "*a*b and more", "plain words , with  spaces", "*Notes* 2 * 3", "**Bold** text", "* not emphasis*",
        "1. a list", "- a dash", "*Urges* States\nto act", "States' own \"laws\" and O'Brien's / slashes",
        "*Invites* States to visit www.unodc.org;", "*Invites* States to visit WWW.UNODC.ORG;",
        "*Invites* States to write to info@unodc.org;", "*Invites* States to see https://www.unodc.org;",
        "*Invites* States to see http:/ nothing; a.www b", "text\rwith a carriage return", std::string("nul\0byte", 8),
        "*Recalling* \u201cquoted\u201d text \u2013 and more\u2026",
        // Citations as the page and the Akoma Ntoso text link them, and footnote markers.
        "*Recalling* [its resolution 45/25 of 5 February 1990](resgen:0), entitled \u201cCooperation\u201d,",
        "[General Assembly resolution 58/140](resgen:12) at the start", "[a](resgen:1)[b](resgen:2) side by side",
        "[ spaced words ](resgen:0)", "[a\tb](resgen:0)", "ends with a link [a](resgen:0)  ", "[a](resgen:0)\n",
        "*Recalling*[a](resgen:0)", "[a](resgen:)", "[a](resgen:1x)", "[a](other:1)", "[a](RESGEN:1)", "[a](:1)",
        "[a] (resgen:1)", "[a](resgen:1", "[a(resgen:1)", "a]b", "a[b", "[](resgen:0)", "[[a]](resgen:0)",
        "[a](resgen:0 \"t\")", "[a](<resgen:0>)", "[a](resgen:0)(resgen:1)", "[a](resgen:00007)",
        "to report[^1] to the Commission[^2];", "[^1] at the start", "x[^1](y)", "x[^1][2]", "[^1]: a definition",
        "x [^1]: not one", "see[^a b] and", "[^]", "[^1](resgen:0)", "[a](resgen:0) and [^2]", "[^1]\n"};
    add_series_clauses(samples);
    // And strings of the pieces those forms are made of, at random (a fixed seed).
    const char* pieces[] = {"[", "]", "(", ")", "^", "resgen:", "1", "a", " ", "b c", "*", ":", "!", "\t", "x:", "12",
                            "*Notes*", "[a](resgen:1)", "[b c](resgen:12)", "[^1]", "](resgen:3)", "[^"};
    std::mt19937 random(7);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (size_t k = 1 + random() % 12; k > 0; --k) s += pieces[random() % std::size(pieces)];
        samples.push_back(std::move(s));
    }
    size_t linked = 0;
    for (const auto& s : samples) {
        INFO(s);
        CHECK(markdown::inline_html(s) == markdown::inline_html_by_cmark(s));
        const std::string html = markdown::inline_html(s, true, {"resgen"});
        CHECK(html == markdown::inline_html_by_cmark(s, true, {"resgen"}));
        linked += html.find("<a href=\"resgen:") != std::string::npos;
    }
    CHECK(linked > 500);
}
