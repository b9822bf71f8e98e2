// Clause segmentation: each document of the series cut into its paragraphs, with anchors,
// opening phrases and voices as the official text has them.
#include <catch2/catch.hpp>

#include <random>

#include "load/source.hpp"
#include "markdown/markdown.hpp"
#include "model/organ.hpp"
#include "parse/parse.hpp"

using namespace resgen;

namespace {

Document parse_content(const std::string& name) {
    Diagnostics diags;
    Source src = split_source(name, read_file(std::string(RESGEN_SOURCE_DIR) + "/content/" + name), diags);
    Document doc = parse_document(src, {}, diags);
    for (const auto& d : diags) UNSCOPED_INFO(format_diagnostic(d));
    CHECK(diags.empty());
    return doc;
}

Document parse_text(const std::string& text, Diagnostics& diags) {
    return parse_document(split_source("t.md", text, diags), {}, diags);
}

// The front matter of a General Assembly resolution, for texts whose paragraphs are the test.
const std::string kAssemblyResolution = "---\nsymbol: A/RES/1/1\ntitle: T\nbody: General Assembly\nkind: resolution\n---\n";

// "pp1 pp2 ... op1 op1a ..." of the clauses that have an anchor.
std::string anchors(const Document& doc) {
    std::string out;
    for (const auto& c : doc.clauses)
        if (!c.anchor.empty()) out += (out.empty() ? "" : " ") + c.anchor;
    return out;
}

const Clause& at(const Document& doc, const std::string& anchor) {
    for (const auto& c : doc.clauses)
        if (c.anchor == anchor) return c;
    FAIL("no clause " << anchor);
    throw;
}

// A clause as plain text, as the search index and the alignment read it.
std::string plain(const Clause& c) { return markdown::plain_text(c.markdown); }

}  // namespace

TEST_CASE("ECOSOC 2003/28 is cut into 7 preambular and 10 operative paragraphs", "[parse]") {
    Document doc = parse_content("E-RES-2003-28.md");
    CHECK(doc.key == "E/RES/2003/28");
    CHECK(doc.meta.date == "2003-07-22");
    CHECK(doc.meta.meeting == "44th plenary meeting");
    CHECK(anchors(doc) == "pp1 pp2 pp3 pp4 pp5 pp6 pp7 op1 op2 op3 op4 op5 op6 op7 op8 op9 op10 fn1 fn2 fn3");
    CHECK(at(doc, "pp6").phrase == "Convinced also");
    CHECK(at(doc, "pp7").phrase == "Recalling");
    CHECK(at(doc, "op10").phrase == "Also requests");
    CHECK(at(doc, "op1").voice == "Economic and Social Council");
    CHECK(plain(at(doc, "pp4")).find("money-laundering") != std::string::npos);
}

TEST_CASE("GA 59/154 has sub-paragraphs (a) to (h) and a footnote whose text is lost", "[parse]") {
    Document doc = parse_content("A-RES-59-154.md");
    CHECK(doc.meta.meeting.empty());  // not stated by any source
    CHECK(anchors(doc) ==
          "pp1 pp2 pp3 pp4 pp5 pp6 pp7 op1 op2 op3 op4 op5 op6 op7 op7a op7b op7c op7d op7e op7f op7g op7h "
          "op8 op8a op8b fn1 fn2");
    CHECK(plain(at(doc, "op7d")) == "Response to and management of crises;");
    CHECK(at(doc, "op7d").parent == "op7");
    CHECK(at(doc, "fn1").kind == ClauseKind::note);  // an editor's note stands in for the lost text
    CHECK(at(doc, "fn2").kind == ClauseKind::footnote);
    CHECK(at(doc, "pp7").voice == "General Assembly");
}

