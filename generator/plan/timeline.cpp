// The timeline: one lane per organ, a mark per document placed by date, arrows for lineage
// and for recalls; and the same content as an ordered list for screen readers and print.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "model/organ.hpp"
#include "parallel/stop.hpp"
#include "plan/json_object.hpp"
#include "plan/labels.hpp"
#include "plan/pages.hpp"

namespace resgen {

namespace {

constexpr double kWidth = 960, kLeft = 250, kRight = 40, kTop = 40;
constexpr double kRowHeight = 34, kLanePad = 26, kRadius = 7, kLabelWidth = 96;
// Above this many placed documents, one mark stands for a body's documents of one year.
constexpr size_t kMarksAtMost = 150;

// The position of a document in fractional years, and whether it is exact.
std::pair<double, bool> when(const Document& d) {
    if (d.meta.date.size() == 10) {
        int y = std::stoi(d.meta.date.substr(0, 4)), m = std::stoi(d.meta.date.substr(5, 2)),
            day = std::stoi(d.meta.date.substr(8, 2));
        return {y + ((m - 1) * 30.5 + day) / 366.0, true};
    }
    int y = year_of(d);
    return {y ? y + 0.5 : 0.0, false};
}

std::string lane_of(const Document& d) {
    if (const Organ* o = find_organ(d.meta.body)) return o->lane;
    return d.meta.body.empty() ? "Other" : d.meta.body;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

json timeline_context(const Corpus& corpus, const SiteConfig&, const std::string& path) {
    auto docs = chronological(corpus, false);

    // Lanes in the organ table's order, then others by name; only lanes with a placed document.
    std::vector<std::string> lanes;
    for (const auto& o : organs()) lanes.push_back(o.lane);
    std::vector<const Document*> placed, unplaced;
    for (const Document* d : docs) (when(*d).first > 0 ? placed : unplaced).push_back(d);
    std::set<std::string> used;
    for (const Document* d : placed) used.insert(lane_of(*d));
    for (const auto& l : used)
        if (std::find(lanes.begin(), lanes.end(), l) == lanes.end()) lanes.push_back(l);
    lanes.erase(std::remove_if(lanes.begin(), lanes.end(), [&](const std::string& l) { return !used.count(l); }),
                lanes.end());

    double first = 0, last = 0;
    for (const Document* d : placed) {
        double t = when(*d).first;
        first = first == 0 ? t : std::min(first, t);
        last = std::max(last, t);
    }
    int y0 = static_cast<int>(std::floor(first)), y1 = static_cast<int>(std::floor(last)) + 1;
    double span = std::max(1, y1 - y0);
    auto x_of = [&](double t) { return kLeft + (t - y0) / span * (kWidth - kLeft - kRight); };

    // A large collection (hundreds of marks) is drawn as one mark per body and year, with the
    // number of its documents; the list below still names every document.
    struct Group {
        std::string lane;
        int year = 0;
        size_t count = 0, outside = 0;
    };
    const bool grouped = placed.size() > kMarksAtMost;
    std::vector<Group> groups;
    std::vector<std::tuple<std::string, std::string, double>> spots;  // key, lane, x
    if (grouped) {
        std::map<std::pair<int, std::string>, Group> by_year;
        for (const Document* d : placed) {
            int year = static_cast<int>(std::floor(when(*d).first));
            Group& g = by_year[{year, lane_of(*d)}];
            g.lane = lane_of(*d);
            g.year = year;
            ++g.count;
            g.outside += !d->in_collection;
        }
        for (auto& [k, g] : by_year) {
            groups.push_back(g);
            spots.emplace_back(g.lane + "\x1f" + std::to_string(g.year), g.lane, x_of(g.year + 0.5));
        }
    } else {
        for (const Document* d : placed) spots.emplace_back(d->key, lane_of(*d), x_of(when(*d).first));
    }

    // Within a lane, marks too close for their labels go to the next row.
    std::map<std::string, std::vector<double>> row_ends;
    std::map<std::string, std::pair<double, double>> pos;  // key -> (x, row)
    std::map<std::string, int> rows_in_lane;
    for (const auto& [key, lane, x] : spots) {
        auto& ends = row_ends[lane];
        size_t row = 0;
        while (row < ends.size() && ends[row] > x - kLabelWidth) ++row;
        if (row == ends.size()) ends.push_back(x);
        else ends[row] = x;
        pos[key] = {x, static_cast<double>(row)};
        rows_in_lane[lane] = std::max<int>(rows_in_lane[lane], static_cast<int>(row) + 1);
    }
    json lane_json = json::array();
    std::map<std::string, double> lane_top;
    double y = kTop;
    for (const auto& l : lanes) {
        double h = rows_in_lane[l] * kRowHeight + kLanePad;
        lane_top[l] = y;
        lane_json.push_back({{"name", l}, {"y", fmt(y)}, {"height", fmt(h)}, {"label_y", fmt(y + h / 2 + 4)},
                             {"mid", fmt(y + h / 2)}});
        y += h;
    }
    double height = y + 10;

    json years = json::array();
    for (int yr = y0; yr <= y1; ++yr)
        years.push_back({{"x", fmt(x_of(yr))}, {"label", std::to_string(yr)}, {"bottom", fmt(height - 10)}});

    auto center = [&](const Document& d) {
        auto [x, row] = pos[d.key];
        return std::pair<double, double>{x, lane_top[lane_of(d)] + kLanePad / 2 + row * kRowHeight + kRadius + 2};
    };
    json marks = json::array();
    for (const Group& g : groups) {
        auto [x, row] = pos[g.lane + "\x1f" + std::to_string(g.year)];
        double cy = lane_top[g.lane] + kLanePad / 2 + row * kRowHeight + kRadius + 2;
        std::string n = std::to_string(g.count) + (g.count == 1 ? " document" : " documents");
        marks.push_back({{"x", fmt(x)}, {"y", fmt(cy)}, {"label_y", fmt(cy + kRadius + 13)},
                         {"href", relative_url(path, "documents/index.html")},
                         {"label", std::to_string(g.count)},
                         {"title", g.lane + ", " + std::to_string(g.year) + ": " + n +
                                       (g.outside ? " (" + std::to_string(g.outside) + " outside the collection)" : "")},
                         {"outside", g.outside == g.count},
                         {"approximate", false}});
    }
    for (const Document* d : grouped ? std::vector<const Document*>{} : placed) {
        stop_point();
        auto [cx, cy] = center(*d);
        std::string date = d->meta.date.empty() ? std::to_string(year_of(*d)) + ", date not stated"
                                                 : display_date(d->meta.date);
        marks.push_back({{"x", fmt(cx)}, {"y", fmt(cy)}, {"label_y", fmt(cy + kRadius + 13)},
                         {"href", relative_url(path, page_path(*d))},
                         {"label", d->meta.symbol.empty() ? kind_label(d->meta.kind) + " (" + d->meta.date.substr(0, 4) + ")" : d->meta.symbol},
                         {"title", label_of(*d) + (d->meta.title.empty() || d->meta.symbol.empty() ? "" : ": " + d->meta.title) +
                                       " (" + date + ")" + (d->in_collection ? "" : ", outside the collection")},
                         {"outside", !d->in_collection},
                         {"approximate", !when(*d).second}});
    }

    // Arrows: from the draft to what it became, from the recalling document to the recalled.
    json arrows = json::array();
    auto arrow = [&](const Document& from, const Document& to, const char* kind) {
        if (!pos.count(from.key) || !pos.count(to.key)) return;
        auto [x1, y1_] = center(from);
        auto [x2, y2] = center(to);
        double dx = x2 - x1, dy = y2 - y1_, len = std::hypot(dx, dy);
        if (len < 2 * kRadius + 2) return;
        double ux = dx / len, uy = dy / len;
        double sx = x1 + ux * (kRadius + 2), sy = y1_ + uy * (kRadius + 2);
        double ex = x2 - ux * (kRadius + 4), ey = y2 - uy * (kRadius + 4);
        // Recalls bend away from the straight line so that they do not hide lineage arrows.
        double bend = std::string(kind) == "recall" ? 0.18 * len : 0.0;
        double mx = (sx + ex) / 2 - uy * bend, my = (sy + ey) / 2 + ux * bend;
        // Appended, not a chain of +: for that, GCC 12 warns of an overlap that is not there.
        std::string d = "M";
        d += fmt(sx), d += ' ', d += fmt(sy), d += " Q", d += fmt(mx);
        d += ' ', d += fmt(my), d += ' ', d += fmt(ex), d += ' ', d += fmt(ey);
        arrows.push_back({{"d", std::move(d)},
                          {"lineage", std::string(kind) == "lineage"},
                          {"recall", std::string(kind) == "recall"}});
    };
    std::set<std::pair<std::string, std::string>> drawn;
    for (const Document* d : grouped ? std::vector<const Document*>{} : placed) {
        stop_point();
        if (!d->meta.adopted_as.empty())
            if (const Document* t = corpus.find(d->meta.adopted_as)) arrow(*d, *t, "lineage");
        for (const auto& c : d->clauses)
            for (const auto& cit : c.citations)
                if (cit.recalls && drawn.insert({d->key, cit.target}).second)
                    if (const Document* t = corpus.find(cit.target)) arrow(*d, *t, "recall");
    }

    // The list: the same content in order, with each document's lineage and recalls.
    json items = json::array();
    for (const Document* d : docs) {
        stop_point();
        json relations = json::array();
        if (!d->meta.adopted_as.empty())
            if (const Document* t = corpus.find(d->meta.adopted_as))
                relations.push_back(object_of("text", d->meta.kind == "draft" ? "adopted as" : "recommended a draft adopted as",
                                              "href", relative_url(path, page_path(*t)), "label", label_of(*t)));
        std::set<std::string> seen;
        for (const auto& c : d->clauses)
            for (const auto& cit : c.citations)
                if (cit.recalls && seen.insert(cit.target).second)
                    if (const Document* t = corpus.find(cit.target))
                        relations.push_back(object_of("text", "recalls", "href", relative_url(path, page_path(*t)),
                                                      "label", label_of(*t)));
        const bool has_relations = !relations.empty();
        items.push_back(object_of("href", relative_url(path, page_path(*d)),
                                  "label", label_of(*d),
                                  "title", d->meta.symbol.empty() ? "" : d->meta.title,
                                  "lane", lane_of(*d),
                                  "date", d->meta.date.empty() ? (year_of(*d) ? std::to_string(year_of(*d)) + " (date not stated)"
                                                                                : "Date not stated")
                                                                 : display_date(d->meta.date),
                                  "iso_date", d->meta.date,
                                  "outside", !d->in_collection,
                                  "relations", std::move(relations),
                                  "has_relations", has_relations));
    }
    // Moved, not copied: nlohmann's braced lists copy every value, and these hold the collection.
    return object_of("page_title", "Timeline",
                     "svg", object_of("width", fmt(kWidth), "height", fmt(height), "lanes", std::move(lane_json),
                                      "years", std::move(years), "marks", std::move(marks),
                                      "arrows", std::move(arrows), "left", fmt(kLeft), "right", fmt(kWidth - kRight)),
                     "items", std::move(items), "grouped", grouped, "placed_count", placed.size(),
                     "unplaced_count", unplaced.size());
}

}  // namespace

Page timeline_page(const Corpus& corpus, const SiteConfig& config) {
    return series_page_outline("timeline/index.html", "timeline", corpus, config, false, timeline_context);
}

}  // namespace resgen
