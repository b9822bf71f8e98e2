// resgen import FILE [--out DIR] [--force] [--verbose] [--words FILE]
//
// Reads a raw text, writes the content file to standard output or to DIR/<name>.md, and
// reports on standard error: every repair with --verbose, always the counts and warnings.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "import/import.hpp"

namespace resgen::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultWordList = "/usr/share/dict/words";

struct ImportArgs {
    std::string input;
    std::string out_dir;
    std::string words;
    bool force = false;
    bool verbose = false;
};

bool read_file(const std::string& path, std::string& text) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        text = ss.str();
        return !std::cin.bad();
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    return !in.bad();
}

}  // namespace

bool write_file(const fs::path& target, const std::string& text, bool force, std::string& error) {
    std::error_code ec;
    if (!target.parent_path().empty()) fs::create_directories(target.parent_path(), ec);
    if (ec) {
        error = "cannot create " + target.parent_path().string() + ": " + ec.message();
        return false;
    }
    if (!force) {
        // "x": fail if the file exists, with no window between the test and the creation
        std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(target.c_str(), "wx"), &std::fclose);
        if (!f) {
            error = fs::exists(target, ec)
                        ? target.string() + " exists; not overwritten (use --force to replace it)"
                        : "cannot write " + target.string();
            return false;
        }
        if (std::fwrite(text.data(), 1, text.size(), f.get()) != text.size()) {
            error = "cannot write " + target.string();
            return false;
        }
        return true;
    }
    fs::path tmp = target;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            error = "cannot write " + tmp.string();
            return false;
        }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        error = "cannot replace " + target.string() + ": " + ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

namespace {

std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '\n') ? ' ' : c;
    return out;
}

int run_import(const ImportArgs& args) {
    const std::string shown = args.input == "-" ? "<stdin>" : args.input;
    std::string raw;
    if (!read_file(args.input, raw)) {
        std::cerr << shown << ": error: cannot read the file\n";
        return content_error;
    }

    std::unordered_set<std::string> words;
    ImportOptions options;
    std::string list_path = args.words.empty() ? kDefaultWordList : args.words;
    std::string list_text;
    if (args.words != "none" && read_file(list_path, list_text)) {
        words = parse_word_list(list_text);
        options.words = &words;
    } else if (!args.words.empty() && args.words != "none") {
        std::cerr << args.words << ": error: cannot read the word list\n";
        return content_error;
    }

    ImportResult result = import_text(raw, shown, options);

    if (args.verbose) {
        for (const Repair& r : result.repairs)
            std::cerr << shown << ":" << r.line << ": " << repair_kind_name(r.kind) << ": \""
                      << one_line(r.before) << "\" -> \"" << one_line(r.after) << "\"\n";
    }
    std::map<std::string, int> counts;
    for (const Repair& r : result.repairs) ++counts[repair_kind_name(r.kind)];
    std::cerr << shown << ": " << result.repairs.size() << " repair(s)";
    const char* sep = ": ";
    for (const auto& [kind, n] : counts) {
        std::cerr << sep << n << " " << kind;
        sep = ", ";
    }
    std::cerr << "; " << result.diagnostics.size() << " warning(s)"
              << (options.words ? "" : "; no word list (the document's own words decide)")
              << "\n";
    for (const Diagnostic& d : result.diagnostics) std::cerr << format_diagnostic(d) << "\n";

    if (args.out_dir.empty()) {
        std::cout << result.markdown;
        std::cout.flush();
        return std::cout ? ok : content_error;
    }
    fs::path target = fs::path(args.out_dir) / (result.name + ".md");
    std::string error;
    if (!write_file(target, result.markdown, args.force, error)) {
        std::cerr << "resgen import: error: " << error << "\n";
        return content_error;
    }
    std::cerr << shown << ": wrote " << target.string() << "\n";
    return ok;
}

}  // namespace

void add_import_command(CLI::App& app, Action& run) {
    auto args = std::make_shared<ImportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "import", "turn a raw text (extracted from a PDF, or Markdown-ish) into a content file");
    cmd->add_option("FILE", args->input, "the raw text ('-' for standard input)")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--out,-o", args->out_dir,
                    "write DIR/<name>.md (name from the symbol, else the id) instead of "
                    "standard output")
        ->type_name("DIR");
    cmd->add_flag("--force,-f", args->force, "replace an existing file in --out");
    cmd->add_flag("--verbose,-v", args->verbose, "print every repair made");
    cmd->add_option("--words", args->words,
                    std::string("word list for re-joining split words (default: ") +
                        kDefaultWordList + " when present; 'none' for none)")
        ->type_name("FILE");
    cmd->callback([args, &run] { run = [args] { return run_import(*args); }; });
}

}  // namespace resgen::cli
