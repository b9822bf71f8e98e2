// The series as data: corpus.json, graph.json and the Akoma Ntoso files, read back with
// pugixml's XPath and nlohmann_json as a consumer would.
#include <catch2/catch.hpp>

#include <set>

#include <pugixml.hpp>

#include "export/export.hpp"
#include "markdown/markdown.hpp"
#include "parse/parse.hpp"
#include "plan/labels.hpp"
#include "plan/plan.hpp"
#include "plan/search.hpp"
#include "site/site.hpp"

namespace fs = std::filesystem;
using namespace resgen;
using resgen::json;

namespace {

// The seed series, planned once for every test that reads it.
const Site& series() {
    static const Site site = [] {
        BuildOptions o;
        o.content_dir = fs::path(RESGEN_SOURCE_DIR) / "content";
        o.templates_dir = fs::path(RESGEN_SOURCE_DIR) / "templates";
        return make_site(o);
    }();
    return site;
}

// A corpus of documents given as content files (path, text).
Corpus corpus_of(const std::vector<std::pair<std::string, std::string>>& files) {
    Diagnostics diags;
    std::vector<Document> docs;
    for (const auto& [path, text] : files)
        docs.push_back(parse_document(split_source(path, text, diags), {}, diags));
    Corpus c = resolve(std::move(docs), diags);
    for (const auto& d : diags) UNSCOPED_INFO(format_diagnostic(d));
    return c;
}

pugi::xml_document parse_xml(const std::string& xml) {
    pugi::xml_document x;
    pugi::xml_parse_result r = x.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    INFO(r.description() << " at byte " << r.offset);
    REQUIRE(r);
    return x;
}

size_t count(const pugi::xml_document& x, const char* xpath) { return x.select_nodes(xpath).size(); }

std::string value(const pugi::xml_document& x, const char* xpath) {
    return x.select_node(xpath).attribute().value();
}

const std::string kAkn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

}  // namespace

TEST_CASE("FRBR identifiers follow the AKN4UN naming convention", "[export]") {
    const Corpus& c = series().corpus;
    AknNames ga = akn_names(*c.find("A/RES/59/154"));
    CHECK(ga.work == "/akn/un/statement/deliberation/unga/2004-12-20/59-154");
    CHECK(ga.expression == ga.work + "/eng@");
    CHECK(ga.manifestation == ga.work + "/eng@.xml");
    CHECK(akn_names(*c.find("E/RES/2003/28")).work ==
          "/akn/un/statement/deliberation/unecosoc/2003-07-22/2003-28");
    CHECK(akn_names(*c.find("A/RES/59/154"), "fr").expression.ends_with("/fra@"));
    // Outside the collection: the year the symbol shows, or "nd" when nothing states a date.
    CHECK(akn_names(*c.find("E/CN.15/2004/7/Add.1")).work == "/akn/un/doc/document/unccpcj/2004/E-CN.15-2004-7-Add.1");
    CHECK(akn_names(*c.find("A/RES/55/25")).work == "/akn/un/statement/deliberation/unga/nd/55-25");
    CHECK(akn_names(*c.find("UNTS/2225/39574")).work == "/akn/un/doc/treaty/unts/nd/2225-39574");
    // No symbol: the editor's id stands in for the number.
    CHECK(akn_names(*c.find("ccpcj-2004-colombia-draft")).work ==
          "/akn/un/statement/deliberation/unccpcj/2004-05-12/ccpcj-2004-colombia-draft");

    // A Security Council resolution as resgen keys it (canonical_symbol), however it was written.
    Document sc;
    sc.key = sc.meta.symbol = "S/RES/1373(2001)";
    sc.meta.body = "Security Council";
    sc.meta.kind = "resolution";
    CHECK(akn_names(sc).work == "/akn/un/statement/deliberation/unsc/2001/1373-2001");
    CHECK(akn_path(sc) == "S/RES/1373(2001)/akn.xml");
}

