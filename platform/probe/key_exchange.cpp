// The IKE key exchange value for a group: the OS's DH or ECDH (see probe_os.hpp).
#include "model/ike_groups.hpp"

#include "probe_os.hpp"

#include <fmt/format.h>

namespace aovpn::platform::probe {

bool makePublicValue(std::uint16_t group, std::vector<std::uint8_t>& out, std::string& error) {
    switch (ike::groupKind(group)) {
    case ike::GroupKind::Modp:
        return modpPublicValue(group, out, error);
    case ike::GroupKind::Ecp:
        return ecpPublicValue(group, out, error);
    case ike::GroupKind::Unsupported:
        break;
    }
    error = fmt::format("{} is not a group a Windows profile can name", ike::groupName(group));
    return false;
}

} // namespace aovpn::platform::probe
