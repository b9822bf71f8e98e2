// `resgen serve`: builds, serves the output folder on loopback, watches the content and
// template folders, rebuilds what a change affects and tells open pages to reload.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "cli/commands.hpp"
#include "serve/serve.hpp"
#include "site/session.hpp"

namespace resgen::cli {

namespace {

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

struct ServeOptions {
    std::string content = "content", out = "site", templates, host = "127.0.0.1";
    int port = 8000;
};

std::string diagnostics_text(const Diagnostics& diags, Severity at_least) {
    std::string text;
    for (const auto& d : diags)
        if (d.severity >= at_least) text += format_diagnostic(d) + "\n";
    return text;
}

// What the watcher saw, handed from its thread to the one that builds. `waiting` tells a
// refresh under way that an edit waits for it.
class Changes {
public:
    std::atomic<bool> waiting{false};

    void add(const std::vector<std::filesystem::path>& paths) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            paths_.insert(paths.begin(), paths.end());
            waiting = true;
        }
        arrived_.notify_one();
    }

    // The paths changed since the last call; none if nothing changed within `timeout_ms`.
    std::vector<std::filesystem::path> take(int timeout_ms) {
        std::unique_lock<std::mutex> lock(mutex_);
        arrived_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return !paths_.empty(); });
        std::vector<std::filesystem::path> out(paths_.begin(), paths_.end());
        paths_.clear();
        waiting = false;
        return out;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::set<std::filesystem::path> paths_;
};

int serve(const ServeOptions& o) {
    BuildOptions b;
    b.content_dir = o.content;
    b.out_dir = o.out;
    if (!o.templates.empty()) b.templates_dir = o.templates;

    b.live = true;  // keep the alignment's index: an edit is aligned again in milliseconds
    Session session(b);
    auto first = session.build();
    std::cerr << diagnostics_text(first.build.diagnostics, Severity::note);
    std::error_code ec;
    std::filesystem::create_directories(o.out, ec);

    serve::Server server(o.out);
    int port = server.bind(o.host, o.port);
    if (port < 0) {
        std::cerr << "resgen: cannot listen on " << o.host << ":" << o.port << "\n";
        return usage_error;
    }
    if (!first.build.ok) server.events().error(diagnostics_text(first.build.diagnostics, Severity::error));
    std::cout << "Serving " << o.out << "/ at http://" << o.host << ":" << port << "/ (Ctrl-C to stop)" << std::endl;

    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::thread http([&] { server.run(); });

    serve::Watcher watcher({b.content_dir, b.templates_dir});
    if (!watcher.ok()) std::cerr << "resgen: cannot watch " << o.content << "; changes will not be seen\n";
    Changes changes;
    std::thread watching([&] {
        while (!g_stop)
            if (auto changed = watcher.wait(250); session.affects(changed)) changes.add(changed);
    });

    // The series pages and data files, after the edited pages are shown. An edit saved
    // meanwhile stops it: that edit is shown first, and the refresh made again after it.
    auto refresh = [&] {
        auto t0 = std::chrono::steady_clock::now();
        UpdateResult later = session.refresh(&changes.waiting);
        if (later.interrupted) return;
        if (!later.build.ok) {
            std::string text = diagnostics_text(later.build.diagnostics, Severity::error);
            std::cerr << text << std::flush;
            server.events().error(text);
            return;
        }
        if (!later.changed.empty()) server.events().reload(later.changed, false);
        auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        std::printf("Refreshed the rest of the site: %zu files written, %zu removed in %.0f ms\n",
                    later.build.stats.written, later.build.stats.removed, ms);
        std::fflush(stdout);
    };

    while (!g_stop) {
        auto changed = changes.take(250);
        if (changed.empty()) {
            if (session.stale() && !changes.waiting) refresh();  // one that an edit stopped
            continue;
        }
        auto t0 = std::chrono::steady_clock::now();
        UpdateResult u = session.update(changed);
        if (!u.build.ok) {
            std::string text = diagnostics_text(u.build.diagnostics, Severity::error);
            std::cerr << text << std::flush;
            server.events().error(text);
            continue;
        }
        if (!u.changed.empty() || u.full) {
            server.events().reload(u.changed, u.full);
            auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            std::cerr << diagnostics_text(u.build.diagnostics, Severity::warning);
            std::printf("%s: %zu files written, %zu removed, reload sent in %.1f ms\n", u.full ? "Rebuilt" : "Updated",
                        u.build.stats.written, u.build.stats.removed, ms);
            std::fflush(stdout);
        }
        if (session.stale()) refresh();
    }
    watching.join();
    server.stop();
    http.join();
    return ok;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& run) {
    auto o = std::make_shared<ServeOptions>();
    CLI::App* cmd = app.add_subcommand("serve", serve_summary);
    cmd->add_option("--content", o->content, "folder of the content files and site.yml")->capture_default_str();
    cmd->add_option("--out", o->out, "output folder (written as by build)")->capture_default_str();
    cmd->add_option("--templates", o->templates, "folder of templates that replace the built-in ones, file by file");
    cmd->add_option("--port", o->port, "port to listen on (0: any free port)")->capture_default_str();
    cmd->add_option("--host", o->host, "address to listen on; the default serves this machine only")
        ->capture_default_str();
    cmd->callback([o, &run] { run = [o] { return serve(*o); }; });
}

}  // namespace resgen::cli
