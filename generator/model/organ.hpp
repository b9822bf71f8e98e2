// The organs that speak in resolutions, and how their documents are numbered.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace resgen {

// The shape of a resolution or decision number as a text prints it; an organ numbers its own
// in one of the first three.
enum class NumberShape {
    none,             // not a number resgen reads
    session,          // 59/154, S-26/2: the Assembly's, the Commission's, the Human Rights Council's
    year,             // 2003/28: the Economic and Social Council's
    number_and_year,  // 1373 (2001): the Security Council's
    roman_session,    // 2200 A (XXI), 3201 (S-VI): the Assembly's and the Council's until the 1970s
};

struct Organ {
    std::string name;           // "General Assembly"
    std::string short_name;     // "Assembly": what "the Assembly" in a text refers to
    std::string lane;           // the timeline lane it is drawn in
    std::string resolution_prefix;  // "A/RES/": a resolution number n becomes prefix + n
    std::string document_prefix;    // "A/": documents whose symbol starts so belong to it
    std::string decision_prefix;    // "A/DEC/": a decision number n becomes prefix + n; empty
                                    // when resgen does not know how its decisions are symbolled
    NumberShape numbering = NumberShape::session;  // session, year or number_and_year
    bool roman_sessions = false;    // numbered "2200 (XXI)" before its present numbering
};

// The built-in table, in lane order (Commission, Council, Assembly, then the others).
const std::vector<Organ>& organs();

// Looks an organ up by its full name ("Economic and Social Council"); nullptr if unknown.
const Organ* find_organ(std::string_view name);

// The organ a document belongs to, read off its symbol ("E/CN.15/2004/7" -> the Commission).
const Organ* organ_of_symbol(std::string_view symbol);

// The organ whose resolutions are numbered in this shape, for a bare "resolution 59/154":
// year/number (2003/28) is the Council's, session/number (59/154) the Assembly's (the
// Commission and the Human Rights Council number theirs so too, but a bare number is read as
// the Assembly's), number (year) the Security Council's. nullptr when the shape says nothing.
// A roman session ("2200 (XXI)") names no one organ: both the Assembly and the Council
// numbered so.
const Organ* organ_of_number_shape(std::string_view number);

// The shape of a number as the citation reader takes it ("59/154", "1373 (2001)", "2200 (XXI)").
NumberShape number_shape(std::string_view number);

// Does a number of this shape belong to the organ's numbering, present or past? "18/2" fits
// the Commission as it fits the Assembly; "2200 (XXI)" fits the Assembly, not the Commission.
// A shape resgen does not read fits every organ.
bool numbered_so(const Organ& organ, std::string_view number);

// What a symbol says a document is: "resolution" (A/RES/59/154), "decision" (E/DEC/2004/237),
// or empty when it does not say.
std::string_view kind_of_symbol(std::string_view symbol);

// A symbol as resgen keys it: the space before a bracketed year taken out. The Security
// Council's symbols are printed both ways, "S/RES/1373 (2001)" and "S/RES/1373(2001)"; the
// key, the page and every citation of the resolution use the second.
std::string canonical_symbol(std::string symbol);

}  // namespace resgen
