#pragma once
#include "platform/platform.hpp"

namespace aovpn::platform::win {

// Folder copies (makeFolderAppliedCopies) in `root`, which is protected (SYSTEM + Administrators
// only, see protected_folder.hpp) before the first read or write.
std::unique_ptr<AppliedCopies> makeProtectedAppliedCopies(std::filesystem::path root);

} // namespace aovpn::platform::win
