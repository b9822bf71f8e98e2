// Stage `align`: searching the candidate index's runs, each a sorted list of the units that
// hold one shingle.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace resgen {

// Adds one to held[k] for each of `units` (sorted, each once) that the sorted run
// [first, last) holds. Each search goes forward from where the one before ended, in doubling
// steps: a search of the whole run for each unit put a cache miss on every step (at 100,000
// documents, a third of the candidate loop's own time).
inline void count_held(const uint32_t* first, const uint32_t* last, const std::vector<uint32_t>& units,
                       std::vector<uint32_t>& held) {
    for (size_t k = 0; k < units.size() && first != last; ++k) {
        const uint32_t u = units[k];
        // All before `first` is less than u: widen [lo, lo + step) until it holds u's place.
        const uint32_t* lo = first;
        size_t step = 1;
        while (step < static_cast<size_t>(last - lo) && lo[step] < u) {
            lo += step;
            step *= 2;
        }
        first = std::lower_bound(lo, lo + std::min(step, static_cast<size_t>(last - lo)), u);
        held[k] += first != last && *first == u;
    }
}

}  // namespace resgen