TEST_CASE("ECOSOC 2006/19 changes voice inside the draft it recommends", "[parse]") {
    Document doc = parse_content("E-RES-2006-19.md");
    CHECK(anchors(doc) == "recommends pp1 pp2 pp3 pp4 pp5 pp6 pp7 op1 op2 op3 op4 op5 op6 op7 fn1 fn2");
    CHECK(at(doc, "recommends").voice == "Economic and Social Council");
    CHECK(at(doc, "recommends").kind == ClauseKind::operative);
    CHECK(at(doc, "pp6").voice == "General Assembly");
    CHECK(at(doc, "pp6").phrase == "Recalling");
    CHECK(at(doc, "op1").lead == "\xE2\x80\x9C");  // the draft's opening quotation mark
    CHECK(at(doc, "fn1").voice == "General Assembly");  // called from the draft
    // The clauses of one voice line share its text, and the footnote its caller's.
    CHECK(&at(doc, "pp6").voice.name() == &at(doc, "op1").voice.name());
    CHECK(&at(doc, "fn1").voice.name() == &at(doc, "pp6").voice.name());
    CHECK(&at(doc, "recommends").voice.name() != &at(doc, "pp6").voice.name());
    // "its resolution 59/154" inside the draft is the Assembly's.
    REQUIRE(at(doc, "pp6").citations.size() == 1);
    CHECK(at(doc, "pp6").citations[0].target == "A/RES/59/154");
    CHECK(at(doc, "pp6").citations[0].recalls);
}

TEST_CASE("ECOSOC 2009/24 recalls two resolutions of the Assembly", "[parse]") {
    Document doc = parse_content("E-RES-2009-24.md");
    CHECK(doc.meta.date.empty());
    CHECK(anchors(doc) ==
          "pp1 pp2 pp3 pp4 pp5 pp6 pp7 pp8 op1 op2 op3 op4 op5 op6 op7 op8 op8a op8b op8c op9 op10 fn1");
    CHECK(plain(at(doc, "pp3")).find("trafficking in firearms") != std::string::npos);
    CHECK(plain(at(doc, "op5")).find("justice system") != std::string::npos);
}

TEST_CASE("the 2004 draft is known by its id and opens with the Commission's framing sentence", "[parse]") {
    Document doc = parse_content("ccpcj-2004-colombia-draft.md");
    CHECK(doc.key == "ccpcj-2004-colombia-draft");
    CHECK(doc.meta.symbol.empty());
    CHECK(doc.meta.adopted_as == "A/RES/59/154");
    CHECK(doc.meta.sponsors == std::vector<std::string>{"Colombia"});
    REQUIRE(doc.clauses.size() > 3);
    CHECK(doc.clauses[0].kind == ClauseKind::text);
    CHECK(doc.clauses[0].voice == "Commission on Crime Prevention and Criminal Justice");
    CHECK(doc.clauses[1].kind == ClauseKind::heading);
    CHECK(doc.clauses[2].kind == ClauseKind::voice);
    CHECK(plain(at(doc, "op7d")) == "Crisis management;");
    CHECK(at(doc, "pp1").voice == "General Assembly");
}

TEST_CASE("paragraph kinds are recognised with and without emphasis", "[parse]") {
    Diagnostics diags;
    Document doc = parse_text(
        kAssemblyResolution +
        "The General Assembly,\n\n"
        "Recalling also its resolution 59/154,\n\n"
        "Deeply concerned at something,\n\n"
        "1. Decides to act;\n\n"
        "   (a) first;\n\n"
        "   (b) second;\n\n"
        "> An editor's remark.\n\n"
        "2. *Requests* the Secretary-General[^1] to report;\n\n"
        "[^1]: See A/59/100.\n",
        diags);
    CHECK(diags.empty());
    CHECK(anchors(doc) == "pp1 pp2 op1 op1a op1b op2 fn1");
    CHECK(at(doc, "pp1").phrase == "Recalling also");
    CHECK(at(doc, "pp2").phrase == "Deeply concerned");
    CHECK(at(doc, "op2").phrase == "Requests");
    CHECK(plain(at(doc, "op2")) == "Requests the Secretary-General to report;");
    const Clause& note = doc.clauses[6];
    CHECK(note.kind == ClauseKind::note);
    CHECK(note.parent == "op1b");
    CHECK(doc.clauses[0].line == 7);
    CHECK(at(doc, "op1a").line == 15);
    CHECK(at(doc, "op1a").column == 4);
}

