// Stage `cite`: finds the references in a clause's text and says what they point to.
//
// The forms understood are those of design.md: "its resolution 2002/16", "General Assembly
// resolution 59/154 of 20 December 2004", "resolutions 2002/16 of 24 July 2002 and 2003/28",
// "resolution 55/25, annex I", "E/CN.15/2004/7 and Add.1", "United Nations, Treaty Series,
// vol. 2225, No. 39574", "the present resolution", and an editor's [text](symbol:X) link;
// decisions in the forms of resolutions ("its decision 2004/237"), and the numbers of early
// and special sessions ("resolution 2200 A (XXI)", "resolution S-26/2").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace resgen {

// What a clause needs to say for its references to be read.
struct CiteContext {
    std::string voice;        // the organ speaking, which "its resolution" refers to
    bool recalling = false;   // the clause opens with "Recalling": its first reference is recalled
};

// A span that reads as a reference but cannot be resolved for sure, and why.
struct CitationProblem {
    size_t begin = 0;  // byte offsets into the text
    size_t end = 0;
    std::string message;
};

// All references in `text`, in order of appearance, spans as byte offsets into `text`.
// References that cannot be resolved (an unknown organ's "its resolution", a bare number whose
// shape names no organ), or that could be read two ways, are listed in `problems` when given.
std::vector<Citation> find_citations(std::string_view text, const CiteContext& ctx,
                                     std::vector<CitationProblem>* problems = nullptr);

// "24 July 2002" -> "2002-07-24"; empty when `text` does not start with such a date.
// `consumed` receives the number of bytes read.
std::string parse_date(std::string_view text, size_t* consumed = nullptr);

}  // namespace resgen
