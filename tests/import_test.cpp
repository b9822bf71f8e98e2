// resgen import: fidelity to the hand-made content files, coverage of the raw seeds,
// repair of a damaged text, and robustness on arbitrary bytes.
//
// The five raw seeds live in tests/fixtures/import/seeds/ under the names they were given;
// content/ holds the files an editor made from them, which the imports are measured against.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "import/detail.hpp"
#include "import/import.hpp"
#include "load/source.hpp"
#include "markdown/markdown.hpp"
#include "parse/parse.hpp"

namespace fs = std::filesystem;

namespace {

struct Seed {
    const char* raw;      // under tests/fixtures/import/seeds/
    const char* content;  // under content/
};

const Seed kSeeds[] = {
    {"000_f74588ceefe2461d.txt", "A-RES-59-154.md"},
    {"001_4707fce83c7dfaad.txt", "E-RES-2006-19.md"},
    {"002_1f35d06f5bdb51ab.txt", "E-RES-2003-28.md"},
    {"003_8500292dc29d4e76.txt", "E-RES-2009-24.md"},
    {"004_7afa5c3fa041b72a.txt", "ccpcj-2004-colombia-draft.md"},
};

// Fields an editor adds from knowledge no text of the source states.
const char* const kEditorialFields[] = {"adopted_as", "source", "tags"};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string seed_text(const Seed& s) {
    return read_file(fs::path(RESGEN_FIXTURES) / "import" / "seeds" / s.raw);
}
std::string content_text(const Seed& s) {
    return read_file(fs::path(RESGEN_SOURCE_DIR) / "content" / s.content);
}

struct Split {
    std::string yaml, body;
};

Split split_front_matter(const std::string& md) {
    REQUIRE(md.rfind("---\n", 0) == 0);
    std::size_t end = md.find("\n---\n", 3);
    REQUIRE(end != std::string::npos);
    return Split{md.substr(4, end - 3), md.substr(end + 5)};
}

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string remove_refs(std::string s) {
    for (std::size_t p = s.find("[^"); p != std::string::npos; p = s.find("[^", p)) {
        std::size_t e = s.find(']', p);
        if (e == std::string::npos) break;
        s.erase(p, e - p + 1);
    }
    return s;
}

// The official text's words: without front matter, markup, references and editor's notes.
std::vector<std::string> official_words(const std::string& body) {
    std::vector<std::string> out;
    std::istringstream in(body);
    for (std::string line; std::getline(in, line);) {
        std::size_t a = line.find_first_not_of(' ');
        if (a == std::string::npos) continue;
        line = line.substr(a);
        if (line.rfind("[^", 0) == 0 && line.find("]:") != std::string::npos) {
            line = line.substr(line.find("]:") + 2);
            if (line.find_first_not_of(' ') != std::string::npos &&
                line[line.find_first_not_of(' ')] == '>')
                continue;  // an editor's note standing in for a lost footnote
        }
        if (line[0] == '>') continue;
        while (!line.empty() && line[0] == '#') line.erase(0, 1);
        line = remove_refs(line);
        // [text](symbol:...) -> text
        for (std::size_t p = line.find("]("); p != std::string::npos; p = line.find("](")) {
            std::size_t open = line.rfind('[', p), close = line.find(')', p);
            if (open == std::string::npos || close == std::string::npos) break;
            line = line.substr(0, open) + line.substr(open + 1, p - open - 1) + line.substr(close + 1);
        }
        line.erase(std::remove(line.begin(), line.end(), '*'), line.end());
        for (auto& w : words_of(line)) out.push_back(w);
    }
    return out;
}

// Longest common subsequence; returns the matched index pairs.
template <typename Eq>
std::vector<std::pair<std::size_t, std::size_t>> lcs(std::size_t n, std::size_t m, Eq eq) {
    std::vector<std::vector<std::uint32_t>> t(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            t[i][j] = eq(i, j) ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (eq(i, j)) {
            pairs.emplace_back(i, j);
            ++i, ++j;
        } else if (t[i + 1][j] >= t[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

std::size_t differences(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    auto pairs = lcs(a.size(), b.size(), [&](std::size_t i, std::size_t j) { return a[i] == b[j]; });
    return a.size() + b.size() - 2 * pairs.size();
}

std::map<std::string, std::string> fields_of(const std::string& yaml) {
    std::map<std::string, std::string> out;
    YAML::Node n = YAML::Load(yaml);
    for (const auto& kv : n) {
        std::string v;
        if (kv.second.IsSequence()) {
            for (const auto& x : kv.second) v += (v.empty() ? "" : ", ") + x.as<std::string>();
        } else {
            v = kv.second.as<std::string>();
        }
        out[kv.first.as<std::string>()] = v;
    }
    return out;
}

bool warned_about(const resgen::ImportResult& r, const std::string& field) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) {
        return d.severity == resgen::Severity::warning && d.message.rfind(field + ":", 0) == 0;
    });
}

resgen::ImportResult import_seed(const Seed& s, const std::unordered_set<std::string>* words) {
    resgen::ImportOptions o;
    o.words = words;
    return resgen::import_text(seed_text(s), s.raw, o);
}

// The system word list when this machine has one (the importer must not need it).
const std::unordered_set<std::string>* system_words() {
    static std::unordered_set<std::string> words;
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        std::ifstream in("/usr/share/dict/words");
        if (in) {
            std::ostringstream ss;
            ss << in.rdbuf();
            words = resgen::parse_word_list(ss.str());
        }
    }
    return words.empty() ? nullptr : &words;
}

// ---- coverage of the raw words ----------------------------------------------------------

std::string ascii_superscripts(std::string s) {
    static const std::pair<const char*, char> sup[] = {
        {"⁰", '0'}, {"¹", '1'}, {"²", '2'}, {"³", '3'}, {"⁴", '4'},
        {"⁵", '5'}, {"⁶", '6'}, {"⁷", '7'}, {"⁸", '8'}, {"⁹", '9'}};
    for (const auto& [from, to] : sup)
        for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p))
            s.replace(p, std::string(from).size(), 1, to);
    static const std::pair<const char*, const char*> ligatures[] = {
        {"ﬀ", "ff"}, {"ﬁ", "fi"}, {"ﬂ", "fl"}, {"ﬃ", "ffi"}, {"ﬄ", "ffl"}};
    for (const auto& [from, to] : ligatures)
        for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p))
            s.replace(p, std::string(from).size(), to);
    for (std::size_t p = s.find("<sup>"); p != std::string::npos; p = s.find("<sup>", p)) s.erase(p, 5);
    for (std::size_t p = s.find("</sup>"); p != std::string::npos; p = s.find("</sup>", p)) s.erase(p, 6);
    return s;
}

