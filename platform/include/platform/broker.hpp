#pragma once
// The SYSTEM broker's request and reply: what an elevated app asks the one-shot SYSTEM process to
// do for another user's profile or a device tunnel, and what it answers. Both travel as files in
// a folder only SYSTEM and Administrators can open (never on a command line); this is their
// format and the broker's dispatch, shared by every OS so it is tested natively.
#include "platform/profiles.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aovpn::platform {

enum class BrokerOp { List, Find, Apply, Remove, Recover };

struct BrokerRequest {
    BrokerOp op = BrokerOp::List;
    ProfileTarget target;
    std::string name; // Find, Apply, Remove
    std::string xml;  // Apply
};

struct BrokerReply {
    std::optional<Error> error;             // the operation could not be carried out at all
    std::vector<InstalledProfile> profiles; // List; Find: zero or one
    ApplyResult apply;
    RemoveResult remove;
    std::vector<std::string> notes; // List (what recovery did first), Recover
};

std::string serializeBrokerRequest(const BrokerRequest& r);
std::optional<BrokerRequest> parseBrokerRequest(std::string_view bytes);
std::string serializeBrokerReply(BrokerOp op, const BrokerReply& r);
std::optional<BrokerReply> parseBrokerReply(BrokerOp op, std::string_view bytes);

// What the broker does with a request: the same service calls the app makes locally.
BrokerReply handleBrokerRequest(const BrokerRequest& request, ProfileService& service);

} // namespace aovpn::platform

namespace aovpn::platform {

// Call first in main(): when this process was started as the SYSTEM broker (Windows: by the
// service control manager, command line exactly "<exe> --broker"), does the one operation and
// returns the exit code; otherwise nothing (always nothing offline).
std::optional<int> runBrokerIfRequested();

} // namespace aovpn::platform
