#pragma once
// Whom a profile belongs to: a user account (by SID) for a user tunnel, the machine for a device
// tunnel.
#include <string>

namespace aovpn::platform {

struct Account {
    std::string name; // DOMAIN\user
    std::string sid;  // S-1-5-21-...
    bool operator==(const Account&) const = default;
};

inline constexpr const char* kSystemSid = "S-1-5-18";

enum class TunnelKind { User, Device };

// The account a profile is written for. User tunnels carry the user's SID; device tunnels are
// machine-wide (user empty).
struct ProfileTarget {
    TunnelKind kind = TunnelKind::User;
    Account user;
    bool operator==(const ProfileTarget&) const = default;
};

// "CORP\alice" for a user tunnel, "this computer (device tunnel)" for a device tunnel.
std::string describeTarget(const ProfileTarget& target);

} // namespace aovpn::platform
