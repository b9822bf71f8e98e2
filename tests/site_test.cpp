// Whole builds: the seed series and a tiny fixture site, built into temporary folders and read
// back as a crawler and a reader would.
#include <catch2/catch.hpp>

#include <fstream>

#include "run_resgen.hpp"
#include "parallel/stop.hpp"
#include "plan/genealogy.hpp"
#include "site/site.hpp"
#include "site_check.hpp"

namespace fs = std::filesystem;
using namespace resgen;
using resgen_test::TempDir;

namespace {

BuildResult build(const fs::path& content, const fs::path& out) {
    BuildOptions o;
    o.content_dir = content;
    o.out_dir = out;
    o.templates_dir = fs::path(RESGEN_SOURCE_DIR) / "templates";
    BuildResult r = build_site(o);
    for (const auto& d : r.diagnostics) UNSCOPED_INFO(format_diagnostic(d));
    return r;
}

std::string page(const fs::path& root, const std::string& rel) { return read_file(root / rel); }

std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = read_file(e.path());
    return files;
}

const fs::path kContent = fs::path(RESGEN_SOURCE_DIR) / "content";

// The seed site made in memory, with the built-in templates.
Site seed_site() {
    BuildOptions o;
    o.content_dir = kContent;
    o.templates_dir = fs::path(RESGEN_SOURCE_DIR) / "templates";
    Site site = make_site(o);
    REQUIRE_FALSE(has_errors(site.diagnostics));
    return site;
}

}  // namespace

TEST_CASE("every Recalling clause of the series links to the page of what it recalls", "[site]") {
    TempDir tmp;
    BuildResult r = build(kContent, tmp.path / "site");
    REQUIRE(r.ok);
    const fs::path root = tmp.path / "site";
    struct Recall {
        const char* page;
        const char* anchor;
        const char* target;
    };
    const std::vector<Recall> recalls = {
        {"A/RES/59/154/index.html", "pp7", "../../../../E/RES/2003/28/index.html"},
        {"doc/ccpcj-2004-colombia-draft/index.html", "pp7", "../../E/RES/2003/28/index.html"},
        {"E/RES/2003/28/index.html", "pp7", "../../../../E/RES/2002/16/index.html"},
        {"E/RES/2006/19/index.html", "pp6", "../../../../A/RES/59/154/index.html"},
        {"E/RES/2009/24/index.html", "pp6", "../../../../A/RES/59/154/index.html"},
        {"E/RES/2009/24/index.html", "pp8", "../../../../A/RES/61/179/index.html"},
    };
    for (const auto& rc : recalls) {
        INFO(rc.page << "#" << rc.anchor);
        std::string html = page(root, rc.page);
        CHECK(html.find("id=\"" + std::string(rc.anchor) + "\"") != std::string::npos);
        CHECK(site_check::first_citation_target(html, rc.anchor) == rc.target);
    }
}

