// The page builders of the plan stage, one file each.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/view.hpp"
#include "plan/plan.hpp"

namespace resgen {

// A paragraph of a document page's text, a view (model/view.hpp) of the page's context. A page
// has some thirty, and as JSON objects of six names or more they were made, shown once and
// freed by the hundred thousand; a view keeps the paragraph's HTML and makes its label when
// asked. Its names are those of the JSON object: "anchor", "lead", "number", "html", "label",
// "is_<kind>", and, as the paragraph has them, "voice_html", "subparagraphs", "backref" and
// "genealogy".
class ClauseView final : public View {
public:
    // `html` is the paragraph's (a voice's goes in `voice_html`, and its `html` is empty).
    ClauseView(const Clause& clause, std::string html, std::string voice_html = {})
        : clause_(&clause), html_(std::move(html)), voice_html_(std::move(voice_html)) {}

    const Clause& clause() const { return *clause_; }
    // An operative paragraph's sub-paragraphs (no other paragraph has the name).
    std::vector<ClauseView>& subparagraphs() { return subparagraphs_.items; }
    // A footnote's link back to the paragraph that calls it ("" when none does).
    void set_backref(std::string backref) { backref_ = std::move(backref); }
    // Where the paragraph's language stood before: a view of the same page's context, added
    // by the living text (plan/genealogy.cpp).
    void set_genealogy(const View* genealogy) { genealogy_ = genealogy; }

    std::optional<Shown> find(std::string_view name, std::string& scratch) const override;
    json to_json() const override;

private:
    struct Subparagraphs final : ViewList {
        // The destructor is defined below, where ClauseView is complete: a virtual destructor
        // is made where its class ends, and the vector's needs the type whole. Moves stay.
        Subparagraphs() = default;
        Subparagraphs(Subparagraphs&&) = default;
        Subparagraphs& operator=(Subparagraphs&&) = default;
        ~Subparagraphs() override;
        std::vector<ClauseView> items;
        size_t size() const override { return items.size(); }
        const View& at(size_t i) const override { return items[i]; }
    };

    const Clause* clause_;
    std::string html_, voice_html_;
    std::optional<std::string> backref_;
    const View* genealogy_ = nullptr;
    Subparagraphs subparagraphs_;
};

inline ClauseView::Subparagraphs::~Subparagraphs() = default;

// A document page's context: what document_page_outline() leaves to be made when rendered.
// The paragraphs of "doc.text" and "doc.footnotes" are ClauseViews.
PageContext document_context(const Document& doc, const Corpus& corpus, const SiteConfig& config);
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
