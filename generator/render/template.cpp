#include "render/template.hpp"

#include <kainjow/mustache.hpp>

#include <optional>
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
bool json_is_false(const json& v) {
    return v.is_null() || (v.is_boolean() && !v.get<bool>()) || (v.is_string() && v.get_ref<const std::string&>().empty());
}

}  // namespace

struct Template::Parsed {
    std::vector<Node> nodes;
};

namespace {

// As kainjow's data reads a value the walk found: null, false, "" and an empty list are false;
// objects are true.
bool is_false(const Shown& v) {
    switch (v.kind) {
        case Shown::Kind::tree: return json_is_false(*v.tree) || (v.tree->is_array() && v.tree->empty());
        case Shown::Kind::view: return false;
        case Shown::Kind::list: return v.list->size() == 0;
        case Shown::Kind::text: return v.text.empty();
        case Shown::Kind::flag: return !v.flag;
    }
    return true;
}

}  // namespace

// The state of one rendering: the context stack, and where the line being written began, so
// that a line left holding only a section's tags and blanks can be taken back.
struct TemplateWalk {
    std::vector<Shown> scopes;  // values of the tree, or views and what they give
    const Template::Partials& partials;
    std::string& out;
    size_t line_start;
    const TextSink* flush = nullptr;
    const PageContext* context = nullptr;  // whose views the tree's references name
    bool section_on_line = false;
    int partial_depth = 0;  // a partial that shows itself with no section to end it stops here
    static constexpr int kMaxPartialDepth = 100;
    std::string scratch;    // where views make the text they give

    // A value of the tree, or the view it refers to.
    Shown ref(const json& v) const {
        if (context)
            if (const View* view = context->view_of(v)) return Shown::of_view(*view);
        return Shown::of_tree(v);
    }

    // One step down a dotted name; false if `v` has no such member.
    bool step(Shown& v, const std::string& part) {
        if (v.kind == Shown::Kind::tree) {
            if (!v.tree->is_object()) return false;
            const auto& object = v.tree->get_ref<const json::object_t&>();
            auto found = object.find(part);
            if (found == object.end()) return false;
            v = ref(found->second);
            return true;
        }
        if (v.kind != Shown::Kind::view) return false;
        auto shown = v.view->find(part, scratch);
        if (!shown) return false;
        v = shown->kind == Shown::Kind::tree ? ref(*shown->tree) : *shown;
        return true;
    }

    std::optional<Shown> find(const Node& n) {
        if (n.implicit) return scopes.empty() ? std::nullopt : std::optional<Shown>(scopes.back());
        for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
            Shown v = *it;
            bool found = true;
            for (const auto& part : n.path)
                if (!step(v, part)) {
                    found = false;
                    break;
                }
            if (found) return v;
        }
        return std::nullopt;
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

    void section(const std::vector<Node>& children, const std::optional<Shown>& value) {
        auto once = [&](const Shown* scope) {
            section_on_line = true;
            if (scope) scopes.push_back(*scope);
            nodes(children);
            if (scope) scopes.pop_back();
            section_on_line = true;
        };
        if (!value) return once(nullptr);
        if (value->kind == Shown::Kind::tree && value->tree->is_array() && !value->tree->empty()) {
            for (const auto& item : *value->tree) {
                const Shown r = ref(item);
                once(&r);
            }
        } else if (value->kind == Shown::Kind::list && value->list->size() != 0) {
            for (size_t i = 0; i < value->list->size(); ++i) {
                const Shown r = Shown::of_view(value->list->at(i));
                once(&r);
            }
        } else if (value->kind == Shown::Kind::text) {
            // The scratch it stands in is reused by the names inside: {{.}} needs its own copy.
            const std::string text(value->text);
            const Shown r = Shown::of_text(text);
            once(&r);
        } else {
            once(&*value);
        }
    }

    void nodes(const std::vector<Node>& list) {
        for (const Node& n : list) {
            switch (n.kind) {
                case NodeKind::text: out += n.text; break;
                case NodeKind::newline: end_line(&n.text); break;
                case NodeKind::variable:
                case NodeKind::unescaped: {
                    const auto v = find(n);
                    if (!v) break;
                    std::string_view s;
                    if (v->kind == Shown::Kind::text) {
                        s = v->text;
                    } else if (v->kind == Shown::Kind::tree && v->tree->is_string()) {
                        s = v->tree->get_ref<const std::string&>();
                    } else {
                        if (v->kind == Shown::Kind::tree && v->tree->is_number()) out += v->tree->dump();
                        break;
                    }
                    if (n.kind == NodeKind::variable) append_escaped_html(out, s, "&apos;");
                    else out += s;
                    break;
                }
                case NodeKind::section: {
                    const auto v = find(n);
                    if (v && !is_false(*v)) section(n.children, v);
                    break;
                }
                case NodeKind::inverted: {
                    const auto v = find(n);
                    if (!v || is_false(*v)) section(n.children, v);
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
                      const TextSink* flush, const PageContext* context) const {
    if (!valid()) return;
    TemplateWalk walk{{}, partials, out, out.size(), flush, context, false, 0, {}};
    walk.scopes.reserve(scopes.size() + 8);
    for (const json* scope : scopes) walk.scopes.push_back(walk.ref(*scope));
    walk.nodes(parsed_->nodes);
    walk.end_line(nullptr);
}

}  // namespace resgen
