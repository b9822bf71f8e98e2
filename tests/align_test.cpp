// The alignment of the series: which clauses carry the same language, the comparison of two
// texts, and the lineage `resgen check` suggests. The seeds of content/ are the cases.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>

#include "align/align.hpp"
#include "align/lcs.hpp"
#include "align/runs.hpp"
#include "load/source.hpp"
#include "parse/parse.hpp"
#include "plan/genealogy.hpp"
#include "render/render.hpp"
#include "run_resgen.hpp"
#include "site/site.hpp"

using namespace resgen;
using Catch::Matchers::Contains;
using resgen_test::TempDir;

namespace {

Corpus load_corpus(const std::filesystem::path& dir, Diagnostics& diags) {
    std::vector<Document> docs;
    for (const auto& src : load_sources(dir, diags)) docs.push_back(parse_document(src, {}, diags));
    return resolve(std::move(docs), diags);
}

const Corpus& seeds() {
    static const Corpus corpus = [] {
        Diagnostics diags;
        return load_corpus(std::filesystem::path(RESGEN_SOURCE_DIR) / "content", diags);
    }();
    return corpus;
}

size_t index_of(const Corpus& c, const std::string& key) { return c.by_key.at(key); }

size_t clause_of(const Corpus& c, size_t doc, const std::string& anchor) {
    const auto& cl = c.documents[doc].clauses;
    for (size_t i = 0; i < cl.size(); ++i)
        if (cl[i].anchor == anchor) return i;
    FAIL("no clause " << anchor << " in " << c.documents[doc].key);
    return 0;
}

std::string render_diff(const std::vector<DiffSpan>& diff) {
    std::string out;
    for (const auto& s : diff) {
        std::string text;
        for (const auto& t : s.tokens) (text += t.space_before && !text.empty() ? " " : "") += t.text;
        if (!out.empty() && !s.tokens.empty() && s.tokens.front().space_before) out += ' ';
        out += s.op == DiffOp::inserted ? "{+" + text + "+}" : s.op == DiffOp::deleted ? "[-" + text + "-]" : text;
    }
    return out;
}

const DiffSpan* find_span(const std::vector<DiffSpan>& diff, DiffOp op, const std::string& text) {
    for (const auto& s : diff) {
        if (s.op != op) continue;
        std::string joined;
        for (const auto& t : s.tokens) (joined += joined.empty() ? "" : " ") += t.text;
        if (joined == text) return &s;
    }
    return nullptr;
}

const CompareRow& row_after(const Corpus& c, const Comparison& cmp, const std::string& anchor) {
    for (const auto& r : cmp.rows)
        if (r.after && c.documents[cmp.after].clauses[*r.after].anchor == anchor) return r;
    FAIL("no row for " << anchor);
    return cmp.rows.front();
}

const CompareRow& row_before(const Corpus& c, const Comparison& cmp, const std::string& anchor) {
    for (const auto& r : cmp.rows)
        if (r.before && c.documents[cmp.before].clauses[*r.before].anchor == anchor) return r;
    FAIL("no row for " << anchor);
    return cmp.rows.front();
}

std::string before_anchor(const Corpus& c, const Comparison& cmp, const CompareRow& r) {
    return r.before ? c.documents[cmp.before].clauses[*r.before].anchor.str() : "";
}

Comparison compare_keys(const Corpus& c, const Alignment& al, const std::string& a, const std::string& b) {
    return compare_documents(c, al, index_of(c, a), index_of(c, b));
}

}  // namespace

TEST_CASE("tokens keep words, marks and spacing", "[align]") {
    auto t = tokenize("Requests the Secretary-General, “inter alia”, to act;");
    std::vector<std::string> texts;
    for (const auto& x : t) texts.emplace_back(x.text);
    CHECK(texts == std::vector<std::string>{"Requests", "the", "Secretary-General", ",", "“", "inter", "alia", "”",
                                            ",", "to", "act", ";"});
    CHECK(tokenize("resolution 2003/28 of E/CN.15/2004/7.").size() == 5);
    CHECK_FALSE(t[3].space_before);
    CHECK(t[4].space_before);
    CHECK(words_of(t) == std::vector<std::string>{"requests", "the", "secretary-general", "inter", "alia", "to", "act"});
}

// clause_text() is clause_words() joined as the compare page once joined them: a space where
// white space stood, nothing between marks and the words they touch.
TEST_CASE("a clause's text is its words joined as they stand", "[align]") {
    auto joined = [](const Clause& c) {
        std::string out;
        for (const auto& t : clause_words(c).tokens) {
            if (t.space_before && !out.empty()) out += ' ';
            out += t.text;
        }
        return out;
    };
    auto clause = [](std::string markdown) {
        Clause c;
        c.kind = ClauseKind::preambular;
        c.markdown = std::move(markdown);
        return c;
    };
    const std::pair<std::string, std::string> table[] = {
        {"Recalling  its resolution\t59/154,\n", "Recalling its resolution 59/154,"},
        {"  *Noting* the report ( A/59/1 ) ;  ", "Noting the report ( A/59/1 ) ;"},
        {"“Concerned about kidnapping,", "Concerned about kidnapping,"},          // a quoted draft opens
        {"“ Concerned”", "“ Concerned”"},                                        // quoted whole: kept
        {"Crime. ”", "Crime."},                                                  // a quoted draft closes
        {"“1. Urges ” States”", "“1. Urges ” States"},
        {"“", ""},
        {"”", ""},
        {"“ “Requests", "“Requests"},
        {"", ""},
        {" \t\r\n\v\f", ""},
        {"a\xc2\xa0" "b", "a\xc2\xa0" "b"},                                        // no-break space is not white space
    };
    for (const auto& [markdown, expected] : table) {
        INFO("markdown: " << markdown);
        const Clause c = clause(markdown);
        CHECK(clause_text(c) == expected);
        CHECK(clause_text(c) == joined(c));
    }
    // A vertical tab, which the plain text keeps and tokenize() parts words at, wherever it stands
    // (it is looked for eight bytes at a time).
    const std::string words = "Recalling its resolution 59/154";
    for (size_t at = 0; at <= words.size(); ++at) {
        const Clause c = clause(words.substr(0, at) + "\v" + words.substr(at));
        INFO("vertical tab at " << at);
        CHECK(clause_text(c) == joined(c));
        CHECK(clause_text(c).find('\v') == std::string::npos);
    }
    // Every clause of the series, and random texts of the bytes that matter.
    for (const auto& d : seeds().documents)
        for (const auto& c : d.clauses) CHECK(clause_text(c) == joined(c));
    const std::vector<std::string> pieces = {" ", "  ", "\t", "\n", "\r", "“", "”", "‘", "—", "word", "Secretary-General",
                                             "59/154", ",", ";", ".", "*", "_", "\xc2\xa0", "é", "(", ")", "\\"};
    std::mt19937 random(7);
    for (int i = 0; i < 5000; ++i) {
        std::string markdown;
        for (int n = std::uniform_int_distribution<int>(0, 12)(random); n > 0; --n)
            markdown += pieces[std::uniform_int_distribution<size_t>(0, pieces.size() - 1)(random)];
        const Clause c = clause(markdown);
        INFO("markdown: " << markdown);
        CHECK(clause_text(c) == joined(c));
    }
}

