// Any bytes as a content file: splitting at the front matter and reading it must never crash,
// hang or read out of bounds, whatever the YAML says. And whatever the line reader takes, it
// must take as yaml-cpp does.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

#include "load/source.hpp"
#include "parse/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    resgen::Diagnostics diags;
    int line = 0, column = 0;
    if (resgen::find_invalid_utf8(text, line, column)) return 0;  // load stops such a file
    resgen::Source src = resgen::split_source("fuzz.md", std::move(text), diags);
    resgen::parse_front_matter(src, diags);
    if (auto by_lines = resgen::front_matter_by_lines(src.front_matter)) {
        try {
            if (resgen::front_matter_by_yaml_cpp(src.front_matter) != by_lines) __builtin_trap();
        } catch (const std::exception&) {
            __builtin_trap();  // the line reader took what yaml-cpp finds invalid
        }
    }
    return 0;
}
