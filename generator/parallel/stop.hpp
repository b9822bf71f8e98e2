// Work that an edit waiting behind it may cut short. A refresh of the live preview plans the
// whole site, then writes it; an edit saved meanwhile raises a flag that asks it to stop. The
// plan holds the flag in a StopScope, and so does the writer for the thread making each file
// (parallel_for passes it on to the threads it starts). The longest pieces of work look at it
// through stop_point() as they go: the living text's steps (175 ms of the plan for 10,000
// documents), and a series page, which reads every document before it shows one (the
// timeline's context takes 0.2 s). Stopping throws Stopped, caught by the plan (no plan) and
// where the file is written (the file is left as it was).
#pragma once
#include <atomic>
#include <stdexcept>

namespace resgen {

struct Stopped : std::runtime_error {
    Stopped() : std::runtime_error("interrupted") {}
};

// While it lives, stop_point() on this thread throws Stopped once `*flag` is set (a null
// flag: never). Scopes nest; the innermost one counts.
class StopScope {
public:
    explicit StopScope(const std::atomic<bool>* flag) : previous_(current()) { current() = flag; }
    ~StopScope() { current() = previous_; }
    StopScope(const StopScope&) = delete;
    StopScope& operator=(const StopScope&) = delete;

    static const std::atomic<bool>*& current() {
        static thread_local const std::atomic<bool>* flag = nullptr;
        return flag;
    }

private:
    const std::atomic<bool>* previous_;
};

// Whether the flag of this thread's StopScope is set: for work that skips rather than throws.
inline bool stop_requested() {
    const std::atomic<bool>* flag = StopScope::current();
    return flag && flag->load(std::memory_order_relaxed);
}

inline void stop_point() {
    if (stop_requested()) throw Stopped();
}

}  // namespace resgen