struct Token {
    std::string norm;   // as compared
    std::string base;   // without footnote references
    bool has_ref = false;
};

std::vector<std::string> raw_tokens(const std::string& raw) {
    std::vector<std::string> out;
    for (std::string w : words_of(ascii_superscripts(raw))) {
        w.erase(std::remove(w.begin(), w.end(), '*'), w.end());
        if (w.find_first_not_of('#') == std::string::npos) continue;  // "##"
        if (!w.empty()) out.push_back(w);
    }
    return out;
}

std::vector<Token> import_tokens(const std::string& text) {
    std::vector<Token> out;
    for (std::string w : words_of(text)) {
        w.erase(std::remove(w.begin(), w.end(), '*'), w.end());
        if (w.empty() || w.find_first_not_of('#') == std::string::npos) continue;
        if (w.rfind("[^", 0) == 0 && w.size() > 3 && w.compare(w.size() - 2, 2, "]:") == 0)
            continue;  // a definition's label is markup
        Token t;
        t.has_ref = w.find("[^") != std::string::npos;
        t.base = remove_refs(w);
        std::string norm;
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (w.compare(i, 2, "[^") == 0) {
                std::size_t e = w.find(']', i);
                norm += w.substr(i + 2, e - i - 2);
                i = e;
                if (i + 1 < w.size() && w[i + 1] == ':') ++i;  // a definition's label
            } else {
                norm += w[i];
            }
        }
        t.norm = norm;
        out.push_back(t);
    }
    return out;
}

std::string bare(std::string w) {
    std::string out;
    for (char c : w)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || (c & 0x80)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

struct Coverage {
    std::size_t total = 0, in_text = 0, in_front_matter = 0, rules = 0, footnote_numbers = 0;
    std::size_t rejoined = 0;  // of those in the text: halves of split words, dropped hyphens
    std::vector<std::string> uncovered;
};

std::string without_hyphens(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

Coverage coverage(const std::string& raw, const std::string& md) {
    Split s = split_front_matter(md);
    // from the first footnote definition on, everything is definitions
    std::string text = s.body, defs;
    std::size_t d = text.find("\n[^");
    if (d != std::string::npos && text.find("]:", d) < text.find('\n', d + 1)) {
        defs = text.substr(d);
        text = text.substr(0, d);
    }
    std::vector<std::string> raw_words = raw_tokens(raw);
    std::vector<Token> body = import_tokens(text), notes = import_tokens(defs);
    Coverage c;
    c.total = raw_words.size();

    // a word the extraction split ("traff icking", "inter-⏎national") is one word of the
    // import: its halves are merged, and count as two raw words
    std::set<std::string> imported;
    for (const auto* v : {&body, &notes})
        for (const auto& t : *v) imported.insert(t.base), imported.insert(t.norm);
    std::vector<std::string> r;
    std::vector<std::size_t> weight;
    for (std::size_t i = 0; i < raw_words.size(); ++i) {
        if (i + 1 < raw_words.size() && !imported.count(raw_words[i])) {
            std::string a = raw_words[i], b = raw_words[i + 1];
            std::string joined = a + b;
            if (!imported.count(joined) && a.size() > 1 && a.back() == '-') joined = a.substr(0, a.size() - 1) + b;
            if (imported.count(joined)) {
                r.push_back(joined);
                weight.push_back(2);
                ++i;
                c.rejoined += 2;
                continue;
            }
        }
        r.push_back(raw_words[i]);
        weight.push_back(1);
    }
    std::vector<bool> covered(r.size(), false);

    auto pass = [&](const std::vector<Token>& o) {
        std::vector<std::size_t> left;
        for (std::size_t i = 0; i < r.size(); ++i)
            if (!covered[i]) left.push_back(i);
        auto pairs = lcs(left.size(), o.size(), [&](std::size_t i, std::size_t j) {
            const std::string& w = r[left[i]];
            if (w == o[j].norm || (o[j].has_ref && w == o[j].base)) return true;
            // a hyphen the extraction dropped ("moneylaundering"), restored
            return w.find('-') == std::string::npos && o[j].norm.find('-') != std::string::npos &&
                   w == without_hyphens(o[j].norm);
        });
        std::size_t words = 0;
        for (auto [i, j] : pairs) {
            covered[left[i]] = true;
            words += weight[left[i]];
            const std::string& w = r[left[i]];
            if (weight[left[i]] == 1 && w != o[j].norm && !(o[j].has_ref && w == o[j].base)) ++c.rejoined;
        }
        return words;
    };
    c.in_text = pass(body);
    c.in_text += pass(notes);

    // the header and the adoption line went into fields: their words, a date spelt out, and
    // the labels of the fields
    std::multiset<std::string> bag;
    auto fields = fields_of(s.yaml);
    static const char* const kMonths[] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    for (const auto& [k, v] : fields) {
        for (const auto& w : words_of(v)) bag.insert(bare(w));
        if (k == "date" && v.size() == 10) {
            bag.insert(std::to_string(std::stoi(v.substr(8, 2))));
            bag.insert(kMonths[std::stoi(v.substr(5, 2)) - 1]);
            bag.insert(v.substr(0, 4));
        }
        if (k == "symbol" && v.find("/RES/") != std::string::npos) {
            bag.insert(bare(v.substr(v.find("/RES/") + 5)));
            bag.insert("resolution");
        }
        if (k == "distribution") bag.insert("distr");
        if (k == "original_language") bag.insert("original");
        if (k == "agenda_item") bag.insert("agenda"), bag.insert("item");
        if (k == "body" && v == "Economic and Social Council") bag.insert("ecosoc");
        if (k == "kind" && v == "draft") bag.insert("resolution");
    }
    std::istringstream yin(s.yaml);
    for (std::string line; std::getline(yin, line);)
        if (line.rfind("#", 0) == 0)
            for (const auto& w : words_of(line.substr(1))) bag.insert(bare(w));

    std::set<std::string> notes_numbers;
    for (std::size_t p = defs.find("[^"); p != std::string::npos; p = defs.find("[^", p + 1))
        notes_numbers.insert(defs.substr(p + 2, defs.find(']', p) - p - 2));
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (covered[i]) continue;
        const std::string& w = r[i];
        auto it = bag.find(bare(w));
        if (!bare(w).empty() && it != bag.end()) {
            bag.erase(it);
            ++c.in_front_matter;
        } else if (w.find_first_not_of("_-") == std::string::npos) {
            ++c.rules;  // page rules, thematic breaks, bullets
        } else if (notes_numbers.count(w) || notes_numbers.count(w.substr(0, w.size() - 1))) {
            ++c.footnote_numbers;  // a footnote number moved to a reference
        } else {
            c.uncovered.push_back(w);
        }
    }
    return c;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& w : v) s += (s.empty() ? "" : " ") + w;
    return s;
}

}  // namespace