TEST_CASE("every other citation of the series has a page, and the pages say who cites them", "[site]") {
    TempDir tmp;
    REQUIRE(build(kContent, tmp.path / "site").ok);
    const fs::path root = tmp.path / "site";
    for (const char* p : {"E/CN.15/2003/7/index.html", "E/CN.15/2003/7/Add.1/index.html", "E/CN.15/2004/7/index.html",
                          "E/CN.15/2004/7/Add.1/index.html", "A/RES/55/25/index.html", "E/RES/2002/16/index.html",
                          "A/RES/61/179/index.html", "UNTS/2225/39574/index.html"}) {
        INFO(p);
        REQUIRE(fs::exists(root / p));
        CHECK(page(root, p).find("Outside the collection") != std::string::npos);
    }
    // A page whose title is not known is headed by its symbol, said once.
    const std::string untitled = page(root, "A/RES/61/179/index.html");
    CHECK(untitled.find("<h1>A/RES/61/179</h1>") != std::string::npos);
    CHECK(untitled.find("doc-symbol") == std::string::npos);
    CHECK(page(root, "E/RES/2002/16/index.html").find("<p class=\"doc-symbol\">E/RES/2002/16</p>") != std::string::npos);
    // What the collection knows of 2002/16: its date and title from 2003/28, and what it did.
    std::string res_2002_16 = page(root, "E/RES/2002/16/index.html");
    CHECK(res_2002_16.find("24 July 2002") != std::string::npos);
    CHECK(res_2002_16.find("providing assistance for the victims") != std::string::npos);
    CHECK(res_2002_16.find("requested the Secretary-General") != std::string::npos);
    CHECK(res_2002_16.find("https://undocs.org/E/RES/2002/16") != std::string::npos);
    // 2003/28 is recalled by 59/154 and by the draft, each link pointing at the paragraph.
    std::string res_2003_28 = page(root, "E/RES/2003/28/index.html");
    CHECK(res_2003_28.find("href=\"../../../../A/RES/59/154/index.html#pp7\"") != std::string::npos);
    CHECK(res_2003_28.find("href=\"../../../../doc/ccpcj-2004-colombia-draft/index.html#pp7\"") != std::string::npos);
    // Lineage, both ways.
    CHECK(page(root, "doc/ccpcj-2004-colombia-draft/index.html").find("Adopted as") != std::string::npos);
    CHECK(page(root, "A/RES/59/154/index.html").find("Adopted from the draft") != std::string::npos);
    CHECK(page(root, "A/RES/61/179/index.html").find("Recommended by") != std::string::npos);
    // Fields no source states say so.
    CHECK(page(root, "A/RES/59/154/index.html").find("<dt>Meeting</dt><dd><span class=\"not-stated\">not stated") !=
          std::string::npos);
    CHECK(page(root, "doc/ccpcj-2004-colombia-draft/index.html").find("<dt>Symbol</dt><dd><span class=\"not-stated\">not stated") != std::string::npos);
}

TEST_CASE("every internal link and anchor of the series resolves, and nothing loads from outside", "[site]") {
    TempDir tmp;
    REQUIRE(build(kContent, tmp.path / "site").ok);
    auto broken = site_check::broken_links(tmp.path / "site");
    for (const auto& b : broken) UNSCOPED_INFO(b);
    CHECK(broken.empty());
    size_t pages = 0;
    for (const auto& e : fs::recursive_directory_iterator(tmp.path / "site")) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        std::string html = read_file(e.path());
        INFO(e.path());
        CHECK(site_check::external_loads(html).empty());
        CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    }
    CHECK(pages >= 16);
}

TEST_CASE("the series pages are planned as outlines, each depending on what it lists", "[site][plan]") {
    const Site site = seed_site();
    std::vector<uint32_t> collection, all;
    for (uint32_t d = 0; d < site.corpus.documents.size(); ++d) {
        all.push_back(d);
        if (site.corpus.documents[d].in_collection) collection.push_back(d);
    }
    REQUIRE(collection.size() < all.size());  // the seeds cite documents outside the collection
    struct Expected {
        const char* path;
        const char* template_name;
        const char* shown;  // a key of the made context
        const std::vector<uint32_t>& depends_on;
    };
    for (const Expected& e : {Expected{"index.html", "home", "series", collection},
                              Expected{"documents/index.html", "documents", "bodies", all},
                              Expected{"timeline/index.html", "timeline", "items", all}}) {
        INFO(e.path);
        auto page = std::find_if(site.plan.pages.begin(), site.plan.pages.end(),
                                 [&](const Page& p) { return p.path == e.path; });
        REQUIRE(page != site.plan.pages.end());
        CHECK(page->template_name == e.template_name);
        CHECK(page->depends_on == e.depends_on);
        // Planned, the page holds its metadata only; its context is made when it is rendered.
        REQUIRE(page->make_context);
        CHECK_FALSE(page->context.contains(e.shown));
        CHECK(page->context.contains("og_type"));
        const resgen::json made = page_context(*page).to_json();
        CHECK(made.contains(e.shown));
        CHECK(made["og_type"] == "website");
    }
    // The timeline lists every comparison of the collection, made with it.
    auto timeline = std::find_if(site.plan.pages.begin(), site.plan.pages.end(),
                                 [](const Page& p) { return p.path == "timeline/index.html"; });
    CHECK(page_context(*timeline).tree["comparisons"].size() == 5);
}

