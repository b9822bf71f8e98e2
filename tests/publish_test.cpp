// Publishing: sitemap, robots, feed, 404, page metadata and the search index, on the seed site
// with and without a base URL.
#include <catch2/catch.hpp>

#include <algorithm>

#include "plan/publish.hpp"
#include "site/site.hpp"

using namespace resgen;

namespace {

Site seed_site(const std::string& base_url = "") {
    BuildOptions options;
    options.content_dir = std::string(RESGEN_SOURCE_DIR) + "/content";
    options.templates_dir = std::string(RESGEN_SOURCE_DIR) + "/templates";
    options.base_url = base_url;
    Site site = make_site(options);
    REQUIRE_FALSE(has_errors(site.diagnostics));
    return site;
}

const std::string& file(const Site& site, const std::string& path) {
    auto it = std::find_if(site.files.begin(), site.files.end(), [&](const OutputFile& f) { return f.path == path; });
    REQUIRE(it != site.files.end());
    return it->bytes;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("with a base URL, sitemap, robots, feed and canonical links are absolute", "[publish]") {
    Site site = seed_site("https://example.org/kidnapping");  // the missing '/' is added
    const std::string& sitemap = file(site, "sitemap.xml");
    CHECK(sitemap.find("<loc>https://example.org/kidnapping/E/RES/2003/28/index.html</loc>") != std::string::npos);
    CHECK(sitemap.find("<loc>https://example.org/kidnapping/index.html</loc>") != std::string::npos);
    CHECK(sitemap.find("404.html") == std::string::npos);
    CHECK(count(sitemap, "<loc>https://example.org/kidnapping/") == count(sitemap, "<loc>"));

    CHECK(file(site, "robots.txt").find("Sitemap: https://example.org/kidnapping/sitemap.xml\n") != std::string::npos);
    CHECK(file(site, "feed.xml").find("<id>https://example.org/kidnapping/A/RES/59/154/index.html</id>") !=
          std::string::npos);

    const std::string& page = file(site, "E/RES/2003/28/index.html");
    CHECK(page.find("<link rel=\"canonical\" href=\"https://example.org/kidnapping/E/RES/2003/28/index.html\">") !=
          std::string::npos);
    CHECK(page.find("<meta property=\"og:type\" content=\"article\">") != std::string::npos);
    CHECK(page.find("<meta name=\"description\" content=\"Resolution of the Economic and Social Council, 22 July 2003: ") !=
          std::string::npos);
    // Links inside pages stay relative.
    CHECK(page.find("href=\"../../../../assets/style.css\"") != std::string::npos);

    // 404.html is served at any depth, so its links start from the base URL.
    const std::string& missing = file(site, "404.html");
    CHECK(missing.find("href=\"https://example.org/kidnapping/assets/style.css\"") != std::string::npos);
    CHECK(missing.find("action=\"https://example.org/kidnapping/search/index.html\"") != std::string::npos);
    CHECK(missing.find("href=\"index.html\"") == std::string::npos);
}

TEST_CASE("without a base URL the same files are written, with nothing absolute", "[publish]") {
    Site site = seed_site();
    CHECK(file(site, "sitemap.xml").find("<loc>E/RES/2003/28/index.html</loc>") != std::string::npos);
    CHECK(file(site, "robots.txt") == "User-agent: *\nAllow: /\n");
    CHECK(file(site, ".nojekyll").empty());
    CHECK(file(site, "404.html").find("href=\"assets/style.css\"") != std::string::npos);
    const std::string& page = file(site, "A/RES/59/154/index.html");
    CHECK(page.find("rel=\"canonical\"") == std::string::npos);
    CHECK(page.find("og:url") == std::string::npos);
    // Every page carries the search box, pointing at the search page.
    CHECK(page.find("<form class=\"search-box\" role=\"search\" aria-label=\"Site search\" action=\"../../../../search/index.html\"") !=
          std::string::npos);
    CHECK(page.find("<input type=\"search\"") != std::string::npos);
}

TEST_CASE("the feed lists the collection newest first, its dates from the documents only", "[publish]") {
    Site site = seed_site();
    const std::string& feed = file(site, "feed.xml");
    // The feed's date is the newest stated date, never the clock.
    CHECK(feed.find("<updated>2006-07-27T00:00:00Z</updated>\n<author>") != std::string::npos);
    std::vector<std::string> order = {"E/RES/2009/24", "E/RES/2006/19", "A/RES/59/154",
                                      "doc/ccpcj-2004-colombia-draft", "E/RES/2003/28"};
    size_t last = 0;
    for (const auto& key : order) {
        size_t at = feed.find("<id>urn:resgen:" + key + "/index.html</id>");
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    CHECK(count(feed, "<entry>") == order.size());  // documents outside the collection are not entries
    // E/RES/2009/24 states no date: its entry has no <published>.
    size_t entry = feed.find("<id>urn:resgen:E/RES/2009/24/index.html</id>");
    size_t end = feed.find("</entry>", entry);
    CHECK(feed.substr(entry, end - entry).find("<published>") == std::string::npos);
    CHECK(feed.substr(entry, end - entry).find("<summary>Resolution of the Economic and Social Council: ") !=
          std::string::npos);
}

TEST_CASE("a large feed is written in pieces that make the whole feed", "[publish]") {
    // 600 documents: a feed of some 250 KB, given to the file a few entries at a time.
    std::vector<Document> docs;
    for (int n = 1; n <= 600; ++n) {
        Document d;
        d.key = d.meta.symbol = "A/RES/70/" + std::to_string(n);
        d.meta.title = "Title " + std::to_string(n);
        d.meta.kind = "resolution";
        d.meta.body = "General Assembly";
        d.meta.date = "2015-12-" + std::string(n % 28 < 9 ? "0" : "") + std::to_string(n % 28 + 1);
        docs.push_back(std::move(d));
    }
    Diagnostics diags;
    const Corpus corpus = resolve(std::move(docs), diags);
    SiteConfig config;
    config.title = "Test";
    const DataFile feed = atom_feed(corpus, config);
    CHECK(feed.path == "feed.xml");
    std::vector<std::string> pieces;
    feed.write([&](std::string_view piece) { pieces.emplace_back(piece); });
    REQUIRE(pieces.size() > 2);
    std::string whole;
    for (const auto& p : pieces) whole += p;
    CHECK(whole.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed ", 0) == 0);
    CHECK(whole.size() > 200000);
    CHECK(whole.substr(whole.size() - 8) == "</feed>\n");
    CHECK(count(whole, "<entry>") == 600);
    CHECK(count(whole, "</entry>") == 600);
    for (int n : {1, 77, 600}) CHECK(count(whole, "<title>A/RES/70/" + std::to_string(n) + ": Title " + std::to_string(n) + "</title>") == 1);
    // Each piece but the last ends an entry: no entry is cut, none is given twice.
    for (size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].substr(pieces[i].size() - 9) == "</entry>\n");
    CHECK(feed.text() == whole);
}

TEST_CASE("the search index holds documents and anchored paragraphs as a classic script", "[search]") {
    Site site = seed_site();
    const std::string& index = file(site, "data/search-index.js");
    CHECK(index.rfind("window.RESGEN_SEARCH_INDEX = {", 0) == 0);
    CHECK(index.find("\"s\":\"A/RES/59/154\"") != std::string::npos);
    // The paragraph of 59/154 that mentions the handbook is there with its anchor.
    size_t doc = 0;
    for (size_t i = 0; i < site.corpus.documents.size(); ++i)
        if (site.corpus.documents[i].key == "A/RES/59/154") doc = i;
    size_t at = index.find("{\"a\":\"op", index.find("\"paras\""));
    bool found = false;
    for (; at != std::string::npos; at = index.find("{\"a\":", at + 1)) {
        size_t end = index.find('}', at);
        std::string entry = index.substr(at, end - at);
        if (entry.find("\"d\":" + std::to_string(doc) + ",") != std::string::npos &&
            entry.find("handbook") != std::string::npos)
            found = true;
    }
    CHECK(found);
    const std::string& page = file(site, "search/index.html");
    CHECK(page.find("<script src=\"../data/search-index.js\"></script>") != std::string::npos);
    CHECK(page.find("<script src=\"../assets/search.js\"></script>") != std::string::npos);
}

TEST_CASE("the same content gives byte-identical publishing files", "[publish]") {
    Site a = seed_site("https://example.org/x/"), b = seed_site("https://example.org/x/");
    REQUIRE(a.files.size() == b.files.size());
    for (size_t i = 0; i < a.files.size(); ++i) {
        CHECK(a.files[i].path == b.files[i].path);
        CHECK(a.files[i].bytes == b.files[i].bytes);
    }
}
