#pragma once
// The one way the document changes: edit in place, then markEdited(); or replace it whole.
// Either bumps the revision, which is all the preview and validator look at.
#include "model/profile_xml.hpp"
#include "ui/state.hpp"

#include <string_view>

namespace aovpn::ui {

// Records an in-place edit of state.doc.profile. Consecutive edits with the same non-empty key
// (typing into one field) make one undo step.
void markEdited(AppState& state, std::string_view editKey);
// Puts a whole new profile in place as one undoable step (templates, presets, imports).
void replaceProfile(AppState& state, Profile profile, std::string_view what);
// A fresh document (New, Open): history cleared, not dirty.
// readFindings: the reader's warnings on the text the profile came from (ReadResult::warnings).
void loadDocument(AppState& state, Profile profile, std::string filePath,
                  const std::vector<XmlDiagnostic>& readFindings = {});
// The first screen (start_page.cpp): until the user picks a template, a file or an installed
// profile, nothing can be applied, saved or exported.
void showStartPage(AppState& state);
// After a save: the document as it is now is what the file holds.
void markSaved(AppState& state);

bool canUndo(const AppState& state);
bool canRedo(const AppState& state);
void undo(AppState& state);
void redo(AppState& state);

// Rebuilds XML, escaped string, exports and findings when the revision moved. Cheap otherwise.
void refreshDerived(AppState& state);

// "Contoso VPN" (or "Untitled") for titles and logs.
std::string documentTitle(const AppState& state);

} // namespace aovpn::ui
