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
    // A document page planned without its context (PlanOptions::defer_documents): the
    // document whose page it is; plan_context() fills the context when the page is rendered.
    const Document* deferred = nullptr;
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

struct PlanOptions {
    // Leave the contexts of document pages to plan_context(), which plans each on demand.
    // Only for uses that need no more than document_page() gives: the steps of plan_site that
    // annotate document pages afterwards (the living text, data links) do not see them.
    bool defer_documents = false;
};

Plan plan_site(const Corpus& corpus, const SiteConfig& config, const PlanOptions& options = {});

// The page with its context: `page` itself when it has one, else its document's page planned now.
Page plan_context(const Page& page, const Corpus& corpus, const SiteConfig& config);

// Where a document's page lives: "E/RES/2003/28/index.html", "doc/<id>/index.html".
std::string page_path(const Document& doc);

// The way from one page to another: relative, naming index.html, so that the site works under
// any sub-path and from file://.
std::string relative_url(const std::string& from_page, const std::string& to_path);

}  // namespace resgen