TEST_CASE("function words are told from the words alignment measures", "[align]") {
    using namespace std::string_view_literals;
    const std::pair<std::string_view, bool> table[] = {
        {"a", true},          {"the", true},        {"between", true},   {"within", true},   {"would", true},
        {"", false},          {"The", false},       {"ab", false},       {"theirs", false},  {"withinx", false},
        {"between!", false},  {"xbetween", false},  {"a\0"sv, false},   {"\0a"sv, false},  {"internationally", false},
    };
    for (const auto& [word, expected] : table) {
        INFO("word " << word);
        CHECK(is_function_word(word) == expected);
    }
    // Every one of them, and each with a letter more or less.
    const std::string all[] = {"a", "an", "and", "any", "are", "as", "at", "be", "been", "between", "both", "but",
                               "by", "for", "from", "has", "have", "he", "his", "in", "into", "is", "it", "its",
                               "may", "not", "of", "on", "or", "other", "shall", "should", "such", "that", "the",
                               "their", "them", "these", "they", "this", "those", "to", "upon", "was", "were",
                               "which", "who", "whose", "will", "with", "within", "would"};
    const std::set<std::string> words(std::begin(all), std::end(all));
    for (const auto& w : all) {
        INFO("word " << w);
        CHECK(is_function_word(w));
        CHECK(is_function_word(w + "s") == words.count(w + "s") > 0);
        CHECK(is_function_word("x" + w) == false);
        CHECK(is_function_word(w.substr(1)) == words.count(w.substr(1)) > 0);
    }
}

TEST_CASE("similarity is the share of words in common order", "[align]") {
    CHECK(similarity({"a", "b", "c", "d"}, {"a", "b", "c", "d"}) == 1.0);
    CHECK(similarity({"a", "b", "c", "d"}, {"e", "f"}) == 0.0);
    CHECK(similarity({"a", "b", "c", "d"}, {"a", "x", "c", "d"}) == Approx(0.75));
}

// The bit-parallel LCS against a plain dynamic programme, on sequences long enough to
// carry across 64-bit blocks and over small alphabets where every word repeats.
TEST_CASE("the bit-parallel LCS agrees with the textbook one", "[align]") {
    auto reference = [](const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
        std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
        for (size_t i = 1; i <= a.size(); ++i)
            for (size_t j = 1; j <= b.size(); ++j)
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
        return t[a.size()][b.size()];
    };
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        size_t alphabet = 2 + rng() % 40;
        // Word ids anywhere in 32 bits, across the largest and back to 0 in a third of the
        // rounds: the pattern keeps its words in a hashed table.
        const uint32_t base = round % 3 == 0 ? UINT32_MAX - static_cast<uint32_t>(alphabet / 2)
                              : round % 3 == 1 ? static_cast<uint32_t>(rng()) : 0;
        const uint32_t stride = round % 3 == 1 ? 1 + static_cast<uint32_t>(rng() % 1000) : 1;
        auto word = [&] { return base + static_cast<uint32_t>(rng() % alphabet) * stride; };
        std::vector<uint32_t> a(rng() % 200), b(rng() % 200);
        for (auto& w : a) w = word();
        for (auto& w : b) w = word();
        INFO("round " << round << ", sizes " << a.size() << " and " << b.size());
        REQUIRE(LcsPattern(a).lcs(b) == reference(a, b));
        REQUIRE(LcsPattern(b).lcs(a) == reference(a, b));
    }
    using Words = std::vector<uint32_t>;
    CHECK(lcs_similarity(Words{}, Words{}) == 1.0);
    CHECK(lcs_similarity(Words{1, 2, 3, 4}, Words{}) == 0.0);
    CHECK(lcs_similarity(Words{1, 2, 3, 4}, Words{1, 9, 3, 4}) == Approx(0.75));
    CHECK(lcs_similarity(Words{1, 2, 3, 4}, Words{5, 6}) == 0.0);
}

// The bound lets candidates go unmeasured: it must never be below the LCS, and it is what it
// says, the pattern's words (repeats counted) whose bit the text has.
TEST_CASE("LcsBound is at least the LCS: the pattern's words whose bit the text has", "[align]") {
    using Words = std::vector<uint32_t>;
    CHECK(LcsBound(Words{}).most(word_bits(Words{1, 2})) == 0);
    CHECK(LcsBound(Words{1, 2}).most(word_bits(Words{})) == 0);
    CHECK(LcsBound(Words{1, 2, 3}).most(word_bits(Words{3, 2, 1})) == 3);   // order aside
    CHECK(LcsBound(Words{7, 7, 7}).most(word_bits(Words{7})) == 3);         // repeats counted
    std::mt19937 rng(11);
    for (int round = 0; round < 2000; ++round) {
        const size_t alphabet = 2 + rng() % 300;
        const uint32_t base = round % 2 ? static_cast<uint32_t>(rng()) : UINT32_MAX - static_cast<uint32_t>(alphabet);
        auto word = [&] { return base + static_cast<uint32_t>(rng() % alphabet); };
        Words a(rng() % 150), b(rng() % 150);
        for (auto& w : a) w = word();
        for (auto& w : b) w = word();
        // The words of a that b has, and those whose bit b has: the bound is the second, never
        // below the first.
        const std::set<uint32_t> in_b(b.begin(), b.end());
        const WordBits bits = word_bits(b);
        size_t shared = 0, bit_shared = 0;
        for (uint32_t w : a) {
            shared += in_b.count(w);
            const WordBits one = word_bits(Words{w});
            bit_shared += ((one.bits[0] & bits.bits[0]) | (one.bits[1] & bits.bits[1])) != 0;
        }
        INFO("round " << round << ", sizes " << a.size() << " and " << b.size());
        const size_t most = LcsBound(a).most(bits);
        REQUIRE(most == bit_shared);
        REQUIRE(most >= shared);
        REQUIRE(most >= LcsPattern(a).lcs(b));
    }
}

