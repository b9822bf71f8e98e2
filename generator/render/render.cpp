#include "render/render.hpp"

#include <algorithm>

#include "load/source.hpp"
#include "plan/json_object.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace resgen {

namespace {

struct NavItem {
    const char* label;
    const char* path;
};
const NavItem kNav[] = {{"Home", "index.html"},
                        {"Documents", "documents/index.html"},
                        {"Timeline", "timeline/index.html"}};

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
    // An outline is made whole here, on the rendering thread, and let go with the page.
    if (page.make_context) return render(Page{page.path, page.template_name, page_context(page), {}, {}});
    std::string root;
    for (size_t i = 0, n = std::count(page.path.begin(), page.path.end(), '/'); i < n; ++i) root += "../";
    // A page shown at paths other than its own (404.html) names its root itself.
    if (page.context.is_object() && page.context.contains("root") && page.context["root"].is_string())
        root = page.context["root"].get<std::string>();
    json nav = json::array();
    for (const auto& item : kNav)
        nav.push_back(object_of("label", item.label, "href", root + item.path, "current", page.path == item.path));

    // What every page has sits above the page's own context, so it wins on a clash.
    json common = object_of("site", object_of("title", config_.title, "description", config_.description, "language", config_.language),
                            "root", root, "nav", std::move(nav), "path", page.path, "template", page.template_name,
                            "is_" + page.template_name, true);
    std::vector<const json*> scopes;
    if (page.context.is_object()) scopes.push_back(&page.context);
    scopes.push_back(&common);

    std::string body;
    body.reserve(64 * 1024);
    templates_.at(page.template_name).render(scopes, partials_, body);
    std::string out;
    out.reserve(body.size() + 8 * 1024);
    common["content"] = std::move(body);
    templates_.at("layout").render(scopes, partials_, out);
    return out;
}

}  // namespace resgen
