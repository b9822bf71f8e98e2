// import_text: the importer's steps in order, the metadata completed from the text, and the
// content file written out.
#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "import/detail.hpp"
#include "model/document.hpp"
#include "model/organ.hpp"
#include "parse/parse.hpp"

namespace resgen {

const char* repair_kind_name(RepairKind kind) {
    switch (kind) {
        case RepairKind::encoding: return "encoding";
        case RepairKind::page_rule: return "page rule";
        case RepairKind::running_head: return "running head";
        case RepairKind::blank_noise: return "noise";
        case RepairKind::line_join: return "line join";
        case RepairKind::hyphen_join: return "hyphen join";
        case RepairKind::split_word: return "split word";
        case RepairKind::footnote_text: return "footnote text";
        case RepairKind::footnote_marker: return "footnote marker";
        case RepairKind::bullet: return "bullet";
        case RepairKind::markup: return "markup";
        case RepairKind::metadata: return "metadata";
    }
    return "repair";
}

std::unordered_set<std::string> parse_word_list(std::string_view text) {
    using importer::lower;
    using importer::trim;
    std::unordered_set<std::string> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view w = trim(text.substr(pos, nl - pos));
        if (!w.empty() && w.find('\'') == std::string_view::npos) words.insert(lower(w));
        pos = nl + 1;
    }
    return words;
}