TEST_CASE("count_held counts the units a sorted run holds, as a binary search of each would", "[align]") {
    using Units = std::vector<uint32_t>;
    auto held_by_search = [](const Units& run, const Units& units) {
        Units held(units.size(), 0);
        for (size_t k = 0; k < units.size(); ++k) held[k] = std::binary_search(run.begin(), run.end(), units[k]);
        return held;
    };
    auto held = [](const Units& run, const Units& units) {
        Units out(units.size(), 0);
        count_held(run.data(), run.data() + run.size(), units, out);
        return out;
    };
    // The edges: nothing to find, nothing to search, all before, all after, the ends.
    CHECK(held({}, {1, 2}) == Units{0, 0});
    CHECK(held({1, 2}, {}) == Units{});
    CHECK(held({5, 6, 7}, {1, 2}) == Units{0, 0});
    CHECK(held({1, 2}, {5, 6, 7}) == Units{0, 0, 0});
    CHECK(held({1, 4, 9}, {1, 9}) == Units{1, 1});
    CHECK(held({1, 4, 9}, {0, 4, 10}) == Units{0, 1, 0});
    // A count adds to what is there.
    Units counts{3, 5};
    const Units run{2, 8};
    count_held(run.data(), run.data() + run.size(), {2, 3}, counts);
    CHECK(counts == Units{4, 5});
    // Runs and candidates of every density, against a binary search of each candidate.
    std::mt19937 rng(11);
    for (int round = 0; round < 3000; ++round) {
        const uint32_t range = 1 + rng() % 5000;
        auto sorted_set = [&](size_t n) {
            Units v(n);
            for (auto& x : v) x = rng() % range;
            std::sort(v.begin(), v.end());
            v.erase(std::unique(v.begin(), v.end()), v.end());
            return v;
        };
        const Units run = sorted_set(rng() % 2000), units = sorted_set(rng() % 300);
        INFO("round " << round << ", run of " << run.size() << ", " << units.size() << " units");
        REQUIRE(held(run, units) == held_by_search(run, units));
    }
}

// The live preview aligns an edited document again against what it kept; the result must be
// what aligning the whole corpus again gives. Edits: words changed, added and struck out, a
// paragraph dropped, a paragraph copied from another text, a text emptied; with the caps of
// the index (common shingles, candidates per clause) set low so that edits cross them.
TEST_CASE("an aligner updated after each edit gives what aligning the corpus again gives", "[align]") {
    std::vector<Document> docs;
    for (int copy = 0; copy < 4; ++copy)
        for (const auto& d : seeds().documents)
            if (d.in_collection) {
                docs.push_back(d);
                docs.back().key += "#" + std::to_string(copy);
            }
    Corpus c;
    c.documents = std::move(docs);
    std::mt19937 rng(11);
    auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    auto same = [](const Alignment& x, const Alignment& y) {
        REQUIRE(x.pairs.size() == y.pairs.size());
        for (size_t i = 0; i < x.pairs.size(); ++i) {
            INFO("pair " << x.pairs[i].a << "-" << x.pairs[i].b);
            REQUIRE(x.pairs[i].a == y.pairs[i].a);
            REQUIRE(x.pairs[i].b == y.pairs[i].b);
            REQUIRE(x.pairs[i].matches.size() == y.pairs[i].matches.size());
            for (size_t m = 0; m < x.pairs[i].matches.size(); ++m) {
                const auto &p = x.pairs[i].matches[m], &q = y.pairs[i].matches[m];
                REQUIRE(std::tuple(p.a, p.b, p.similarity, p.verbatim) == std::tuple(q.a, q.b, q.similarity, q.verbatim));
            }
        }
        REQUIRE(x.pairs_start == y.pairs_start);
        REQUIRE(x.pair_index == y.pair_index);
        const size_t documents = x.pairs_start.size() - 1;
        for (size_t d = 0; d < documents; ++d) {
            const DocumentLinks p = x.links_of(d), q = y.links_of(d);
            REQUIRE(p.start == q.start);
            REQUIRE(p.all.size() == q.all.size());
            for (size_t l = 0; l < p.all.size(); ++l)
                REQUIRE(std::tuple(p.all[l].document, p.all[l].clause, p.all[l].similarity, p.all[l].verbatim) ==
                        std::tuple(q.all[l].document, q.all[l].clause, q.all[l].similarity, q.all[l].verbatim));
        }
        CHECK(x.scored == y.scored);
    };
    for (AlignOptions options : {AlignOptions{}, AlignOptions{0.4, 3, 6, 4}}) {
        Corpus work = c;
        Aligner aligner(work, options);
        // align_corpus aligns once, letting the index go as it goes: the same alignment.
        same(aligner.alignment(), align_corpus(work, options));
        CHECK_THROWS_AS(Aligner(work, options, Aligner::Use::once).update(work, {0}), std::logic_error);
        for (int round = 0; round < 60; ++round) {
            size_t d = pick(work.documents.size());
            auto& clauses = work.documents[d].clauses;
            std::vector<size_t> text;
            for (size_t k = 0; k < clauses.size(); ++k)
                if (carries_language(clauses[k])) text.push_back(k);
            int what = static_cast<int>(rng() % 6);
            INFO("round " << round << ", document " << d << ", edit " << what);
            if (text.empty() && what != 4) what = 4;
            if (what == 0 || what == 1 || what == 2) {
                std::string& md = clauses[text[pick(text.size())]].markdown;
                size_t at = md.find(' ', pick(md.size() + 1));
                if (at == std::string::npos) at = md.size();
                if (what == 0) md.insert(at, " renewed cooperation against abduction");
                else if (what == 1) md.erase(0, std::min(md.size(), at));
                else md = md.substr(0, at) + " Member States" + md.substr(at);
            } else if (what == 3) {
                clauses.erase(clauses.begin() + static_cast<long>(text[pick(text.size())]));
            } else if (what == 4) {
                const auto& other = work.documents[pick(work.documents.size())].clauses;
                if (!other.empty()) clauses.push_back(other[pick(other.size())]);
            } else {
                for (size_t k : text) clauses[k].markdown = "Renumbered " + clauses[k].markdown;
            }
            aligner.update(work, {d});
            same(aligner.alignment(), align_corpus(work, options));
        }
    }
}

