#include "write/write.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "load/source.hpp"

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

bool same_bytes(const fs::path& p, const std::string& bytes) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec) || fs::file_size(p, ec) != bytes.size()) return false;
    try {
        return read_file(p) == bytes;
    } catch (...) {
        return false;
    }
}

void write_bytes(const fs::path& p, const std::string& bytes) {
    std::FILE* f = std::fopen(p.c_str(), "wb");
    if (!f) throw std::runtime_error(p.string() + ": cannot write");
    size_t n = bytes.empty() ? 0 : std::fwrite(bytes.data(), 1, bytes.size(), f);
    if (std::fclose(f) != 0 || n != bytes.size()) throw std::runtime_error(p.string() + ": write failed");
}

std::string manifest_text(const std::vector<OutputFile>& files) {
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(f.path);
    std::sort(paths.begin(), paths.end());
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

WriteStats write_site(const fs::path& out_arg, const std::vector<OutputFile>& files, Diagnostics& diags) {
    WriteStats stats;
    std::error_code ec;
    fs::path out_dir = fs::absolute(out_arg, ec).lexically_normal();
    if (out_dir.filename().empty()) out_dir = out_dir.parent_path();
    auto fail = [&](std::string msg) {
        diags.push_back({Severity::error, out_arg.string(), 0, 0, std::move(msg)});
        return stats;
    };
    for (const auto& f : files)
        if (!safe_relative_path(f.path) || f.path == kManifestName)
            return fail("refusing to write '" + f.path + "': not a plain path inside the output folder");

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
        std::set<std::string> mine;
        for (const auto& f : files) {
            mine.insert(f.path);
            fs::path target = staging / f.path;
            fs::create_directories(target.parent_path());
            fs::path old = out_dir / f.path;
            // Unchanged bytes: the same file, linked, so its time and inode stay.
            if (exists && previous.count(f.path) && same_bytes(old, f.bytes)) {
                fs::create_hard_link(old, target, ec);
                if (!ec) {
                    ++stats.unchanged;
                    continue;
                }
            }
            write_bytes(target, f.bytes);
            ++stats.written;
        }
        // Files someone else put in the output folder come along into the new site.
        if (exists) {
            for (auto it = fs::recursive_directory_iterator(out_dir); it != fs::recursive_directory_iterator(); ++it) {
                if (!it->is_regular_file() && !it->is_symlink()) continue;
                std::string rel = fs::relative(it->path(), out_dir).generic_string();
                if (rel == kManifestName || previous.count(rel) || mine.count(rel)) continue;
                fs::path target = staging / rel;
                fs::create_directories(target.parent_path());
                fs::create_hard_link(it->path(), target, ec);
                if (ec) fs::copy(it->path(), target, fs::copy_options::copy_symlinks);
            }
            for (const auto& p : previous) stats.removed += !mine.count(p);
        }
        write_bytes(staging / kManifestName, manifest_text(files));
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

WriteStats update_site(const fs::path& out_dir, const std::vector<OutputFile>& files, Diagnostics& diags) {
    WriteStats stats;
    for (const auto& f : files) {
        if (!safe_relative_path(f.path)) {
            diags.push_back({Severity::error, f.path, 0, 0, "not a plain path inside the output folder"});
            continue;
        }
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
        } catch (const std::exception& e) {
            diags.push_back({Severity::error, f.path, 0, 0, e.what()});
        }
    }
    return stats;
}

}  // namespace resgen
