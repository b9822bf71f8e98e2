// How resgen's executables set up mimalloc. A build touches most of the memory it takes only
// once, and on a virtual machine first touching a page is dear: the 10,000-document build took
// 120,000 page faults of 4 KiB, at some 8 microseconds each (perf put 13.6% of the alignment's
// samples at 100,000 documents under exc_page_fault). mimalloc takes its memory in 2 MiB pages (transparent huge
// pages, which the system gives in its default `madvise` mode when asked) and commits a new
// segment's memory at once; that build then takes some 500 faults. In interleaved builds of
// 10,000 documents on tmpfs, 5 pairs, the build took 5.42-5.73 s against 6.49-7.02 s with
// 4 KiB pages, and the five-document build 35 against 42 ms (medians of 15). The cost is
// memory: a partly used 2 MiB page is resident whole, and mimalloc keeps such memory when it
// is freed, so the peak rose from 277-283 MB to 298-321 MB (two sets of 5 pairs). It had been left off while memory
// was the target further off (when it saved only 3% of the time); docs/performance.md has both
// rounds. mimalloc reads its options when it starts, before main: setting them here, from the
// executable's pre-initialisation array, runs before any library is initialised.
//
// This file is compiled into each executable (a pre-initialisation function is allowed in an
// executable only, and an object of a static library that nothing names would not be linked).
#include <cstring>

#include <mimalloc.h>

namespace {

void tune_allocator(int, char**, char** envp) {
    // Whoever sets one of mimalloc's options in the environment sets them all themselves.
    for (char** e = envp; e && *e; ++e)
        if (std::strncmp(*e, "MIMALLOC_", 9) == 0) return;
    mi_option_set(mi_option_eager_commit_delay, 0);
    mi_option_set(mi_option_large_os_pages, 1);
}

[[gnu::section(".preinit_array"), gnu::used]] void (*const preinit)(int, char**, char**) = tune_allocator;

}  // namespace