TEST_CASE("the word diff strikes out, then inserts", "[align]") {
    auto diff = diff_tokens(tokenize("Crisis management;"), tokenize("Response to and management of crises;"));
    REQUIRE(diff.size() == 5);
    CHECK(find_span(diff, DiffOp::deleted, "Crisis"));
    CHECK(find_span(diff, DiffOp::inserted, "Response to and"));
    CHECK(find_span(diff, DiffOp::same, "management"));
    CHECK(find_span(diff, DiffOp::inserted, "of crises"));
    CHECK(diff[0].op == DiffOp::deleted);
    CHECK(diff[1].op == DiffOp::inserted);
}

TEST_CASE("the Colombia draft against A/RES/59/154", "[align]") {
    const Corpus& c = seeds();
    Alignment al = align_corpus(c);
    Comparison cmp = compare_keys(c, al, "ccpcj-2004-colombia-draft", "A/RES/59/154");

    SECTION("paragraph 7 passes from the Secretary-General to UNODC") {
        const CompareRow& op7 = row_after(c, cmp, "op7");
        CHECK(before_anchor(c, cmp, op7) == "op7");
        CHECK(op7.change == Change::amended);
        CHECK(find_span(op7.diff, DiffOp::deleted, "Secretary-General"));
        CHECK(find_span(op7.diff, DiffOp::inserted, "United Nations Office on Drugs and Crime"));
        CHECK(find_span(op7.diff, DiffOp::deleted, "drawing on"));
        CHECK(find_span(op7.diff, DiffOp::inserted, "subject to the availability of"));
        const CompareRow& op8 = row_after(c, cmp, "op8");
        CHECK(before_anchor(c, cmp, op8) == "op8");
        CHECK(find_span(op8.diff, DiffOp::deleted, "Secretary-General"));
        CHECK(find_span(op8.diff, DiffOp::inserted, "United Nations Office on Drugs and Crime"));
    }
    SECTION("sub-paragraph (d): Crisis management became Response to and management of crises") {
        const CompareRow& d = row_after(c, cmp, "op7d");
        CHECK(before_anchor(c, cmp, d) == "op7d");
        CHECK(d.change == Change::amended);
        CHECK(find_span(d.diff, DiffOp::deleted, "Crisis"));
        CHECK(find_span(d.diff, DiffOp::inserted, "Response to and"));
        CHECK(find_span(d.diff, DiffOp::same, "management"));
    }
    SECTION("the rest is carried, punctuation changes counting as amendments") {
        CHECK(row_after(c, cmp, "pp1").change == Change::unchanged);
        CHECK(row_after(c, cmp, "op7a").change == Change::unchanged);
        const CompareRow& op2 = row_after(c, cmp, "op2");
        CHECK(op2.change == Change::amended);
        CHECK(op2.similarity == 1.0);
        CHECK(find_span(op2.diff, DiffOp::inserted, ","));
        CHECK(summary_of(cmp) == "16 paragraphs unchanged, 9 amended, 0 new, 0 dropped");
    }
}

// An item rewritten past recognition under a sub-paragraph carried over is the same item, as
// a rewritten sub-paragraph is under its paragraph.
TEST_CASE("items (i) of two paired sub-paragraphs are paired by their number", "[align]") {
    Diagnostics diags;
    const std::string front = "---\ntitle: t\nbody: General Assembly\nkind: resolution\n";
    const std::string paragraph = "1. *Decides* that States shall strengthen their cooperation against kidnapping:\n\n"
                                  "(a) Cooperate closely with one another in the investigation of such crimes, including by:\n\n";
    std::vector<Document> docs;
    docs.push_back(parse_document(split_source("a.md", front + "symbol: A/RES/98/1\ndate: 2003-01-01\n---\n\n" + paragraph +
                                                           "(i) Crisis management;\n\n(ii) Sharing information on the groups involved;\n", diags),
                                  {}, diags));
    docs.push_back(parse_document(split_source("b.md", front + "symbol: A/RES/98/2\ndate: 2004-01-01\n---\n\n" + paragraph +
                                                           "(i) Response to disasters;\n\n(ii) Sharing information on the groups involved;\n", diags),
                                  {}, diags));
    Corpus c = resolve(std::move(docs), diags);
    Alignment al = align_corpus(c);
    Comparison cmp = compare_keys(c, al, "A/RES/98/1", "A/RES/98/2");
    CHECK(before_anchor(c, cmp, row_after(c, cmp, "op1a")) == "op1a");
    CHECK(before_anchor(c, cmp, row_after(c, cmp, "op1aii")) == "op1aii");
    const CompareRow& item = row_after(c, cmp, "op1ai");
    CHECK(before_anchor(c, cmp, item) == "op1ai");
    CHECK(item.change == Change::amended);
    CHECK(item.similarity < AlignOptions{}.threshold);
}

