// Any bytes as a template: resgen's walk over JSON (render/template.cpp) must show it exactly
// as kainjow shows the same values copied into its own data, or refuse it with kainjow's own
// error (the reference: tests/mustache_reference.hpp). Partials are a fixed set of templates.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "mustache_reference.hpp"
#include "render/template.hpp"

namespace {

using resgen::json;
namespace km = kainjow::mustache;

const json& page() {
    static const json p = json::parse(R"({
        "title": "Tom & Jerry's <b>\"best\"</b>", "empty": "", "none": null, "yes": true, "no": false,
        "n": 42, "x": 1.5, "zero": 0, "list": ["a", "<b>", 3, true, "", null],
        "items": [{"label": "one", "href": "1.html", "self": true}, {"label": "two", "entries": []},
                  {"label": "", "children": [{"label": "deep"}]}],
        "doc": {"title": "Inner", "meta": [{"label": "Symbol", "value": "A/RES/59/154"}], "text": []},
        "site": {"title": "Site"}, "nested": {"a": {"b": {"c": "abc"}}}, "blank": {}, "label": "outer"
    })");
    return p;
}

const std::map<std::string, std::string>& partial_texts() {
    static const std::map<std::string, std::string> p = {
        {"item", "<li>{{label}}</li>"},
        {"block", "{{#list}}\n  [{{.}}]\n{{/list}}\n"},
        {"outer", "({{> item}})"},
    };
    return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    km::mustache reference{text};
    resgen::Template tried{text};
    if (reference.is_valid() != tried.valid() || (!tried.valid() && reference.error_message() != tried.error())) {
        std::fprintf(stderr, "valid: kainjow %d (%s), resgen %d (%s)\n", reference.is_valid(),
                     reference.error_message().c_str(), tried.valid(), tried.error().c_str());
        std::abort();
    }
    if (!tried.valid()) return 0;

    static const km::data root = resgen::reference::as_data(page());
    static const resgen::Template::Partials partials = [] {
        resgen::Template::Partials m;
        for (const auto& [name, body] : partial_texts()) m.emplace(name, resgen::Template{body});
        return m;
    }();

    resgen::reference::Context context{&root, partial_texts()};
    std::string expected = reference.render(context);
    if (!reference.is_valid()) return 0;  // kainjow gave up half-way (a lambda, a partial in error): not compared

    std::string got;
    tried.render({&page()}, partials, got);
    if (got != expected) {
        std::fprintf(stderr, "kainjow: [%s]\nresgen:  [%s]\n", expected.c_str(), got.c_str());
        std::abort();
    }
    return 0;
}
