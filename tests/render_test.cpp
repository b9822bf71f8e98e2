// Templates render from JSON exactly as kainjow renders the same values copied into its own
// data: each row is shown by both and must give the same bytes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>

#include "mustache_reference.hpp"
#include "render/render.hpp"
#include "render/template.hpp"

using resgen::json;
namespace km = kainjow::mustache;

namespace {

std::string by_kainjow(const std::string& text, const json& context, const std::map<std::string, std::string>& partials) {
    km::data root = resgen::reference::as_data(context);
    resgen::reference::Context ctx{&root, partials};
    km::mustache m{text};
    REQUIRE(m.is_valid());
    return m.render(ctx);
}

std::string by_template(const std::string& text, const json& context, const std::map<std::string, std::string>& partials) {
    resgen::Template::Partials compiled;
    for (const auto& [name, body] : partials) compiled.emplace(name, resgen::Template{body});
    resgen::Template t{text};
    REQUIRE(t.valid());
    std::string out;
    t.render({&context}, compiled, out);
    return out;
}

// A view answering from a JSON object as a page's views answer: strings and numbers as text
// (made in the scratch), booleans and null as flags, objects as views, lists of objects as
// lists of views; other lists as the JSON they are.
class JsonView final : public resgen::View {
public:
    explicit JsonView(const json& object) : object_(object) {
        for (const auto& [key, value] : object.items()) {
            if (value.is_object()) views_.emplace(key, std::make_unique<JsonView>(value));
            else if (of_objects(value)) lists_.emplace(key, std::make_unique<List>(value));
        }
    }
    static bool of_objects(const json& v) {
        return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& item) { return item.is_object(); });
    }
    std::optional<resgen::Shown> find(std::string_view name, std::string& scratch) const override {
        using resgen::Shown;
        const std::string key(name);
        if (!object_.contains(key)) return std::nullopt;
        const json& v = object_.at(key);
        if (v.is_string() || v.is_number()) {
            scratch = v.is_string() ? v.get<std::string>() : v.dump();
            return Shown::of_text(scratch);
        }
        if (v.is_boolean() || v.is_null()) return Shown::of_flag(v.is_boolean() && v.get<bool>());
        if (v.is_object()) return Shown::of_view(*views_.at(key));
        if (of_objects(v)) return Shown::of_list(*lists_.at(key));
        return Shown::of_tree(v);
    }
    json to_json() const override { return object_; }

private:
    struct List final : resgen::ViewList {
        std::vector<JsonView> items;
        explicit List(const json& array) {
            items.reserve(array.size());
            for (const auto& item : array) items.emplace_back(item);
        }
        size_t size() const override { return items.size(); }
        const resgen::View& at(size_t i) const override { return items[i]; }
    };
    const json& object_;
    std::map<std::string, std::unique_ptr<JsonView>> views_;
    std::map<std::string, std::unique_ptr<List>> lists_;
};

// `value` with each object below the top (or the top too, with `top`) replaced by a reference
// to a JsonView of it, added to `context`.
json with_views(const json& value, resgen::PageContext& context, bool top) {
    if (value.is_object() && top) return context.add(std::make_unique<JsonView>(value));
    if (value.is_object()) {
        json out = json::object();
        for (const auto& [key, item] : value.items()) out[key] = with_views(item, context, true);
        return out;
    }
    if (value.is_array()) {
        json out = json::array();
        for (const auto& item : value) out.push_back(with_views(item, context, true));
        return out;
    }
    return value;
}

std::string by_views(const std::string& text, const resgen::PageContext& context,
                     const std::map<std::string, std::string>& partials) {
    resgen::Template::Partials compiled;
    for (const auto& [name, body] : partials) compiled.emplace(name, resgen::Template{body});
    resgen::Template t{text};
    REQUIRE(t.valid());
    std::string out;
    t.render({&context.tree}, compiled, out, nullptr, &context);
    return out;
}

struct Row {
    const char* what;
    const char* text;
    const char* context;
};

}  // namespace

