// resgen-synth: writes a corpus of N documents in the content format, shaped like the real
// series, for the benchmark. Deterministic for a seed: the generator below is our own
// (splitmix64) because the standard distributions may differ between library versions.
//
//   resgen-synth --count 10000 --seed 1 --out /tmp/corpus
//
// Each document is a General Assembly or Economic and Social Council resolution of about
// 5-7 KB: a voice line, 6-9 preambular paragraphs of which 1-3 recall earlier documents of the
// corpus in the series' citation forms (some also cite documents outside it), 8-12 operative
// paragraphs, some with sub-paragraphs, and footnotes. Documents belong to series (a dozen
// texts on average, a few active at once): each text carries its predecessor's paragraphs,
// some amended, a few dropped or new, and recalls it, as the resolutions of a real series do.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Random {
    uint64_t state;
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // In [lo, hi].
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1)); }
    bool chance(int percent) { return between(1, 100) <= percent; }
    template <class T>
    const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

const std::vector<std::string> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

const std::vector<std::string> kTopics = {
    "the prevention, combating and elimination of kidnapping",
    "providing assistance to victims of kidnapping",
    "strengthening international cooperation against transnational organized crime",
    "combating money-laundering connected with kidnapping",
    "technical assistance for the fight against kidnapping",
    "the protection of witnesses and victims of crime",
    "mutual legal assistance and extradition in cases of kidnapping",
    "the prevention of crime and criminal justice"};

const std::vector<std::string> kPreambular = {"Concerned", "Reiterating", "Noting", "Convinced",
                                              "Convinced also", "Acknowledging", "Bearing in mind",
                                              "Deeply concerned", "Noting with concern", "Emphasizing",
                                              "Mindful", "Recognizing"};

const std::vector<std::string> kOperative = {
    "Condemns",     "Reiterates", "Encourages",       "Calls upon",     "Urges",         "Requests",
    "Also requests", "Invites",   "Takes note with appreciation of", "Recommends",   "Decides",
    "Welcomes",     "Stresses",   "Emphasizes",       "Notes with concern"};

// The language of the clauses: each series of resolutions speaks its own, drawn from these
// words. Real collections share little language between series on different subjects; inside
// a series each text carries its predecessor's, amended. A bank of a dozen sentences shared by
// every document would make all 10,000 texts one series, which no collection is.
const std::vector<std::string> kWords = {
    "abduction", "abuse", "access", "accountability", "activities", "administration", "adolescents",
    "agencies", "agreements", "aid", "alternatives", "analysis", "arms", "arrangements", "assets",
    "assistance", "authorities", "awareness", "bilateral", "border", "capacity", "cartels", "cases",
    "centres", "children", "citizens", "civil", "coastal", "collaboration", "commitments", "communities",
    "compensation", "competent", "compliance", "comprehensive", "confiscation", "consular", "container",
    "control", "coordination", "corruption", "counterfeit", "courts", "crime", "criminal", "crisis",
    "cultural", "custody", "customs", "cybercrime", "data", "defence", "delegations", "detection",
    "detention", "development", "digital", "diversion", "documents", "domestic", "drugs", "economic",
    "education", "effective", "electronic", "emergency", "enforcement", "environmental", "equipment",
    "evidence", "expertise", "exploitation", "extortion", "extradition", "families", "financial",
    "firearms", "fisheries", "forensic", "forests", "fraud", "freezing", "frontier", "funds", "gender",
    "governance", "groups", "guidelines", "harbours", "health", "heritage", "hostages", "housing",
    "human", "identity", "illicit", "implementation", "independent", "indigenous", "information",
    "infrastructure", "initiatives", "institutions", "integrity", "intelligence", "interagency",
    "investigations", "judicial", "judges", "justice", "juveniles", "knowledge", "labour", "land",
    "laundering", "lawyers", "legal", "legislation", "liaison", "livelihoods", "local", "maritime",
    "measures", "mechanisms", "mediation", "medical", "migrants", "minors", "monitoring", "municipal",
    "narcotics", "national", "networks", "nuclear", "offenders", "officers", "operations", "organized",
    "oversight", "partnerships", "penal", "persons", "piracy", "planning", "police", "policies",
    "ports", "precursors", "prevention", "prisons", "private", "proceeds", "procurement", "programmes",
    "property", "prosecutors", "protection", "public", "ransom", "recovery", "regional", "registers",
    "rehabilitation", "reintegration", "reporting", "rescue", "research", "resources", "restitution",
    "restorative", "rights", "rural", "safety", "sanctions", "seizure", "sentencing", "services",
    "shelters", "smuggling", "social", "standards", "statistics", "strategies", "supervision", "support",
    "surveillance", "sustainable", "technical", "technology", "terrorism", "tourism", "trade",
    "trafficking", "training", "transit", "transparency", "treatment", "trials", "urban", "victims",
    "violence", "vulnerable", "weapons", "welfare", "wildlife", "witnesses", "women", "workers", "youth"};