TEST_CASE("every document of the collection has a well-formed Akoma Ntoso file beside its page", "[export]") {
    const Site& site = series();
    std::set<std::string> data;
    for (const auto& f : site.plan.data) data.insert(f.path);
    for (const auto& d : site.corpus.documents) {
        INFO(d.key);
        std::string page = page_path(d);
        std::string dir = page.substr(0, page.rfind('/') + 1);
        CHECK(data.count(dir + "akn.xml") == size_t(d.in_collection));
        if (!d.in_collection) continue;
        pugi::xml_document x = parse_xml(akn_xml(d, site.corpus));
        CHECK(x.document_element().name() == std::string("akomaNtoso"));
        CHECK(x.document_element().attribute("xmlns").value() == kAkn);
        AknNames n = akn_names(d);
        CHECK(value(x, "/akomaNtoso/*/meta/identification/FRBRWork/FRBRthis/@value") == n.work + "/!main");
        CHECK(value(x, "/akomaNtoso/*/meta/identification/FRBRWork/FRBRuri/@value") == n.work);
        CHECK(value(x, "/akomaNtoso/*/meta/identification/FRBRExpression/FRBRuri/@value") == n.expression);
        CHECK(value(x, "/akomaNtoso/*/meta/identification/FRBRManifestation/FRBRuri/@value") == n.manifestation);
        CHECK(value(x, "/akomaNtoso/*/meta/identification/FRBRExpression/FRBRlanguage/@language") == "eng");
        CHECK(count(x, "/akomaNtoso/statement[@name='deliberation']/mainBody") == 1);
        // eIds are unique within the document.
        std::set<std::string> eids;
        for (const auto& n : x.select_nodes("//@eId")) CHECK(eids.insert(n.attribute().value()).second);
    }
}

TEST_CASE("preamble, paragraphs and sub-paragraphs of A/RES/59/154 are where Akoma Ntoso puts them", "[export]") {
    const Site& site = series();
    const Document& d = *site.corpus.find("A/RES/59/154");
    pugi::xml_document x = parse_xml(akn_xml(d, site.corpus));
    size_t preambular = 0, operative = 0, sub = 0;
    for (const auto& c : d.clauses) {
        preambular += c.kind == ClauseKind::preambular;
        operative += c.kind == ClauseKind::operative;
        sub += c.kind == ClauseKind::subparagraph;
    }
    REQUIRE(preambular > 0);
    REQUIRE(sub > 0);
    CHECK(count(x, "/akomaNtoso/statement/preamble/container[@name='preambularParagraph']") == preambular);
    CHECK(count(x, "/akomaNtoso/statement/mainBody/paragraph") == operative);
    CHECK(count(x, "/akomaNtoso/statement/mainBody/paragraph/subparagraph") == sub);
    CHECK(count(x, "/akomaNtoso/statement/preamble/formula[@name='enactingFormula']/p[contains(., 'The General Assembly')]") == 1);
    // A paragraph with sub-paragraphs opens with an intro, not content.
    CHECK(count(x, "//paragraph[subparagraph]/content") == 0);
    CHECK(count(x, "//paragraph[subparagraph]/intro/p") == count(x, "//paragraph[subparagraph]"));
    CHECK(std::string(x.select_node("//paragraph[@eId='para_7']/num").node().text().get()) == "7.");
    CHECK(std::string(x.select_node("//subparagraph[@eId='para_7__subpara_a']/num").node().text().get()) == "(a)");
    CHECK(value(x, "//preface/p/docNumber/../../p[@class='date']/docDate/@date") == "2004-12-20");
    CHECK(count(x, "//conclusions/p[@class='adoption']") == 1);
}

