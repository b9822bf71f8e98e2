// The pure pieces behind resgen's messages and its guards: caret lines, GitHub annotations,
// UTF-8 checking, link schemes, unresolvable citations and refused output folders.
#include <catch2/catch.hpp>

#include "cite/cite.hpp"
#include "load/source.hpp"
#include "markdown/markdown.hpp"
#include "model/diagnostic.hpp"
#include "write/write.hpp"

using namespace resgen;

TEST_CASE("a caret stands under the column, counted in characters, tabs kept", "[diagnostic]") {
    CHECK(caret_lines("date: 2003-02-30", 7) == "  date: 2003-02-30\n        ^\n");
    // “ is three bytes and one column.
    CHECK(caret_lines("\xE2\x80\x9C" "1. x", 2) == "  \xE2\x80\x9C" "1. x\n   ^\n");
    CHECK(caret_lines("\tx", 2) == "  \tx\n  \t^\n");
    CHECK(caret_lines("x", 0) == "");
}

TEST_CASE("GitHub annotations escape what the runner reads as structure", "[diagnostic]") {
    Diagnostic d{Severity::error, "content/a,b:c.md", 3, 7, "50% done\nnext"};
    CHECK(format_github(d) == "::error file=content/a%2Cb%3Ac.md,line=3,col=7::50%25 done%0Anext");
    Diagnostic w{Severity::warning, "site.yml", 0, 0, "unknown key"};
    CHECK(format_github(w) == "::warning file=site.yml::unknown key");
}

TEST_CASE("the first byte that is not UTF-8 is found by line and column", "[diagnostic]") {
    int line = 0, column = 0;
    CHECK_FALSE(find_invalid_utf8("ok\n\xE2\x80\x9C" "quoted", line, column));
    REQUIRE(find_invalid_utf8("ok\nr\xC3\xA9" "un\xFF", line, column));
    CHECK(line == 2);
    CHECK(column == 5);
    CHECK(find_invalid_utf8("\xC0\xAF", line, column));          // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80", line, column));      // a surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80", line, column));  // past U+10FFFF
    CHECK(find_invalid_utf8("\xE2\x80", line, column));          // cut short
    // ASCII is passed over eight bytes at a time: a bad byte and a line end at every place in
    // and around such words are still found where they stand.
    const std::string plain = "Recalling its resolution 58/135,";
    for (size_t nl = 0; nl <= 20; ++nl)
        for (size_t bad = nl + 1; bad <= 24; ++bad) {
            std::string text = plain;
            text.insert(bad, "\xFF");
            text.insert(nl, "\n");
            INFO("line end at " << nl << ", bad byte at " << bad);
            REQUIRE(find_invalid_utf8(text, line, column));
            CHECK(line == 2);
            CHECK(column == static_cast<int>(bad - nl + 1));
            text.erase(bad + 1, 1);
            CHECK_FALSE(find_invalid_utf8(text, line, column));
        }
}

TEST_CASE("only http(s) and relative links survive, images become their text", "[markdown]") {
    CHECK(markdown::url_scheme("https://undocs.org/") == "https");
    CHECK(markdown::url_scheme("JavaScript:alert(1)") == "javascript");
    CHECK(markdown::url_scheme("../E/RES/2003/28/index.html") == "");
    CHECK(markdown::url_scheme("a/b:c") == "");
    CHECK(markdown::inline_html("[x](javascript:alert(1))") == "x");
    CHECK(markdown::inline_html("[x](mailto:a@b.c)") == "x");
    CHECK(markdown::inline_html("[x](https://undocs.org/)") == "<a href=\"https://undocs.org/\">x</a>");
    CHECK(markdown::inline_html("![alt text](https://example.org/i.png)") == "alt text");
    CHECK(markdown::inline_html("a <script>x</script> b").find("<script") == std::string::npos);
    CHECK(markdown::inline_html("a <script>x</script> b", true).find("&lt;script>") != std::string::npos);
}

TEST_CASE("references that cannot be resolved, or could be read two ways, are reported", "[cite]") {
    std::vector<CitationProblem> problems;
    auto cits = find_citations("Recalling its resolution 44/5,", {"Commission on Narcotic Drugs", true}, &problems);
    CHECK(cits.empty());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].message, Catch::StartsWith("'its resolution 44/5' cannot be resolved"));

    problems.clear();
    find_citations("Noting resolution 12345/6", {"General Assembly", false}, &problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].begin == 7);

    problems.clear();
    cits = find_citations("its resolution 55/25", {"Economic and Social Council", false}, &problems);
    REQUIRE(cits.size() == 1);
    CHECK(cits[0].target == "A/RES/55/25");
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].message, Catch::Contains("ambiguous"));

    problems.clear();
    find_citations("its resolution 2003/28 and General Assembly resolution 59/154",
                   {"Economic and Social Council", false}, &problems);
    CHECK(problems.empty());
}

TEST_CASE("output folders that must never be replaced are named with the reason", "[write]") {
    const std::filesystem::path content = "/srv/project/content";
    CHECK(refuse_output_folder("/", {content}, "/home/u") == "it is the root folder");
    CHECK(refuse_output_folder("/home/u/", {content}, "/home/u") == "it is your home folder");
    CHECK_THAT(refuse_output_folder("/srv/project/content", {content}, ""), Catch::StartsWith("it is the folder"));
    CHECK_THAT(refuse_output_folder("/srv/project", {content}, ""), Catch::StartsWith("it contains"));
    CHECK_THAT(refuse_output_folder("/srv/project/content/site", {content}, ""), Catch::StartsWith("it lies inside"));
    CHECK(refuse_output_folder("/srv/project/site", {content}, "/home/u") == "");
    CHECK(refuse_output_folder("/srv/project/contents", {content}, "") == "");
}
