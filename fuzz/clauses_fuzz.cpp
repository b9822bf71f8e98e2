// Any UTF-8 text as a document body: segmentation into clauses, the citations found in them
// and their HTML must never crash, and the HTML must carry no markup the text did not earn.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "load/source.hpp"
#include "markdown/markdown.hpp"
#include "parse/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    int line = 0, column = 0;
    if (resgen::find_invalid_utf8(text, line, column)) return 0;
    resgen::Source src;
    src.path = "fuzz.md";
    src.body = std::move(text);
    resgen::Diagnostics diags;
    auto clauses = resgen::parse_clauses(src, "Economic and Social Council", {}, diags);
    for (const auto& c : clauses) {
        std::string html = resgen::markdown::inline_html(c.markdown);
        // Safe mode: no element the text wrote itself can open a script.
        for (const char* never : {"<script", "<img", "href=\"javascript:", "href=\"data:"})
            if (html.find(never) != std::string::npos) std::abort();
        for (const auto& cit : c.citations)
            if (cit.begin > cit.end || cit.end > c.markdown.size()) std::abort();
    }
    return 0;
}
