// Any bytes as a template: resgen's walk over JSON (render/template.cpp) must show it exactly
// as kainjow shows the same values copied into its own data, or refuse it with kainjow's own
// error. Partials are the site's templates in both, never values of the data: the reference
// side looks them up in a fixed set through a context of its own.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include <kainjow/mustache.hpp>

#include "render/template.hpp"

namespace {

using nlohmann::json;
namespace km = kainjow::mustache;

// What rendering copied pages into before templates read JSON: null and "" are false,
// numbers their JSON text.
km::data as_data(const json& j) {
    switch (j.type()) {
        case json::value_t::object: {
            km::data d{km::data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), as_data(it.value()));
            return d;
        }
        case json::value_t::array: {
            km::data d{km::data::type::list};
            for (const auto& v : j) d.push_back(as_data(v));
            return d;
        }
        case json::value_t::string: {
            const auto& s = j.get_ref<const std::string&>();
            return s.empty() ? km::data{false} : km::data{s};
        }
        case json::value_t::boolean: return km::data{j.get<bool>()};
        case json::value_t::null: return km::data{false};
        default: return km::data{j.dump()};
    }
}

class ReferenceContext : public km::basic_context<std::string> {
public:
    ReferenceContext(const km::data* root, const std::map<std::string, km::data>& partials)
        : inner_(root), partials_(partials) {}
    void push(const km::data* d) override { inner_.push(d); }
    void pop() override { inner_.pop(); }
    const km::data* get(const std::string& name) const override { return inner_.get(name); }
    const km::data* get_partial(const std::string& name) const override {
        auto it = partials_.find(name);
        return it == partials_.end() ? nullptr : &it->second;
    }

private:
    km::context<std::string> inner_;
    const std::map<std::string, km::data>& partials_;
};

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

    static const km::data root = as_data(page());
    static const std::map<std::string, km::data> kainjow_partials = [] {
        std::map<std::string, km::data> m;
        for (const auto& [name, body] : partial_texts()) m.emplace(name, km::data{body});
        return m;
    }();
    static const resgen::Template::Partials partials = [] {
        resgen::Template::Partials m;
        for (const auto& [name, body] : partial_texts()) m.emplace(name, resgen::Template{body});
        return m;
    }();

    ReferenceContext context{&root, kainjow_partials};
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