TEST_CASE("the series pages give way to a waiting edit while they read the collection", "[site][plan]") {
    const Site site = seed_site();
    std::atomic<bool> stop{true};
    for (const char* path : {"index.html", "documents/index.html", "timeline/index.html"}) {
        INFO(path);
        auto page = std::find_if(site.plan.pages.begin(), site.plan.pages.end(),
                                 [&](const Page& p) { return p.path == path; });
        REQUIRE(page != site.plan.pages.end());
        // Outside a write, or with the flag down, the context is made whole.
        CHECK_NOTHROW(page_context(*page));
        {
            std::atomic<bool> down{false};
            StopScope scope(&down);
            CHECK_NOTHROW(page_context(*page));
        }
        StopScope scope(&stop);
        CHECK_THROWS_AS(page_context(*page), Stopped);
    }
    // A document's page is short: made whole, flag or not.
    auto doc = std::find_if(site.plan.pages.begin(), site.plan.pages.end(),
                            [](const Page& p) { return p.template_name == "document"; });
    REQUIRE(doc != site.plan.pages.end());
    StopScope scope(&stop);
    CHECK_NOTHROW(page_context(*doc));
}

TEST_CASE("the refresh's plan gives way inside its longest step", "[site][plan]") {
    const Site site = seed_site();
    std::atomic<bool> up{true}, down{false};
    CHECK_FALSE(plan_site(site.corpus, site.alignment, site.config, &up).has_value());
    const auto planned = plan_site(site.corpus, site.alignment, site.config, &down);
    REQUIRE(planned.has_value());
    CHECK(planned->pages.size() == site.plan.pages.size());
    // The living text (the origins of every paragraph, the comparisons) looks at the flag as
    // it goes, not only once it is done.
    Plan plan;
    StopScope scope(&up);
    CHECK_THROWS_AS(add_living_text(plan, site.corpus, site.alignment), Stopped);
}

TEST_CASE("two builds of the same content are byte-identical", "[site]") {
    TempDir a, b;
    REQUIRE(build(kContent, a.path / "site").ok);
    REQUIRE(build(kContent, b.path / "site").ok);
    CHECK(snapshot(a.path / "site") == snapshot(b.path / "site"));
}

TEST_CASE("a build reports each stage's time and the memory the process held", "[site]") {
    TempDir a;
    BuildResult r = build(kContent, a.path / "site");
    REQUIRE(r.ok);
    std::vector<std::string> stages;
    for (const auto& t : r.timings) {
        stages.push_back(t.stage);
        CHECK(t.ms >= 0);
        // Linux says how much; the peak so far is never below what is held now.
        CHECK(t.resident_kb > 0);
        CHECK(t.peak_kb >= t.resident_kb);
    }
    CHECK(stages == std::vector<std::string>{"load and parse", "resolve", "align", "plan", "render and write"});
    for (size_t i = 1; i < r.timings.size(); ++i) CHECK(r.timings[i].peak_kb >= r.timings[i - 1].peak_kb);
}

