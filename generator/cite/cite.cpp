#include "cite/cite.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <utility>

#include "model/organ.hpp"

namespace resgen {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_word(char c) { return is_alpha(c) || is_digit(c); }

bool starts_with(std::string_view s, size_t at, std::string_view prefix) {
    return at <= s.size() && s.substr(at, prefix.size()) == prefix;
}

size_t skip_spaces(std::string_view s, size_t at) {
    while (at < s.size() && (s[at] == ' ' || s[at] == '\n' || s[at] == '\t')) ++at;
    return at;
}

size_t read_digits(std::string_view s, size_t at) {
    while (at < s.size() && is_digit(s[at])) ++at;
    return at;
}

// A part letter of a number: a capital alone, not the start of a word or a symbol.
bool part_letter_at(std::string_view s, size_t at) {
    return at < s.size() && is_upper(s[at]) &&
           (at + 1 == s.size() || (!is_word(s[at + 1]) && s[at + 1] != '/'));
}

// The part letters after a number of today's numbering: " B", " A and B", " A, B and C".
// Returns their end, or `at` if none.
size_t read_part_letters(std::string_view s, size_t at) {
    if (!starts_with(s, at, " ") || !part_letter_at(s, at + 1)) return at;
    size_t end = at + 2;
    for (std::string_view sep : {", ", " and ", ", and "}) {
        while (starts_with(s, end, sep) && part_letter_at(s, end + sep.size())) end += sep.size() + 1;
    }
    return end;
}

// A resolution or decision number: 59/154, 2003/28, S-26/2, 1373 (2001), 57/270 B, or one of
// the old numbering, 2200 A (XXI) or 3201 (S-VI). Returns its end, or `at` if none.
size_t read_resolution_number(std::string_view s, size_t at) {
    size_t start = at;
    for (std::string_view special : {"S-", "ES-"})
        if (starts_with(s, at, special)) start = at + special.size();
    size_t a = read_digits(s, start);
    if (a == start) return at;
    if (a < s.size() && s[a] == '/') {
        size_t b = read_digits(s, a + 1);
        if (b == a + 1) return at;
        if (b < s.size() && (is_alpha(s[b]) || s[b] == '/')) return at;  // part of a symbol
        return read_part_letters(s, b);
    }
    if (start != at) return at;
    if (starts_with(s, a, " (")) {
        size_t y = read_digits(s, a + 2);
        if (y - (a + 2) == 4 && y < s.size() && s[y] == ')') return y + 1;
    }
    // The old numbering: a part letter may stand between number and session ("217 A (III)").
    size_t open = a;
    if (open + 2 < s.size() && s[open] == ' ' && is_upper(s[open + 1]) && s[open + 2] == ' ') open += 2;
    if (!starts_with(s, open, " (")) return at;
    size_t r = open + 2;
    for (std::string_view special : {"S-", "ES-"})
        if (starts_with(s, r, special)) r += special.size();
    size_t e = r;
    while (e < s.size() && std::string_view("IVXLC").find(s[e]) != std::string_view::npos) ++e;
    if (e == r || e >= s.size() || s[e] != ')') return at;
    return e + 1;
}

// A printed number cut into the number its symbol writes and its part letters: "2200 A (XXI)"
// is 2200 (XXI), part A; "57/270 A and B" is 57/270, parts A and B. The texts adopted under one
// number share its symbol (A/RES/2200(XXI)); the part is read as a place within it.
struct PrintedNumber {
    std::string number;
    std::string part;   // "part B", "parts A and B", or empty
};

PrintedNumber split_number(std::string_view printed) {
    PrintedNumber out{std::string(printed), ""};
    std::string letters;
    if (printed.size() > 4 && printed.back() == ')') {
        const size_t open = printed.find(" (");
        if (open != std::string_view::npos && open >= 2 && printed[open - 2] == ' ' && is_upper(printed[open - 1])) {
            letters = std::string(printed.substr(open - 1, 1));
            out.number = std::string(printed.substr(0, open - 2)) + std::string(printed.substr(open));
        }
    } else if (const size_t slash = printed.find('/'); slash != std::string_view::npos) {
        const size_t end = read_digits(printed, slash + 1);
        if (end < printed.size()) {
            letters = std::string(printed.substr(end + 1));
            out.number = std::string(printed.substr(0, end));
        }
    }
    if (!letters.empty()) out.part = (letters.size() == 1 ? "part " : "parts ") + letters;
    return out;
}

const std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",
                                             "May",     "June",     "July",      "August",
                                             "September", "October", "November", "December"};

