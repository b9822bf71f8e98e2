#include "render/render.hpp"

#include <algorithm>
#include <regex>

#include "load/source.hpp"
#include "plan/json_object.hpp"

namespace fs = std::filesystem;
using resgen::json;

namespace resgen {

namespace {

struct NavItem {
    const char* label;
    const char* path;
};
const NavItem kNav[] = {{"Home", "index.html"},
                        {"Documents", "documents/index.html"},
                        {"Timeline", "timeline/index.html"}};

// The tags naming `content` in a template's text, standard delimiters assumed, and whether
// the last one is raw ({{{content}}} or {{&content}}).
struct ContentTags {
    size_t count = 0;
    bool raw = false;
};
ContentTags content_tags(const std::string& text) {
    static const std::regex tag(R"(\{\{\s*([#^/&{!>]?)\s*content\s*\}?\}\})");
    ContentTags found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
        ++found.count;
        const std::string sigil = (*it)[1];
        const std::string t = it->str();
        found.raw = (sigil == "{" && t.size() >= 3 && t.compare(t.size() - 3, 3, "}}}") == 0) || sigil == "&";
    }
    return found;
}

// Whether the layout names `content` in one tag only, {{{content}}} or {{&content}}, and no
// partial names it at all: then what stands around it does not depend on the content, and the
// page's own template can be shown in its place, straight into the output. A partial's
// {{#content}} or {{^content}} would show or hide its part by whether the page is empty,
// which the mark standing in for the content cannot tell.
bool has_content_slot(const TemplateSet& set) {
    auto layout = set.templates.find("layout");
    if (layout == set.templates.end() || layout->second.find("{{=") != std::string::npos) return false;
    for (const auto& [name, text] : set.partials)
        if (text.find("{{=") != std::string::npos || content_tags(text).count != 0) return false;
    const ContentTags tags = content_tags(layout->second);
    return tags.count == 1 && tags.raw;
}

// Stands for the content while the layout around it is shown: no text shows it by chance.
const std::string kContentMark = "\x01resgen:content\x01";

}  // namespace

TemplateSet load_templates(const std::vector<fs::path>& dirs, Diagnostics& diags) {
    TemplateSet set;
    std::map<std::string, std::string> assets;
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
            std::string name = entry.path().stem().string();
            try {
                std::string text = read_file(entry.path());
                if (!name.empty() && name[0] == '_') set.partials[name.substr(1)] = std::move(text);
                else set.templates[name] = std::move(text);
            } catch (const std::exception& e) {
                diags.push_back({Severity::error, entry.path().string(), 0, 0, e.what()});
            }
        }
        fs::path adir = dir / "assets";
        if (!fs::is_directory(adir, ec)) continue;
        for (auto it = fs::recursive_directory_iterator(adir, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (ec || !it->is_regular_file()) continue;
            std::string rel = "assets/" + fs::relative(it->path(), adir).generic_string();
            assets[rel] = read_file(it->path());
        }
    }
    for (auto& [path, bytes] : assets) set.assets.push_back({path, std::move(bytes)});
    for (const char* required : {"layout", "home", "documents", "timeline", "document", "search", "not_found"})
        if (!set.templates.count(required))
            diags.push_back({Severity::error, std::string(required) + ".mustache", 0, 0,
                             "template not found in the template folders"});
    return set;
}

Renderer::Renderer(const TemplateSet& set, const SiteConfig& config) : set_(set), config_(config) {
    for (const auto& [name, text] : set_.templates) templates_.emplace(name, Template{text});
    for (const auto& [name, text] : set_.partials) partials_.emplace(name, Template{text});
    content_slot_ = has_content_slot(set_);
}

Renderer::~Renderer() = default;

bool Renderer::valid(Diagnostics& diags) const {
    bool ok = true;
    auto check = [&](const std::string& file, const Template& t) {
        if (t.valid()) return;
        diags.push_back({Severity::error, file, 0, 0, t.error()});
        ok = false;
    };
    for (const auto& [n, t] : templates_) check(n + ".mustache", t);
    for (const auto& [n, t] : partials_) check("_" + n + ".mustache", t);
    return ok;
}

std::string Renderer::render(const Page& page) const {
    std::string out;
    render(page, [&out](std::string_view piece) { out += piece; });
    return out;
}

void Renderer::render(const Page& page, const TextSink& sink) const {
    if (!page.make_context) return show(page, page.context, nullptr, sink);
    // An outline is made whole here, on the rendering thread, and let go with the page.
    const PageContext context = page_context(page);
    show(page, context.tree, &context, sink);
}

void Renderer::show(const Page& page, const json& context, const PageContext* views, const TextSink& sink) const {
    std::string root;
    for (size_t i = 0, n = std::count(page.path.begin(), page.path.end(), '/'); i < n; ++i) root += "../";
    // A page shown at paths other than its own (404.html) names its root itself.
    if (context.is_object() && context.contains("root") && context["root"].is_string())
        root = context["root"].get<std::string>();
    json nav = json::array();
    for (const auto& item : kNav)
        nav.push_back(object_of("label", item.label, "href", root + item.path, "current", page.path == item.path));

    // What every page has sits above the page's own context, so it wins on a clash.
    json common = object_of("site", object_of("title", config_.title, "description", config_.description, "language", config_.language),
                            "root", root, "nav", std::move(nav), "path", page.path, "template", page.template_name,
                            "is_" + page.template_name, true);
    std::vector<const json*> scopes;
    if (context.is_object()) scopes.push_back(&context);
    scopes.push_back(&common);
    const Template& layout = templates_.at("layout");
    const Template& own = templates_.at(page.template_name);

    // The layout around a mark, then the page's template in the mark's place, given to the
    // sink as its lines end: the timeline of 10,000 documents (5.6 MB) was made whole twice
    // over, its content and then the page, at the build's peak memory.
    if (content_slot_) {
        std::string frame;
        common["content"] = kContentMark;
        layout.render(scopes, partials_, frame, nullptr, views);
        const size_t at = frame.find(kContentMark);
        common.erase("content");  // the page's template is shown without it, as below
        if (at != std::string::npos && frame.find(kContentMark, at + 1) == std::string::npos) {
            // Room for what the walk keeps before it flushes: grown from the frame's head, the
            // text of a document page was copied some six times over.
            std::string out;
            out.reserve(Template::kFlushAt + 16 * 1024);
            out.append(frame, 0, at);
            own.render(scopes, partials_, out, &sink, views);
            out.append(frame, at + kContentMark.size());
            sink(out);
            return;
        }
    }
    std::string body;
    body.reserve(64 * 1024);
    own.render(scopes, partials_, body, nullptr, views);
    std::string out;
    out.reserve(body.size() + 8 * 1024);
    common["content"] = std::move(body);
    layout.render(scopes, partials_, out, nullptr, views);
    sink(out);
}

}  // namespace resgen
