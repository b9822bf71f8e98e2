// Stage `parse`: a Source becomes a Document: metadata from the front matter, and the text
// cut into clauses (voice lines, preambular and operative paragraphs, sub-paragraphs,
// footnotes), each with its anchor, its voice and the references it makes.
#pragma once
#include <string>
#include <vector>

#include "load/source.hpp"
#include "model/diagnostic.hpp"
#include "model/document.hpp"

namespace resgen {

struct ParseOptions {
    std::vector<std::string> extra_preambular_phrases;  // from site.yml
};

// Front matter only. Errors (bad YAML, missing symbol and id, a bad date ...) go to `diags`.
Metadata parse_front_matter(const Source& src, Diagnostics& diags);

// The text only: clauses in order, citations found. `body_voice` is the organ before any
// voice line (the document's body).
std::vector<Clause> parse_clauses(const Source& src, const std::string& body_voice,
                                  const ParseOptions& options, Diagnostics& diags);

// Both, and the document's key (its symbol, or its id).
Document parse_document(const Source& src, const ParseOptions& options, Diagnostics& diags);

// True for a symbol whose every segment is safe as a path segment: [A-Za-z0-9.()-], not "." or "..".
bool valid_symbol(const std::string& symbol, std::string* why = nullptr);

// The preambular phrases the parser knows, longest first.
std::vector<std::string> preambular_phrases(const std::vector<std::string>& extra);

}  // namespace resgen
