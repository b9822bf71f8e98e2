#include "write/write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "load/source.hpp"
#include "parallel/parallel.hpp"
#include "parallel/stop.hpp"

namespace fs = std::filesystem;

namespace resgen {

namespace {

std::set<std::string> read_manifest(const fs::path& dir) {
    std::set<std::string> files;
    std::ifstream in(dir / kManifestName);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') files.insert(line);
    return files;
}

// Whether `p` holds exactly `bytes`: the size first, from one lstat, so that most changed
// files are told apart without reading them.
bool same_bytes(const fs::path& p, const std::string& bytes) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) != bytes.size())
        return false;
    try {
        return read_file(p) == bytes;
    } catch (...) {
        return false;
    }
}

int open_for_writing(const fs::path& p) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(p.string() + ": cannot write: " + std::strerror(errno));
    return fd;
}

// One write (more only if the kernel takes less) of all of `bytes` to `p`, open as `fd`.
void write_all(int fd, std::string_view bytes, const fs::path& p) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error(p.string() + ": write failed: " + std::strerror(errno));
        bytes.remove_prefix(static_cast<size_t>(n));
    }
}

// One open, one write, one close.
void write_bytes(const fs::path& p, const std::string& bytes) {
    int fd = open_for_writing(p);
    try {
        write_all(fd, bytes, p);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) throw std::runtime_error(p.string() + ": write failed: " + std::strerror(errno));
}

// Every folder the files need, parents before children, made with one mkdir each.
void make_folders(const fs::path& root, const std::vector<std::string>& paths) {
    std::set<std::string> folders;
    for (const auto& p : paths)
        for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1))
            folders.insert(p.substr(0, slash));
    for (const auto& f : folders) {
        fs::path dir = root / f;
        if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
            throw std::runtime_error(dir.string() + ": cannot create folder: " + std::strerror(errno));
    }
}

// Whether two files hold the same bytes, read a block at a time.
bool same_files(const fs::path& a, const fs::path& b) {
    struct stat sa {}, sb {};
    if (::lstat(a.c_str(), &sa) != 0 || ::lstat(b.c_str(), &sb) != 0 || !S_ISREG(sa.st_mode) ||
        !S_ISREG(sb.st_mode) || sa.st_size != sb.st_size)
        return false;
    std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
    std::vector<char> bx(1 << 16), by(1 << 16);
    while (x && y) {
        x.read(bx.data(), static_cast<std::streamsize>(bx.size()));
        y.read(by.data(), static_cast<std::streamsize>(by.size()));
        if (x.gcount() != y.gcount() || std::memcmp(bx.data(), by.data(), static_cast<size_t>(x.gcount())) != 0)
            return false;
    }
    return x.eof() && y.eof();
}

// One file of a site, made of the pieces its maker gives. Small files are kept whole and
// compared with the previous build's before anything is written; a file that grows past
// kWhole is written as its pieces come, and compared once written. Every page of a document
// is far below it; at 8 MB, the large data files of 10,000 documents, written side by side,
// each held a string of up to 16 MB as it grew, at the build's peak. A file with nothing to be
// compared with (no `old`) is written as its pieces come, whatever its size: kept, the pages of
// a first build were each copied once more for nothing (1.1 GB at 10,000 documents).
class FileWriter {
public:
    static constexpr size_t kWhole = size_t{1} << 20;

    // `old` is the file this one may turn out the same as (the previous build's, or the file a
    // refresh replaces), or empty when there is none.
    FileWriter(fs::path target, fs::path old) : target_(std::move(target)), old_(std::move(old)) {}
    ~FileWriter() {
        if (fd_ >= 0) ::close(fd_);
    }

    void add(std::string_view piece) {
        if (fd_ < 0 && !old_.empty() && whole_.size() + piece.size() <= kWhole) {
            whole_ += piece;
            return;
        }
        if (fd_ < 0) {
            fd_ = open_for_writing(target_);
            write_all(fd_, whole_, target_);
            std::string().swap(whole_);
        }
        write_all(fd_, piece, target_);
    }

    // Ends the file: true when it holds what `old` holds (then it is `old`, linked, so that
    // its time and inode stay), false when it was written.
    bool finish() {
        if (fd_ < 0) {
            if (!old_.empty() && same_bytes(old_, whole_) && ::link(old_.c_str(), target_.c_str()) == 0) return true;
            write_bytes(target_, whole_);
            return false;
        }
        close_file();
        if (old_.empty() || !same_files(old_, target_)) return false;
        fs::path linked = target_;
        linked += ".resgen-link";
        if (::link(old_.c_str(), linked.c_str()) != 0) return false;
        fs::rename(linked, target_);
        return true;
    }

