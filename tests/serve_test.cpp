// The live preview's server: it serves only files of the output folder, answers anything else
// with 404, adds the reload script to HTML only, and keeps answering under concurrent requests.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "serve/serve.hpp"

namespace fs = std::filesystem;
using namespace resgen;

namespace {

fs::path make_root() {
    fs::path base = fs::temp_directory_path() / "resgen-serve-test";
    fs::remove_all(base);
    fs::create_directories(base / "out/E/RES/2003/28");
    fs::create_directories(base / "out/assets");
    std::ofstream(base / "out/index.html") << "<!DOCTYPE html><html><body><p>home</p></body></html>";
    std::ofstream(base / "out/E/RES/2003/28/index.html") << "<!DOCTYPE html><html><body>2003/28</body></html>";
    std::ofstream(base / "out/assets/style.css") << "body{}";
    std::ofstream(base / "secret.txt") << "not for the web";
    fs::create_symlink(base / "secret.txt", base / "out/leak.txt");
    fs::create_directory_symlink(base, base / "out/up");
    return base;
}

}  // namespace

TEST_CASE("file_for serves only the files of the output folder", "[serve]") {
    fs::path base = make_root(), out = base / "out";
    auto canon = [](const fs::path& p) { return fs::canonical(p); };
    CHECK(serve::file_for(out, "/") == canon(out / "index.html"));
    CHECK(serve::file_for(out, "/E/RES/2003/28/") == canon(out / "E/RES/2003/28/index.html"));
    CHECK(serve::file_for(out, "/E/RES/2003/28/index.html") == canon(out / "E/RES/2003/28/index.html"));
    CHECK(serve::file_for(out, "/assets/style.css") == canon(out / "assets/style.css"));
    CHECK(serve::file_for(out, "/E/RES/2003/28") == canon(out / "E/RES/2003/28"));  // a folder: redirected
    for (const char* bad : {"/../secret.txt", "/E/../../secret.txt", "/leak.txt", "/up/secret.txt", "/missing.html",
                            "/E//RES", "/./index.html", "relative.html", "", "/a\\b"})
        CHECK_FALSE(serve::file_for(out, bad));
}

TEST_CASE("the reload script is added to HTML before </body>", "[serve]") {
    std::string html = serve::with_reload_script("<html><body><p>x</p></body></html>");
    CHECK(html == std::string("<html><body><p>x</p><script src=\"") + serve::kReloadScriptPath +
                      "\"></script></body></html>");
    CHECK(serve::with_reload_script("<p>x</p>").find(serve::kReloadScriptPath) != std::string::npos);
    CHECK(serve::reload_script().find("EventSource") != std::string::npos);
}

TEST_CASE("the server answers many clients at once, and 404 for what is not in the folder", "[serve]") {
    fs::path base = make_root();
    serve::Server server(base / "out");
    int port = server.bind("127.0.0.1", 0);
    REQUIRE(port > 0);
    std::thread t([&] { server.run(); });

    std::atomic<int> ok{0}, missing{0}, wrong{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            client.set_connection_timeout(5);
            client.set_read_timeout(5);
            for (int i = 0; i < 25; ++i) {
                bool good = (i + c) % 2 == 0;
                auto r = client.Get(good ? "/E/RES/2003/28/index.html" : "/../secret.txt");
                if (!r) ++wrong;
                else if (good && r->status == 200 && r->body.find(serve::kReloadScriptPath) != std::string::npos) ++ok;
                else if (!good && r->status == 404 && r->body.find("not for the web") == std::string::npos) ++missing;
                else ++wrong;
            }
        });
    }
    // An event stream open meanwhile does not hold the others up, and ends when the server stops.
    std::thread stream([&] {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(10);
        client.Get(serve::kEventsPath, [](const char*, size_t) { return true; });
    });
    for (auto& c : clients) c.join();
    CHECK(ok == 100);
    CHECK(missing == 100);
    CHECK(wrong == 0);

    httplib::Client client("127.0.0.1", port);
    auto css = client.Get("/assets/style.css");
    REQUIRE(css);
    CHECK(css->body == "body{}");  // not HTML: nothing added
    auto folder = client.Get("/E/RES/2003/28");
    REQUIRE(folder);
    CHECK(folder->status == 302);

    server.stop();
    t.join();
    stream.join();
}
