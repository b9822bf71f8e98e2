// Stage `render`: a planned page and its Mustache template become the bytes of an HTML file.
// Templates are read once, from the built-in folder and then from a site's own folder, whose
// files of the same name take precedence.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/json.hpp"

#include "config/config.hpp"
#include "model/diagnostic.hpp"
#include "plan/plan.hpp"
#include "render/template.hpp"

namespace resgen {

struct OutputFile {
    std::string path;   // relative to the output folder, '/' separated
    std::string bytes;
};

struct TemplateSet {
    std::map<std::string, std::string> templates;  // "document" -> text of document.mustache
    std::map<std::string, std::string> partials;   // "header" -> text of _header.mustache
    std::vector<OutputFile> assets;                // assets/** as they are
};

// Reads `<dir>/*.mustache` and `<dir>/assets/**` of each folder in turn; later folders
// override earlier ones file by file. A folder that does not exist is skipped.
TemplateSet load_templates(const std::vector<std::filesystem::path>& dirs, Diagnostics& diags);

class Renderer {
public:
    Renderer(const TemplateSet& set, const SiteConfig& config);
    ~Renderer();
    // Checks every template compiles; reports errors naming the template.
    bool valid(Diagnostics& diags) const;
    // The page's template inside layout.mustache. Safe to call from several threads.
    std::string render(const Page& page) const;
    // The same, given to `sink` in pieces as it is made, when the layout shows the page's
    // content once, unescaped ({{{content}}}), and no partial names it; else whole.
    void render(const Page& page, const TextSink& sink) const;

private:
    // The page shown with `context`, whose references name the views of `views`.
    void show(const Page& page, const resgen::json& context, const PageContext* views, const TextSink& sink) const;

    const TemplateSet& set_;
    SiteConfig config_;
    std::map<std::string, Template> templates_;   // compiled once, shared by every thread
    Template::Partials partials_;
    bool content_slot_ = false;  // layout.mustache names `content` once, as {{{content}}}; no partial does
};

}  // namespace resgen
