#include "plan/plan.hpp"

#include <algorithm>
#include <set>

#include "model/organ.hpp"
#include "parallel/parallel.hpp"
#include "parallel/stop.hpp"
#include "plan/data_files.hpp"
#include "plan/genealogy.hpp"
#include "plan/json_object.hpp"
#include "plan/labels.hpp"
#include "plan/pages.hpp"
#include "plan/publish.hpp"
#include "plan/search.hpp"

namespace resgen {

void append_page_path(std::string& out, const Document& doc) {
    if (doc.meta.symbol.empty() && !doc.meta.id.empty()) {
        out += "doc/";
        out += doc.meta.id;
    } else {
        out += doc.key;  // canonical_symbol() keyed it: no space, safe as a path
    }
    out += "/index.html";
}

std::string page_path(const Document& doc) {
    std::string p;
    p.reserve(doc.key.size() + 11);
    append_page_path(p, doc);
    return p;
}

std::string relative_url(const std::string& from_page, const std::string& to_path) {
    size_t depth = std::count(from_page.begin(), from_page.end(), '/');
    std::string url;
    for (size_t i = 0; i < depth; ++i) url += "../";
    return url + to_path;
}

std::vector<const Document*> chronological(const Corpus& corpus, bool collection_only) {
    std::vector<const Document*> docs;
    for (const auto& d : corpus.documents)
        if (d.in_collection || !collection_only) docs.push_back(&d);
    auto sort_key = [](const Document* d) {
        std::string date = d->meta.date;
        if (date.empty()) {
            int y = year_of(*d);
            date = y ? std::to_string(y) + "-99" : "9999";
        }
        return date;
    };
    // Each key made once, not at every comparison.
    std::vector<std::pair<std::string, const Document*>> keyed;
    keyed.reserve(docs.size());
    for (const Document* d : docs) keyed.push_back({sort_key(d), d});
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->key < b.second->key;
    });
    for (size_t i = 0; i < docs.size(); ++i) docs[i] = keyed[i].second;
    return docs;
}

namespace {

json summary(const Document& d, const std::string& from_page) {
    return object_of("href", relative_url(from_page, page_path(d)),
                     "label", label_of(d),
                     "symbol", d.meta.symbol,
                     "title", d.meta.title,
                     "body", d.meta.body,
                     "kind_label", kind_label(d.meta.kind),
                     "date", d.meta.date.empty() ? "" : display_date(d.meta.date),
                     "iso_date", d.meta.date,
                     "year", year_of(d) ? std::to_string(year_of(d)) : "",
                     "outside", !d.in_collection);
}

json home_context(const Corpus& corpus, const SiteConfig& config, const std::string& path) {
    json series = json::array();
    size_t outside = 0;
    for (const Document* d : chronological(corpus, true)) {
        stop_point();
        json s = summary(*d, path);
        auto it = corpus.cited_by.find(d->key);
        size_t recalled = 0;
        if (it != corpus.cited_by.end())
            for (const auto& r : it->second) recalled += r.recalls;
        s["recalled_count"] = recalled;
        s["recalled"] = recalled > 0;
        series.push_back(std::move(s));
    }
    for (const auto& d : corpus.documents) outside += !d.in_collection;
    // Moved, not copied: nlohmann's braced lists copy every value, and these hold the collection.
    const size_t count = series.size();
    return object_of("page_title", config.title, "description", config.description, "series", std::move(series),
                     "collection_count", count, "outside_count", outside);
}

json documents_context(const Corpus& corpus, const SiteConfig&, const std::string& path) {
    json bodies = json::array();
    // Organs in the table's order first, then any other body by name, then documents with none.
    std::vector<std::string> names;
    for (const auto& o : organs()) names.push_back(o.name);
    std::vector<std::string> others;
    for (const auto& d : corpus.documents)
        if (std::find(names.begin(), names.end(), d.meta.body) == names.end() &&
            std::find(others.begin(), others.end(), d.meta.body) == others.end())
            others.push_back(d.meta.body);
    std::sort(others.begin(), others.end());
    names.insert(names.end(), others.begin(), others.end());
    auto docs = chronological(corpus, false);
    for (const auto& name : names) {
        json years = json::array();
        std::string current;
        for (const Document* d : docs) {
            if (d->meta.body != name) continue;
            stop_point();
            std::string y = year_of(*d) ? std::to_string(year_of(*d)) : "Year not stated";
            if (years.empty() || y != current) {
                years.push_back({{"year", y}, {"documents", json::array()}});
                current = y;
            }
            years.back()["documents"].push_back(summary(*d, path));
        }
        if (years.empty()) continue;
        std::string heading = name.empty() ? "Other documents" : name;
        std::string id;
        for (char c : heading) id += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
        bodies.push_back(object_of("name", heading, "id", std::move(id), "years", std::move(years)));
    }
    return object_of("page_title", "Documents", "bodies", std::move(bodies), "count", corpus.documents.size());
}

}  // namespace