TEST_CASE("a template shows JSON as kainjow shows the same values", "[render]") {
    const std::map<std::string, std::string> partials = {
        {"item", "<li>{{label}}</li>"},
        {"block", "{{#entries}}\n  <p>{{.}}</p>\n{{/entries}}\n"},
        {"nested", "[{{> item}}]"},
    };
    const Row rows[] = {
        {"text alone", "plain text\nand a second line\n", "{}"},
        {"a variable", "Hello {{name}}!", R"({"name": "world"})"},
        {"escaped", "{{v}}", R"({"v": "<a href=\"x\">Tom & Jerry's</a>"})"},
        {"triple braces do not escape", "{{{v}}}", R"({"v": "<b>&amp;</b>"})"},
        {"ampersand does not escape", "{{& v}}", R"({"v": "<b>'</b>"})"},
        {"a missing name shows nothing", "[{{nothing}}]", "{}"},
        {"a number is its JSON text", "{{n}} {{f}} {{neg}}", R"({"n": 42, "f": 1.5, "neg": -3})"},
        {"true, false and null show nothing", "[{{t}}|{{f}}|{{z}}]", R"({"t": true, "f": false, "z": null})"},
        {"an object shows nothing", "[{{o}}]", R"({"o": {"a": 1}})"},
        {"dotted names", "{{a.b.c}} {{a.x.c}}", R"({"a": {"b": {"c": "deep"}}})"},
        {"odd dots", "[{{a.b.}}|{{.a}}|{{a..b}}|{{}}]", R"({"a": {"b": "x", "": {"b": "y"}}, "": "empty"})"},
        {"a dotted name looks further out when an inner scope lacks it", "{{#inner}}{{a.b}}{{/inner}}",
         R"({"a": {"b": "outer"}, "inner": {"a": {"c": 1}}})"},
        {"a section over a list", "{{#list}}<{{name}}>{{/list}}", R"({"list": [{"name": "a"}, {"name": "b"}]})"},
        {"the implicit iterator", "{{#list}}({{.}}){{/list}}", R"({"list": ["x", "<y>", 3, true]})"},
        {"a section over an object", "{{#o}}{{a}}{{/o}}", R"({"o": {"a": "in"}})"},
        {"an empty object is true", "{{#o}}yes{{/o}}", R"({"o": {}})"},
        {"a section over a string", "{{#s}}[{{.}}]{{/s}}", R"({"s": "text"})"},
        {"names inside a section over a string", "{{#s}}{{t}}[{{.}}]{{#t}}{{.}}{{/t}}[{{.}}]{{/s}}",
         R"({"s": "text", "t": "other"})"},
        {"a section over a number", "{{#n}}[{{.}}]{{/n}}{{#z}}zero{{/z}}", R"({"n": 7, "z": 0})"},
        {"falsy sections", "{{#f}}f{{/f}}{{#e}}e{{/e}}{{#z}}z{{/z}}{{#l}}l{{/l}}{{#m}}m{{/m}}",
         R"({"f": false, "e": "", "z": null, "l": []})"},
        {"inverted sections", "{{^f}}f{{/f}}{{^e}}e{{/e}}{{^z}}z{{/z}}{{^l}}l{{/l}}{{^m}}m{{/m}}{{^t}}t{{/t}}",
         R"({"f": false, "e": "", "z": null, "l": [], "t": true})"},
        {"lookup climbs the stack", "{{#outer}}{{#inner}}{{a}}-{{b}}-{{c}}{{/inner}}{{/outer}}",
         R"({"c": "root", "outer": {"b": "outer", "inner": {"a": "inner"}}})"},
        {"an inner name hides an outer one", "{{#o}}{{v}}{{/o}}{{v}}", R"({"v": "out", "o": {"v": "in"}})"},
        {"standalone section tags leave no line",
         "<ul>\n{{#list}}\n  <li>{{.}}</li>\n{{/list}}\n</ul>\n", R"({"list": ["a", "b"]})"},
        {"an indented standalone tag leaves no line", "a\n  {{#t}}\n  b\n  {{/t}}\nc\n", R"({"t": true})"},
        {"a line of tags that shows nothing is dropped", "x\n{{#t}}{{missing}}{{/t}}\ny\n", R"({"t": true})"},
        {"a line with text and a section keeps its text", "x\n<p>{{#t}}yes{{/t}}</p>\ny\n", R"({"t": false})"},
        {"a false standalone section", "a\n{{#f}}\nhidden\n{{/f}}\nb\n", R"({"f": false})"},
        {"a blank line without tags stays", "a\n\n  \nb", "{}"},
        {"comments show nothing", "a{{! a comment }}b\n{{! standalone }}\nc", "{}"},
        {"carriage returns", "a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc", R"({"t": true})"},
        {"set delimiters", "{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", R"({"name": "n"})"},
        {"an inline partial", "<ul>{{> item}}</ul>", R"({"label": "one"})"},
        {"a partial in a section", "{{#list}}{{> item}}{{/list}}", R"({"list": [{"label": "a"}, {"label": "b"}]})"},
        {"a standalone partial with sections", "<div>\n{{> block}}\n</div>\n", R"({"entries": ["x", "y"]})"},
        {"a partial inside a partial", "{{> nested}}", R"({"label": "deep"})"},
        {"an unknown partial shows nothing", "[{{> nowhere}}]", "{}"},
        {"no line end at the end", "{{#t}}\nlast{{/t}}", R"({"t": true})"},
        {"white space inside tags", "{{ name }}{{# t }}!{{/ t }}", R"({"name": "n", "t": true})"},
    };
    for (const auto& row : rows) {
        INFO(row.what);
        json context = json::parse(row.context);
        const std::string expected = by_kainjow(row.text, context, partials);
        CHECK(by_template(row.text, context, partials) == expected);
        // The same values as views of a page's context: the whole context one view, and
        // every object below the top a view referred to from the tree.
        resgen::PageContext whole, below;
        whole.tree = with_views(context, whole, true);
        below.tree = with_views(context, below, false);
        CHECK(by_views(row.text, whole, partials) == expected);
        CHECK(by_views(row.text, below, partials) == expected);
        CHECK(whole.to_json() == context);
        CHECK(below.to_json() == context);
    }
}

