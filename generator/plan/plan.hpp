// Stage `plan`: the Corpus becomes the list of files to write, each page with the data its
// template shows. Pure: nothing here reads or writes files.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "resolve/corpus.hpp"

namespace resgen {

struct Page {
    std::string path;           // relative to the output folder: "E/RES/2003/28/index.html"
    std::string template_name;  // "document", "home", "timeline", "documents"
    nlohmann::json context;     // what the template shows
    std::vector<std::string> depends_on;  // keys of the documents whose change changes this page
};

// A file written as it is (a data file).
struct DataFile {
    std::string path;
    std::string bytes;
};

struct Plan {
    std::vector<Page> pages;
    std::vector<DataFile> data;
};

Plan plan_site(const Corpus& corpus, const SiteConfig& config);

// Where a document's page lives: "E/RES/2003/28/index.html", "doc/<id>/index.html".
std::string page_path(const Document& doc);

// The way from one page to another: relative, naming index.html, so that the site works under
// any sub-path and from file://.
std::string relative_url(const std::string& from_page, const std::string& to_path);

}  // namespace resgen