TEST_CASE("site.yml extends the table of preambular phrases", "[parse]") {
    Diagnostics diags;
    Source src = split_source("t.md",
                              "---\nid: x\ntitle: T\nbody: General Assembly\nkind: draft\n---\n"
                              "*In the light of* the progress made,\n",
                              diags);
    CHECK(parse_document(src, {}, diags).clauses[0].kind == ClauseKind::operative);  // unknown phrase
    CHECK(parse_document(src, ParseOptions{{"In the light of"}}, diags).clauses[0].kind == ClauseKind::preambular);
}

// What a "Recalling" clause cites first is what it recalls; so it is for the other forms of the
// word, preambular or operative.
TEST_CASE("every form of 'recalling' recalls", "[parse]") {
    Diagnostics diags;
    Document doc = parse_text(
        kAssemblyResolution +
        "*The General Assembly,*\n\n"
        "*Recalling* its resolution 59/154,\n\n"
        "*Further recalling* its resolution 60/1,\n\n"
        "*Noting* its resolution 61/1,\n\n"
        "1. *Also recalls* its resolution 62/1;\n\n"
        "2. *Requests* a report pursuant to its resolution 63/1.\n",
        diags);
    CHECK(diags.empty());
    std::vector<std::pair<std::string, bool>> read;
    for (const auto& c : doc.clauses)
        for (const auto& cit : c.citations) read.push_back({cit.target, cit.recalls});
    CHECK(read == std::vector<std::pair<std::string, bool>>{{"A/RES/59/154", true},
                                                            {"A/RES/60/1", true},
                                                            {"A/RES/61/1", false},
                                                            {"A/RES/62/1", true},
                                                            {"A/RES/63/1", false}});
}

// An organ resgen does not know still speaks its own document: its voice line is a voice line,
// not an unnumbered paragraph, however long its name; and so does a speaker named wholly in
// emphasis.
TEST_CASE("the voice line of an organ resgen does not know is read when it is the document's body or emphasised whole",
          "[parse]") {
    for (const std::string body : {"Commission on Narcotic Drugs",
                                   "Conference of the Parties to the United Nations Convention against Transnational "
                                   "Organized Crime"}) {
        INFO(body);
        Diagnostics diags;
        Document doc = parse_text("---\nid: x\ntitle: T\nbody: " + body + "\nkind: resolution\n---\n*The " + body +
                                      ",*\n\n*Recalling* the Convention,\n\n1. *Decides* to act.\n",
                                  diags);
        CHECK(diags.empty());
        CHECK(anchors(doc) == "pp1 op1");
        CHECK(doc.clauses[0].kind == ClauseKind::voice);
        CHECK(doc.clauses[0].voice.name() == body);
    }
    // Another speaker named wholly in emphasis speaks too: the States declaring what a
    // resolution annexes. A line only partly emphasised, or not a name, is not a voice line.
    Diagnostics diags;
    Document doc = parse_text("---\nid: x\ntitle: T\nbody: General Assembly\nkind: resolution\n---\n"
                              "*The General Assembly,*\n\n1. *Adopts* the Declaration annexed;\n\n## Annex\n\n"
                              "*The States Members of the United Nations,*\n\n*Affirming* the Charter,\n\n"
                              "*The Commission* on Narcotic Drugs,\n\n*The representatives of States,*\n",
                              diags);
    REQUIRE(doc.clauses.size() == 7);
    CHECK(doc.clauses[3].kind == ClauseKind::voice);
    CHECK(doc.clauses[4].voice.name() == "States Members of the United Nations");
    CHECK(doc.clauses[5].kind != ClauseKind::voice);
    CHECK(doc.clauses[6].kind != ClauseKind::voice);
}

