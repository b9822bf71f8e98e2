// The citation forms of the series, and forms that must not match: each row is a text, the
// voice it is spoken in, and the targets it must resolve to, in order.
#include <catch2/catch.hpp>

#include "cite/cite.hpp"

using resgen::CiteContext;
using resgen::find_citations;

namespace {

const std::string GA = "General Assembly";
const std::string ECOSOC = "Economic and Social Council";

std::vector<std::string> targets(const std::string& text, const std::string& voice, bool recalling = false) {
    std::vector<std::string> out;
    for (const auto& c : find_citations(text, CiteContext{voice, recalling}))
        out.push_back(c.target + (c.pinpoint.empty() ? "" : ", " + c.pinpoint));
    return out;
}

struct Row {
    const char* text;
    std::string voice;
    std::vector<std::string> expected;
};

}  // namespace

TEST_CASE("every citation form of design.md resolves", "[cite]") {
    const std::vector<Row> rows = {
        {"Economic and Social Council resolution 2003/28 of 22 July 2003", GA, {"E/RES/2003/28"}},
        {"its resolution 2002/16 of 24 July 2002", ECOSOC, {"E/RES/2002/16"}},
        {"its resolution 59/154 of 20 December 2004", GA, {"A/RES/59/154"}},
        {"General Assembly resolution 59/154 of 20 December 2004", ECOSOC, {"A/RES/59/154"}},
        {"Economic and Social Council resolutions 2002/16 of 24 July 2002 and 2003/28", GA,
         {"E/RES/2002/16", "E/RES/2003/28"}},
        {"General Assembly resolution 55/25, annex I.", ECOSOC, {"A/RES/55/25, annex I"}},
        {"General Assembly resolution 55/25, annex I.", GA, {"A/RES/55/25, annex I"}},
        {"See General Assembly resolution 55/25, annex I, article 2.", ECOSOC, {"A/RES/55/25, annex I, article 2"}},
        {"Resolution 55/25, annex I.", GA, {"A/RES/55/25, annex I"}},
        {"General Assembly resolution 60/288, annex.", ECOSOC, {"A/RES/60/288, annex"}},
        {"resolution 60/288, annex, para. 3;", GA, {"A/RES/60/288, annex, para. 3"}},
        {"resolution 55/25, annexes I and II,", GA, {"A/RES/55/25, annexes I and II"}},
        {"resolution 55/25, annexes I-III.", GA, {"A/RES/55/25, annexes I-III"}},
        {"its resolution 2003/28, paras. 3 and 4", ECOSOC, {"E/RES/2003/28, paras. 3 and 4"}},
        {"its resolution 2003/28, sect. B, and its resolution 2004/1", ECOSOC, {"E/RES/2003/28, sect. B", "E/RES/2004/1"}},
        {"resolution 60/288, annexed", GA, {"A/RES/60/288"}},
        {"resolution 55/25, annex I and resolution 55/255", GA, {"A/RES/55/25, annex I", "A/RES/55/255"}},
        {"resolution 60/288, article by article", GA, {"A/RES/60/288"}},
        {"E/CN.15/2004/7 and Add.1.", GA, {"E/CN.15/2004/7", "E/CN.15/2004/7/Add.1"}},
        {"E/CN.15/2003/7 and Add.1.", ECOSOC, {"E/CN.15/2003/7", "E/CN.15/2003/7/Add.1"}},
        {"United Nations, Treaty Series, vol. 2225, No. 39574.", ECOSOC, {"UNTS/2225/39574"}},
        {"United Nations, *Treaty Series*, vol. 2225, No. 39574.", ECOSOC, {"UNTS/2225/39574"}},
        {"United Nations, _Treaty Series_, vol. 2225, No. 39574.", ECOSOC, {"UNTS/2225/39574"}},
        {"United Nations, *Treaty Series*, vols. 2225, 2237, 2241 and 2326, No. 39574.", ECOSOC,
         {"UNTS/2225/39574", "UNTS/2237/39574", "UNTS/2241/39574", "UNTS/2326/39574"}},
        {"Treaty Series, vol. 2225", ECOSOC, {}},
        {"*Treaty Series, vol. 2225, No. 39574", ECOSOC, {}},
        {"on the implementation of the present resolution.", ECOSOC, {""}},
        {"The present decision shall be reviewed", ECOSOC, {""}},
        // Bare numbers are read by their shape.
        {"pursuant to resolution 59/154", ECOSOC, {"A/RES/59/154"}},
        {"pursuant to resolution 2003/28", GA, {"E/RES/2003/28"}},
        {"Security Council resolution 1373 (2001)", GA, {"S/RES/1373(2001)"}},
        {"resolution 1373 (2001)", GA, {"S/RES/1373(2001)"}},
        // The Commission and the Human Rights Council number by session, as the Assembly does:
        // named, the organ decides; only a bare number is read as the Assembly's.
        {"Commission on Crime Prevention and Criminal Justice resolution 18/2 of 24 April 2009", GA,
         {"E/CN.15/RES/18/2"}},
        {"Human Rights Council resolution 25/1 of 27 March 2014", GA, {"A/HRC/RES/25/1"}},
        {"its resolution 18/2", "Commission on Crime Prevention and Criminal Justice", {"E/CN.15/RES/18/2"}},
        {"Human Rights Council resolutions 25/1 and 26/3", ECOSOC, {"A/HRC/RES/25/1", "A/HRC/RES/26/3"}},
        {"resolution 18/2", "Commission on Crime Prevention and Criminal Justice", {"A/RES/18/2"}},
        // A capitalized word that opens the clause or a sentence names no organ.
        {"Recalling resolution 60/1", GA, {"A/RES/60/1"}},
        {"*Recalling* resolution 60/1", GA, {"A/RES/60/1"}},
        {"\xE2\x80\x9C*Recalling* resolution 60/1", GA, {"A/RES/60/1"}},
        {"adopted in 2005. In resolution 60/1", GA, {"A/RES/60/1"}},
        // An organ resgen does not know, or one named short, is not guessed by the number's shape.
        {"Commission on Narcotic Drugs resolution 52/1", GA, {}},
        {"Recalling Commission resolution 18/2 and resolution 60/1", GA, {"A/RES/60/1"}},
        // The organ speaking names itself short; "Assembly" alone is the General Assembly.
        {"Recalling Council resolution 2003/28 of 22 July 2003", ECOSOC, {"E/RES/2003/28"}},
        {"Recalling Council resolution 5/1", "Human Rights Council", {"A/HRC/RES/5/1"}},
        {"Recalling Commission resolution 18/2", "Commission on Crime Prevention and Criminal Justice",
         {"E/CN.15/RES/18/2"}},
        {"*Recalling* Assembly resolution 59/154", ECOSOC, {"A/RES/59/154"}},
        {"Recalling Council resolution 2003/28", GA, {}},
        {"Recalling World Health Assembly resolution 58/3", GA, {}},
        {"Recalling Council resolution 1373 (2001)", ECOSOC, {"S/RES/1373(2001)"}},
        {"its resolutions 1373 (2001) of 28 September 2001, 1904 (2009) and 2083 (2012)", "Security Council",
         {"S/RES/1373(2001)", "S/RES/1904(2009)", "S/RES/2083(2012)"}},
        // "its" follows the subject of the relative clause, not the voice.
        {"Recalling General Assembly resolution 61/179 of 20 December 2006, in which the Assembly noted "
         "the publication of an operational manual, prepared pursuant to its resolution 59/154,",
         ECOSOC, {"A/RES/61/179", "A/RES/59/154"}},
        // "in its" after an organ's name is that organ's, whoever speaks.
        {"the Convention, adopted by the General Assembly in its resolution 54/109 of 9 December 1999",
         "Human Rights Council", {"A/RES/54/109"}},
        {"the General Assembly, in its resolution 59/154,", "Commission on Crime Prevention and Criminal Justice",
         {"A/RES/59/154"}},
        {"the Assembly, in its resolution 59/154,", ECOSOC, {"A/RES/59/154"}},
        {"the Council, in its resolution 5/1,", "Human Rights Council", {"A/HRC/RES/5/1"}},
        {"in which the Council requested the High Commissioner to act pursuant to its resolution 5/1",
         "Human Rights Council", {"A/HRC/RES/5/1"}},
        // ... and after the organ and what it did, the same: "which the Assembly took note of in its".
        {"the report, which the General Assembly took note of in its resolution 59/154,",
         "Commission on Crime Prevention and Criminal Justice", {"A/RES/59/154"}},
        {"the Plan of Action, which the General Assembly endorsed in its resolution 60/1,", "Human Rights Council",
         {"A/RES/60/1"}},
        {"the work of the Commission on Crime Prevention and Criminal Justice, as reflected in its resolution 13/1,",
         ECOSOC, {"E/CN.15/RES/13/1"}},
        {"Recalling that the General Assembly, by its resolution 55/25 of 15 November 2000, adopted the Convention",
         "Commission on Crime Prevention and Criminal Justice", {"A/RES/55/25"}},
        {"the Convention, adopted by the General Assembly by its resolution 55/25,", "Human Rights Council",
         {"A/RES/55/25"}},
        // An organ named as the subject of something else leaves "its" to the voice.
        {"the report of the Economic and Social Council on its session and its resolution 59/154", GA,
         {"A/RES/59/154"}},
        {"Recalling General Assembly resolution 60/1 and its resolution 2003/28", ECOSOC,
         {"A/RES/60/1", "E/RES/2003/28"}},
        {"the General Assembly and the Council, in its resolution 2003/28,", ECOSOC, {"E/RES/2003/28"}},
        {"Welcoming the report of the Commission on Crime Prevention and Criminal Justice and having reaffirmed in "
         "its resolution 59/154", GA, {"A/RES/59/154"}},
        // A number whose shape is not the voice's numbering is read by its shape.
        {"its resolution 59/154", ECOSOC, {"A/RES/59/154"}},
        {"Economic and Social Council resolution 2002/16", ECOSOC, {"E/RES/2002/16"}},
        {"its resolutions 2002/16, 2003/28 and 2006/19", ECOSOC, {"E/RES/2002/16", "E/RES/2003/28", "E/RES/2006/19"}},
        {"documents A/59/100 and Corr.1", GA, {"A/59/100", "A/59/100/Corr.1"}},
        // A bare number after an addendum or corrigendum is the next of its kind.
        {"the report (A/60/123 and Corr.1 and 2).", GA, {"A/60/123", "A/60/123/Corr.1", "A/60/123/Corr.2"}},
        {"E/CN.15/2005/2 and Add.1, 2 and 3.", GA,
         {"E/CN.15/2005/2", "E/CN.15/2005/2/Add.1", "E/CN.15/2005/2/Add.2", "E/CN.15/2005/2/Add.3"}},
        {"A/60/123 and Add.1, 2005", GA, {"A/60/123", "A/60/123/Add.1"}},
        {"A/60/123 and Add.1 and 2 December 2005", GA, {"A/60/123", "A/60/123/Add.1"}},
        {"A/60/123 and 2 others", GA, {"A/60/123"}},
        {"[its resolution 2002/16](symbol:E/RES/2002/16)", GA, {"E/RES/2002/16"}},
        // Decisions, numbered as the organ's resolutions are.
        {"its decision 2004/237 of 23 July 2004", ECOSOC, {"E/DEC/2004/237"}},
        {"General Assembly decision 65/530", ECOSOC, {"A/DEC/65/530"}},
        {"Economic and Social Council decisions 2004/237 and 2005/248", GA, {"E/DEC/2004/237", "E/DEC/2005/248"}},
        {"Decision 2004/237.", GA, {"E/DEC/2004/237"}},
        {"Human Rights Council decision 25/115", GA, {"A/HRC/DEC/25/115"}},
        {"[the decision](symbol:A/DEC/65/530)", GA, {"A/DEC/65/530"}},
        {"as in document A/DEC/65/530", GA, {"A/DEC/65/530"}},
        // A decision listed after a resolution is the same organ's.
        {"its resolution 25/1 and decision 25/115", "Human Rights Council", {"A/HRC/RES/25/1", "A/HRC/DEC/25/115"}},
        {"Economic and Social Council resolution 2003/28 and decision 2004/237", GA, {"E/RES/2003/28", "E/DEC/2004/237"}},
        // The old numbering: a roman session, a part letter, a special session.
        {"its resolution 2200 A (XXI) of 16 December 1966", GA, {"A/RES/2200(XXI), part A"}},
        {"General Assembly resolution 217 A (III)", ECOSOC, {"A/RES/217(III), part A"}},
        {"General Assembly resolutions 1514 (XV) and 2625 (XXV)", ECOSOC, {"A/RES/1514(XV)", "A/RES/2625(XXV)"}},
        {"its resolution 1503 (XLVIII)", ECOSOC, {"E/RES/1503(XLVIII)"}},
        {"its resolution 3201 (S-VI)", GA, {"A/RES/3201(S-VI)"}},
        // Parts of today's numbering: the part is a place in the number's text.
        {"its resolutions 57/270 B of 23 June 2003 and 60/265 of 30 June 2006", GA,
         {"A/RES/57/270, part B", "A/RES/60/265"}},
        {"General Assembly resolution 57/270 A and B, annex", ECOSOC, {"A/RES/57/270, parts A and B, annex"}},
        {"General Assembly resolutions 61/16 A, B and C.", ECOSOC, {"A/RES/61/16, parts A, B and C"}},
        {"its resolution 61/16 B.", GA, {"A/RES/61/16, part B"}},
        {"its resolution 59/154 and A/59/100", GA, {"A/RES/59/154", "A/59/100"}},
        {"its resolution 59/154, A Plan of Action", GA, {"A/RES/59/154"}},
        // The organ named after the number, when none is named before it.
        {"Recalling resolution 5/1 of the Human Rights Council of 18 June 2007,", GA, {"A/HRC/RES/5/1"}},
        {"resolution 15/1 adopted by the Commission on Crime Prevention and Criminal Justice at its fifteenth session",
         GA, {"E/CN.15/RES/15/1"}},
        {"resolution 2004/12 of the Economic and Social Council and resolution 5/1 of the Human Rights Council", GA,
         {"E/RES/2004/12", "A/HRC/RES/5/1"}},
        {"resolution 1373 (2001) of the Security Council", GA, {"S/RES/1373(2001)"}},
        {"resolutions 5/1 of 18 June 2007 and 5/2 of the Human Rights Council", GA, {"A/HRC/RES/5/1", "A/HRC/RES/5/2"}},
        // ... or as the subject of "in resolution", as of "in its resolution".
        {"the Human Rights Council, in resolution 5/1,", GA, {"A/HRC/RES/5/1"}},
        {"the Plan, which the Human Rights Council adopted by resolution 5/1,", GA, {"A/HRC/RES/5/1"}},
        {"resolution 15/1 of 28 April 2006, adopted by the Commission on Crime Prevention and Criminal Justice,", GA,
         {"E/CN.15/RES/15/1"}},
        {"resolution 59/154 of the twentieth of December", ECOSOC, {"A/RES/59/154"}},
        // A place named before the reference, or a sub-paragraph after it.
        {"Recalling paragraph 7 of its resolution 2003/28,", ECOSOC, {"E/RES/2003/28, paragraph 7"}},
        {"paragraphs 3 and 4 of General Assembly resolution 59/154", ECOSOC, {"A/RES/59/154, paragraphs 3 and 4"}},
        {"in accordance with paragraph 7 (b) of its resolution 2003/28", ECOSOC, {"E/RES/2003/28, paragraph 7 (b)"}},
        {"its resolution 2003/28, paragraph 7 (b),", ECOSOC, {"E/RES/2003/28, paragraph 7 (b)"}},
        {"section II of General Assembly resolution 56/261", ECOSOC, {"A/RES/56/261, section II"}},
        {"the annex to its resolution 55/25", GA, {"A/RES/55/25, annex"}},
        {"paragraph 3 of resolution 57/270 B", GA, {"A/RES/57/270, part B, paragraph 3"}},
        {"as part of its resolution 60/1", GA, {"A/RES/60/1"}},
        {"subparagraph 3 of its resolution 60/1", GA, {"A/RES/60/1"}},
        {"its resolution 60/1, paragraph 3 of resolution 60/2", GA, {"A/RES/60/1, paragraph 3", "A/RES/60/2"}},
        // Special and emergency special sessions of today's numbering.
        {"its resolution S-26/2 of 27 June 2001", GA, {"A/RES/S-26/2"}},
        {"General Assembly resolution ES-10/19", ECOSOC, {"A/RES/ES-10/19"}},
    };
    for (const auto& row : rows) {
        INFO(row.text << " [" << row.voice << "]");
        CHECK(targets(row.text, row.voice) == row.expected);
    }
}

