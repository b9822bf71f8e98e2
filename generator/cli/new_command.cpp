// resgen new [SYMBOL] [--id ID] --title TITLE [--body ORGAN] [--kind KIND] [--date DATE]
//            [--content DIR]
//
// Begins the content file of a document an editor adds: DIR/<name>.md with the front matter
// stated and the voice line, ready to be filled in while `resgen serve` shows it. It never
// replaces a file, and refuses a symbol another file of the folder already has.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "import/import.hpp"
#include "load/source.hpp"
#include "model/organ.hpp"
#include "parse/parse.hpp"

namespace resgen::cli {

namespace {

namespace fs = std::filesystem;

struct NewArgs {
    NewDocument document;
    std::string content = "content";
};

// The file of the folder whose document has this key, and the line of its key; empty if none.
// Files that cannot be read or whose front matter is broken are a build's to report.
std::pair<std::string, int> holder_of(const fs::path& content, const std::string& key) {
    std::error_code ec;
    if (!fs::is_directory(content, ec)) return {};
    Diagnostics ignored;
    for (const Source& src : load_sources(content, ignored)) {
        Metadata m = parse_front_matter(src, ignored);
        const std::string& k = m.symbol.empty() ? m.id : m.symbol;
        if (k != key) continue;
        // The line of its `symbol:` (or `id:`).
        const std::string field = m.symbol.empty() ? "id:" : "symbol:";
        int line = src.front_matter_line;
        for (size_t at = 0; at < src.front_matter.size(); ++line) {
            if (src.front_matter.compare(at, field.size(), field) == 0) break;
            at = src.front_matter.find('\n', at);
            if (at == std::string::npos) break;
            ++at;
        }
        return {src.path, std::max(line, 1)};
    }
    return {};
}

int run_new(const NewArgs& args) {
    ImportResult made = new_document(args.document);
    if (made.markdown.empty()) {
        for (const Diagnostic& d : made.diagnostics) std::cerr << "resgen new: error: " << d.message << "\n";
        return usage_error;
    }
    const NewDocument& doc = args.document;
    const std::string key = doc.symbol.empty() ? doc.id : canonical_symbol(doc.symbol);
    if (auto [path, line] = holder_of(args.content, key); !path.empty()) {
        std::cerr << "resgen new: error: " << key << " is already the document of "
                  << (fs::path(args.content) / path).generic_string() << ":" << line << "\n";
        return content_error;
    }
    const fs::path target = fs::path(args.content) / (made.name + ".md");
    std::string error;
    if (!write_file(target, made.markdown, false, error)) {
        std::cerr << "resgen new: error: " << error << "\n";
        return content_error;
    }
    std::cout << "wrote " << target.generic_string() << "; its text goes after the front matter\n";
    return ok;
}

}  // namespace

void add_new_command(CLI::App& app, Action& run) {
    auto args = std::make_shared<NewArgs>();
    CLI::App* cmd = app.add_subcommand("new", "begin the content file of a document to add: its front matter and voice line");
    cmd->add_option("SYMBOL", args->document.symbol, "the document's symbol, e.g. E/RES/2010/5")->type_name("SYMBOL");
    cmd->add_option("--id", args->document.id, "a short id ([a-z0-9-]+) for a document whose symbol is not stated");
    cmd->add_option("--title", args->document.title, "its title, as the source states it");
    cmd->add_option("--body", args->document.body,
                    "the organ whose document it is (default: the one the symbol names)");
    cmd->add_option("--kind", args->document.kind, "resolution, draft, decision or report (default: what the symbol says)");
    cmd->add_option("--date", args->document.date, "its date of adoption (of issue, for a draft), yyyy-mm-dd");
    cmd->add_option("--content", args->content, "folder of the content files")->capture_default_str();
    cmd->callback([args, &run] { run = [args] { return run_new(*args); }; });
}

}  // namespace resgen::cli