// No table lists every phrase a preamble may open with; those it lacks are participles or
// adjectives, which no operative phrase is.
TEST_CASE("an emphasized phrase no table lists is read by its form", "[parse]") {
    Diagnostics diags;
    Document doc = parse_text(
        kAssemblyResolution +
        "*The General Assembly,*\n\n"
        "*Appalled* by the number of victims,\n\n"
        "*Deeply disturbed* by the reports,\n\n"
        "*Anxious* to strengthen cooperation,\n\n"
        "*Hoping* for progress,\n\n"
        "*Strongly urges* States to act;\n\n"
        "*Invites* Member States to report;\n\n"
        "1. *Decides* to remain seized of the matter.\n",
        diags);
    CHECK(diags.empty());
    CHECK(anchors(doc) == "pp1 pp2 pp3 pp4 strongly-urges invites op1");
    CHECK(at(doc, "pp1").phrase == "Appalled");
    CHECK(at(doc, "pp2").phrase == "Deeply disturbed");
    CHECK(at(doc, "pp3").phrase == "Anxious");
    CHECK(at(doc, "pp4").phrase == "Hoping");
    for (std::string_view operative : {"Decides", "Requests", "Strongly condemns", "Also invites", "Further decides",
                                       "Calls upon", "Takes note", "Expresses its appreciation", "Recommends"})
        CHECK_FALSE(has_preambular_form(operative));
    for (std::string_view preambular : {"Gravely alarmed", "Seriously concerned", "Mindful also", "Being convinced",
                                        "Having adopted", "Most deeply regretting", "Fully cognizant"})
        CHECK(has_preambular_form(preambular));
}

// The Security Council opens with preambular phrases of its own: "Acting under Chapter VII"
// is a preambular paragraph, not an operative one.
TEST_CASE("the Security Council's preambular phrases are known", "[parse]") {
    Diagnostics diags;
    Document doc = parse_text(
        "---\nsymbol: S/RES/2133(2014)\ntitle: T\nbody: Security Council\nkind: resolution\n---\n"
        "*The Security Council,*\n\n"
        "*Determining* that the situation constitutes a threat,\n\n"
        "*Condemning* in the strongest terms the incidents,\n\n"
        "*Acting* under Chapter VII of the Charter of the United Nations,\n\n"
        "1. *Decides* to remain seized of the matter.\n",
        diags);
    CHECK(diags.empty());
    CHECK(anchors(doc) == "pp1 pp2 pp3 op1");
    CHECK(at(doc, "pp3").phrase == "Acting");
}

// Its symbols are printed with a space before the year and without; the key is the form its
// citations name, so that "resolution 2133 (2014)" finds the document and not a stub.
TEST_CASE("a Security Council symbol printed with a space is keyed without it", "[parse]") {
    for (const char* written : {"S/RES/2133 (2014)", "S/RES/2133(2014)", "\"S/RES/2133 (2014)\""}) {
        INFO(written);
        Diagnostics diags;
        Document doc = parse_text(std::string("---\nsymbol: ") + written +
                                      "\ntitle: T\nbody: Security Council\nkind: resolution\nadopted_as: S/RES/1 (2000)\n---\n"
                                      "*Noting* it,\n",
                                  diags);
        for (const auto& d : diags) UNSCOPED_INFO(format_diagnostic(d));
        CHECK(diags.empty());
        CHECK(doc.key == "S/RES/2133(2014)");
        CHECK(doc.meta.symbol == "S/RES/2133(2014)");
        CHECK(doc.meta.adopted_as == "S/RES/1(2000)");
    }
    CHECK(canonical_symbol("A/RES/59/154") == "A/RES/59/154");
    CHECK(canonical_symbol("S/RES/1373 (2001)") == "S/RES/1373(2001)");
    // What is not a symbol is left for valid_symbol to refuse.
    Diagnostics diags;
    parse_text("---\nsymbol: S/RES/2133 2014\ntitle: T\nbody: Security Council\nkind: resolution\n---\n", diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].message.find("malformed symbol") == 0);
}

