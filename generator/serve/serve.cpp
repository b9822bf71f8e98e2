#include "serve/serve.hpp"

#include <httplib.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "load/source.hpp"

namespace fs = std::filesystem;

namespace resgen::serve {

namespace {

const char* content_type(const fs::path& p) {
    static const std::map<std::string, const char*> types = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".xml", "application/xml"}, {".svg", "image/svg+xml"}, {".txt", "text/plain; charset=utf-8"},
        {".png", "image/png"}, {".jpg", "image/jpeg"}, {".ico", "image/x-icon"},
        {".woff2", "font/woff2"}, {".zip", "application/zip"}};
    auto it = types.find(p.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

// True when `p` is `root` or inside it; both canonical.
bool within(const fs::path& root, const fs::path& p) {
    auto r = root.begin(), q = p.begin();
    for (; r != root.end(); ++r, ++q)
        if (q == p.end() || *r != *q) return false;
    return true;
}

std::string sse(const Events::Message& m) { return "event: " + m.event + "\ndata: " + m.data + "\n\n"; }

}  // namespace

std::optional<fs::path> file_for(const fs::path& root, std::string_view url_path) {
    if (url_path.empty() || url_path[0] != '/') return std::nullopt;
    std::string rel(url_path.substr(1));
    if (rel.find('\0') != std::string::npos || rel.find('\\') != std::string::npos) return std::nullopt;
    // Every segment plain: no ".", "..", and no empty one except a trailing slash.
    for (size_t start = 0; start < rel.size();) {
        size_t slash = rel.find('/', start);
        std::string seg = rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return std::nullopt;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    std::error_code ec;
    fs::path base = fs::canonical(root, ec);
    if (ec) return std::nullopt;
    // canonical() follows every symbolic link, so a link that leads out is caught here.
    fs::path file = fs::canonical(base / rel, ec);
    if (ec || !within(base, file)) return std::nullopt;
    if (fs::is_directory(file, ec) || fs::is_regular_file(file, ec)) return file;
    return std::nullopt;
}

std::string with_reload_script(std::string html) {
    const std::string tag = std::string("<script src=\"") + kReloadScriptPath + "\"></script>";
    size_t at = html.rfind("</body>");
    if (at == std::string::npos) html += tag;
    else html.insert(at, tag);
    return html;
}

const std::string& reload_script() {
    static const std::string script = R"JS((function () {
  "use strict";
  // This page's path in the output folder, as the server names changed files.
  var here = decodeURIComponent(location.pathname.replace(/^\/+/, ""));
  if (here === "" || here.charAt(here.length - 1) === "/") here += "index.html";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "resgen-build-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
        "padding:2rem;background:#fff8f6;color:#7a0000;font:15px/1.5 monospace;white-space:pre-wrap;" +
        "border:6px solid #b00020";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "The build failed. The site shows the last good build until this is fixed.\n\n" + text;
  }
  var events = new EventSource("/__resgen/events");
  events.addEventListener("open", function () {
    document.documentElement.setAttribute("data-resgen-live", "");
  });
  events.addEventListener("reload", function (e) {
    var m = JSON.parse(e.data);
    if (overlay || m.everything || m.paths.indexOf(here) >= 0) location.reload();
  });
  events.addEventListener("build-error", function (e) {
    show(JSON.parse(e.data).text);
  });
})();
)JS";
    return script;
}

void Events::publish(std::string event, std::string data) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        last_ = {last_.seq + 1, std::move(event), std::move(data)};
    }
    changed_.notify_all();
}

void Events::reload(const std::vector<std::string>& paths, bool everything) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        broken_ = false;
    }
    publish("reload", nlohmann::json{{"paths", paths}, {"everything", everything}}.dump());
}

void Events::error(const std::string& text) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        broken_ = true;
    }
    publish("build-error", nlohmann::json{{"text", text}}.dump());
}

void Events::close() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

std::optional<Events::Message> Events::next(unsigned long seq, int timeout_ms) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] { return closed_ || last_.seq != seq; });
    if (closed_ || last_.seq == seq) return std::nullopt;
    return last_;
}

std::optional<Events::Message> Events::current_error() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!broken_) return std::nullopt;
    return last_;
}

bool Events::closed() {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
}

unsigned long Events::seq() {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_.seq;
}