const std::vector<std::string> kJoiners = {"the", "of", "and", "to", "in", "for", "with", "on", "by", "of the",
                                           "and the", "in the", "to the", "for the"};

// Language every series uses now and then: the boilerplate of resolutions.
const std::vector<std::string> kBoilerplate = {
    "the Secretary-General to report to the Commission on Crime Prevention and Criminal Justice at its next session on the implementation of the present resolution",
    "the United Nations Office on Drugs and Crime, subject to the availability of extrabudgetary resources, to provide technical assistance to States upon request",
    "Member States and other donors to provide extrabudgetary contributions for those purposes, in accordance with the rules and procedures of the United Nations"};

const std::vector<std::string> kActions = {
    "requested the Secretary-General to submit a report on the implementation of that resolution",
    "invited Member States to strengthen their cooperation against kidnapping",
    "urged Member States to adopt measures to assist and protect the victims of kidnapping",
    "decided to keep the question under review"};

struct Doc {
    bool assembly;      // General Assembly, else Economic and Social Council
    int year, month, day;
    int number;         // 154 in 59/154
    size_t series;      // index into the series
    std::string topic;
    std::string symbol() const {
        return assembly ? "A/RES/" + std::to_string(year - 1945) + "/" + std::to_string(number)
                        : "E/RES/" + std::to_string(year) + "/" + std::to_string(number);
    }
    std::string short_number() const {
        return (assembly ? std::to_string(year - 1945) : std::to_string(year)) + "/" + std::to_string(number);
    }
    std::string organ() const { return assembly ? "General Assembly" : "Economic and Social Council"; }
    std::string date_text() const { return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year); }
    std::string iso() const {
        char b[16];
        std::snprintf(b, sizeof b, "%04d-%02d-%02d", year, month, day);
        return b;
    }
    std::string title() const { return "International cooperation in " + topic; }
};

// How a citing document names a cited one, in the forms the series uses.
std::string cite_one(const Doc& from, const Doc& to, bool with_date) {
    std::string s = from.assembly == to.assembly
                        ? "its resolution " + to.short_number()
                        : to.organ() + " resolution " + to.short_number();
    if (with_date) s += " of " + to.date_text();
    return s;
}

// A clause's words after its opening phrase, as a list so that a later text can amend it.
using Words = std::vector<std::string>;

Words fresh_language(Random& r, int min_words, int max_words) {
    Words w;
    int n = r.between(min_words, max_words);
    for (int i = 0; i < n; ++i) {
        if (i && r.chance(45)) w.push_back(r.pick(kJoiners));
        else if (i && r.chance(6)) w.back() += ",";
        w.push_back(r.pick(kWords));
    }
    return w;
}

// The next text of a series changes a word, adds a few or strikes a few out.
void amend(Random& r, Words& w) {
    if (w.empty()) return;
    size_t at = r.next() % w.size();
    switch (r.between(0, 2)) {
        case 0: w[at] = r.pick(kWords); break;
        case 1: {
            int k = r.between(1, 3);
            for (int i = 0; i < k; ++i) w.insert(w.begin() + static_cast<long>(at), r.pick(kWords));
            break;
        }
        default:
            if (w.size() > 6) w.erase(w.begin() + static_cast<long>(at), w.begin() + static_cast<long>(std::min(w.size(), at + r.between(1, 3))));
    }
}

std::string joined(const Words& w) {
    std::string s;
    for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
    while (!s.empty() && s.back() == ',') s.pop_back();
    return s;
}

struct Paragraph {
    std::string phrase;   // "Concerned", "Requests"
    Words words;
    std::vector<Words> subparagraphs;
};

