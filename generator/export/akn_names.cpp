// FRBR identifiers in the AKN4UN naming convention:
//   work           /akn/un/{type}/{name}/{actor}/{date}/{number}
//   expression     {work}/{language}@            ("@" alone: the original version)
//   manifestation  {expression}.xml
// What the source does not state is not made up: a document with no date carries the year its
// symbol shows, or "nd"; one with no symbol carries the editor's id as its number.
#include <algorithm>
#include <cctype>

#include "export/export.hpp"
#include "plan/plan.hpp"

namespace resgen {

namespace {

std::string actor_of(const Document& d) { return d.meta.kind == "treaty" ? "unts" : akn_actor(d.meta.body); }

// "A/RES/59/154" -> "59-154", "S/RES/1373(2001)" -> "1373-2001", "E/DEC/2004/237" ->
// "2004-237", "A/RES/2200(XXI)" -> "2200-XXI", "E/CN.15/2004/7" ->
// "E-CN.15-2004-7", "UNTS/2225/39574" -> "2225-39574".
std::string number_of(const Document& d) {
    std::string s = d.meta.symbol;
    if (d.meta.kind == "treaty") s = d.key.substr(5);
    else if (s.empty()) return d.meta.id.empty() ? "nn" : d.meta.id;
    else if (auto res = s.find("/RES/"); res != std::string::npos) s = s.substr(res + 5);
    else if (auto dec = s.find("/DEC/"); dec != std::string::npos) s = s.substr(dec + 5);
    std::string out;
    for (char c : s) {
        if (c == '/' || c == '(') {
            if (!out.empty() && out.back() != '-') out += '-';
        } else if (c != ')') {
            out += c;
        }
    }
    return out;
}

std::string type_of(const Document& d) {
    const std::string& k = d.meta.kind;
    if (k == "resolution" || k == "draft" || k == "decision") return "statement/deliberation";
    if (k == "treaty") return "doc/treaty";
    if (k == "report") return "doc/report";
    return "doc/document";
}

std::string date_of(const Document& d) {
    if (!d.meta.date.empty()) return d.meta.date;
    if (int y = year_of(d)) return std::to_string(y);
    // A Security Council symbol carries its year in brackets: "S/RES/1373(2001)".
    const std::string& s = d.meta.symbol;
    if (s.size() >= 6 && s.back() == ')' && s[s.size() - 6] == '(' &&
        std::all_of(s.end() - 5, s.end() - 1, [](unsigned char c) { return std::isdigit(c); }))
        return s.substr(s.size() - 5, 4);
    return "nd";
}

}  // namespace

// Actor codes of the organs of the series; any other body becomes a slug of its name.
std::string akn_actor(const std::string& body) {
    static const std::pair<const char*, const char*> codes[] = {
        {"General Assembly", "unga"},
        {"Economic and Social Council", "unecosoc"},
        {"Security Council", "unsc"},
        {"Commission on Crime Prevention and Criminal Justice", "unccpcj"},
    };
    for (const auto& [name, code] : codes)
        if (body == name) return code;
    std::string slug;
    for (unsigned char c : body) {
        if (std::isalnum(c)) slug += static_cast<char>(std::tolower(c));
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "un" : slug;
}

std::string akn_language(const std::string& language) {
    static const std::pair<const char*, const char*> codes[] = {
        {"en", "eng"}, {"fr", "fra"}, {"es", "spa"}, {"ru", "rus"}, {"zh", "zho"}, {"ar", "ara"}};
    for (const auto& [two, three] : codes)
        if (language == two) return three;
    return language.empty() ? "eng" : language;
}

AknNames akn_names(const Document& doc, const std::string& language) {
    AknNames n;
    n.work = "/akn/un/" + type_of(doc) + "/" + actor_of(doc) + "/" + date_of(doc) + "/" + number_of(doc);
    n.expression = n.work + "/" + akn_language(language) + "@";
    n.manifestation = n.expression + ".xml";
    return n;
}

std::string akn_path(const Document& doc) {
    std::string page = page_path(doc);
    return page.substr(0, page.rfind('/') + 1) + "akn.xml";
}

// Built from the page anchor, which the parser keeps unique in the document ("op1-2" for a
// second paragraph 1), so that eIds are unique too.
std::string akn_eid(const Clause& c) {
    auto without = [](std::string_view s, std::string_view prefix) {
        return std::string(s.starts_with(prefix) && s.size() > prefix.size() ? s.substr(prefix.size()) : s);
    };
    switch (c.kind) {
        case ClauseKind::preambular: return "preambularParagraph_" + without(c.anchor, "pp");
        case ClauseKind::operative: return "para_" + (c.number.empty() ? c.anchor.str() : without(c.anchor, "op"));
        case ClauseKind::subparagraph: {
            if (c.parent.empty() || !c.anchor.starts_with(c.parent)) return "para_" + c.anchor;
            // An item of paragraph 2 (a) is "para_2__subpara_a__subpara_i".
            const auto [paragraph, letter] = split_parent(c.parent);
            std::string eid = "para_" + without(paragraph, "op") + "__subpara_";
            if (!letter.empty()) eid.append(letter).append("__subpara_");
            return eid.append(c.anchor.substr(c.parent.size()));
        }
        case ClauseKind::text: return "text_" + without(c.anchor, "p");
        default: return "";
    }
}

}  // namespace resgen