TEST_CASE("a tiny fixture site: pages, recalls, an editor's pinned link, an outside document", "[site]") {
    TempDir tmp;
    const fs::path content = fs::path(RESGEN_FIXTURES) / "mini" / "content";
    const fs::path root = tmp.path / "out";
    BuildResult r = build(content, root);
    REQUIRE(r.ok);
    CHECK(r.documents == 2);
    for (const char* p : {"index.html", "documents/index.html", "timeline/index.html", "E/RES/2001/1/index.html",
                          "A/RES/56/2/index.html", "A/RES/55/25/index.html", "E/2001/100/index.html",
                          "assets/style.css", ".resgen-manifest"})
        CHECK(fs::exists(root / p));
    std::string second = page(root, "A/RES/56/2/index.html");
    CHECK(site_check::first_citation_target(second, "pp1") == "../../../../E/RES/2001/1/index.html");
    CHECK(site_check::first_citation_target(second, "pp2") == "../../../../A/RES/55/25/index.html");
    CHECK(site_check::first_citation_target(second, "op1") == "../../../../E/RES/2001/1/index.html");
    CHECK(second.find(">the Council’s decision</a>") != std::string::npos);
    // An item of a lettered sub-paragraph: inside paragraph 2, one step further in than (a).
    CHECK(second.find("<p class=\"clause sub\" id=\"op2a\"><a class=\"pin\" href=\"#op2a\" "
                      "aria-label=\"Link to paragraph 2 (a)\">") != std::string::npos);
    CHECK(second.find("<p class=\"clause sub item\" id=\"op2ai\"><a class=\"pin\" href=\"#op2ai\" "
                      "aria-label=\"Link to paragraph 2 (a) (i)\">") != std::string::npos);
    CHECK(second.find("<p class=\"clause sub\" id=\"op2b\">") != std::string::npos);
    std::string outside = page(root, "A/RES/55/25/index.html");
    CHECK(outside.find("United Nations Convention against Transnational Organized Crime") != std::string::npos);
    CHECK(outside.find("15 November 2000") != std::string::npos);
    std::string first = page(root, "E/RES/2001/1/index.html");
    CHECK(first.find("Recalled by") != std::string::npos);
    CHECK(first.find("href=\"../../../../A/RES/56/2/index.html#pp1\"") != std::string::npos);
    std::string timeline = page(root, "timeline/index.html");
    CHECK(timeline.find("<svg") != std::string::npos);
    CHECK(timeline.find("class=\"arrow recall\"") != std::string::npos);
    CHECK(site_check::broken_links(root).empty());
}