// "(i)" is an item of the lettered sub-paragraph above it, or the letter after "(h)", or, in a
// list that opens with it or under an unnumbered paragraph, a sub-paragraph of its own.
TEST_CASE("items in roman figures belong to the lettered sub-paragraph above them", "[parse]") {
    Diagnostics diags;
    std::string text = kAssemblyResolution +
                       "1. *Decides* that States shall:\n\n(a) Cooperate, including by:\n\n(i) Sharing;\n\n"
                       "(ii) Assisting;\n\n(b) Report;\n\n";
    for (const char* letter : {"c", "d", "e", "f", "g", "h", "i"}) text += std::string("(") + letter + ") More;\n\n";
    text += "(j) Also:\n\n(iv) Fourth, as the text numbers it;\n\n"
            "2. *Requests*:\n\n(i) One;\n\n(ii) Two;\n\n*Recommends*:\n\n(a) Act, by:\n\n(i) Acting;\n";
    Document doc = parse_text(text, diags);
    CHECK(diags.empty());
    CHECK(anchors(doc) == "op1 op1a op1ai op1aii op1b op1c op1d op1e op1f op1g op1h op1i op1j op1jiv "
                          "op2 op2i op2ii recommends recommendsa recommendsi");
    CHECK(at(doc, "op1ai").parent == "op1a");
    CHECK(at(doc, "op1ai").number == "i");
    CHECK(at(doc, "op1aii").parent == "op1a");
    CHECK(at(doc, "op1b").parent == "op1");
    CHECK(at(doc, "op1i").parent == "op1");   // the letter after (h)
    CHECK(at(doc, "op1jiv").parent == "op1j");
    CHECK(at(doc, "op2ii").parent == "op2");  // a list in roman figures
    // An unnumbered paragraph's sub-paragraphs keep one level.
    CHECK(at(doc, "recommendsi").parent == "recommends");
    CHECK(is_item(at(doc, "op1ai")));
    CHECK_FALSE(is_item(at(doc, "op1i")));
    CHECK_FALSE(is_item(at(doc, "op2i")));
    // "(i)" after "(h)" is read as a letter until "(ii)" shows it was an item of (h).
    Document h = parse_text("---\nid: x\ntitle: T\nbody: General Assembly\nkind: draft\n---\n1. *Decides*:\n\n"
                            "(a) A;\n\n(b) B;\n\n(c) C;\n\n(d) D;\n\n(e) E;\n\n(f) F;\n\n(g) G;\n\n"
                            "(h) H, by:\n\n(i) one;\n\n(ii) two;\n\n(i) The letter i;\n",
                            diags);
    CHECK(diags.empty());
    CHECK(anchors(h) == "op1 op1a op1b op1c op1d op1e op1f op1g op1h op1hi op1hii op1i");
    CHECK(at(h, "op1hi").parent == "op1h");
    CHECK(at(h, "op1i").parent == "op1");
    CHECK(split_parent("op12ab").paragraph == "op12");
    CHECK(split_parent("op12ab").letter == "ab");
    CHECK(split_parent("op12").letter.empty());
    CHECK(split_parent("op1-2").letter.empty());
    CHECK(split_parent("op1-2a").paragraph == "op1-2");  // a second numbered sequence
    CHECK(split_parent("op1-2a").letter == "a");
    CHECK(split_parent("op1-a").letter.empty());
    CHECK(split_parent("opposes").letter.empty());
}

