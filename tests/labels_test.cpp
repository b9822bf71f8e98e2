// How a citation's pinpoint finds the paragraph it names in the document cited: each row is a
// pinpoint and the anchor it links to in one fixture text (a resolution in two parts, after a
// text that recommends a draft of its own).
#include <catch2/catch.hpp>

#include "load/source.hpp"
#include "parse/parse.hpp"
#include "plan/labels.hpp"

namespace {

resgen::Document parse(const std::string& body) {
    resgen::Diagnostics diags;
    const std::string front = "---\nsymbol: E/RES/2099/1\ntitle: t\nbody: Economic and Social Council\nkind: resolution\n---\n\n";
    resgen::Document doc = resgen::parse_document(resgen::split_source("a.md", front + body, diags), {}, diags);
    REQUIRE(diags.empty());
    return doc;
}

}  // namespace

TEST_CASE("a pinpoint links to the paragraph it names, in the document's own voice", "[labels]") {
    const resgen::Document doc = parse(
        "*The Economic and Social Council,*\n\n"
        "1. *Decides* to act;\n\n"
        "2. *Requests* a report:\n\n"
        "    (a) On one thing;\n\n"
        "    (b) On another;\n\n"
        "*Recommends* the following draft:\n\n"
        "*“The General Assembly,*\n\n"
        "“3. *Decides* to act too.”\n");
    const std::pair<const char*, const char*> rows[] = {
        {"paragraph 1", "op1"},
        {"para. 2", "op2"},
        {"paragraphs 2 and 3", "op2"},
        {"paragraph 2 (b)", "op2b"},
        {"paragraph 2 (c)", ""},       // no such sub-paragraph
        {"paragraph 3", ""},           // the quoted draft's, another voice
        {"paragraph 9", ""},           // no such paragraph
        {"annex I, paragraph 1", ""},  // an annex numbers its own paragraphs
        {"annex I", ""},
        {"part B, paragraph 1", ""},   // no such part
    };
    for (const auto& [pinpoint, anchor] : rows) {
        INFO(pinpoint);
        CHECK(resgen::anchor_of_place(doc, pinpoint) == anchor);
    }
}

TEST_CASE("a pinpoint with a part links to the paragraph under that part's heading", "[labels]") {
    const resgen::Document doc = parse(
        "## A\n\n### The first part's title\n\n*The Economic and Social Council,*\n\n1. *Decides* to act;\n\n"
        "2. *Requests* a report;\n\n"
        "## B\n\n### The second part's title\n\n*The Economic and Social Council,*\n\n1. *Welcomes* the report;\n\n"
        "2. *Decides* to act again:\n\n    (a) Soon;\n");
    const std::pair<const char*, const char*> rows[] = {
        {"paragraph 1", "op1"},
        {"part A, paragraph 2", "op2"},
        {"part B, paragraph 1", "op1-2"},
        {"part B, paragraph 2 (a)", "op2-2a"},
        {"sect. B, para. 2", "op2-2"},
        {"part C, paragraph 1", ""},
        {"part B", ""},
    };
    for (const auto& [pinpoint, anchor] : rows) {
        INFO(pinpoint);
        CHECK(resgen::anchor_of_place(doc, pinpoint) == anchor);
    }
}

TEST_CASE("an item under a paragraph without a number is named by its letter", "[labels]") {
    // A decision's opening sentence; an unnumbered operative paragraph, whose anchor is made of
    // its words, whatever they start with.
    for (const std::string opening :
         {"At its 45th plenary meeting, the Economic and Social Council:", "*Recommends* the following:",
          "*Opposes* the following:"}) {
        INFO(opening);
        resgen::Diagnostics diags;
        const std::string text = "---\nsymbol: E/DEC/2099/1\ntitle: t\nbody: Economic and Social Council\nkind: "
                                 "decision\n---\n\n" + opening + "\n\n(a) Took note of it;\n";
        const resgen::Document doc = resgen::parse_document(resgen::split_source("d.md", text, diags), {}, diags);
        REQUIRE(doc.clauses.size() == 2);
        CHECK(resgen::clause_label(doc.clauses[1]) == "paragraph (a)");
    }
    const resgen::Document numbered = parse("1. *Decides*:\n\n    (a) To act;\n");
    CHECK(resgen::clause_label(numbered.clauses[1]) == "paragraph 1 (a)");
}
