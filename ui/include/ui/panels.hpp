#pragma once
// One function per panel (one file each under ui/src/); main_window.cpp lays them out.
#include "ui/state.hpp"

namespace aovpn::ui {

void drawMenuBar(AppState& state);
// The first screen until a document is chosen (start_page.cpp), in place of form and preview.
void drawStartPage(AppState& state, float height);
void drawFormPanel(AppState& state);
// The left pane: the form and the "All settings" tree as tabs, and the Fix bar above them
// (all_settings_panel.cpp).
void drawLeftPane(AppState& state);
void drawAllSettingsPanel(AppState& state);
void drawPreviewPanel(AppState& state);
// The preview's "Fleet (MDM)" tab: Graph JSON, SyncML, Intune (fleet_exports_panel.cpp).
void drawFleetExportsPanel(AppState& state);
void drawIssuesPanel(AppState& state);
void drawActionBar(AppState& state);
void drawLogPanel(AppState& state);
// The log as text, one line per entry ("HH:MM:SS  text"): what Copy log and save-log give.
std::string logText(const ViewState& view);
// Confirmations, the path-entry popup and the import list: modal popups over the window.
void drawDialogs(AppState& state);
// The Help menu's pages (help_window.cpp), modal over the window.
void drawHelp(AppState& state);
// Ctrl+N/O/S/Z/Y, F5.
void handleShortcuts(AppState& state);

// The form's sections (form_<name>.cpp).
void drawGeneralSection(AppState& state);
void drawAuthSection(AppState& state);
void drawCryptoSection(AppState& state);
void drawRoutesSection(AppState& state);
void drawFiltersSection(AppState& state);
void drawDnsSection(AppState& state);
void drawOptionsSection(AppState& state);
// Parts of a section, in files of their own.
void drawProtocolList(AppState& state);      // General, under Protocol (form_protocol_list.cpp)
void drawDeviceCompliance(AppState& state);  // Options (form_compliance.cpp)
void drawCertificateFilter(AppState& state); // Authentication (form_cert_filter.cpp)

} // namespace aovpn::ui
