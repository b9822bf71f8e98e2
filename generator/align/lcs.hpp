// The length of the longest common subsequence of two word sequences, the measure of
// similarity between clauses. Bit-parallel (Hyyrö's formulation of Allison and Dix): one pass
// over the second sequence, 64 positions of the first per machine word, no allocation beyond
// the first sequence's match masks. Scoring a collection's candidate pairs is mostly this.
#pragma once
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

// 2 * |LCS(a, b)| / (|a| + |b|), from 0 to 1 (1 for two empty sequences).
double lcs_similarity(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace resgen