TEST_CASE("every citation is a ref to the cited document's work IRI, every footnote an authorialNote", "[export]") {
    const Site& site = series();
    for (const auto& d : site.corpus.documents) {
        if (!d.in_collection) continue;
        INFO(d.key);
        pugi::xml_document x = parse_xml(akn_xml(d, site.corpus));
        std::multiset<std::string> expected, found;
        size_t markers = 0;
        for (const auto& c : d.clauses) {
            size_t last = 0;
            for (const auto& cit : c.citations) {
                if (cit.begin < last) continue;  // overlapping spans are linked once
                last = cit.end;
                expected.insert(akn_names(*site.corpus.find(cit.target)).work);
            }
            if (c.kind != ClauseKind::footnote && c.kind != ClauseKind::note)
                markdown::for_each_footnote_ref(c.markdown, [&](std::string_view, size_t, size_t) { ++markers; });
        }
        for (const auto& r : x.select_nodes("//ref")) found.insert(r.node().attribute("href").value());
        CHECK(found == expected);
        CHECK(count(x, "//authorialNote") == markers);
        CHECK(count(x, "//authorialNote[@marker and @placement='bottom']/p") == markers);
    }
    // The recall of 59/154 inside the draft that ECOSOC 2006/19 recommends speaks as the Assembly.
    pugi::xml_document x = parse_xml(akn_xml(*site.corpus.find("E/RES/2006/19"), site.corpus));
    CHECK(count(x, "//container[@eId='preambularParagraph_6']/p/ref[@href='/akn/un/statement/deliberation/unga/2004-12-20/59-154']") == 1);
}

TEST_CASE("text the editor writes is escaped, and what is not text is kept out", "[export]") {
    Corpus c = corpus_of({{"odd.md", "---\n"
                                     "symbol: A/RES/99/1\n"
                                     "title: \"Fish & chips <b>not bold</b> \\\"quoted\\\" \\u0001\"\n"
                                     "body: General Assembly\n"
                                     "kind: resolution\n"
                                     "---\n\n"
                                     "*The General Assembly,*\n\n"
                                     "*Noting* that 1 < 2 & 3 > 2, <script>alert(1)</script> and ]]> stay text,[^1]\n\n"
                                     "> An editor's note, not part of the text.\n\n"
                                     "1. *Decides* to look at [its resolution 98/7](symbol:A/RES/98/7) again;\n\n"
                                     "[^1]: See \"the annex\" & more.\n"}});
    const Document& d = *c.find("A/RES/99/1");
    std::string xml = akn_xml(d, c);
    pugi::xml_document x = parse_xml(xml);
    CHECK(std::string(x.select_node("//docTitle").node().text().get()) == "Fish & chips <b>not bold</b> \"quoted\" ");
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(count(x, "//container[@name='preambularParagraph']/p[contains(., '1 < 2 & 3 > 2')]") == 1);
    CHECK(count(x, "//authorialNote/p[contains(., 'See \"the annex\" & more.')]") == 1);
    // The editor's note is kept apart from the official text.
    CHECK(count(x, "/akomaNtoso/statement/meta/notes/note[@class='editorial']/p[contains(., 'not part of the text')]") == 1);
    CHECK(count(x, "//mainBody//p[contains(., 'not part of the text')]") == 0);
    // A pinned reference shows its text and points to the pinned document.
    CHECK(count(x, "//paragraph/content/p/ref[@href='/akn/un/statement/deliberation/unga/nd/98-7' and . = 'its resolution 98/7']") == 1);

    json j = corpus_json(c);
    std::string text = json_text(j);
    CHECK(json::parse(text) == j);
    const json& doc = *std::find_if(j["documents"].begin(), j["documents"].end(),
                                    [](const json& e) { return e["key"] == "A/RES/99/1"; });
    CHECK(doc["metadata"]["title"] == "Fish & chips <b>not bold</b> \"quoted\" \u0001");
}

// XML cannot hold most control characters: they are looked for eight bytes at a time, so one
// is put at every place of a text longer than two such words.
TEST_CASE("a control character is dropped wherever it stands", "[export]") {
    const std::string title = "Fish and chips, twice over";
    for (size_t at = 0; at <= title.size(); ++at) {
        const std::string escaped = title.substr(0, at) + "\\u0002" + title.substr(at);
        Corpus c = corpus_of({{"odd.md", "---\nsymbol: A/RES/99/3\ntitle: \"" + escaped +
                                             "\"\nbody: General Assembly\nkind: resolution\n---\n\n*Noting* it,\n"}});
        INFO("at " << at);
        pugi::xml_document x = parse_xml(akn_xml(*c.find("A/RES/99/3"), c));
        CHECK(std::string(x.select_node("//docTitle").node().text().get()) == title);
    }
}