    // Ends the file of an update: true, leaving nothing at the target, when it holds what
    // `old` holds; false when the target holds it.
    bool end_unless_same() {
        if (old_.empty()) {
            end();
            return false;
        }
        if (fd_ < 0) {
            if (same_bytes(old_, whole_)) return true;
            end();
            return false;
        }
        end();
        if (!same_files(old_, target_)) return false;
        fs::remove(target_);
        return true;
    }

private:
    // Ends the file where it is written.
    void end() {
        if (fd_ < 0) write_bytes(target_, whole_);
        else close_file();
    }

    void close_file() {
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) throw std::runtime_error(target_.string() + ": write failed: " + std::strerror(errno));
    }

    fs::path target_;
    fs::path old_;
    std::string whole_;
    int fd_ = -1;
};

std::string manifest_text(const std::vector<std::string>& files) {
    std::vector<std::string> paths = files;
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    std::string out = "# Files written by resgen. resgen deletes only the files listed here.\n";
    for (const auto& p : paths) out += p + "\n";
    return out;
}

}  // namespace

bool safe_relative_path(const std::string& path) {
    if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos ||
        path.find('\0') != std::string::npos)
        return false;
    size_t start = 0;
    while (true) {
        size_t slash = path.find('/', start);
        std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        if (slash == std::string::npos) return true;
        start = slash + 1;
    }
}

std::string refuse_output_folder(const fs::path& out_dir, const std::vector<fs::path>& sources,
                                 const fs::path& home) {
    std::error_code ec;
    auto canonical = [&](const fs::path& p) {
        fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_normal();
        if (c.filename().empty() && c.has_relative_path()) c = c.parent_path();
        return c;
    };
    // True when `inner` is `outer` or lies below it.
    auto within = [](const fs::path& inner, const fs::path& outer) {
        auto i = inner.begin();
        for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
            if (i == inner.end() || *i != *o) return false;
        return true;
    };
    fs::path out = canonical(out_dir);
    if (out == out.root_path()) return "it is the root folder";
    if (!home.empty() && out == canonical(home)) return "it is your home folder";
    for (const auto& src : sources) {
        if (src.empty()) continue;
        fs::path s = canonical(src);
        if (out == s) return "it is the folder resgen reads from (" + src.string() + ")";
        if (within(s, out)) return "it contains " + src.string() + ", which resgen reads from";
        if (within(out, s)) return "it lies inside " + src.string() + ", which resgen reads from";
    }
    return {};
}

namespace {

// Staging and retired folders of builds that were killed: "." + name + ".resgen-new-" + pid.
// Those of a process that is still running are left alone.
void clean_abandoned(const fs::path& parent, const std::string& name, const fs::path& out_dir) {
    std::error_code ec;
    if (!fs::is_directory(parent, ec)) return;
    const std::string stem = "." + name + ".resgen-";
    for (const auto& e : fs::directory_iterator(parent, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind(stem, 0) != 0) continue;
        std::string rest = n.substr(stem.size());
        bool is_new = rest.rfind("new-", 0) == 0, is_old = rest.rfind("old-", 0) == 0;
        if (!is_new && !is_old) continue;
        std::string pid = rest.substr(4);
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0) continue;
        // A build killed between its two renames left the previous site under the old name.
        if (is_old && !fs::exists(out_dir, ec)) fs::rename(e.path(), out_dir, ec);
        else fs::remove_all(e.path(), ec);
    }
}

// Puts `staging` in the place of `out_dir` in one step where the system can (Linux
// renameat2 RENAME_EXCHANGE); the previous site ends up under `staging`'s name.
bool exchange(const fs::path& staging, const fs::path& out_dir) {
#ifdef RENAME_EXCHANGE
    return ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out_dir.c_str(), RENAME_EXCHANGE) == 0;
#else
    (void)staging;
    (void)out_dir;
    return false;
#endif
}

}  // namespace

