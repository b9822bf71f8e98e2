// How resgen's executables set up mimalloc. A build touches most of the memory it takes only
// once, so the cost of first touching it (a page fault per 4 KiB page) is a large part of a
// small build: a fifth of the five-document site's on a virtual machine. mimalloc can take
// its memory in 2 MiB pages where the system allows it (transparent huge pages) and commit it
// at once, but it reads those options when it starts, before main. Setting them here, from
// the executable's pre-initialisation array, runs before any library is initialised.
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
    mi_option_set(mi_option_large_os_pages, 1);
    mi_option_set(mi_option_eager_commit_delay, 0);
}

[[gnu::section(".preinit_array"), gnu::used]] void (*const preinit)(int, char**, char**) = tune_allocator;

}  // namespace
