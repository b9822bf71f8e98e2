// import: a raw text of a resolution (text extracted from a PDF, or Markdown-ish text)
// -> one content file in the format of docs/content-format.md.
//
// The importer repairs what extraction broke and never rewords: it re-joins wrapped lines
// and split words, removes page rules and running heads, moves footnote texts to GFM
// footnotes, marks up the structure (voice line, preambular and operative paragraphs,
// sub-paragraphs) and reads the metadata that the text states. A field that the text does
// not state is left out and named in a warning.
//
// A file that is already a content file (front matter, GFM footnotes) passes through as it
// is, so importing an import changes nothing.
//
// import_text is a pure function: no I/O, no global state. The caller reads the file and,
// if it wants, a word list (see ImportOptions::words).
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/diagnostic.hpp"

namespace resgen {

enum class RepairKind {
    encoding,         // invalid UTF-8, control bytes, ligatures, non-breaking spaces
    page_rule,        // a page-break or footnote rule (_____, ---, form feed) removed
    running_head,     // a running head, document symbol or page number between pages removed
    blank_noise,      // stray bullets and other lines that carry no text removed
    line_join,        // a line wrapped by the PDF joined to the one before it
    hyphen_join,      // a word hyphenated at the end of a line joined
    split_word,       // a word split by the extraction ("traff icking") joined
    footnote_text,    // a footnote text moved to a GFM footnote definition
    footnote_marker,  // a footnote marker ("Crime 1  provides", "¹", "<sup>1</sup>") made a reference
    bullet,           // a list bullet before a lettered sub-paragraph removed
    markup,           // emphasis added to a voice line or an opening phrase
    metadata,         // a header or adoption line read into the front matter
};

const char* repair_kind_name(RepairKind kind);

struct Repair {
    int line = 0;        // 1-based line of the raw text where the repair begins
    std::string before;  // the raw text concerned
    std::string after;   // what it became (empty when removed)
    RepairKind kind = RepairKind::line_join;
};

struct ImportOptions {
    // Words known to be words (lower case), for example /usr/share/dict/words. Optional:
    // without it the words of the document itself decide which split words are re-joined.
    const std::unordered_set<std::string>* words = nullptr;
};

struct ImportResult {
    std::string markdown;       // the content file: front matter, text, footnote definitions
    std::string name;           // a file name without ".md": the symbol with '/' -> '-', or the id
    std::vector<Repair> repairs;
    Diagnostics diagnostics;    // warnings: what could not be read or repaired
};

// `path` is used only to locate diagnostics (and, as a last resort, to name an id).
ImportResult import_text(std::string_view raw, const std::string& path,
                         const ImportOptions& options = {});

// What an editor states of a new document (`resgen new`); what is not stated stays out.
struct NewDocument {
    std::string symbol, id, title, body, kind, date;
};

// The content file a new document begins with: its front matter and the voice line. The
// organ and the kind are read off the symbol when not given (E/RES/... is the Economic and
// Social Council's resolution); nothing else is filled in. What keeps the file from building
// (no title, an organ or kind the symbol does not say, a malformed symbol or date) is listed
// in `diagnostics` as errors, and `markdown` is then empty.
ImportResult new_document(const NewDocument& spec);

// Reads a word list (one word a line, as /usr/share/dict/words) into lower-case words;
// entries with an apostrophe are skipped. Pure: the caller supplies the file's text.
std::unordered_set<std::string> parse_word_list(std::string_view text);

}  // namespace resgen