WriteStats write_site(const fs::path& out_arg, const SiteFiles& files, Diagnostics& diags, unsigned threads,
                      const std::atomic<bool>* stop) {
    WriteStats stats;
    std::error_code ec;
    fs::path out_dir = fs::absolute(out_arg, ec).lexically_normal();
    if (out_dir.filename().empty()) out_dir = out_dir.parent_path();
    auto fail = [&](std::string msg) {
        diags.push_back({Severity::error, out_arg.string(), 0, 0, std::move(msg)});
        return stats;
    };
    for (const auto& p : files.paths)
        if (!safe_relative_path(p) || p == kManifestName)
            return fail("refusing to write '" + p + "': not a plain path inside the output folder");

    const std::string name = out_dir.filename().string();
    const fs::path parent = out_dir.parent_path();
    clean_abandoned(parent, name, out_dir);

    if (fs::is_symlink(out_dir, ec))
        return fail("the output is a symbolic link; give the folder it points to as --out");
    bool exists = fs::exists(out_dir, ec);
    std::set<std::string> previous;
    if (exists) {
        if (!fs::is_directory(out_dir, ec)) return fail("the output exists and is not a folder");
        bool has_manifest = fs::exists(out_dir / kManifestName, ec);
        bool empty = fs::is_empty(out_dir, ec);
        if (!has_manifest && !empty)
            return fail("refusing to build into a folder resgen did not create: it is not empty and has no " +
                        std::string(kManifestName) + "; choose another --out or empty it yourself");
        previous = read_manifest(out_dir);
    }

    const fs::path staging = parent / ("." + name + ".resgen-new-" + std::to_string(::getpid()));
    const fs::path retired = parent / ("." + name + ".resgen-old-" + std::to_string(::getpid()));
    try {
        fs::create_directories(parent);
        fs::remove_all(staging);
        fs::create_directories(staging);
        make_folders(staging, files.paths);
        // Each file is made, compared and written on its own: nothing waits for the whole site.
        std::atomic<size_t> written{0}, unchanged{0};
        // parallel_for passes the flag on: a series page looks at it while it reads every document.
        StopScope scope(stop);
        parallel_for(files.paths.size(), [&](size_t i) {
            if (stop_requested()) return;  // checked again before the swap
            const std::string& path = files.paths[i];
            FileWriter file(staging / path, exists && previous.count(path) ? out_dir / path : fs::path());
            files.bytes(i, [&file](std::string_view piece) { file.add(piece); });
            // Unchanged bytes: the same file, linked, so its time and inode stay.
            bool same = file.finish();
            ++(same ? unchanged : written);
        }, threads);
        stop_point();
        stats.written = written;
        stats.unchanged = unchanged;
        std::set<std::string> mine(files.paths.begin(), files.paths.end());
        // Files and folders someone else put in the output folder come along into the new site.
        // Folders of the previous build's files are ours: left empty, they go.
        std::set<std::string> previous_folders;
        for (const auto& p : previous)
            for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1))
                previous_folders.insert(p.substr(0, slash));
        if (exists) {
            for (auto it = fs::recursive_directory_iterator(out_dir); it != fs::recursive_directory_iterator(); ++it) {
                stop_point();
                std::string rel = it->path().lexically_relative(out_dir).generic_string();
                if (rel == kManifestName || previous.count(rel) || mine.count(rel)) continue;
                fs::path target = staging / rel;
                if (it->is_directory() && !it->is_symlink()) {
                    if (!previous_folders.count(rel)) fs::create_directories(target);
                    continue;
                }
                if (!it->is_regular_file() && !it->is_symlink())
                    throw std::runtime_error(rel + " is neither a file nor a folder and cannot be carried over");
                fs::create_directories(target.parent_path());
                if (it->is_symlink()) {
                    fs::copy_symlink(it->path(), target);
                    continue;
                }
                fs::create_hard_link(it->path(), target, ec);
                if (ec) fs::copy(it->path(), target);
            }
            for (const auto& p : previous) stats.removed += !mine.count(p);
        }
        write_bytes(staging / kManifestName, manifest_text(files.paths));
        stop_point();
        if (!exists) {
            fs::rename(staging, out_dir);
        } else if (exchange(staging, out_dir)) {
            fs::remove_all(staging);  // now the previous site
        } else {
            // Two renames. Between them the old site is still whole under `retired`, and a
            // later build puts it back if this one dies there.
            fs::rename(out_dir, retired);
            fs::rename(staging, out_dir);
            fs::remove_all(retired);
        }
    } catch (const std::exception& e) {
        fs::remove_all(staging, ec);
        if (!fs::exists(out_dir, ec) && fs::exists(retired, ec)) fs::rename(retired, out_dir, ec);
        if (dynamic_cast<const Stopped*>(&e))
            return fail("interrupted; the previous site was left as it was");
        return fail(std::string("write failed, previous site kept: ") + e.what());
    }
    return stats;
}

