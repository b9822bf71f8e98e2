// A string of 16 bytes that keeps up to 15 characters in place, for a clause's short fields
// ("pp3", "7", "a", "op7", "Requests"). A 10,000-document collection holds a quarter of a
// million clauses with five such fields each: as std::strings of 32 bytes they took 42 MB,
// nearly all of it to hold a few characters. Longer text goes on the heap, as std::string's
// would. Read it as a std::string_view; it compares with any string as its characters do.
#pragma once
#include <compare>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace resgen {

class SmallString {
public:
    SmallString() noexcept { set_local_size(0); }
    SmallString(std::string_view s) { assign(s); }
    SmallString(const char* s) : SmallString(std::string_view(s)) {}
    SmallString(const std::string& s) : SmallString(std::string_view(s)) {}
    SmallString(const SmallString& o) : SmallString(std::string_view(o)) {}
    SmallString(SmallString&& o) noexcept {
        std::memcpy(bytes_, o.bytes_, sizeof bytes_);
        o.set_local_size(0);
    }
    ~SmallString() { release(); }

    SmallString& operator=(const SmallString& o) {
        if (this != &o) *this = std::string_view(o);
        return *this;
    }
    SmallString& operator=(SmallString&& o) noexcept {
        if (this != &o) {
            release();
            std::memcpy(bytes_, o.bytes_, sizeof bytes_);
            o.set_local_size(0);
        }
        return *this;
    }
    SmallString& operator=(std::string_view s) {
        // `s` may view this string's own characters: the new ones are made before the old go.
        SmallString made(s);
        return *this = std::move(made);
    }
    SmallString& operator=(const char* s) { return *this = std::string_view(s); }
    SmallString& operator=(const std::string& s) { return *this = std::string_view(s); }

    const char* data() const noexcept { return on_heap() ? heap_data() : bytes_; }
    // Null-terminated, like std::string's.
    const char* c_str() const noexcept { return data(); }
    size_t size() const noexcept { return on_heap() ? heap_size() : kLocal - static_cast<unsigned char>(bytes_[kLocal]); }
    bool empty() const noexcept { return size() == 0; }

    // A view, not a copy: it lives as long as this string is unchanged.
    std::string_view substr(size_t from, size_t n = std::string_view::npos) const { return view().substr(from, n); }
    bool starts_with(std::string_view s) const noexcept { return view().starts_with(s); }

    operator std::string_view() const noexcept { return {data(), size()}; }
    std::string str() const { return std::string(data(), size()); }

    friend bool operator==(const SmallString& a, const SmallString& b) noexcept { return a.view() == b.view(); }
    friend bool operator==(const SmallString& a, std::string_view b) noexcept { return a.view() == b; }
    friend bool operator==(const SmallString& a, const std::string& b) noexcept { return a.view() == b; }
    friend bool operator==(const SmallString& a, const char* b) noexcept { return a.view() == b; }
    friend std::strong_ordering operator<=>(const SmallString& a, const SmallString& b) noexcept { return a.view() <=> b.view(); }
    friend std::strong_ordering operator<=>(const SmallString& a, std::string_view b) noexcept { return a.view() <=> b; }
    friend std::strong_ordering operator<=>(const SmallString& a, const std::string& b) noexcept { return a.view() <=> std::string_view(b); }
    friend std::strong_ordering operator<=>(const SmallString& a, const char* b) noexcept { return a.view() <=> std::string_view(b); }
    friend std::string operator+(std::string a, const SmallString& b) { return a.append(b.view()); }
    friend std::ostream& operator<<(std::ostream& out, const SmallString& s) { return out << s.view(); }

private:
    // In place: the characters, then in the last byte 15 minus their number, which is the
    // terminating null when all 15 are used. On the heap: a pointer and a 32-bit size, and
    // kHeap in the last byte.
    static constexpr size_t kLocal = 15;
    static constexpr unsigned char kHeap = 0x80;

    std::string_view view() const noexcept { return *this; }
    bool on_heap() const noexcept { return static_cast<unsigned char>(bytes_[kLocal]) == kHeap; }
    char* heap_data() const noexcept {
        char* p;
        std::memcpy(&p, bytes_, sizeof p);
        return p;
    }
    size_t heap_size() const noexcept {
        std::uint32_t n;
        std::memcpy(&n, bytes_ + sizeof(char*), sizeof n);
        return n;
    }
    void set_local_size(size_t n) noexcept {
        bytes_[n] = '\0';
        bytes_[kLocal] = static_cast<char>(kLocal - n);
    }
    void assign(std::string_view s) {
        if (s.size() <= kLocal) {
            std::memcpy(bytes_, s.data(), s.size());
            set_local_size(s.size());
            return;
        }
        if (s.size() > UINT32_MAX) throw std::length_error("SmallString: longer than 4 GB");
        char* p = new char[s.size() + 1];
        std::memcpy(p, s.data(), s.size());
        p[s.size()] = '\0';
        const auto n = static_cast<std::uint32_t>(s.size());
        std::memcpy(bytes_, &p, sizeof p);
        std::memcpy(bytes_ + sizeof p, &n, sizeof n);
        bytes_[kLocal] = static_cast<char>(kHeap);
    }
    void release() noexcept {
        if (on_heap()) delete[] heap_data();
    }

    char bytes_[16];
};
static_assert(sizeof(SmallString) == 16);

// As JSON, a string (nlohmann's to_json, found by argument-dependent lookup).
template <class Json>
void to_json(Json& j, const SmallString& s) {
    j = std::string_view(s);
}

}  // namespace resgen