// One place within a document: "annex I", "annexes I and II", "article 2", "para. 3",
// "paragraphs 3-5", "paragraph 7 (b)", "sect. B", "chap. I", "part A", "annex" (a resolution
// with one annex). Returns its end, or `at` if none starts there.
size_t read_pinpoint_item(std::string_view s, size_t at) {
    struct Part {
        std::string_view word;
        bool plural;          // its value may name several: "I and II", "3-5"
        bool value_optional;  // "annex" alone is the annex of a resolution that has one
        bool lettered;        // a single paragraph may name its sub-paragraph: "7 (b)"
    };
    static const std::array<Part, 13> parts = {{{"annexes", true, false, false},
                                                {"annex", false, true, false},
                                                {"articles", true, false, false},
                                                {"article", false, false, false},
                                                {"paras.", true, false, false},
                                                {"para.", false, false, true},
                                                {"paragraphs", true, false, false},
                                                {"paragraph", false, false, true},
                                                {"sect.", false, false, false},
                                                {"section", false, false, false},
                                                {"chap.", false, false, false},
                                                {"chapter", false, false, false},
                                                {"part", false, false, false}}};
    // A number or letter of a part: "I", "2", "B", "IV".
    auto read_value = [&](size_t v) {
        size_t e = v;
        while (e < s.size() && (is_upper(s[e]) || is_digit(s[e]))) ++e;
        if (e < s.size() && is_alpha(s[e])) return v;
        return e;
    };
    auto it = std::find_if(parts.begin(), parts.end(), [&](const Part& p) {
        size_t after = at + p.word.size();
        return starts_with(s, at, p.word) && (after == s.size() || !is_alpha(s[after]));
    });
    if (it == parts.end()) return at;
    size_t e = at + it->word.size();
    size_t v = e + 1, ve = starts_with(s, e, " ") ? read_value(v) : v;
    if (ve == v) return it->value_optional ? e : at;
    e = ve;
    // More values: "annexes I and II", "paras. 3-5".
    while (it->plural) {
        size_t next = e;
        for (std::string_view sep : {" and ", "-", ", "})
            if (starts_with(s, e, sep)) next = e + sep.size();
        size_t ne = next > e ? read_value(next) : next;
        if (ne == next) break;
        e = ne;
    }
    if (it->lettered && e + 4 <= s.size() && s.substr(e, 2) == " (" &&
        std::islower(static_cast<unsigned char>(s[e + 2])) && s[e + 3] == ')')
        e += 4;
    return e;
}

// Pinpoints after a number: ", annex I", ", annex I, article 2", ", para. 3", ", annex",
// ", chap. I, sect. B", appended to `pinpoint`.
size_t read_pinpoint(std::string_view s, size_t at, std::string& pinpoint) {
    size_t pos = at;
    while (starts_with(s, pos, ", ")) {
        const size_t w = pos + 2, e = read_pinpoint_item(s, w);
        if (e == w) break;
        if (!pinpoint.empty()) pinpoint += ", ";
        pinpoint += std::string(s.substr(w, e - w));
        pos = e;
    }
    return pos;
}