TEST_CASE("a page's context names its views by number", "[render]") {
    resgen::PageContext context;
    const json a = {{"name", "a"}}, b = {{"name", "b"}};
    const json ref_a = context.add(std::make_unique<JsonView>(a));
    const json ref_b = context.add(std::make_unique<JsonView>(b));
    REQUIRE(context.view_of(ref_a));
    CHECK(context.view_of(ref_a)->to_json() == a);
    CHECK(context.view_of(ref_b)->to_json() == b);
    // Not references of this context: other values, other binary values, a number past its views.
    CHECK_FALSE(context.view_of(json("x")));
    CHECK_FALSE(context.view_of(json::binary({0, 0, 0, 0})));
    CHECK_FALSE(context.view_of(json::binary({0, 0, 0, 0}, 7)));
    CHECK_FALSE(resgen::PageContext{}.view_of(ref_a));
    // A reference another context made is shown as nothing, not as a view of this one.
    resgen::PageContext other;
    other.tree = {{"v", ref_a}};
    std::string out;
    resgen::Template{"[{{v.name}}]"}.render({&other.tree}, {}, out, nullptr, &other);
    CHECK(out == "[]");
    context.tree = {{"list", {ref_b, ref_a}}, {"one", ref_a}};
    out.clear();
    resgen::Template{"{{#list}}{{name}}{{/list}} {{one.name}}"}.render({&context.tree}, {}, out, nullptr, &context);
    CHECK(out == "ba a");
    CHECK(context.to_json() == json{{"list", {b, a}}, {"one", a}});
}

TEST_CASE("a template looks names up from the last scope to the first", "[render]") {
    json page = {{"title", "page"}, {"only_page", "p"}};
    json common = {{"title", "common"}};
    resgen::Template t{"{{title}} {{only_page}}"};
    std::string out = ">";
    t.render({&page, &common}, {}, out);
    CHECK(out == ">common p");
}

TEST_CASE("a template that does not parse names kainjow's error", "[render]") {
    for (const char* text : {"{{#open}}never closed", "{{/close}}", "{{unclosed", "{{=bad=}}"}) {
        INFO(text);
        resgen::Template t{text};
        km::mustache m{text};
        CHECK_FALSE(t.valid());
        CHECK(t.error() == m.error_message());
        std::string out;
        t.render({}, {}, out);
        CHECK(out.empty());
    }
}

TEST_CASE("a partial shows itself as deep as its data goes, and a partial that never ends stops", "[render]") {
    resgen::Template::Partials partials;
    partials.emplace("node", resgen::Template{"<{{name}}{{#children}}{{> node}}{{/children}}>"});
    partials.emplace("forever", resgen::Template{"x{{> forever}}"});
    json tree = json::parse(R"({"name": "a", "children": [{"name": "b", "children": [{"name": "c", "children": []}]},
                                                    {"name": "d", "children": []}]})");
    std::string out;
    resgen::Template{"{{> node}}"}.render({&tree}, partials, out);
    CHECK(out == "<a<b<c>><d>>");

    std::string endless;
    resgen::Template{"{{> forever}}"}.render({&tree}, partials, endless);
    CHECK(endless == std::string(100, 'x'));
}

