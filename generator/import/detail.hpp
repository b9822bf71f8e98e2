// Internals of the import stage, shared by its source files. Not part of the public API.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "import/import.hpp"

namespace resgen::importer {

// ---- reporting -------------------------------------------------------------------------

struct Report {
    const std::string& path;
    std::vector<Repair>& repairs;
    Diagnostics& diagnostics;

    void repair(int line, RepairKind kind, std::string_view before, std::string_view after);
    void warn(int line, std::string message);
};

// A short, printable excerpt: at most `max` bytes, cut at a character boundary.
std::string snippet(std::string_view s, std::size_t max = 80);
std::string snippet_tail(std::string_view s, std::size_t max = 40);

// ---- text helpers (text.cpp) -----------------------------------------------------------

// Decodes one code point of valid or invalid UTF-8 at s[i]; returns its length (>= 1) and
// sets cp (U+FFFD for an invalid sequence).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp);
void append_utf8(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int superscript_digit(char32_t cp);  // 0-9, or -1

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
bool iequals(std::string_view a, std::string_view b);
std::vector<std::string> split_words(std::string_view s);  // on runs of white space
std::string collapse_spaces(std::string_view s);

char32_t first_cp(std::string_view s);
bool starts_lower(std::string_view s);  // first character is a lower-case letter
bool starts_upper(std::string_view s);

// Removes Markdown emphasis stars and heading marks around a header-like line.
std::string strip_markup(std::string_view s);
// Leading opening quotation mark (“ or "), or empty.
std::string_view leading_quote(std::string_view s);

// "22 July 2003" -> "2003-07-22"; nullopt when not a date.
std::optional<std::string> parse_date(std::string_view s);
bool is_month(std::string_view w);

// ---- lines (text.cpp) ------------------------------------------------------------------

struct Line {
    int no = 0;            // 1-based line of the raw text
    std::string text;      // without leading and trailing white space
    int indent = 0;        // leading spaces (a tab counts 4)
    bool blank = false;
    bool wide_blank = false;  // a blank line of many spaces: the gap above a footnote
    bool page_break = false;  // form feed, rule or thematic break
    bool removed = false;     // noise, footnote text or metadata: not part of the text
};

// Makes the raw bytes valid UTF-8 text (reporting each change) and splits it into lines.
std::vector<Line> read_lines(std::string_view raw, Report& report);

// ---- vocabulary (split_words.cpp) ------------------------------------------------------

struct Vocabulary {
    std::unordered_map<std::string, int> count;  // lower-case letter runs of the document
    std::unordered_map<std::string, int> compounds;  // lower-case hyphenated words ("money-laundering")
    std::unordered_map<std::string, std::string> unhyphenated;  // "moneylaundering" -> "money-laundering"
    const std::unordered_set<std::string>* list = nullptr;

    void add_text(std::string_view s);
    bool in_document(const std::string& w) const;  // w or a simple inflection of it
    bool known(const std::string& w) const;        // in the document or in the word list
};

struct Paragraph;
// Re-joins words split by the extraction inside the paragraph ("traff icking").
void repair_split_words(Paragraph& para, const Vocabulary& vocab,
                               const std::unordered_map<std::string, int>& half_count,
                               Report& report);
// Restores a hyphen that the extraction dropped at a line end ("moneylaundering") where the
// document itself writes the word with it ("money-laundering") and no word list knows it.
void repair_lost_hyphens(Paragraph& para, const Vocabulary& vocab, Report& report);
// Counts the letter runs that take part in a candidate split, so that a half is a word of
// the document only when it also occurs on its own.
void count_split_halves(std::string_view text, std::unordered_map<std::string, int>& halves);

// ---- phrases (phrases.cpp) -------------------------------------------------------------

// Length in bytes of the longest preambular / operative phrase that opens s (s starts at
// the phrase, after any quotation mark), 0 when none. The phrase must end at a word end.
// The preambular phrases are the parser's table (parse/phrases.cpp).
std::size_t preambular_phrase(std::string_view s);
std::size_t operative_phrase(std::string_view s);
// A fallback for paragraphs whose phrase is in no table: a participle opening a preambular
// paragraph ("Recognizing"), or a verb in -s opening an operative paragraph, with "also".
std::size_t participle_phrase(std::string_view s);
std::size_t verb_phrase(std::string_view s);

// A line that is only the name of an organ: "Economic and Social Council", "Commission on
// Narcotic Drugs" (a masthead).
bool looks_like_organ(std::string_view s);
// A short name for an id: "ccpcj" for the Commission on Crime Prevention and Criminal
// Justice, "ga", "ecosoc".
std::string organ_slug(std::string_view name);
// "The General Assembly," (with optional emphasis and opening quote) -> organ name
std::optional<std::string> voice_organ(std::string_view s);
// "The Commission on ... recommends to ..." -> organ name
std::optional<std::string> framing_organ(std::string_view s);

// ---- metadata (metadata.cpp) -----------------------------------------------------------

struct Metadata {
    std::string symbol, id, title, body, kind, date, meeting, session, agenda_item,
        agenda_title, distribution, original_language;
    std::vector<std::string> sponsors;
    // only from the front matter of a content file given as input: no raw text states them
    std::string adopted_as, source;
    std::vector<std::string> tags;
    std::vector<std::string> comments;  // header lines no field holds, kept in the front matter

    // read from the header, completed later
    std::string res_number;   // "2009/24" from "Resolution 2009/24" (or a decision's number)
    std::string organ_hint;   // "Economic and Social Council" from "ECOSOC Resolution ..."
    std::string issue_date;   // the distribution date
    std::string issue_text;   // as the source writes it
    int symbol_line = 0, title_line = 0, date_line = 0;
    bool from_front_matter = false;  // the input was a content file already
};

bool is_numbered_start(std::string_view s);
bool is_lettered_start(std::string_view s);  // "(a) ", "- (a) ", "(iv) "

// The sentence that opens a decision of the Council or the Assembly, which has no voice line:
// "At its 45th plenary meeting, on 21 July 2004, the Economic and Social Council:" or "...
// the Economic and Social Council decided ...".
struct DecisionOpening {
    std::string meeting, date, organ;
};
std::optional<DecisionOpening> read_decision_opening(std::string_view s);
bool decision_opening(std::string_view s);

// Index of the first line of the text proper: the voice line, the framing sentence, a
// decision's opening, or the first preambular or numbered paragraph; lines.size() when none.
std::size_t find_body_start(const std::vector<Line>& lines);
// A content file given as input: its front matter is read as stated and its lines blanked.
void read_front_matter(std::vector<Line>& lines, Metadata& meta, Report& report);
void read_header(std::vector<Line>& header, Metadata& meta, Report& report);
// "44th plenary meeting 22 July 2003" (markup removed) -> meeting, date
bool read_adoption_line(std::string_view s, std::string& meeting, std::string& date);

// ---- footnotes (footnotes.cpp) ---------------------------------------------------------

struct Paragraph {
    int line = 0;  // first raw line
    std::string text;
    // where each raw line begins in `text` (offsets shift a little as repairs are made)
    std::vector<std::pair<std::size_t, int>> starts;
    int line_at(std::size_t offset) const;
};

struct FootnoteText {
    int number = 0;
    Paragraph para;  // its text and lines
};

// Marks footnote texts among the body lines as removed and returns them.
std::vector<FootnoteText> take_footnote_texts(std::vector<Line>& body, Report& report);
// Turns the markers in the paragraphs into references [^n]; returns the numbers referenced.
std::map<int, int> mark_footnote_references(std::vector<Paragraph>& paras,
                                            const std::vector<FootnoteText>& texts,
                                            Report& report);

// ---- body (body.cpp) -------------------------------------------------------------------

// "2", "- 2 -", "Page 2", a job number ("04-47831 (E)"): what a page carries besides text.
bool is_page_furniture(std::string_view t);
void remove_noise(std::vector<Line>& body, const Metadata& meta, Report& report);
std::vector<Paragraph> assemble_paragraphs(std::vector<Line>& body, const Vocabulary& vocab,
                                           Report& report);

// ---- structure (structure.cpp) ---------------------------------------------------------

enum class ParaKind { voice, preambular, operative, unnumbered_operative, sub, heading, other };

struct Block {
    ParaKind kind = ParaKind::other;
    int line = 0;
    std::string markdown;
};

struct Structure {
    std::vector<Block> blocks;
    std::string first_voice;    // organ of the first voice line
    std::string framing_organ;  // organ of a framing sentence before the first voice line
    std::string heading_title;  // the first heading before the first voice line
};

Structure build_structure(const std::vector<Paragraph>& paras, Report& report);

}  // namespace resgen::importer
