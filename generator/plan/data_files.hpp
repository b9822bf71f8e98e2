// The data files of the site: the series as data (see export/export.hpp).
#pragma once
#include "plan/plan.hpp"

namespace resgen {

// Adds data/corpus.json, data/graph.json and one akn.xml beside the page of each document in
// the collection; links each such page to its AKN file, and the documents page to the JSON.
void add_data_files(Plan& plan, const Corpus& corpus, const SiteConfig& config);

// The links to them from the pages of `plan` (the documents page, each document page).
void link_data_files(Plan& plan, const Corpus& corpus);

}  // namespace resgen
