#pragma once
// The one-shot SYSTEM broker (see README "The SYSTEM broker"). An elevated app that must write
// another user's profile or a device tunnel: creates a job folder only SYSTEM and Administrators
// can open (%ProgramData%\AOVPN Studio\Broker\<random>), copies its own exe there (hashing it),
// writes request.txt, checks the copy's hash again right before the start, and runs the copy as
// a one-shot service ("<folder>\aovpn-broker.exe" --broker: fixed arguments), which reads the
// request beside itself, does the operation as SYSTEM and writes reply.txt. Then the service is
// deleted and the folder removed, also after a timeout.
#include "platform/broker.hpp"
#include "platform/platform.hpp"

#include "win_util.hpp"

#include <chrono>
#include <functional>

namespace aovpn::platform::win {

inline constexpr wchar_t kBrokerExe[] = L"aovpn-broker.exe";
inline constexpr wchar_t kBrokerRequest[] = L"request.txt";
inline constexpr wchar_t kBrokerReply[] = L"reply.txt";
inline constexpr wchar_t kBrokerFlag[] = L"--broker";

// Starts a one-shot service and waits for it to stop (seam: the SCM, or a test's fake).
class ServiceRunner {
  public:
    virtual ~ServiceRunner() = default;
    // Creates `name` running `binaryPath` as LocalSystem, starts it, waits up to `timeout`,
    // stops it if needed and deletes it. The service's exit code, or why it did not run.
    virtual Result<DWORD> runOnce(const std::wstring& name, const std::wstring& binaryPath,
                                  std::chrono::milliseconds timeout) = 0;
};
std::unique_ptr<ServiceRunner> makeScmServiceRunner();

struct BrokerOptions {
    std::filesystem::path root; // the job folders' parent (protected)
    std::filesystem::path exe;  // the binary to copy (default: this process's image)
    std::chrono::milliseconds timeout{std::chrono::seconds(120)};
};
BrokerOptions defaultBrokerOptions();

class BrokerClient {
  public:
    BrokerClient(ServiceRunner& runner, BrokerOptions options);
    Result<BrokerReply> run(const BrokerRequest& request);

  private:
    ServiceRunner& runner_;
    BrokerOptions options_;
};

// What the broker process does in its job folder. `service` null = the real Windows pieces
// (WMI bridge as SYSTEM, RAS guard, protected copies); `requireSystem` false only in tests.
struct BrokerWork {
    ProfileService* service = nullptr;
    bool requireSystem = true;
};
DWORD runBrokerJob(const std::filesystem::path& folder, const BrokerWork& work);

// The profile service the Windows app uses: each call goes to this process or to the broker,
// as routeFor(session, target) says; without elevation it explains what to do instead.
class BrokeredProfileService final : public ProfileService {
  public:
    BrokeredProfileService(SessionInfo session, ProfileService& local, BrokerClient& broker);
    ProfileListing listing(const ProfileTarget& target) override;
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& target,
                                                 std::string_view name) override;
    ApplyResult apply(const ProfileTarget& target, std::string_view name,
                      std::string_view xml) override;
    RemoveResult remove(const ProfileTarget& target, std::string_view name) override;
    InstallStatus installState(const ProfileTarget& target, std::string_view name) override;
    std::vector<std::string> recover(const ProfileTarget& target) override;

  private:
    Result<BrokerReply> viaBroker(BrokerRequest request);
    std::optional<Error> refusal(const ProfileTarget& target, const std::string& action) const;
    bool brokered(const ProfileTarget& target) const;

    SessionInfo session_;
    ProfileService& local_;
    BrokerClient& broker_;
};

} // namespace aovpn::platform::win