TEST_CASE("import reproduces the official text of each seed, word for word", "[import]") {
    for (const Seed& seed : kSeeds) {
        // without a word list (as on a machine that has none), and with the system's if any
        std::vector<const std::unordered_set<std::string>*> lists = {nullptr};
        if (system_words()) lists.push_back(system_words());
        for (const auto* words : lists) {
            auto result = import_seed(seed, words);
            auto mine = official_words(split_front_matter(result.markdown).body);
            auto theirs = official_words(split_front_matter(content_text(seed)).body);
            std::size_t diff = differences(mine, theirs);
            bool markdown_identical =
                split_front_matter(result.markdown).body == split_front_matter(content_text(seed)).body;
            std::cout << "fidelity " << seed.content << (words ? " (word list)" : " (no word list)")
                      << ": " << theirs.size() << " words compared, " << diff
                      << " differences; Markdown of the text "
                      << (markdown_identical ? "identical" : "differs") << "\n";
            INFO(seed.raw << (words ? " with the word list" : " without a word list"));
            CHECK(diff == 0);
            CHECK(mine == theirs);
        }
    }
}

TEST_CASE("the parser cuts each import into the clauses it cuts content/ into", "[import]") {
    auto clauses = [](const std::string& path, const std::string& text, const std::string& voice) {
        resgen::Diagnostics diags;
        resgen::Source src = resgen::split_source(path, text, diags);
        auto cs = resgen::parse_clauses(src, voice, {}, diags);
        INFO(path);
        for (const auto& d : diags) UNSCOPED_INFO(resgen::format_diagnostic(d));
        CHECK(!resgen::has_errors(diags));
        std::vector<std::string> out;
        for (const auto& c : cs)
            out.push_back(std::to_string(static_cast<int>(c.kind)) + "|" + c.anchor + "|" +
                          c.number + "|" + c.phrase + "|" + c.lead + "|" + c.voice.name() + "|" +
                          c.parent + "|" + resgen::markdown::plain_text(c.markdown));
        return out;
    };
    for (const Seed& seed : kSeeds) {
        INFO(seed.raw);
        std::string theirs = content_text(seed);
        std::string body = fields_of(split_front_matter(theirs).yaml).at("body");
        auto mine = clauses(seed.raw, import_seed(seed, nullptr).markdown, body);
        auto reference = clauses(seed.content, theirs, body);
        CHECK(mine.size() == reference.size());
        CHECK(mine == reference);
        std::cout << "segmentation " << seed.content << ": " << reference.size() << " clauses, "
                  << (mine == reference ? "the same" : "different") << "\n";
    }
}

TEST_CASE("import's front matter differs from content/ only in fields no text states", "[import]") {
    for (const Seed& seed : kSeeds) {
        INFO(seed.raw);
        auto result = import_seed(seed, nullptr);
        auto mine = fields_of(split_front_matter(result.markdown).yaml);
        auto theirs = fields_of(split_front_matter(content_text(seed)).yaml);
        for (const auto& [k, v] : mine) {
            INFO("imported field " << k << ": " << v);
            if (k == "id" && !theirs.count("id")) {
                // the source states no symbol; the importer said so and named the file
                CHECK(theirs.count("symbol"));
                CHECK(warned_about(result, "symbol"));
                continue;
            }
            REQUIRE(theirs.count(k));
            CHECK(theirs.at(k) == v);
        }
        for (const auto& [k, v] : theirs) {
            if (mine.count(k)) continue;
            INFO("field only in content/: " << k << ": " << v);
            bool editorial = std::any_of(std::begin(kEditorialFields), std::end(kEditorialFields),
                                         [&](const char* f) { return k == f; });
            CHECK((editorial || warned_about(result, k)));
        }
    }
}