Page series_page_outline(std::string path, std::string template_name, const Corpus& corpus, const SiteConfig& config,
                         bool collection_only, SeriesContext context) {
    Page page{std::move(path), std::move(template_name), {}, {}};
    for (const Document* d : chronological(corpus, collection_only)) page.depends_on.push_back(index_in(corpus, *d));
    std::sort(page.depends_on.begin(), page.depends_on.end());
    page.make_context = [&corpus, site = std::make_shared<const SiteConfig>(config), context, at = page.path] {
        return context(corpus, *site, at);
    };
    return page;
}

Page home_page(const Corpus& corpus, const SiteConfig& config) {
    return series_page_outline("index.html", "home", corpus, config, true, home_context);
}

Page documents_page(const Corpus& corpus, const SiteConfig& config) {
    return series_page_outline("documents/index.html", "documents", corpus, config, false, documents_context);
}

namespace {

std::vector<Page> document_outlines(const Corpus& corpus, const SiteConfig& config, const std::vector<size_t>& docs) {
    auto site_config = std::make_shared<const SiteConfig>(config);
    std::vector<Page> pages(docs.size());
    parallel_for(docs.size(), [&](size_t i) {
        const Document& d = corpus.documents[docs[i]];
        pages[i] = document_page_outline(d, corpus);
        pages[i].document = &d;
        pages[i].make_context = [&d, &corpus, site_config] { return document_context(d, corpus, *site_config); };
    });
    return pages;
}

}  // namespace

std::vector<Page> plan_document_pages(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config,
                                      const std::vector<size_t>& documents, const std::vector<size_t>& edited,
                                      const std::vector<std::pair<size_t, size_t>>& paired,
                                      const std::vector<size_t>* rank) {
    Plan part;
    part.pages = document_outlines(corpus, config, documents);
    link_data_files(part, corpus);
    std::vector<char> only(corpus.documents.size(), 0);
    for (size_t d : documents) only[d] = 1;
    // The compare pages of an edited text, and of two texts paired differently.
    std::set<std::pair<size_t, size_t>> differently(paired.begin(), paired.end());
    std::vector<char> edited_mark(corpus.documents.size(), 0);
    for (size_t d : edited) edited_mark[d] = 1;
    std::function<bool(const ComparePair&)> compared = [&](const ComparePair& p) {
        return edited_mark[p.before] || edited_mark[p.after] ||
               differently.count({std::min(p.before, p.after), std::max(p.before, p.after)}) > 0;
    };
    add_living_text(part, corpus, alignment, &only, &compared, rank);
    add_page_metadata(part, corpus, config);
    return std::move(part.pages);
}

PageContext page_context(const Page& page) {
    if (!page.make_context) return page.context;
    // What plan_site added to the outline after planning it (page metadata) is kept.
    PageContext full = page.make_context();
    if (page.context.is_object())
        for (auto it = page.context.begin(); it != page.context.end(); ++it) full.tree[it.key()] = it.value();
    return full;
}

namespace {

// Stops (throws Stopped) at the flag of the caller's StopScope, between steps and inside them.
Plan plan_steps(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config) {
    Plan plan;
    // The series pages, as outlines (pages.hpp).
    plan.pages.push_back(home_page(corpus, config));
    plan.pages.push_back(documents_page(corpus, config));
    plan.pages.push_back(timeline_page(corpus, config));
    // Document pages as outlines (made when rendered, on every core); the living text and the
    // data files add to what they will show.
    std::vector<size_t> all(corpus.documents.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    for (auto& p : document_outlines(corpus, config, all)) plan.pages.push_back(std::move(p));
    add_data_files(plan, corpus, config);
    stop_point();
    // The living text before publishing, so that compare pages get metadata and a sitemap entry.
    add_living_text(plan, corpus, alignment);
    stop_point();
    // Search and publishing (plan/search.cpp, plan/publish.cpp).
    plan.pages.push_back(search_page());
    plan.pages.push_back(not_found_page(config));
    add_page_metadata(plan, corpus, config);
    plan.data.push_back(search_index(corpus));
    plan.data.push_back(sitemap_xml(plan, config));
    plan.data.push_back(robots_txt(config));
    plan.data.push_back(atom_feed(corpus, config));
    plan.data.push_back(nojekyll());
    return plan;
}

}  // namespace

std::optional<Plan> plan_site(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config,
                              const std::atomic<bool>* stop) {
    // Between two steps, and inside the longest (stop_point()): an edit saved during the
    // refresh's plan (a quarter of a second for 10,000 documents) does not wait for all of it.
    StopScope scope(stop);
    try {
        return plan_steps(corpus, alignment, config);
    } catch (const Stopped&) {
        return std::nullopt;
    }
}

Plan plan_site(const Corpus& corpus, const Alignment& alignment, const SiteConfig& config) {
    return *plan_site(corpus, alignment, config, nullptr);
}

}  // namespace resgen
