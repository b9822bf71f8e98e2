#include "model/view.hpp"

namespace resgen {

namespace {

// Marks a binary value as a reference to a view. resgen makes no other binary values, and
// JSON text has none, so no value read from a file can be taken for one.
constexpr std::uint64_t kViewRef = 0x7276;  // "rv"

// The view's number, in four bytes, least significant first.
std::optional<size_t> ref_number(const json& value) {
    if (!value.is_binary()) return std::nullopt;
    const auto& bytes = value.get_binary();
    if (!bytes.has_subtype() || bytes.subtype() != kViewRef || bytes.size() != 4) return std::nullopt;
    return size_t{bytes[0]} | size_t{bytes[1]} << 8 | size_t{bytes[2]} << 16 | size_t{bytes[3]} << 24;
}

json resolved(const json& value, const PageContext& context) {
    if (const View* view = context.view_of(value)) return view->to_json();
    if (value.is_object()) {
        json out = json::object();
        for (const auto& [key, item] : value.get_ref<const json::object_t&>()) out[key] = resolved(item, context);
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const auto& item : value) out.push_back(resolved(item, context));
        return out;
    }
    return value;
}

}  // namespace

json PageContext::add(std::unique_ptr<View> view) {
    const auto n = static_cast<std::uint32_t>(views.size());
    views.push_back(std::move(view));
    return json::binary({static_cast<std::uint8_t>(n), static_cast<std::uint8_t>(n >> 8),
                         static_cast<std::uint8_t>(n >> 16), static_cast<std::uint8_t>(n >> 24)},
                        kViewRef);
}

const View* PageContext::view_of(const json& value) const {
    const auto n = ref_number(value);
    return n && *n < views.size() ? views[*n].get() : nullptr;
}

View* PageContext::view_of(const json& value) {
    const auto n = ref_number(value);
    return n && *n < views.size() ? views[*n].get() : nullptr;
}

json PageContext::to_json() const { return views.empty() ? tree : resolved(tree, *this); }

}  // namespace resgen
