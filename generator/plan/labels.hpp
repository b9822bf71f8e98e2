// How the site names things: dates, kinds, paragraphs.
#pragma once
#include <string>

#include "model/document.hpp"

namespace resgen {

// "2003-07-22" -> "22 July 2003"; the input when it is not an ISO date.
std::string display_date(const std::string& iso);

// "Resolution", "Draft resolution", "Report", "Treaty", ...
std::string kind_label(const std::string& kind);

// What a document is called in lists and links: its symbol; without one, what it is, whose,
// and when: "Commission draft resolution of 12 May 2004".
std::string label_of(const Document& doc);

// "preambular paragraph 7", "paragraph 7", "paragraph 7 (a)", "footnote 1".
std::string clause_label(const Clause& clause);

// The anchor of the paragraph a citation's pinpoint names in the document cited: "paragraph 7"
// is op7, "paragraph 7 (b)" op7b, "part B, paragraph 3" the paragraph 3 under the heading "B".
// Only the document's own paragraphs count, not those of a draft it quotes in another voice.
// Empty when the pinpoint names no paragraph, or one the text does not have.
std::string anchor_of_place(const Document& doc, std::string_view pinpoint);

}  // namespace resgen