TEST_CASE("E/RES/2003/28 against A/RES/59/154: renumbered, new and dropped paragraphs", "[align]") {
    const Corpus& c = seeds();
    Alignment al = align_corpus(c);
    Comparison cmp = compare_keys(c, al, "E/RES/2003/28", "A/RES/59/154");
    // Renumbering: 2003/28 op7 ("Encourages") is 59/154 op4; op8 ("Calls upon") is op5.
    CHECK(before_anchor(c, cmp, row_after(c, cmp, "op4")) == "op7");
    CHECK(before_anchor(c, cmp, row_after(c, cmp, "op5")) == "op8");
    CHECK(row_after(c, cmp, "op4").change == Change::amended);  // "information exchange" -> "exchange of information"
    CHECK(find_span(row_after(c, cmp, "op4").diff, DiffOp::inserted, "exchange of"));
    CHECK(find_span(row_after(c, cmp, "op4").diff, DiffOp::deleted, "exchange"));
    // Resolution numbers are words: 2002/16 became 2003/28, not 2002 / 16.
    CHECK(find_span(row_after(c, cmp, "pp7").diff, DiffOp::deleted, "its"));
    CHECK(find_span(row_after(c, cmp, "pp7").diff, DiffOp::inserted, "Economic and Social Council"));
    CHECK(find_span(row_after(c, cmp, "pp7").diff, DiffOp::inserted, "2003/28"));
    CHECK(row_after(c, cmp, "pp2").change == Change::unchanged);
    const CompareRow& pp1 = row_after(c, cmp, "pp1");
    CHECK(pp1.change == Change::amended);
    CHECK(find_span(pp1.diff, DiffOp::inserted, "increase in the"));
    CHECK(find_span(pp1.diff, DiffOp::deleted, "resolved"));
    CHECK(find_span(pp1.diff, DiffOp::inserted, "determined"));
    // The handbook (op7) and its list are new; the progress-report requests are dropped.
    CHECK(row_after(c, cmp, "op7").change == Change::added);
    CHECK(row_after(c, cmp, "op7d").change == Change::added);
    CHECK(row_before(c, cmp, "op10").change == Change::dropped);
    CHECK(row_before(c, cmp, "op6").change == Change::dropped);
    CHECK(summary_of(cmp) == "4 paragraphs unchanged, 10 amended, 11 new, 3 dropped");
}

TEST_CASE("the draft inside E/RES/2006/19 against A/RES/59/154", "[align]") {
    const Corpus& c = seeds();
    Alignment al = align_corpus(c);
    Comparison cmp = compare_keys(c, al, "A/RES/59/154", "E/RES/2006/19");
    // "the practice of kidnapping" became "the offence of kidnapping".
    const CompareRow& pp1 = row_after(c, cmp, "pp1");
    CHECK(before_anchor(c, cmp, pp1) == "pp1");
    CHECK(find_span(pp1.diff, DiffOp::deleted, "practice"));
    CHECK(find_span(pp1.diff, DiffOp::inserted, "offence"));
    CHECK(pp1.diff.front().op == DiffOp::same);  // the opening quotation mark of the draft is not a change
    // The draft drops "Noting" (59/154 pp3), so its pp3 carries 59/154 pp4.
    CHECK(before_anchor(c, cmp, row_after(c, cmp, "pp3")) == "pp4");
    CHECK(row_before(c, cmp, "pp3").change == Change::dropped);
    // "Encourages" is carried word for word, renumbered from 4 to 3, the closing quotation
    // mark of the draft notwithstanding.
    CHECK(before_anchor(c, cmp, row_after(c, cmp, "op3")) == "op4");
    CHECK(row_after(c, cmp, "op3").change == Change::unchanged);
    // The Council's own "Recommends" is new; the handbook request is dropped.
    CHECK(row_after(c, cmp, "recommends").change == Change::added);
    CHECK(row_before(c, cmp, "op7").change == Change::dropped);
}

TEST_CASE("only clauses sharing a run of words are scored", "[align]") {
    auto doc = [](const std::string& key, std::vector<std::string> texts) {
        Document d;
        d.key = d.meta.symbol = key;
        d.meta.kind = "resolution";
        int n = 0;
        for (auto& t : texts) {
            Clause cl;
            cl.kind = ClauseKind::operative;
            cl.anchor = "op" + std::to_string(++n);
            cl.markdown = t;
            d.clauses.push_back(cl);
        }
        return d;
    };
    Diagnostics diags;
    std::vector<Document> docs = {doc("A/RES/1/1", {"Condemns the practice of kidnapping;", "Decides to remain seized of the matter."}),
                                  doc("A/RES/1/2", {"Welcomes the report on oceans and the law of the sea;"}),
                                  doc("A/RES/1/3", {"Condemns the practice of kidnapping in all its forms;"})};
    Corpus c = resolve(std::move(docs), diags);
    Alignment al = align_corpus(c);
    CHECK(al.scored == 1);  // op1 of 1/1 against op1 of 1/3; nothing against 1/2
    REQUIRE(al.pairs.size() == 1);
    CHECK(al.pairs[0].matches.size() == 1);
    CHECK_FALSE(al.pairs[0].matches[0].verbatim);
    CHECK(al.find(index_of(c, "A/RES/1/3"), index_of(c, "A/RES/1/1")) == &al.pairs[0]);
    CHECK(al.find(index_of(c, "A/RES/1/1"), index_of(c, "A/RES/1/2")) == nullptr);
}

TEST_CASE("each document's pairs and its clauses' links are read from the pairs", "[align]") {
    auto match = [](uint32_t a, uint32_t b, double similarity, bool verbatim = false) {
        ClauseMatch m;
        m.a = a;
        m.b = b;
        m.similarity = similarity;
        m.verbatim = verbatim;
        return m;
    };
    Alignment al;
    al.pairs = {{0, 1, {match(0, 2, 0.9), match(3, 1, 1.0, true)}},
                {0, 2, {match(0, 0, 0.5)}},
                {1, 2, {match(1, 4, 0.7)}}};
    al.index_pairs(4);  // document 3 shares nothing
    auto pairs_of = [&](size_t d) { return std::vector<uint32_t>(al.pairs_of(d).begin(), al.pairs_of(d).end()); };
    CHECK(pairs_of(0) == std::vector<uint32_t>{0, 1});
    CHECK(pairs_of(1) == std::vector<uint32_t>{0, 2});
    CHECK(pairs_of(2) == std::vector<uint32_t>{1, 2});
    CHECK(pairs_of(3).empty());
    CHECK(pairs_of(9).empty());

    using Link = std::tuple<uint32_t, uint32_t, double, bool>;  // document, clause, similarity, verbatim
    auto links = [&](size_t d, size_t clause) {
        std::vector<Link> out;
        const DocumentLinks all = al.links_of(d);
        for (const ClauseLink& l : all.of(clause)) out.push_back({l.document, l.clause, l.similarity, l.verbatim});
        return out;
    };
    CHECK(links(0, 0) == std::vector<Link>{{1, 2, 0.9, false}, {2, 0, 0.5, false}});
    CHECK(links(0, 1).empty());
    CHECK(links(0, 3) == std::vector<Link>{{1, 1, 1.0, true}});
    CHECK(links(0, 4).empty());
    CHECK(links(1, 1) == std::vector<Link>{{0, 3, 1.0, true}, {2, 4, 0.7, false}});
    CHECK(links(1, 2) == std::vector<Link>{{0, 0, 0.9, false}});
    CHECK(links(2, 0) == std::vector<Link>{{0, 0, 0.5, false}});
    CHECK(links(2, 4) == std::vector<Link>{{1, 1, 0.7, false}});
    CHECK(al.links_of(3).all.empty());
    CHECK(links(3, 0).empty());
}

