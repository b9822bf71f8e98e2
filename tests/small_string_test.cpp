// SmallString: a clause's short fields. It must read, compare and copy as std::string does,
// for every length on both sides of the 15 characters it keeps in place.
#include <catch2/catch.hpp>

#include <cstring>
#include <new>
#include <string>
#include <utility>

#include "model/document.hpp"
#include "model/json.hpp"
#include "model/small_string.hpp"

using resgen::SmallString;

namespace {

std::string text_of_length(size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
    return s;
}

}  // namespace

TEST_CASE("a SmallString holds what it was given, at every length", "[small_string]") {
    for (size_t n = 0; n <= 40; ++n) {
        const std::string want = text_of_length(n);
        const SmallString s(want);
        INFO("length " << n);
        CHECK(s.size() == n);
        CHECK(s.empty() == (n == 0));
        CHECK(std::string_view(s) == want);
        CHECK(s.str() == want);
        CHECK(std::string(s.c_str()) == want);  // null-terminated
        CHECK(s.c_str()[n] == '\0');
    }
}

TEST_CASE("a SmallString ends its text with a null whatever its memory held before", "[small_string]") {
    for (size_t n = 0; n <= 20; ++n) {
        INFO("length " << n);
        alignas(SmallString) unsigned char memory[sizeof(SmallString)];
        std::memset(memory, 'x', sizeof memory);
        auto* s = new (memory) SmallString(text_of_length(n));
        CHECK(std::strlen(s->c_str()) == n);
        s->~SmallString();
    }
}

TEST_CASE("a default SmallString is empty", "[small_string]") {
    const SmallString s;
    CHECK(s.empty());
    CHECK(s.size() == 0);
    CHECK(std::string(s.c_str()).empty());
    CHECK(s == "");
    CHECK(s == SmallString(""));
}

TEST_CASE("copies and moves of a SmallString keep its text, in place and on the heap", "[small_string]") {
    for (size_t n : {0, 1, 14, 15, 16, 17, 100}) {
        const std::string want = text_of_length(n);
        INFO("length " << n);
        SmallString a(want);
        SmallString copy(a);
        CHECK(copy == want);
        CHECK(a == want);
        if (n > 15) CHECK(copy.data() != a.data());  // its own characters, not the other's

        SmallString moved(std::move(a));
        CHECK(moved == want);
        CHECK(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from SmallString is empty

        SmallString assigned("something else entirely, long enough for the heap");
        assigned = copy;
        CHECK(assigned == want);
        assigned = std::move(moved);
        CHECK(assigned == want);
        CHECK(moved.empty());  // NOLINT(bugprone-use-after-move)
        assigned = "x";
        CHECK(assigned == "x");
    }
}

TEST_CASE("a SmallString can be given its own text or a part of it", "[small_string]") {
    for (size_t n : {3, 15, 16, 40}) {
        INFO("length " << n);
        const std::string want = text_of_length(n);
        SmallString s(want);
        s = s;
        CHECK(s == want);
        s = std::string_view(s).substr(1);  // a view of its own characters
        CHECK(s == want.substr(1));
        s = std::string_view(s).substr(0, s.size() - 1);
        CHECK(s == want.substr(1, n - 2));
    }
}

TEST_CASE("a SmallString compares with any string as its characters do", "[small_string]") {
    const std::vector<std::string> texts{"", "a", "op7", "op7a", "pp10", "pp9", "Recalling also",
                                         "Recalling further also", "recommends", text_of_length(15),
                                         text_of_length(16)};
    for (const auto& x : texts)
        for (const auto& y : texts) {
            INFO(x << " and " << y);
            const SmallString sx(x), sy(y);
            CHECK((sx == sy) == (x == y));
            CHECK((sx == y) == (x == y));
            CHECK((x == sy) == (x == y));
            CHECK((sx == y.c_str()) == (x == y));
            CHECK((sx == std::string_view(y)) == (x == y));
            CHECK((sx != y) == (x != y));
            CHECK((sx < sy) == (x < y));
            CHECK((sx < y) == (x < y));
            CHECK((x < sy) == (x < y));
            CHECK((sx <= y.c_str()) == (x <= y));
        }
}

TEST_CASE("a SmallString is cut and joined as a string view is", "[small_string]") {
    const SmallString op("op7a");
    CHECK(op.starts_with("op"));
    CHECK_FALSE(op.starts_with("pp"));
    CHECK(op.substr(2) == "7a");
    CHECK(op.substr(1, 2) == "p7");
    const SmallString on_heap(text_of_length(20));
    CHECK(on_heap.starts_with(text_of_length(16)));
    CHECK(on_heap.substr(16) == "qrst");
    CHECK(std::string("#") + op == "#op7a");
    std::string out = "x";
    out += op;
    CHECK(out == "xop7a");
}

TEST_CASE("a SmallString is written to JSON as a string", "[small_string]") {
    CHECK(resgen::json(SmallString("op7a")) == "op7a");
    CHECK(resgen::json(SmallString(text_of_length(30))) == text_of_length(30));
    CHECK(resgen::json(SmallString()) == "");
}

TEST_CASE("a clause keeps its short fields in 16 bytes each", "[small_string]") {
    STATIC_REQUIRE(sizeof(SmallString) == 16);
    // The point of the type: a clause's five short fields take 80 bytes, not 160.
    STATIC_REQUIRE(sizeof(resgen::Clause) <= 168);
}
