// Stage `bundle`: the rendered site as one zip archive for readers without a network. It is
// unpacked anywhere and opened from file://, so it holds exactly the files of a build.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "render/render.hpp"

namespace resgen {

// The archive's comment; it also marks a file as a bundle resgen may replace.
inline constexpr const char* kBundleComment = "resgen bundle: unzip it, then open index.html in the folder inside.";

// The files as a zip archive, each under `folder/`, in path order, with one fixed date, so that
// the same site gives the same bytes. Errors from libzip are reported in `diags`.
std::string zip_bundle(const std::vector<OutputFile>& files, const std::string& folder, Diagnostics& diags);

// The name of the folder inside the archive: the file's name without ".zip".
std::string bundle_folder_name(const std::filesystem::path& zip_path);

// Writes the archive through a temporary sibling and a rename. An existing file at `path` is
// replaced only when it is a bundle resgen wrote (it ends with kBundleComment).
bool write_bundle(const std::filesystem::path& path, const std::string& bytes, Diagnostics& diags);

}  // namespace resgen
