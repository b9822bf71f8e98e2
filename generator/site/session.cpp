#include "site/session.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>

#include <sys/resource.h>

#include "load/source.hpp"
#include "parallel/parallel.hpp"
#include "parse/parse.hpp"
#include "plan/genealogy.hpp"
#include "plan/labels.hpp"

namespace fs = std::filesystem;

namespace resgen {

struct Session::State {
    SiteConfig config;
    Diagnostics site_diags;                          // site.yml, the content folder, templates
    std::map<std::string, Diagnostics> parse_diags;  // content file -> what parsing it said
    Diagnostics resolve_diags;
    Corpus corpus;
    Alignment alignment;                 // a one-off build's
    std::unique_ptr<Aligner> aligner;    // a live session's, kept up to date edit by edit
    Plan plan;
    std::set<std::string> pending;       // documents whose pages changed since the last full plan
    std::vector<size_t> rank;  // live: the order of the series, which only front matter changes
    std::set<std::string> unannounced;  // written by a refresh an edit stopped: the next one says so
    // What a refresh an edit stopped had made: its plan of the whole site and its lists of
    // paths. Freeing them took 13-18 ms for 10,000 documents, between the edit's notice and
    // its update; they are let go when the next refresh starts, after the edit is shown.
    struct Leftovers {
        Plan plan;
        std::set<std::string> old_paths, new_paths;
    };
    std::optional<Leftovers> leftovers;

    const Alignment& current_alignment() const { return aligner ? aligner->alignment() : alignment; }

    // The alignment of the whole corpus: kept with its index by a live session.
    void align(bool live) {
        if (live) {
            aligner = std::make_unique<Aligner>(corpus);
            rank = series_rank(corpus);
            alignment = {};
        } else {
            aligner.reset();
            alignment = align_corpus(corpus);
        }
    }
    TemplateSet templates;
    std::unique_ptr<Renderer> renderer;
    bool healthy = false;  // the last build had no error and is what the output folder holds
    bool series_stale = false;  // series pages and data files may lag behind the corpus

    Diagnostics diagnostics() const {
        Diagnostics all = site_diags;
        for (const auto& [path, d] : parse_diags) all.insert(all.end(), d.begin(), d.end());
        all.insert(all.end(), resolve_diags.begin(), resolve_diags.end());
        sort_diagnostics(all);
        return all;
    }

    void render(const Page& page, const TextSink& sink) const { renderer->render(page, sink); }
};

namespace {

size_t count_documents(const Corpus& corpus) {
    size_t n = 0;
    for (const auto& d : corpus.documents) n += d.in_collection;
    return n;
}

// The path of `p` inside `dir`, '/' separated; empty when it is not inside.
std::string inside(const fs::path& p, const fs::path& dir) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec).lexically_normal(), b = fs::absolute(dir, ec).lexically_normal();
    fs::path rel = a.lexically_relative(b);
    std::string s = rel.generic_string();
    if (s.empty() || s == "." || s.rfind("..", 0) == 0) return "";
    return s;
}

// The resident and peak memory of this process in KiB, as Linux reports them.
std::pair<size_t, size_t> memory_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    size_t resident = 0, peak = 0;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) resident = std::strtoull(line.c_str() + 6, nullptr, 10);
        else if (line.rfind("VmHWM:", 0) == 0) peak = std::strtoull(line.c_str() + 6, nullptr, 10);
    }
    return {resident, peak};
}

// The processor time of this process so far, all threads, user and system, in milliseconds.
double cpu_ms() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

class Stopwatch {
public:
    explicit Stopwatch(std::vector<StageTime>& out) : out_(out) {}
    // Adds the time since the last lap under `stage`, and the memory held now.
    void lap(const char* stage) {
        auto now = std::chrono::steady_clock::now();
        double cpu = cpu_ms();
        auto [resident, peak] = memory_kb();
        out_.push_back({stage, std::chrono::duration<double, std::milli>(now - last_).count(), cpu - last_cpu_,
                        resident, peak});
        last_ = now;
        last_cpu_ = cpu;
    }

private:
    std::vector<StageTime>& out_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    double last_cpu_ = cpu_ms();
};

// Which documents of `corpus` have one of `keys` ([document] -> 0 or 1), and whether a page
// planned from that corpus depends on one of them.
std::vector<char> documents_among(const Corpus& corpus, const std::set<std::string>& keys) {
    std::vector<char> among(corpus.documents.size());
    for (const auto& key : keys)
        if (auto it = corpus.by_key.find(key); it != corpus.by_key.end()) among[it->second] = 1;
    return among;
}

