#pragma once
// Our Dear ImGui configuration (IMGUI_USER_CONFIG), the same for every target that sees ImGui.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
// Our PNG writer is stb's (libstb-dev); ImGui's own copies of stb stay private to it.
