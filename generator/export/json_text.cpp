#include "export/json_text.hpp"

#include <charconv>
#include <cstdint>
#include <string_view>

#include "model/bytes.hpp"

namespace resgen {

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

// A string as dump writes it; one that is not UTF-8 is nlohmann's to write, with `handler`.
void append_string(std::string& out, std::string_view s, json::error_handler_t handler) {
    const size_t start = out.size();
    out += '"';
    if (append_escaped(out, s)) {
        out += '"';
        return;
    }
    out.resize(start);
    out += json(std::string(s)).dump(-1, ' ', false, handler);
}

template <typename Number>
void append_number(std::string& out, Number n) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out.append(buffer, end);
}

}  // namespace

void append_json(std::string& out, const json& value, json::error_handler_t handler) {
    JsonWriter(out, handler).value(value);
}

std::string json_text(const json& j) {
    constexpr auto replace = json::error_handler_t::replace;
    std::string out;
    if (!j.is_object()) {
        append_json(out, j, replace);
        out += '\n';
        return out;
    }
    out += '{';
    bool first = true;
    for (const auto& [name, value] : j.get_ref<const json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        append_json(out, json(name), replace);
        out += ':';
        if (!value.is_array() || value.empty()) {
            append_json(out, value, replace);
            continue;
        }
        out += '[';
        for (size_t i = 0; i < value.size(); ++i) {
            out += i ? ",\n" : "\n";
            append_json_record(out, value[i]);
        }
        out += "\n]";
    }
    out += "}\n";
    return out;
}

void append_json_record(std::string& out, const json& element) {
    append_json(out, element, json::error_handler_t::replace);
}

// A key, or a value of an array: after a comma unless it is the container's first.
void JsonWriter::next_item() {
    if (!empty_.back()) out_ += ',';
    empty_.back() = false;
}

// Where a value goes: after its key, or as an item of an array.
void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (empty_.empty()) return;  // the outermost value: the caller has placed it
    next_item();
}

JsonWriter& JsonWriter::key(Name name) {
    next_item();
    out_ += '"';
    out_ += name.text;
    out_ += "\":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::key_of(std::string_view name) {
    next_item();
    append_string(out_, name, handler_);
    out_ += ':';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
    before_value();
    append_string(out_, s, handler_);
    return *this;
}

JsonWriter& JsonWriter::value(const json& v) {
    switch (v.type()) {
        case json::value_t::object:
            begin_object();
            for (const auto& [name, item] : v.get_ref<const json::object_t&>()) key_of(name).value(item);
            return end_object();
        case json::value_t::array:
            begin_array();
            for (const auto& item : v.get_ref<const json::array_t&>()) value(item);
            return end_array();
        case json::value_t::string: return string(v.get_ref<const std::string&>());
        case json::value_t::boolean: return boolean(v.get<bool>());
        case json::value_t::null: return null();
        case json::value_t::number_integer: return number(v.get<json::number_integer_t>());
        case json::value_t::number_unsigned: return number(v.get<json::number_unsigned_t>());
        // Floating point numbers (nlohmann's shortest form) are nlohmann's to write. So are
        // binary values, which no JSON text holds and resgen never makes.
        default:
            before_value();
            out_ += v.dump(-1, ' ', false, handler_);
            return *this;
    }
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::number(std::int64_t n) {
    before_value();
    append_number(out_, n);
    return *this;
}

JsonWriter& JsonWriter::number(std::uint64_t n) {
    before_value();
    append_number(out_, n);
    return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    empty_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    out_ += bracket;
    empty_.pop_back();
    return *this;
}

}  // namespace resgen
