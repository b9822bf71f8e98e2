// resgen-bench-edit: the incremental path of `resgen serve`, measured. Builds a corpus once,
// then edits one document at a time (a word of its text, as an editor would) and times the
// Session's update until the changed pages are on disk. Every edited file is restored.
//
//   resgen-bench-edit --content /tmp/resgen-bench/corpus-10000 --out /tmp/out --edits 20
#include <sys/resource.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "load/source.hpp"
#include "site/session.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// CPU time of the whole process (every thread), in ms: on a shared machine the wall time of
// a short step says more about the other processes than about this one.
double cpu_ms() {
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

}  // namespace

int main(int argc, char** argv) {
    resgen::BuildOptions options;
    int edits = 20;
    bool refresh = true;  // --no-refresh: only the quick path, edit after edit (for a profile)
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--content" && i + 1 < argc) options.content_dir = argv[++i];
        else if (a == "--out" && i + 1 < argc) options.out_dir = argv[++i];
        else if (a == "--edits" && i + 1 < argc) edits = std::atoi(argv[++i]);
        else if (a == "--no-refresh") refresh = false;
        else {
            std::cerr << "usage: resgen-bench-edit --content DIR --out DIR [--edits N] [--no-refresh]\n";
            return 2;
        }
    }
    options.live = true;
    resgen::Session session(options);
    auto t0 = Clock::now();
    auto first = session.build();
    double full = ms_since(t0);
    if (!first.build.ok) {
        for (const auto& d : first.build.diagnostics) std::cerr << resgen::format_diagnostic(d) << '\n';
        return 1;
    }
    resgen::Diagnostics diags;
    std::vector<std::string> files = resgen::content_files(options.content_dir, diags);
    if (files.empty()) return 1;

    std::vector<double> times, cpu, refreshes;
    std::map<std::string, std::vector<double>> stages;  // of the quick path, in its order below
    std::vector<size_t> written;
    for (int k = 0; k < edits; ++k) {
        // Documents spread over the corpus, old ones (much recalled) and new ones alike.
        const std::string& rel = files[(static_cast<size_t>(k) * 7919) % files.size()];
        fs::path path = options.content_dir / rel;
        std::string before = resgen::read_file(path);
        std::string after = before;
        // A word added to its first operative paragraph, after the opening phrase.
        size_t at = after.find("\n1. *", after.find("\n---", 3));
        if (at != std::string::npos) at = after.find("* ", at + 5);
        if (at == std::string::npos) continue;
        after.insert(at + 2, "firmly (edit " + std::to_string(k) + ") ");
        write_text(path, after);
        // The previous edit's refresh wrote the data files (hundreds of megabytes for a large
        // collection): let the system write them out first, as it does while an editor reads
        // the page before the next edit, so that this update is not measured against it.
        ::sync();
        auto t = Clock::now();
        double c = cpu_ms();
        auto r = session.update({path});
        times.push_back(ms_since(t));
        cpu.push_back(cpu_ms() - c);
        written.push_back(r.changed.size());
        std::printf("  edit %d of %s: %.1f ms (", k, rel.c_str(), times.back());
        for (const auto& st : r.build.timings) {
            stages[st.stage].push_back(st.ms);
            std::printf(" %s %.1f", st.stage.c_str(), st.ms);
        }
        std::printf(" )\n");
        // The series pages and data files, which the preview brings up to date after the reload.
        t = Clock::now();
        if (refresh) {
            auto later = session.refresh();
            refreshes.push_back(ms_since(t));
            std::printf("    refresh %.0f ms (", refreshes.back());
            for (const auto& st : later.build.timings) std::printf(" %s %.0f", st.stage.c_str(), st.ms);
            std::printf(" )\n");
        }
        write_text(path, before);
        session.update({path});
        if (refresh) session.refresh();
        if (!r.build.ok) {
            for (const auto& d : r.build.diagnostics) std::cerr << resgen::format_diagnostic(d) << '\n';
            return 1;
        }
    }
    std::vector<double> sorted = times, later = refreshes, cpus = cpu;
    std::sort(cpus.begin(), cpus.end());
    std::sort(sorted.begin(), sorted.end());
    std::sort(later.begin(), later.end());
    size_t max_written = written.empty() ? 0 : *std::max_element(written.begin(), written.end());
    std::printf("one edited document of %zu: update wall median %.1f ms, min %.1f, max %.1f, CPU median %.1f ms "
                "over %zu edits "
                "(at most %zu files rewritten); full build in the same process %.0f ms\n",
                files.size(), sorted[sorted.size() / 2], sorted.front(), sorted.back(), cpus[cpus.size() / 2],
                sorted.size(), max_written, full);
    if (!later.empty())
        std::printf("  series pages and data refreshed after it: median %.0f ms\n", later[later.size() / 2]);
    std::printf("  median by stage:");
    for (const char* stage : {"parse and resolve", "align", "plan", "render and write"}) {
        auto& v = stages[stage];
        if (v.empty()) continue;
        std::sort(v.begin(), v.end());
        std::printf(" %s %.1f ms,", stage, v[v.size() / 2]);
    }
    std::printf("\n");
    return 0;
}
