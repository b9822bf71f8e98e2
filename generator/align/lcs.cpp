#include "align/lcs.hpp"

#include <algorithm>
#include <bit>

namespace resgen {

LcsPattern::LcsPattern(const std::vector<uint32_t>& words) : size_(words.size()), blocks_((words.size() + 63) / 64) {
    symbols_ = words;
    std::sort(symbols_.begin(), symbols_.end());
    symbols_.erase(std::unique(symbols_.begin(), symbols_.end()), symbols_.end());
    masks_.assign(symbols_.size() * blocks_, 0);
    for (size_t i = 0; i < words.size(); ++i) {
        size_t s = std::lower_bound(symbols_.begin(), symbols_.end(), words[i]) - symbols_.begin();
        masks_[s * blocks_ + i / 64] |= uint64_t{1} << (i % 64);
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
        auto it = std::lower_bound(symbols_.begin(), symbols_.end(), text[j]);
        if (it == symbols_.end() || *it != text[j]) continue;  // M = 0 leaves V as it is
        const uint64_t* m = &masks_[(it - symbols_.begin()) * blocks_];
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

double lcs_similarity(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    if (a.empty() && b.empty()) return 1.0;
    if (a.empty() || b.empty()) return 0.0;
    const auto& [shorter, longer] = a.size() <= b.size() ? std::pair{&a, &b} : std::pair{&b, &a};
    return 2.0 * static_cast<double>(LcsPattern(*shorter).lcs(*longer)) / static_cast<double>(a.size() + b.size());
}

}  // namespace resgen
