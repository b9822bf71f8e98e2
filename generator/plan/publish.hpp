// What a web host and link previews need besides the pages: sitemap.xml, robots.txt, an Atom
// feed, .nojekyll, a 404 page, and per-page metadata (description, Open Graph, canonical URL).
// With a base URL these carry absolute addresses; without one they are still written, with
// relative addresses where the format allows and none where it does not.
#pragma once
#include <string>

#include "plan/plan.hpp"

namespace resgen {

// base_url + path, or "" when the site has no base URL.
std::string absolute_url(const SiteConfig& config, const std::string& path);

// Every page of the plan, in path order (404.html left out).
DataFile sitemap_xml(const Plan& plan, const SiteConfig& config);
DataFile robots_txt(const SiteConfig& config);
// One entry per document of the collection, newest first. Its dates come from the documents,
// never from the clock, so that the same content gives the same bytes. Made when written,
// from `corpus`, which must outlive it.
DataFile atom_feed(const Corpus& corpus, const SiteConfig& config);
// An empty file that tells GitHub Pages not to run Jekyll (which would hide folders such as _x).
DataFile nojekyll();

// GitHub Pages serves 404.html for a missing path at any depth, so its links cannot be
// page-relative: with a base URL they are absolute; without one they are relative to the root.
Page not_found_page(const SiteConfig& config);

// Sets on every page what link previews and search engines read: "meta_description",
// "og_type" and, with a base URL, "canonical_url".
void add_page_metadata(Plan& plan, const Corpus& corpus, const SiteConfig& config);

// Escapes text for XML element content and attribute values.
std::string escape_xml(std::string_view text);

}  // namespace resgen
