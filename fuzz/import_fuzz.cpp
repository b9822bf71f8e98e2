// Any bytes as a raw text to import (text extracted from a PDF, damaged or not): the importer
// must never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view raw(reinterpret_cast<const char*>(data), size);
    resgen::import_text(raw, "fuzz.txt");
    return 0;
}