TEST_CASE("forms that are not citations do not match", "[cite]") {
    const std::vector<const char*> texts = {
        "the following draft resolution:",
        "Recommends to the General Assembly the adoption of the following draft resolution",
        "at its thirteenth session",
        "a resolution on kidnapping",
        "Vienna, 11-20 May 2004",
        "Agenda item 5",
        "the 2004/2005 biennium",
        "resolutions of the Council",
        "AB/CD",
        "in 59/154 cases",
        "and/or",
        "the decision-making process",
        "a decision 3 times",
        "resolution 12 (b)",
        "resolution 12 (IVa)",
        "resolution 12 A(III)",
        "indecision 2004/237",
    };
    for (const char* t : texts) {
        INFO(t);
        CHECK(targets(t, GA).empty());
    }
}

TEST_CASE("a citation keeps its span, date, title and what the cited document did", "[cite]") {
    const std::string text =
        "*Recalling* its resolution 2002/16 of 24 July 2002, entitled \"International cooperation in the "
        "prevention, combating and elimination of kidnapping and in providing assistance for the victims\", in "
        "which it requested the Secretary-General to submit a progress report,";
    auto cs = find_citations(text, CiteContext{ECOSOC, true});
    REQUIRE(cs.size() == 1);
    const auto& c = cs[0];
    CHECK(c.target == "E/RES/2002/16");
    CHECK(c.span == "its resolution 2002/16 of 24 July 2002");
    CHECK(text.substr(c.begin, c.end - c.begin) == c.span);
    CHECK(c.date == "2002-07-24");
    CHECK(c.title ==
          "International cooperation in the prevention, combating and elimination of kidnapping and in providing "
          "assistance for the victims");
    CHECK(c.action == "requested the Secretary-General to submit a progress report");
    CHECK(c.recalls);
}