TEST_CASE("a byte that is not UTF-8 does not stop the data files", "[export]") {
    Corpus c = corpus_of({{"bad.md", "---\nsymbol: A/RES/99/2\ntitle: ok\nbody: General Assembly\nkind: resolution\n---\n\n"
                                     "*Noting* caf\xe9 au lait,\n"}});
    CHECK_NOTHROW(json_text(corpus_json(c)));
    CHECK_NOTHROW(json_text(graph_json(c)));
    CHECK(whole_text(corpus_json_write, c) == json_text(corpus_json(c)));
}

// The site writes corpus.json a document at a time and graph.json a node or an edge at a time;
// their bytes are those of the whole trees.
TEST_CASE("data files made a piece at a time are the whole tree's text, byte for byte", "[export]") {
    // Escapes in the front matter, a backslash, a byte that is not UTF-8, a citation (an edge).
    Corpus odd = corpus_of({{"odd.md", "---\nsymbol: A/RES/99/3\ntitle: \"Line\\nbreak \\\"and\\\" tab\\t\"\nbody: General Assembly\nkind: resolution\n---\n\n"
                                       "*Recalling* its resolution 59/154, a\\b caf\xe9 and “quotes”,\n\n1. *Decides* nothing;\n"}});
    for (const Corpus* c : {&series().corpus, static_cast<const Corpus*>(&odd)}) {
        CHECK(whole_text(corpus_json_write, *c) == json_text(corpus_json(*c)));
        CHECK(whole_text(graph_json_write, *c) == json_text(graph_json(*c)));
    }
    CHECK(whole_text(corpus_json_write, Corpus{}) == json_text(corpus_json(Corpus{})));
    CHECK(whole_text(graph_json_write, Corpus{}) == json_text(graph_json(Corpus{})));
    CHECK(graph_json(odd)["edges"].size() == 1);
}

TEST_CASE("corpus.json holds every document, its clauses and its citations; null where the source is silent", "[export]") {
    const Site& site = series();
    json j = corpus_json(site.corpus);
    CHECK(j["format"] == "resgen-corpus");
    REQUIRE(j["documents"].size() == site.corpus.documents.size());
    std::map<std::string, json> by_key;
    for (const auto& d : j["documents"]) by_key[d["key"]] = d;

    const json& ga = by_key.at("A/RES/59/154");
    CHECK(ga["in_collection"] == true);
    CHECK(ga["metadata"]["date"] == "2004-12-20");
    CHECK(ga["metadata"]["sponsors"] == json::array());
    CHECK(ga["akn_file"] == "A/RES/59/154/akn.xml");
    CHECK(ga["voices"] == json::array({"General Assembly"}));
    auto pp7 = std::find_if(ga["clauses"].begin(), ga["clauses"].end(), [](const json& c) { return c["anchor"] == "pp7"; });
    REQUIRE(pp7 != ga["clauses"].end());
    CHECK((*pp7)["kind"] == "preambular");
    CHECK((*pp7)["phrase"] == "Recalling");
    CHECK((*pp7)["akn_eid"] == "preambularParagraph_7");
    CHECK((*pp7)["citations"][0]["target"] == "E/RES/2003/28");
    CHECK((*pp7)["citations"][0]["recalls"] == true);
    CHECK((*pp7)["citations"][0]["date"] == "2003-07-22");

    const json& ecosoc = by_key.at("E/RES/2006/19");
    CHECK(ecosoc["voices"] == json::array({"Economic and Social Council", "General Assembly"}));

    // A document outside the collection: no source file, no AKN file, and nothing invented.
    const json& convention = by_key.at("A/RES/55/25");
    CHECK(convention["in_collection"] == false);
    CHECK(convention["metadata_from"] == "citations");
    CHECK(convention["source_file"].is_null());
    CHECK(convention["akn_file"].is_null());
    CHECK(convention["metadata"]["date"].is_null());
    CHECK(convention["metadata"]["meeting"].is_null());

    // The draft without a symbol says so.
    CHECK(by_key.at("ccpcj-2004-colombia-draft")["metadata"]["symbol"].is_null());
}