// Paragraphs are recognised from their start, read only as far as the longest voice or phrase.
TEST_CASE("a paragraph is known by its start, however long it or its phrase is", "[parse]") {
    const std::string front = "---\nid: x\ntitle: T\nbody: General Assembly\nkind: draft\n---\n";
    const std::string long_text(10000, 'x');
    Diagnostics diags;
    // The longest organ's name is the longest voice: read whole, emphasis and all.
    Source src = split_source("t.md",
                              front + "*The Commission on Crime Prevention and Criminal Justice,*\n\n"
                              "Recalling " + long_text + ",\n\n"
                              "The Commission on Crime Prevention and Criminal Justice, too,\n",
                              diags);
    Document doc = parse_document(src, {}, diags);
    REQUIRE(doc.clauses.size() == 3);
    CHECK(doc.clauses[0].kind == ClauseKind::voice);
    CHECK(doc.clauses[1].voice == "Commission on Crime Prevention and Criminal Justice");
    CHECK(doc.clauses[1].phrase == "Recalling");
    CHECK(doc.clauses[2].kind != ClauseKind::voice);  // more than a voice

    // A phrase of site.yml longer than any voice is read whole, and the character after it.
    const std::string phrase(300, 'W');
    src = split_source("t.md", front + phrase + " " + long_text + ",\n\n" + phrase + "W " + long_text + ",\n", diags);
    doc = parse_document(src, ParseOptions{{phrase}}, diags);
    REQUIRE(doc.clauses.size() == 2);
    CHECK(doc.clauses[0].phrase == phrase);
    CHECK(doc.clauses[1].kind != ClauseKind::preambular);  // the phrase runs on into a longer word
    CHECK(diags.empty());
}

TEST_CASE("front matter errors name the line and column", "[parse]") {
    struct Case {
        const char* text;
        const char* message;
        int line;
    };
    const std::vector<Case> cases = {
        {"---\ntitle: T\nbody: B\nkind: resolution\n---\n", "missing symbol", 2},
        {"---\nsymbol: A/RES/../1\ntitle: T\nbody: B\nkind: resolution\n---\n", "malformed symbol", 2},
        {"---\nsymbol: A/RES//1\ntitle: T\nbody: B\nkind: resolution\n---\n", "empty segment", 2},
        {"---\nsymbol: A/RES/1\ntitle: T\nbody: B\nkind: resolution\ndate: 2003-02-30\n---\n", "not a real date", 6},
        {"---\nsymbol: A/RES/1\ntitle: T\nbody: B\nkind: resolution\nsesion: x\n---\n", "did you mean 'session'", 6},
        {"---\nsymbol: A/RES/1\ntitle: [unclosed\n---\n", "not valid YAML", 4},  // where the parser finds it unclosed
        {"---\nsymbol: A/RES/1\ntitle: T\n", "unterminated front matter", 1},
        {"no front matter\n", "missing front matter", 1},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        Diagnostics diags;
        parse_document(split_source("bad.md", c.text, diags), {}, diags);
        auto it = std::find_if(diags.begin(), diags.end(), [&](const Diagnostic& d) {
            return d.message.find(c.message) != std::string::npos;
        });
        REQUIRE(it != diags.end());
        CHECK(it->line == c.line);
        CHECK(it->path == "bad.md");
    }
}

namespace {

// How each reader takes a front matter: its entries, "invalid" (yaml-cpp throws), "not a
// mapping", or "left to yaml-cpp" (the line reader declines).
std::string shown(const std::optional<std::vector<FrontMatterEntry>>& entries) {
    if (!entries) return "not a mapping";
    std::string out;
    for (const auto& e : *entries) {
        out += e.key + "@" + std::to_string(e.key_line) + ":" + std::to_string(e.key_column) + " " +
               std::to_string(static_cast<int>(e.shape)) + "@" + std::to_string(e.line) + ":" + std::to_string(e.column);
        for (const auto& v : e.values) out += " [" + v + "]";
        out += "\n";
    }
    return out;
}

std::string by_yaml_cpp(const std::string& yaml) {
    try {
        return shown(front_matter_by_yaml_cpp(yaml));
    } catch (const std::exception&) {
        return "invalid";
    }
}

std::string by_lines(const std::string& yaml) {
    auto entries = front_matter_by_lines(yaml);
    return entries ? shown(entries) : "left to yaml-cpp";
}

}  // namespace

