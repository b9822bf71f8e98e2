#include "export/json_text.hpp"

#include <charconv>
#include <cstdint>
#include <string_view>

#include "model/bytes.hpp"

namespace resgen {

using nlohmann::json;

namespace {

// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF) that starts at s[i] with a byte of 0x80 or more; 0 if there is none.
size_t utf8_sequence(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (size_t k = 2; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

// dump_escaped with ensure_ascii off: false if the string is not valid UTF-8 (then `out` may
// hold part of it; the caller takes it back). Runs of plain ASCII are found eight bytes at a
// time; the rest is looked at byte by byte.
bool append_escaped(std::string& out, std::string_view s) {
    const char* p = s.data();
    const size_t n = s.size();
    size_t run = 0;  // the start of the bytes not yet copied
    for (size_t i = 0; i < n;) {
        size_t end = n;  // the bytes to look at one by one: a word with one to look at, or the tail
        if (i + 8 <= n) {
            const std::uint64_t w = bytes::load_word(p + i);
            if (!(bytes::byte_below(w, 0x20) | bytes::has_byte(w, '"') | bytes::has_byte(w, '\\') |
                  (w & bytes::kHighs))) {
                i += 8;
                continue;
            }
            end = i + 8;
        }
        while (i < end) {
            const auto c = static_cast<unsigned char>(p[i]);
            if (c >= 0x80) {
                const size_t k = utf8_sequence(s, i);
                if (k == 0) return false;
                i += k;
                continue;
            }
            if (c >= 0x20 && c != '"' && c != '\\') {
                ++i;
                continue;
            }
            out.append(p + run, i - run);
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\t': out += "\\t"; break;
                case '\n': out += "\\n"; break;
                case '\f': out += "\\f"; break;
                case '\r': out += "\\r"; break;
                default: {
                    static const char kHex[] = "0123456789abcdef";
                    const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
                    out.append(escape, sizeof escape);
                }
            }
            run = ++i;
        }
    }
    out.append(p + run, n - run);
    return true;
}

struct Writer {
    std::string& out;
    int indent;  // -1: compact
    json::error_handler_t handler;

    void string(const std::string& s) {
        const size_t start = out.size();
        out += '"';
        if (append_escaped(out, s)) {
            out += '"';
            return;
        }
        out.resize(start);
        out += json(s).dump(-1, ' ', false, handler);
    }

    void line(int depth) {
        out += '\n';
        out.append(static_cast<size_t>(indent * depth), ' ');
    }

    template <typename Number>
    void number(Number n) {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
        out.append(buffer, end);
    }

    void value(const json& v, int depth) {
        switch (v.type()) {
            case json::value_t::object: {
                const auto& object = v.get_ref<const json::object_t&>();
                if (object.empty()) {
                    out += "{}";
                    return;
                }
                out += '{';
                bool first = true;
                for (const auto& [key, item] : object) {
                    if (!first) out += ',';
                    first = false;
                    if (indent >= 0) line(depth + 1);
                    string(key);
                    out += indent >= 0 ? ": " : ":";
                    value(item, depth + 1);
                }
                if (indent >= 0) line(depth);
                out += '}';
                return;
            }
            case json::value_t::array: {
                const auto& array = v.get_ref<const json::array_t&>();
                if (array.empty()) {
                    out += "[]";
                    return;
                }
                out += '[';
                bool first = true;
                for (const auto& item : array) {
                    if (!first) out += ',';
                    first = false;
                    if (indent >= 0) line(depth + 1);
                    value(item, depth + 1);
                }
                if (indent >= 0) line(depth);
                out += ']';
                return;
            }
            case json::value_t::string: string(v.get_ref<const std::string&>()); return;
            case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
            case json::value_t::null: out += "null"; return;
            case json::value_t::number_integer: number(v.get<json::number_integer_t>()); return;
            case json::value_t::number_unsigned: number(v.get<json::number_unsigned_t>()); return;
            // Floating point numbers (nlohmann's shortest form) are nlohmann's to write. So are
            // binary values, which no JSON text holds and resgen never makes: laid out over
            // several lines, they would be indented as at depth 0.
            default: out += v.dump(indent, ' ', false, handler); return;
        }
    }
};

}  // namespace

void append_json(std::string& out, const json& value, int indent, int depth, json::error_handler_t handler) {
    Writer{out, indent, handler}.value(value, depth);
}

std::string json_text(const json& j) {
    std::string out;
    append_json(out, j, 2, 0, json::error_handler_t::replace);
    out += '\n';
    return out;
}

void append_json_element(std::string& out, const json& element, int depth) {
    out.append(static_cast<size_t>(2 * depth), ' ');
    append_json(out, element, 2, depth, json::error_handler_t::replace);
}

}  // namespace resgen
