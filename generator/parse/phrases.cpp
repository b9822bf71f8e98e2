#include <algorithm>
#include <cctype>

#include "parse/parse.hpp"

namespace resgen {

// The opening phrases of preambular paragraphs in UN resolutions, the Security Council's
// among them ("Determining that ...", "Acting under Chapter VII ..."). A site adds its own in
// site.yml; "also", "further" and "with ..." variants are written out so that the longest
// phrase is what the page shows.
static const char* const kPreambular[] = {
    "Acknowledging", "Acknowledging also", "Acknowledging further", "Acting", "Affirming",
    "Affirming also", "Alarmed", "Alarmed by", "Appreciating", "Aware", "Aware also",
    "Bearing in mind", "Bearing in mind also", "Believing", "Cognizant", "Commending",
    "Concerned", "Concerned also", "Condemning", "Conscious", "Considering", "Considering also",
    "Convinced", "Convinced also", "Convinced further", "Deeply concerned", "Deeply convinced",
    "Deploring", "Desiring", "Determined", "Determining", "Emphasizing", "Emphasizing also",
    "Encouraged", "Expressing", "Expressing its appreciation", "Expressing concern", "Fully aware",
    "Gravely concerned", "Guided", "Having considered", "Having examined", "Having heard",
    "Having received", "Having reviewed", "Highlighting", "Keeping in mind", "Mindful",
    "Mindful also", "Noting", "Noting also", "Noting further", "Noting with appreciation",
    "Noting with concern", "Noting with satisfaction", "Observing", "Reaffirming",
    "Reaffirming also", "Reaffirming further", "Realizing", "Recalling", "Recalling also",
    "Recalling further", "Recognizing", "Recognizing also", "Recognizing further", "Regretting",
    "Reiterating", "Reiterating also", "Seeking", "Stressing", "Stressing also",
    "Stressing further", "Taking into account", "Taking into consideration", "Taking note",
    "Taking note also", "Underlining", "Underscoring", "Welcoming", "Welcoming also",
    "Welcoming further",
};

std::vector<std::string> preambular_phrases(const std::vector<std::string>& extra) {
    std::vector<std::string> all(std::begin(kPreambular), std::end(kPreambular));
    all.insert(all.end(), extra.begin(), extra.end());
    std::sort(all.begin(), all.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

namespace {

std::string lower(std::string_view word) {
    std::string out(word);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

bool is_opening_adverb(std::string_view word) {
    static const char* const kAdverbs[] = {"also", "further", "again", "once", "most", "very"};
    const std::string w = lower(word);
    return (w.size() > 4 && w.ends_with("ly")) ||
           std::any_of(std::begin(kAdverbs), std::end(kAdverbs), [&](const char* a) { return w == a; });
}

bool recalls_by_phrase(std::string_view phrase) {
    for (size_t at = 0; at < phrase.size();) {
        const size_t end = std::min(phrase.find(' ', at), phrase.size());
        const std::string word = lower(phrase.substr(at, end - at));
        if (word == "recalling" || word == "recalls") return true;
        at = end + 1;
    }
    return false;
}

bool has_preambular_form(std::string_view phrase) {
    static const char* const kAdjectives[] = {"anxious", "appreciative", "aware",   "cognizant", "confident",
                                              "conscious", "desirous",   "eager",   "fearful",   "grateful",
                                              "hopeful",   "keen",       "mindful", "sure"};
    size_t at = 0;
    while (at < phrase.size()) {
        size_t end = phrase.find(' ', at);
        if (end == std::string_view::npos) end = phrase.size();
        const std::string word = lower(phrase.substr(at, end - at));
        at = end + 1;
        if (word.empty() || is_opening_adverb(word)) continue;
        if (word.size() >= 5 && word.ends_with("ing")) return true;
        if (word.size() >= 5 && word.ends_with("ed")) return true;
        return std::any_of(std::begin(kAdjectives), std::end(kAdjectives), [&](const char* a) { return word == a; });
    }
    return false;
}

}  // namespace resgen