bool depends_on_any(const Page& page, const std::vector<char>& among) {
    return std::any_of(page.depends_on.begin(), page.depends_on.end(), [&](uint32_t d) { return among[d] != 0; });
}

}  // namespace

// The files an update writes: `pages`, each rendered when it is written, then `data`, each
// made when written. What the plan holds of a page's context (an outline's metadata, the whole
// context of a small page) is let go once the page is rendered: an update plans it anew.
static SiteFiles update_files(const Renderer& renderer, const std::vector<Page*>& pages,
                              const std::vector<DataFile>& data) {
    SiteFiles files;
    files.paths.reserve(pages.size() + data.size());
    for (const Page* p : pages) files.paths.push_back(p->path);
    for (const auto& d : data) files.paths.push_back(d.path);
    files.bytes = [&renderer, &pages, &data](size_t i, const TextSink& sink) {
        if (i >= pages.size()) return data[i - pages.size()].write(sink);
        renderer.render(*pages[i], sink);
        pages[i]->context = nullptr;  // each index is one thread's
    };
    return files;
}

// The last step of every update: files of the old site that the new one no longer has are
// removed (only those resgen wrote), the rest is written where its bytes changed. With
// `stop`, see update_site.
static void write_update(UpdateResult& result, const std::filesystem::path& out_dir, const SiteFiles& files,
                         const std::set<std::string>& old_paths, const std::set<std::string>& new_paths,
                         Diagnostics diags, unsigned threads, const std::atomic<bool>* stop = nullptr) {
    std::vector<std::string> removed;
    for (const auto& p : old_paths)
        if (!new_paths.count(p)) removed.push_back(p);
    result.build.stats = update_site(out_dir, files, diags, removed, &result.changed, threads, stop);
    sort_diagnostics(diags);
    result.build.ok = !has_errors(diags);
    result.build.diagnostics = std::move(diags);
}

Session::Session(BuildOptions options) : options_(std::move(options)) {}
Session::~Session() = default;

UpdateResult Session::build() {
    state_ = std::make_unique<State>();
    State& s = *state_;
    UpdateResult result;
    Stopwatch clock(result.build.timings);
    s.config = load_config(options_.content_dir, s.site_diags);
    if (!options_.base_url.empty()) {
        s.config.base_url = options_.base_url;
        if (s.config.base_url.back() != '/') s.config.base_url += '/';
    }
    if (options_.offline) s.config.base_url.clear();

    std::vector<std::string> files = content_files(options_.content_dir, s.site_diags);
    ParsedContent parsed = parse_content(options_.content_dir, files, ParseOptions{s.config.preambular_phrases},
                                         options_.threads);
    s.parse_diags = std::move(parsed.diagnostics);
    clock.lap("load and parse");

    s.corpus = resolve(std::move(parsed.documents), s.resolve_diags);
    clock.lap("resolve");
    s.align(options_.live);
    clock.lap("align");
    // Pages are planned as outlines, then made, rendered and written one at a time on every
    // core; each page's context is let go once it is rendered.
    s.plan = plan_site(s.corpus, s.current_alignment(), s.config);
    s.templates = load_templates({options_.templates_dir, options_.content_dir / "templates"}, s.site_diags);
    s.renderer = std::make_unique<Renderer>(s.templates, s.config);
    clock.lap("plan");

    result.full = true;
    result.build.pages = s.plan.pages.size();
    result.build.documents = count_documents(s.corpus);
    Diagnostics diags = s.diagnostics();
    if (!has_errors(diags) && s.renderer->valid(diags)) {
        auto& pages = s.plan.pages;
        const auto& data = s.plan.data;
        SiteFiles files_out;
        files_out.paths.reserve(pages.size() + data.size() + s.templates.assets.size());
        for (const auto& p : pages) files_out.paths.push_back(p.path);
        for (const auto& d : data) files_out.paths.push_back(d.path);
        for (const auto& a : s.templates.assets) files_out.paths.push_back(a.path);
        files_out.bytes = [&](size_t i, const TextSink& sink) {
            if (i < pages.size()) {
                // What the plan holds of the page's context is not needed again (an update
                // plans it anew): let it go as soon as the page is made. Each index is one
                // thread's.
                s.render(pages[i], sink);
                pages[i].context = nullptr;
                return;
            }
            i -= pages.size();
            if (i < data.size()) return data[i].write(sink);
            sink(s.templates.assets[i - data.size()].bytes);
        };
        result.build.stats = write_site(options_.out_dir, files_out, diags, options_.threads, options_.stop);
        if (!has_errors(diags)) result.changed = std::move(files_out.paths);
        clock.lap("render and write");
    }
    sort_diagnostics(diags);
    result.build.ok = !has_errors(diags);
    result.build.diagnostics = std::move(diags);
    s.healthy = result.build.ok;
    return result;
}

