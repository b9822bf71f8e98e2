#include <iostream>
#include <memory>

#include "bundle/bundle.hpp"
#include "cli/commands.hpp"
#include "site/site.hpp"

namespace resgen::cli {

namespace {

struct BundleOptions {
    std::string content = "content", out = "site.zip", templates;
};

}  // namespace

void add_bundle_command(CLI::App& app, Action& run) {
    auto o = std::make_shared<BundleOptions>();
    CLI::App* cmd = app.add_subcommand("bundle", bundle_summary);
    cmd->add_option("--content", o->content, "folder of the content files and site.yml")->capture_default_str();
    cmd->add_option("--templates", o->templates, "folder of templates that replace the built-in ones, file by file");
    cmd->add_option("--out", o->out, "the zip file to write (replaced only if resgen wrote it)")->capture_default_str();
    cmd->callback([o, &run] {
        run = [o] {
            BuildOptions b;
            b.content_dir = o->content;
            if (!o->templates.empty()) b.templates_dir = o->templates;
            b.offline = true;
            Site site = make_site(b);
            Diagnostics& diags = site.diagnostics;
            if (!has_errors(diags)) {
                std::string bytes = zip_bundle(site.files, bundle_folder_name(o->out), diags);
                if (!has_errors(diags) && write_bundle(o->out, bytes, diags)) {
                    for (const auto& d : diags) std::cerr << format_diagnostic(d) << '\n';
                    size_t docs = 0;
                    for (const auto& d : site.corpus.documents) docs += d.in_collection;
                    std::cout << "Bundled " << docs << " documents, " << site.files.size() << " files into " << o->out
                              << " (" << bytes.size() << " bytes); unzip it and open " << bundle_folder_name(o->out)
                              << "/index.html\n";
                    return int(ok);
                }
            }
            for (const auto& d : diags) std::cerr << format_diagnostic(d) << '\n';
            std::cerr << "resgen: bundle failed; " << o->out << " was left as it was\n";
            return int(content_error);
        };
    });
}

}  // namespace resgen::cli
