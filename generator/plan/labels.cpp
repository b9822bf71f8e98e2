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
            std::string label = "paragraph ";
            label += paragraph.starts_with("op") ? paragraph.substr(2) : paragraph;
            if (!letter.empty()) label.append(" (").append(letter).append(")");
            return label + " (" + c.number + ")";
        }
        case ClauseKind::footnote: return "footnote " + c.number;
        case ClauseKind::text: return "introductory text";
        default: return "text";
    }
}

}  // namespace resgen
