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

// Runs with nothing to escape are skipped eight bytes at a time: each of the five, and a byte
// next to each (and a UTF-8 sequence), at every place in and around two such words.
TEST_CASE("append_escaped_html escapes a character wherever in a long text it stands", "[text]") {
    const std::pair<std::string, std::string> pieces[] = {
        {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"},
        {"%", "%"}, {"=", "="}, {"?", "?"}, {"!", "!"}, {"(", "("}, {"\x80", "\x80"}, {"\xe2\x80\x9c", "\xe2\x80\x9c"},
        {"<&>", "&lt;&amp;&gt;"}, {std::string(1, '\0'), std::string(1, '\0')},
    };
    const std::string plain = "Recalling its resolution";
    for (const auto& [piece, escaped] : pieces)
        for (size_t at = 0; at <= 17; ++at) {
            INFO(piece << " at " << at);
            std::string out;
            resgen::append_escaped_html(out, plain.substr(0, at) + piece + plain.substr(at));
            CHECK(out == plain.substr(0, at) + escaped + plain.substr(at));
        }
}
