#include "model/diagnostic.hpp"

#include <algorithm>

namespace resgen {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.path;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line);
        if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
    out += severity_name(d.severity);
    out += ": ";
    out += d.message;
    return out;
}

bool has_errors(const Diagnostics& ds) {
    return std::any_of(ds.begin(), ds.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string caret_lines(std::string_view line_text, int column) {
    if (column <= 0 || line_text.empty()) return {};
    std::string pad;
    int chars = 0;
    // Columns count characters, not bytes: skip UTF-8 continuation bytes.
    for (size_t i = 0; i < line_text.size() && chars < column - 1; ++i) {
        unsigned char c = static_cast<unsigned char>(line_text[i]);
        if ((c & 0xC0) == 0x80) continue;
        pad += c == '\t' ? '\t' : ' ';
        ++chars;
    }
    std::string out = "  ";
    for (char c : line_text) out += (c == '\r' || c == '\n') ? ' ' : c;
    out += "\n  " + pad + "^\n";
    return out;
}

namespace {

// What the runner's command parser would otherwise read as structure.
std::string escape_github(std::string_view s, bool property) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            case ':': out += property ? "%3A" : ":"; break;
            case ',': out += property ? "%2C" : ","; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string format_github(const Diagnostic& d) {
    std::string out = "::";
    out += d.severity == Severity::note ? "notice" : severity_name(d.severity);
    out += " file=" + escape_github(d.path, true);
    if (d.line > 0) out += ",line=" + std::to_string(d.line);
    if (d.line > 0 && d.column > 0) out += ",col=" + std::to_string(d.column);
    out += "::" + escape_github(d.message, false);
    return out;
}

}  // namespace resgen
