#pragma once
// Questions and error dialogs over the window (drawn by drawDialogs, dialogs.cpp).
#include "ui/state.hpp"

#include <functional>
#include <string>

namespace aovpn::ui {

// Shows a question; its answers run what they hold when chosen.
void ask(AppState& state, Question question);

// Logs the failure and shows it in a dialog that stays until dismissed.
void reportError(AppState& state, std::string title, platform::Error error);

// Runs `action` now when the document has no unsaved changes; otherwise asks "Save changes to
// \\"X\\" before <doing>?" with Save / Don't save / Cancel (Save runs it once the save worked).
void whenChangesSettled(AppState& state, const std::string& doing,
                        std::function<void(AppState&)> action);

} // namespace aovpn::ui