TEST_CASE("a word is the same word however many words came between", "[align]") {
    // Words are numbered as they are first met; the same paragraph in the first and the last
    // text, with thousands of other words between, is the same paragraph.
    auto doc = [](const std::string& key, const std::string& text) {
        Document d;
        d.key = d.meta.symbol = key;
        d.meta.kind = "resolution";
        Clause cl;
        cl.kind = ClauseKind::operative;
        cl.anchor = "op1";
        cl.markdown = text;
        d.clauses.push_back(cl);
        return d;
    };
    const std::string shared = "Condemns kidnapping, hostage-taking and ransom demands of armed groups;";
    std::vector<Document> docs = {doc("A/RES/1/1", shared)};
    for (int d = 0; d < 40; ++d) {
        std::string words = "Notes";
        for (int w = 0; w < 100; ++w) words += " w" + std::to_string(d) + "x" + std::to_string(w);
        docs.push_back(doc("A/RES/2/" + std::to_string(d + 1), words + ";"));
    }
    docs.push_back(doc("A/RES/3/1", shared));
    Diagnostics diags;
    Corpus c = resolve(std::move(docs), diags);
    Alignment al = align_corpus(c);
    const DocumentAlignment* pair = al.find(index_of(c, "A/RES/1/1"), index_of(c, "A/RES/3/1"));
    REQUIRE(pair != nullptr);
    REQUIRE(pair->matches.size() == 1);
    CHECK(pair->matches[0].verbatim);
    CHECK(al.pairs.size() == 1);
}

TEST_CASE("check suggests the lineage a text shows but its front matter omits", "[align]") {
    SECTION("the seeds state their lineage: no note") {
        CHECK(suggest_lineage(seeds(), align_corpus(seeds())).empty());
    }
    SECTION("the Colombia draft without adopted_as reads as the draft of 59/154") {
        Corpus c = seeds();
        c.documents[index_of(c, "ccpcj-2004-colombia-draft")].meta.adopted_as.clear();
        Diagnostics notes = suggest_lineage(c, align_corpus(c));
        REQUIRE(notes.size() == 1);
        CHECK(notes[0].severity == Severity::note);
        CHECK(notes[0].path == "ccpcj-2004-colombia-draft.md");
        CHECK_THAT(notes[0].message, Contains("A/RES/59/154") && Contains("adopted_as: A/RES/59/154"));
        CHECK_THAT(format_diagnostic(notes[0]), Contains("ccpcj-2004-colombia-draft.md:1:1: note:"));
    }
}

TEST_CASE("a compare pair keeps its counts, not its rows, for the whole build", "[align][plan]") {
    const Corpus& c = seeds();
    const Alignment alignment = align_corpus(c);
    const auto pairs = compare_pairs(c, alignment, series_rank(c));
    REQUIRE(pairs.size() == 5);
    for (const auto& p : pairs) {
        INFO(p.path);
        const Comparison whole = compare_documents(c, alignment, p.before, p.after);
        CHECK(!whole.rows.empty());
        CHECK(p.comparison.rows.empty());
        CHECK(std::tuple(p.comparison.unchanged, p.comparison.amended, p.comparison.added, p.comparison.dropped) ==
              std::tuple(whole.unchanged, whole.amended, whole.added, whole.dropped));
        CHECK(summary_of(p.comparison) == summary_of(whole));
    }
}

