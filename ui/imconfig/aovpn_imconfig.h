#pragma once
// Our Dear ImGui configuration (IMGUI_USER_CONFIG), the same for every target that sees ImGui.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// Our PNG writer is stb's (libstb-dev); ImGui's own copies of stb stay private to it.
// Item hooks let headless tests find widgets by label (ui/locator/widget_locator.cpp). ImGui
// calls them only while a test has switched them on.
#define IMGUI_ENABLE_TEST_ENGINE