TEST_CASE("every raw word of each seed is in the import, in order", "[import]") {
    for (const Seed& seed : kSeeds) {
        INFO(seed.raw);
        auto result = import_seed(seed, nullptr);
        Coverage c = coverage(seed_text(seed), result.markdown);
        std::cout << "coverage " << seed.raw << ": " << c.total << " raw words; "
                  << c.in_text << " in the text in order (" << c.rejoined
                  << " of them re-joined), " << c.in_front_matter
                  << " in the front matter, " << c.rules << " rules and bullets removed, "
                  << c.footnote_numbers << " footnote numbers moved to references; "
                  << c.uncovered.size() << " missing\n";
        INFO("missing: " << join(c.uncovered));
        CHECK(c.uncovered.empty());
        CHECK(c.in_text + c.in_front_matter + c.rules + c.footnote_numbers == c.total);
    }
}

TEST_CASE("the coverage measure fails when a word is dropped", "[import]") {
    const Seed& seed = kSeeds[2];
    auto result = import_seed(seed, nullptr);
    std::string md = result.markdown;
    std::size_t p = md.find("kidnapping throughout the world");
    REQUIRE(p != std::string::npos);
    md.erase(p, std::string("kidnapping ").size());
    Coverage c = coverage(seed_text(seed), md);
    CHECK(c.uncovered == std::vector<std::string>{"kidnapping"});
    CHECK(c.in_text + c.in_front_matter + c.rules + c.footnote_numbers + 1 == c.total);
    auto theirs = official_words(split_front_matter(content_text(seed)).body);
    CHECK(differences(official_words(split_front_matter(md).body), theirs) == 1);
}

TEST_CASE("a text damaged as a PDF damages it is repaired, and what is lost is named", "[import]") {
    // tests/fixtures/import/damaged-E-RES-2003-28.txt is seed 2003/28 re-wrapped at 78
    // columns with CRLF line ends, paragraphs indented as a PDF indents them, two page
    // breaks (form feed) with footnote rules, footnote texts at the foot of the page (one
    // wrapped over two lines), page numbers, a running head and the symbol at the top of
    // the pages, plain-digit markers ("Crime1", "victims,2", "Crime;3") with the text of
    // footnote 3 lost, four split words, two words hyphenated at a line end, a ligature, and
    // no adoption line.
    std::string raw = read_file(fs::path(RESGEN_FIXTURES) / "import" / "damaged-E-RES-2003-28.txt");
    const Seed& reference = kSeeds[2];
    auto result = resgen::import_text(raw, "damaged.txt", {});

    auto mine = official_words(split_front_matter(result.markdown).body);
    auto theirs = official_words(split_front_matter(content_text(reference)).body);
    // the one difference: footnote 3's text, which the damaged text does not have
    std::vector<std::string> lost = {"See",   "General", "Assembly", "resolution",
                                     "55/25,", "annex",  "I,",      "article",  "2."};
    auto expected = theirs;
    auto at = std::search(expected.begin(), expected.end(), lost.begin(), lost.end());
    REQUIRE(at != expected.end());
    expected.erase(at, at + static_cast<long>(lost.size()));
    CHECK(mine == expected);
    std::cout << "damaged text: " << theirs.size() << " words of the official text, "
              << differences(mine, theirs) << " differences (the lost footnote's "
              << lost.size() << " words)\n";

    // every raw word is there but the running heads and page numbers the damage added
    Coverage c = coverage(raw, result.markdown);
    std::multiset<std::string> heads = {"1",  "E/RES/2003/28", "International", "cooperation",
                                        "against", "kidnapping", "-", "2", "-", "E/RES/2003/28",
                                        "International", "cooperation", "against", "kidnapping"};
    INFO("missing: " << join(c.uncovered));
    // only running heads and page numbers are missing (one symbol head may be matched by
    // the symbol in the front matter instead)
    auto left = heads;
    for (const auto& w : c.uncovered) {
        INFO(w);
        REQUIRE(left.count(w));
        left.erase(left.find(w));
    }
    CHECK(c.uncovered.size() + c.rules + c.footnote_numbers <= heads.size() + 2 + 2);
    std::cout << "damaged text coverage: " << c.total << " raw words; " << c.in_text
              << " in the text in order (" << c.rejoined << " of them re-joined), "
              << c.in_front_matter << " in the front matter, " << c.footnote_numbers
              << " footnote numbers, " << c.rules + c.uncovered.size()
              << " rules, page numbers and running-head words removed\n";

    auto md = result.markdown;
    CHECK(md.find("[^3]: > The text of this footnote is not stated in the source.") != std::string::npos);
    CHECK(md.find("Organized Crime[^1] provides") != std::string::npos);
    CHECK(md.find("victims,[^2] submitted") != std::string::npos);
    CHECK(md.find("[^2]: E/CN.15/2003/7 and Add.1.") != std::string::npos);

    auto fields = fields_of(split_front_matter(md).yaml);
    CHECK(fields["symbol"] == "E/RES/2003/28");
    CHECK(fields["title"] == "International cooperation in the prevention, combating and "
                             "elimination of kidnapping and in providing assistance to victims");
    CHECK(fields["body"] == "Economic and Social Council");
    CHECK(fields["kind"] == "resolution");
    CHECK(!fields.count("date"));
    CHECK(!fields.count("meeting"));
    CHECK(warned_about(result, "date"));
    CHECK(warned_about(result, "meeting"));
    bool warned_footnote = std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [](const auto& d) {
        return d.message.rfind("footnote 3:", 0) == 0 && d.line == 84;
    });
    CHECK(warned_footnote);

    auto has = [&](resgen::RepairKind k, const std::string& before, const std::string& after, int line) {
        return std::any_of(result.repairs.begin(), result.repairs.end(), [&](const resgen::Repair& r) {
            return r.kind == k && r.before == before && r.after == after && r.line == line;
        });
    };
    using K = resgen::RepairKind;
    CHECK(has(K::split_word, "organ ized", "organized", 18));
    CHECK(has(K::split_word, "prov ide", "provide", 75));
    CHECK(has(K::split_word, "coop eration", "cooperation", 86));
    CHECK(has(K::split_word, "assis tance", "assistance", 108));
    CHECK(has(K::hyphen_join, "moneylaundering", "money-laundering", 26));
    CHECK(has(K::running_head, "E/RES/2003/28", "", 46));
    CHECK(has(K::running_head, "International cooperation against kidnapping", "", 47));
    CHECK(has(K::running_head, "- 2 -", "", 100));
    CHECK(has(K::page_rule, "__________________", "", 41));
    CHECK(md.find("Secretary-General, in coordination") != std::string::npos);
    CHECK(md.find("civil society and international cooperation") != std::string::npos);
    CHECK(md.find("in furtherance of the fight") != std::string::npos);
    CHECK(md.find('\r') == std::string::npos);
}

