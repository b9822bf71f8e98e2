// Reads a built site as a crawler would: its pages, their links and their anchors.
#pragma once
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "load/source.hpp"

namespace site_check {

namespace fs = std::filesystem;

inline std::vector<std::string> attribute_values(const std::string& html, const std::string& attr) {
    std::vector<std::string> out;
    std::regex re("\\s" + attr + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

inline std::string unescape(std::string s) {
    for (auto [from, to] : {std::pair{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}}) {
        size_t p;
        while ((p = s.find(from)) != std::string::npos) s.replace(p, std::string(from).size(), to);
    }
    return s;
}

// Every internal link of every HTML page under `root` that does not resolve to an existing
// file and, with a fragment, to an element id of that file: "page -> href".
inline std::vector<std::string> broken_links(const fs::path& root) {
    std::map<std::string, std::set<std::string>> ids;
    std::map<std::string, std::string> pages;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || e.path().extension() != ".html") continue;
        std::string rel = fs::relative(e.path(), root).generic_string();
        pages[rel] = resgen::read_file(e.path());
        for (const auto& id : attribute_values(pages[rel], "id")) ids[rel].insert(id);
    }
    std::vector<std::string> broken;
    for (const auto& [rel, html] : pages) {
        for (std::string href : attribute_values(html, "href")) {
            href = unescape(href);
            if (href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0)
                continue;
            std::string path = href.substr(0, href.find('#'));
            std::string frag = href.find('#') == std::string::npos ? "" : href.substr(href.find('#') + 1);
            fs::path target = path.empty() ? root / rel : (root / rel).parent_path() / path;
            target = target.lexically_normal();
            std::string trel = fs::relative(target, root).generic_string();
            bool ok = fs::is_regular_file(target) && trel.rfind("..", 0) != 0;
            if (ok && !frag.empty()) ok = ids[trel].count(frag) > 0;
            if (!ok) broken.push_back(rel + " -> " + href);
        }
    }
    return broken;
}

// Resources a page would load from outside the site (scripts, styles, images, fonts).
inline std::vector<std::string> external_loads(const std::string& html) {
    std::vector<std::string> out;
    for (const auto& src : attribute_values(html, "src"))
        if (src.find("//") != std::string::npos) out.push_back(src);
    std::regex link_re("<link[^>]*href=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), link_re); it != std::sregex_iterator(); ++it) {
        std::string tag = it->str();
        if (tag.find("rel=\"canonical\"") != std::string::npos || tag.find("rel=\"alternate\"") != std::string::npos)
            continue;
        if ((*it)[1].str().find("//") != std::string::npos) out.push_back((*it)[1]);
    }
    if (html.find("@import") != std::string::npos || html.find("url(http") != std::string::npos)
        out.push_back("css import");
    return out;
}

// The target page of the first citation link inside the element with this id.
inline std::string first_citation_target(const std::string& html, const std::string& id) {
    size_t at = html.find("id=\"" + id + "\"");
    if (at == std::string::npos) return "";
    size_t end = html.find("</p>", at);
    size_t a = html.find("<a class=\"cite", at);
    if (a == std::string::npos || a > end) return "";
    size_t h = html.find("href=\"", a) + 6;
    return html.substr(h, html.find('"', h) - h);
}

}  // namespace site_check