TEST_CASE("graph.json: recalls, cites and adopted_as, each citation with its paragraph", "[export]") {
    const Site& site = series();
    json g = graph_json(site.corpus);
    CHECK(g["nodes"].size() == site.corpus.documents.size());
    auto has = [&](const std::string& type, const std::string& from, const std::string& to, json paragraph) {
        for (const auto& e : g["edges"])
            if (e["type"] == type && e["from"] == from && e["to"] == to && e["paragraph"] == paragraph) return true;
        return false;
    };
    CHECK(has("recalls", "A/RES/59/154", "E/RES/2003/28", "pp7"));
    CHECK(has("recalls", "E/RES/2006/19", "A/RES/59/154", "pp6"));
    CHECK(has("cites", "E/RES/2006/19", "A/RES/59/154", "op2"));
    CHECK(has("adopted_as", "ccpcj-2004-colombia-draft", "A/RES/59/154", nullptr));
    CHECK_FALSE(has("recalls", "E/RES/2003/28", "A/RES/59/154", "pp7"));
    std::set<std::string> ids;
    for (const auto& n : g["nodes"]) ids.insert(n["id"]);
    for (const auto& e : g["edges"]) {
        CHECK(e["from"] != e["to"]);  // "the present resolution" is no edge
        CHECK(ids.count(e["to"]));
        CHECK(ids.count(e["from"]));
    }
}

TEST_CASE("the data files are the same bytes on every run, and the page links its AKN file", "[export]") {
    const Site& site = series();
    Plan again = plan_site(site.corpus, site.alignment, site.config);
    REQUIRE(again.data.size() == site.plan.data.size());
    for (size_t i = 0; i < again.data.size(); ++i) {
        CHECK(again.data[i].path == site.plan.data[i].path);
        CHECK(again.data[i].text() == site.plan.data[i].text());
    }
    for (const auto& p : site.plan.pages) {
        if (p.template_name != "document") continue;
        json context = page_context(p).to_json();
        const Document* d = site.corpus.find(context["doc"]["key"]);
        REQUIRE(d);
        CHECK(context["doc"].contains("akn_href") == d->in_collection);
    }
    std::map<std::string, std::string> files;
    for (const auto& f : site.files) files[f.path] = f.bytes;
    CHECK(files["A/RES/59/154/index.html"].find("href=\"akn.xml\"") != std::string::npos);
    CHECK(files["documents/index.html"].find("href=\"../data/corpus.json\"") != std::string::npos);
    CHECK(files["documents/index.html"].find("href=\"../data/graph.json\"") != std::string::npos);
}

TEST_CASE("eIds stay unique when a text numbers its paragraphs twice", "[export]") {
    Corpus c = corpus_of({{"twice.md", "---\nsymbol: E/RES/2099/1\ntitle: t\nbody: Economic and Social Council\nkind: resolution\n---\n\n"
                                       "*The Economic and Social Council,*\n\n"
                                       "1. *Decides* to recommend the following draft:\n\n"
                                       "(a) first;\n\n"
                                       "*“The General Assembly,*\n\n"
                                       "“1. *Requests* the following:\n\n"
                                       "“(a) second;\n\n"
                                       "*Requests* once more;\n\n"
                                       "*Requests* again;\n"}});
    pugi::xml_document x = parse_xml(akn_xml(*c.find("E/RES/2099/1"), c));
    std::set<std::string> eids;
    for (const auto& n : x.select_nodes("//@eId")) CHECK(eids.insert(n.attribute().value()).second);
    CHECK(count(x, "//paragraph[@eId='para_1']/subparagraph[@eId='para_1__subpara_a']") == 1);
    CHECK(count(x, "//paragraph[@eId='para_1-2']/subparagraph") == 1);
    CHECK(count(x, "//mainBody/paragraph") == 4);
}

