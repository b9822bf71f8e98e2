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

}  // namespace resgen