Server::Server(fs::path root) : root_(std::move(root)), http_(std::make_unique<httplib::Server>()) {
    // Each open page holds one event stream: enough threads for many tabs, still bounded.
    http_->new_task_queue = [] { return new httplib::ThreadPool(32); };
    http_->set_keep_alive_max_count(100);

    http_->Get(kReloadScriptPath, [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(reload_script(), "text/javascript; charset=utf-8");
    });

    http_->Get(kEventsPath, [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        auto seq = std::make_shared<unsigned long>(events_.seq());
        auto started = std::make_shared<bool>(false);
        res.set_chunked_content_provider("text/event-stream", [this, seq, started](size_t, httplib::DataSink& sink) {
            std::string out;
            if (events_.closed()) return false;
            if (!*started) {
                *started = true;
                out = "retry: 1000\n\n";
                if (auto e = events_.current_error()) out += sse(*e);
            } else if (auto m = events_.next(*seq, 15000)) {
                *seq = m->seq;
                out = sse(*m);
            } else if (!events_.closed()) {
                out = ": still here\n\n";  // also finds out that a closed tab's stream has ended
            }
            if (!sink.is_writable()) return false;
            return out.empty() ? false : sink.write(out.data(), out.size());
        });
    });

    http_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        auto file = file_for(root_, req.path);
        std::error_code ec;
        if (file && fs::is_directory(*file, ec)) {
            res.set_redirect(req.path + "/");
            return;
        }
        std::string bytes;
        try {
            if (file) bytes = read_file(*file);
        } catch (...) {
            file.reset();
        }
        if (!file) {
            res.status = 404;
            res.set_content("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title>"
                            "</head><body><h1>Not found</h1><p><a href=\"/index.html\">Home</a></p></body></html>",
                            "text/html; charset=utf-8");
            return;
        }
        const char* type = content_type(*file);
        if (file->extension() == ".html") bytes = with_reload_script(std::move(bytes));
        res.set_content(std::move(bytes), type);
    });
}

Server::~Server() { stop(); }

int Server::bind(const std::string& host, int port) {
    if (port == 0) return http_->bind_to_any_port(host);
    return http_->bind_to_port(host, port) ? port : -1;
}

void Server::run() { http_->listen_after_bind(); }

void Server::stop() {
    events_.close();  // event streams first: the server waits for its threads
    if (http_->is_running()) http_->stop();
}

Watcher::Watcher(const std::vector<fs::path>& dirs) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return;
    for (const auto& d : dirs) add(d);
}

Watcher::~Watcher() {
    if (fd_ >= 0) ::close(fd_);
}

void Watcher::add(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE;
    int wd = ::inotify_add_watch(fd_, dir.c_str(), mask);
    if (wd >= 0) watches_.emplace_back(wd, dir);
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] != '.' && it->is_directory(ec)) add(it->path());
    }
}

std::vector<fs::path> Watcher::wait(int timeout_ms) {
    std::set<fs::path> changed;
    if (fd_ < 0) return {};
    pollfd p{fd_, POLLIN, 0};
    int wait_ms = timeout_ms;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
    while (::poll(&p, 1, wait_ms) > 0) {
        alignas(inotify_event) char buf[64 * 1024];
        ssize_t n;
        while ((n = ::read(fd_, buf, sizeof buf)) > 0) {
            for (char* at = buf; at < buf + n;) {
                auto* e = reinterpret_cast<inotify_event*>(at);
                at += sizeof(inotify_event) + e->len;
                auto w = std::find_if(watches_.begin(), watches_.end(), [&](const auto& x) { return x.first == e->wd; });
                if (w == watches_.end() || e->len == 0) continue;
                fs::path path = w->second / e->name;
                if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) {
                    // A new folder: watch it, and take what it already holds as changed.
                    add(path);
                    std::error_code ec;
                    for (auto it = fs::recursive_directory_iterator(path, ec);
                         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                        if (it->is_regular_file(ec)) changed.insert(it->path());
                    continue;
                }
                if (e->mask & IN_CREATE) continue;  // its IN_CLOSE_WRITE follows
                changed.insert(path);
            }
        }
        // An editor's save is several events in a row: take those that follow within 5 ms.
        if (std::chrono::steady_clock::now() > deadline) break;
        wait_ms = 5;
    }
    return {changed.begin(), changed.end()};
}

}  // namespace resgen::serve