Session::Changed Session::classify(const std::vector<fs::path>& paths) const {
    Changed c;
    auto& [everything, content] = c;
    for (const auto& p : paths) {
        if (!options_.templates_dir.empty() && !inside(p, options_.templates_dir).empty()) {
            everything = true;
            continue;
        }
        std::string rel = inside(p, options_.content_dir);
        if (rel.empty()) continue;
        if (rel == "site.yml" || rel.rfind("templates/", 0) == 0) {
            everything = true;
            continue;
        }
        // Hidden files and editors' backup files are not content.
        bool hidden = rel[0] == '.' || rel.find("/.") != std::string::npos;
        if (!hidden && fs::path(rel).extension() == ".md") content.push_back(rel);
    }
    return c;
}

bool Session::affects(const std::vector<fs::path>& paths) const {
    Changed c = classify(paths);
    return c.everything || !c.content.empty();
}

UpdateResult Session::update(const std::vector<fs::path>& paths) {
    auto [everything, content] = classify(paths);
    if (!state_ || !state_->healthy || everything) return build();
    if (content.empty()) return {};
    std::sort(content.begin(), content.end());
    content.erase(std::unique(content.begin(), content.end()), content.end());
    return incremental(content);
}

std::optional<UpdateResult> Session::quick_update(const std::vector<std::string>& content_paths) {
    State& s = *state_;
    std::vector<StageTime> timings;
    Stopwatch clock(timings);
    // Each changed file parsed again without an error, the same document with the same front
    // matter: what changes is its text.
    ParseOptions parse_options{s.config.preambular_phrases};
    std::vector<Document> fresh;
    std::map<std::string, Diagnostics> diags_of;
    std::set<size_t> show;  // the documents whose pages are written now
    for (const auto& rel : content_paths) {
        std::error_code ec;
        if (!fs::is_regular_file(options_.content_dir / rel, ec)) return std::nullopt;
        Diagnostics d;
        auto src = load_source(options_.content_dir, rel, d);
        if (!src) return std::nullopt;
        Document doc = parse_document(*src, parse_options, d);
        const Document* old = s.corpus.find(doc.key);
        if (has_errors(d) || !old || !old->in_collection || old->path != rel || !(old->meta == doc.meta))
            return std::nullopt;
        // Its page; the pages of what it cites now and cited before (they list the citing
        // paragraphs); when its paragraphs are numbered anew, the pages of every text naming
        // them in its genealogy. The pages that cite it show its front matter, as it was, and
        // link a paragraph they cite by its number ("paragraph 10") to it: those whose link
        // moves are shown again.
        show.insert(s.corpus.by_key.at(doc.key));
        for (const auto& c : doc.clauses)
            for (const auto& cit : c.citations)
                if (s.corpus.by_key.count(cit.target)) show.insert(s.corpus.by_key.at(cit.target));
        auto anchors = [](const Document& x) {
            std::vector<std::string> a;
            for (const auto& c : x.clauses) a.emplace_back(c.anchor);
            return a;
        };
        if (anchors(*old) != anchors(doc))
            for (const auto& [other, n] : paragraphs_shared(s.aligner->alignment(), s.corpus.by_key.at(doc.key)))
                show.insert(other);
        if (auto it = s.corpus.cited_by.find(doc.key); it != s.corpus.cited_by.end())
            for (const auto& r : it->second)
                if (const std::string& place = s.corpus.citation(r).pinpoint;
                    !place.empty() && anchor_of_place(*old, place) != anchor_of_place(doc, place))
                    show.insert(s.corpus.by_key.at(r.from));
        for (const auto& c : old->clauses)
            for (const auto& cit : c.citations)
                if (s.corpus.by_key.count(cit.target)) show.insert(s.corpus.by_key.at(cit.target));
        diags_of[rel] = std::move(d);
        fresh.push_back(std::move(doc));
    }
    std::vector<std::string> keys;
    for (const auto& f : fresh) keys.push_back(f.key);
    // A document outside the collection is described by what the texts citing it say: when an
    // edit changes that, the pages of all those texts change.
    std::map<size_t, Metadata> outside;
    for (size_t d : show)
        if (!s.corpus.documents[d].in_collection) outside[d] = s.corpus.documents[d].meta;
    if (!replace_documents(s.corpus, std::move(fresh))) return std::nullopt;
    for (const auto& [d, meta] : outside)
        if (!(s.corpus.documents[d].meta == meta)) {
            auto it = s.corpus.cited_by.find(s.corpus.documents[d].key);
            if (it != s.corpus.cited_by.end())
                for (const auto& r : it->second) show.insert(s.corpus.by_key.at(r.from));
        }
    for (auto& [rel, d] : diags_of) {
        s.parse_diags.erase(rel);
        if (!d.empty()) s.parse_diags[rel] = std::move(d);
    }
    // The other texts' warnings stay as they were; the edited texts' are made again.
    std::erase_if(s.resolve_diags, [&](const Diagnostic& d) { return diags_of.count(d.path) > 0; });
    check_citations(s.corpus, s.resolve_diags, &keys);
    clock.lap("parse and resolve");

    // And the pages of the texts whose pairing with them changed.
    std::vector<size_t> changed;
    for (const auto& key : keys) changed.push_back(s.corpus.by_key.at(key));
    // A compare page changes with the text of either, or with the pairing of its two texts.
    std::vector<std::pair<size_t, size_t>> paired;
    std::vector<size_t> relinked = s.aligner->update(s.corpus, changed, &paired);
    for (size_t d : relinked) show.insert(d);
    for (size_t d : show) s.pending.insert(s.corpus.documents[d].key);
    s.series_stale = true;
    clock.lap("align");

    std::vector<Page> pages = plan_document_pages(s.corpus, s.aligner->alignment(), s.config,
                                                  std::vector<size_t>(show.begin(), show.end()), changed, paired,
                                                  &s.rank);
    clock.lap("plan");
    UpdateResult result;
    result.build.pages = s.plan.pages.size();
    result.build.documents = count_documents(s.corpus);
    std::vector<Page*> todo;
    for (auto& p : pages) todo.push_back(&p);
    write_update(result, options_.out_dir, update_files(*s.renderer, todo, {}), {}, {}, s.diagnostics(),
                 options_.threads);
    clock.lap("render and write");
    result.build.timings = std::move(timings);
    s.healthy = result.build.ok;
    return result;
}