namespace importer {
namespace {

std::string slug(std::string_view s) {
    std::string out;
    for (char c : s) {
        char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        bool keep = (l >= 'a' && l <= 'z') || is_digit(l);
        if (keep) out += l;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string file_stem(const std::string& path) {
    std::string_view p = path;
    std::size_t slash = p.find_last_of('/');
    if (slash != std::string_view::npos) p.remove_prefix(slash + 1);
    std::size_t dot = p.find_last_of('.');
    if (dot != std::string_view::npos && dot > 0) p = p.substr(0, dot);
    return std::string(p);
}

// An id for a text that states no symbol, made of what it does state:
// "ccpcj-2004-colombia-draft" (body, year, sponsor, kind), else the file name.
std::string make_id(const Metadata& m, const std::string& path, std::string& how) {
    std::vector<std::string> parts;
    std::string year = m.date.size() >= 4 ? m.date.substr(0, 4) : "";
    if (!m.body.empty() && (!year.empty() || !m.sponsors.empty())) {
        parts.push_back(organ_slug(m.body));
        if (!year.empty()) parts.push_back(year);
        if (!m.sponsors.empty()) parts.push_back(slug(m.sponsors.front()));
        if (m.sponsors.size() > 1) parts.push_back("et-al");
        if (!m.kind.empty()) parts.push_back(m.kind);
        how = "made from the body, year, sponsors and kind the text states";
    }
    std::string id;
    for (const auto& p : parts)
        if (!p.empty()) id += (id.empty() ? "" : "-") + p;
    if (id.empty()) {
        id = slug(file_stem(path));
        how = "made from the file name";
    }
    if (id.empty()) {
        id = "imported-text";
        how = "a placeholder";
    }
    return id;
}

// The content file's name for a key: "E/RES/2003/28" -> "E-RES-2003-28".
std::string file_name_of(std::string key) {
    for (char& c : key)
        if (!(is_ascii_alpha(c) || is_digit(c) || c == '.' || c == '(' || c == ')' || c == '-')) c = '-';
    return key;
}

std::string front_matter(const Metadata& m) {
    YAML::Emitter e;
    e << YAML::BeginMap;
    auto field = [&](const char* key, const std::string& value) {
        if (!value.empty()) e << YAML::Key << key << YAML::Value << value;
    };
    field(m.symbol.empty() ? "id" : "symbol", m.symbol.empty() ? m.id : m.symbol);
    field("title", m.title);
    field("body", m.body);
    field("kind", m.kind);
    field("date", m.date);
    field("meeting", m.meeting);
    field("session", m.session);
    if (!m.agenda_item.empty())
        e << YAML::Key << "agenda_item" << YAML::Value << YAML::DoubleQuoted << m.agenda_item;
    field("agenda_title", m.agenda_title);
    field("distribution", m.distribution);
    auto list = [&](const char* key, const std::vector<std::string>& values) {
        if (values.empty()) return;
        e << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const auto& s : values) e << s;
        e << YAML::EndSeq;
    };
    list("sponsors", m.sponsors);
    field("original_language", m.original_language);
    field("adopted_as", m.adopted_as);
    field("source", m.source);
    list("tags", m.tags);
    e << YAML::EndMap;
    std::string out = "---\n";
    if (e.size() > 0 && std::string_view(e.c_str()) != "{}") out += std::string(e.c_str()) + "\n";
    if (!m.comments.empty()) out += "# stated in the source, but no field holds it:\n";
    for (const auto& c : m.comments) out += "#   " + c + "\n";
    out += "---\n";
    return out;
}

}  // namespace
}  // namespace importer

ImportResult import_text(std::string_view raw, const std::string& path,
                         const ImportOptions& options) {
    using namespace importer;
    ImportResult result;
    Report report{path, result.repairs, result.diagnostics};

    // 1. lines; the header above the text proper
    std::vector<Line> lines = read_lines(raw, report);
    importer::Metadata meta;
    read_front_matter(lines, meta, report);
    std::size_t start = find_body_start(lines);
    if (start == lines.size()) {
        start = 0;
        report.warn(1, "no voice line (\"The General Assembly,\"), preambular or numbered "
                       "paragraph found: the whole input is taken as text");
    }
    // The letter of a resolution's first part, set above its voice line ("A"), heads the text.
    if (start != 0) {
        std::size_t k = start;
        while (k > 0 && lines[k - 1].text.empty()) --k;
        if (k > 0 && is_part_label(lines[k - 1].text)) start = k - 1;
    }
    std::vector<Line> header(lines.begin(), lines.begin() + static_cast<long>(start));
    std::vector<Line> body(lines.begin() + static_cast<long>(start), lines.end());
    read_header(header, meta, report);

    // 2. noise, footnote texts, paragraphs
    remove_noise(body, meta, report);
    std::vector<FootnoteText> notes = take_footnote_texts(body, report);
    Vocabulary vocab;
    vocab.list = options.words;
    for (const Line& l : body)
        if (!l.removed) vocab.add_text(l.text);
    for (const auto& n : notes) vocab.add_text(n.para.text);
    vocab.add_text(meta.title);
    std::vector<Paragraph> paras = assemble_paragraphs(body, vocab, report);

    // 3. the adoption line ("44th plenary meeting" and the date, on one line or two)
    for (std::size_t i = 0; i < paras.size(); ++i) {
        std::string meeting, date;
        if (!read_adoption_line(paras[i].text, meeting, date)) continue;
        std::string before = paras[i].text;
        std::size_t drop = 1;
        // The date may carry a note after it, which stays as text: "27 March 2014 [Adopted by a
        // recorded vote of 23 to 12, with 12 abstentions.]".
        std::size_t note = std::string::npos;
        if (date.empty() && i + 1 < paras.size()) {
            const std::string& next = paras[i + 1].text;
            note = next.find(" [");
            if (auto d = parse_date(strip_markup(next.substr(0, note)))) {
                date = *d;
                before += "⏎" + next.substr(0, note);
                if (note == std::string::npos) drop = 2;
            } else {
                note = std::string::npos;
            }
        }
        if (!meta.meeting.empty()) {
            // A resolution in parts closes each with its adoption line: the same line again
            // states nothing new; another meeting or date stays in the text.
            if (meeting != meta.meeting || (!date.empty() && date != meta.date)) continue;
            report.repair(paras[i].line, RepairKind::metadata, snippet(before), "the adoption line again");
            paras.erase(paras.begin() + static_cast<long>(i), paras.begin() + static_cast<long>(i + drop));
            --i;
            continue;
        }
        if (note != std::string::npos) paras[i + 1].text.erase(0, note + 1);
        meta.meeting = meeting;
        if (!date.empty()) {
            meta.date = date;
            meta.date_line = paras[i].line;
        }
        report.repair(paras[i].line, RepairKind::metadata, snippet(before),
                      "meeting: " + meeting + (date.empty() ? "" : ", date: " + date));
        paras.erase(paras.begin() + static_cast<long>(i),
                    paras.begin() + static_cast<long>(i + drop));
        --i;
    }

    // 4. footnote references, split words
    std::map<int, int> refs = mark_footnote_references(paras, notes, report);
    std::unordered_map<std::string, int> halves;
    for (const auto& p : paras) count_split_halves(p.text, halves);
    for (const auto& n : notes) count_split_halves(n.para.text, halves);
    for (auto& p : paras) repair_split_words(p, vocab, halves, report);
    for (auto& n : notes) repair_split_words(n.para, vocab, halves, report);
    for (auto& p : paras) repair_lost_hyphens(p, vocab, report);

    // 5. structure
    Structure st = build_structure(paras, report);
    // A decision has no voice line: its opening sentence names the organ.
    const std::optional<DecisionOpening> opening =
        st.first_voice.empty() && !paras.empty() ? read_decision_opening(paras.front().text) : std::nullopt;
    if (st.first_voice.empty() && !(opening && !opening->organ.empty()))
        report.warn(1, "no voice line (\"The General Assembly,\") found: the organ that speaks "
                       "is not stated");

    // 6. metadata the text states
    std::vector<std::string> missing;
    // A decision states its meeting, date and organ in its opening sentence, which stays text.
    if (opening) {
        if (meta.kind.empty()) meta.kind = "decision";
        if (meta.organ_hint.empty()) meta.organ_hint = opening->organ;
        if (meta.meeting.empty()) meta.meeting = opening->meeting;
        if (meta.date.empty()) {
            meta.date = opening->date;
            meta.date_line = paras.front().line;
        }
        report.repair(paras.front().line, RepairKind::metadata, snippet(paras.front().text),
                      "meeting: " + meta.meeting + ", date: " + meta.date +
                          (opening->organ.empty() ? "" : ", body: " + opening->organ));
    }
    if (meta.body.empty())
        meta.body = !st.framing_organ.empty() ? st.framing_organ
                    : !st.first_voice.empty()  ? st.first_voice
                                               : meta.organ_hint;
    if (meta.kind.empty() && !meta.meeting.empty()) meta.kind = "resolution";
    if (meta.date.empty() && meta.kind == "draft") meta.date = meta.issue_date;
    if (meta.title.empty()) meta.title = st.heading_title;
    if (meta.symbol.empty() && !meta.res_number.empty()) {
        // "Resolution 2009/24": the organ is the one the header names, or the one that speaks
        const bool decision = meta.kind == "decision";
        const std::string what = decision ? "decision" : "resolution";
        std::string organ = !meta.organ_hint.empty() ? meta.organ_hint : st.first_voice;
        const resgen::Organ* o = organ.empty() ? nullptr : resgen::find_organ(organ);
        if (!o && organ.empty()) {
            o = organ_of_number_shape(meta.res_number);
            if (o)
                report.warn(meta.symbol_line,
                            "symbol: no organ is named, so " + what + " " + meta.res_number +
                                " is read as the " + o->name + "'s by the shape of its number");
        }
        const std::string prefix = !o ? std::string() : decision ? o->decision_prefix : o->resolution_prefix;
        if (!prefix.empty()) {
            meta.symbol = prefix + meta.res_number;
        } else {
            report.warn(meta.symbol_line, "symbol: the symbol of " + what + " " + meta.res_number +
                                              " of " + (organ.empty() ? "an unnamed organ" : organ) +
                                              " is not known; left out");
        }
    }
    meta.symbol = canonical_symbol(std::move(meta.symbol));
    std::string why;
    if (!meta.symbol.empty() && !valid_symbol(meta.symbol, &why)) {
        report.warn(meta.symbol_line, "symbol: `" + meta.symbol + "` cannot be used (" + why +
                                          "); left out");
        meta.symbol.clear();
    }
    std::erase_if(meta.comments, [&](const std::string& c) { return c == meta.body; });

    if (!meta.symbol.empty()) {
        meta.id.clear();
    } else if (meta.id.empty()) {
        std::string how;
        meta.id = make_id(meta, path, how);
        report.warn(1, "symbol: not stated in the text, left out; id `" + meta.id + "` " + how +
                           " instead (an editor may choose a better one)");
    }
    if (meta.title.empty()) missing.push_back("title");
    if (meta.body.empty()) missing.push_back("body");
    if (meta.kind.empty()) missing.push_back("kind");
    if (!meta.issue_date.empty() && meta.date != meta.issue_date)
        meta.comments.push_back("Date of issue: " + meta.issue_text);
    if (meta.date.empty()) {
        if (!meta.issue_date.empty())
            report.warn(meta.date_line, "date: only the date of issue (" + meta.issue_date +
                                            ") is stated, not the date of adoption; left out");
        else
            missing.push_back("date");
    }
    if (meta.kind == "resolution" && meta.meeting.empty()) missing.push_back("meeting");
    if (meta.kind == "draft") {
        if (meta.sponsors.empty()) missing.push_back("sponsors");
        if (meta.session.empty()) missing.push_back("session");
        if (meta.agenda_item.empty()) missing.push_back("agenda_item");
        if (meta.original_language.empty()) missing.push_back("original_language");
    }
    for (const auto& f : missing)
        report.warn(1, f + ": not stated in the text, left out");

    // 7. footnotes: each reference has a definition, each definition a reference
    std::map<int, std::string> defs;
    for (const auto& n : notes) {
        if (defs.count(n.number)) {
            report.warn(n.para.line, "footnote " + std::to_string(n.number) +
                                         ": a second text with this number; kept as text of "
                                         "the first");
            defs[n.number] += " " + n.para.text;
            continue;
        }
        defs[n.number] = n.para.text;
        if (!refs.count(n.number))
            report.warn(n.para.line, "footnote " + std::to_string(n.number) +
                                    ": its marker was not found in the text; the definition is "
                                    "kept at the end");
    }
    for (const auto& [n, line] : refs) {
        if (defs.count(n)) continue;
        defs[n] = "> The text of this footnote is not stated in the source.";
        report.warn(line, "footnote " + std::to_string(n) +
                              ": the marker is in the text but the footnote's text is not; an "
                              "editor's note stands in for it");
    }

    // 8. the content file
    std::string md = front_matter(meta);
    md += "\n";
    for (std::size_t k = 0; k < st.blocks.size(); ++k) {
        if (k) md += "\n";
        md += st.blocks[k].markdown + "\n";
    }
    for (const auto& [n, text] : defs) md += "\n[^" + std::to_string(n) + "]: " + text + "\n";
    result.markdown = std::move(md);

    result.name = file_name_of(meta.symbol.empty() ? meta.id : meta.symbol);
    std::stable_sort(result.repairs.begin(), result.repairs.end(),
                     [](const Repair& a, const Repair& b) { return a.line < b.line; });
    return result;
}

ImportResult new_document(const NewDocument& spec) {
    using namespace importer;
    ImportResult result;
    auto error = [&](std::string message) { result.diagnostics.push_back({Severity::error, "", 0, 0, std::move(message)}); };
    importer::Metadata meta;
    meta.symbol = canonical_symbol(spec.symbol);
    meta.id = spec.id;
    meta.title = spec.title;
    meta.body = spec.body;
    meta.kind = spec.kind;
    meta.date = spec.date;
    if (meta.symbol.empty() == meta.id.empty()) error("give the document's symbol, or an id when it has none, not both");
    // What the symbol says: whose it is, and what: A/RES/ a resolution, E/DEC/ a decision,
    // A/C.3/59/L.20 a draft (an L document is one of limited distribution: a draft).
    const Organ* organ = meta.symbol.empty() ? nullptr : organ_of_symbol(meta.symbol);
    if (meta.body.empty() && organ) meta.body = organ->name;
    if (meta.kind.empty()) {
        meta.kind = kind_of_symbol(meta.symbol);
        if (meta.kind.empty() && meta.symbol.find("/L.") != std::string::npos) meta.kind = "draft";
    }
    if (meta.title.empty()) error("a title is required (--title): the content format requires one");
    if (meta.body.empty()) error("the organ is not known from the symbol; name it (--body \"General Assembly\")");
    if (meta.kind.empty()) error("the kind is not known from the symbol; name it (--kind resolution, draft, decision or report)");
    if (!result.diagnostics.empty()) return result;

    std::string md = front_matter(meta) + "\n";
    // The organ speaks the text of a resolution, a decision or a draft; a report has no voice.
    if (meta.kind != "report") md += "*The " + meta.body + ",*\n";
    result.name = file_name_of(meta.symbol.empty() ? meta.id : meta.symbol);

    // The build's own checks of the front matter (a malformed symbol or id, a date that is
    // not one, a kind it does not know), so that the file written builds.
    Diagnostics diags;
    parse_front_matter(split_source(result.name + ".md", md, diags), diags);
    for (auto& d : diags)
        if (d.severity == Severity::error) error(std::move(d.message));
    if (result.diagnostics.empty()) result.markdown = std::move(md);
    return result;
}

}  // namespace resgen
