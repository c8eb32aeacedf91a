#pragma once
// Where a target's phonebook lives: a user tunnel in that user's
// %APPDATA%\Microsoft\Network\Connections\Pbk\rasphone.pbk (found through the ProfileList when it
// is another user), a device tunnel in %ProgramData%\...\Pbk\rasphone.pbk.
#include "platform/platform.hpp"

namespace aovpn::platform::win {

// Empty when the user's profile folder cannot be found.
std::filesystem::path phonebookFor(const ProfileTarget& target, const Account& processUser);
// <that user's Pbk folder>\_hiddenPbk\rasphone.pbk (DPC's corruption check); empty for devices.
std::filesystem::path hiddenPhonebookFor(const ProfileTarget& target, const Account& processUser);

} // namespace aovpn::platform::win