TEST_CASE("a large page is given in pieces that make the page the layout makes whole", "[render]") {
    // The page's template shown in the layout's place for {{{content}}}, its ended lines given
    // to the sink 64 KB at a time; a layout that names `content` otherwise (here also in a
    // comment) gets the page made whole. Both must give the same bytes.
    const std::string layout = "<!doctype html>\n<title>{{page_title}}</title>\n<main>\n{{{content}}}\n</main>\n";
    const std::string big =
        "<h1>{{page_title}}</h1>\n"
        "{{#items}}\n"
        "<p>{{name}} &amp; {{root}}</p>\n"
        "{{#flag}}\n"
        "<em>flagged</em>\n"
        "{{/flag}}\n"
        "{{/items}}\n"
        "[{{content}}]";
    resgen::TemplateSet slot, whole;
    slot.templates = {{"layout", layout}, {"big", big}};
    whole.templates = {{"layout", layout + "{{! content }}"}, {"big", big}};
    resgen::SiteConfig config;
    const resgen::Renderer streamed(slot, config), made_whole(whole, config);
    json items = json::array();
    for (int n = 0; n < 6000; ++n) items.push_back({{"name", "item <" + std::to_string(n) + ">"}, {"flag", n % 3 == 0}});
    resgen::Page page{"x/index.html", "big", {{"page_title", "Big"}, {"items", std::move(items)}}, {}};

    std::vector<std::string> pieces;
    streamed.render(page, [&](std::string_view piece) { pieces.emplace_back(piece); });
    std::string joined;
    for (const auto& p : pieces) joined += p;
    // The comparison is between the two ways: the layout with a second `content` tag is made
    // whole, in one piece.
    size_t whole_pieces = 0;
    made_whole.render(page, [&](std::string_view) { ++whole_pieces; });
    CHECK(whole_pieces == 1);
    const std::string expected = made_whole.render(page);
    CHECK(expected.size() > 200000);
    CHECK(pieces.size() > 3);
    CHECK(joined == expected);
    // Lines end every piece but the last; none is much larger than the flush size.
    for (size_t i = 0; i + 1 < pieces.size(); ++i) {
        CHECK(pieces[i].back() == '\n');
        CHECK(pieces[i].size() < resgen::Template::kFlushAt + 1024);
    }
    CHECK(expected.find("<p>item &lt;5997&gt; &amp; ../</p>\n<em>flagged</em>\n") != std::string::npos);
    CHECK(expected.find("{{") == std::string::npos);
    // The page's own template does not see the content it is shown in.
    CHECK(expected.find("[]\n</main>\n") != std::string::npos);
    CHECK(streamed.render(page) == expected);
}

TEST_CASE("a partial that asks whether the page is empty gets the page made whole", "[render]") {
    // The layout shows {{{content}}} once, but its footer shows a line only for an empty page:
    // what stands around the content depends on it, so every page is made whole, in one
    // piece, and the empty page gets its line.
    resgen::TemplateSet set;
    set.templates = {{"layout", "<main>\n{{{content}}}\n</main>\n{{>footer}}"},
                     {"empty", ""},
                     {"big", "{{#items}}\n<p>{{.}}</p>\n{{/items}}\n"}};
    set.partials = {{"footer", "{{^content}}<p>Nothing here.</p>{{/content}}{{#content}}<p>End.</p>{{/content}}\n"}};
    resgen::SiteConfig config;
    json items = json::array();
    for (int n = 0; n < 20000; ++n) items.push_back("item " + std::to_string(n));
    const resgen::Page empty{"x/index.html", "empty", json::object(), {}};
    const resgen::Page big{"x/index.html", "big", {{"items", std::move(items)}}, {}};
    auto pieces_of = [](const resgen::Renderer& r, const resgen::Page& page) {
        std::vector<std::string> pieces;
        r.render(page, [&](std::string_view piece) { pieces.emplace_back(piece); });
        return pieces;
    };

    const resgen::Renderer asks(set, config);
    CHECK(asks.render(empty) == "<main>\n\n</main>\n<p>Nothing here.</p>\n");
    const std::string whole = asks.render(big);
    CHECK(whole.size() > 2 * resgen::Template::kFlushAt);
    CHECK(whole.find("<p>Nothing here.</p>") == std::string::npos);
    CHECK(whole.find("</main>\n<p>End.</p>\n") != std::string::npos);
    CHECK(pieces_of(asks, big).size() == 1);

    // A footer that does not name `content` leaves the layout's slot in use: the large page
    // comes in pieces.
    set.partials = {{"footer", "<p>End.</p>\n"}};
    const resgen::Renderer slot(set, config);
    const auto pieces = pieces_of(slot, big);
    CHECK(pieces.size() > 2);
    std::string joined;
    for (const auto& p : pieces) joined += p;
    CHECK(joined == whole);
}