TEST_CASE("a place named before a reference is part of its span", "[cite]") {
    const std::string text = "*Recalling* paragraph 7 of its resolution 2003/28 of 22 July 2003,";
    auto cs = find_citations(text, CiteContext{ECOSOC, true});
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].span == "paragraph 7 of its resolution 2003/28 of 22 July 2003");
    CHECK(text.substr(cs[0].begin, cs[0].end - cs[0].begin) == cs[0].span);
    CHECK(cs[0].pinpoint == "paragraph 7");
    CHECK(cs[0].date == "2003-07-22");
    CHECK(cs[0].recalls);
}

TEST_CASE("a Recalling clause recalls its first reference only", "[cite]") {
    auto cs = find_citations(
        "*Recalling* General Assembly resolution 61/179 of 20 December 2006, in which the Assembly noted the "
        "manual prepared pursuant to its resolution 59/154,",
        CiteContext{ECOSOC, true});
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].recalls);
    CHECK_FALSE(cs[1].recalls);
    CHECK(cs[0].date == "2006-12-20");
    CHECK(cs[0].action.rfind("noted the manual", 0) == 0);

    auto listed = find_citations("*Recalling* its resolutions 2002/16 and 2003/28,", CiteContext{ECOSOC, true});
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].recalls);
    CHECK(listed[1].recalls);

    auto not_recalling = find_citations("*Noting* its resolution 2002/16,", CiteContext{ECOSOC, false});
    REQUIRE(not_recalling.size() == 1);
    CHECK_FALSE(not_recalling[0].recalls);
}

