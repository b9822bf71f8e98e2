// The model every stage after `parse` shares: plain structs, no behaviour (a Voice only shares
// its text; a SmallString only keeps short text in place).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/small_string.hpp"

namespace resgen {

// The organ speaking in a clause ("General Assembly"). The clauses of a document speak with one
// or two voices, so they share its text: a long organ name held once per voice line rather than
// once per clause (12 MB of the 177 MB a 10,000-document corpus took). Read-only once made.
class Voice {
public:
    Voice() = default;
    explicit Voice(std::string_view name)
        : name_(name.empty() ? nullptr : std::make_shared<const std::string>(name)) {}

    const std::string& name() const { return name_ ? *name_ : none(); }
    bool empty() const { return !name_; }
    friend bool operator==(const Voice& v, std::string_view s) { return v.name() == s; }

private:
    static const std::string& none() {
        static const std::string empty;
        return empty;
    }
    std::shared_ptr<const std::string> name_;
};

// A reference in a clause to another document (or to the document itself).
struct Citation {
    enum class Kind { resolution, decision, document, treaty, self };
    Kind kind = Kind::resolution;
    std::string target;      // the cited document's key: a symbol ("A/RES/59/154") or "UNTS/2225/39574"
    std::string pinpoint;    // "annex I", "annex I, article 2"
    size_t begin = 0;        // the span, as byte offsets into Clause::markdown
    size_t end = 0;
    std::string span;        // the text of the span
    std::string date;        // ISO date the citing text gives for the cited document
    std::string title;       // the title the citing text gives ("entitled ...")
    std::string action;      // what the citing text says it did ("requested the Secretary-General ...")
    bool recalls = false;    // the object of a "Recalling" clause
    bool pinned = false;     // an editor's [text](symbol:X) link
};

// The words of a citation's span as the text shows them: an editor's pinned link
// "[its resolution 2002/16](symbol:E/RES/2002/16)" shows "its resolution 2002/16". Still Markdown.
inline std::string_view shown_span(const Citation& c) {
    if (!c.pinned) return c.span;
    return std::string_view(c.span).substr(1, c.span.rfind("](") - 1);
}

enum class ClauseKind { voice, preambular, operative, subparagraph, heading, note, text, footnote };

// The kind's name in the data files and the pages' contexts ("is_preambular").
inline const char* clause_kind_name(ClauseKind kind) {
    switch (kind) {
        case ClauseKind::voice: return "voice";
        case ClauseKind::preambular: return "preambular";
        case ClauseKind::operative: return "operative";
        case ClauseKind::subparagraph: return "subparagraph";
        case ClauseKind::heading: return "heading";
        case ClauseKind::note: return "note";
        case ClauseKind::text: return "text";
        case ClauseKind::footnote: return "footnote";
    }
    return "text";
}

// A collection holds hundreds of thousands of clauses, so the short fields are SmallStrings
// (16 bytes, 15 characters in place) and a clause takes 168 bytes, not 248.
struct Clause {
    ClauseKind kind = ClauseKind::text;
    SmallString anchor;      // "pp3", "op7", "op7a", "fn1", "recommends", "p1"; empty for voice, heading, note
    SmallString number;      // "7" for op7, "a" for op7a, "1" for fn1
    SmallString phrase;      // the opening phrase: "Recalling also", "Requests"
    SmallString lead;        // what stands before the number or phrase: an opening quotation mark
    std::string markdown;    // the clause's inline Markdown, after its number or letter;
                             // markdown::plain_text() gives it as plain text where that is
                             // needed (not kept: it would hold the corpus's text twice)
    Voice voice;             // the organ speaking ("General Assembly")
    SmallString parent;      // a sub-paragraph's operative anchor, or for an item of a lettered
                             // sub-paragraph ("(i)" under "(a)") that sub-paragraph's anchor;
                             // a note's preceding clause anchor
    int line = 0;            // where the clause starts in the source file (1-based)
    int column = 1;
    std::vector<Citation> citations;
};

// A footnote, or the editor's note that stands for a footnote whose text is lost: the parser
// gives such a note the footnote's anchor ("fn1") as its own and as its parent.
inline bool is_footnote(const Clause& c) {
    return c.kind == ClauseKind::footnote ||
           (c.kind == ClauseKind::note && c.anchor.starts_with("fn") && c.parent == c.anchor);
}

// The label of a part or a section set alone as a heading: "A", "B", "II".
inline bool is_part_label(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.size() == 1) return s[0] >= 'A' && s[0] <= 'Z';
    return !s.empty() && s.size() <= 6 && s.find_first_not_of("IVXL") == std::string_view::npos;
}

// A sub-paragraph's parent, as the paragraph and the letter it stands under: "op2" gives
// {"op2", ""}; "op2a", the parent of an item "(i)" of paragraph 2 (a), gives {"op2", "a"};
// "op2-2a", the same in a text's second numbered sequence, gives {"op2-2", "a"}.
struct SubparagraphParent {
    std::string_view paragraph;
    std::string_view letter;   // empty unless the clause is an item of a lettered sub-paragraph
};
inline SubparagraphParent split_parent(std::string_view parent) {
    size_t digits = 2;
    if (!parent.starts_with("op")) return {parent, {}};
    while (digits < parent.size() && parent[digits] >= '0' && parent[digits] <= '9') ++digits;
    if (digits > 2 && digits + 1 < parent.size() && parent[digits] == '-' && parent[digits + 1] >= '0' &&
        parent[digits + 1] <= '9')
        for (++digits; digits < parent.size() && parent[digits] >= '0' && parent[digits] <= '9';) ++digits;
    size_t letters = digits;
    while (letters < parent.size() && parent[letters] >= 'a' && parent[letters] <= 'z') ++letters;
    if (digits == 2 || letters == digits || letters != parent.size()) return {parent, {}};
    return {parent.substr(0, digits), parent.substr(digits)};
}

// An item of a lettered sub-paragraph: "(i)" under paragraph 2 (a).
inline bool is_item(const Clause& c) {
    return c.kind == ClauseKind::subparagraph && !split_parent(c.parent).letter.empty();
}

// Front matter: what the source states about the document. Empty means "not stated".
struct Metadata {
    std::string symbol;
    std::string id;
    std::string title;
    std::string body;
    std::string kind;
    std::string date;        // ISO yyyy-mm-dd
    std::string meeting;
    std::string session;
    std::string agenda_item;
    std::string agenda_title;
    std::string distribution;
    std::vector<std::string> sponsors;
    std::string original_language;
    std::string adopted_as;
    std::string source;
    std::vector<std::string> tags;
    bool operator==(const Metadata&) const = default;
};

struct Document {
    std::string key;         // the symbol, or the id when the symbol is not stated
    std::string path;        // the content file it came from, relative to the content folder
    int key_line = 0;        // the line of its `symbol:` (or `id:`) in that file
    Metadata meta;
    std::vector<Clause> clauses;  // in text order; footnotes last
    bool in_collection = true;
};

}  // namespace resgen
