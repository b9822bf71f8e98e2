#include "render/template.hpp"

#include <kainjow/mustache.hpp>

#include <string_view>

#include "model/html.hpp"

namespace resgen {

namespace km = kainjow::mustache;

namespace {

enum class NodeKind { text, newline, variable, unescaped, section, inverted, partial };

// One of kainjow's parsed components, kept in a form that renders without looking anything up
// twice: a tag's name is split at its dots once, here.
struct Node {
    NodeKind kind = NodeKind::text;
    std::string text;                // text and line ends as written; the name of a partial
    std::vector<std::string> path;   // "doc.title" -> {"doc", "title"}; "." -> {}
    bool implicit = false;           // {{.}}
    std::vector<Node> children;      // a section's
};

// As kainjow splits a name: a name without a dot is looked up whole, "" included.
std::vector<std::string> split_name(const std::string& name) {
    if (name.find('.') == std::string::npos) return {name};
    return km::split<std::string>(name, '.');
}

void convert(const std::vector<km::component<std::string>>& components, std::vector<Node>& out) {
    for (const auto& c : components) {
        Node n;
        switch (c.tag.type) {
            case km::tag_type::text:
                n.kind = c.is_newline() ? NodeKind::newline : NodeKind::text;
                n.text = c.text;
                // Neighbouring text (kainjow keeps blanks apart) is one append.
                if (n.kind == NodeKind::text && !out.empty() && out.back().kind == NodeKind::text) {
                    out.back().text += n.text;
                    continue;
                }
                break;
            case km::tag_type::variable: n.kind = NodeKind::variable; break;
            case km::tag_type::unescaped_variable: n.kind = NodeKind::unescaped; break;
            case km::tag_type::section_begin: n.kind = NodeKind::section; break;
            case km::tag_type::section_begin_inverted: n.kind = NodeKind::inverted; break;
            case km::tag_type::partial: n.kind = NodeKind::partial; n.text = c.tag.name; break;
            default: continue;  // comments and delimiter changes show nothing
        }
        if (n.kind != NodeKind::text && n.kind != NodeKind::newline && n.kind != NodeKind::partial) {
            n.implicit = c.tag.name == ".";
            if (!n.implicit) n.path = split_name(c.tag.name);
        }
        if (n.kind == NodeKind::section || n.kind == NodeKind::inverted) convert(c.children, n.children);
        out.push_back(std::move(n));
    }
}

// kainjow's data holds no empty text: an empty string is false there, and so is null.
bool is_false(const json& v) {
    return v.is_null() || (v.is_boolean() && !v.get<bool>()) || (v.is_string() && v.get_ref<const std::string&>().empty());
}

}  // namespace

struct Template::Parsed {
    std::vector<Node> nodes;
};

// The state of one rendering: the context stack, and where the line being written began, so
// that a line left holding only a section's tags and blanks can be taken back.
struct TemplateWalk {
    std::vector<const json*> scopes;
    const Template::Partials& partials;
    std::string& out;
    size_t line_start;
    const TextSink* flush = nullptr;
    bool section_on_line = false;
    int partial_depth = 0;  // a partial that shows itself with no section to end it stops here
    static constexpr int kMaxPartialDepth = 100;

    const json* find(const Node& n) const {
        if (n.implicit) return scopes.empty() ? nullptr : scopes.back();
        for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
            const json* v = *it;
            for (const auto& part : n.path) {
                if (!v->is_object()) { v = nullptr; break; }
                const auto& object = v->get_ref<const json::object_t&>();
                auto found = object.find(part);
                v = found == object.end() ? nullptr : &found->second;
                if (!v) break;
            }
            if (v) return v;
        }
        return nullptr;
    }

    void end_line(const std::string* newline) {
        bool blank = out.find_first_not_of(" \t", line_start) == std::string::npos;
        if (section_on_line && blank) out.resize(line_start);
        else if (newline) out += *newline;
        line_start = out.size();
        section_on_line = false;
        // Only ended lines go: the line being made may still be dropped.
        if (flush && line_start >= Template::kFlushAt) {
            (*flush)(std::string_view(out).substr(0, line_start));
            out.erase(0, line_start);
            line_start = 0;
        }
    }

    void section(const std::vector<Node>& children, const json* value) {
        auto once = [&](const json* scope) {
            section_on_line = true;
            if (scope) scopes.push_back(scope);
            nodes(children);
            if (scope) scopes.pop_back();
            section_on_line = true;
        };
        if (value && value->is_array() && !value->empty())
            for (const auto& item : *value) once(&item);
        else once(value);
    }

    void nodes(const std::vector<Node>& list) {
        for (const Node& n : list) {
            switch (n.kind) {
                case NodeKind::text: out += n.text; break;
                case NodeKind::newline: end_line(&n.text); break;
                case NodeKind::variable:
                case NodeKind::unescaped: {
                    const json* v = find(n);
                    if (!v) break;
                    if (v->is_string()) {
                        const auto& s = v->get_ref<const std::string&>();
                        if (n.kind == NodeKind::variable) append_escaped_html(out, s, "&apos;");
                        else out += s;
                    } else if (v->is_number()) {
                        out += v->dump();
                    }
                    break;
                }
                case NodeKind::section: {
                    const json* v = find(n);
                    if (v && !is_false(*v) && !(v->is_array() && v->empty())) section(n.children, v);
                    break;
                }
                case NodeKind::inverted: {
                    const json* v = find(n);
                    if (!v || is_false(*v) || (v->is_array() && v->empty())) section(n.children, v);
                    break;
                }
                case NodeKind::partial: {
                    auto p = partials.find(n.text);
                    if (p == partials.end() || !p->second.valid() || partial_depth == kMaxPartialDepth) break;
                    ++partial_depth;
                    nodes(p->second.parsed_->nodes);
                    --partial_depth;
                    break;
                }
            }
        }
    }
};

Template::Template(const std::string& text) : parsed_(std::make_unique<Parsed>()) {
    km::context<std::string> context;
    km::context_internal<std::string> state{context};
    km::component<std::string> root;
    km::parser<std::string> parse{text, state, root, error_};
    if (valid()) convert(root.children, parsed_->nodes);
}

Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

void Template::render(const std::vector<const json*>& scopes, const Partials& partials, std::string& out,
                      const TextSink* flush) const {
    if (!valid()) return;
    TemplateWalk walk{scopes, partials, out, out.size(), flush};
    walk.nodes(parsed_->nodes);
    walk.end_line(nullptr);
}

}  // namespace resgen
