// Stage `plan`: the Corpus becomes the list of files to write, each page with the data its
// template shows. Pure: nothing here reads or writes files.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/json.hpp"

#include "align/align.hpp"
#include "config/config.hpp"
#include "model/text_sink.hpp"
#include "model/view.hpp"
#include "resolve/corpus.hpp"

namespace resgen {

struct Page {
    std::string path;           // relative to the output folder: "E/RES/2003/28/index.html"
    std::string template_name;  // "document", "home", "timeline", "documents"
    resgen::json context;     // what the template shows
    // The documents whose change changes this page, as indices into the Corpus it was planned
    // from, sorted: four bytes each rather than a key (the pages of 10,000 documents name
    // 983,117 in all, most of them the texts of a document page's genealogy).
    std::vector<uint32_t> depends_on;
    // Document, compare and series pages are planned as an outline: their context is made by
    // `make_context` when the page is rendered, so that a large site's contexts never all
    // stand in memory at once; `context` then holds what later steps of the plan added (page
    // metadata), which page_context() lays over the made one. It refers to the Corpus and
    // Alignment the plan was made from.
    std::function<PageContext()> make_context = {};
    const Document* document = nullptr;   // the document a document page shows
};

// The pages of some documents, and the compare pages of a text among `edited` or of two texts
// `paired` differently, as plan_site plans them: what the live preview shows at once after an edit,
// before the rest is planned again. `rank` is series_rank(corpus) when the caller has it.
std::vector<Page> plan_document_pages(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config,
                                      const std::vector<size_t>& documents, const std::vector<size_t>& edited,
                                      const std::vector<std::pair<size_t, size_t>>& paired,
                                      const std::vector<size_t>* rank = nullptr);

// The page's whole context: made now for an outline, else `page.context` itself. Its
// to_json() is the context as a tree alone.
PageContext page_context(const Page& page);

// A file written as it is (a data file). Large ones are made when written (`make`), on the
// thread that writes them, from the Corpus the plan was made from; `make` gives the text to
// its sink whole, or, for the largest, piece by piece, so that it is never whole in memory.
struct DataFile {
    std::string path;
    std::string bytes;
    std::function<void(const TextSink&)> make = {};

    void write(const TextSink& sink) const {
        if (make) make(sink);
        else sink(bytes);
    }
    std::string text() const {
        if (!make) return bytes;
        std::string out;
        make([&out](std::string_view piece) { out += piece; });
        return out;
    }
};

// Where the language of each clause first stood ([document][clause] -> (document, clause)),
// as the genealogy says it.
using LanguageOrigins = std::vector<std::vector<std::pair<size_t, size_t>>>;

struct Plan {
    std::vector<Page> pages;
    std::vector<DataFile> data;
    // A whole site's plan: where each paragraph's language first stood, as its pages show it
    // (what a change to one text can change on the pages of others). Shared with the pages'
    // outlines, which show it when rendered. Null for the plan of some pages.
    std::shared_ptr<const LanguageOrigins> origins;
};

// `alignment` is align_corpus(corpus): the living text (genealogy, compare pages) is planned
// from it. It is an input rather than a step, so that a caller computes it once for a build
// and its checks. The plan refers to both (outlines, data files made when written): they must
// outlive it.
Plan plan_site(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config);
// The same, given up between two of its steps once `stop` (when given) turns true: the live
// preview's refresh, when an edit is saved meanwhile. Then nothing.
std::optional<Plan> plan_site(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config,
                              const std::atomic<bool>* stop);

// A document's index in `corpus`, which holds it: what a page's depends_on names.
inline uint32_t index_in(const Corpus& corpus, const Document& doc) {
    return static_cast<uint32_t>(&doc - corpus.documents.data());
}

// Where a document's page lives: "E/RES/2003/28/index.html", "doc/<id>/index.html".
std::string page_path(const Document& doc);
// The same, appended to `out`: a genealogy writes a link to some three hundred clauses of
// other texts on each page, and a string made for each put 1.8% of a build's time (perf, 10,000
// documents) in making those links.
void append_page_path(std::string& out, const Document& doc);

// The way from one page to another: relative, naming index.html, so that the site works under
// any sub-path and from file://.
std::string relative_url(const std::string& from_page, const std::string& to_path);

}  // namespace resgen