// A pinpoint before a reference: "paragraph 7 of" its resolution 2003/28, "section II of"
// General Assembly resolution 56/261, "annex I to" resolution 55/25. Returns where it starts
// (`at`, the reference's start, if none), and the place in `pinpoint`; not before `from`, the
// end of the reference before it.
size_t read_pinpoint_before(std::string_view s, size_t from, size_t at, std::string& pinpoint) {
    constexpr size_t kWindow = 48;  // longer than any such pinpoint
    for (size_t w = std::max(from, at > kWindow ? at - kWindow : 0); w < at && at - w > 4; ++w) {
        if (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(') continue;
        const size_t e = read_pinpoint_item(s, w);
        if (e > w && e + 4 == at && (s.substr(e, 4) == " of " || s.substr(e, 4) == " to ")) {
            pinpoint = std::string(s.substr(w, e - w));
            return w;
        }
    }
    return at;
}

// The organ a text names just before `at` ("General Assembly ", "Economic and Social Council ").
const Organ* organ_named_before(std::string_view s, size_t at, size_t& name_start) {
    for (const auto& o : organs()) {
        const std::string& n = o.name;
        if (at >= n.size() + 1 && s.substr(at - n.size() - 1, n.size()) == n &&
            s[at - 1] == ' ' && (at == n.size() + 1 || !is_word(s[at - n.size() - 2]))) {
            name_start = at - n.size() - 1;
            return &o;
        }
    }
    return nullptr;
}

// The word just before `at` when it names an organ: a capitalized word in the middle of a
// sentence, as in "Commission on Narcotic Drugs resolution 52/1" or "Council resolution
// 2003/28". Unless it is an organ resgen knows by that word, such a number must not be read by
// its shape: 52/1 is not the General Assembly's. A capitalized word that opens the clause or a
// sentence ("Recalling resolution 60/1", "... 2005. In resolution 60/1") names nothing.
std::string_view capitalized_word_before(std::string_view s, size_t at) {
    size_t end = at;
    while (end > 0 && s[end - 1] == ' ') --end;
    // Emphasis around the word, and an opening quotation mark before it, are not the word.
    while (end > 0 && (s[end - 1] == '*' || s[end - 1] == '_')) --end;
    size_t begin = end;
    while (begin > 0 && is_alpha(s[begin - 1])) --begin;
    if (begin == end || !is_upper(s[begin])) return {};
    size_t before = begin;
    while (before > 0 && (s[before - 1] == '*' || s[before - 1] == '_' || s[before - 1] == ' ')) --before;
    if (before == 0) return {};
    if (before >= 3 && s.substr(before - 3, 3) == "\xE2\x80\x9C") {  // “
        before -= 3;
        while (before > 0 && s[before - 1] == ' ') --before;
        if (before == 0) return {};
    }
    if (std::strchr(".;:!?", s[before - 1])) return {};
    return s.substr(begin, end - begin);
}

// Does the organ speak of itself by this one word? The Council says "Council resolution
// 2003/28", the Human Rights Council "Council resolution 5/1", the Commission "Commission
// resolution 18/2".
bool calls_itself(const Organ& organ, std::string_view word) {
    const std::string& n = organ.name;
    return organ.short_name == word ||
           (n.size() > word.size() && n.compare(n.size() - word.size(), word.size(), word) == 0 &&
            n[n.size() - word.size() - 1] == ' ');
}

// The organ a text names at its start (`at_end` false) or its end: a full name, or a one-word
// name ("Assembly", "Council", "Commission"), which is the speaking organ's when it calls itself
// so ("the Council" in the Human Rights Council's voice) and otherwise the organ of that short
// name. At the end, a one-word name must follow "the ".
const Organ* organ_named(std::string_view text, bool at_end, const Organ* voice) {
    auto names = [&](std::string_view name) {
        if (text.size() < name.size()) return false;
        const size_t at = at_end ? text.size() - name.size() : 0;
        if (text.substr(at, name.size()) != name) return false;
        return at_end ? (at == 0 || !is_word(text[at - 1]))
                      : (name.size() == text.size() || !is_word(text[name.size()]));
    };
    for (const auto& o : organs())
        if (names(o.name)) return &o;
    for (const auto& o : organs()) {
        const std::string& word = o.short_name;
        if (word.find(' ') != std::string::npos || !names(at_end ? "the " + word : word)) continue;
        return voice && calls_itself(*voice, word) ? voice : &o;
    }
    return nullptr;
}

// The organ named as the subject just before what it did: "the General Assembly took note of",
// "the Commission ..., as reflected" (a few lower-case words, none joining another subject).
const Organ* subject_before_verb(std::string_view text, const Organ* voice) {
    constexpr int kMostWords = 4;
    for (int words = 0; words < kMostWords; ++words) {
        size_t begin = text.size();
        while (begin > 0 && (std::islower(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '-'))
            --begin;
        const std::string_view word = text.substr(begin);
        if (word.empty() || begin == 0 || text[begin - 1] != ' ' || word == "and" || word == "or" || word == "but")
            return nullptr;
        text = text.substr(0, begin - 1);
        if (!text.empty() && text.back() == ',') text.remove_suffix(1);
        if (const Organ* o = organ_named(text, true, voice)) return o;
    }
    return nullptr;
}

// The date after a number, " of 24 July 2002", into `date`. Returns its end, or `at` if none.
size_t read_date_after(std::string_view s, size_t at, std::string& date) {
    if (!starts_with(s, at, " of ")) return at;
    size_t used = 0;
    date = parse_date(s.substr(at + 4), &used);
    return date.empty() ? at : at + 4 + used;
}

// Where the next number of a list starts, after "and", ", " or ", and "; npos if none does.
size_t next_listed(std::string_view s, size_t at) {
    for (std::string_view sep : {", and ", " and ", ", "}) {
        if (!starts_with(s, at, sep)) continue;
        const size_t n = at + sep.size();
        return read_resolution_number(s, n) == n ? std::string_view::npos : n;
    }
    return std::string_view::npos;
}

// The end of the last number of a list ("resolutions 5/1 of 18 June 2007 and 5/2"), where the
// organ of them all may be named ("... of the Human Rights Council").
size_t end_of_numbers(std::string_view s, size_t at) {
    size_t end = at;
    for (size_t cursor = at; cursor != std::string_view::npos;) {
        const size_t ne = read_resolution_number(s, cursor);
        if (ne == cursor) break;
        end = ne;
        std::string date, place;
        cursor = next_listed(s, read_pinpoint(s, read_date_after(s, ne, date), place));
    }
    return end;
}

// The organ named after a number, when no organ is named before it: "resolution 5/1 of the
// Human Rights Council", "resolution 15/1 adopted by the Commission on ...", after a date if
// any. `named` is the name's first word when it names an organ resgen does not know ("of the
// Commission on Narcotic Drugs"): such a number must not be read by its shape.
const Organ* organ_named_after(std::string_view s, size_t at, std::string_view& named) {
    std::string date;
    at = read_date_after(s, at, date);
    for (std::string_view by : {" of the ", " adopted by the ", ", adopted by the "}) {
        if (!starts_with(s, at, by)) continue;
        const size_t name = at + by.size();
        for (const auto& o : organs())
            if (starts_with(s, name, o.name) && (name + o.name.size() == s.size() || !is_word(s[name + o.name.size()])))
                return &o;
        size_t end = name;
        while (end < s.size() && is_alpha(s[end])) ++end;
        const std::string_view word = s.substr(name, end - name);
        for (std::string_view organ_word : {"Commission", "Council", "Committee", "Conference", "Assembly", "Board"})
            if (word == organ_word) named = word;
        return nullptr;
    }
    return nullptr;
}

// The organ named as the subject of "in" or "by" just before `at`: "adopted by the General
// Assembly in [its] resolution 54/109", "the Council, in [its] resolution 2003/28", "the General
// Assembly, by [its] resolution 55/25", "which the Assembly took note of in [its] resolution
// 59/154". Otherwise, nullptr.
const Organ* subject_before(std::string_view s, size_t at, const Organ* voice) {
    const std::string_view before = s.substr(0, at);
    for (std::string_view by : {", in ", " in ", ", by ", " by "}) {
        if (before.size() > by.size() && before.substr(before.size() - by.size()) == by) {
            const std::string_view subject = before.substr(0, before.size() - by.size());
            if (const Organ* o = organ_named(subject, true, voice)) return o;
            return subject_before_verb(subject, voice);
        }
    }
    return nullptr;
}

// Whose "its" it is, when the text says so: the subject before it (above), or inside "...,
// in which the Assembly requested ... its resolution 59/154" (the last such subject before
// `its` wins). Otherwise, nullptr: the organ speaking.
const Organ* owner_of_its(std::string_view s, size_t its, const Organ* voice) {
    if (const Organ* o = subject_before(s, its, voice)) return o;
    const std::string_view before = s.substr(0, its);
    size_t p = before.rfind("in which the ");
    if (p == std::string_view::npos) return nullptr;
    return organ_named(before.substr(p + std::strlen("in which the ")), false, voice);
}

// What a symbol an editor pins or a text prints is: A/RES/... a resolution, A/DEC/... a decision.
Citation::Kind kind_of_target(std::string_view target) {
    const std::string_view kind = kind_of_symbol(target);
    return kind == "resolution" ? Citation::Kind::resolution
           : kind == "decision" ? Citation::Kind::decision
                                : Citation::Kind::document;
}

struct Taken {
    std::vector<std::pair<size_t, size_t>> ranges;
    bool overlaps(size_t b, size_t e) const {
        return std::any_of(ranges.begin(), ranges.end(),
                           [&](auto r) { return b < r.second && r.first < e; });
    }
};

// "entitled “...”" or "entitled "..."" starting at `at` (after optional ", ").
size_t read_title(std::string_view s, size_t at, std::string& title) {
    size_t p = at;
    if (starts_with(s, p, ",")) ++p;
    p = skip_spaces(s, p);
    if (!starts_with(s, p, "entitled ")) return at;
    p += std::strlen("entitled ");
    std::string_view close;
    if (starts_with(s, p, "\xE2\x80\x9C")) {  // “
        p += 3;
        close = "\xE2\x80\x9D";  // ”
    } else if (starts_with(s, p, "\"")) {
        p += 1;
        close = "\"";
    } else {
        return at;
    }
    size_t e = s.find(close, p);
    if (e == std::string_view::npos) return at;
    title = std::string(s.substr(p, e - p));
    // A title ends in the quotes; a comma may sit inside them by the typography of the source.
    while (!title.empty() && (title.back() == ',' || title.back() == ' ')) title.pop_back();
    return e + close.size();
}

// ", in which it requested ..." -> "requested ...": what the citing text says the cited did.
std::string read_action(std::string_view s, size_t at) {
    size_t p = at;
    if (starts_with(s, p, ",")) ++p;
    p = skip_spaces(s, p);
    if (!starts_with(s, p, "in which ")) return {};
    p += std::strlen("in which ");
    // Drop the subject: "it", "the Council", "the Assembly", "the Commission".
    if (starts_with(s, p, "it ")) {
        p += 3;
    } else if (starts_with(s, p, "the ")) {
        size_t sp = s.find(' ', p + 4);
        if (sp != std::string_view::npos) p = sp + 1;
    }
    std::string action(s.substr(p));
    while (!action.empty() && std::strchr(",;. \n", action.back())) action.pop_back();
    return action;
}

void find_pinned(std::string_view s, std::vector<Citation>& out, Taken& taken) {
    size_t pos = 0;
    while ((pos = s.find("](symbol:", pos)) != std::string_view::npos) {
        size_t open = s.rfind('[', pos);
        size_t close = s.find(')', pos);
        if (open == std::string_view::npos || close == std::string_view::npos) break;
        Citation c;
        c.pinned = true;
        c.begin = open;
        c.end = close + 1;
        c.span = std::string(s.substr(open, c.end - open));
        c.target = std::string(s.substr(pos + 9, close - pos - 9));
        c.kind = kind_of_target(c.target);
        taken.ranges.push_back({c.begin, c.end});
        out.push_back(std::move(c));
        pos = close;
    }
}

void find_present_resolution(std::string_view s, std::vector<Citation>& out, Taken& taken) {
    for (std::string_view form :
         {"the present resolution", "The present resolution", "the present decision", "The present decision"}) {
        size_t pos = 0;
        while ((pos = s.find(form, pos)) != std::string_view::npos) {
            size_t end = pos + form.size();
            if (!taken.overlaps(pos, end) && (end == s.size() || !is_word(s[end]))) {
                Citation c;
                c.kind = Citation::Kind::self;
                c.begin = pos;
                c.end = end;
                c.span = std::string(form);
                taken.ranges.push_back({pos, end});
                out.push_back(std::move(c));
            }
            pos = end;
        }
    }
}

// The words that introduce a numbered act of an organ, and the kind of what they cite.
struct ActWord {
    std::string_view word;  // in lower case; the first letter may be a capital in the text
    size_t tail;            // where the part searched for starts: at a letter rarer than 'e',
                            // so the search stops less often (a quarter less time over a corpus)
    Citation::Kind kind;
    std::string_view searched() const { return word.substr(tail); }
};
constexpr std::array<ActWord, 2> kActWords = {{{"resolution", 4, Citation::Kind::resolution},
                                                {"decision", 2, Citation::Kind::decision}}};

const std::string& prefix_of(const Organ& organ, Citation::Kind kind) {
    return kind == Citation::Kind::decision ? organ.decision_prefix : organ.resolution_prefix;
}

void find_resolutions(std::string_view s, const CiteContext& ctx, std::vector<Citation>& out,
                      Taken& taken, std::vector<CitationProblem>* problems) {
    auto problem = [&](size_t b, size_t e, std::string why) {
        if (!problems || taken.overlaps(b, e)) return;
        std::string message = "'";  // appended, not a chain of + (a false warning of GCC 12)
        message += s.substr(b, e - b);
        message += "' ";
        message += why;
        problems->push_back({b, e, std::move(message)});
    };
    // Where each word is next found, so that each is searched for once per occurrence.
    std::array<size_t, kActWords.size()> next{};
    for (size_t i = 0; i < kActWords.size(); ++i) next[i] = s.find(kActWords[i].searched());
    // The last group read: "its resolution 2002/16 and decision 2004/237" share the organ.
    const Organ* previous_organ = nullptr;
    size_t previous_end = std::string_view::npos;
    size_t pos = 0;
    while (pos < s.size()) {
        size_t w = 0;
        for (size_t i = 0; i < kActWords.size(); ++i) {
            if (next[i] < pos) next[i] = s.find(kActWords[i].searched(), pos);
            if (next[i] < next[w]) w = i;
        }
        const ActWord& act = kActWords[w];
        size_t p = next[w];
        if (p == std::string_view::npos) break;
        pos = p + act.word.size() - act.tail;
        if (p < act.tail) continue;
        size_t word = p - act.tail;
        if (s.substr(word + 1, act.tail - 1) != act.word.substr(1, act.tail - 1)) continue;
        if (s[word] != act.word[0] && s[word] != act.word[0] - 'a' + 'A') continue;
        if (word > 0 && is_word(s[word - 1])) continue;
        size_t q = pos;
        if (q < s.size() && s[q] == 's') ++q;
        if (q < s.size() && is_word(s[q])) continue;
        size_t num_start = skip_spaces(s, q);
        size_t num_end = read_resolution_number(s, num_start);
        if (num_end == num_start) continue;

        // Who issued it: an organ named before, "its" (the voice), the group just read, or
        // the number's shape.
        size_t span_start = word;
        const Organ* organ = nullptr;
        size_t name_start = 0;
        const std::string first_number = split_number(s.substr(num_start, num_end - num_start)).number;
        std::string_view gap = previous_end <= word ? s.substr(previous_end, word - previous_end) : "";
        // "its", or the organ speaking named short ("Council resolution 2003/28" in the
        // Council's voice): the number should be of that organ's numbering.
        bool by_voice = false;
        std::string_view capitalized;
        if (word >= 4 && s.substr(word - 4, 4) == "its " && (word == 4 || !is_word(s[word - 5]))) {
            span_start = word - 4;
            organ = owner_of_its(s, span_start, find_organ(ctx.voice));
            if (!organ) organ = find_organ(ctx.voice);
            if (!organ) {
                problem(span_start, num_end,
                        "cannot be resolved: the organ speaking (" +
                            (ctx.voice.empty() ? std::string("not stated") : "'" + ctx.voice + "'") +
                            ") is not one resgen knows; pin it with [text](symbol:...)");
                continue;
            }
            by_voice = true;
        } else if (const Organ* named = organ_named_before(s, word, name_start)) {
            span_start = name_start;
            organ = named;
        } else if (std::string_view named_after;
                   (organ = organ_named_after(s, end_of_numbers(s, num_start), named_after)) || !named_after.empty()) {
            if (!organ) {
                problem(word, num_end,
                        "is not linked: the name after it (the " + std::string(named_after) +
                            " ...) is not one of the organs resgen knows; pin it with [text](symbol:...)");
                continue;
            }
        } else if ((organ = subject_before(s, word, find_organ(ctx.voice)))) {
            // "the Human Rights Council, in resolution 5/1": its subject's, as "its" would be.
        } else if (previous_organ && (gap == " and " || gap == ", " || gap == ", and ")) {
            organ = previous_organ;
        } else if (!(capitalized = capitalized_word_before(s, word)).empty()) {
            const size_t name_begin = static_cast<size_t>(capitalized.data() - s.data());
            const Organ* voice = find_organ(ctx.voice);
            // A capitalized word before it makes a longer name: "World Health Assembly".
            const bool longer_name = !capitalized_word_before(s, name_begin).empty();
            if (!longer_name && voice && calls_itself(*voice, capitalized)) {
                span_start = name_begin;
                organ = voice;
                by_voice = true;
            } else if (!longer_name && capitalized == "Assembly") {
                // The one Assembly that adopts resolutions so numbered.
                span_start = name_begin;
                organ = find_organ("General Assembly");
            } else {
                problem(word, num_end,
                        "is not linked: the name before it (... " + std::string(capitalized) +
                            ") is not one of the organs resgen knows; pin it with [text](symbol:...)");
                continue;
            }
        } else {
            organ = organ_of_number_shape(first_number);
            if (!organ)
                problem(word, num_end,
                        "cannot be resolved: no organ is named and the number's shape does not say whose it "
                        "is; name the organ or pin it with [text](symbol:...)");
        }
        if (by_voice && !numbered_so(*organ, first_number)) {
            const Organ* by_shape = organ_of_number_shape(first_number);
            if (!by_shape) {
                problem(span_start, num_end,
                        "cannot be resolved: the " + organ->name + " speaks, but " + first_number +
                            " is not numbered as its " + std::string(act.word) +
                            "s are; pin it with [text](symbol:...)");
                continue;
            }
            problem(span_start, num_end,
                    "is ambiguous: the " + organ->name + " speaks, but " + first_number + " is numbered as a " +
                        by_shape->name + " " + std::string(act.word) + "; read as the " + by_shape->short_name +
                        "'s, pin it with [text](symbol:...) if not");
            organ = by_shape;
        }
        if (!organ) continue;

        // One or more numbers: "resolutions 2002/16 of 24 July 2002 and 2003/28"; the first
        // may follow the place it is cited for ("paragraph 7 of its resolution 2003/28").
        std::vector<Citation> group;
        std::string place_before;
        const size_t after_previous = previous_end == std::string_view::npos ? 0 : previous_end;
        size_t cursor = num_start, start = read_pinpoint_before(s, after_previous, span_start, place_before);
        const Organ* last = organ;
        while (true) {
            size_t ne = read_resolution_number(s, cursor);
            if (ne == cursor) break;
            Citation c;
            c.kind = act.kind;
            PrintedNumber printed = split_number(s.substr(cursor, ne - cursor));
            std::string& number = printed.number;
            const Organ* o = organ;
            if (!numbered_so(*o, number)) o = organ_of_number_shape(number);
            if (!o) break;
            const std::string& prefix = prefix_of(*o, act.kind);
            if (prefix.empty()) {
                problem(start, ne,
                        "is not linked: resgen does not know the symbols of the " + o->name +
                            "'s decisions; pin it with [text](symbol:...)");
                break;
            }
            last = o;
            c.target = canonical_symbol(prefix + number);
            c.pinpoint = std::move(printed.part);
            if (!place_before.empty()) c.pinpoint += (c.pinpoint.empty() ? "" : ", ") + std::exchange(place_before, {});
            const size_t e = read_pinpoint(s, read_date_after(s, ne, c.date), c.pinpoint);
            c.begin = start;
            c.end = e;
            group.push_back(std::move(c));
            const size_t n = next_listed(s, e);
            if (n == std::string_view::npos) break;
            cursor = start = n;
        }
        if (group.empty()) continue;
        if (std::any_of(group.begin(), group.end(),
                        [&](const Citation& c) { return taken.overlaps(c.begin, c.end); }))
            continue;

        size_t after = group.back().end;
        std::string title;
        size_t after_title = read_title(s, after, title);
        std::string action = read_action(s, after_title);
        for (auto& c : group) {
            c.span = std::string(s.substr(c.begin, c.end - c.begin));
            if (group.size() == 1) c.title = title;
            c.action = action;
            taken.ranges.push_back({c.begin, c.end});
            out.push_back(std::move(c));
        }
        previous_organ = last;
        previous_end = after;
        pos = after;
    }
}

// A document symbol: E/CN.15/2004/7, A/59/100, ST/SG/AC.10/1, followed by "and Add.1".
void find_symbols(std::string_view s, std::vector<Citation>& out, Taken& taken) {
    for (size_t i = 0; i < s.size(); ++i) {
        if (!is_upper(s[i]) || (i > 0 && (is_word(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.')))
            continue;
        size_t p = i;
        while (p < s.size() && is_upper(s[p]) && p - i < 6) ++p;
        if (p >= s.size() || s[p] != '/') continue;
        size_t e = p;
        int slashes = 0;
        bool digit = false;
        while (e < s.size() && s[e] == '/') {
            size_t seg = e + 1, f = seg;
            while (f < s.size() && (is_word(s[f]) || s[f] == '.' || s[f] == '-')) {
                digit = digit || is_digit(s[f]);
                ++f;
            }
            while (f > seg && (s[f - 1] == '.' || s[f - 1] == '-')) --f;  // sentence punctuation
            if (f == seg) break;
            ++slashes;
            e = f;
        }
        if (slashes < 2 || !digit || taken.overlaps(i, e)) continue;
        std::string base(s.substr(i, e - i));
        auto add = [&](size_t b, size_t en, std::string target) {
            Citation c;
            c.kind = kind_of_target(target);
            c.begin = b;
            c.end = en;
            c.span = std::string(s.substr(b, en - b));
            c.target = std::move(target);
            taken.ranges.push_back({b, en});
            out.push_back(std::move(c));
        };
        add(i, e, base);
        // "and Add.1", ", Add.1 and Add.2", "and Corr.1", "and Corr.1 and 2" (Corr.2): a bare
        // number after an addendum or corrigendum is the next of its kind, unless it starts a
        // date or another number ("Add.1, 2005", "Corr.1 and 2 December").
        size_t cur = e;
        std::string_view last_kind;
        for (;;) {
            size_t n = cur;
            for (std::string_view sep : {", and ", " and ", ", "}) {
                if (starts_with(s, cur, sep)) {
                    n = cur + sep.size();
                    break;
                }
            }
            if (n == cur) break;
            std::string_view kind_of_part;
            size_t digits = n;
            for (std::string_view kind : {"Add.", "Corr.", "Rev."}) {
                if (starts_with(s, n, kind)) {
                    kind_of_part = kind;
                    digits = n + kind.size();
                    break;
                }
            }
            if (kind_of_part.empty()) kind_of_part = last_kind;
            const size_t w = read_digits(s, digits);
            bool part = w > digits;
            if (digits == n) {  // a bare number
                const auto at = [&](size_t k) { return k < s.size() ? s[k] : '\0'; };
                const bool ends = !is_word(at(w)) && at(w) != '/' && !(at(w) == '.' && is_digit(at(w + 1))) &&
                                  !(at(w) == ' ' && is_upper(at(w + 1)));
                part = part && !kind_of_part.empty() && w - n <= 2 && ends;
            }
            if (!part) break;
            add(n, w, base + "/" + std::string(kind_of_part) + std::string(s.substr(digits, w - digits)));
            last_kind = kind_of_part;
            cur = w;
        }
        i = cur;
    }
}

// The UN Treaty Series: "United Nations, Treaty Series, vol. 2225, No. 39574", its title in
// italics or not ("*Treaty Series*"), and a treaty with its protocols in several volumes:
// "vols. 2225, 2237, 2241 and 2326, No. 39574", each volume a reference of its own.
void find_treaties(std::string_view s, std::vector<Citation>& out, Taken& taken) {
    size_t pos = 0;
    const std::string_view key = "Treaty Series";
    while ((pos = s.find(key, pos)) != std::string_view::npos) {
        size_t begin = pos, at = pos + key.size();
        pos = at;
        const bool emphasis = begin > 0 && (s[begin - 1] == '*' || s[begin - 1] == '_');
        if (emphasis) {
            if (!starts_with(s, at, std::string_view(&s[begin - 1], 1))) continue;
            --begin;
            ++at;
        }
        const bool plural = starts_with(s, at, ", vols. ");
        if (!plural && !starts_with(s, at, ", vol. ")) continue;
        at += plural ? 8 : 7;
        std::vector<std::pair<size_t, size_t>> volumes;
        for (;;) {
            const size_t ve = read_digits(s, at);
            if (ve == at) break;
            volumes.push_back({at, ve});
            at = ve;
            if (!plural) break;
            size_t next = at;
            for (std::string_view sep : {", and ", " and ", ", "})
                if (next == at && starts_with(s, at, sep) && at + sep.size() < s.size() && is_digit(s[at + sep.size()]))
                    next = at + sep.size();
            if (next == at) break;
            at = next;
        }
        if (volumes.empty() || !starts_with(s, at, ", No. ")) continue;
        const size_t n = at + 6, ne = read_digits(s, n);
        if (ne == n) continue;
        if (begin >= 16 && s.substr(begin - 16, 16) == "United Nations, ") begin -= 16;
        if (taken.overlaps(begin, ne)) continue;
        const std::string number(s.substr(n, ne - n));
        for (size_t i = 0; i < volumes.size(); ++i) {
            Citation c;
            c.kind = Citation::Kind::treaty;
            c.begin = i == 0 ? begin : volumes[i].first;
            c.end = i + 1 == volumes.size() ? ne : volumes[i].second;
            c.span = std::string(s.substr(c.begin, c.end - c.begin));
            const auto [volume, volume_end] = volumes[i];
            c.target = "UNTS/" + std::string(s.substr(volume, volume_end - volume)) + "/" + number;
            taken.ranges.push_back({c.begin, c.end});
            out.push_back(std::move(c));
        }
        pos = ne;
    }
}

}  // namespace

std::string parse_date(std::string_view s, size_t* consumed) {
    size_t d = read_digits(s, 0);
    if (d == 0 || d > 2 || d >= s.size() || s[d] != ' ') return {};
    int day = std::stoi(std::string(s.substr(0, d)));
    for (size_t m = 0; m < kMonths.size(); ++m) {
        std::string_view name = kMonths[m];
        if (!starts_with(s, d + 1, name) || !starts_with(s, d + 1 + name.size(), " ")) continue;
        size_t y = d + 2 + name.size(), ye = read_digits(s, y);
        if (ye - y != 4 || (ye < s.size() && is_word(s[ye]))) return {};
        static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (day < 1 || day > days[m]) return {};
        if (consumed) *consumed = ye;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s-%02zu-%02d", std::string(s.substr(y, 4)).c_str(), m + 1, day);
        return buf;
    }
    return {};
}

std::vector<Citation> find_citations(std::string_view text, const CiteContext& ctx,
                                     std::vector<CitationProblem>* problems) {
    std::vector<Citation> out;
    Taken taken;
    find_pinned(text, out, taken);
    find_present_resolution(text, out, taken);
    find_resolutions(text, ctx, out, taken, problems);
    find_treaties(text, out, taken);
    find_symbols(text, out, taken);
    std::stable_sort(out.begin(), out.end(),
                     [](const Citation& a, const Citation& b) { return a.begin < b.begin; });
    // A Recalling clause recalls its first reference, with the ones listed along with it
    // ("its resolutions 2002/16 and 2003/28"); later ones ("in which ... its resolution
    // 59/154") are cited, not recalled.
    for (auto& c : out) c.recalls = false;
    if (ctx.recalling) {
        auto it = std::find_if(out.begin(), out.end(),
                               [](const Citation& c) { return c.kind != Citation::Kind::self; });
        if (it != out.end()) {
            it->recalls = true;
            for (auto next = it + 1; next != out.end(); ++it, ++next) {
                std::string_view gap = text.substr(it->end, next->begin - it->end);
                if (gap != " and " && gap != ", " && gap != ", and ") break;
                next->recalls = true;
            }
        }
    }
    return out;
}

}  // namespace resgen
