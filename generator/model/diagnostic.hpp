// A message about the input, located at a file, line and column.
#pragma once
#include <string>
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

}  // namespace resgen