WriteStats write_site(const fs::path& out_dir, const std::vector<OutputFile>& files, Diagnostics& diags,
                      const std::atomic<bool>* stop) {
    SiteFiles site;
    site.paths.reserve(files.size());
    for (const auto& f : files) site.paths.push_back(f.path);
    site.bytes = [&files](size_t i, const TextSink& sink) { sink(files[i].bytes); };
    return write_site(out_dir, site, diags, 0, stop);
}

WriteStats update_site(const fs::path& out_dir, const SiteFiles& files, Diagnostics& diags,
                       const std::vector<std::string>& removed, std::vector<std::string>* changed, unsigned threads,
                       const std::atomic<bool>* stop) {
    WriteStats stats;
    // The manifest (every file of a large site) is read only when the update adds or removes
    // a file: a file already in the folder was written by resgen, which owns the folder.
    // Each file made, compared and written on every core, beside its target and renamed over
    // it; what happened to it is put in its slot and gathered in order after, so that the
    // result does not depend on the threads. A stop is seen between the pieces of a file.
    enum class Outcome { skipped, unsafe, unchanged, written, added, failed };
    const size_t n = files.paths.size();
    std::vector<Outcome> outcome(n, Outcome::skipped);
    std::vector<std::string> failure(n);
    // parallel_for passes the flag on: a series page looks at it while it reads every document.
    StopScope scope(stop);
    parallel_for(n, [&](size_t i) {
        if (stop_requested()) return;
        const std::string& path = files.paths[i];
        if (!safe_relative_path(path) || path == kManifestName) {
            outcome[i] = Outcome::unsafe;
            return;
        }
        fs::path target = out_dir / path;
        fs::path tmp = target;
        tmp += ".resgen-tmp";
        try {
            struct stat st {};
            bool exists = ::lstat(target.c_str(), &st) == 0;
            // Most files of a refresh are there already, and so is their folder.
            if (!exists) fs::create_directories(target.parent_path());
            FileWriter file(tmp, exists ? target : fs::path());
            files.bytes(i, [&](std::string_view piece) {
                stop_point();
                file.add(piece);
            });
            if (file.end_unless_same()) {
                outcome[i] = Outcome::unchanged;
                return;
            }
            fs::rename(tmp, target);
            outcome[i] = exists ? Outcome::written : Outcome::added;
        } catch (const Stopped&) {
            std::error_code ec;
            fs::remove(tmp, ec);
        } catch (const std::exception& e) {
            std::error_code ec;
            fs::remove(tmp, ec);
            outcome[i] = Outcome::failed;
            failure[i] = e.what();
        }
    }, threads);
    std::vector<std::string> added;
    for (size_t i = 0; i < n; ++i) {
        const std::string& path = files.paths[i];
        switch (outcome[i]) {
        case Outcome::skipped: stats.stopped = true; break;
        case Outcome::unsafe:
            diags.push_back({Severity::error, path, 0, 0, "not a plain path inside the output folder"});
            break;
        case Outcome::unchanged: ++stats.unchanged; break;
        case Outcome::failed: diags.push_back({Severity::error, path, 0, 0, failure[i]}); break;
        case Outcome::added:
            added.push_back(path);
            [[fallthrough]];
        case Outcome::written:
            ++stats.written;
            if (changed) changed->push_back(path);
            break;
        }
    }
    // A stopped update removes nothing: the files it did not make may still be the site's.
    const std::vector<std::string> none;
    const auto& removing = stats.stopped ? none : removed;
    if (added.empty() && removing.empty()) return stats;
    std::set<std::string> manifest = read_manifest(out_dir);
    bool manifest_changed = false;
    for (const auto& p : added) manifest_changed |= manifest.insert(p).second;
    // Only files resgen wrote are removed, and only files inside the output folder.
    for (const auto& p : removing) {
        if (!safe_relative_path(p) || !manifest.count(p)) continue;
        std::error_code ec;
        fs::remove(out_dir / p, ec);
        // Folders left empty go too (rmdir fails on a folder that still holds anything).
        for (fs::path dir = fs::path(p).parent_path(); !dir.empty(); dir = dir.parent_path())
            if (::rmdir((out_dir / dir).c_str()) != 0) break;
        manifest.erase(p);
        manifest_changed = true;
        ++stats.removed;
        if (changed) changed->push_back(p);
    }
    if (manifest_changed) {
        try {
            fs::path tmp = out_dir / (std::string(kManifestName) + ".resgen-tmp");
            write_bytes(tmp, manifest_text({manifest.begin(), manifest.end()}));
            fs::rename(tmp, out_dir / kManifestName);
        } catch (const std::exception& e) {
            diags.push_back({Severity::error, kManifestName, 0, 0, e.what()});
        }
    }
    return stats;
}

}  // namespace resgen
