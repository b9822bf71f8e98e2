// The live preview's edges: an HTTP server over the output folder that tells open pages to
// reload (Server-Sent Events), and a watcher of the content and template folders.
//
// The reload script is not part of the site: the server adds a <script src> for it to the HTML
// it sends, so the folder on disk stays exactly what `resgen build` writes.
#pragma once
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
class Server;
}

namespace resgen::serve {

inline constexpr const char* kReloadScriptPath = "/__resgen/reload.js";
inline constexpr const char* kEventsPath = "/__resgen/events";

// The file of the output folder `root` that a request path names ("/", "/E/RES/2003/28/",
// "/assets/style.css"), or nothing: a path that is not plain (.., a NUL, a backslash, bad
// percent-encoding), a file that does not exist, or one that leads outside `root` through a
// symbolic link. A folder's path gives its index.html.
std::optional<std::filesystem::path> file_for(const std::filesystem::path& root, std::string_view url_path);

// The HTML with the reload script's tag added before </body> (at the end when there is none).
std::string with_reload_script(std::string html);

// The script itself: listens to the events, reloads the page when it changed, and draws the
// build's errors over the page until they are fixed.
const std::string& reload_script();

// What the open pages are told. Each event replaces the last one; a page that connects while
// the build is broken is told at once.
class Events {
public:
    // These output paths changed ("E/RES/2003/28/index.html"); `everything` reloads every page.
    void reload(const std::vector<std::string>& paths, bool everything);
    // The build failed with this text (file:line:col: message lines).
    void error(const std::string& text);
    // Ends every open stream (the server is stopping).
    void close();

    struct Message {
        unsigned long seq = 0;
        std::string event;  // "reload" or "error"
        std::string data;   // one line of JSON
    };
    // Waits up to `timeout_ms` for a message newer than `seq`; nothing on timeout or close.
    std::optional<Message> next(unsigned long seq, int timeout_ms);
    // The current error, if the build is broken now, as a message to send first.
    std::optional<Message> current_error();
    unsigned long seq();
    bool closed();

private:
    void publish(std::string event, std::string data);
    std::mutex mutex_;
    std::condition_variable changed_;
    Message last_;
    bool broken_ = false;
    bool closed_ = false;
};

class Server {
public:
    explicit Server(std::filesystem::path root);
    ~Server();
    // Binds to host:port (port 0: any free port). Returns the port, or -1.
    int bind(const std::string& host, int port);
    // Serves until stop(); blocking.
    void run();
    void stop();
    Events& events() { return events_; }

private:
    std::filesystem::path root_;
    Events events_;
    std::unique_ptr<httplib::Server> http_;
};

// Watches folders (and the folders made in them later) for files written, moved or removed.
class Watcher {
public:
    explicit Watcher(const std::vector<std::filesystem::path>& dirs);
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;
    // The files changed since the last call, waiting up to `timeout_ms` for the first change;
    // changes that follow within a few milliseconds (an editor's save is several) come together.
    std::vector<std::filesystem::path> wait(int timeout_ms);
    bool ok() const { return fd_ >= 0; }

private:
    void add(const std::filesystem::path& dir);
    int fd_ = -1;
    std::vector<std::pair<int, std::filesystem::path>> watches_;
};

}  // namespace resgen::serve
