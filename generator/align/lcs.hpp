// The length of the longest common subsequence of two word sequences, the measure of
// similarity between clauses. Bit-parallel (Hyyrö's formulation of Allison and Dix): one pass
// over the second sequence, 64 positions of the first per machine word, no allocation beyond
// the first sequence's match masks. Scoring a collection's candidate pairs is mostly this.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <span>
#include <vector>

namespace resgen {

// The first sequence, prepared once to be measured against many others.
class LcsPattern {
public:
    explicit LcsPattern(std::span<const uint32_t> words);

    size_t size() const { return size_; }

    // |LCS(pattern, text)|.
    size_t lcs(const uint32_t* text, size_t n) const;
    size_t lcs(std::span<const uint32_t> text) const { return lcs(text.data(), text.size()); }

private:
    // Where a word stands in the pattern (blocks_ words of bits), or nullptr when it does not.
    const uint64_t* mask_of(uint32_t word) const;

    size_t size_ = 0, blocks_ = 0;
    // The pattern's distinct words in an open-addressed table (a power of two, at least twice
    // the pattern's length): a lookup is mostly one probe. A binary search of the sorted words
    // took nearly twice the cycles (docs/performance.md).
    unsigned shift_ = 0;               // 32 - log2(table size)
    std::vector<uint64_t> keys_;       // [slot]: word + 1, or 0 for an empty slot
    std::vector<uint64_t> masks_;      // [slot][block]: where the slot's word stands in the pattern
};

// A word sequence's words as 128 bits, each word setting the bit its number hashes to: 16 bytes
// that bound the LCS of two sequences without reading the second (LcsBound).
struct WordBits {
    std::array<uint64_t, 2> bits{};
};
WordBits word_bits(std::span<const uint32_t> words);

// An upper bound of |LCS(pattern, text)| from the text's WordBits alone: every word of a
// common subsequence is a word of the pattern whose bit the text has, so at most that many
// of the pattern's words. Most candidates of a large collection share a run of words with a
// clause and too few words in all to be similar; their words, each somewhere else in memory,
// need then not be read.
class LcsBound {
public:
    explicit LcsBound(std::span<const uint32_t> pattern);
    size_t most(const WordBits& text) const;

private:
    WordBits bits_;
    std::array<uint32_t, 128> held_{};   // [bit]: the pattern's words setting it, repeats counted
};

// 2 * |LCS(a, b)| / (|a| + |b|), from 0 to 1 (1 for two empty sequences).
double lcs_similarity(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace resgen
