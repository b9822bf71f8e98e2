#include "align/words.hpp"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

namespace resgen {

namespace {

// ASCII by hand, not <cctype>: these run on every byte of every clause, and the library's
// are calls through the locale (the same answers for ASCII in the "C" locale resgen runs in).
bool is_ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool is_word_byte(unsigned char c) { return is_ascii_alnum(c) || c >= 0x80; }

// Typographic punctuation that UTF-8 spells with several bytes: a mark of its own, not a
// part of the word it touches.
constexpr std::string_view kMarks[] = {"“", "”", "‘", "’", "–", "—", "…", "«", "»"};

size_t mark_at(std::string_view s, size_t i) {
    if (i >= s.size() || static_cast<unsigned char>(s[i]) < 0x80) return 0;  // every mark is non-ASCII
    for (auto m : kMarks)
        if (s.substr(i, m.size()) == m) return m.size();
    return 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    out.reserve(s.size() / 4);  // a word and its space are some six bytes
    bool space = false;
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        unsigned char c = s[i];
        if (is_space(c)) {
            space = true;
            ++i;
            continue;
        }
        size_t start = i;
        if (size_t m = mark_at(s, i)) {
            i += m;
        } else if (is_word_byte(c)) {
            // A hyphen, an apostrophe, a slash or a dot between letters or digits stays inside
            // the word: "money-laundering", "2003/28", "E/CN.15/2004/7". ASCII letters and
            // digits, nearly every byte, are taken without asking whether a mark starts there.
            for (++i; i < n; ++i) {
                unsigned char d = s[i];
                if (is_ascii_alnum(d)) continue;
                if (d >= 0x80) {
                    if (mark_at(s, i)) break;
                    continue;
                }
                if ((d == '-' || d == '\'' || d == '/' || d == '.') && i + 1 < n && is_word_byte(s[i + 1]) &&
                    !mark_at(s, i + 1))
                    continue;
                break;
            }
        } else {
            ++i;
        }
        out.push_back({s.substr(start, i - start), space && !out.empty()});
        space = false;
    }
    return out;
}

bool is_word(const Token& t) { return !t.text.empty() && is_word_byte(t.text[0]) && !mark_at(t.text, 0); }

void lower_case_word(const Token& t, std::string& out) {
    out.resize(t.text.size());
    std::transform(t.text.begin(), t.text.end(), out.begin(), lower);
}

std::vector<std::string> words_of(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) {
        if (!is_word(t)) continue;
        lower_case_word(t, out.emplace_back());
    }
    return out;
}

namespace {
constexpr std::string_view kFunctionWords[] = {
    "a",     "an",   "and",  "any",   "are",   "as",    "at",    "be",   "been",  "between", "both", "but",
    "by",    "for",  "from", "has",   "have",  "he",    "his",   "in",   "into",  "is",      "it",   "its",
    "may",   "not",  "of",   "on",    "or",    "other", "shall", "should", "such", "that",   "the",  "their",
    "them",  "these", "they", "this", "those", "to",    "upon",  "was",  "were",  "which",   "who",  "whose",
    "will",  "with", "within", "would"};
static_assert(std::all_of(std::begin(kFunctionWords), std::end(kFunctionWords), [](std::string_view w) { return w.size() <= 8; }),
              "each packs into one number");

// A word of at most eight bytes as one number, its bytes in order: every function word is that
// short, and a search of numbers is cheaper than one of strings for every word of a corpus.
uint64_t packed(std::string_view w) {
    uint64_t k = 0;
    for (char c : w) k = k << 8 | static_cast<unsigned char>(c);
    return k;
}

// The packed function words in an open-addressed table of twice their number or more: a word
// is found, or not, in a probe or two, where a binary search took six unpredictable steps for
// each of the five million words of 10,000 documents.
class FunctionWords {
public:
    FunctionWords() {
        for (auto f : kFunctionWords) {
            size_t i = slot_of(packed(f));
            while (slots_[i] != 0) i = (i + 1) % kSlots;
            slots_[i] = packed(f);
        }
    }
    bool contains(uint64_t key) const {
        for (size_t i = slot_of(key);; i = (i + 1) % kSlots) {
            if (slots_[i] == key) return true;
            if (slots_[i] == 0) return false;  // no word packs to 0
        }
    }

private:
    static constexpr size_t kSlots = 128;
    static_assert(kSlots >= 2 * std::size(kFunctionWords));
    static size_t slot_of(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 57; }
    std::array<uint64_t, kSlots> slots_{};
};
}  // namespace

bool is_function_word(std::string_view w) {
    static const FunctionWords table;
    if (w.empty() || w.size() > 8) return false;
    // Two words of eight bytes or fewer, without a zero byte, pack alike only when they are equal.
    uint64_t k = 0;
    for (char c : w) {
        if (c == '\0') return false;
        k = k << 8 | static_cast<unsigned char>(c);
    }
    return table.contains(k);
}

double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty()) return 1.0;
    dtl::Diff<std::string> d(a, b);
    d.onOnlyEditDistance();
    d.compose();
    double total = static_cast<double>(a.size() + b.size());
    return (total - static_cast<double>(d.getEditDistance())) / total;
}

std::vector<DiffSpan> diff_tokens(const std::vector<Token>& before, const std::vector<Token>& after) {
    dtl::Diff<Token> d(before, after);
    d.compose();
    std::vector<DiffSpan> raw;
    for (const auto& [tok, info] : d.getSes().getSequence()) {
        DiffOp op = info.type == dtl::SES_ADD ? DiffOp::inserted : info.type == dtl::SES_DELETE ? DiffOp::deleted : DiffOp::same;
        // A common token keeps the spacing of the later text.
        const Token& t = op == DiffOp::same ? after[static_cast<size_t>(info.afterIdx - 1)] : tok;
        if (raw.empty() || raw.back().op != op) raw.push_back({op, {}});
        raw.back().tokens.push_back(t);
    }
    // Inside a change (a run without common tokens), deletions first, then insertions: the
    // reader sees what was struck out, then what replaced it.
    std::vector<DiffSpan> out;
    for (size_t i = 0; i < raw.size();) {
        if (raw[i].op == DiffOp::same) {
            out.push_back(std::move(raw[i++]));
            continue;
        }
        DiffSpan del{DiffOp::deleted, {}}, ins{DiffOp::inserted, {}};
        for (; i < raw.size() && raw[i].op != DiffOp::same; ++i) {
            auto& dst = raw[i].op == DiffOp::deleted ? del : ins;
            dst.tokens.insert(dst.tokens.end(), raw[i].tokens.begin(), raw[i].tokens.end());
        }
        if (!del.tokens.empty()) out.push_back(std::move(del));
        if (!ins.tokens.empty()) out.push_back(std::move(ins));
    }
    return out;
}

}  // namespace resgen