UpdateResult Session::incremental(const std::vector<std::string>& content_paths) {
    State& s = *state_;
    if (s.aligner)
        if (auto quick = quick_update(content_paths)) return *quick;
    const std::set<std::string> changed_files(content_paths.begin(), content_paths.end());

    // The documents the change touches: what the files held before and what they hold now.
    std::set<std::string> keys;
    for (const auto& d : s.corpus.documents)
        if (d.in_collection && changed_files.count(d.path)) {
            keys.insert(d.key);
        }
    ParseOptions parse_options{s.config.preambular_phrases};
    std::vector<Document> fresh;
    for (const auto& rel : content_paths) {
        s.parse_diags.erase(rel);
        std::error_code ec;
        if (!fs::is_regular_file(options_.content_dir / rel, ec)) continue;  // removed
        Diagnostics d;
        if (auto src = load_source(options_.content_dir, rel, d)) {
            fresh.push_back(parse_document(*src, parse_options, d));
            keys.insert(fresh.back().key);
        }
        if (!d.empty()) s.parse_diags[rel] = std::move(d);
    }

    // Pages of the last build that showed those documents, and every path it wrote.
    std::set<std::string> old_paths, old_touched;
    const std::vector<char> old_among = documents_among(s.corpus, keys);
    for (const auto& p : s.plan.pages) {
        old_paths.insert(p.path);
        if (depends_on_any(p, old_among)) old_touched.insert(p.path);
    }
    for (const auto& d : s.plan.data) old_paths.insert(d.path);

    // The corpus again, from the unchanged documents (moved, not copied) and the new ones.
    // Stubs are made again by resolve.
    std::vector<Document> documents;
    documents.reserve(s.corpus.documents.size() + fresh.size());
    for (auto& d : s.corpus.documents)
        if (d.in_collection && !changed_files.count(d.path)) documents.push_back(std::move(d));
    for (auto& d : fresh) documents.push_back(std::move(d));
    s.resolve_diags.clear();
    s.corpus = resolve(std::move(documents), s.resolve_diags);
    s.align(options_.live);
    s.plan = plan_site(s.corpus, s.current_alignment(), s.config);
    UpdateResult result;
    result.build.pages = s.plan.pages.size();
    result.build.documents = count_documents(s.corpus);
    Diagnostics diags = s.diagnostics();
    if (has_errors(diags)) {
        // The last good site stays; the next change builds everything again.
        s.healthy = false;
        result.build.diagnostics = std::move(diags);
        return result;
    }

    // Rendered again: the pages that show a touched document (before or now), new pages, and
    // the series pages; data files are compared as they are.
    std::vector<Page*> todo;
    std::set<std::string> new_paths;
    const std::vector<char> among = documents_among(s.corpus, keys);
    for (auto& p : s.plan.pages) {
        new_paths.insert(p.path);
        // Pages that name no document they depend on (search, 404) are cheap: made again.
        if (depends_on_any(p, among) || old_touched.count(p.path) || !old_paths.count(p.path) || p.depends_on.empty())
            todo.push_back(&p);
    }
    for (const auto& d : s.plan.data) new_paths.insert(d.path);
    write_update(result, options_.out_dir, update_files(*s.renderer, todo, s.plan.data), old_paths, new_paths,
                 std::move(diags), options_.threads);
    s.healthy = result.build.ok;
    return result;
}

