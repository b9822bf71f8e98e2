#include "render/render.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>

#include "load/source.hpp"

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;
using kainjow::mustache::partial;
using nlohmann::json;

namespace resgen {

namespace {

data to_data(const json& j) {
    switch (j.type()) {
        case json::value_t::object: {
            data d{data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
            return d;
        }
        case json::value_t::array: {
            data d{data::type::list};
            for (const auto& v : j) d.push_back(to_data(v));
            return d;
        }
        // An empty text is false, so that {{#field}}...{{/field}} shows only what is stated.
        case json::value_t::string: {
            const auto& str = j.get_ref<const std::string&>();
            return str.empty() ? data{false} : data{str};
        }
        case json::value_t::boolean: return data{j.get<bool>()};
        case json::value_t::null: return data{false};
        default: return data{j.dump()};
    }
}

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

Renderer::Renderer(const TemplateSet& set, const SiteConfig& config) : set_(set), config_(config) {}

bool Renderer::valid(Diagnostics& diags) const {
    bool ok = true;
    auto check = [&](const std::string& name, const std::string& text) {
        mustache m{text};
        if (!m.is_valid()) {
            diags.push_back({Severity::error, name + ".mustache", 0, 0, m.error_message()});
            ok = false;
        }
    };
    for (const auto& [n, t] : set_.templates) check(n, t);
    for (const auto& [n, t] : set_.partials) check("_" + n, t);
    return ok;
}

std::string Renderer::render(const Page& page) const {
    json ctx = page.context;
    std::string root;
    for (size_t i = 0, n = std::count(page.path.begin(), page.path.end(), '/'); i < n; ++i) root += "../";
    // A page shown at paths other than its own (404.html) names its root itself.
    if (ctx.contains("root")) root = ctx["root"].get<std::string>();
    json nav = json::array();
    for (const auto& item : kNav)
        nav.push_back({{"label", item.label}, {"href", root + item.path}, {"current", page.path == item.path}});
    ctx["site"] = {{"title", config_.title}, {"description", config_.description}, {"language", config_.language}};
    ctx["root"] = root;
    ctx["nav"] = nav;
    ctx["path"] = page.path;
    ctx["template"] = page.template_name;
    ctx["is_" + page.template_name] = true;

    data d = to_data(ctx);
    for (const auto& [name, text] : set_.partials) {
        const std::string* t = &text;
        d.set(name, partial{[t] { return *t; }});
    }
    mustache body{set_.templates.at(page.template_name)};
    d.set("content", body.render(d));
    mustache layout{set_.templates.at("layout")};
    return layout.render(d);
}

}  // namespace resgen
