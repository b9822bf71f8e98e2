// object_of("href", href, "label", label, ...): a JSON object whose values are moved into
// place. nlohmann's initializer lists, {{"href", href}, ...}, pass every pair through a
// temporary two-element array and copy it out again; a page's context is thousands of small
// objects, and building them that way took over twice as long (docs/performance.md).
#pragma once
#include <string>
#include <utility>

#include "model/json.hpp"

namespace resgen {

namespace detail {
inline void put(resgen::json::object_t&) {}

template <typename Value, typename... Rest>
void put(resgen::json::object_t& object, std::string key, Value&& value, Rest&&... rest) {
    object.emplace(std::move(key), resgen::json(std::forward<Value>(value)));
    put(object, std::forward<Rest>(rest)...);
}
}  // namespace detail

template <typename... KeysAndValues>
resgen::json object_of(KeysAndValues&&... keys_and_values) {
    static_assert(sizeof...(KeysAndValues) % 2 == 0, "object_of takes keys and values in pairs");
    resgen::json::object_t object;
    detail::put(object, std::forward<KeysAndValues>(keys_and_values)...);
    return resgen::json(std::move(object));
}

}  // namespace resgen
