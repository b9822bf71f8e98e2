// The phrases that open preambular and operative paragraphs, and the organs that speak.
// The preambular phrases and the organs are the parser's tables, so that what the importer
// marks up is what the parser reads.
//
// Plain text carries no emphasis, so the importer cannot see where an opening phrase ends.
// It takes the longest phrase of these tables that opens the paragraph ("Takes note with
// appreciation" rather than "Takes note"), preceded by an adverb ("Also", "Further") and
// followed by "also" where the text has them. A paragraph whose phrase is in no table gets
// its first word when that word has the form of one (a participle in the preamble, a verb
// in -s among the operative paragraphs).
#include <algorithm>
#include <array>

#include "import/detail.hpp"
#include "model/organ.hpp"
#include "parse/parse.hpp"

namespace resgen::importer {

namespace {

constexpr std::array kOperative = {
    "Accepts",
    "Acknowledges",
    "Adopts",
    "Affirms",
    "Appeals",
    "Approves",
    "Authorizes",
    "Calls on",
    "Calls upon",
    "Commends",
    "Condemns",
    "Confirms",
    "Considers",
    "Decides",
    "Declares",
    "Demands",
    "Deplores",
    "Emphasizes",
    "Encourages",
    "Endorses",
    "Expresses its appreciation",
    "Expresses its gratitude",
    "Expresses",
    "Invites",
    "Notes",
    "Notes with appreciation",
    "Notes with concern",
    "Notes with satisfaction",
    "Reaffirms",
    "Recalls",
    "Recognizes",
    "Recommends",
    "Reiterates",
    "Renews",
    "Requests",
    "Stresses",
    "Strongly condemns",
    "Strongly urges",
    "Supports",
    "Takes note",
    "Takes note with appreciation",
    "Takes note with satisfaction",
    "Underlines",
    "Underscores",
    "Urges",
    "Vigorously condemns",
    "Vigorously condemns and rejects once again",
    "Welcomes",
};

constexpr std::array kAdverbs = {"Also", "Further", "Once again", "Again", "Further also"};

bool word_end(std::string_view s, std::size_t n) {
    if (n >= s.size()) return n == s.size();
    char c = s[n];
    return c == ' ' || c == ',' || c == '*' || c == ';' || c == ':' || c == '.';
}

template <typename Table>
std::size_t longest(std::string_view s, const Table& table) {
    std::size_t best = 0;
    for (const auto& entry : table) {
        std::string_view p = entry;
        if (p.size() > best && s.substr(0, p.size()) == p && word_end(s, p.size())) best = p.size();
    }
    return best;
}

const std::vector<std::string>& preambular_table() {
    static const std::vector<std::string> table = preambular_phrases({});
    return table;
}

// The phrase plus a following " also" / " further".
std::size_t with_also(std::string_view s, std::size_t n) {
    if (n == 0) return 0;
    for (std::string_view tail : {std::string_view(" also"), std::string_view(" further")})
        if (s.substr(n, tail.size()) == tail && word_end(s, n + tail.size())) return n + tail.size();
    return n;
}

// An adverb that opens an operative phrase ("Also requests"), with the phrase in lower case.
template <typename Table>
std::size_t after_adverb(std::string_view s, const Table& table) {
    std::size_t best = 0;
    for (std::string_view adv : kAdverbs) {
        if (s.substr(0, adv.size()) != adv || s.size() <= adv.size() + 1 || s[adv.size()] != ' ')
            continue;
        std::string rest = std::string(s.substr(adv.size() + 1));
        if (rest.empty() || rest[0] < 'a' || rest[0] > 'z') continue;
        rest[0] = static_cast<char>(rest[0] - 'a' + 'A');
        std::size_t n = longest(rest, table);
        if (n > 0) best = std::max(best, adv.size() + 1 + n);
    }
    return best;
}

std::size_t first_word(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && is_ascii_alpha(s[n])) ++n;
    return word_end(s, n) ? n : 0;
}

bool connector(std::string_view w) {
    return w == "and" || w == "on" || w == "of" || w == "for" || w == "against" || w == "the" ||
           w == "to" || w == "in";
}

// "General Assembly" in "General Assembly recommends": capitalised words and connectors,
// not ending on a connector. Returns the organ name's length, 0 when none.
std::size_t organ_words(std::string_view s) {
    std::size_t pos = 0, end = 0;
    int count = 0;
    while (pos < s.size() && count < 16) {
        std::size_t e = pos;
        while (e < s.size() && s[e] != ' ' && s[e] != ',') ++e;
        std::string_view w = s.substr(pos, e - pos);
        if (w.empty()) break;
        if (is_upper(first_cp(w))) {
            end = e;
        } else if (!connector(w)) {
            break;
        }
        ++count;
        if (e >= s.size() || s[e] != ' ') break;
        pos = e + 1;
    }
    return end;
}

}  // namespace

