// Site search that works from file:// as well as on the web: the index is a classic script
// (data/search-index.js assigning one global), read by templates/assets/search.js on the
// search page. No fetch(), no modules.
#pragma once
#include "plan/plan.hpp"

namespace resgen {

inline constexpr const char* kSearchIndexPath = "data/search-index.js";

// Every document (its symbol, title, body, date and tags) and every anchored paragraph of the
// collection (its plain text), with paths relative to the site's root.
// Made when written, a batch of documents at a time: search_index_write() gives its text to
// a sink in those pieces.
DataFile search_index(const Corpus& corpus);
void search_index_write(const Corpus& corpus, const TextSink& sink);

// search/index.html: the search form and the place its results are listed.
Page search_page();

}  // namespace resgen
