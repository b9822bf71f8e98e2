// Eight bytes at a time: whether a word of text holds any of a few bytes, so that escapers
// copy the long runs with nothing to escape without looking at each byte (SWAR: the classic
// zero-byte test, exact as a yes or no). Plain C++, the same on every machine.
#pragma once
#include <cstdint>
#include <cstring>

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

}  // namespace resgen::bytes
