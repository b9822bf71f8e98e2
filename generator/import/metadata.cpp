// The header of a raw text (everything above its first voice line or framing sentence)
// and its adoption line: what they state goes to the front matter, and only that.
#include <yaml-cpp/yaml.h>

#include <cstring>
#include <regex>

#include "import/detail.hpp"
#include "model/organ.hpp"

namespace resgen::importer {

namespace {

// Header lines are short; longer ones are text, not metadata, and never reach a regex.
constexpr std::size_t kMaxHeaderLine = 300;

bool match(const std::string& s, const std::regex& re, std::smatch& m) {
    return s.size() <= kMaxHeaderLine && std::regex_match(s, m, re);
}

std::string strip_stars(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s.front() == '*') s.remove_prefix(1);
    return std::string(s);
}

const std::vector<std::string>& countries_with_and() {
    static const std::vector<std::string> names = {
        "Antigua and Barbuda",    "Bosnia and Herzegovina",           "Saint Kitts and Nevis",
        "Sao Tome and Principe",  "Saint Vincent and the Grenadines", "Serbia and Montenegro",
        "Trinidad and Tobago",    "Heard Island and McDonald Islands"};
    return names;
}

bool is_country_with_and(std::string_view s) {
    for (const auto& n : countries_with_and())
        if (s == n) return true;
    return false;
}

std::vector<std::string> split_sponsors(std::string_view list) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= list.size()) {
        std::size_t c = list.find(", ", pos);
        if (c == std::string_view::npos) c = list.size();
        parts.emplace_back(trim(list.substr(pos, c - pos)));
        pos = c + 2;
    }
    std::vector<std::string> out;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        std::string p = parts[k];
        if (p.starts_with("and ")) p = p.substr(4);
        if (p.find(" and ") == std::string::npos || is_country_with_and(p)) {
            if (!p.empty()) out.push_back(p);
            continue;
        }
        // "Colombia and Mexico": split at the " and " that leaves names on both sides
        bool done = false;
        for (std::size_t a = p.find(" and "); a != std::string::npos; a = p.find(" and ", a + 1)) {
            std::string left = p.substr(0, a), right = p.substr(a + 5);
            bool ok_left = left.find(" and ") == std::string::npos || is_country_with_and(left);
            bool ok_right = right.find(" and ") == std::string::npos || is_country_with_and(right);
            if (ok_left && ok_right) {
                out.push_back(left);
                out.push_back(right);
                done = true;
                break;
            }
        }
        if (!done) out.push_back(p);
    }
    return out;
}

struct Item {
    int line = 0;
    std::string raw;   // the line as it stands in the source
    std::string text;  // without Markdown marks
    bool used = false;
};

}  // namespace

bool is_numbered_start(std::string_view s) {
    s = trim(s);
    while (!s.empty() && s.front() == '*') s.remove_prefix(1);
    s.remove_prefix(leading_quote(s).size());
    while (!s.empty() && s.front() == '*') s.remove_prefix(1);
    std::size_t n = 0;
    while (n < s.size() && n < 4 && is_digit(s[n])) ++n;
    if (n == 0 || n > 3) return false;
    return s.size() > n + 2 && s[n] == '.' && s[n + 1] == ' ';
}

bool is_lettered_start(std::string_view s) {
    s = trim(s);
    if (s.starts_with("- ") || s.starts_with("* ")) s.remove_prefix(2);
    else if (s.starts_with("• ")) s.remove_prefix(4);
    s.remove_prefix(leading_quote(s).size());
    if (s.empty() || s[0] != '(') return false;
    std::size_t n = 1;
    while (n < s.size() && n < 8 && s[n] >= 'a' && s[n] <= 'z') ++n;
    if (n == 1 || n >= s.size() || s[n] != ')') return false;
    std::string_view label = s.substr(1, n - 1);
    bool roman = label.find_first_not_of("ivxl") == std::string_view::npos;
    if (label.size() > 2 && !roman) return false;
    return s.size() > n + 2 && s[n + 1] == ' ';
}

std::optional<DecisionOpening> read_decision_opening(std::string_view s) {
    static const std::regex re(
        R"(^At its (\d{1,3}(?:st|nd|rd|th) (?:plenary )?meeting),? (?:held )?on (\d{1,2} [A-Z][a-z]+ \d{4}),? the )");
    const std::string t = collapse_spaces(strip_markup(s));
    std::smatch m;
    if (!std::regex_search(t, m, re)) return std::nullopt;
    auto date = parse_date(m[2].str());
    if (!date) return std::nullopt;
    // The organ, when resgen knows it; otherwise the opening still opens the text.
    const std::string_view rest = std::string_view(t).substr(static_cast<std::size_t>(m.length(0)));
    std::string organ;
    for (const auto& o : resgen::organs())
        if (rest.starts_with(o.name) && (rest.size() == o.name.size() || !is_ascii_alpha(rest[o.name.size()])))
            organ = o.name;
    return DecisionOpening{m[1].str(), *date, organ};
}

