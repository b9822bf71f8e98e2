#include "load/source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/bytes.hpp"

namespace fs = std::filesystem;

namespace resgen {

std::string read_file(const fs::path& path, bool* from_disk) {
    // One open, one fstat and as few reads as the size allows: builds read tens of
    // thousands of files.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(path.string() + ": cannot read file");
    struct stat st {};
    std::string text;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) text.reserve(static_cast<size_t>(st.st_size));
    char buf[64 * 1024];
    // The first read, when asked, only from memory: it fails with EAGAIN when the file must
    // come from the disk (file systems that cannot tell say EOPNOTSUPP, taken as in memory).
    bool ask = from_disk != nullptr;
    for (;;) {
        ssize_t n;
        if (ask) {
            iovec io{buf, sizeof buf};
            n = ::preadv2(fd, &io, 1, -1, RWF_NOWAIT);
            ask = false;
            if (n < 0) {
                if (errno == EAGAIN) *from_disk = true;
                continue;
            }
        } else {
            n = ::read(fd, buf, sizeof buf);
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            throw std::runtime_error(path.string() + ": cannot read file");
        }
        if (n == 0) break;
        text.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return text;
}

bool find_invalid_utf8(std::string_view text, int& line, int& column) {
    line = 1;
    column = 1;
    size_t i = 0;
    while (i < text.size()) {
        // Eight ASCII bytes without a line end at once: most of any text.
        if (i + 8 <= text.size()) {
            const std::uint64_t w = bytes::load_word(text.data() + i);
            if (!(w & bytes::kHighs) && !bytes::has_byte(w, '\n')) {
                column += 8;
                i += 8;
                continue;
            }
        }
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > text.size()) return true;
        uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (size_t k = 1; k < n; ++k) {
            unsigned char cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return true;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return true;
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += n;
    }
    return false;
}

std::string_view line_of(std::string_view text, int line) {
    size_t pos = 0;
    for (int l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return {};
        ++pos;
    }
    if (pos > text.size()) return {};
    size_t eol = text.find('\n', pos);
    std::string_view l = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

namespace {

std::string normalize_newlines(std::string text) {
    // Compared byte by byte: GCC 12 warns of an uninitialized read in a compare with the
    // literal (a false warning).
    if (text.size() >= 3 && text[0] == '\xEF' && text[1] == '\xBB' && text[2] == '\xBF') text.erase(0, 3);
    if (text.find('\r') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

bool is_fence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == "---";
}

}  // namespace

Source split_source(std::string path, std::string text, Diagnostics& diags) {
    text = normalize_newlines(std::move(text));
    Source src;
    src.path = std::move(path);
    size_t first_end = text.find('\n');
    std::string_view first = std::string_view(text).substr(0, first_end);
    if (!is_fence(first)) {
        diags.push_back({Severity::error, src.path, 1, 1,
                         "missing front matter: a content file starts with a line '---'"});
        src.body = std::move(text);
        return src;
    }
    // Find the closing fence, line by line.
    size_t pos = first_end == std::string::npos ? text.size() : first_end + 1;
    int line = 2;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        std::string_view l = std::string_view(text).substr(
            pos, (eol == std::string::npos ? text.size() : eol) - pos);
        if (is_fence(l)) {
            src.front_matter = text.substr(first_end + 1, pos - first_end - 1);
            src.front_matter_line = 2;
            src.body = eol == std::string::npos ? std::string() : text.substr(eol + 1);
            src.body_line = line + 1;
            return src;
        }
        if (eol == std::string::npos) break;
        pos = eol + 1;
        ++line;
    }
    diags.push_back({Severity::error, src.path, 1, 1,
                     "unterminated front matter: no closing '---' line"});
    return src;
}

std::vector<std::string> content_files(const fs::path& content_dir, Diagnostics& diags) {
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::is_directory(content_dir, ec)) {
        diags.push_back({Severity::error, content_dir.string(), 0, 0, "content folder not found"});
        return {};
    }
    for (auto it = fs::recursive_directory_iterator(content_dir, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory() && it.depth() == 0 && name == "templates") {
            it.disable_recursion_pending();
            continue;
        }
        // The iterator's paths start with content_dir: cutting it off is the relative path,
        // without fs::relative's readlink of every folder on the way.
        if (it->is_regular_file() && it->path().extension() == ".md")
            files.push_back(it->path().lexically_relative(content_dir).generic_string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<Source> load_source(const fs::path& content_dir, const std::string& rel, Diagnostics& diags,
                                  bool* from_disk) {
    std::string text;
    try {
        text = read_file(content_dir / rel, from_disk);
    } catch (const std::exception&) {
        diags.push_back({Severity::error, rel, 0, 0, "cannot read file"});
        return std::nullopt;
    }
    int line = 0, column = 0;
    if (find_invalid_utf8(text, line, column)) {
        diags.push_back({Severity::error, rel, line, column,
                         "not UTF-8: save the file as UTF-8 (the first bad byte is here)"});
        return std::nullopt;
    }
    return split_source(rel, std::move(text), diags);
}

ReadAhead::ReadAhead(fs::path content_dir, const std::vector<std::string>& files, size_t window) {
    thread_ = std::jthread([this, dir = std::move(content_dir), &files, window] {
        // Idle until the parsers wait for the disk: when the files are in memory, as they are
        // build after build, asking again would only take time from the parsers.
        for (bool s = started_.load(); !s; s = started_.load()) started_.wait(s);
        for (size_t i = reached_.load() + 1; i < files.size() && !done_.load(std::memory_order_relaxed); ++i) {
            // Wait while the parsers are `window` files behind.
            for (size_t r = reached_.load(); i > r + window && !done_.load(); r = reached_.load()) reached_.wait(r);
            int fd = ::open((dir / files[i]).c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) continue;  // the parser reports it
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
            ::close(fd);
            ++asked_;
        }
    });
}

ReadAhead::~ReadAhead() {
    done_ = true;
    started_ = true;
    started_.notify_all();
    reached_.fetch_add(1);   // a change, to wake a thread waiting on it
    reached_.notify_all();
}

void ReadAhead::reached(size_t file, bool from_disk) {
    size_t r = reached_.load(std::memory_order_relaxed);
    while (file > r && !reached_.compare_exchange_weak(r, file)) {}
    if (file > r) reached_.notify_one();
    // A file in memory is refused now and then too (a page being read ahead, a lock taken):
    // the parsers are taken to wait for the disk when more than one file in five of a stretch
    // was refused. Each refusal adds four to a count that each file read at once takes one from.
    size_t w = waits_.load(std::memory_order_relaxed), next;
    do next = from_disk ? w + 4 : w ? w - 1 : 0;
    while (!waits_.compare_exchange_weak(w, next, std::memory_order_relaxed));
    if (next >= kWaits && !started_.exchange(true)) started_.notify_one();
}

std::vector<Source> load_sources(const fs::path& content_dir, Diagnostics& diags) {
    std::vector<Source> sources;
    for (const auto& rel : content_files(content_dir, diags)) {
        if (auto src = load_source(content_dir, rel, diags)) sources.push_back(std::move(*src));
    }
    return sources;
}

}  // namespace resgen
