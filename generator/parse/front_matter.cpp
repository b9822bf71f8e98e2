#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

#include "parse/parse.hpp"

namespace resgen {

namespace {

const std::array<const char*, 16> kKeys = {
    "symbol",   "id",           "title",       "body",     "kind",     "date",
    "meeting",  "session",      "agenda_item", "agenda_title", "distribution", "sponsors",
    "original_language", "adopted_as", "source", "tags"};

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

bool valid_date(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9') return false;
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
    if (m < 1 || m > 12 || day < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return day <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool valid_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

}  // namespace

bool valid_symbol(const std::string& symbol, std::string* why) {
    auto fail = [&](std::string w) {
        if (why) *why = std::move(w);
        return false;
    };
    if (symbol.empty()) return fail("the symbol is empty");
    size_t start = 0;
    while (true) {
        size_t slash = symbol.find('/', start);
        std::string seg = symbol.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (seg.empty()) return fail("the symbol has an empty segment");
        if (seg == "." || seg == "..") return fail("the symbol has a segment '" + seg + "'");
        for (char c : seg) {
            bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '(' || c == ')' || c == '-';
            if (!ok) return fail(std::string("the symbol has a character '") + c +
                                 "' outside [A-Za-z0-9.()-]");
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return true;
}

Metadata parse_front_matter(const Source& src, Diagnostics& diags) {
    Metadata m;
    YAML::Node root;
    auto at_mark = [&](Severity s, const YAML::Mark& mark, std::string msg) {
        diags.push_back({s, src.path, src.front_matter_line + std::max(mark.line, 0),
                         std::max(mark.column, 0) + 1, std::move(msg)});
    };
    try {
        root = YAML::Load(src.front_matter);
    } catch (const YAML::Exception& e) {
        at_mark(Severity::error, e.mark, "front matter is not valid YAML: " + e.msg);
        return m;
    }
    if (!root.IsMap()) {
        if (src.front_matter_line > 0)
            diags.push_back({Severity::error, src.path, src.front_matter_line, 1,
                             "front matter must be a mapping of keys to values"});
        return m;
    }
    for (const auto& kv : root) {
        const std::string key = kv.first.as<std::string>("");
        const YAML::Node& v = kv.second;
        auto text = [&](std::string& field) {
            if (!v.IsScalar()) {
                at_mark(Severity::error, v.Mark(), "'" + key + "' must be a single value");
                return;
            }
            field = v.as<std::string>();
        };
        auto list = [&](std::vector<std::string>& field) {
            if (v.IsScalar()) field = {v.as<std::string>()};
            else if (v.IsSequence()) for (const auto& item : v) field.push_back(item.as<std::string>(""));
            else at_mark(Severity::error, v.Mark(), "'" + key + "' must be a list");
        };
        if (key == "symbol") text(m.symbol);
        else if (key == "id") text(m.id);
        else if (key == "title") text(m.title);
        else if (key == "body") text(m.body);
        else if (key == "kind") text(m.kind);
        else if (key == "date") text(m.date);
        else if (key == "meeting") text(m.meeting);
        else if (key == "session") text(m.session);
        else if (key == "agenda_item") text(m.agenda_item);
        else if (key == "agenda_title") text(m.agenda_title);
        else if (key == "distribution") text(m.distribution);
        else if (key == "sponsors") list(m.sponsors);
        else if (key == "original_language") text(m.original_language);
        else if (key == "adopted_as") text(m.adopted_as);
        else if (key == "source") text(m.source);
        else if (key == "tags") list(m.tags);
        else {
            std::string best;
            size_t best_d = 3;
            for (const char* k : kKeys) {
                size_t d = edit_distance(key, k);
                if (d < best_d) best_d = d, best = k;
            }
            at_mark(Severity::warning, kv.first.Mark(),
                    "unknown key '" + key + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
        }
        if (key == "symbol" || key == "adopted_as") {
            std::string why;
            const std::string& s = key == "symbol" ? m.symbol : m.adopted_as;
            if (!valid_symbol(s, &why)) at_mark(Severity::error, v.Mark(), "malformed " + key + ": " + why);
        }
        // A source becomes a link on some page: only an address a reader can follow safely.
        if (key == "source" && !m.source.empty() && m.source.rfind("https://", 0) != 0 &&
            m.source.rfind("http://", 0) != 0) {
            at_mark(Severity::error, v.Mark(), "'source' must be an http or https address");
            m.source.clear();
        }
        if (key == "id" && !valid_id(m.id))
            at_mark(Severity::error, v.Mark(), "malformed id '" + m.id + "': use lower-case letters, digits and '-'");
        if (key == "date" && !valid_date(m.date))
            at_mark(Severity::error, v.Mark(), "'" + m.date + "' is not a real date (yyyy-mm-dd)");
        if (key == "kind" && m.kind != "resolution" && m.kind != "draft" && m.kind != "decision" &&
            m.kind != "report")
            at_mark(Severity::error, v.Mark(),
                    "unknown kind '" + m.kind + "': use resolution, draft, decision or report");
    }
    int line = src.front_matter_line;
    if (m.symbol.empty() && m.id.empty())
        diags.push_back({Severity::error, src.path, line, 1,
                         "missing symbol: give 'symbol', or 'id' when the source does not state it"});
    if (!m.symbol.empty() && !m.id.empty())
        diags.push_back({Severity::error, src.path, line, 1, "give 'symbol' or 'id', not both"});
    if (m.title.empty()) diags.push_back({Severity::error, src.path, line, 1, "missing title"});
    if (m.body.empty()) diags.push_back({Severity::error, src.path, line, 1, "missing body (the organ)"});
    if (m.kind.empty()) diags.push_back({Severity::error, src.path, line, 1, "missing kind"});
    return m;
}

}  // namespace resgen
