#include "model/organ.hpp"

namespace resgen {

const std::vector<Organ>& organs() {
    static const std::vector<Organ> table = {
        {"Commission on Crime Prevention and Criminal Justice", "Commission", "Commission",
         "E/CN.15/RES/", "E/CN.15/", "", NumberShape::session, false},
        {"Economic and Social Council", "Council", "Economic and Social Council", "E/RES/", "E/",
         "E/DEC/", NumberShape::year, true},
        {"General Assembly", "Assembly", "General Assembly", "A/RES/", "A/", "A/DEC/",
         NumberShape::session, true},
        {"Security Council", "Security Council", "Security Council", "S/RES/", "S/", "",
         NumberShape::number_and_year, false},
        {"Human Rights Council", "Human Rights Council", "Human Rights Council", "A/HRC/RES/",
         "A/HRC/", "A/HRC/DEC/", NumberShape::session, false},
    };
    return table;
}

const Organ* find_organ(std::string_view name) {
    for (const auto& o : organs())
        if (o.name == name) return &o;
    return nullptr;
}

const Organ* organ_of_symbol(std::string_view symbol) {
    // The longest matching prefix wins: A/HRC/ before A/, E/CN.15/ before E/.
    const Organ* best = nullptr;
    size_t best_len = 0;
    for (const auto& o : organs()) {
        for (const std::string& p : {o.resolution_prefix, o.document_prefix}) {
            if (symbol.substr(0, p.size()) == p && p.size() > best_len) {
                best = &o;
                best_len = p.size();
            }
        }
    }
    return best;
}

namespace {

bool all_of(std::string_view s, const char* set) {
    return !s.empty() && s.find_first_not_of(set) == std::string_view::npos;
}

}  // namespace

NumberShape number_shape(std::string_view n) {
    const char* digits = "0123456789";
    auto slash = n.find('/');
    if (slash != std::string_view::npos) {
        auto left = n.substr(0, slash), right = n.substr(slash + 1);
        // A special or emergency special session of today's numbering: "S-26/2", "ES-10/19".
        for (std::string_view special : {"S-", "ES-"}) {
            if (left.substr(0, special.size()) == special) {
                left.remove_prefix(special.size());
                return all_of(left, digits) && all_of(right, digits) ? NumberShape::session : NumberShape::none;
            }
        }
        if (!all_of(left, digits) || !all_of(right, digits)) return NumberShape::none;
        if (left.size() == 4) return NumberShape::year;
        if (left.size() <= 3) return NumberShape::session;
        return NumberShape::none;
    }
    auto paren = n.find(" (");
    if (paren == std::string_view::npos || n.back() != ')' || !all_of(n.substr(0, paren), digits))
        return NumberShape::none;
    std::string_view inside = n.substr(paren + 2, n.size() - paren - 3);
    if (inside.size() == 4 && all_of(inside, digits)) return NumberShape::number_and_year;
    // A special or emergency special session: "S-VI", "ES-V".
    for (std::string_view special : {"S-", "ES-"})
        if (inside.substr(0, special.size()) == special) inside.remove_prefix(special.size());
    if (all_of(inside, "IVXLC")) return NumberShape::roman_session;
    return NumberShape::none;
}

const Organ* organ_of_number_shape(std::string_view n) {
    switch (number_shape(n)) {
        case NumberShape::year: return find_organ("Economic and Social Council");
        case NumberShape::session: return find_organ("General Assembly");
        case NumberShape::number_and_year: return find_organ("Security Council");
        case NumberShape::roman_session:
        case NumberShape::none: return nullptr;
    }
    return nullptr;
}

bool numbered_so(const Organ& organ, std::string_view n) {
    const NumberShape shape = number_shape(n);
    if (shape == NumberShape::none) return true;
    if (shape == NumberShape::roman_session) return organ.roman_sessions;
    return shape == organ.numbering;
}

std::string_view kind_of_symbol(std::string_view symbol) {
    if (symbol.find("/RES/") != std::string_view::npos) return "resolution";
    if (symbol.find("/DEC/") != std::string_view::npos) return "decision";
    return {};
}

std::string canonical_symbol(std::string symbol) {
    for (size_t at = symbol.find(" ("); at != std::string::npos; at = symbol.find(" (", at)) symbol.erase(at, 1);
    return symbol;
}

}  // namespace resgen
