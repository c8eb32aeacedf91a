#pragma once
// The GUI's state, passed explicitly to every panel. Domain state (the Profile document and its
// undo history) and view state (text buffers, selection, tabs, popups) are separate structs, so
// undo, save and tests touch only the first. Derived state (XML, escaped string, findings) is
// rebuilt from the document only when its revision changes.
#include "model/exports.hpp"
#include "model/gateway_info.hpp"
#include "model/profile.hpp"
#include "model/route_filters.hpp"
#include "model/validate.hpp"
#include "platform/platform.hpp"
#include "platform/profiles.hpp"
#include "ui/gateway_check_state.hpp"
#include "ui/templates.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

struct ImFont;

namespace aovpn::ui {

class TaskRunner;
struct AppState;
class FileDialogs;

struct Fonts {
    ImFont* ui = nullptr;
    ImFont* mono = nullptr;
    std::string uiSource; // the file used, or "built-in"
};

enum class LogLevel { Info, Warning, Error };

// One folder as the path popup lists it (read when the folder changes, not every frame).
struct FolderListing {
    std::string folder; // absolute, UTF-8; empty = not read yet
    std::string typed;  // the path popup's text it was found from
    struct Entry {
        std::string name;
        bool isFolder = false;
    };
    std::vector<Entry> entries; // folders first, then files; each by name, case ignored
    std::string error;          // why the folder could not be read
    bool truncated = false;     // more entries than shown
};

struct LogLine {
    std::string time; // "HH:MM:SS", local time
    LogLevel level = LogLevel::Info;
    std::string text;
};

// Undo/redo over whole-profile snapshots: simple, and a profile is small.
struct UndoStack {
    std::vector<Profile> past;
    std::vector<Profile> future;
    Profile committed;       // the profile as of the last recorded edit
    std::string lastEditKey; // consecutive edits of one field coalesce into one step
    static constexpr std::size_t kLimit = 200;
};

// What the user is editing.
struct DocumentState {
    Profile profile;
    std::uint64_t revision = 1;      // bumped on every change of `profile`
    std::uint64_t savedRevision = 1; // revision when last opened/saved
    Profile saved;                   // the profile as last opened/saved (undo back to it is clean)
    std::optional<UserTunnelAside> userTunnelAside; // while a device tunnel is shown
    std::string filePath;                           // UTF-8; empty until saved
    GatewayInfo gateway; // beside the profile, never written into it (the Azure import's pool)
    // What the reader found in the text this document was read from (kept element, moved
    // comment, converted encoding...): listed and counted with the validation until replaced.
    std::vector<Issue> readFindings;
    UndoStack undo;
    bool dirty() const { return revision != savedRevision; }
};

// Everything computed from the document; rebuilt on a revision change only.
struct DerivedState {
    std::uint64_t revision = 0; // revision these were built from (0 = never)
    std::string xml;
    std::string escaped;
    std::string powershell;
    std::string intune;
    std::optional<IntuneOmaUriSetting> intuneSetting; // the fields `intune` shows, when it could
    bool exportsAvailable = false; // both exports could be made (e.g. the name is valid)
    std::string exportsWhy;        // why not, when they could not
    std::vector<Issue> issues;
    std::map<std::string, std::vector<std::size_t>> issuesByField; // field path -> issues[i]
    std::vector<std::string> writeWarnings;
    // Routes no traffic filter lets through, by route index, each with the filter the routes
    // table offers to extend ("Add to the filter").
    std::vector<RouteOutsideFilters> routesOutside;
    // Offsets of each line of xml, escaped, powershell, intune (the preview tabs, in that
    // order), so the preview draws only the visible lines.
    std::array<std::vector<std::size_t>, 4> lineStarts;
    std::size_t rebuilds = 0; // how often the XML was rebuilt (bench, tests)
};

// Certificates in the store, as last read.
struct CertificateView {
    bool loaded = false;  // a read has finished (or there is no store to read)
    bool reading = false; // a read is under way on the read worker
    std::vector<platform::CertificateInfo> certs;
    std::string loadError;
    platform::StoreOwner owner;   // whose store the list shows (the TARGET user's)
    int picked = -1;              // index into certs
    std::string pickedThumbprint; // finds the pick again in a fresh read
    // Names of the CAs seen (the store's chains, root files), by upper-case thumbprint: the
    // trusted-root and issuer-hash lists show whose thumbprint each is.
    std::map<std::string, std::string, std::less<>> caNames;
};

// What Windows holds for the open profile, as last checked.
struct InstallState {
    std::optional<bool> installed;
    bool connected = false;
    std::optional<platform::SessionInfo> session;
    // The last look-up, for what it found besides yes/no ("no MDM bridge", "needs rights").
    std::optional<platform::InstallStatus> lookup;
    // Who owns the auto-trigger and the target's hidden phonebook, as the last check read them
    // (ui/repairs.hpp); empty where they could not be read (no RAS here, no RasMan\Config).
    std::optional<platform::AutoTriggerStatus> autoTrigger;
    std::optional<platform::PhonebookCheck> hiddenPhonebook;
    // A look-up asked for while the worker was busy (a template picked during the start-up
    // look-up): it runs once the worker is free (runWantedLookup).
    bool lookupWanted = false;
};

// A question over the window that holds what each answer does (ImHex's PopupQuestion).
struct Answer {
    std::string label;                  // "Remove", "Save", "Don't save", "Cancel"
    std::function<void(AppState&)> run; // empty: the answer only closes the question
};
struct Question {
    std::string title;
    std::string text;            // names the profile and the account
    std::vector<Answer> answers; // the first is the default (Enter); Escape picks the last
};

// A failure the user must see until dismissed: the platform's four parts (what was tried, the
// code, what it usually means, what to do).
struct ErrorReport {
    std::string title; // "Apply failed"
    platform::Error error;
};

// Stable keys for the rows of one repeated-element editor (servers, routes, filters...): a row's
// ImGui id comes from its key, never from its index or the table that happens to draw it
// (ui/src/rows.hpp). Keys follow their elements through the form's own adds, removes and moves.
struct RowKeys {
    std::vector<std::uint32_t> keys;
    std::set<std::uint32_t> open; // rows whose details area is open
    std::uint32_t next = 1;
};

// The "All settings" tree (all_settings_panel.cpp): every element of the description, the form's
// or not. Tab state, list pages, and the fixes planned for the document's revision.
struct AllSettingsView {
    bool active = false;        // its tab is the one shown
    bool selectTab = false;     // show its tab on the next frame
    bool selectForm = false;    // show the form's tab on the next frame
    std::string unclaimedFocus; // an issue the form had no widget for, waiting a frame
    int unclaimedFrames = 0;
    int staleFrames = 0;     // frames a request found no row in the tree (then it is dropped)
    std::string lastFocused; // the path of the row the tree last focused (tests)
    std::map<std::string, std::size_t, std::less<>> pages; // list path -> first item shown
    std::uint64_t fixesRevision = 0;
    std::vector<std::string> fixes; // plannedFixes() for that revision
};

// The preview's "Fleet (MDM)" tab (fleet_exports_panel.cpp): the format, the Intune quirks
// chosen (off by default), and the text built for that choice and document revision.
struct FleetExportView {
    int format = 0; // Graph JSON, SyncML Add, SyncML Replace, Intune OMA-URI
    bool serverListedTwice = false;
    bool machineMethodEap = false;
    std::optional<std::tuple<std::uint64_t, int, bool, bool>> built; // what `text` was built for
    bool ok = false;
    std::string text;                          // the export, or why there is none
    std::optional<IntuneOmaUriSetting> intune; // its fields, for the Intune OMA-URI format
};

enum class HelpPage { None, About, Keys, Troubleshooting };
enum class FileAction {
    None,
    Open,
    SaveAs,
    ExportPowerShell,
    ExportIntune,
    ImportRootCa,
    ImportAzure, // the Azure VPN client package (ui/azure_import.hpp)
};

constexpr float kDefaultFormFraction = 0.46f;
constexpr float kDefaultLogHeight = 140.0f;

// How the window looks right now; never saved into a profile.
struct ViewState {
    float formFraction = kDefaultFormFraction; // share of the width the form takes
    float logHeight = kDefaultLogHeight;       // in unscaled pixels
    int previewTab = 0;
    float dpiScale = 1.0f;
    Fonts fonts;
    std::vector<LogLine> log;
    std::string hostPaste; // the routes paste box (what it cannot take stays in it)
    std::map<std::string, RowKeys, std::less<>> rows; // per list editor ("filters", "routes"...)
    std::string focusField;                           // validation path to focus on the next frame
    std::optional<Question> question;                 // the question popup, until answered
    std::vector<ErrorReport> errors;                  // error dialogs, oldest first
    std::function<void(AppState&)> afterSave;         // runs once a Save As (for it) succeeds
    std::string status; // a one-line answer in the action bar (why F5 did nothing...)
    // Number fields' text that was not a number (by ImGui id): shown, framed red, until fixed.
    std::map<std::uint32_t, std::string> rejectedInput;
    FileAction fileAction = FileAction::None; // the path popup to open (no native dialogs)
    std::string pathInput;                    // text of the path popup
    FolderListing folderListing;              // the folder the path popup shows, as last read
    std::vector<platform::InstalledProfile> importList; // for "Import installed profile"
    bool importOpen = false;
    HelpPage help = HelpPage::None;      // the Help page shown over the window
    std::vector<std::string> aboutLines; // from the app: library versions it links (GLFW, GL)
    GatewayCheckView gatewayCheck;       // the Check gateway window (ui/gateway_check.hpp)
    // The start page stands in for form and preview until a template, a file or an installed
    // profile is chosen (loadDocument ends it); the document behind it is not the user's.
    bool startPage = false;
    bool quitRequested = false;
    bool quitConfirmed = false;
    AllSettingsView allSettings;
    FleetExportView fleet;
};

// Kept between runs in the user's config folder.
struct Settings {
    int windowX = -1, windowY = -1, windowW = 0, windowH = 0;
    // The splitters' places (ViewState::formFraction, logHeight), as the user dragged them.
    float formFraction = kDefaultFormFraction, logHeight = kDefaultLogHeight;
    std::vector<std::string> recentFiles; // newest first, UTF-8
    static constexpr std::size_t kMaxRecent = 8;
};

struct AppState {
    AppState();
    ~AppState();
    AppState(const AppState&) = delete;
    AppState& operator=(const AppState&) = delete;

    DocumentState doc;
    DerivedState derived;
    ViewState view;
    CertificateView certs;
    InstallState install;
    Settings settings;
    platform::Platform* platform = nullptr; // owned by the app (or a test); may be null
    FileDialogs* dialogs = nullptr;         // native dialogs; null = in-window path entry
    GatewayChecker checkGateway;            // the probe (platform::checkGateway); may be empty
    std::unique_ptr<TaskRunner> tasks;      // the worker for actions (apply, connect, remove...)
    // A second worker for quick store reads, so a certificate refresh never holds up (or
    // disables) Apply, and an action never waits behind a read.
    std::unique_ptr<TaskRunner> reads;
};

void appendLog(ViewState& view, LogLevel level, std::string text);

} // namespace aovpn::ui
