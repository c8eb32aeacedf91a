// Native open/save dialogs on Windows (GetOpenFileNameW / GetSaveFileNameW, comdlg32). Paths
// cross as UTF-16 and come back to the UI as UTF-8. Nothing is passed to a shell.
#include "file_dialogs.hpp"

#ifdef _WIN32
#define GLFW_EXPOSE_NATIVE_WIN32
#include "model/utf8_path.hpp"

#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>

#include <commdlg.h>
#include <vector>
#include <windows.h>
#endif

namespace aovpn::app {

#ifdef _WIN32
namespace {

struct DialogKind {
    const wchar_t* filter; // pairs of "description\0pattern\0", ending in "\0"
    const wchar_t* ext;
    bool save;
};

DialogKind kindOf(ui::FileAction action) {
    switch (action) {
    case ui::FileAction::Open:
        return {L"ProfileXML (*.xml)\0*.xml\0All files\0*.*\0", L"xml", false};
    case ui::FileAction::SaveAs:
        return {L"ProfileXML (*.xml)\0*.xml\0", L"xml", true};
    case ui::FileAction::ExportPowerShell:
        return {L"PowerShell script (*.ps1)\0*.ps1\0", L"ps1", true};
    case ui::FileAction::ExportIntune:
        return {L"Text (*.txt)\0*.txt\0", L"txt", true};
    case ui::FileAction::ImportRootCa:
        return {L"Certificates (*.cer;*.crt;*.pem)\0*.cer;*.crt;*.pem\0All files\0*.*\0", L"cer",
                false};
    case ui::FileAction::ImportAzure: // the zip, or VpnSettings.xml in the extracted folder
        return {L"Azure VPN client package (*.zip;VpnSettings.xml)\0*.zip;VpnSettings.xml\0All "
                L"files\0*.*\0",
                L"zip", false};
    case ui::FileAction::None:
        break;
    }
    return {L"All files\0*.*\0", L"", false};
}

class Win32FileDialogs final : public ui::FileDialogs {
  public:
    explicit Win32FileDialogs(HWND owner) : owner_(owner) {}
    std::optional<std::string> choose(ui::FileAction action,
                                      const std::string& suggested) override {
        const DialogKind k = kindOf(action);
        std::vector<wchar_t> buf(32768, L'\0');
        const std::wstring initial = pathFromUtf8(suggested).wstring();
        initial.copy(buf.data(), std::min(initial.size(), buf.size() - 1));
        OPENFILENAMEW ofn{};
        ofn.lStructSize = sizeof ofn;
        ofn.hwndOwner = owner_;
        ofn.lpstrFilter = k.filter;
        ofn.lpstrFile = buf.data();
        ofn.nMaxFile = static_cast<DWORD>(buf.size());
        ofn.lpstrDefExt = k.ext;
        ofn.Flags = OFN_NOCHANGEDIR | OFN_EXPLORER |
                    (k.save ? OFN_OVERWRITEPROMPT : OFN_FILEMUSTEXIST | OFN_PATHMUSTEXIST);
        const BOOL ok = k.save ? GetSaveFileNameW(&ofn) : GetOpenFileNameW(&ofn);
        if (!ok) return std::nullopt;
        return pathToUtf8(std::filesystem::path(buf.data()));
    }

  private:
    HWND owner_;
};

} // namespace

std::unique_ptr<ui::FileDialogs> makeFileDialogs(GLFWwindow* window) {
    return std::make_unique<Win32FileDialogs>(glfwGetWin32Window(window));
}
#else
std::unique_ptr<ui::FileDialogs> makeFileDialogs(GLFWwindow*) {
    return nullptr;
}
#endif

} // namespace aovpn::app
