// HTML escaping of the text resgen writes into pages itself (compare pages' words, link
// labels): each row is a text and its escaped form, for element content and attribute values.
#include <catch2/catch.hpp>

#include "plan/text.hpp"

TEST_CASE("escape_html and append_escaped_html escape the five characters, and only those", "[text]") {
    const std::pair<std::string, std::string> rows[] = {
        {"", ""},
        {"plain words", "plain words"},
        {"Tom & Jerry", "Tom &amp; Jerry"},
        {"<script>", "&lt;script&gt;"},
        {"\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;"},
        {"&&", "&amp;&amp;"},
        {"a<", "a&lt;"},
        {">b", "&gt;b"},
        {"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d", "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d"},
        {std::string("nul \0 kept", 10), std::string("nul \0 kept", 10)},
    };
    for (const auto& [text, escaped] : rows) {
        INFO(text);
        CHECK(resgen::escape_html(text) == escaped);
        std::string out = "before:";
        resgen::append_escaped_html(out, text);
        CHECK(out == "before:" + escaped);
    }
    // The template walk names the apostrophe as kainjow's renderer does.
    std::string out;
    resgen::append_escaped_html(out, "it's <b>", "&apos;");
    CHECK(out == "it&apos;s &lt;b&gt;");
}