TEST_CASE("dates are read only when they are real", "[cite]") {
    CHECK(resgen::parse_date("24 July 2002") == "2002-07-24");
    CHECK(resgen::parse_date("1 January 1990,") == "1990-01-01");
    CHECK(resgen::parse_date("31 February 2002").empty());
    CHECK(resgen::parse_date("July 2002").empty());
    CHECK(resgen::parse_date("24 Julyish 2002").empty());
    auto cs = find_citations("its resolution 2002/16 of 31 February 2002", CiteContext{ECOSOC, false});
    REQUIRE(cs.size() == 1);
    CHECK(cs[0].date.empty());
    CHECK(cs[0].span == "its resolution 2002/16");
}

// A reference left unlinked says why, and where: the editor pins it or lets it be.
TEST_CASE("a resolution of an organ resgen does not know is reported, not guessed", "[cite]") {
    const std::string text = "Recalling Commission on Narcotic Drugs resolution 52/1 and resolution 60/1,";
    std::vector<resgen::CitationProblem> problems;
    const auto found = find_citations(text, CiteContext{GA, true}, &problems);
    REQUIRE(found.size() == 1);
    CHECK(found[0].target == "A/RES/60/1");
    REQUIRE(problems.size() == 1);
    CHECK(text.substr(problems[0].begin, problems[0].end - problems[0].begin) == "resolution 52/1");
    CHECK(problems[0].message ==
          "'resolution 52/1' is not linked: the name before it (... Drugs) is not one of the organs resgen knows; "
          "pin it with [text](symbol:...)");
}