// An item "(i)" of paragraph 1 (a) nests inside that sub-paragraph, and is named after it.
TEST_CASE("an item of a lettered sub-paragraph nests inside it, in the Akoma Ntoso file and the labels", "[export]") {
    Corpus c = corpus_of({{"items.md", "---\nsymbol: A/RES/98/1\ntitle: t\nbody: General Assembly\nkind: resolution\n---\n\n"
                                       "*The General Assembly,*\n\n"
                                       "1. *Decides* that States shall:\n\n"
                                       "(a) Cooperate, including by:\n\n(i) Sharing;\n\n(ii) Assisting;\n\n"
                                       "(b) Report.\n"}});
    const Document& d = *c.find("A/RES/98/1");
    pugi::xml_document x = parse_xml(akn_xml(d, c));
    CHECK(count(x, "//paragraph[@eId='para_1']/subparagraph[@eId='para_1__subpara_a']/subparagraph"
                   "[@eId='para_1__subpara_a__subpara_i']/num[. = '(i)']") == 1);
    CHECK(count(x, "//subparagraph[@eId='para_1__subpara_a']/intro/p[contains(., 'Cooperate')]") == 1);
    CHECK(count(x, "//subparagraph[@eId='para_1__subpara_a']/subparagraph") == 2);
    CHECK(count(x, "//paragraph[@eId='para_1']/subparagraph") == 2);  // (a) and (b)
    auto clause = [&](const char* anchor) -> const Clause& {
        return *std::find_if(d.clauses.begin(), d.clauses.end(), [&](const Clause& cl) { return cl.anchor == anchor; });
    };
    CHECK(clause_label(clause("op1ai")) == "paragraph 1 (a) (i)");
    CHECK(clause_label(clause("op1a")) == "paragraph 1 (a)");
    CHECK(clause_label(clause("op1b")) == "paragraph 1 (b)");
    CHECK(akn_eid(clause("op1aii")) == "para_1__subpara_a__subpara_ii");

    // The same in a draft that numbers its paragraphs again inside the text.
    Corpus twice = corpus_of({{"twice.md", "---\nsymbol: E/RES/2099/2\ntitle: t\nbody: Economic and Social Council\nkind: resolution\n---\n\n"
                                           "1. *Recommends* the following draft:\n\n*“The General Assembly,*\n\n"
                                           "“1. *Requests* States:\n\n“(a) To act, by:\n\n“(i) Sharing;\n"}});
    const Document& t = *twice.find("E/RES/2099/2");
    const Clause& item = t.clauses.back();
    CHECK(item.anchor == "op1-2ai");
    CHECK(clause_label(item) == "paragraph 1-2 (a) (i)");
    CHECK(akn_eid(item) == "para_1-2__subpara_a__subpara_i");
    CHECK(count(parse_xml(akn_xml(t, twice)), "//subparagraph[@eId='para_1-2__subpara_a']/subparagraph[@eId='para_1-2__subpara_a__subpara_i']") == 1);
}

// corpus.json and the search index are written a batch of 256 documents at a time: across
// the batches' seams the text must still be one JSON text, the same as made whole.
TEST_CASE("corpus.json and the search index made in batches read as one text across the batches", "[export]") {
    std::vector<std::pair<std::string, std::string>> files;
    for (int i = 1; i <= 600; ++i)
        files.push_back({"r" + std::to_string(i) + ".md",
                         "---\nsymbol: A/RES/70/" + std::to_string(i) + "\ntitle: Resolution " + std::to_string(i) +
                             "\nbody: General Assembly\nkind: resolution\n---\n\n*Noting* item " + std::to_string(i) +
                             ",\n\n1. *Decides* to act;\n"});
    Corpus c = corpus_of(files);
    REQUIRE(c.documents.size() == 600);

    size_t pieces = 0;
    std::string text;
    corpus_json_write(c, [&](std::string_view piece) {
        ++pieces;
        text += piece;
    });
    CHECK(pieces > 3);
    CHECK(text == json_text(corpus_json(c)));

    std::string index;
    search_index_write(c, [&](std::string_view piece) { index += piece; });
    const std::string head = "window.RESGEN_SEARCH_INDEX = ", tail = ";\n";
    REQUIRE(index.rfind(head, 0) == 0);
    REQUIRE(index.size() > head.size() + tail.size());
    REQUIRE(index.substr(index.size() - tail.size()) == tail);
    auto parsed = resgen::json::parse(index.substr(head.size(), index.size() - head.size() - tail.size()));
    CHECK(parsed["docs"].size() == 600);
    REQUIRE(parsed["paras"].size() == 1200);  // a preambular and an operative paragraph each
    for (size_t k = 0; k < 1200; ++k) CHECK(parsed["paras"][k]["d"] == k / 2);
}
