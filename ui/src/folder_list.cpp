// The path popup's folder browser (folder_list.hpp).
#include "ui/folder_list.hpp"

#include "model/utf8_path.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <system_error>

namespace aovpn::ui {

namespace fs = std::filesystem;

namespace {

bool lessIgnoringCase(const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) <
               std::tolower(static_cast<unsigned char>(y));
    });
}

bool endsInSeparator(const std::string& s) {
    return !s.empty() && (s.back() == '/' || s.back() == '\\');
}

// Plain words for why a folder cannot be listed.
std::string whyNot(const std::error_code& ec) {
    if (ec == std::errc::permission_denied) return "Access denied: this folder cannot be listed.";
    if (ec == std::errc::no_such_file_or_directory) return "This folder does not exist.";
    if (ec == std::errc::not_a_directory) return "This is not a folder.";
    return "This folder cannot be listed: " + ec.message();
}

} // namespace

std::string folderOfTypedPath(const std::string& typed) {
    std::error_code ec;
    fs::path p = typed.empty() ? fs::current_path(ec) : fs::absolute(pathFromUtf8(typed), ec);
    if (ec) return {};
    if (!typed.empty() && !endsInSeparator(typed) && !fs::is_directory(p, ec)) p = p.parent_path();
    p = p.lexically_normal();
    std::string s = pathToUtf8(p);
    // "/home/alice/" and "/home/alice" are one folder (lexically_normal keeps the separator).
    while (s.size() > 1 && endsInSeparator(s) && pathToUtf8(p.root_path()) != s)
        s.pop_back();
    return s;
}

FolderListing listFolder(const std::string& folder, std::size_t limit) {
    FolderListing l;
    l.folder = folder;
    std::error_code ec;
    fs::directory_iterator it(pathFromUtf8(folder), ec); // EACCES must reach whyNot
    if (ec) {
        l.error = whyNot(ec);
        return l;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            l.error = whyNot(ec);
            break;
        }
        const std::string name = pathToUtf8(it->path().filename());
        if (name.empty() || name.front() == '.') continue;
        if (l.entries.size() == limit) {
            l.truncated = true;
            break;
        }
        std::error_code kindEc;
        l.entries.push_back({name, it->is_directory(kindEc)});
    }
    std::sort(l.entries.begin(), l.entries.end(), [](const auto& a, const auto& b) {
        if (a.isFolder != b.isFolder) return a.isFolder;
        return lessIgnoringCase(a.name, b.name);
    });
    return l;
}

namespace {
// One row; a click fills the path. True when a file was double-clicked: both clicks on that same
// file (the first one filled it in), never a file that took a folder's place after its click.
bool entryRow(AppState& state, const fs::path& here, const FolderListing::Entry& e) {
    const std::string label = e.isFolder ? e.name + "/" : e.name;
    if (!ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick))
        return false;
    const std::string path =
        pathToUtf8(e.isFolder ? here / pathFromUtf8(e.name) / "" : here / pathFromUtf8(e.name));
    const bool second = state.view.pathInput == path;
    state.view.pathInput = path;
    return !e.isFolder && second && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
}
} // namespace

bool drawFolderList(AppState& state) {
    FolderListing& l = state.view.folderListing;
    // Re-read only when the typed text names another folder (not on every frame).
    if (ImGui::IsWindowAppearing() || state.view.pathInput != l.typed) {
        const std::string folder = folderOfTypedPath(state.view.pathInput);
        if (ImGui::IsWindowAppearing() || folder != l.folder) l = listFolder(folder);
        l.typed = state.view.pathInput;
    }
    ImGui::TextDisabled("%s", l.folder.c_str());
    const float w = ImGui::GetFontSize() * 34.0f;
    ImGui::BeginChild("##folder", ImVec2(w, ImGui::GetTextLineHeightWithSpacing() * 12.0f),
                      ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
    bool chosen = false;
    const fs::path here = pathFromUtf8(l.folder);
    if (here.has_parent_path() && here.parent_path() != here &&
        ImGui::Selectable("../ (up one folder)"))
        state.view.pathInput = pathToUtf8(here.parent_path() / "");
    ImGuiListClipper clipper; // a folder of thousands draws only the rows in view
    clipper.Begin(static_cast<int>(l.entries.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            chosen |= entryRow(state, here, l.entries[static_cast<std::size_t>(i)]);
    if (!l.error.empty()) ImGui::TextWrapped("%s", l.error.c_str());
    if (l.truncated) ImGui::TextDisabled("(more entries than shown: type more of the name)");
    if (l.entries.empty() && l.error.empty()) ImGui::TextDisabled("(empty folder)");
    ImGui::EndChild();
    return chosen;
}

} // namespace aovpn::ui