TEST_CASE("the header of a resolution as the UN prints it is read into fields", "[import]") {
    // a header never seen in the seeds: masthead columns run together, a job number, the
    // title wrapped after its number, the adoption line set flush at the end
    std::string raw =
        "United Nations A/RES/59/154\n\nGeneral Assembly Distr.: General\n3 February 2005\n\n"
        "Fifty-ninth session\nAgenda item 98\n\n04-48728\n\n"
        "Resolution adopted by the General Assembly on 20 December 2004\n\n"
        "[on the report of the Third Committee (A/59/494)]\n\n"
        "59/154. International cooperation in the prevention, combating and\n"
        "elimination of kidnapping and in providing assistance to victims\n\n"
        "  The General Assembly,\n\n"
        " Concerned at the increase in the practice of kidnapping in various countries of\n"
        "the world,\n\n"
        " 1. Vigorously condemns and rejects once again the practice of kidnapping;\n\n"
        "74th plenary meeting\n20 December 2004\n";
    auto r = resgen::import_text(raw, "ga.txt", {});
    auto fields = fields_of(split_front_matter(r.markdown).yaml);
    CHECK(fields == std::map<std::string, std::string>{
                        {"symbol", "A/RES/59/154"},
                        {"title", "International cooperation in the prevention, combating and "
                                  "elimination of kidnapping and in providing assistance to victims"},
                        {"body", "General Assembly"},
                        {"kind", "resolution"},
                        {"date", "2004-12-20"},
                        {"meeting", "74th plenary meeting"},
                        {"session", "Fifty-ninth session"},
                        {"agenda_item", "98"},
                        {"distribution", "General"}});
    // what no field holds stays in the front matter as a comment, and is named in a warning
    CHECK(r.markdown.find("#   [on the report of the Third Committee (A/59/494)]") != std::string::npos);
    CHECK(r.markdown.find("#   Date of issue: 3 February 2005") != std::string::npos);
    CHECK(r.markdown.find("04-48728") == std::string::npos);
    CHECK(split_front_matter(r.markdown).body ==
          "\n*The General Assembly,*\n\n*Concerned* at the increase in the practice of kidnapping in "
          "various countries of the world,\n\n1. *Vigorously condemns and rejects once again* the "
          "practice of kidnapping;\n");
}

// Headers as the UN prints them, beyond the seeds': each raw text of tests/fixtures/import/headers/
// and the content file it must give beside it (.md), with the warnings it must give.
TEST_CASE("headers of other organs and layouts give the content files beside them", "[import]") {
    struct Case {
        const char* name;
        std::vector<std::string> warned;  // the fields said to be missing
    };
    const std::vector<Case> cases = {
        // the symbol printed with a space, the number alone, the adoption line wrapped before
        // its date, no title; job number, date code and bar code at the foot of the page
        {"security-council", {"title"}},
        // a title wrapped before a capital, two agenda items, a bar code in the header
        {"assembly-wrapped-title", {}},
        // an agenda item's title on three lines, the number alone above the title, a vote
        // after the date of adoption (kept as text)
        {"human-rights-council", {}},
        // a session named by its year, an agenda item with a letter, the note on whose
        // recommendation it was adopted (kept as a comment)
        {"economic-and-social-council", {"header line not read into any field, kept as a comment in the front matter"}},
        // "Resolution adopted by the General Assembly" wrapped before "on" and its date; a
        // resolution in two parts, A and B, each closed by the same adoption line
        {"assembly-in-parts", {}},
        // an annex after the adoption line: its title, a declaration's own voice, its articles
        {"assembly-with-annex", {}},
        // a decision: "Decision 2099/237" and its title over an opening sentence that states
        // the meeting, the date and the organ, and lettered items under it
        {"council-decision", {}},
    };
    const fs::path dir = fs::path(RESGEN_FIXTURES) / "import" / "headers";
    for (const auto& c : cases) {
        INFO(c.name);
        auto r = resgen::import_text(read_file(dir / (std::string(c.name) + ".txt")), std::string(c.name) + ".txt", {});
        CHECK(r.markdown == read_file(dir / (std::string(c.name) + ".md")));
        std::vector<std::string> warned;
        for (const auto& d : r.diagnostics) warned.push_back(d.message.substr(0, d.message.find(':')));
        CHECK(warned == c.warned);
    }
}