TEST_CASE("front matter read line by line is what yaml-cpp reads, or is left to it", "[parse]") {
    std::vector<std::string> samples = {
        "symbol: A/RES/59/154\ntitle: International cooperation, in the prevention\nbody: General Assembly\n",
        "agenda_item: \"92\"\nsponsors: [Colombia, Mexico]\ndate: 2004-05-12\n",
        "sponsors: []\ntags: [ a ,b ]\ntitle: 'single'\nbody:   spaced out   \n",
        "title: C\xC3\xB4te d\xE2\x80\x99Ivoire \xE2\x80\x9C\x71uoted\xE2\x80\x9D\n\nkind: draft"};
    for (const auto& s : samples) CHECK(by_lines(s) != "left to yaml-cpp");
    // Left to yaml-cpp: a comment, a null, an escape, a nested collection, a block scalar, an
    // anchor, a tag, a tab, a carriage return, indentation, a key twice, text that is not
    // UTF-8 or holds a character some readers take for a line break, or no valid YAML at all.
    const std::vector<std::string> left = {
        "title: a: b\n", "title: a #comment\n", "title: a#b\n", "title: ~\n", "title: null\n", "title:\n",
        "title: \"a \\\" b\"\n", "title: 'it''s'\n", "title: [a, [b]]\n", "title: {a: b}\n", "title: - a\n",
        "title: a\n  continued\n", " title: indented\n", "title: a\r\n", "title: a\tb\n", "title: &x a\n",
        "title: *x\n", "title: !tag a\n", "title: |\n  block\n", "title: a\ntitle: b\n", "null: a\n",
        "title: \"unclosed\n", "title: [unclosed\n", "title: [a,,b]\n", "title: [a,]\n", "# comment\ntitle: a\n",
        "title : a\n", "title:a\n", "---\ntitle: a\n", "title: a\xC2\x85\x62\n", "\xEF\xBB\xBFtitle: a\n",
        "title: bad \xFF byte\n", "", "\n", "just text\n", "title: a]\n", "title: 'a' b\n", "title: [a] b\n",
        "title: a:\n", "ti-tle: a\n", "title: ?a\n", "title: %a\n", "title: @a\n", "title: `a\n", "title: >a\n",
    };
    for (const auto& s : left) {
        INFO(s);
        CHECK(by_lines(s) == "left to yaml-cpp");
        samples.push_back(s);
    }
    for (const std::string name : {"A-RES-59-154.md", "E-RES-2003-28.md", "E-RES-2006-19.md", "E-RES-2009-24.md",
                                   "ccpcj-2004-colombia-draft.md"}) {
        Diagnostics diags;
        const std::string front = split_source(name, read_file(std::string(RESGEN_SOURCE_DIR) + "/content/" + name), diags).front_matter;
        INFO(name);
        CHECK(by_lines(front) != "left to yaml-cpp");  // the series' own files take the short way
        samples.push_back(front);
    }
    // And lines of the pieces those forms are made of, at random (a fixed seed): most of them
    // clean (a key, ": ", then plain words, a quoted text or a list), the others of any pieces.
    const char* keys[] = {"title", "tags", "sponsors", "a_1", "null", "ti tle", "", " title", "#"};
    const char* colons[] = {": ", ":  ", ":", " : ", ":\t"};
    const char* words[] = {"a", "b c", " ", "2004-05-12", "92", ",", "\xE2\x80\x9C", "\xC3\xB4", "A/RES/59/154"};
    const char* values[] = {"", "'a b'", "\"a\"", "[a, b c]", "[]", "[ a ]"};
    const char* pieces[] = {"a", "b c", " ", "  ", "'", "\"", "[", "]", ",", ", ", "#", " #", ":", ": ", "~", "null",
                            "-", "- ", "{", "}", "\\", "\t", "92", "\xE2\x80\x9C", "&", "*", "!", "?", "|", ">", "%",
                            "@", "`", "\xC3\xB4"};
    std::mt19937 random(11);
    auto pick = [&](const auto& list, size_t among) { return list[random() % among]; };
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (size_t line = 1 + random() % 3; line > 0; --line) {
            const bool clean = random() % 4 != 0;
            s += pick(keys, clean ? 4 : std::size(keys));
            s += pick(colons, clean ? 2 : std::size(colons));
            if (clean) {
                s += pick(values, std::size(values));
                for (size_t k = random() % 4; k > 0; --k) s += pick(words, std::size(words));
            } else {
                for (size_t k = random() % 6; k > 0; --k) s += pick(pieces, std::size(pieces));
            }
            if (line > 1 || random() % 2) s += "\n";
        }
        samples.push_back(std::move(s));
    }
    size_t read = 0;
    for (const auto& s : samples) {
        INFO(s);
        const std::string lines = by_lines(s);
        if (lines == "left to yaml-cpp") continue;
        ++read;
        CHECK(lines == by_yaml_cpp(s));
    }
    CHECK(read > 1000);
}