std::size_t preambular_phrase(std::string_view s) {
    return with_also(s, longest(s, preambular_table()));
}

std::size_t operative_phrase(std::string_view s) {
    std::size_t n = std::max(longest(s, kOperative), after_adverb(s, kOperative));
    return with_also(s, n);
}

std::size_t participle_phrase(std::string_view s) {
    if (!is_upper(first_cp(s))) return 0;
    // Adverbs first ("Further recalling", "Deeply disturbed"), then the word that has the
    // form of a preambular phrase, as the parser reads it (has_preambular_form).
    std::size_t end = 0;
    for (int words = 0; words < 4; ++words) {
        std::size_t n = first_word(s.substr(end));
        if (n == 0) return 0;
        std::string_view w = s.substr(end, n);
        end += n;
        if (!has_preambular_form(s.substr(0, end))) {
            // Still only adverbs so far: "Further", "Deeply", "Most deeply".
            if (end >= s.size() || s[end] != ' ' || !is_opening_adverb(w)) return 0;
            ++end;
            continue;
        }
        if (n < 4) return 0;
        return with_also(s, end);
    }
    return 0;
}

std::size_t verb_phrase(std::string_view s) {
    std::size_t adv = 0;
    for (std::string_view a : kAdverbs)
        if (s.substr(0, a.size()) == a && s.size() > a.size() && s[a.size()] == ' ')
            adv = std::max(adv, a.size() + 1);
    std::string_view rest = s.substr(adv);
    std::size_t n = first_word(rest);
    if (n < 4) return 0;
    std::string_view w = rest.substr(0, n);
    if (!w.ends_with("s") || w.ends_with("ss")) return 0;
    if (adv == 0 && !is_upper(first_cp(w))) return 0;
    if (adv > 0 && !is_lower(first_cp(w))) return 0;
    static constexpr std::array kNotVerbs = {"States", "Nations", "Parties", "Members",
                                             "This",   "Thus",    "Its",     "His",
                                             "Was",    "Has",     "Is",      "Countries"};
    for (std::string_view x : kNotVerbs)
        if (w == x) return 0;
    return with_also(s, adv + n);
}

bool looks_like_organ(std::string_view s) {
    if (find_organ(s)) return true;
    if (s.empty() || organ_words(s) != s.size()) return false;
    std::size_t sp = s.find(' ');
    std::string_view first = s.substr(0, sp);
    std::string_view last = s.substr(s.rfind(' ') + 1);
    for (std::string_view w : {"Commission", "Committee", "Conference", "Council"})
        if (first == w) return true;
    for (std::string_view w : {"Assembly", "Council", "Commission", "Committee"})
        if (last == w) return true;
    return false;
}

std::string organ_slug(std::string_view name) {
    if (name == "Economic and Social Council") return "ecosoc";  // as the UN writes it
    std::string out;
    std::size_t pos = 0;
    while (pos < name.size()) {
        std::size_t e = name.find(' ', pos);
        if (e == std::string_view::npos) e = name.size();
        std::string_view w = name.substr(pos, e - pos);
        if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out += static_cast<char>(w[0] - 'A' + 'a');
        pos = e + 1;
    }
    return out;
}

std::optional<std::string> voice_organ(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s.front() == '*') s.remove_prefix(1);
    while (!s.empty() && s.back() == '*') s.remove_suffix(1);
    s.remove_prefix(leading_quote(s).size());
    if (s.substr(0, 4) != "The " || s.size() < 8 || s.back() != ',') return std::nullopt;
    std::string_view name = s.substr(4, s.size() - 5);
    if (organ_words(name) != name.size()) return std::nullopt;
    return std::string(name);
}

std::optional<std::string> framing_organ(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s.front() == '*') s.remove_prefix(1);
    if (s.substr(0, 4) != "The ") return std::nullopt;
    std::string_view rest = s.substr(4);
    std::size_t n = organ_words(rest);
    if (n == 0 || n + 1 >= rest.size() || rest[n] != ' ') return std::nullopt;
    std::string_view verb = rest.substr(n + 1);
    std::size_t v = 0;
    while (v < verb.size() && is_ascii_alpha(verb[v])) ++v;
    std::string_view w = verb.substr(0, v);
    if (w.size() < 4 || !is_lower(first_cp(w)) || !w.ends_with("s")) return std::nullopt;
    return std::string(rest.substr(0, n));
}

}  // namespace resgen::importer
