// The page builders of the plan stage, one file each.
#pragma once
#include "plan/plan.hpp"

namespace resgen {

Page document_page(const Document& doc, const Corpus& corpus, const SiteConfig& config);
Page home_page(const Corpus& corpus, const SiteConfig& config);
Page documents_page(const Corpus& corpus, const SiteConfig& config);
Page timeline_page(const Corpus& corpus, const SiteConfig& config);

// The documents in the order of the series: by date (or year), then by key.
std::vector<const Document*> chronological(const Corpus& corpus, bool collection_only);

}  // namespace resgen