TEST_CASE("document pages show each paragraph's genealogy, compare pages pair the texts", "[align][plan]") {
    const Corpus& c = seeds();
    const Alignment alignment = align_corpus(c);
    Plan plan = plan_site(c, alignment, SiteConfig{});
    // A page as it is rendered: outlines made whole.
    struct Made {
        resgen::json context;
    };
    auto page = [&](const std::string& path) -> Made {
        for (const auto& p : plan.pages)
            if (p.path == path) return {page_context(p).to_json()};
        FAIL("no page " << path);
        return {};
    };
    SECTION("one compare page per lineage pair and per successive pair, in the order of the series") {
        std::vector<std::string> compares;
        for (const auto& p : plan.pages)
            if (p.template_name == "compare") compares.push_back(p.path);
        CHECK(compares == std::vector<std::string>{
                              "compare/E_RES_2003_28__doc_ccpcj-2004-colombia-draft/index.html",
                              "compare/E_RES_2003_28__A_RES_59_154/index.html",
                              "compare/doc_ccpcj-2004-colombia-draft__A_RES_59_154/index.html",
                              "compare/A_RES_59_154__E_RES_2006_19/index.html",
                              "compare/E_RES_2006_19__E_RES_2009_24/index.html"});
        const auto made = page("compare/doc_ccpcj-2004-colombia-draft__A_RES_59_154/index.html");
        const auto& ctx = made.context;
        CHECK(ctx["summary"] == "16 paragraphs unchanged, 9 amended, 0 new, 0 dropped");
        CHECK(ctx["before"]["href"] == "../../doc/ccpcj-2004-colombia-draft/index.html");
        bool crisis = false;
        for (const auto& r : ctx["rows"])
            if (r["id"] == "c-op7d") {
                CHECK(r["change"] == "amended");
                CHECK_THAT(r["html"].get<std::string>(),
                           Contains("<del><span class=\"visually-hidden\">deleted: </span>Crisis</del>"));
                crisis = true;
            }
        CHECK(crisis);
    }
    SECTION("59/154 pp1: since E/RES/2003/28, carried into 2006/19 and 2009/24") {
        const auto made = page("A/RES/59/154/index.html");
        const auto& text = made.context["doc"]["text"];
        const resgen::json* pp1 = nullptr;
        for (const auto& j : text)
            if (j.value("anchor", "") == "pp1") pp1 = &j;
        REQUIRE(pp1);
        const auto& g = (*pp1)["genealogy"];
        CHECK(g["summary"] == "Language since E/RES/2003/28 pp1, in 4 other texts");
        CHECK(g["origin"]["href"] == "../../../../E/RES/2003/28/index.html#pp1");
        std::vector<std::string> order;
        for (const auto& e : g["entries"]) order.push_back(e["label"].get<std::string>() + ": " + e["change"].get<std::string>());
        CHECK(order == std::vector<std::string>{"E/RES/2003/28 pp1: with changes", "Commission draft resolution of 12 May 2004 pp1: word for word",
                                                "A/RES/59/154 pp1: this text", "E/RES/2006/19 pp1: with changes",
                                                "E/RES/2009/24 pp1: with changes"});
    }
    SECTION("2003/28 op10 carries language found nowhere else") {
        const auto made = page("E/RES/2003/28/index.html");
        for (const auto& j : made.context["doc"]["text"])
            if (j.value("anchor", "") == "op10") CHECK(j["genealogy"]["summary"] == "Language: only in this text");
    }
    SECTION("the timeline and both documents link the compare page") {
        auto links = [](const resgen::json& list) {
            std::vector<std::string> hrefs;
            for (const auto& l : list) hrefs.push_back(l["href"]);
            return hrefs;
        };
        CHECK_THAT(links(page("timeline/index.html").context["comparisons"]),
                   Catch::Matchers::VectorContains(std::string("../compare/doc_ccpcj-2004-colombia-draft__A_RES_59_154/index.html")));
        CHECK_THAT(links(page("A/RES/59/154/index.html").context["doc"]["comparisons"]),
                   Catch::Matchers::VectorContains(std::string("../../../../compare/doc_ccpcj-2004-colombia-draft__A_RES_59_154/index.html")));
        CHECK_THAT(links(page("doc/ccpcj-2004-colombia-draft/index.html").context["doc"]["comparisons"]),
                   Catch::Matchers::VectorContains(std::string("../../compare/doc_ccpcj-2004-colombia-draft__A_RES_59_154/index.html")));
    }
    SECTION("the same corpus plans the same pages") {
        Plan again = plan_site(c, alignment, SiteConfig{});
        REQUIRE(again.pages.size() == plan.pages.size());
        for (size_t i = 0; i < plan.pages.size(); ++i)
            CHECK(page_context(again.pages[i]).to_json().dump() == page_context(plan.pages[i]).to_json().dump());
    }
}

TEST_CASE("the built pages: genealogy under each paragraph, word diffs on the compare page", "[align][site]") {
    TempDir tmp;
    BuildOptions o;
    o.content_dir = std::filesystem::path(RESGEN_SOURCE_DIR) / "content";
    o.out_dir = tmp.path / "site";
    o.templates_dir = std::filesystem::path(RESGEN_SOURCE_DIR) / "templates";
    REQUIRE(build_site(o).ok);
    std::string doc = read_file(o.out_dir / "A/RES/59/154/index.html");
    CHECK_THAT(doc, Contains("<details class=\"genealogy\">\n<summary>Language since E/RES/2003/28 pp1, in 4 other texts</summary>"));
    size_t paragraphs = 0, details = 0;
    for (size_t p = 0; (p = doc.find("class=\"clause ", p)) != std::string::npos; ++p) ++paragraphs;
    for (size_t p = 0; (p = doc.find("<details class=\"genealogy\">", p)) != std::string::npos; ++p) ++details;
    CHECK(details == paragraphs);  // every paragraph and sub-paragraph has its genealogy
    std::string cmp = read_file(o.out_dir / "compare/doc_ccpcj-2004-colombia-draft__A_RES_59_154/index.html");
    CHECK_THAT(cmp, Contains("16 paragraphs unchanged, 9 amended, 0 new, 0 dropped."));
    CHECK_THAT(cmp, Contains("<del><span class=\"visually-hidden\">deleted: </span>Crisis</del> "
                             "<ins><span class=\"visually-hidden\">inserted: </span>Response to and</ins> management "
                             "<ins><span class=\"visually-hidden\">inserted: </span>of crises</ins>;"));
    CHECK_THAT(cmp, Contains("Requests the <del><span class=\"visually-hidden\">deleted: </span>Secretary-General</del> "
                             "<ins><span class=\"visually-hidden\">inserted: </span>United Nations Office on Drugs and Crime</ins>,"));
    std::string css = read_file(o.out_dir / "assets/style.css");
    CHECK_THAT(css.substr(css.rfind("@media print")), Contains(".genealogy { display: none"));
}

