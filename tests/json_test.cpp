// resgen::json keeps an object's keys in the order nlohmann::json keeps them (std::less of
// the strings): everything written from a tree, and every page walked from one, depends on it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "model/json.hpp"

namespace {

// Keys that meet each way two strings can compare: a first byte apart, one a prefix of the
// other, bytes above 0x7f (unsigned, so after ASCII), a NUL inside, the empty key.
const std::vector<std::string> kKeys = {
    "", "a", "ab", "abc", "abd", "b", "B", "href", "has_text", "has_", "label", "label_y", "z",
    "\x7f", "\x80", "\xc3\xa9", "\xe2\x80\x94", "\xff", std::string("a\0b", 3), std::string("a\0", 2),
    "compare_href", "compare", "is_operative", "is_",
};

}  // namespace

TEST_CASE("KeyLess orders keys as std::less of the strings does", "[json]") {
    const resgen::KeyLess less;
    for (const auto& a : kKeys)
        for (const auto& b : kKeys) {
            INFO("'" << a << "' and '" << b << "'");
            CHECK(less(a, b) == (a < b));
        }
}

TEST_CASE("an object is walked and written in nlohmann's order, whatever order it was made in", "[json]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        std::vector<std::string> keys = kKeys;
        std::shuffle(keys.begin(), keys.end(), rng);
        resgen::json ours = resgen::json::object();
        nlohmann::json theirs = nlohmann::json::object();
        for (size_t i = 0; i < keys.size(); ++i) {
            ours[keys[i]] = i;
            theirs[keys[i]] = i;
        }
        CHECK(ours.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) ==
              theirs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        std::vector<std::string> walked;
        for (const auto& [key, value] : ours.items()) walked.push_back(key);
        std::vector<std::string> sorted = kKeys;
        std::sort(sorted.begin(), sorted.end());
        CHECK(walked == sorted);
        // Looked up by any key, in any form.
        for (size_t i = 0; i < keys.size(); ++i) {
            CHECK(ours.contains(keys[i]));
            CHECK(ours.at(keys[i]) == i);
            CHECK(ours.find(std::string_view(keys[i])) != ours.end());
        }
        CHECK_FALSE(ours.contains("absent"));
    }
}