TEST_CASE("a decision numbered above its title is the Council's decision its opening says", "[import]") {
    const std::string raw = "          2099/238. Another made-up decision of the Council\n\n"
                            "          At its 46th plenary meeting, on 22 July 2099, the Economic and Social Council decided to\n"
                            "keep the made-up question under review.\n";
    auto r = resgen::import_text(raw, "dec2.txt", {});
    CHECK(r.diagnostics.empty());
    const auto split = split_front_matter(r.markdown);
    CHECK(split.yaml == "symbol: E/DEC/2099/238\ntitle: Another made-up decision of the Council\nbody: Economic and Social "
                        "Council\nkind: decision\ndate: 2099-07-22\nmeeting: 46th plenary meeting\n");
    CHECK(split.body == "\nAt its 46th plenary meeting, on 22 July 2099, the Economic and Social Council decided to keep the "
                        "made-up question under review.\n");
}

TEST_CASE("a number no organ is named for is read by its shape, and the warning names what it is", "[import]") {
    struct Case {
        std::string raw, symbol, warning;
    };
    const std::vector<Case> cases = {
        {"     Decision 2099/5\n\n     At its 3rd meeting, on 2 March 2099, the Commission on Narcotic Drugs "
         "decided to act.\n",
         "symbol: E/DEC/2099/5", "symbol: no organ is named, so decision 2099/5 is read as the Economic and Social "
                                 "Council's by the shape of its number"},
        {"     2099/6\n\n     1.   Decides to act.\n", "symbol: E/RES/2099/6",
         "symbol: no organ is named, so resolution 2099/6 is read as the Economic and Social Council's by the shape "
         "of its number"},
    };
    for (const auto& c : cases) {
        INFO(c.raw);
        auto r = resgen::import_text(c.raw, "n.txt", {});
        CHECK(split_front_matter(r.markdown).yaml.find(c.symbol) != std::string::npos);
        std::vector<std::string> messages;
        for (const auto& d : r.diagnostics) messages.push_back(d.message);
        CHECK(std::find(messages.begin(), messages.end(), c.warning) != messages.end());
    }
}

TEST_CASE("a part adopted at another meeting keeps its adoption line in the text", "[import]") {
    const std::string raw = "                A\n\n     The General Assembly,\n\n     1.   Decides to act;\n\n"
                            "          70th plenary meeting\n          20 December 2035\n\n                B\n\n"
                            "     The General Assembly,\n\n     1.   Decides to act again;\n\n"
                            "          91st plenary meeting\n          23 June 2036\n";
    auto r = resgen::import_text(raw, "parts.txt", {});
    const auto split = split_front_matter(r.markdown);
    CHECK(split.yaml.find("meeting: 70th plenary meeting") != std::string::npos);
    CHECK(split.yaml.find("date: 2035-12-20") != std::string::npos);
    CHECK(split.body == "\n## A\n\n*The General Assembly,*\n\n1. *Decides* to act;\n\n## B\n\n*The General Assembly,*\n\n"
                        "1. *Decides* to act again;\n\n91st plenary meeting\n\n23 June 2036\n");
}

TEST_CASE("a preambular phrase after adverbs is marked up as the parser reads it", "[import]") {
    const std::string raw = "     The General Assembly,\n\n     Further recalling its resolution 60/1,\n\n"
                            "     Deeply disturbed by the reports,\n\n     Anxious to act,\n\n"
                            "     Also recalling its resolution 61/1,\n\n     1.   Also recalls its resolution 62/1;\n";
    auto r = resgen::import_text(raw, "adv.txt", {});
    CHECK(split_front_matter(r.markdown).body ==
          "\n*The General Assembly,*\n\n*Further recalling* its resolution 60/1,\n\n*Deeply disturbed* by the "
          "reports,\n\n*Anxious* to act,\n\n*Also recalling* its resolution 61/1,\n\n1. *Also recalls* its "
          "resolution 62/1;\n");
}

TEST_CASE("page furniture is told from text", "[import]") {
    for (const char* furniture : {"2", "- 2 -", "Page 2 of 5", "04-47831 (E)", "GE.04-12345", "14-21709 (E) 290114",
                                  "14-21709 (E) 290114 *1421709*", "*1421709*", "Please recycle"})
        CHECK(resgen::importer::is_page_furniture(furniture));
    for (const char* text : {"2014", "Please recycle the paper of the report", "*Decides*", "14-21709 cases",
                             "*14217*", "1. Decides"})
        CHECK_FALSE(resgen::importer::is_page_furniture(text));
}

TEST_CASE("a decision's symbol makes its kind", "[import]") {
    const std::string raw = "United Nations E/DEC/2099/1\n\nEconomic and Social Council\n\n"
                            " The Economic and Social Council,\n\n 1. Decides to keep the matter under review.\n";
    auto fields = fields_of(split_front_matter(resgen::import_text(raw, "dec.txt", {}).markdown).yaml);
    CHECK(fields["symbol"] == "E/DEC/2099/1");
    CHECK(fields["kind"] == "decision");
}