TEST_CASE("a fixture of forms the seeds lack: decisions, early numbers, another organ", "[site]") {
    TempDir tmp;
    const fs::path root = tmp.path / "out";
    BuildResult r = build(fs::path(RESGEN_FIXTURES) / "forms" / "content", root);
    REQUIRE(r.ok);
    // Every form is read as it is meant: no reference left unlinked, no date out of order.
    for (const auto& d : r.diagnostics) FAIL_CHECK(d.path << ":" << d.line << ": " << d.message);
    std::string assembly = page(root, "A/RES/98/1/index.html");
    // Each reference of the first paragraph, in order, to the page of its symbol.
    for (const char* target : {"A/RES/2200(XXI)", "A/DEC/65/530", "E/RES/2003/28", "E/DEC/2004/237",
                               "S/RES/1373(2001)", "A/RES/S-26/2"}) {
        INFO(target);
        CHECK(assembly.find("data-symbol=\"" + std::string(target)) != std::string::npos);
        CHECK(fs::exists(root / target / "index.html"));
    }
    CHECK(page(root, "E/DEC/2004/237/index.html").find("Economic and Social Council · Decision") != std::string::npos);
    // A decision's lettered items stand under the sentence that opens them, each with its link.
    CHECK(page(root, "E/DEC/2099/5/index.html").find("id=\"p1b\"><a class=\"pin\" href=\"#p1b\" aria-label=\"Link to "
                                                    "paragraph (b)\">") != std::string::npos);
    // The Treaty Series in italics, a treaty and its protocol in two volumes.
    for (const char* target : {"UNTS/9001/99999", "UNTS/9002/99999"}) {
        INFO(target);
        CHECK(fs::exists(root / target / "index.html"));
    }
    // A citing text is quoted in its words: not the Markdown of emphasis or of an editor's link.
    CHECK(page(root, "UNTS/9001/99999/index.html").find("<q>United Nations, Treaty Series, vols. 9001</q>") !=
          std::string::npos);
    CHECK(page(root, "E/CN.7/2098/1/index.html").find("<q>its resolution 52/1</q>") != std::string::npos);
    // The organ outside the table: its voice line is not a paragraph, its preamble is read.
    std::string drugs = page(root, "E/CN.7/2098/1/index.html");
    CHECK(drugs.find("id=\"the-commission-on-narcotic-drugs\"") == std::string::npos);
    CHECK(drugs.find("id=\"pp1\"") != std::string::npos);
    CHECK(assembly.find("id=\"pp3\"") != std::string::npos);  // "*Appalled* by ..."
    // The annexed declaration's own voice line is not a paragraph.
    CHECK(assembly.find("<em>The States Members of the United Nations,</em>") != std::string::npos);
    CHECK(assembly.find("id=\"the-states-members") == std::string::npos);
    // "its" of the organ named before what it did; a bare corrigendum number; parts of a number;
    // the organ named after the number.
    for (const char* target : {"A/97/100/Corr.1", "A/97/100/Corr.2", "A/RES/97/270", "A/HRC/RES/98/2"}) {
        INFO(target);
        CHECK(drugs.find("data-symbol=\"" + std::string(target)) != std::string::npos);
        CHECK(fs::exists(root / target / "index.html"));
    }
    CHECK(drugs.find("data-symbol=\"A/RES/97/270, parts A and B\"") != std::string::npos);
    // A paragraph cited by its number is linked to itself, in the text and in the list of what
    // the text recalls, which names the place.
    CHECK(drugs.find("<li><a href=\"../../../../A/RES/98/1/index.html#op1\">A/RES/98/1</a>, paragraph 1 in") !=
          std::string::npos);
    CHECK(drugs.find("href=\"../../../../A/RES/98/1/index.html#op1\" data-symbol=\"A/RES/98/1, paragraph 1\">"
                     "paragraph 1 of General Assembly resolution 98/1</a>") != std::string::npos);
    CHECK(site_check::broken_links(root).empty());
}

TEST_CASE("a failed build leaves the previous site as it was", "[site][write]") {
    TempDir tmp;
    const fs::path content = tmp.path / "content";
    fs::copy(fs::path(RESGEN_FIXTURES) / "mini" / "content", content);
    const fs::path root = tmp.path / "out";
    REQUIRE(build(content, root).ok);
    auto before = snapshot(root);
    std::ofstream(content / "broken.md") << "---\ntitle: no symbol\n---\n";
    BuildResult r = build(content, root);
    CHECK_FALSE(r.ok);
    CHECK(has_errors(r.diagnostics));
    CHECK(snapshot(root) == before);
}

TEST_CASE("resgen keeps files it did not write and refuses a folder it did not create", "[site][write]") {
    TempDir tmp;
    const fs::path content = fs::path(RESGEN_FIXTURES) / "mini" / "content";
    const fs::path users = tmp.path / "users-folder";
    fs::create_directories(users);
    std::ofstream(users / "precious.txt") << "keep me";
    BuildResult refused = build(content, users);
    CHECK_FALSE(refused.ok);
    CHECK(read_file(users / "precious.txt") == "keep me");
    CHECK(fs::directory_iterator(users) != fs::directory_iterator());
    CHECK_FALSE(fs::exists(users / "index.html"));

    const fs::path root = tmp.path / "site";
    REQUIRE(build(content, root).ok);
    std::ofstream(root / "CNAME") << "example.org";
    REQUIRE(build(content, root).ok);
    CHECK(read_file(root / "CNAME") == "example.org");
}
