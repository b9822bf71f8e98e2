// The JSON value of resgen: nlohmann's, with object keys compared without calling memcmp.
//
// A page is planned as thousands of small objects, and the template walk looks each name up
// in them, from the innermost scope out. Keys are short words ("href", "label") that mostly
// differ in their first byte, and std::less<std::string> compared them through a call to
// memcmp each time: 6% of a build's instructions. KeyLess orders keys exactly as it did (byte
// by byte, unsigned, the shorter first on a tie), so objects are walked and written in the
// same order: the same input gives the same bytes.
#pragma once
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace resgen {

struct KeyLess {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept {
        const size_t n = a.size() < b.size() ? a.size() : b.size();
        for (size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
        return a.size() < b.size();
    }
};

// nlohmann names its own comparison and the standard allocator: the map takes KeyLess in
// place of the one, and keeps the other.
template <class Key, class T, class... Ignored>
using KeyMap = std::map<Key, T, KeyLess>;

using json = nlohmann::basic_json<KeyMap>;

}  // namespace resgen
