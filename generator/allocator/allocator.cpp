// How resgen's executables set up mimalloc. A build touches most of the memory it takes only
// once, so the cost of first touching it (a page fault per 4 KiB page) is a large part of a
// small build: a fifth of the five-document site's on a virtual machine. mimalloc commits the
// memory of a new segment at once when asked (no eager-commit delay), but it reads its options
// when it starts, before main. Setting them here, from the executable's pre-initialisation
// array, runs before any library is initialised.
//
// mimalloc can also take its memory in 2 MiB pages (transparent huge pages), which resgen
// asked for until the build's memory was cut down. By then, in interleaved runs, they saved
// 3% of the 10,000-document build's time (11.18 against 11.55 s, medians of 5; CPU 20.4
// against 21.3 s) and 0.7 ms of the five-document build's (19.4 against 20.1 ms, medians of
// 21), and cost 25 MB of its peak memory (358 against 333 MB), a partly used 2 MiB page being
// resident whole. Memory was the target further off: they are no longer asked for.
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
}

[[gnu::section(".preinit_array"), gnu::used]] void (*const preinit)(int, char**, char**) = tune_allocator;

}  // namespace