// What a series says in its latest text, carried into its next one.
struct Series {
    std::string topic;
    bool assembly = false;
    std::vector<Paragraph> preambular, operative;
    long latest = -1;     // its latest document
    std::vector<long> members;
};

Paragraph new_paragraph(Random& r, bool operative) {
    Paragraph p;
    if (!operative) {
        p.phrase = r.pick(kPreambular);
        p.words = fresh_language(r, 12, 34);
        return p;
    }
    p.phrase = r.pick(kOperative);
    if (r.chance(12)) {
        std::string b = r.pick(kBoilerplate);
        for (size_t i = 0, j; i < b.size(); i = j + 1) {
            j = b.find(' ', i);
            if (j == std::string::npos) j = b.size();
            p.words.push_back(b.substr(i, j - i));
        }
    } else {
        p.words = fresh_language(r, 12, 34);
    }
    if (r.chance(20)) {
        int subs = r.between(2, 5);
        for (int s = 0; s < subs; ++s) p.subparagraphs.push_back(fresh_language(r, 5, 14));
    }
    return p;
}

// The next text of a series: most paragraphs carried, some amended, a few dropped or new.
void carry_forward(Random& r, std::vector<Paragraph>& paragraphs, bool operative, int min_count, int max_count) {
    std::vector<Paragraph> next;
    for (auto& p : paragraphs) {
        if (r.chance(8)) continue;  // dropped
        if (r.chance(25)) amend(r, p.words);
        for (auto& sub : p.subparagraphs)
            if (r.chance(15)) amend(r, sub);
        next.push_back(p);
        if (r.chance(6)) next.push_back(new_paragraph(r, operative));
    }
    while (static_cast<int>(next.size()) < min_count) next.push_back(new_paragraph(r, operative));
    while (static_cast<int>(next.size()) > max_count) next.erase(next.begin() + static_cast<long>(r.next() % next.size()));
    paragraphs = std::move(next);
}

}  // namespace

