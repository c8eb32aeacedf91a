#pragma once
// Folders only SYSTEM and Administrators can read or write: the copies of applied profiles, the
// replace journals and the broker's hand-over files live there.
#include "platform/platform.hpp"

namespace aovpn::platform::win {

// SDDL of the folders: owner Administrators, a protected DACL (nothing inherited) giving full
// control to SYSTEM and Administrators only, inherited by files and sub-folders.
// OWNER RIGHTS gets only READ_CONTROL, so an owner that is not Administrators (a file written by
// an elevated admin whose default owner is the creator) cannot rewrite the DACL unelevated.
inline constexpr wchar_t kProtectedSddl[] =
    L"O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;RC;;;OW)";

// %ProgramData%\AOVPN Studio (the parent of every protected folder).
std::filesystem::path programDataFolder();

// Creates `dir` (and missing parents) with kProtectedSddl, or, when it exists, checks that its
// owner is SYSTEM or Administrators (a folder a standard user planted is refused) and re-applies
// the DACL.
Status ensureProtectedFolder(const std::filesystem::path& dir);

// The folder's owner is SYSTEM or Administrators (under Wine, which keeps the creator as owner
// whatever is set: this process's account).
bool ownedBySystemOrAdmins(const std::filesystem::path& dir);

// The owner SID of a file or folder as "S-1-...", or an error.
Result<std::string> ownerSidOf(const std::filesystem::path& path);

} // namespace aovpn::platform::win