bool Session::stale() const { return state_ && state_->healthy && state_->series_stale; }

UpdateResult Session::refresh(const std::atomic<bool>* stop) {
    if (!stale()) return {};
    State& s = *state_;
    s.leftovers.reset();
    auto stopped = [stop] { return stop && stop->load(); };
    std::vector<StageTime> timings;
    Stopwatch clock(timings);
    std::set<std::string> old_paths;
    for (const auto& p : s.plan.pages)
        old_paths.insert(p.path);
    for (const auto& d : s.plan.data) old_paths.insert(d.path);
    // A stopped refresh leaves what it made to the next one to free (State::leftovers).
    auto set_aside = [&](Plan made, std::set<std::string> new_paths) {
        s.leftovers = State::Leftovers{std::move(made), std::move(old_paths), std::move(new_paths)};
    };
    // The plan is made aside and takes the session's place only once the site is written: a
    // refresh stopped half-way leaves the session as it found it, and the files it wrote are
    // right for the corpus, which it did not change.
    std::optional<Plan> planned = plan_site(s.corpus, s.current_alignment(), s.config, stop);
    clock.lap("plan");
    if (!planned) {
        set_aside({}, {});
        UpdateResult result;
        result.interrupted = true;
        return result;
    }
    Plan& plan = *planned;

    // What can have changed since the last full plan: the pages showing a document edited
    // since (the series pages show them all), new pages, and the pages of documents whose
    // paragraphs' language now first stands in another text (the genealogy follows matches
    // from text to text, beyond the texts an edit touches).
    std::set<std::string> keys = s.pending;
    if (s.aligner) {
        const LanguageOrigins& now = *plan.origins;
        const LanguageOrigins* before = s.plan.origins.get();
        for (size_t d = 0; d < now.size(); ++d)
            if (!before || d >= before->size() || now[d] != (*before)[d]) keys.insert(s.corpus.documents[d].key);
    }
    const std::vector<char> among = documents_among(s.corpus, keys);
    auto shows_change = [&](const Page& p) {
        return !s.aligner || !old_paths.count(p.path) || p.depends_on.empty() || depends_on_any(p, among);
    };
    std::set<std::string> now;
    std::vector<Page*> todo;
    for (auto& p : plan.pages) {
        now.insert(p.path);
        if (shows_change(p)) todo.push_back(&p);
    }
    clock.lap("changed pages");
    for (const auto& d : plan.data) now.insert(d.path);
    UpdateResult result;
    if (stopped()) {
        set_aside(std::move(plan), std::move(now));
        result.interrupted = true;
        return result;
    }
    // Every data file: a file names what it cites as the citing texts date it, so an edit
    // can change the AKN files of texts it does not touch. Written only where bytes changed.
    result.build.pages = plan.pages.size();
    result.build.documents = count_documents(s.corpus);
    write_update(result, options_.out_dir, update_files(*s.renderer, todo, plan.data), old_paths, now,
                 s.diagnostics(), options_.threads, stop);
    clock.lap("render and write");
    if (result.build.stats.stopped) {
        // What was written is right for the corpus as it was, and the next refresh, which
        // finds it unchanged, names it among what it changed; the rest waits for it.
        s.unannounced.insert(result.changed.begin(), result.changed.end());
        result.changed.clear();
        result.interrupted = true;
        set_aside(std::move(plan), std::move(now));
        return result;
    }
    if (!s.unannounced.empty()) {
        s.unannounced.insert(result.changed.begin(), result.changed.end());
        result.changed.assign(s.unannounced.begin(), s.unannounced.end());
        s.unannounced.clear();
    }
    result.build.timings = std::move(timings);
    s.plan = std::move(plan);
    s.pending.clear();
    s.series_stale = false;
    s.healthy = result.build.ok;
    return result;
}

}  // namespace resgen