int main(int argc, char** argv) {
    long count = 1000;
    uint64_t seed = 1;
    fs::path out;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--count" && i + 1 < argc) count = std::atol(argv[++i]);
        else if (a == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else {
            std::cerr << "usage: resgen-synth --count N [--seed S] --out DIR\n";
            return 2;
        }
    }
    if (out.empty() || count <= 0) {
        std::cerr << "usage: resgen-synth --count N [--seed S] --out DIR\n";
        return 2;
    }
    Random r{seed};

    // The documents in date order, from 1990 on, about 300 a year so that 10,000 documents
    // span some 33 years and 100,000 span more (the session numbers grow with the year). Each
    // belongs to a series: a new one about one time in ten, else one of the series still
    // active (the last 40 opened), so that series run to a dozen texts on average.
    std::vector<Doc> docs;
    std::vector<Series> series;
    docs.reserve(count);
    std::vector<int> next_number(2 * 4000, 1);
    for (long i = 0; i < count; ++i) {
        Doc d;
        if (series.empty() || r.chance(9)) {
            Series s;
            s.topic = r.pick(kTopics);
            s.assembly = r.chance(50);
            series.push_back(std::move(s));
            d.series = series.size() - 1;
        } else {
            size_t active = std::min<size_t>(series.size(), 40);
            d.series = series.size() - 1 - r.next() % active;
        }
        Series& s = series[d.series];
        d.assembly = r.chance(85) ? s.assembly : !s.assembly;
        d.year = 1990 + static_cast<int>(i / 300);
        int day_of_year = static_cast<int>((i % 300) * 336 / 300);
        d.month = day_of_year / 28 + 1;
        d.day = day_of_year % 28 + 1;
        d.number = next_number[(d.year - 1990) * 2 + d.assembly]++;
        d.topic = s.topic;
        docs.push_back(d);
    }

    std::error_code ec;
    fs::create_directories(out, ec);
    {
        std::ofstream yml(out / "site.yml");
        yml << "title: Synthetic resolutions (" << count << ", seed " << seed << ")\n"
            << "description: A synthetic corpus for the benchmark of resgen.\n"
            << "language: en\n"
            << "preambular_phrases: [Deeply concerned, Noting with concern, Emphasizing, Mindful, Recognizing]\n";
    }

    for (long i = 0; i < count; ++i) {
        const Doc& d = docs[i];
        Series& s = series[d.series];
        const long predecessor = s.latest;
        // The series' language for this text: its predecessor's, carried forward.
        int recalls = i == 0 ? 0 : r.between(1, 3);
        int preambular = std::max(3, r.between(6, 9) - recalls), operative = r.between(8, 12);
        carry_forward(r, s.preambular, false, preambular, preambular + 1);
        carry_forward(r, s.operative, true, operative, operative + 1);

        std::string t;
        t.reserve(8000);
        t += "---\nsymbol: " + d.symbol() + "\ntitle: " + d.title() + "\nbody: " + d.organ() +
             "\nkind: resolution\ndate: " + d.iso() + "\nmeeting: " + std::to_string(r.between(10, 80)) +
             "th plenary meeting\nagenda_item: \"" + std::to_string(r.between(1, 120)) + "\"\n";
        if (r.chance(40)) t += "tags: [kidnapping, victims]\n";
        t += "---\n\n*The " + d.organ() + ",*\n\n";

        // 1-3 recalls: the predecessor in the series first, then earlier texts of the series
        // or, now and then, a recent text of another series.
        int footnotes = 0;
        std::string notes;
        for (int k = 0; k < recalls; ++k) {
            long j;
            if (k == 0 && predecessor >= 0) j = predecessor;
            else if (!s.members.empty() && r.chance(60)) j = s.members[r.next() % s.members.size()];
            else j = i - 1 - static_cast<long>(r.next() % std::min<long>(i, 400));
            const Doc& to = docs[j];
            t += k == 0 ? "*Recalling* " : "*Recalling also* ";
            t += cite_one(d, to, true);
            if (r.chance(60)) t += ", entitled “" + to.title() + "”";
            if (r.chance(50)) t += ", in which it " + r.pick(kActions);
            if (r.chance(30) && j > 0) {
                const Doc& other = docs[r.next() % j];
                if (other.assembly == to.assembly && other.symbol() != to.symbol())
                    t += ", and " + cite_one(d, other, false);
            }
            t += ",\n\n";
        }
        for (const auto& p : s.preambular) {
            t += "*" + p.phrase + "* " + joined(p.words);
            if (r.chance(20)) {
                // Documents outside the corpus: earlier resolutions, reports, the Convention.
                int kind = r.between(0, 2);
                if (kind == 0)
                    t += ", and General Assembly resolution " + std::to_string(r.between(40, 44)) + "/" +
                         std::to_string(r.between(1, 60)) + ", annex I";
                else if (kind == 1)
                    t += ", as stated in the report of the Secretary-General[^" + std::to_string(++footnotes) + "]",
                        notes += "[^" + std::to_string(footnotes) + "]: E/CN.15/" + std::to_string(d.year) + "/" +
                                 std::to_string(r.between(2, 9)) + " and Add.1.\n\n";
                else
                    t += ", in the light of the United Nations Convention against Transnational Organized Crime[^" +
                             std::to_string(++footnotes) + "]",
                        notes += "[^" + std::to_string(footnotes) +
                                 "]: United Nations, Treaty Series, vol. 2225, No. 39574.\n\n";
            }
            t += ",\n\n";
        }

        int o = 0;
        for (const auto& p : s.operative) {
            ++o;
            t += std::to_string(o) + ". *" + p.phrase + "* " + joined(p.words);
            if (o == static_cast<int>(s.operative.size())) t += ", and decides to remain seized of the matter.\n\n";
            else if (!p.subparagraphs.empty()) {
                t += ", including:\n\n";
                char letter = 'a';
                for (const auto& sub : p.subparagraphs) {
                    std::string text = joined(sub);
                    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
                    t += std::string("    (") + letter++ + ") " + text + ";\n\n";
                }
            } else {
                t += ";\n\n";
            }
        }
        t += notes;
        s.latest = i;
        s.members.push_back(i);

        std::string file = d.symbol();
        for (char& c : file)
            if (c == '/') c = '-';
        fs::path dir = out / std::to_string(d.year);
        fs::create_directories(dir, ec);
        std::ofstream f(dir / (file + ".md"), std::ios::binary);
        f << t;
        if (!f) {
            std::cerr << "resgen-synth: cannot write " << (dir / (file + ".md")).string() << '\n';
            return 1;
        }
    }
    std::cout << "Wrote " << count << " documents in " << series.size() << " series into " << out.string() << '\n';
    return 0;
}
