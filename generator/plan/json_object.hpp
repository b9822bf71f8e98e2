// object_of("href", href, "label", label, ...): a JSON object whose values are moved into
// place. nlohmann's initializer lists, {{"href", href}, ...}, pass every pair through a
// temporary two-element array and copy it out again; a page's context is thousands of small
// objects, and building them that way took over twice as long (docs/performance.md).
#pragma once
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace resgen {

namespace detail {
inline void put(nlohmann::json::object_t&) {}

template <typename Value, typename... Rest>
void put(nlohmann::json::object_t& object, std::string key, Value&& value, Rest&&... rest) {
    object.emplace(std::move(key), nlohmann::json(std::forward<Value>(value)));
    put(object, std::forward<Rest>(rest)...);
}
}  // namespace detail

template <typename... KeysAndValues>
nlohmann::json object_of(KeysAndValues&&... keys_and_values) {
    static_assert(sizeof...(KeysAndValues) % 2 == 0, "object_of takes keys and values in pairs");
    nlohmann::json::object_t object;
    detail::put(object, std::forward<KeysAndValues>(keys_and_values)...);
    return nlohmann::json(std::move(object));
}

}  // namespace resgen
