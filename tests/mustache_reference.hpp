// The reference that resgen's templates are held to (tests/render_test.cpp and the templates
// fuzzer): kainjow rendering the page's JSON copied into its own data, as resgen rendered
// pages before templates read JSON directly. Null and "" are false there, numbers their JSON
// text; partials are the site's templates, never values of the data.
#pragma once
#include <map>
#include <string>

#include <kainjow/mustache.hpp>
#include "model/json.hpp"

namespace resgen::reference {

namespace km = kainjow::mustache;

inline km::data as_data(const resgen::json& j) {
    using resgen::json;
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

// kainjow's context, except that a partial is looked up among the templates given.
class Context : public km::basic_context<std::string> {
public:
    Context(const km::data* root, const std::map<std::string, std::string>& partials) : inner_(root) {
        for (const auto& [name, text] : partials) partials_.emplace(name, km::data{text});
    }
    void push(const km::data* d) override { inner_.push(d); }
    void pop() override { inner_.pop(); }
    const km::data* get(const std::string& name) const override { return inner_.get(name); }
    const km::data* get_partial(const std::string& name) const override {
        auto it = partials_.find(name);
        return it == partials_.end() ? nullptr : &it->second;
    }

private:
    km::context<std::string> inner_;
    std::map<std::string, km::data> partials_;
};

}  // namespace resgen::reference
