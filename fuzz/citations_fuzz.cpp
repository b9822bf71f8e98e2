// Any text in any voice: the citation scanner must never crash, and every span it reports
// must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cite/cite.hpp"
#include "model/organ.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    // The first byte chooses the voice (one of the organs, or one resgen does not know) and
    // whether the clause is a Recalling one.
    const auto& organs = resgen::organs();
    size_t pick = data[0] % (organs.size() + 1);
    resgen::CiteContext ctx{pick < organs.size() ? organs[pick].name : "Unknown Body", (data[0] & 0x80) != 0};
    std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
    std::vector<resgen::CitationProblem> problems;
    auto cits = resgen::find_citations(text, ctx, &problems);
    for (const auto& c : cits)
        if (c.begin > c.end || c.end > text.size() || c.span != text.substr(c.begin, c.end - c.begin)) std::abort();
    for (const auto& p : problems)
        if (p.begin > p.end || p.end > text.size()) std::abort();
    return 0;
}