bool decision_opening(std::string_view s) { return s.starts_with("At its ") && read_decision_opening(s).has_value(); }

std::size_t find_body_start(const std::vector<Line>& lines) {
    std::size_t first_paragraph = lines.size();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank) continue;
        if (voice_organ(l.text) || framing_organ(l.text) || decision_opening(l.text)) return i;
        if (first_paragraph == lines.size()) {
            std::string t = strip_stars(l.text);
            std::string_view v = t;
            v.remove_prefix(leading_quote(v).size());
            if (is_numbered_start(l.text) || preambular_phrase(v) > 0) first_paragraph = i;
        }
    }
    return first_paragraph;
}

bool read_adoption_line(std::string_view s, std::string& meeting, std::string& date) {
    std::string t = collapse_spaces(strip_markup(s));
    static const std::regex re(
        R"(^(\d{1,3}(?:st|nd|rd|th) (?:plenary )?meeting)[,.]?(?: (\d{1,2} [A-Z][a-z]+ \d{4}))?\.?$)");
    std::smatch m;
    if (t.size() > 120 || !std::regex_match(t, m, re)) return false;
    if (m[2].matched) {
        auto d = parse_date(m[2].str());
        if (!d) return false;
        date = *d;
    }
    meeting = m[1].str();
    return true;
}

void read_front_matter(std::vector<Line>& lines, Metadata& meta, Report& report) {
    std::size_t first = 0;
    while (first < lines.size() && lines[first].blank && !lines[first].page_break) ++first;
    if (first >= lines.size() || lines[first].text != "---" || lines[first].indent > 0) return;
    std::size_t close = first + 1;
    while (close < lines.size() && close < first + 200 && lines[close].text != "---") ++close;
    if (close >= lines.size() || lines[close].text != "---") return;

    std::string yaml;
    std::vector<std::string> comments;
    for (std::size_t i = first + 1; i < close; ++i) {
        const std::string& t = lines[i].text;
        if (t.starts_with("#")) {
            std::string c(trim(std::string_view(t).substr(1)));
            if (!c.empty() && c != "stated in the source, but no field holds it:") comments.push_back(c);
        } else {
            yaml += t + "\n";
        }
    }
    YAML::Node node;
    try {
        node = YAML::Load(yaml);
    } catch (const YAML::Exception&) {
        return;  // not front matter after all: the lines are read as a header
    }
    if (!node.IsMap()) return;

    std::vector<std::pair<const char*, std::string*>> fields = {
        {"symbol", &meta.symbol},         {"id", &meta.id},
        {"title", &meta.title},           {"body", &meta.body},
        {"kind", &meta.kind},             {"date", &meta.date},
        {"meeting", &meta.meeting},       {"session", &meta.session},
        {"agenda_item", &meta.agenda_item}, {"agenda_title", &meta.agenda_title},
        {"distribution", &meta.distribution}, {"original_language", &meta.original_language},
        {"adopted_as", &meta.adopted_as}, {"source", &meta.source}};
    for (const auto& kv : node) {
        std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
        bool known = false;
        for (auto& [name, target] : fields)
            if (key == name && kv.second.IsScalar()) *target = kv.second.Scalar(), known = true;
        for (auto [name, list] : {std::pair{"sponsors", &meta.sponsors}, std::pair{"tags", &meta.tags}}) {
            if (key != name) continue;
            known = true;
            if (kv.second.IsSequence()) {
                for (const auto& x : kv.second)
                    if (x.IsScalar()) list->push_back(x.Scalar());
            } else if (kv.second.IsScalar()) {
                list->push_back(kv.second.Scalar());
            }
        }
        if (!known) {
            YAML::Emitter e;
            e << YAML::Flow << kv.second;
            comments.push_back(key + ": " + (e.good() ? std::string(e.c_str()) : std::string()));
        }
    }
    meta.comments.insert(meta.comments.end(), comments.begin(), comments.end());
    meta.from_front_matter = true;
    for (std::size_t i = first; i <= close; ++i) {
        lines[i].removed = lines[i].blank = true;
        lines[i].text.clear();
    }
    report.warn(lines[first].no,
                "the input starts with front matter: its fields are kept as stated; fields the "
                "content format does not have are kept as comments");
}

