// HTML escaping, for element content and attribute values: of the text resgen writes into
// pages itself (plan) and of the values templates show (render).
#pragma once
#include <string>
#include <string_view>

#include "model/bytes.hpp"

namespace resgen {

// Appends `text` with &, <, >, " and ' escaped; runs without one are copied whole, and found
// eight bytes at a time. The apostrophe's entity is the caller's: resgen's own HTML writes
// &#39;, and the template walk writes &apos;, as kainjow's renderer does.
inline void append_escaped_html(std::string& out, std::string_view text, const char* apostrophe = "&#39;") {
    const char* p = text.data();
    const size_t n = text.size();
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        size_t end = n;  // the bytes to look at one by one: a word with one to escape, or the tail
        if (i + 8 <= n) {
            const std::uint64_t w = bytes::load_word(p + i);
            if (!(bytes::has_byte(w, '&') | bytes::has_byte(w, '<') | bytes::has_byte(w, '>') |
                  bytes::has_byte(w, '"') | bytes::has_byte(w, '\''))) {
                i += 8;
                continue;
            }
            end = i + 8;
        }
        for (; i < end; ++i) {
            const char* entity;
            switch (p[i]) {
                case '&': entity = "&amp;"; break;
                case '<': entity = "&lt;"; break;
                case '>': entity = "&gt;"; break;
                case '"': entity = "&quot;"; break;
                case '\'': entity = apostrophe; break;
                default: continue;
            }
            out.append(p + run, i - run);
            out += entity;
            run = i + 1;
        }
    }
    out.append(p + run, n - run);
}

}  // namespace resgen
