// Words that the extraction split with a space ("traff icking", "syste m", "prov ide").
//
// Two neighbouring letter runs are joined when the joined form is a word of the document
// (or a simple inflection of one: "system" for "systems") or of the word list, when the
// second opens in lower case, and when the two halves are not both words. A half counts as
// a word of the document only if it also occurs on its own, outside such a pair; so without
// a word list the document's own words decide, and with one ("m" is in it) a real word is
// never broken up.
#include "import/detail.hpp"

namespace resgen::importer {

namespace {

struct Run {
    std::size_t begin, end;
};

std::vector<Run> letter_runs(std::string_view s) {
    std::vector<Run> runs;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = 0;
        std::size_t n = decode(s, i, cp);
        if (!is_letter(cp)) {
            i += n;
            continue;
        }
        std::size_t start = i;
        while (i < s.size()) {
            n = decode(s, i, cp);
            if (!is_letter(cp)) break;
            i += n;
        }
        runs.push_back(Run{start, i});
    }
    return runs;
}

bool opens_word(std::string_view s, std::size_t pos) {
    if (pos == 0) return true;
    char c = s[pos - 1];
    if (c == ' ' || c == '(' || c == '"' || c == '*') return true;
    return pos >= 3 && (s.substr(pos - 3, 3) == "“" || s.substr(pos - 3, 3) == "‘");
}

bool closes_word(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return true;
    char c = s[pos];
    return !(is_ascii_alpha(c) || is_digit(c) || c == '-' || c == '/' ||
             (static_cast<unsigned char>(c) >= 0x80 && is_letter(first_cp(s.substr(pos)))));
}

// Calls f(a, b) for each pair of runs that could be one split word.
template <typename F>
void for_each_pair(std::string_view s, F f) {
    auto runs = letter_runs(s);
    for (std::size_t k = 0; k + 1 < runs.size(); ++k) {
        const Run& a = runs[k];
        const Run& b = runs[k + 1];
        if (b.begin != a.end + 1 || s[a.end] != ' ') continue;
        if (!opens_word(s, a.begin) || !closes_word(s, b.end)) continue;
        if (s[b.begin] < 'a' || s[b.begin] > 'z') continue;
        if ((a.end - a.begin) + (b.end - b.begin) < 4) continue;
        if (f(a, b)) ++k;  // joined: b is used up
    }
}

}  // namespace

void Vocabulary::add_text(std::string_view s) {
    auto runs = letter_runs(s);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        ++count[lower(s.substr(runs[k].begin, runs[k].end - runs[k].begin))];
        // hyphenated words: a run, '-', a run
        if (k + 1 < runs.size() && runs[k + 1].begin == runs[k].end + 1 && s[runs[k].end] == '-') {
            std::string compound = lower(s.substr(runs[k].begin, runs[k + 1].end - runs[k].begin));
            ++compounds[compound];
            std::string joined = compound;
            joined.erase(runs[k].end - runs[k].begin, 1);
            unhyphenated.emplace(joined, compound);
        }
    }
}

bool Vocabulary::in_document(const std::string& w) const {
    if (w.empty()) return false;
    for (const char* suffix : {"", "s", "es", "ed", "d", "ing", "ly"})
        if (count.count(w + suffix)) return true;
    if (w.size() > 3 && w.back() == 's' && count.count(w.substr(0, w.size() - 1))) return true;
    return false;
}

bool Vocabulary::known(const std::string& w) const {
    return in_document(w) || (list && list->count(w));
}

void repair_lost_hyphens(Paragraph& para, const Vocabulary& vocab, Report& report) {
    if (vocab.unhyphenated.empty()) return;
    const std::string& text = para.text;
    std::string out;
    std::size_t copied = 0;
    for (const Run& r : letter_runs(text)) {
        if (r.begin > 0 && text[r.begin - 1] == '-') continue;
        if (r.end < text.size() && text[r.end] == '-') continue;
        std::string key = lower(std::string_view(text).substr(r.begin, r.end - r.begin));
        auto it = vocab.unhyphenated.find(key);
        if (it == vocab.unhyphenated.end()) continue;
        if (vocab.list && vocab.list->count(key)) continue;
        auto own = vocab.count.find(key);
        int plain = own == vocab.count.end() ? 0 : own->second;
        if (plain > vocab.compounds.at(it->second)) continue;  // the document prefers it so
        std::size_t hyphen = it->second.find('-');
        out.append(text, copied, r.begin + hyphen - copied);
        out += '-';
        copied = r.begin + hyphen;
        std::string word = text.substr(r.begin, r.end - r.begin);
        report.repair(para.line_at(r.begin), RepairKind::hyphen_join, word,
                      word.substr(0, hyphen) + "-" + word.substr(hyphen));
    }
    if (copied == 0) return;
    out.append(text, copied, std::string::npos);
    para.text = std::move(out);
}

void count_split_halves(std::string_view text, std::unordered_map<std::string, int>& halves) {
    for_each_pair(text, [&](const Run& a, const Run& b) {
        ++halves[lower(text.substr(a.begin, a.end - a.begin))];
        ++halves[lower(text.substr(b.begin, b.end - b.begin))];
        return false;
    });
}

void repair_split_words(Paragraph& para, const Vocabulary& vocab,
                        const std::unordered_map<std::string, int>& half_count, Report& report) {
    const std::string& text = para.text;
    auto is_word = [&](const std::string& w) {
        if (vocab.list && vocab.list->count(w)) return true;
        auto c = vocab.count.find(w);
        auto h = half_count.find(w);
        int own = c == vocab.count.end() ? 0 : c->second;
        int as_half = h == half_count.end() ? 0 : h->second;
        return own > as_half;
    };
    std::string out;
    std::size_t copied = 0;
    for_each_pair(text, [&](const Run& a, const Run& b) {
        std::string left = lower(text.substr(a.begin, a.end - a.begin));
        std::string right = lower(text.substr(b.begin, b.end - b.begin));
        if (!vocab.known(left + right) || (is_word(left) && is_word(right))) return false;
        out.append(text, copied, a.end - copied);
        out.append(text, b.begin, b.end - b.begin);
        copied = b.end;
        report.repair(para.line_at(a.begin), RepairKind::split_word,
                      text.substr(a.begin, b.end - a.begin),
                      text.substr(a.begin, a.end - a.begin) + text.substr(b.begin, b.end - b.begin));
        return true;
    });
    if (copied == 0) return;
    out.append(text, copied, std::string::npos);
    para.text = std::move(out);
}

}  // namespace resgen::importer
