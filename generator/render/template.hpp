// A Mustache template parsed once by kainjow's parser and shown straight from nlohmann::json.
//
// Pages are planned as JSON. kainjow renders only its own data tree, so each page used to be
// copied into that tree first, and the copy and its teardown cost more than the rendering
// itself. This walks kainjow's parsed components over the JSON in place, with kainjow's own
// rules: the same lookups up the context stack, the same escaping, the same dropping of lines
// that held only section tags and white space. Values read as kainjow's data would hold them:
// null and "" are false, numbers are their JSON text. Lambdas have no JSON form, so none. A
// value may also be a view of the page's context (model/view.hpp), asked name by name.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/json.hpp"
#include "model/view.hpp"
#include "model/text_sink.hpp"

namespace resgen {

class Template {
public:
    explicit Template(const std::string& text);
    ~Template();
    Template(Template&&) noexcept;
    Template& operator=(Template&&) noexcept;

    bool valid() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    using Partials = std::map<std::string, Template, std::less<>>;
    // Appends the template shown with `scopes` (the outermost first; a name is looked up from
    // the last to the first) to `out`. Partials are found by name in `partials`. Thread-safe:
    // the template is not changed by rendering. With `flush`, whenever `out` holds
    // kFlushAt bytes or more of ended lines, they are given to it and taken out of `out`:
    // a page of megabytes is never whole in memory. With `context`, a value of the scopes that
    // refers to one of its views is shown by asking the view.
    static constexpr size_t kFlushAt = 64 << 10;
    void render(const std::vector<const resgen::json*>& scopes, const Partials& partials, std::string& out,
                const TextSink* flush = nullptr, const PageContext* context = nullptr) const;

private:
    friend struct TemplateWalk;
    struct Parsed;
    std::unique_ptr<Parsed> parsed_;
    std::string error_;
};

}  // namespace resgen
