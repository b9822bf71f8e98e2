// append_json writes what nlohmann::json::dump writes compact, byte for byte: each tree below
// is written both ways, with every way of handling bytes that are not UTF-8.
#include <catch2/catch.hpp>

#include <limits>
#include <random>

#include "export/json_text.hpp"

using resgen::json;
using resgen::append_json;

namespace {

// Strings with every kind of byte the writer treats apart: the escaped ones, the edges of each
// UTF-8 sequence length, and the ill-formed sequences nlohmann's decoder rejects.
const std::vector<std::string> kStrings = {
    "", "plain", "quote \" and backslash \\ and slash /", "\b\f\n\r\t", std::string("nul \0 in", 8),
    "\x01\x1f\x7f", "caf\xc3\xa9", "\xc2\x80\xdf\xbf", "\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf",
    "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", "\xe2\x80\x94 dash \xe2\x80\x94",
    // ill-formed: overlong, surrogate, above U+10FFFF, no lead, cut short, stray bytes
    "\xc0\x80", "\xc1\xbf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
    "\x80", "a\xbf" "b", "\xc3", "\xe2\x80", "\xf0\x90\x80", "ok \xff ok", "\xfe\xff", "\xe2\x80\x94\xc3(",
};

json random_value(std::mt19937& rng, int depth) {
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const int kind = depth >= 4 ? 3 + pick(6) : pick(9);
    switch (kind) {
        case 0: case 1: {
            json object = json::object();
            for (int i = pick(5); i > 0; --i) object[kStrings[pick(static_cast<int>(kStrings.size()))] + std::to_string(i)] = random_value(rng, depth + 1);
            return object;
        }
        case 2: {
            json array = json::array();
            for (int i = pick(5); i > 0; --i) array.push_back(random_value(rng, depth + 1));
            return array;
        }
        case 3: case 4: return kStrings[pick(static_cast<int>(kStrings.size()))];
        case 5: {
            const std::int64_t ints[] = {0, -1, 7, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
            return ints[pick(5)];
        }
        case 6: return pick(2) ? json(std::numeric_limits<std::uint64_t>::max()) : json(42u);
        case 7: return pick(2) ? json(0.1) : json(-2.5e300);
        default: return pick(3) == 0 ? json(nullptr) : json(pick(2) == 0);
    }
}

std::string by_append(const json& j, json::error_handler_t handler) {
    std::string out = "prefix";
    append_json(out, j, handler);
    REQUIRE(out.compare(0, 6, "prefix") == 0);
    return out.substr(6);
}

std::string by_dump(const json& j, json::error_handler_t handler) { return j.dump(-1, ' ', false, handler); }

}  // namespace

TEST_CASE("append_json writes each string as dump does", "[json]") {
    for (const auto& s : kStrings) {
        INFO("string: " << json(s).dump(-1, ' ', true, json::error_handler_t::replace));
        for (auto handler : {json::error_handler_t::replace, json::error_handler_t::ignore})
            CHECK(by_append(s, handler) == json(s).dump(-1, ' ', false, handler));
        bool dump_throws = false;
        std::string dumped;
        try { dumped = json(s).dump(); } catch (const json::type_error&) { dump_throws = true; }
        if (dump_throws) CHECK_THROWS_AS(by_append(s, json::error_handler_t::strict), json::type_error);
        else CHECK(by_append(s, json::error_handler_t::strict) == dumped);
    }
    // Every byte value on its own and after a lead byte.
    for (int b = 0; b < 256; ++b)
        for (const std::string& s : {std::string(1, char(b)), "\xc3" + std::string(1, char(b)), "\xe2\x80" + std::string(1, char(b))}) {
            INFO("byte " << b);
            CHECK(by_append(s, json::error_handler_t::replace) == json(s).dump(-1, ' ', false, json::error_handler_t::replace));
        }
}

// Long runs of plain text are copied eight bytes at a time: each byte value and each string
// above, at every place in and around two such words (a UTF-8 sequence across their edge too).
TEST_CASE("append_json writes a string as dump does wherever in it each byte stands", "[json]") {
    std::vector<std::string> pieces = kStrings;
    for (int b = 0; b < 256; ++b) pieces.emplace_back(1, char(b));
    const std::string plain = "The General Assembly, rec";
    for (const auto& piece : pieces)
        for (size_t at = 0; at <= 17; ++at) {
            const std::string s = plain.substr(0, at) + piece + plain.substr(at);
            INFO("string: " << json(s).dump(-1, ' ', true, json::error_handler_t::replace));
            CHECK(by_append(s, json::error_handler_t::replace) ==
                  json(s).dump(-1, ' ', false, json::error_handler_t::replace));
        }
}

TEST_CASE("append_json writes trees as dump does", "[json]") {
    std::mt19937 rng(20261126);
    int compared = 0;
    for (int round = 0; round < 400; ++round) {
        const json j = random_value(rng, 0);
        for (auto handler : {json::error_handler_t::replace, json::error_handler_t::ignore}) {
            INFO("tree: " << j.dump(-1, ' ', true, json::error_handler_t::replace));
            REQUIRE(by_append(j, handler) == by_dump(j, handler));
            ++compared;
        }
    }
    CHECK(compared == 400 * 2);
    CHECK(by_append(json::object(), json::error_handler_t::strict) == "{}");
    CHECK(by_append(json::array(), json::error_handler_t::strict) == "[]");
}

// append_json tells each tree to a JsonWriter (the tests above compare it with dump); written
// by hand, keys stand in the order given.
TEST_CASE("JsonWriter writes keys in the order given", "[json]") {
    std::string out;
    resgen::JsonWriter(out)
        .begin_object()
        .key("b").begin_array().end_array()
        .key("a").begin_object().end_object()
        .key("c").begin_array().number(1).string("\xff").null().boolean(true).end_array()
        .key("x").string("q\"")
        .end_object();
    CHECK(out == "{\"b\":[],\"a\":{},\"c\":[1,\"\xef\xbf\xbd\",null,true],\"x\":\"q\\\"\"}");
}

TEST_CASE("a data file's text is compact, each element of the root's arrays on a line of its own", "[json]") {
    constexpr auto replace = json::error_handler_t::replace;
    const json j = {{"b", {1, {{"y", "\xff"}}}}, {"a", {{"x", "\xff"}}}, {"c", json::array()}, {"d", "s"}};
    // Keys in their sorted order, a byte that is not UTF-8 replaced, an empty array as [].
    CHECK(resgen::json_text(j) ==
          "{\"a\":{\"x\":\"\xef\xbf\xbd\"},\"b\":[\n1,\n{\"y\":\"\xef\xbf\xbd\"}\n],\"c\":[],\"d\":\"s\"}\n");
    CHECK(json::parse(resgen::json_text(j)) == json::parse(j.dump(-1, ' ', false, replace)));
    // A root that is not an object is written compact.
    CHECK(resgen::json_text(json::array({1, 2})) == "[1,2]\n");
    std::string record;
    resgen::append_json_record(record, j["b"]);
    CHECK(record == by_dump(j["b"], replace));
}
