#include "bundle/bundle.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

#include "load/source.hpp"

namespace fs = std::filesystem;

namespace resgen {

namespace {

// libzip turns a time_t into the zip's DOS date through localtime(); a time made by mktime()
// from a fixed local date comes back as that date in any time zone.
time_t fixed_local_time() {
    std::tm tm{};
    tm.tm_year = 2000 - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return std::mktime(&tm);
}

struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

std::string bundle_folder_name(const fs::path& zip_path) {
    std::string name = zip_path.filename().string();
    if (name.size() > 4 && name.substr(name.size() - 4) == ".zip") name.resize(name.size() - 4);
    return name.empty() ? "site" : name;
}

std::string zip_bundle(const std::vector<OutputFile>& files, const std::string& folder, Diagnostics& diags) {
    auto fail = [&](const std::string& what) {
        diags.push_back({Severity::error, folder + ".zip", 0, 0, what});
        return std::string();
    };
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) return fail(std::string("cannot create the archive: ") + zip_error_strerror(&error));
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) return fail(std::string("cannot create the archive: ") + zip_error_strerror(&error));
    zip_source_keep(buffer.get());  // the bytes are read from it after zip_close

    std::vector<const OutputFile*> sorted;
    for (const auto& f : files) sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });
    const time_t when = fixed_local_time();
    for (const OutputFile* f : sorted) {
        zip_source_t* data = zip_source_buffer(archive, f->bytes.data(), f->bytes.size(), 0);
        std::string name = folder + "/" + f->path;
        zip_int64_t index = data ? zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (data) zip_source_free(data);
            std::string msg = name + ": " + zip_strerror(archive);
            zip_discard(archive);
            return fail(msg);
        }
        zip_set_file_compression(archive, index, ZIP_CM_DEFLATE, 9);
        zip_file_set_mtime(archive, index, when, 0);
    }
    zip_set_archive_comment(archive, kBundleComment, static_cast<zip_uint16_t>(std::char_traits<char>::length(kBundleComment)));
    if (zip_close(archive) < 0) {
        std::string msg = zip_strerror(archive);
        zip_discard(archive);
        return fail("cannot finish the archive: " + msg);
    }

    std::string bytes;
    if (zip_source_open(buffer.get()) < 0) return fail("cannot read the archive back");
    zip_source_seek(buffer.get(), 0, SEEK_END);
    zip_int64_t size = zip_source_tell(buffer.get());
    zip_source_seek(buffer.get(), 0, SEEK_SET);
    bytes.resize(size > 0 ? static_cast<size_t>(size) : 0);
    zip_int64_t read = bytes.empty() ? 0 : zip_source_read(buffer.get(), bytes.data(), bytes.size());
    zip_source_close(buffer.get());
    if (read != size) return fail("cannot read the archive back");
    return bytes;
}

bool write_bundle(const fs::path& path, const std::string& bytes, Diagnostics& diags) {
    auto fail = [&](const std::string& msg) {
        diags.push_back({Severity::error, path.string(), 0, 0, msg});
        return false;
    };
    std::error_code ec;
    if (fs::exists(path, ec)) {
        std::string old;
        try {
            old = fs::is_regular_file(path, ec) ? read_file(path) : "";
        } catch (...) {
        }
        std::string_view mark = kBundleComment;
        if (old.size() < mark.size() || old.compare(old.size() - mark.size(), mark.size(), mark) != 0)
            return fail("exists and is not a bundle written by resgen; not replaced");
    }
    fs::path tmp = path;
    tmp += ".resgen-tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wbx");  // never truncates a file someone else left there
    if (!f) return fail("cannot create " + tmp.string() + " (does it exist already?)");
    size_t n = bytes.empty() ? 0 : std::fwrite(bytes.data(), 1, bytes.size(), f);
    if (std::fclose(f) != 0 || n != bytes.size()) {
        fs::remove(tmp, ec);
        return fail("write failed");
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return fail("cannot replace: " + ec.message());
    }
    return true;
}

}  // namespace resgen