TEST_CASE("importing again changes nothing; a content file comes back as it is", "[import]") {
    for (const Seed& seed : kSeeds) {
        INFO(seed.raw);
        auto once = import_seed(seed, nullptr);
        auto twice = resgen::import_text(once.markdown, seed.raw, {});
        CHECK(twice.markdown == once.markdown);
        CHECK(twice.repairs.empty());
    }
    std::string content =
        "---\nsymbol: E/RES/2006/19\ntitle: A title\nbody: Economic and Social Council\n"
        "kind: resolution\ndate: 2006-07-27\nmeeting: 41st plenary meeting\n"
        "adopted_as: A/RES/61/179\nsource: https://undocs.org/E/RES/2006/19\ntags: [victims, manual]\n"
        "# stated in the source, but no field holds it:\n#   reviewer: someone\n---\n\n"
        "*The Economic and Social Council,*\n\n*Recalling* its resolution[^1] on kidnapping,\n\n"
        "1. *Requests* the Secretary-General to report, including on:\n\n"
        "    (a) [Its resolution 2002/16](symbol:E/RES/2002/16);\n\n"
        "> An editor's note.\n\n[^1]: Resolution 2002/16.\n";
    auto r = resgen::import_text(content, "content.md", {});
    CHECK(r.markdown == content);
    CHECK(r.repairs.empty());
}

TEST_CASE("a left margin on every line changes nothing", "[import]") {
    for (const Seed& seed : {kSeeds[0], kSeeds[3]}) {  // the two PDF texts
        INFO(seed.raw);
        std::string shifted;
        std::istringstream in(seed_text(seed));
        for (std::string line; std::getline(in, line);) shifted += "    " + line + "\n";
        auto a = resgen::import_text(seed_text(seed), seed.raw, {});
        auto b = resgen::import_text(shifted, seed.raw, {});
        CHECK(split_front_matter(b.markdown).body == split_front_matter(a.markdown).body);
    }
}

TEST_CASE("paragraphs are found without blank lines, and without indentation", "[import]") {
    for (const Seed& seed : kSeeds) {
        INFO(seed.raw);
        std::string no_blanks, flat;
        std::istringstream in(seed_text(seed));
        for (std::string line; std::getline(in, line);) {
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            no_blanks += line + "\n";
            flat += line.substr(line.find_first_not_of(' ')) + "\n";
        }
        auto body = [&](const std::string& raw) {
            return split_front_matter(resgen::import_text(raw, seed.raw, {}).markdown).body;
        };
        std::string expected = body(seed_text(seed));
        CHECK(body(no_blanks) == expected);
        if (seed.raw[2] == '0' || seed.raw[2] == '3') CHECK(body(flat) == expected);  // PDF texts
    }
}

TEST_CASE("split words are joined only when the halves are not both words", "[import]") {
    std::string raw =
        "The General Assembly,\n\nConcerned at kidnapping and at the kidnap ping of persons,\n";
    auto plain = resgen::import_text(raw, "t.txt", {});
    CHECK(plain.markdown.find("at the kidnapping of persons") != std::string::npos);

    std::unordered_set<std::string> words = {"kidnap", "ping", "kidnapping"};
    resgen::ImportOptions o;
    o.words = &words;
    auto listed = resgen::import_text(raw, "t.txt", o);
    CHECK(listed.markdown.find("at the kidnap ping of persons") != std::string::npos);

    // a join needs the joined form to be a word somewhere
    auto unknown = resgen::import_text("The General Assembly,\n\nNoting the gro wth,\n", "t.txt", {});
    CHECK(unknown.markdown.find("gro wth") != std::string::npos);
}

TEST_CASE("numbers that are not footnote markers stay numbers", "[import]") {
    std::string raw =
        "The General Assembly,\n\n"
        "1. Requests the Secretary-General2 to apply article 2 of the Convention of 2 December "
        "2000 and to report in 2 years;\n\n"
        "__________\n2 A/59/1.\n";
    auto r = resgen::import_text(raw, "t.txt", {});
    CHECK(r.markdown.find("Secretary-General[^2] to apply article 2 of the Convention of 2 "
                          "December 2000 and to report in 2 years;") != std::string::npos);
    CHECK(r.markdown.find("[^2]: A/59/1.") != std::string::npos);
    CHECK(r.markdown.find("1. *Requests* the") != std::string::npos);
}

TEST_CASE("nothing that the text does not state is guessed", "[import]") {
    auto r = resgen::import_text("The Security Council,\n\n1. Decides to remain seized of the matter.\n",
                                 "bare.txt", {});
    auto fields = fields_of(split_front_matter(r.markdown).yaml);
    CHECK(fields == std::map<std::string, std::string>{{"id", "bare"}, {"body", "Security Council"}});
    for (const char* f : {"symbol", "title", "kind", "date"}) {
        INFO(f);
        CHECK(warned_about(r, f));
    }
    for (const auto& d : r.diagnostics) {
        CHECK(d.path == "bare.txt");
        CHECK(d.line >= 1);
        CHECK(resgen::format_diagnostic(d).rfind("bare.txt:", 0) == 0);
    }
}

namespace {

struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
};

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

std::string hex(const std::string& s) {
    static const char* d = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s.substr(0, 400)) out += {d[c >> 4], d[c & 15]};
    return out;
}

}  // namespace

