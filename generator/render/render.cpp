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

// kainjow's data copies what it is given (deeply); these put a value in place and move it
// there, so that converting a page's context costs its size once, not once per level.
void set_moved(data& object, const std::string& key, data&& value) {
    object.set(key, data{false});
    *const_cast<data*>(object.get(key)) = std::move(value);
}

void push_moved(data& list, data&& value) {
    list.push_back(data{false});
    const_cast<data&>(list.list_value().back()) = std::move(value);
}

data to_data(const json& j) {
    switch (j.type()) {
        case json::value_t::object: {
            data d{data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) set_moved(d, it.key(), to_data(it.value()));
            return d;
        }
        case json::value_t::array: {
            data d{data::type::list};
            for (const auto& v : j) push_moved(d, to_data(v));
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

// A partial kainjow is handed is parsed again each time it is shown (the genealogy, once per
// paragraph of a document page). So a partial tag inside a line is replaced by the partial's
// text before compiling: the same output, parsed once. A standalone tag (alone on its line)
// is left to kainjow, since the spec indents what it shows; so is anything in a template
// that changes the delimiters, and partials nested deeper than a few levels.
std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials, int depth = 0) {
    if (depth > 4 || text.find("{{=") != std::string::npos) return text;
    std::string out;
    size_t pos = 0;
    while (true) {
        size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(" \t"));
        name.erase(name.find_last_not_of(" \t") + 1);
        size_t line_start = text.rfind('\n', open);
        line_start = line_start == std::string::npos ? 0 : line_start + 1;
        size_t line_end = text.find('\n', close);
        if (line_end == std::string::npos) line_end = text.size();
        auto blank = [&](size_t from, size_t to) {
            return text.find_first_not_of(" \t\r", from) >= to;
        };
        bool standalone = blank(line_start, open) && blank(close + 2, line_end);
        auto it = partials.find(name);
        out.append(text, pos, open - pos);
        if (standalone || it == partials.end() || it->second.find("{{=") != std::string::npos)
            out.append(text, open, close + 2 - open);
        else
            out += inline_partials(it->second, partials, depth + 1);
        pos = close + 2;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

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

struct Renderer::Compiled {
    std::map<std::string, mustache> templates;
};

Renderer::Renderer(const TemplateSet& set, const SiteConfig& config)
    : set_(set), config_(config), prototype_(std::make_unique<Compiled>()) {
    for (const auto& [name, text] : set_.templates)
        prototype_->templates.emplace(name, mustache{inline_partials(text, set_.partials)});
}

Renderer::~Renderer() = default;

std::unique_ptr<Renderer::Compiled> Renderer::borrow() const {
    {
        std::lock_guard<std::mutex> lock(pool_mutex_);
        if (!pool_.empty()) {
            auto c = std::move(pool_.back());
            pool_.pop_back();
            return c;
        }
    }
    return std::make_unique<Compiled>(*prototype_);
}

void Renderer::give_back(std::unique_ptr<Compiled> c) const {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    pool_.push_back(std::move(c));
}

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
    // An outline is made whole here, on the rendering thread, and let go with the page.
    if (page.make_context) return render(Page{page.path, page.template_name, page_context(page), {}, {}});
    std::string root;
    for (size_t i = 0, n = std::count(page.path.begin(), page.path.end(), '/'); i < n; ++i) root += "../";
    // A page shown at paths other than its own (404.html) names its root itself.
    if (page.context.is_object() && page.context.contains("root") && page.context["root"].is_string())
        root = page.context["root"].get<std::string>();
    data nav{data::type::list};
    for (const auto& item : kNav) {
        data n{data::type::object};
        n.set("label", item.label);
        n.set("href", root + item.path);
        n.set("current", data{page.path == item.path});
        push_moved(nav, std::move(n));
    }
    data site{data::type::object};
    site.set("title", to_data(config_.title));
    site.set("description", to_data(config_.description));
    site.set("language", to_data(config_.language));

    // The page's own context first, then what every page has (which wins on a clash).
    data d = page.context.is_object() ? to_data(page.context) : data{data::type::object};
    set_moved(d, "site", std::move(site));
    d.set("root", to_data(root));
    set_moved(d, "nav", std::move(nav));
    d.set("path", page.path);
    d.set("template", page.template_name);
    d.set("is_" + page.template_name, data{true});
    for (const auto& [name, text] : set_.partials) {
        const std::string* t = &text;
        d.set(name, partial{[t] { return *t; }});
    }

    std::unique_ptr<Compiled> c = borrow();
    std::string body, out;
    body.reserve(64 * 1024);
    c->templates.at(page.template_name).render(d, [&body](const std::string& s) { body += s; });
    set_moved(d, "content", data{std::move(body)});
    out.reserve(body.size() + 8 * 1024);
    c->templates.at("layout").render(d, [&out](const std::string& s) { out += s; });
    give_back(std::move(c));
    return out;
}

}  // namespace resgen
