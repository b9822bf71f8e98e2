// Stage `align`, its smallest part: a clause's text as a sequence of tokens, and the word
// diff of two such sequences.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace resgen {

// A word or a punctuation mark, and whether white space stood before it, so that a diff can
// be shown with the spacing of the text. It views the text it was cut from, which must outlive
// it: tokens are made by the million, and a copy of each word was most of their cost.
struct Token {
    std::string_view text;
    bool space_before = false;
    // Two tokens are the same word or mark whatever the spacing before them.
    bool operator==(const Token& other) const { return text == other.text; }
};

// Splits plain text, which the caller keeps alive, into words (runs of letters and digits,
// joined by hyphens, apostrophes, slashes and dots inside a word; a non-ASCII letter counts as
// a letter) and single marks.
std::vector<Token> tokenize(std::string_view plain);

// The words of a token sequence, lower-cased (ASCII), punctuation left out: what similarity
// is measured on.
std::vector<std::string> words_of(const std::vector<Token>& tokens);
// One token of that: whether it is a word, and the word lower-cased into `out` (whose buffer
// is reused, for loops over millions of words).
bool is_word(const Token& token);
void lower_case_word(const Token& token, std::string& out);

// Articles, prepositions, conjunctions, pronouns and auxiliaries: the words any two English
// sentences share. Alignment measures clauses on the other words, so that two paragraphs on
// different subjects do not look alike through "of the" and "in order to".
bool is_function_word(std::string_view lower_case_word);

// How much two word sequences share: 2 * |longest common subsequence| / (|a| + |b|), from 0
// to 1 (1 for two empty sequences).
double similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

enum class DiffOp { same, inserted, deleted };

// A run of consecutive tokens with one fate.
struct DiffSpan {
    DiffOp op = DiffOp::same;
    std::vector<Token> tokens;
};

// The word-level diff from `before` to `after`: a shortest edit script over tokens (Myers'
// O(NP) algorithm, from Debian's libdtl), with deletions before insertions inside a change.
std::vector<DiffSpan> diff_tokens(const std::vector<Token>& before, const std::vector<Token>& after);

}  // namespace resgen
