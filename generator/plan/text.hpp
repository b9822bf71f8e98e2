// A clause's text as HTML for one page: its citations become links to the cited pages, its
// footnote markers links to the footnotes.
#pragma once
#include <string>

#include "model/html.hpp"
#include "resolve/corpus.hpp"

namespace resgen {

// Raw HTML in the clause is dropped unless `allow_html` (site.yml's allow_html) is set.
std::string clause_html(const Clause& clause, const Corpus& corpus, const std::string& page,
                        bool allow_html = false);

// HTML-escapes text for element content and attribute values (append_escaped_html, in a
// string of its own).
std::string escape_html(std::string_view text);

}  // namespace resgen
