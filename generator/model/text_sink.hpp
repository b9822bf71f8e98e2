// Where text goes piece by piece, in order: a large output file is made and written a piece at
// a time, never whole in memory.
#pragma once
#include <functional>
#include <string_view>

namespace resgen {

using TextSink = std::function<void(std::string_view)>;

}  // namespace resgen
