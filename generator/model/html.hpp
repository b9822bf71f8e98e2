// HTML escaping, for element content and attribute values: of the text resgen writes into
// pages itself (plan) and of the values templates show (render).
#pragma once
#include <string>
#include <string_view>

namespace resgen {

// Appends `text` with &, <, >, " and ' escaped; runs without one are copied whole. The
// apostrophe's entity is the caller's: resgen's own HTML writes &#39;, and the template walk
// writes &apos;, as kainjow's renderer does.
inline void append_escaped_html(std::string& out, std::string_view text, const char* apostrophe = "&#39;") {
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char* entity;
        switch (text[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = apostrophe; break;
            default: continue;
        }
        out.append(text.data() + run, i - run);
        out += entity;
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

}  // namespace resgen
