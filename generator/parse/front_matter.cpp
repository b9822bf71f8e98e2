#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "model/organ.hpp"
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

namespace {

bool is_null_word(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// A plain scalar of the subset front_matter_by_lines reads, its spaces around already cut:
// printable characters, no YAML indicator at its start, none of the marks that would make it
// a comment, a key, a flow collection or (in a list) the list's next item.
bool plain_scalar(std::string_view s, bool in_list) {
    if (is_null_word(s) || std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
        return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f || c == '#' || c == '[' || c == ']' || c == '{' || c == '}') return false;
        if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return false;
        if (in_list && c == ',') return false;
    }
    return true;
}

// A quoted scalar with nothing to unescape and nothing to fold: its text between the quotes.
std::optional<std::string_view> quoted_scalar(std::string_view s) {
    const char q = s.front();
    const size_t close = s.find(q, 1);
    if (close == std::string_view::npos || close + 1 != s.size()) return std::nullopt;
    const std::string_view inner = s.substr(1, close - 1);
    for (unsigned char c : inner)
        if (c < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    return inner;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<std::vector<FrontMatterEntry>> front_matter_by_yaml_cpp(const std::string& yaml) {
    const YAML::Node root = YAML::Load(yaml);
    if (!root.IsMap()) return std::nullopt;
    std::vector<FrontMatterEntry> entries;
    for (const auto& kv : root) {
        FrontMatterEntry e;
        e.key = kv.first.as<std::string>("");
        e.key_line = kv.first.Mark().line;
        e.key_column = kv.first.Mark().column;
        const YAML::Node& v = kv.second;
        e.line = v.Mark().line;
        e.column = v.Mark().column;
        if (v.IsScalar()) {
            e.shape = FrontMatterEntry::Shape::scalar;
            e.values = {v.as<std::string>()};
        } else if (v.IsSequence()) {
            e.shape = FrontMatterEntry::Shape::list;
            for (const auto& item : v) e.values.push_back(item.as<std::string>(""));
        }
        entries.push_back(std::move(e));
    }
    return entries;
}

std::optional<std::vector<FrontMatterEntry>> front_matter_by_lines(std::string_view yaml) {
    // Characters some YAML readers take for line breaks or a byte order mark, and text that is
    // not UTF-8, are yaml-cpp's to read.
    int bad_line = 0, bad_column = 0;
    if (find_invalid_utf8(yaml, bad_line, bad_column)) return std::nullopt;
    for (std::string_view odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
        if (yaml.find(odd) != std::string_view::npos) return std::nullopt;
    std::vector<FrontMatterEntry> entries;
    int line = 0;
    for (size_t at = 0; at < yaml.size(); ++line) {
        const size_t end = std::min(yaml.find('\n', at), yaml.size());
        const std::string_view text = yaml.substr(at, end - at);
        at = end + 1;
        if (text.empty()) continue;
        const size_t colon = text.find(':');
        if (colon == 0 || colon == std::string_view::npos || colon + 1 == text.size() || text[colon + 1] != ' ')
            return std::nullopt;
        FrontMatterEntry e;
        e.key = std::string(text.substr(0, colon));
        if (is_null_word(e.key) || !std::all_of(e.key.begin(), e.key.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            }))
            return std::nullopt;
        for (const auto& other : entries)
            if (other.key == e.key) return std::nullopt;
        e.key_line = e.line = line;
        const size_t value_at = text.find_first_not_of(' ', colon + 1);
        if (value_at == std::string_view::npos) return std::nullopt;
        e.column = static_cast<int>(value_at);
        std::string_view value = trim_spaces(text.substr(value_at));
        if (value.front() == '"' || value.front() == '\'') {
            auto inner = quoted_scalar(value);
            if (!inner) return std::nullopt;
            e.shape = FrontMatterEntry::Shape::scalar;
            e.values = {std::string(*inner)};
        } else if (value.front() == '[') {
            if (value.back() != ']') return std::nullopt;
            e.shape = FrontMatterEntry::Shape::list;
            const std::string_view items = value.substr(1, value.size() - 2);
            if (!trim_spaces(items).empty())
                for (size_t from = 0; from <= items.size();) {
                    const size_t comma = std::min(items.find(',', from), items.size());
                    const std::string_view item = trim_spaces(items.substr(from, comma - from));
                    if (item.empty() || !plain_scalar(item, true)) return std::nullopt;
                    e.values.emplace_back(item);
                    from = comma + 1;
                }
        } else {
            if (!plain_scalar(value, false)) return std::nullopt;
            e.shape = FrontMatterEntry::Shape::scalar;
            e.values = {std::string(value)};
        }
        entries.push_back(std::move(e));
    }
    if (entries.empty()) return std::nullopt;
    return entries;
}

Metadata parse_front_matter(const Source& src, Diagnostics& diags) {
    Metadata m;
    auto at = [&](Severity s, int line, int column, std::string msg) {
        diags.push_back({s, src.path, src.front_matter_line + std::max(line, 0), std::max(column, 0) + 1, std::move(msg)});
    };
    // yaml-cpp took 88 microseconds for a content file's ten lines (perf, 10,000 documents):
    // half of what loading and parsing cost. Nearly every file is in the plain subset read here.
    std::optional<std::vector<FrontMatterEntry>> entries = front_matter_by_lines(src.front_matter);
    if (!entries) {
        try {
            entries = front_matter_by_yaml_cpp(src.front_matter);
        } catch (const YAML::Exception& e) {
            at(Severity::error, e.mark.line, e.mark.column, "front matter is not valid YAML: " + e.msg);
            return m;
        }
    }
    if (!entries) {
        if (src.front_matter_line > 0)
            diags.push_back({Severity::error, src.path, src.front_matter_line, 1,
                             "front matter must be a mapping of keys to values"});
        return m;
    }
    for (const FrontMatterEntry& e : *entries) {
        const std::string& key = e.key;
        auto at_value = [&](Severity s, std::string msg) { at(s, e.line, e.column, std::move(msg)); };
        auto text = [&](std::string& field) {
            if (e.shape != FrontMatterEntry::Shape::scalar) return at_value(Severity::error, "'" + key + "' must be a single value");
            field = e.values.front();
        };
        auto list = [&](std::vector<std::string>& field) {
            if (e.shape == FrontMatterEntry::Shape::other) return at_value(Severity::error, "'" + key + "' must be a list");
            if (e.shape == FrontMatterEntry::Shape::scalar) field.clear();
            field.insert(field.end(), e.values.begin(), e.values.end());
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
            at(Severity::warning, e.key_line, e.key_column,
               "unknown key '" + key + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"));
        }
        if (key == "symbol" || key == "adopted_as") {
            std::string why;
            std::string& s = key == "symbol" ? m.symbol : m.adopted_as;
            s = canonical_symbol(std::move(s));
            if (!valid_symbol(s, &why)) at_value(Severity::error, "malformed " + key + ": " + why);
        }
        // A source becomes a link on some page: only an address a reader can follow safely.
        if (key == "source" && !m.source.empty() && m.source.rfind("https://", 0) != 0 &&
            m.source.rfind("http://", 0) != 0) {
            at_value(Severity::error, "'source' must be an http or https address");
            m.source.clear();
        }
        if (key == "id" && !valid_id(m.id))
            at_value(Severity::error, "malformed id '" + m.id + "': use lower-case letters, digits and '-'");
        if (key == "date" && !valid_date(m.date))
            at_value(Severity::error, "'" + m.date + "' is not a real date (yyyy-mm-dd)");
        if (key == "kind" && m.kind != "resolution" && m.kind != "draft" && m.kind != "decision" &&
            m.kind != "report")
            at_value(Severity::error,
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
