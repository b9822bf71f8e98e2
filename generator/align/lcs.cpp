#include "align/lcs.hpp"

#include <algorithm>
#include <bit>

namespace resgen {

namespace {

// Fibonacci hashing: the top bits of the product spread consecutive word ids over the table.
size_t slot_of(uint32_t word, unsigned shift) { return (word * 0x9E3779B1u) >> shift; }

// The top seven bits of the product, for the same reason.
unsigned bit_of(uint32_t word) { return (word * 0x9E3779B1u) >> 25; }

}  // namespace

LcsPattern::LcsPattern(std::span<const uint32_t> words) : size_(words.size()), blocks_((words.size() + 63) / 64) {
    size_t slots = 16;
    unsigned bits = 4;
    while (slots < 2 * words.size()) slots *= 2, ++bits;
    shift_ = 32 - bits;
    keys_.assign(slots, 0);
    masks_.assign(slots * blocks_, 0);
    for (size_t i = 0; i < words.size(); ++i) {
        size_t slot = slot_of(words[i], shift_);
        while (keys_[slot] != 0 && keys_[slot] != uint64_t{words[i]} + 1) slot = (slot + 1) & (slots - 1);
        keys_[slot] = uint64_t{words[i]} + 1;
        masks_[slot * blocks_ + i / 64] |= uint64_t{1} << (i % 64);
    }
}

const uint64_t* LcsPattern::mask_of(uint32_t word) const {
    const uint64_t key = uint64_t{word} + 1;
    for (size_t slot = slot_of(word, shift_);; slot = (slot + 1) & (keys_.size() - 1)) {
        if (keys_[slot] == key) return &masks_[slot * blocks_];
        if (keys_[slot] == 0) return nullptr;
    }
}

size_t LcsPattern::lcs(const uint32_t* text, size_t n) const {
    if (size_ == 0 || n == 0) return 0;
    // V holds a 0 bit at each position of the pattern that ends a step of the LCS so far.
    // Step: V = (V + (V & M)) | (V & ~M), the addition carried across blocks.
    constexpr size_t kInline = 4;
    uint64_t inline_v[kInline];
    std::vector<uint64_t> heap_v;
    uint64_t* v = inline_v;
    if (blocks_ > kInline) {
        heap_v.resize(blocks_);
        v = heap_v.data();
    }
    std::fill(v, v + blocks_, ~uint64_t{0});
    for (size_t j = 0; j < n; ++j) {
        const uint64_t* m = mask_of(text[j]);
        if (!m) continue;  // M = 0 leaves V as it is
        uint64_t carry = 0;
        for (size_t k = 0; k < blocks_; ++k) {
            uint64_t u = v[k] & m[k];
            uint64_t sum = v[k] + u;
            uint64_t c1 = sum < v[k];
            sum += carry;
            uint64_t c2 = sum < carry;
            carry = c1 | c2;
            v[k] = sum | (v[k] & ~m[k]);
        }
    }
    size_t zeros = 0;
    for (size_t k = 0; k < blocks_; ++k) {
        uint64_t word = ~v[k];
        if (k + 1 == blocks_ && size_ % 64) word &= (uint64_t{1} << (size_ % 64)) - 1;
        zeros += static_cast<size_t>(std::popcount(word));
    }
    return zeros;
}

WordBits word_bits(std::span<const uint32_t> words) {
    WordBits out;
    for (uint32_t w : words) out.bits[bit_of(w) / 64] |= uint64_t{1} << (bit_of(w) % 64);
    return out;
}

LcsBound::LcsBound(std::span<const uint32_t> pattern) : bits_(word_bits(pattern)) {
    for (uint32_t w : pattern) ++held_[bit_of(w)];
}

size_t LcsBound::most(const WordBits& text) const {
    size_t most = 0;
    for (size_t half = 0; half < 2; ++half)
        for (uint64_t both = bits_.bits[half] & text.bits[half]; both; both &= both - 1)
            most += held_[half * 64 + static_cast<size_t>(std::countr_zero(both))];
    return most;
}

double lcs_similarity(std::span<const uint32_t> a, std::span<const uint32_t> b) {
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    const auto [shorter, longer] = a.size() <= b.size() ? std::pair{a, b} : std::pair{b, a};
    return 2.0 * static_cast<double>(LcsPattern(shorter).lcs(longer)) / static_cast<double>(a.size() + b.size());
}

}  // namespace resgen
