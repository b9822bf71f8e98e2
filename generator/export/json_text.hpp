// JSON text from nlohmann trees, byte for byte as nlohmann::json::dump writes it, but faster:
// runs of plain bytes are copied whole instead of passing one at a time through a UTF-8
// decoder and a virtual output adapter. corpus.json and the search index are some 300 MB of
// text at 10,000 documents, and dump was the largest single cost of writing them
// (docs/performance.md). append_json is a JsonWriter told a tree; the writer writes the same
// text without any tree, a value at a time.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/json.hpp"

namespace resgen {

// Appends what value.dump(-1, ' ', false, handler) returns: compact JSON, every layout resgen
// writes. A string that is not valid UTF-8 is written by nlohmann itself, so that `handler`
// decides (replace, ignore, or throw).
void append_json(std::string& out, const resgen::json& value,
                 resgen::json::error_handler_t handler = resgen::json::error_handler_t::strict);

// The JSON text of a data file (corpus.json, graph.json): compact, but each element of the
// root object's arrays (a document, a node, an edge) on a line of its own, and a final line end.
// A record a line keeps the file greppable and its diffs readable; indented, the same data
// took some 30% more bytes, and writing them was a measurable part of a large build
// (docs/performance.md). Bytes that are not UTF-8 are replaced rather than aborting the build.
std::string json_text(const resgen::json& j);

// Appends `element` as json_text lays out an element of the root's arrays, for a file written a
// piece at a time: compact, without the line end.
void append_json_record(std::string& out, const resgen::json& element);

// Compact JSON text written a value at a time, as append_json writes a tree, for data too
// large to build as a tree first. Keys stand in the order they are given: to write what a
// tree's dump writes, give each object's keys sorted, as nlohmann::json keeps them. A string
// that is not UTF-8 is written as `handler` says (by default, replaced).
class JsonWriter {
public:
    // A key written in resgen's code: printable ASCII without a quote or a backslash, checked
    // when the program is compiled, and so written as it stands. Looking each of corpus.json's
    // keys over for bytes to escape and for UTF-8 took 1% of a build's instructions.
    struct Name {
        std::string_view text;
        template <size_t N>
        consteval Name(const char (&literal)[N]) : text(literal, N - 1) {  // NOLINT(google-explicit-constructor)
            for (char c : text)
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') throw "a key written by name is printable ASCII";
        }
    };

    explicit JsonWriter(std::string& out,
                        resgen::json::error_handler_t handler = resgen::json::error_handler_t::replace)
        : out_(out), handler_(handler) {}

    JsonWriter& key(Name name);
    // Any other key (a tree's), escaped as a string is.
    JsonWriter& key_of(std::string_view name);
    JsonWriter& string(std::string_view s);
    JsonWriter& null();
    JsonWriter& boolean(bool b);
    JsonWriter& number(std::int64_t n);
    JsonWriter& number(std::uint64_t n);
    JsonWriter& number(int n) { return number(static_cast<std::int64_t>(n)); }
    JsonWriter& value(const resgen::json& v);  // a whole tree, each object's keys sorted
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }

private:
    void before_value();
    void next_item();
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);

    std::string& out_;
    resgen::json::error_handler_t handler_;
    std::vector<char> empty_;  // for each open container: nothing written in it yet
    bool after_key_ = false;
};

}  // namespace resgen
