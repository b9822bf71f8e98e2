// Work that an edit waiting behind it may cut short. While a refresh writes the site, the
// writer names, for the thread making each file, the flag that asks it to stop, and looks at
// it between the pieces of the file. A file whose first piece is long in coming (a series
// page reads every document before it shows one: the timeline of 10,000 documents takes 0.2 s)
// looks at it too, through stop_point(), between documents: an edit saved meanwhile is then
// not held for the whole of it. Stopping throws Stopped, caught where the file is written.
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

inline void stop_point() {
    const std::atomic<bool>* flag = StopScope::current();
    if (flag && flag->load(std::memory_order_relaxed)) throw Stopped();
}

}  // namespace resgen
