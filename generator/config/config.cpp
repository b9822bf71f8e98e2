#include "config/config.hpp"

#include <yaml-cpp/yaml.h>

#include "load/source.hpp"

namespace resgen {

SiteConfig parse_config(const std::string& text, const std::string& path, Diagnostics& diags) {
    SiteConfig cfg;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        diags.push_back({Severity::error, path, e.mark.line + 1, e.mark.column + 1, e.msg});
        return cfg;
    }
    if (!root || root.IsNull()) return cfg;
    if (!root.IsMap()) {
        diags.push_back({Severity::error, path, 1, 1, "site.yml must be a mapping of keys to values"});
        return cfg;
    }
    for (const auto& kv : root) {
        const std::string key = kv.first.as<std::string>("");
        const YAML::Node& v = kv.second;
        auto at = [&](Severity s, std::string msg) {
            diags.push_back({s, path, v.Mark().line + 1, v.Mark().column + 1, std::move(msg)});
        };
        try {
            if (key == "title") cfg.title = v.as<std::string>();
            else if (key == "description") cfg.description = v.as<std::string>();
            else if (key == "language") cfg.language = v.as<std::string>();
            else if (key == "base_url") cfg.base_url = v.as<std::string>();
            else if (key == "allow_html") cfg.allow_html = v.as<bool>();
            else if (key == "preambular_phrases") cfg.preambular_phrases = v.as<std::vector<std::string>>();
            else at(Severity::warning, "unknown key '" + key + "' in site.yml");
        } catch (const YAML::Exception&) {
            at(Severity::error, "'" + key + "' has a value of the wrong type");
        }
    }
    if (!cfg.base_url.empty() && cfg.base_url.back() != '/') cfg.base_url += '/';
    return cfg;
}

SiteConfig load_config(const std::filesystem::path& content_dir, Diagnostics& diags) {
    auto file = content_dir / "site.yml";
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    return parse_config(read_file(file), "site.yml", diags);
}

}  // namespace resgen
