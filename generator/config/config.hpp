// site.yml: what a site says about itself.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace resgen {

struct SiteConfig {
    std::string title = "Resolutions";
    std::string description;
    std::string language = "en";
    std::string base_url;                       // absolute, ending in '/'; empty when not set
    std::vector<std::string> preambular_phrases;  // added to the built-in table
    bool allow_html = false;  // raw HTML in the Markdown reaches the page (through GFM's tag filter)
};

// Reads `content_dir/site.yml` if it exists; a missing file gives the defaults.
SiteConfig load_config(const std::filesystem::path& content_dir, Diagnostics& diags);

// Parses site.yml text (for tests). `path` names it in diagnostics.
SiteConfig parse_config(const std::string& text, const std::string& path, Diagnostics& diags);

}  // namespace resgen