TEST_CASE("a resolution of an organ resgen does not know, named after it, is reported, not guessed", "[cite]") {
    const std::string text = "Recalling resolution 52/1 of the Commission on Narcotic Drugs and resolution 60/1 of "
                             "the World Summit,";
    std::vector<resgen::CitationProblem> problems;
    const auto found = find_citations(text, CiteContext{GA, true}, &problems);
    REQUIRE(found.size() == 1);
    CHECK(found[0].target == "A/RES/60/1");  // "the World Summit" names no organ: read by its shape
    REQUIRE(problems.size() == 1);
    CHECK(text.substr(problems[0].begin, problems[0].end - problems[0].begin) == "resolution 52/1");
    CHECK(problems[0].message ==
          "'resolution 52/1' is not linked: the name after it (the Commission ...) is not one of the organs resgen "
          "knows; pin it with [text](symbol:...)");
}

TEST_CASE("an organ named before 'in its' reads without a warning", "[cite]") {
    std::vector<resgen::CitationProblem> problems;
    const auto found = find_citations("Recalling that the Economic and Social Council, in its resolution 2003/28, "
                                      "requested a report,",
                                      CiteContext{GA, true}, &problems);
    REQUIRE(found.size() == 1);
    CHECK(found[0].target == "E/RES/2003/28");
    CHECK(found[0].span == "its resolution 2003/28");
    CHECK(problems.empty());
}