TEST_CASE("genealogies and compare rows show the same through their views as through their JSON", "[align][render]") {
    // A collection of 400 synthetic texts, whose language recurs in many: paragraphs with and
    // without an origin, lists cut at twelve texts, links to compare pages; compare pages with
    // every kind of row.
    TempDir tmp;
    const std::string synth = std::string(RESGEN_SYNTH) + " --count 400 --seed 5 --out " +
                              (tmp.path / "content").string() + " > /dev/null";
    REQUIRE(std::system(synth.c_str()) == 0);
    BuildOptions o;
    o.content_dir = tmp.path / "content";
    o.templates_dir = std::filesystem::path(RESGEN_SOURCE_DIR) / "templates";
    const Site site = make_site(o);
    REQUIRE_FALSE(has_errors(site.diagnostics));
    Diagnostics diags;
    const TemplateSet templates = load_templates({o.templates_dir}, diags);
    const Renderer renderer(templates, site.config);
    std::map<std::string, const std::string*> written;
    for (const auto& f : site.files) written[f.path] = &f.bytes;

    size_t pages = 0, views = 0, with_origin = 0, first_here = 0, cut = 0, compared = 0, compare_pages = 0;
    std::map<std::string, size_t> rows;  // by change label
    for (const Page& page : site.plan.pages) {
        if ((page.template_name != "document" && page.template_name != "compare") || !page.make_context) continue;
        const PageContext context = page_context(page);
        const json tree = context.to_json();
        views += context.views.size();
        for (const auto& row : tree.value("rows", json::array())) {
            ++rows[row["change_label"].get<std::string>()];
            CHECK(row["both"] == (!row["before_href"].get<std::string>().empty() && !row["after_href"].get<std::string>().empty()));
        }
        compare_pages += page.template_name == "compare";
        const json text = tree.contains("doc") ? tree["doc"].value("text", json::array()) : json::array();
        for (const auto& clause : text) {
            if (!clause.contains("genealogy")) continue;
            const json& g = clause["genealogy"];
            with_origin += !g["origin"].is_null();
            first_here += g["summary"].get<std::string>().rfind("Language first appears here", 0) == 0;
            cut += g["entries"].size() == 13;
            for (const auto& e : g["entries"]) compared += !e["compare_href"].get<std::string>().empty();
        }
        INFO(page.path);
        REQUIRE(written.count(page.path));
        CHECK(renderer.render(Page{page.path, page.template_name, tree, {}}) == *written[page.path]);
        ++pages;
    }
    CHECK(pages >= 400 + 300);
    CHECK(compare_pages > 300);
    for (const char* label : {"Unchanged", "Amended", "Amended: punctuation", "New", "Dropped"}) {
        INFO(label);
        CHECK(rows[label] > 0);
    }
    CHECK(views > 1000);
    CHECK(with_origin > 100);
    CHECK(first_here > 100);
    CHECK(cut > 10);
    CHECK(compared > 100);

    // The series itself, for the paragraphs synthetic texts lack: voices, a heading, editors'
    // notes, footnotes and their links back.
    BuildOptions series_options;
    series_options.content_dir = std::filesystem::path(RESGEN_SOURCE_DIR) / "content";
    series_options.templates_dir = o.templates_dir;
    const Site series = make_site(series_options);
    REQUIRE_FALSE(has_errors(series.diagnostics));
    const Renderer series_renderer(templates, series.config);
    std::map<std::string, size_t> seen;
    std::map<std::string, const std::string*> series_written;
    for (const auto& f : series.files) series_written[f.path] = &f.bytes;
    for (const Page& page : series.plan.pages) {
        if (page.template_name != "document" || !page.make_context) continue;
        const json tree = page_context(page).to_json();
        for (const char* list : {"text", "footnotes"})
            for (const auto& clause : tree["doc"].value(list, json::array())) {
                for (const auto& [key, value] : clause.items()) seen[key] += value != "" && value != json::array();
                for (const auto& sub : clause.value("subparagraphs", json::array()))
                    for (const auto& [key, value] : sub.items()) seen[key] += value != "";
            }
        INFO(page.path);
        REQUIRE(series_written.count(page.path));
        CHECK(series_renderer.render(Page{page.path, page.template_name, tree, {}}) == *series_written[page.path]);
    }
    for (const char* key : {"is_voice", "voice_html", "is_heading", "is_note", "is_footnote", "backref", "is_operative",
                            "subparagraphs", "is_subparagraph", "lead", "genealogy"}) {
        INFO(key);
        CHECK(seen[key] > 0);
    }
}

TEST_CASE("resgen check prints the lineage note", "[align][cli]") {
    TempDir tmp;
    std::filesystem::copy(std::filesystem::path(RESGEN_SOURCE_DIR) / "content", tmp.path / "content",
                          std::filesystem::copy_options::recursive);
    auto draft = tmp.path / "content" / "ccpcj-2004-colombia-draft.md";
    std::string text = read_file(draft), without;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("adopted_as:", 0) != 0) without += line + "\n";
    std::ofstream(draft) << without;
    std::string cmd = std::string(RESGEN_BINARY) + " check --content " + (tmp.path / "content").string() + " > " +
                      (tmp.path / "out.txt").string() + " 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);  // a note does not fail the check
    CHECK_THAT(read_file(tmp.path / "out.txt"),
               Contains("ccpcj-2004-colombia-draft.md:1:1: note: 25 of the 25 paragraphs of this text are carried in "
                        "A/RES/59/154") && Contains("state `adopted_as: A/RES/59/154`"));
}

// Hidden cases that print the alignment and the diffs of the seeds, for tuning the threshold:
//   resgen_tests "[.dump]"   (THRESHOLD=0.45 to try another)
TEST_CASE("dump diffs", "[.dump]") {
    const Corpus& c = seeds();
    Alignment al = align_corpus(c);
    for (auto [a, b] : {std::pair{"ccpcj-2004-colombia-draft", "A/RES/59/154"}, {"E/RES/2003/28", "A/RES/59/154"}, {"A/RES/59/154", "E/RES/2006/19"}}) {
        Comparison cmp = compare_keys(c, al, a, b);
        std::cout << a << " -> " << b << ": " << summary_of(cmp) << "\n";
        for (const auto& r : cmp.rows)
            std::cout << "  " << int(r.change) << " " << (r.before ? c.documents[cmp.before].clauses[*r.before].anchor : "-") << " "
                      << (r.after ? c.documents[cmp.after].clauses[*r.after].anchor : "-") << " " << render_diff(r.diff) << "\n";
    }
}

TEST_CASE("dump the alignment of the seeds", "[.dump]") {
    const Corpus& c = seeds();
    AlignOptions o;
    if (const char* t = std::getenv("THRESHOLD")) o.threshold = std::stod(t);
    Alignment al = align_corpus(c, o);
    for (const auto& p : al.pairs) {
        std::cout << c.documents[p.a].key << " <-> " << c.documents[p.b].key << "\n";
        for (const auto& m : p.matches)
            std::cout << "  " << c.documents[p.a].clauses[m.a].anchor << " ~ " << c.documents[p.b].clauses[m.b].anchor
                      << " " << m.similarity << (m.verbatim ? " verbatim" : "") << "\n";
        double sum = 0;
        for (const auto& m : p.matches) sum += m.similarity;
        auto units = [&](size_t d) {
            const auto& cl = c.documents[d].clauses;
            return double(std::count_if(cl.begin(), cl.end(), carries_language));
        };
        std::cout << "  mean similarity: " << sum / units(p.a) << " of the first, " << sum / units(p.b) << " of the second\n";
    }
    for (const auto& d : suggest_lineage(c, al)) std::cout << format_diagnostic(d) << "\n";
}
