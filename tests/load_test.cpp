// Reading the content files: whether a file came from the disk, and the thread that reads the
// files ahead of the parsers once they wait for the disk.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <thread>

#include "load/source.hpp"
#include "run_resgen.hpp"

using namespace resgen;
using resgen_test::TempDir;
namespace fs = std::filesystem;

namespace {

// The files 000.md, 001.md, ... in `dir`.
std::vector<std::string> make_files(const fs::path& dir, size_t n) {
    std::vector<std::string> files;
    for (size_t i = 0; i < n; ++i) {
        std::string name = std::string(i < 10 ? "00" : i < 100 ? "0" : "") + std::to_string(i) + ".md";
        std::ofstream(dir / name) << "---\ntitle: t\n---\n\ntext " << i << "\n";
        files.push_back(name);
    }
    return files;
}

// Whether reads in `dir` can be asked not to wait (tmpfs, for one, cannot).
bool tells_when_reads_wait(const fs::path& dir) {
    std::ofstream(dir / "probe") << "probe";
    int fd = ::open((dir / "probe").c_str(), O_RDONLY);
    char buf[8];
    iovec io{buf, sizeof buf};
    const bool tells = ::preadv2(fd, &io, 1, 0, RWF_NOWAIT) >= 0 || errno != EOPNOTSUPP;
    ::close(fd);
    return tells;
}

// Writes `file` to the disk and drops its first page from memory, as far as mincore() can
// tell; false when the kernel keeps it.
bool put_out_of_memory(const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0) return false;
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    void* map = ::mmap(nullptr, page, PROT_READ, MAP_SHARED, fd, 0);
    bool out = false;
    for (int k = 0; k < 20 && map != MAP_FAILED && !out; ++k) {
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        unsigned char resident = 1;
        out = ::mincore(map, page, &resident) == 0 && !(resident & 1);
        if (!out) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (map != MAP_FAILED) ::munmap(map, page);
    ::close(fd);
    return out;
}

// Waits up to two seconds for `read_ahead` to have asked for `n` files.
bool asked_for(const ReadAhead& read_ahead, size_t n) {
    for (int k = 0; k < 200 && read_ahead.asked() < n; ++k) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return read_ahead.asked() == n;
}

}  // namespace

TEST_CASE("a file is read whole, and said to come from the disk only when it did", "[load]") {
    TempDir dir;
    const fs::path file = dir.path / "a.md";
    std::string text(200000, 'x');
    std::ofstream(file) << text;
    CHECK(read_file(file) == text);
    // In memory, just written. (A read is refused now and then even so: one of three.)
    bool in_memory = false;
    for (int k = 0; k < 3 && !in_memory; ++k) {
        bool from_disk = false;
        CHECK(read_file(file, &from_disk) == text);
        in_memory = !from_disk;
    }
    CHECK(in_memory);

    if (!tells_when_reads_wait(dir.path)) {
        WARN("the temporary folder's file system does not tell when a read waits for the disk");
        return;
    }
    // Out of memory. A disk behind a fast cache can serve the page before the read that will
    // not wait looks at it: here, a third of the tries, in runs of up to some forty. So it
    // is tried until seen, a hundred times at most.
    bool from_disk = false;
    for (int k = 0; k < 100 && !from_disk; ++k) {
        if (!put_out_of_memory(file)) {
            WARN("the kernel kept the file in memory");
            return;
        }
        CHECK(read_file(file, &from_disk) == text);
        if (!from_disk) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    CHECK(from_disk);
}

TEST_CASE("the read-ahead stays idle while the files come from memory", "[load]") {
    TempDir dir;
    const auto files = make_files(dir.path, 300);
    ReadAhead read_ahead(dir.path, files, 8);
    // A refusal now and then is not the disk.
    for (size_t i = 0; i < files.size(); ++i) read_ahead.reached(i, i % 6 == 0);
    CHECK_FALSE(read_ahead.started());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(read_ahead.asked() == 0);
}

TEST_CASE("the read-ahead starts once the parsers wait for the disk, and keeps a window ahead", "[load]") {
    TempDir dir;
    const auto files = make_files(dir.path, 300);
    ReadAhead read_ahead(dir.path, files, 8);
    // Fifteen files waited for in a row are not yet enough; the sixteenth is.
    for (size_t i = 0; i < 15; ++i) read_ahead.reached(i, true);
    CHECK_FALSE(read_ahead.started());
    read_ahead.reached(15, true);
    CHECK(read_ahead.started());
    // From the file after the last reached to eight files past it, and no further.
    CHECK(asked_for(read_ahead, 8));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(read_ahead.asked() == 8);
    read_ahead.reached(100, false);
    CHECK(asked_for(read_ahead, 93));
    read_ahead.reached(299, false);
    CHECK(asked_for(read_ahead, 284));
}

TEST_CASE("a read-ahead waiting on the parsers is stopped when it goes", "[load]") {
    TempDir dir;
    const auto files = make_files(dir.path, 100);
    {
        ReadAhead idle(dir.path, files, 8);
    }
    ReadAhead waiting(dir.path, files, 8);
    for (size_t i = 0; i < 16; ++i) waiting.reached(i, true);
    CHECK(asked_for(waiting, 8));
    // Its destructor returns (a thread left waiting would hang the test here).
}

TEST_CASE("a file saved with a byte-order mark and Windows line ends reads like any other", "[load]") {
    Diagnostics diags;
    Source src = split_source("w.md", "\xEF\xBB\xBF---\r\ntitle: t\r\n---\r\n\r\nbody\r\n", diags);
    CHECK(diags.empty());
    CHECK(src.front_matter == "title: t\n");
    CHECK(src.front_matter_line == 2);
    CHECK(src.body == "\nbody\n");
    CHECK(src.body_line == 4);
    // A mark anywhere else is text.
    src = split_source("m.md", "---\ntitle: t\n---\n\xEF\xBB\xBF" "body\n", diags);
    CHECK(src.body == "\xEF\xBB\xBF" "body\n");
}