TEST_CASE("a decision or old number resgen cannot place is reported, not guessed", "[cite]") {
    struct Case {
        std::string text, voice, span, message;
    };
    const std::vector<Case> cases = {
        {"Recalling Commission on Crime Prevention and Criminal Justice decision 18/1,", GA,
         "Commission on Crime Prevention and Criminal Justice decision 18/1",
         "'Commission on Crime Prevention and Criminal Justice decision 18/1' is not linked: resgen does not "
         "know the symbols of the Commission on Crime Prevention and Criminal Justice's decisions; pin it with "
         "[text](symbol:...)"},
        // Both the Assembly and the Council numbered by roman sessions: a bare one is neither's.
        {"Recalling resolution 1503 (XLVIII),", GA, "resolution 1503 (XLVIII)",
         "'resolution 1503 (XLVIII)' cannot be resolved: no organ is named and the number's shape does not "
         "say whose it is; name the organ or pin it with [text](symbol:...)"},
        {"Recalling its resolution 1503 (XLVIII),", "Security Council", "its resolution 1503 (XLVIII)",
         "'its resolution 1503 (XLVIII)' cannot be resolved: the Security Council speaks, but 1503 (XLVIII) is "
         "not numbered as its resolutions are; pin it with [text](symbol:...)"},
        // "Council" in the Assembly's voice could be any of three Councils.
        {"Recalling Council resolution 2003/28,", GA, "resolution 2003/28",
         "'resolution 2003/28' is not linked: the name before it (... Council) is not one of the organs resgen "
         "knows; pin it with [text](symbol:...)"},
        {"Recalling its decision 65/530,", ECOSOC, "its decision 65/530",
         "'its decision 65/530' is ambiguous: the Economic and Social Council speaks, but 65/530 is numbered as "
         "a General Assembly decision; read as the Assembly's, pin it with [text](symbol:...) if not"},
    };
    for (const auto& c : cases) {
        INFO(c.text << " [" << c.voice << "]");
        std::vector<resgen::CitationProblem> problems;
        const auto found = find_citations(c.text, CiteContext{c.voice, true}, &problems);
        REQUIRE(problems.size() == 1);
        CHECK(c.text.substr(problems[0].begin, problems[0].end - problems[0].begin) == c.span);
        CHECK(problems[0].message == c.message);
        // Only the ambiguous one is still read, by its shape.
        CHECK(found.size() == (c.message.find("ambiguous") != std::string::npos ? 1u : 0u));
    }
}
