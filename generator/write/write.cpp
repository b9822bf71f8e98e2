#include "write/write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
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

// One open, one write (more only if the kernel takes less), one close.
void write_bytes(const fs::path& p, const std::string& bytes) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error(p.string() + ": cannot write: " + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int e = errno;
            ::close(fd);
            throw std::runtime_error(p.string() + ": write failed: " + std::strerror(e));
        }
        done += static_cast<size_t>(n);
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

WriteStats write_site(const fs::path& out_arg, const SiteFiles& files, Diagnostics& diags, unsigned threads) {
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

    const std::string name = out_dir.filename().string();
    const fs::path parent = out_dir.parent_path();
    const fs::path staging = parent / ("." + name + ".resgen-new-" + std::to_string(::getpid()));
    const fs::path retired = parent / ("." + name + ".resgen-old-" + std::to_string(::getpid()));
    try {
        fs::create_directories(parent);
        fs::remove_all(staging);
        fs::create_directories(staging);
        make_folders(staging, files.paths);
        // Each file is made, compared and written on its own: nothing waits for the whole site.
        std::atomic<size_t> written{0}, unchanged{0};
        parallel_for(files.paths.size(), [&](size_t i) {
            const std::string& path = files.paths[i];
            std::string bytes = files.bytes(i);
            fs::path target = staging / path;
            fs::path old = out_dir / path;
            // Unchanged bytes: the same file, linked, so its time and inode stay.
            if (exists && previous.count(path) && same_bytes(old, bytes) && ::link(old.c_str(), target.c_str()) == 0) {
                ++unchanged;
                return;
            }
            write_bytes(target, bytes);
            ++written;
        }, threads);
        stats.written = written;
        stats.unchanged = unchanged;
        std::set<std::string> mine(files.paths.begin(), files.paths.end());
        // Files someone else put in the output folder come along into the new site.
        if (exists) {
            for (auto it = fs::recursive_directory_iterator(out_dir); it != fs::recursive_directory_iterator(); ++it) {
                if (!it->is_regular_file() && !it->is_symlink()) continue;
                std::string rel = it->path().lexically_relative(out_dir).generic_string();
                if (rel == kManifestName || previous.count(rel) || mine.count(rel)) continue;
                fs::path target = staging / rel;
                fs::create_directories(target.parent_path());
                fs::create_hard_link(it->path(), target, ec);
                if (ec) fs::copy(it->path(), target, fs::copy_options::copy_symlinks);
            }
            for (const auto& p : previous) stats.removed += !mine.count(p);
        }
        write_bytes(staging / kManifestName, manifest_text(files.paths));
        // The swap: two renames. Between them the old site is still whole under `retired`.
        if (exists) fs::rename(out_dir, retired);
        fs::rename(staging, out_dir);
        if (exists) fs::remove_all(retired);
    } catch (const std::exception& e) {
        fs::remove_all(staging, ec);
        if (!fs::exists(out_dir, ec) && fs::exists(retired, ec)) fs::rename(retired, out_dir, ec);
        return fail(std::string("write failed, previous site kept: ") + e.what());
    }
    return stats;
}

WriteStats write_site(const fs::path& out_dir, const std::vector<OutputFile>& files, Diagnostics& diags) {
    SiteFiles site;
    site.paths.reserve(files.size());
    for (const auto& f : files) site.paths.push_back(f.path);
    site.bytes = [&files](size_t i) { return files[i].bytes; };
    return write_site(out_dir, site, diags);
}

WriteStats update_site(const fs::path& out_dir, const std::vector<OutputFile>& files, Diagnostics& diags,
                       const std::vector<std::string>& removed, std::vector<std::string>* changed) {
    WriteStats stats;
    std::set<std::string> manifest = read_manifest(out_dir);
    bool manifest_changed = false;
    for (const auto& f : files) {
        if (!safe_relative_path(f.path) || f.path == kManifestName) {
            diags.push_back({Severity::error, f.path, 0, 0, "not a plain path inside the output folder"});
            continue;
        }
        manifest_changed |= manifest.insert(f.path).second;
        fs::path target = out_dir / f.path;
        if (same_bytes(target, f.bytes)) {
            ++stats.unchanged;
            continue;
        }
        try {
            fs::create_directories(target.parent_path());
            fs::path tmp = target;
            tmp += ".resgen-tmp";
            write_bytes(tmp, f.bytes);
            fs::rename(tmp, target);
            ++stats.written;
            if (changed) changed->push_back(f.path);
        } catch (const std::exception& e) {
            diags.push_back({Severity::error, f.path, 0, 0, e.what()});
        }
    }
    // Only files resgen wrote are removed, and only files inside the output folder.
    for (const auto& p : removed) {
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
