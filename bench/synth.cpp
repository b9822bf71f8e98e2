// resgen-synth: writes a corpus of N documents in the content format, shaped like the real
// series, for the benchmark. Deterministic for a seed: the generator below is our own
// (splitmix64) because the standard distributions may differ between library versions.
//
//   resgen-synth --count 10000 --seed 1 --out /tmp/corpus
//
// Each document is a General Assembly or Economic and Social Council resolution of about
// 5-7 KB: a voice line, 6-9 preambular paragraphs of which 1-3 recall earlier documents of the
// corpus in the series' citation forms (some also cite documents outside it), 8-12 operative
// paragraphs, some with sub-paragraphs, and footnotes.
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

const std::vector<std::string> kClauses = {
    "the increase in the practice of kidnapping in various countries of the world and the harmful effects of that crime on victims and their families",
    "that the kidnapping of persons under any circumstances and for any purpose constitutes a serious crime and a violation of individual freedom",
    "the transnational nature of organized crime and the tendency of organized criminal groups to expand their illegal operations",
    "the growing tendency of organized criminal groups and terrorist groups to resort to kidnapping, especially for the purpose of extortion",
    "that the links between various illegal activities, including terrorism, and organized crime pose an additional threat to security",
    "the need to provide appropriate support and assistance to victims and their families, and to promote their recovery",
    "Member States to continue to foster international cooperation, especially extradition and mutual legal assistance",
    "the importance of exchange of information between law enforcement authorities with a view to preventing and combating kidnapping",
    "the considerable psychological, social and economic damage associated with kidnapping and the need for legislative measures",
    "the tracing, detection, freezing and confiscation of the proceeds of kidnapping in order to combat organized criminal groups",
    "the United Nations Office on Drugs and Crime, subject to the availability of extrabudgetary resources, to provide technical assistance to States",
    "the Secretary-General to report to the Commission on Crime Prevention and Criminal Justice at its next session on the implementation of the present resolution"};

const std::vector<std::string> kSubparagraphs = {
    "Measures to prevent the crime of kidnapping that are directed at potential victims",
    "Preventive measures aimed at disbanding organized criminal groups and terrorist groups",
    "Cooperation or strategic alliances with the private sector",
    "Response to and management of crises, including rescue operations",
    "Training of judges, prosecutors and other law enforcement officials in special investigative techniques",
    "Development of specialized measures for providing support and assistance to victims and their families",
    "Information on national authorities responsible for preventing and combating kidnapping",
    "Review of trends and greater understanding of the problem in order to develop policies"};

const std::vector<std::string> kActions = {
    "requested the Secretary-General to submit a report on the implementation of that resolution",
    "invited Member States to strengthen their cooperation against kidnapping",
    "urged Member States to adopt measures to assist and protect the victims of kidnapping",
    "decided to keep the question under review"};

struct Doc {
    bool assembly;      // General Assembly, else Economic and Social Council
    int year, month, day;
    int number;         // 154 in 59/154
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

std::string sentence(Random& r, int min_parts, int max_parts) {
    std::string s;
    int parts = r.between(min_parts, max_parts);
    for (int i = 0; i < parts; ++i) s += (i ? ", and " : "") + r.pick(kClauses);
    return s;
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
    // span some 33 years and 100,000 span more (the session numbers grow with the year).
    std::vector<Doc> docs;
    docs.reserve(count);
    std::vector<int> next_number(2 * 4000, 1);
    for (long i = 0; i < count; ++i) {
        Doc d;
        d.assembly = r.chance(50);
        d.year = 1990 + static_cast<int>(i / 300);
        int day_of_year = static_cast<int>((i % 300) * 336 / 300);
        d.month = day_of_year / 28 + 1;
        d.day = day_of_year % 28 + 1;
        d.number = next_number[(d.year - 1990) * 2 + d.assembly]++;
        d.topic = r.pick(kTopics);
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
        std::string t;
        t.reserve(8000);
        t += "---\nsymbol: " + d.symbol() + "\ntitle: " + d.title() + "\nbody: " + d.organ() +
             "\nkind: resolution\ndate: " + d.iso() + "\nmeeting: " + std::to_string(r.between(10, 80)) +
             "th plenary meeting\nagenda_item: \"" + std::to_string(r.between(1, 120)) + "\"\n";
        if (r.chance(40)) t += "tags: [kidnapping, victims]\n";
        t += "---\n\n*The " + d.organ() + ",*\n\n";

        int preambular = r.between(6, 9);
        int recalls = i == 0 ? 0 : r.between(1, 3);
        int footnotes = 0;
        std::string notes;
        for (int p = 0; p < preambular; ++p) {
            if (p >= 1 && p <= recalls) {
                // A recall of an earlier document: mostly a recent one, sometimes an old one.
                long span = std::min<long>(i, 400);
                long j = r.chance(75) ? i - 1 - static_cast<long>(r.next() % span) : static_cast<long>(r.next() % i);
                const Doc& to = docs[j];
                t += p == 1 ? "*Recalling* " : "*Recalling also* ";
                t += cite_one(d, to, true);
                if (r.chance(60)) t += ", entitled “" + to.title() + "”";
                if (r.chance(50)) t += ", in which it " + r.pick(kActions);
                if (r.chance(30) && j > 0) {
                    const Doc& other = docs[r.next() % j];
                    if (other.assembly == to.assembly && other.symbol() != to.symbol())
                        t += ", and " + cite_one(d, other, false);
                }
                t += ",\n\n";
                continue;
            }
            t += "*" + r.pick(kPreambular) + "* " + sentence(r, 1, 3);
            if (r.chance(25)) {
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

        int operative = r.between(8, 12);
        for (int o = 1; o <= operative; ++o) {
            t += std::to_string(o) + ". *" + r.pick(kOperative) + "* " + sentence(r, 2, 3);
            if (o == operative) t += ", and decides to remain seized of the matter.\n\n";
            else if (r.chance(20)) {
                t += ", including:\n\n";
                int subs = r.between(2, 5);
                for (int s = 0; s < subs; ++s)
                    t += std::string("    (") + static_cast<char>('a' + s) + ") " + r.pick(kSubparagraphs) +
                         ";\n\n";
            } else {
                t += ";\n\n";
            }
        }
        t += notes;

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
    std::cout << "Wrote " << count << " documents into " << out.string() << '\n';
    return 0;
}