TEST_CASE("front matter in the plain subset gives the same metadata and errors as through yaml-cpp", "[parse]") {
    // The same front matter twice: as written, which the line reader takes, and with a comment
    // line at its end, which leaves every entry where it was but sends it to yaml-cpp. Between
    // them: a bad symbol, a quoted value, a list, a bad date, a bad kind and an unknown key.
    const std::string lines =
        "symbol: A/RES//1\ntitle: T\nbody: B\nkind: resolutin\nagenda_item: \"92\"\nsponsors: [Colombia, Peru]\n"
        "date:  2003-02-30\nsesion: x\n";
    const std::string text = "---\n" + lines + "---\n";
    const std::string commented = "---\n" + lines + "# reviewed\n---\n";
    Diagnostics split_diags;
    const Source plain = split_source("bad.md", text, split_diags);
    const Source through_yaml_cpp = split_source("bad.md", commented, split_diags);
    REQUIRE(split_diags.empty());
    REQUIRE(front_matter_by_lines(plain.front_matter));
    REQUIRE_FALSE(front_matter_by_lines(through_yaml_cpp.front_matter));

    Diagnostics by_lines_diags, by_yaml_diags;
    const Metadata m = parse_front_matter(plain, by_lines_diags);
    CHECK(m == parse_front_matter(through_yaml_cpp, by_yaml_diags));
    std::vector<std::string> by_lines_messages, by_yaml_messages;
    for (const auto& d : by_lines_diags) by_lines_messages.push_back(format_diagnostic(d));
    for (const auto& d : by_yaml_diags) by_yaml_messages.push_back(format_diagnostic(d));
    CHECK(by_lines_messages == by_yaml_messages);

    CHECK(m.agenda_item == "92");
    CHECK(m.sponsors == std::vector<std::string>{"Colombia", "Peru"});
    CHECK(m.date == "2003-02-30");
    REQUIRE(by_lines_messages.size() == 4);
    CHECK(by_lines_messages[0].rfind("bad.md:2:9: error: malformed symbol", 0) == 0);
    CHECK(by_lines_messages[1].rfind("bad.md:5:7: error: unknown kind", 0) == 0);
    CHECK(by_lines_messages[2].rfind("bad.md:8:8: error: '2003-02-30' is not a real date", 0) == 0);
    CHECK(by_lines_messages[3].rfind("bad.md:9:1: warning: unknown key 'sesion'", 0) == 0);
}

// A decision opens with a sentence that ends in a colon, and its lettered items stand under it.
// Lettered items after any other text stand under nothing, and are warned about.
TEST_CASE("a decision's lettered items stand under the text that opens them", "[parse]") {
    Diagnostics diags;
    Document doc = parse_text("---\nsymbol: E/DEC/1/1\ntitle: T\nbody: Economic and Social Council\nkind: decision\n---\n"
                              "At its 45th plenary meeting, on 21 July 2099, the Economic and Social Council:\n\n"
                              "(a) Took note of the report;\n\n(b) Approved the agenda.\n",
                              diags);
    CHECK(diags.empty());
    CHECK(anchors(doc) == "p1 p1a p1b");
    CHECK(at(doc, "p1b").parent == "p1");

    Diagnostics orphan;
    doc = parse_text(kAssemblyResolution + "Some text.\n\n(a) An item;\n", orphan);
    CHECK(anchors(doc) == "p1 pa");
    REQUIRE(orphan.size() == 1);
    CHECK(orphan[0].message == "sub-paragraph (a) has no operative paragraph before it");
}
