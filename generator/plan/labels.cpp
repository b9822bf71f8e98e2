#include "plan/labels.hpp"

#include "model/organ.hpp"

namespace resgen {

std::string display_date(const std::string& iso) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    if (iso.size() != 10) return iso;
    int m = std::stoi(iso.substr(5, 2)), d = std::stoi(iso.substr(8, 2));
    if (m < 1 || m > 12) return iso;
    return std::to_string(d) + " " + months[m - 1] + " " + iso.substr(0, 4);
}

std::string kind_label(const std::string& kind) {
    if (kind == "resolution") return "Resolution";
    if (kind == "draft") return "Draft resolution";
    if (kind == "decision") return "Decision";
    if (kind == "report") return "Report";
    if (kind == "treaty") return "Treaty";
    return "Document";
}

std::string label_of(const Document& doc) {
    if (!doc.meta.symbol.empty()) return doc.meta.symbol;
    if (doc.meta.kind == "treaty" || doc.meta.kind.empty()) return doc.meta.title;
    std::string label = kind_label(doc.meta.kind);
    if (const Organ* o = find_organ(doc.meta.body)) {
        label[0] = static_cast<char>(std::tolower(label[0]));
        label = o->short_name + " " + label;
    }
    if (!doc.meta.date.empty()) label += " of " + display_date(doc.meta.date);
    return label;
}

std::string clause_label(const Clause& c) {
    switch (c.kind) {
        case ClauseKind::preambular: return "preambular paragraph " + std::string(c.anchor.substr(2));
        case ClauseKind::operative:
            return c.number.empty() ? "paragraph “" + c.phrase + "”" : "paragraph " + c.number;
        case ClauseKind::subparagraph: {
            // "paragraph 2 (a)", and for an item of it "paragraph 2 (a) (i)".
            const auto [paragraph, letter] = split_parent(c.parent);
            // Under a paragraph without a number (an unnumbered operative one, a decision's
            // opening sentence) an item goes by its letter alone: "paragraph (a)".
            const bool numbered = paragraph.size() > 2 && paragraph.starts_with("op") && paragraph[2] >= '0' &&
                                  paragraph[2] <= '9';
            if (!numbered) return "paragraph (" + std::string(c.number) + ")";
            std::string label = "paragraph " + std::string(paragraph.substr(2));
            if (!letter.empty()) label.append(" (").append(letter).append(")");
            return label + " (" + c.number + ")";
        }
        case ClauseKind::footnote: return "footnote " + c.number;
        case ClauseKind::text: return "introductory text";
        default: return "text";
    }
}

std::string anchor_of_place(const Document& doc, std::string_view pinpoint) {
    std::string_view part, paragraph, letter;
    while (!pinpoint.empty()) {
        const size_t comma = pinpoint.find(", ");
        std::string_view item = pinpoint.substr(0, comma);
        pinpoint = comma == std::string_view::npos ? std::string_view() : pinpoint.substr(comma + 2);
        const size_t space = item.find(' ');
        if (space == std::string_view::npos || !paragraph.empty()) return {};
        const std::string_view word = item.substr(0, space), value = item.substr(space + 1);
        if (word == "part" || word == "section" || word == "sect.") {
            if (!part.empty()) return {};
            part = value;
        } else if (word == "paragraph" || word == "para." || word == "paragraphs" || word == "paras.") {
            // "paragraphs 3 and 4" links to the first; "paragraph 7 (b)" to its sub-paragraph.
            const size_t digits = value.find_first_not_of("0123456789");
            paragraph = value.substr(0, digits);
            const bool single = word == "paragraph" || word == "para.";
            if (single && digits != std::string_view::npos && value.substr(digits).starts_with(" (") &&
                value.ends_with(")"))
                letter = value.substr(digits + 2, value.size() - digits - 3);
        } else {
            return {};  // an annex, article or chapter has paragraphs of its own
        }
    }
    if (paragraph.empty()) return {};
    bool in_part = part.empty();
    std::string_view found;
    for (const Clause& c : doc.clauses) {
        if (c.kind == ClauseKind::heading && is_part_label(c.markdown)) {
            if (!part.empty()) in_part = c.markdown == part;
            continue;
        }
        if (!in_part) continue;
        if (found.empty()) {
            if (c.kind == ClauseKind::operative && c.number == paragraph && c.voice == doc.meta.body) {
                if (letter.empty()) return c.anchor.str();
                found = c.anchor;
            }
        } else if (c.kind == ClauseKind::subparagraph && c.parent == found && c.number == letter) {
            return c.anchor.str();
        }
    }
    return {};
}

}  // namespace resgen
