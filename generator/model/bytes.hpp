// Eight bytes at a time: whether a word of text holds any of a few bytes, so that escapers
// copy the long runs with nothing to escape without looking at each byte (SWAR: the classic
// zero-byte test, exact as a yes or no). Plain C++, the same on every machine.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace resgen::bytes {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ull;

inline std::uint64_t load_word(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// Non-zero if a byte of `w` is zero.
inline constexpr std::uint64_t zero_byte(std::uint64_t w) { return (w - kOnes) & ~w & kHighs; }

// Non-zero if a byte of `w` is `c`.
inline constexpr std::uint64_t has_byte(std::uint64_t w, unsigned char c) { return zero_byte(w ^ (kOnes * c)); }

// Non-zero if a byte of `w` is below `n` (n at most 0x80).
inline constexpr std::uint64_t byte_below(std::uint64_t w, unsigned char n) { return (w - kOnes * n) & ~w & kHighs; }

// Whether a byte of `s` below `n` (n at most 0x80) is one `pred` asks for: the eight-byte words
// with no byte below `n`, nearly every word of a text when `n` is a control character, are
// passed over whole.
template <class Pred>
bool any_byte_below(std::string_view s, unsigned char n, Pred pred) {
    auto asked = [&](char c) { return static_cast<unsigned char>(c) < n && pred(static_cast<unsigned char>(c)); };
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8)
        if (byte_below(load_word(s.data() + i), n))
            for (size_t k = i; k < i + 8; ++k)
                if (asked(s[k])) return true;
    for (; i < s.size(); ++i)
        if (asked(s[i])) return true;
    return false;
}

}  // namespace resgen::bytes
