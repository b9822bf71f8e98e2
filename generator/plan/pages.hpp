// The page builders of the plan stage, one file each.
#pragma once
#include "plan/plan.hpp"

namespace resgen {

// A document page's context: what document_page_outline() leaves to be made when rendered.
nlohmann::json document_context(const Document& doc, const Corpus& corpus, const SiteConfig& config);
// The page without its context: path, template, what it depends on.
Page document_page_outline(const Document& doc, const Corpus& corpus);
Page home_page(const Corpus& corpus, const SiteConfig& config);
Page documents_page(const Corpus& corpus, const SiteConfig& config);
Page timeline_page(const Corpus& corpus, const SiteConfig& config);

// The documents in the order of the series: by date (or year), then by key.
std::vector<const Document*> chronological(const Corpus& corpus, bool collection_only);

}  // namespace resgen
