// A typed part of a page's context.
//
// A page's context is a JSON tree, but some of its values are many small objects made for one
// page and shown once: the genealogy of one paragraph is up to a hundred, each with its own
// keys and strings, and making, showing and freeing them took 18% of a build's CPU. Such a
// value stands in the tree as a reference (PageContext::add) to a View of the page's context,
// which the template walk asks for each name as it shows it: what a view computes is
// written, not kept.
//
// A view answers only what its JSON form (to_json) holds, with the same values, so that a
// template shows the same bytes either way.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/json.hpp"

namespace resgen {

class View;

// A list of views (a section over it shows each in turn).
class ViewList {
public:
    virtual ~ViewList() = default;
    virtual size_t size() const = 0;
    virtual const View& at(size_t i) const = 0;
};

// What a name stands for in a view (and, in the template walk, any value it finds). Text is
// read as JSON strings are (empty is false, and it is escaped when shown); a flag as a JSON
// boolean (it shows nothing; null is a false flag); a tree is a JSON value.
struct Shown {
    enum class Kind : uint8_t { text, flag, view, list, tree };
    Kind kind = Kind::text;
    std::string_view text = {};     // valid until the view is asked again
    bool flag = false;
    const View* view = nullptr;
    const ViewList* list = nullptr;
    const json* tree = nullptr;

    static Shown of_text(std::string_view t) { return {.kind = Kind::text, .text = t}; }
    static Shown of_flag(bool f) { return {.kind = Kind::flag, .flag = f}; }
    static Shown of_view(const View& v) { return {.kind = Kind::view, .view = &v}; }
    static Shown of_list(const ViewList& l) { return {.kind = Kind::list, .list = &l}; }
    static Shown of_tree(const json& t) { return {.kind = Kind::tree, .tree = &t}; }
};

class View {
public:
    virtual ~View() = default;
    // What `name` stands for here, or nothing when the view has no such name (a JSON object
    // without the key: the walk then asks the scopes around it). Text may be made in
    // `scratch`, which the caller keeps until it has used the text.
    virtual std::optional<Shown> find(std::string_view name, std::string& scratch) const = 0;
    // The same values as a JSON tree: for tests, and for whoever reads a context whole.
    virtual json to_json() const = 0;
};

// A page's context: the tree, and the views its references name, by number.
struct PageContext {
    json tree;
    std::vector<std::unique_ptr<View>> views;

    // Most pages have no views: their tree is the whole context, and converts to one.
    PageContext(json t = nullptr) : tree(std::move(t)) {}  // NOLINT(google-explicit-constructor)

    // A reference to `view`, now the context's to keep, to place in the tree.
    json add(std::unique_ptr<View> view);
    // The view a tree value refers to, or null if it is not a reference of this context. A
    // later step of the plan may complete a view it finds (a paragraph's genealogy).
    const View* view_of(const json& value) const;
    View* view_of(const json& value);
    // The tree with each reference replaced by its view's JSON.
    json to_json() const;
};

}  // namespace resgen
