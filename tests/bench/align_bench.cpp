// How the alignment grows with the collection: the five seed documents copied into K series,
// each series with its own vocabulary for longer words (short words stay shared, as the
// boilerplate of real series is), then aligned and planned. Prints one line of figures per K.
//   align_bench [content-dir] [K...]
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "align/align.hpp"
#include "config/config.hpp"
#include "load/source.hpp"
#include "parse/parse.hpp"
#include "plan/plan.hpp"

using namespace resgen;

namespace {

std::string rename(const std::string& key, size_t s) { return key.empty() ? key : key + "-s" + std::to_string(s); }

std::string respell(const std::string& text, size_t s) {
    std::string out, word;
    auto flush = [&] {
        out += word;
        if (word.size() > 4) out += "q" + std::to_string(s);
        word.clear();
    };
    for (char c : text) {
        if (std::isalpha(static_cast<unsigned char>(c))) word += c;
        else { flush(); out += c; }
    }
    flush();
    return out;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path content = argc > 1 ? argv[1] : "content";
    std::vector<size_t> sizes;
    for (int i = 2; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
    if (sizes.empty()) sizes = {1, 10, 100};
    Diagnostics diags;
    std::vector<Document> seeds;
    for (const auto& src : load_sources(content, diags)) seeds.push_back(parse_document(src, {}, diags));
    for (size_t k : sizes) {
        std::vector<Document> docs;
        for (size_t s = 0; s < k; ++s)
            for (Document d : seeds) {
                d.key = rename(d.key, s);
                if (!d.meta.symbol.empty()) d.meta.symbol = d.key;
                else d.meta.id = d.key;
                d.meta.adopted_as = rename(d.meta.adopted_as, s);
                for (auto& c : d.clauses) {
                    c.markdown = respell(c.markdown, s);
                    c.citations.clear();
                }
                docs.push_back(std::move(d));
            }
        size_t clauses = 0;
        for (const auto& d : docs) clauses += d.clauses.size();
        Corpus corpus = resolve(std::move(docs), diags);
        // Wall time, and processor time, which the other processes of a busy machine do not inflate.
        auto t0 = std::chrono::steady_clock::now();
        std::clock_t c0 = std::clock();
        Alignment al = align_corpus(corpus);
        double align_ms = ms_since(t0), align_cpu_ms = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
        size_t matches = 0;
        for (const auto& p : al.pairs) matches += p.matches.size();
        auto t1 = std::chrono::steady_clock::now();
        std::clock_t c1 = std::clock();
        Plan plan = plan_site(corpus, al, SiteConfig{});
        double plan_ms = ms_since(t1), plan_cpu_ms = 1000.0 * double(std::clock() - c1) / CLOCKS_PER_SEC;
        std::printf("series=%zu documents=%zu clauses=%zu document_pairs=%zu clause_pairs_scored=%zu clause_matches=%zu align_ms=%.1f align_cpu_ms=%.1f plan_ms=%.1f plan_cpu_ms=%.1f pages=%zu\n",
                    k, corpus.documents.size(), clauses, al.pairs.size(), al.scored, matches, align_ms, align_cpu_ms, plan_ms, plan_cpu_ms, plan.pages.size());
    }
    return 0;
}
