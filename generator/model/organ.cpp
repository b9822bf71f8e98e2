#include "model/organ.hpp"

#include <cctype>

namespace resgen {

const std::vector<Organ>& organs() {
    static const std::vector<Organ> table = {
        {"Commission on Crime Prevention and Criminal Justice", "Commission", "Commission",
         "E/CN.15/RES/", "E/CN.15/", Numbering::session},
        {"Economic and Social Council", "Council", "Economic and Social Council", "E/RES/", "E/",
         Numbering::year},
        {"General Assembly", "Assembly", "General Assembly", "A/RES/", "A/", Numbering::session},
        {"Security Council", "Security Council", "Security Council", "S/RES/", "S/",
         Numbering::number_and_year},
        {"Human Rights Council", "Human Rights Council", "Human Rights Council", "A/HRC/RES/",
         "A/HRC/", Numbering::session},
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

const Organ* organ_of_number_shape(std::string_view n) {
    auto digits = [](std::string_view s) {
        if (s.empty()) return false;
        for (char c : s)
            if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        return true;
    };
    auto slash = n.find('/');
    if (slash != std::string_view::npos) {
        auto left = n.substr(0, slash), right = n.substr(slash + 1);
        if (!digits(left) || !digits(right)) return nullptr;
        if (left.size() == 4) return find_organ("Economic and Social Council");
        if (left.size() <= 3) return find_organ("General Assembly");
        return nullptr;
    }
    auto paren = n.find(" (");
    if (paren != std::string_view::npos && n.back() == ')' && digits(n.substr(0, paren)))
        return find_organ("Security Council");
    return nullptr;
}

std::string canonical_symbol(std::string symbol) {
    for (size_t at = symbol.find(" ("); at != std::string::npos; at = symbol.find(" (", at)) symbol.erase(at, 1);
    return symbol;
}

}  // namespace resgen
