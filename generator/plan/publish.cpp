#include "plan/publish.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "parallel/stop.hpp"
#include "plan/labels.hpp"
#include "plan/pages.hpp"
#include "plan/text.hpp"

namespace resgen {

// The HTML escapes are XML's too (&#39; is a character reference in both).
std::string escape_xml(std::string_view text) { return escape_html(text); }

std::string absolute_url(const SiteConfig& config, const std::string& path) {
    return config.base_url.empty() ? "" : config.base_url + path;
}

namespace {

const char* const kNotFoundPath = "404.html";

// A sitemap or feed address: absolute with a base URL, else relative to the site's root.
std::string site_url(const SiteConfig& config, const std::string& path) {
    return config.base_url.empty() ? path : config.base_url + path;
}

// An Atom id must be an IRI; without a base URL the page path is named under urn:resgen:.
std::string atom_id(const SiteConfig& config, const std::string& path) {
    return config.base_url.empty() ? "urn:resgen:" + path : config.base_url + path;
}

std::string atom_time(const std::string& iso_date) { return iso_date + "T00:00:00Z"; }

// What a link preview says of a document, from stated facts only.
std::string document_description(const Document& d) {
    std::string text = kind_label(d.meta.kind);
    if (!d.meta.body.empty()) text += " of the " + d.meta.body;
    if (!d.meta.date.empty()) text += ", " + display_date(d.meta.date);
    if (!d.in_collection) text += " (outside the collection)";
    if (!d.meta.title.empty()) text += ": " + d.meta.title;
    return text;
}

}  // namespace

DataFile sitemap_xml(const Plan& plan, const SiteConfig& config) {
    std::vector<std::string> paths;
    for (const auto& p : plan.pages)
        if (p.path != kNotFoundPath) paths.push_back(p.path);
    std::sort(paths.begin(), paths.end());
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& p : paths) xml += "<url><loc>" + escape_xml(site_url(config, p)) + "</loc></url>\n";
    xml += "</urlset>\n";
    return {"sitemap.xml", xml};
}

DataFile robots_txt(const SiteConfig& config) {
    std::string text = "User-agent: *\nAllow: /\n";
    if (!config.base_url.empty()) text += "Sitemap: " + config.base_url + "sitemap.xml\n";
    return {"robots.txt", text};
}

namespace {

// The feed's text, given to `sink` in pieces of about kFeedPiece bytes.
constexpr size_t kFeedPiece = 64 << 10;

void write_atom_feed(const Corpus& corpus, const SiteConfig& config, const TextSink& sink) {
    auto docs = chronological(corpus, true);
    std::reverse(docs.begin(), docs.end());  // newest first
    std::string newest;
    for (const Document* d : docs) newest = std::max(newest, d->meta.date);
    // The feed changes when its newest document does; an undated entry borrows that date
    // for <updated> (required by Atom) but has no <published>, which would state an adoption date.
    std::string updated = atom_time(newest.empty() ? "1970-01-01" : newest);

    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
    if (!config.base_url.empty()) xml += " xml:base=\"" + escape_xml(config.base_url) + "\"";
    xml += ">\n";
    xml += "<title>" + escape_xml(config.title) + "</title>\n";
    if (!config.description.empty()) xml += "<subtitle>" + escape_xml(config.description) + "</subtitle>\n";
    xml += "<id>" + escape_xml(atom_id(config, "")) + "</id>\n";
    xml += "<updated>" + updated + "</updated>\n";
    xml += "<author><name>" + escape_xml(config.title) + "</name></author>\n";
    xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" + escape_xml(site_url(config, "index.html")) + "\"/>\n";
    if (!config.base_url.empty())
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + escape_xml(config.base_url) +
               "feed.xml\"/>\n";
    xml += "<generator>resgen</generator>\n";
    for (const Document* d : docs) {
        if (xml.size() >= kFeedPiece) {
            sink(xml);
            xml.clear();
        }
        std::string path = page_path(*d);
        std::string title = label_of(*d);
        if (!d->meta.symbol.empty() && !d->meta.title.empty()) title += ": " + d->meta.title;
        xml += "<entry>\n";
        xml += "<title>" + escape_xml(title) + "</title>\n";
        xml += "<id>" + escape_xml(atom_id(config, path)) + "</id>\n";
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" + escape_xml(site_url(config, path)) + "\"/>\n";
        xml += "<updated>" + (d->meta.date.empty() ? updated : atom_time(d->meta.date)) + "</updated>\n";
        if (!d->meta.date.empty()) xml += "<published>" + atom_time(d->meta.date) + "</published>\n";
        if (!d->meta.body.empty()) xml += "<author><name>" + escape_xml(d->meta.body) + "</name></author>\n";
        xml += "<summary>" + escape_xml(document_description(*d)) + "</summary>\n";
        xml += "</entry>\n";
    }
    xml += "</feed>\n";
    sink(xml);
}

}  // namespace

DataFile atom_feed(const Corpus& corpus, const SiteConfig& config) {
    // Made when written, a few entries at a time: for a large collection it is megabytes
    // that would otherwise stand in memory from the plan on.
    return {"feed.xml", {}, [&corpus, site = std::make_shared<const SiteConfig>(config)](const TextSink& sink) {
                write_atom_feed(corpus, *site, sink);
            }};
}

DataFile nojekyll() { return {".nojekyll", ""}; }

Page not_found_page(const SiteConfig& config) {
    Page page{kNotFoundPath, "not_found", {}, {}};
    page.context = {{"page_title", "Page not found"}};
    // The layout's links start from "root"; here it must not depend on where the page is shown.
    if (!config.base_url.empty()) page.context["root"] = config.base_url;
    return page;
}

void add_page_metadata(Plan& plan, const Corpus&, const SiteConfig& config) {
    for (auto& page : plan.pages) {
        stop_point();
        bool document = page.document && page.template_name == "document";
        page.context["meta_description"] = document ? document_description(*page.document) : config.description;
        page.context["og_type"] = document ? "article" : "website";
        if (page.path != kNotFoundPath) page.context["canonical_url"] = absolute_url(config, page.path);
    }
}

}  // namespace resgen
