// The page builders of the plan stage, one file each.
#pragma once
#include "plan/plan.hpp"

namespace resgen {

// A document page's context: what document_page_outline() leaves to be made when rendered.
resgen::json document_context(const Document& doc, const Corpus& corpus, const SiteConfig& config);
// The page without its context: path, template, what it depends on.
Page document_page_outline(const Document& doc, const Corpus& corpus);

// The series pages. Each lists the whole collection (`collection_only`) or every document,
// and depends on what it lists; it is planned as an outline whose context `context` makes
// when the page is rendered, from the Corpus and a copy of the config: for 10,000 documents
// the three contexts hold some 40 MB, which would otherwise stand from the plan to the end.
using SeriesContext = resgen::json (*)(const Corpus& corpus, const SiteConfig& config, const std::string& path);
Page series_page_outline(std::string path, std::string template_name, const Corpus& corpus, const SiteConfig& config,
                         bool collection_only, SeriesContext context);
Page home_page(const Corpus& corpus, const SiteConfig& config);
Page documents_page(const Corpus& corpus, const SiteConfig& config);
Page timeline_page(const Corpus& corpus, const SiteConfig& config);

// The documents in the order of the series: by date (or year), then by key.
std::vector<const Document*> chronological(const Corpus& corpus, bool collection_only);

}  // namespace resgen
