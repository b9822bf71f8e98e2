// Work spread over the cores: the stages that handle one document or one page at a time
// (parse, plan a document page, render, write) run through parallel_for. Results go into
// slots indexed like the input, so the output never depends on which thread did what.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "parallel/stop.hpp"

namespace resgen {

// The number of threads to use for `requested` (0: one per core).
inline unsigned thread_count(unsigned requested = 0) {
    if (requested) return requested;
    unsigned n = std::thread::hardware_concurrency();
    return n ? n : 1;
}

// Calls f(i) for every i in [0, n), on up to `threads` threads (0: one per core). Indices are
// handed out in small chunks so that a slow item does not hold the others back. The first
// exception thrown by f is rethrown here after every thread has stopped. The caller's stop
// flag (StopScope) holds on every thread: stop_point() in f stops the whole loop.
template <class F>
void parallel_for(size_t n, F&& f, unsigned threads = 0) {
    unsigned t = std::min<size_t>(thread_count(threads), std::max<size_t>(n, 1));
    if (t <= 1 || n < 2) {
        for (size_t i = 0; i < n; ++i) f(i);
        return;
    }
    const size_t chunk = std::clamp<size_t>(n / (t * 16), 1, 64);
    std::atomic<size_t> next{0};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto work = [&] {
        try {
            for (size_t begin; (begin = next.fetch_add(chunk)) < n;)
                for (size_t i = begin, end = std::min(n, begin + chunk); i < end; ++i) f(i);
        } catch (...) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (!error) error = std::current_exception();
            next = n;
        }
    };
    const std::atomic<bool>* stop = StopScope::current();
    std::vector<std::thread> pool;
    pool.reserve(t - 1);
    for (unsigned k = 1; k < t; ++k)
        pool.emplace_back([&work, stop] {
            StopScope scope(stop);
            work();
        });
    work();
    for (auto& th : pool) th.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace resgen