namespace {

// Whether a header line ends a sentence or a label ("Distr.: General", "Agenda item 2:").
bool ends_sentence(std::string_view t) { return !t.empty() && std::strchr(".:;!?]", t.back()) != nullptr; }

}  // namespace

void read_header(std::vector<Line>& header, Metadata& meta, Report& report) {
    // "Resolution 2009/24", "ECOSOC Resolution 2009/24", "Decision 2004/237".
    static const std::regex re_res(
        R"(^(?:(ECOSOC|Economic and Social Council|General Assembly|Security Council)\s+)?([Rr]esolution|[Dd]ecision)\s+(\d{1,4}/\d{1,4}|\d{1,4} \(\d{4}\))$)");
    static const std::regex re_res_alone(R"(^[Rr]esolution$)");

    static const std::regex re_number(R"(^(\d{1,4}/\d{1,4})$)");
    static const std::regex re_number_title(R"(^(\d{1,4}/\d{1,4})\.\s+(.+)$)");
    // The Security Council prints its symbols with a space before the year.
    static const std::regex re_symbol(
        R"(^(?:United Nations\s+)?([A-Z]{1,2}(?:/[A-Za-z0-9.()-]+){2,}(?: \(\d{4}\))?)$)");
    static const std::regex re_adopted_by(
        R"(^Resolution adopted by the ([A-Z][A-Za-z ]+?)(?: on (\d{1,2} [A-Z][a-z]+ \d{4}))?$)");
    // The Security Council's: "Adopted by the Security Council at its 7101st meeting, on 27 January 2014".
    static const std::regex re_adopted_at(
        R"(^Adopted by the ([A-Z][A-Za-z ]+?) at its (\d+(?:st|nd|rd|th) meeting),? on (\d{1,2} [A-Z][a-z]+ \d{4})$)");
    static const std::regex re_distr(
        R"(^Distr\.?\s*:?\s*(General|Limited|Restricted)\b\s*(.*)$)");
    static const std::regex re_original(R"(^Original\s*:\s*([A-Z][a-z]+)$)");
    static const std::regex re_language(R"(^(Arabic|Chinese|English|French|Russian|Spanish)$)");
    static const std::regex re_session(
        R"(^([A-Z][a-z]+(?:-[a-z]+)?(?: special| regular| resumed| substantive)? session(?: (?:of|for) \d{4})?)$)");
    static const std::regex re_place(
        R"(^[A-Z][A-Za-z .'-]*, \d{1,2}(?:-\d{1,2})?(?: [A-Z][a-z]+)?(?:-\d{1,2})? [A-Z][a-z]+ \d{4}$)");
    static const std::regex re_agenda(
        R"(^(?:Provisional )?[Aa]genda items? (\S+?(?: \([a-z]\))?(?:(?:, | and )\S+?(?: \([a-z]\))?)*)\.?$|^Item (\S+) of the (?:provisional )?agenda\*?$)");
    static const std::regex re_sponsors(R"(^(.+?)\s*:\s*(?:[Rr]evised )?draft (resolution|decision)$)");
    static const std::regex re_draft(R"(^(?:Revised )?[Dd]raft (resolution|decision)$)");

    std::vector<Item> items;
    for (Line& l : header) {
        if (l.blank) continue;
        l.removed = true;
        std::string text = collapse_spaces(strip_markup(l.text));
        // The bar code's asterisks are not emphasis: "*1516301*".
        if (is_page_furniture(text) || is_page_furniture(collapse_spaces(l.text))) {
            report.repair(l.no, RepairKind::running_head, l.text, "");
            continue;
        }
        // a masthead set in columns comes out on one line: "General Assembly Distr.: General"
        std::size_t distr = text.find(" Distr.");
        if (distr != std::string::npos && distr > 0) {
            items.push_back(Item{l.no, l.text, text.substr(0, distr), false});
            text = text.substr(distr + 1);
        }
        items.push_back(Item{l.no, l.text, text, false});
    }

    auto use = [&](Item& it, const std::string& field) {
        it.used = true;
        report.repair(it.line, RepairKind::metadata, it.raw, field);
    };

    // An adoption line wrapped before its date: "... at its 7101st meeting, on" / "27 January
    // 2014", "Resolution adopted by the General Assembly" / "on 20 December 2004".
    auto dated_adoption = [&](const std::string& t) {
        std::smatch m;
        return match(t, re_adopted_at, m) || (match(t, re_adopted_by, m) && m[2].matched);
    };
    for (std::size_t k = 0; k + 1 < items.size(); ++k) {
        const std::string joined = items[k].text + " " + items[k + 1].text;
        if (dated_adoption(items[k].text) || !dated_adoption(joined)) continue;
        report.repair(items[k + 1].line, RepairKind::line_join,
                      snippet_tail(items[k].text) + "⏎" + snippet(items[k + 1].text),
                      snippet_tail(items[k].text) + " " + snippet(items[k + 1].text));
        items[k].text = joined;
        items.erase(items.begin() + static_cast<long>(k) + 1);
    }

    std::size_t agenda_at = std::string::npos;
    for (std::size_t k = 0; k < items.size(); ++k) {
        Item& it = items[k];
        const std::string& t = it.text;
        std::smatch m;
        if (t.empty()) {
            use(it, "");
        } else if (match(t, re_res, m)) {
            meta.res_number = m[3].str();
            if (m[1].matched)
                meta.organ_hint = m[1].str() == "ECOSOC" ? "Economic and Social Council" : m[1].str();
            meta.kind = lower(m[2].str());
            meta.symbol_line = it.line;
            use(it, "symbol: " + meta.kind + " " + meta.res_number);
        } else if (match(t, re_res_alone, m) && k + 1 < items.size() &&
                   match(items[k + 1].text, re_number, m)) {
            meta.res_number = m[1].str();
            meta.kind = "resolution";
            meta.symbol_line = it.line;
            use(it, "kind: resolution");
            use(items[k + 1], "symbol: resolution " + meta.res_number);
            ++k;
        } else if (match(t, re_number, m) && meta.res_number.empty()) {
            // "25/1" alone under "Resolution adopted by ...", the title on the next line
            meta.res_number = m[1].str();
            meta.symbol_line = it.line;
            use(it, "symbol: resolution " + meta.res_number);
            if (meta.title.empty() && k + 1 < items.size() && items[k + 1].line == it.line + 1 &&
                split_words(items[k + 1].text).size() >= 3) {
                meta.title = items[++k].text;
                meta.title_line = items[k].line;
                use(items[k], "title: " + meta.title);
                while (k + 1 < items.size() && items[k + 1].line == items[k].line + 1 &&
                       !ends_sentence(items[k].text)) {
                    meta.title += " " + items[++k].text;
                    use(items[k], "title: … " + items[k].text);
                }
            }
        } else if (match(t, re_number_title, m)) {
            meta.res_number = m[1].str();
            meta.symbol_line = it.line;
            meta.title = m[2].str();
            meta.title_line = it.line;
            use(it, "symbol: resolution " + meta.res_number + ", title: " + meta.title);
            // a title wrapped onto the next lines: one that goes on in lower case, or the
            // very next line ("... for Sustainable" / "Development") unless it opens a note
            // in brackets
            while (k + 1 < items.size() &&
                   (starts_lower(items[k + 1].text) ||
                    (items[k + 1].line == items[k].line + 1 && items[k + 1].text.front() != '[' &&
                     items[k + 1].text.front() != '('))) {
                meta.title += " " + items[++k].text;
                use(items[k], "title: … " + items[k].text);
            }
        } else if (match(t, re_symbol, m)) {
            if (meta.symbol.empty()) {
                meta.symbol = m[1].str();
                meta.symbol_line = it.line;
                if (const std::string_view kind = kind_of_symbol(meta.symbol); !kind.empty()) meta.kind = kind;
                use(it, "symbol: " + meta.symbol);
            } else {
                meta.comments.push_back(t);
                use(it, "# " + t);
            }
        } else if (match(t, re_adopted_by, m)) {
            meta.organ_hint = m[1].str();
            meta.kind = "resolution";
            if (m[2].matched) {
                if (auto d = parse_date(m[2].str())) {
                    meta.date = *d;
                    meta.date_line = it.line;
                }
            }
            use(it, "body: " + meta.organ_hint + (meta.date.empty() ? "" : ", date: " + meta.date));
        } else if (match(t, re_adopted_at, m)) {
            meta.organ_hint = m[1].str();
            meta.kind = "resolution";
            meta.meeting = m[2].str();
            if (auto d = parse_date(m[3].str())) {
                meta.date = *d;
                meta.date_line = it.line;
            }
            use(it, "body: " + meta.organ_hint + ", meeting: " + meta.meeting +
                        (meta.date.empty() ? "" : ", date: " + meta.date));
        } else if (match(t, re_distr, m)) {
            meta.distribution = m[1].str();
            std::string rest = std::string(trim(m[2].str()));
            if (auto d = parse_date(rest)) {
                meta.issue_date = *d;
                meta.issue_text = rest;
                meta.date_line = it.line;
            }
            use(it, "distribution: " + meta.distribution);
        } else if (auto d = (t.size() <= kMaxHeaderLine ? parse_date(t) : std::nullopt)) {
            if (meta.issue_date.empty()) {
                meta.issue_date = *d;
                meta.issue_text = t;
                meta.date_line = it.line;
            }
            use(it, "date of issue: " + *d);
        } else if (match(t, re_original, m)) {
            meta.original_language = m[1].str();
            use(it, "original_language: " + meta.original_language);
        } else if (match(t, re_session, m)) {
            meta.session = m[1].str();
            use(it, "session: " + meta.session);
        } else if (match(t, re_agenda, m)) {
            meta.agenda_item = m[1].matched ? m[1].str() : m[2].str();
            agenda_at = k;
            use(it, "agenda_item: " + meta.agenda_item);
        } else if (match(t, re_sponsors, m)) {
            meta.sponsors = split_sponsors(m[1].str());
            meta.kind = "draft";
            std::string list;
            for (const auto& s : meta.sponsors) list += (list.empty() ? "" : ", ") + s;
            use(it, "sponsors: [" + list + "], kind: draft");
        } else if (match(t, re_draft, m)) {
            meta.kind = "draft";
            use(it, "kind: draft");
        } else if (match(t, re_place, m) || match(t, re_language, m)) {
            meta.comments.push_back(t);
            use(it, "# " + t);
        } else if (looks_like_organ(t) || t == "United Nations") {
            // a masthead: read as the body later if the text speaks as this organ
            meta.comments.push_back(t);
            use(it, "# " + t);
        }
    }

    // Unread lines form groups: a line that opens in lower case continues the one before.
    struct Group {
        int line;
        std::string text;
        std::vector<std::size_t> members;
    };
    std::vector<Group> groups;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (items[k].used) continue;
        // So does the very next line of the source when the one before does not end a
        // sentence: an agenda item's title set on three lines ("... High Commissioner" /
        // "for Human Rights and ... of the" / "High Commissioner and the Secretary-General").
        bool continues = !groups.empty() && groups.back().members.back() + 1 == k &&
                         (starts_lower(items[k].text) ||
                          (items[k].line == items[k - 1].line + 1 && !ends_sentence(items[k - 1].text)));
        if (continues) {
            groups.back().text += " " + items[k].text;
            groups.back().members.push_back(k);
            report.repair(items[k].line, RepairKind::line_join,
                          snippet_tail(items[k - 1].text) + "⏎" + snippet(items[k].text),
                          snippet_tail(items[k - 1].text) + " " + snippet(items[k].text));
        } else {
            groups.push_back(Group{items[k].line, items[k].text, {k}});
        }
    }

    // The agenda item's title follows it; the document's title follows its symbol, or is
    // the last text above the body.
    std::vector<bool> taken(groups.size(), false);
    if (agenda_at != std::string::npos) {
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].members.front() == agenda_at + 1) {
                meta.agenda_title = groups[g].text;
                taken[g] = true;
                report.repair(groups[g].line, RepairKind::metadata, snippet(groups[g].text),
                              "agenda_title: " + snippet(meta.agenda_title));
            }
        }
    }
    if (meta.title.empty()) {
        std::size_t pick = groups.size();
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (taken[g]) continue;
            if (meta.symbol_line > 0 && groups[g].line > meta.symbol_line) {
                pick = g;
                break;
            }
            pick = g;  // otherwise the last one
        }
        if (pick < groups.size() && split_words(groups[pick].text).size() >= 3) {
            meta.title = groups[pick].text;
            meta.title_line = groups[pick].line;
            taken[pick] = true;
            report.repair(groups[pick].line, RepairKind::metadata, snippet(groups[pick].text),
                          "title: " + snippet(meta.title));
        }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (taken[g]) continue;
        meta.comments.push_back(groups[g].text);
        report.repair(groups[g].line, RepairKind::metadata, snippet(groups[g].text),
                      "# " + snippet(groups[g].text));
        report.warn(groups[g].line, "header line not read into any field, kept as a comment in "
                                    "the front matter: \"" + snippet(groups[g].text, 60) + "\"");
    }
}

}  // namespace resgen::importer