TEST_CASE("arbitrary bytes never crash the importer", "[import][robustness]") {
    static const char* const kPieces[] = {
        "\n", " ", "  ", "\n\n", "\f", "\r\n", "" /* NUL, see below */, "\xff", "\xc3", "\xe2\x80",
        "¹", "²", "<sup>1</sup>", "<sup>", "1. ", "2.", "(a) ", "- (b) ", "-", "_____", "---", "*",
        "**", "“", "”", "\"", "The General Assembly,", "The Commission on Crime recommends to",
        "Concerned", " at ", "Also requests", "Resolution", "2003/28", "44th plenary meeting",
        " 22 July 2003", "Distr.: Limited", "12 May 2004", "Colombia: draft resolution",
        "Crime", "1", "2", "3 ", "word", "traff", " icking", "inter-", "#", "## ", "[^1]", "[^1]:",
        ":", ",", ";", ".", "Agenda item 5", "Original: Spanish", "E/RES/2003/28", "Page 2", "\t",
        "ﬁ", "\xc2\xa0", "Secretary-General2", "1 General Assembly resolution 55/25.",
    };
    std::vector<std::string> seeds;
    for (const Seed& s : kSeeds) seeds.push_back(seed_text(s));

    Rng rng{0x9E3779B97F4A7C15ULL};
    int failures = 0;
    std::string first_failure;
    for (int n = 0; n < 3000; ++n) {
        std::string input;
        switch (n % 3) {
            case 0: {  // any bytes
                std::size_t len = rng.below(1500);
                for (std::size_t i = 0; i < len; ++i) input += static_cast<char>(rng.next() & 0xFF);
                break;
            }
            case 1: {  // pieces of the texts the importer reads
                std::size_t count = rng.below(300);
                for (std::size_t i = 0; i < count; ++i) {
                    std::size_t k = rng.below(std::size(kPieces));
                    input += k == 6 ? std::string("\0", 1) : std::string(kPieces[k]);
                }
                break;
            }
            default: {  // a seed, mutated
                input = seeds[rng.below(seeds.size())];
                std::size_t edits = 1 + rng.below(30);
                for (std::size_t e = 0; e < edits && !input.empty(); ++e) {
                    std::size_t at = rng.below(input.size());
                    std::size_t len = 1 + rng.below(40);
                    switch (rng.below(4)) {
                        case 0: input.erase(at, len); break;
                        case 1: input.insert(at, 1, static_cast<char>(rng.next() & 0xFF)); break;
                        case 2: input.insert(at, input.substr(rng.below(input.size()), len)); break;
                        default: input[at] = static_cast<char>(rng.next() & 0xFF); break;
                    }
                }
            }
        }
        std::size_t line_count = static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n')) + 1;
        bool ok = true;
        try {
            auto r = resgen::import_text(input, "fuzz.txt", {});
            ok = valid_utf8(r.markdown) && r.markdown.rfind("---\n", 0) == 0 &&
                 r.markdown.find('\0') == std::string::npos && !r.name.empty() &&
                 r.name.find('/') == std::string::npos && r.name != "." && r.name != "..";
            for (const auto& rep : r.repairs)
                ok = ok && rep.line >= 1 && static_cast<std::size_t>(rep.line) <= line_count &&
                     valid_utf8(rep.before) && valid_utf8(rep.after);
            for (const auto& d : r.diagnostics) ok = ok && d.path == "fuzz.txt" && valid_utf8(d.message);
            // what it writes, it can read back: the front matter is YAML
            auto split = r.markdown.find("\n---\n", 3);
            ok = ok && split != std::string::npos;
            if (ok) YAML::Load(r.markdown.substr(4, split - 3));
        } catch (const std::exception& e) {
            ok = false;
        }
        if (!ok && failures++ == 0) first_failure = hex(input);
    }
    INFO("first failing input (hex): " << first_failure);
    CHECK(failures == 0);
}

TEST_CASE("long lines and deep nesting are handled", "[import][robustness]") {
    std::string long_line(200000, 'a');
    for (std::size_t i = 1; i < long_line.size(); i += 2) long_line[i] = (i % 3) ? '1' : ' ';
    for (const std::string& input :
         {long_line, "The General Assembly,\n\n" + long_line, std::string(100000, '\n'),
          std::string(50000, '*'), "Resolution\n" + std::string(5000, '(') + "\n"}) {
        auto r = resgen::import_text(input, "big.txt", {});
        CHECK(valid_utf8(r.markdown));
    }
}

// ---- the command ------------------------------------------------------------------------

namespace {

int run(const std::string& args) {
    std::string cmd = std::string(RESGEN_BINARY) + " " + args + " >/dev/null 2>&1";
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("resgen import writes DIR/<name>.md and never overwrites silently", "[import][cli]") {
    fs::path dir = fs::temp_directory_path() / ("resgen-import-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    std::string seed = (fs::path(RESGEN_FIXTURES) / "import" / "seeds" / kSeeds[2].raw).string();

    CHECK(run("import " + seed + " --out " + dir.string()) == 0);
    fs::path out = dir / "E-RES-2003-28.md";
    REQUIRE(fs::exists(out));
    CHECK(read_file(out) == resgen::import_text(seed_text(kSeeds[2]), seed, {}).markdown);

    std::ofstream(out) << "edited by hand\n";
    CHECK(run("import " + seed + " --out " + dir.string()) == 1);
    CHECK(read_file(out) == "edited by hand\n");
    CHECK(run("import " + seed + " --out " + dir.string() + " --force") == 0);
    CHECK(read_file(out) != "edited by hand\n");

    CHECK(run("import " + (dir / "no-such-file.txt").string()) == 1);
    CHECK(run("import " + dir.string()) == 1);  // a directory
    CHECK(run("import") == 2);
    CHECK(run("import " + seed + " --no-such-option") == 2);
    fs::remove_all(dir);
}
