// A message about the input, located at a file, line and column.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace resgen {

enum class Severity { note, warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string path;   // as given on the command line or relative to the content folder
    int line = 0;       // 1-based; 0 when the message concerns the whole file
    int column = 0;     // 1-based, in characters; 0 when unknown
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

inline const char* severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

// "path:line:col: error: message", the form editors and their tools understand.
std::string format_diagnostic(const Diagnostic& d);
bool has_errors(const Diagnostics& ds);

// The offending source line and a caret under the column, each line indented by two spaces:
//   "  *Recalling* its resolution 12/34,\n                ^\n". Tabs before the column are kept
// so that the caret lines up. Empty when the line is empty or the column unknown.
std::string caret_lines(std::string_view line_text, int column);

// A GitHub Actions workflow command: "::error file=p,line=l,col=c::message", with the
// characters the runner treats specially escaped.
std::string format_github(const Diagnostic& d);

}  // namespace resgen
