// Stage `parse`: a Source becomes a Document: metadata from the front matter, and the text
// cut into clauses (voice lines, preambular and operative paragraphs, sub-paragraphs,
// footnotes), each with its anchor, its voice and the references it makes.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/source.hpp"
#include "model/diagnostic.hpp"
#include "model/document.hpp"

namespace resgen {

// The preambular phrases the parser knows, longest first.
std::vector<std::string> preambular_phrases(const std::vector<std::string>& extra);

// Whether an emphasized opening phrase that no table lists has the form of a preambular one:
// after any adverbs, a participle or an adjective of the organ's state of mind ("Appalled",
// "Deeply disturbed", "Hoping", "Anxious"). An operative phrase is a verb in -s ("Decides",
// "Strongly urges"), which this form never takes.
bool has_preambular_form(std::string_view phrase);

// Whether a clause's opening phrase recalls what it cites first: "Recalling", "Recalling
// also", "Further recalling", and the operative "Recalls" or "Also recalls".
bool recalls_by_phrase(std::string_view phrase);

// Whether a word is one of the adverbs that may open such a phrase: "Deeply", "Gravely" (in
// -ly), "also", "further", "most" ... in either case.
bool is_opening_adverb(std::string_view word);

// How texts are read: the phrases that open a preambular paragraph, the built-in ones and a
// site's own (site.yml), in the order preambular_phrases() gives, made once for every text
// read with these options.
struct ParseOptions {
    ParseOptions(const std::vector<std::string>& extra_preambular_phrases = {})  // NOLINT(google-explicit-constructor)
        : preambular_phrases(resgen::preambular_phrases(extra_preambular_phrases)) {}
    std::vector<std::string> preambular_phrases;
};

// Front matter only. Errors (bad YAML, missing symbol and id, a bad date ...) go to `diags`.
Metadata parse_front_matter(const Source& src, Diagnostics& diags);

// One key of the front matter and its value, each with where it starts (line and column from
// 0, within the front matter, as yaml-cpp counts them).
struct FrontMatterEntry {
    enum class Shape { scalar, list, other };  // other: a mapping, or no value at all
    std::string key;
    int key_line = 0, key_column = 0;
    Shape shape = Shape::other;
    std::vector<std::string> values;  // the scalar, or the list's items
    int line = 0, column = 0;
    bool operator==(const FrontMatterEntry&) const = default;
};

// The front matter's entries as yaml-cpp reads them; nullopt when it is not a mapping. Throws
// (a std::exception) when it is not valid YAML.
std::optional<std::vector<FrontMatterEntry>> front_matter_by_yaml_cpp(const std::string& yaml);

// The same without yaml-cpp, for front matter in the plain part of YAML that content files are
// written in: one `key: value` a line, the value a plain or quoted scalar or a [flow, list] of
// plain ones. Anything else, valid or not, gives nullopt, and yaml-cpp reads it.
std::optional<std::vector<FrontMatterEntry>> front_matter_by_lines(std::string_view yaml);

// The text only: clauses in order, citations found. `body_voice` is the organ before any
// voice line (the document's body).
std::vector<Clause> parse_clauses(const Source& src, const std::string& body_voice,
                                  const ParseOptions& options, Diagnostics& diags);

// Both, and the document's key (its symbol, or its id).
Document parse_document(const Source& src, const ParseOptions& options, Diagnostics& diags);

// True for a symbol whose every segment is safe as a path segment: [A-Za-z0-9.()-], not "." or "..".
bool valid_symbol(const std::string& symbol, std::string* why = nullptr);

}  // namespace resgen
