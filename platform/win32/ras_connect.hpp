#pragma once
// The connect test as Windows dials it, over the RasApi seam: the entry from every phonebook the
// user sees (RasEnumEntriesW(nullptr, nullptr)), an entry already connected reported (not dialled
// again), the EAP identity fetched non-interactively and passed in RASDIALEXTENSIONS, RasDialW with
// a RasDialFunc2 notifier, a timeout reported as a timeout. Plus status, hang-up, "Repair
// auto-connect" and the hidden-phonebook check (ras_repair.cpp).
#include "platform/platform.hpp"

#include "seams.hpp"

namespace aovpn::platform::win {

class RasConnectionTester final : public ConnectionTester {
  public:
    RasConnectionTester(RasApi& ras, Account processUser);
    bool available() const override { return true; }
    std::string unavailableReason() const override { return {}; }
    ConnectResult connect(std::string_view profileName, const ConnectOptions& options) override;
    Result<ConnectionStatus> status(std::string_view profileName) override;
    Status disconnect(std::string_view profileName, std::chrono::milliseconds timeout) override;
    Result<AutoTriggerStatus> autoTriggerStatus(std::string_view profileName) override;
    Result<std::vector<std::string>> repairAutoTrigger(const ProfileTarget& target,
                                                       std::string_view profileName) override;
    Result<PhonebookCheck> checkHiddenPhonebook(const ProfileTarget& target) override;
    Result<std::string> moveHiddenPhonebookAside(const ProfileTarget& target) override;

  private:
    RasApi& ras_;
    Account processUser_;
};

// The dial itself (ras_dial_state.cpp): RasDialW through the seam, waiting for the notifier's
// states, cancel and timeout; hangs up unless connected.
void dialAndWait(RasApi& ras, const RASDIALEXTENSIONS* ext, const std::wstring& pbk,
                 RASDIALPARAMSW& params, const ConnectOptions& options, ConnectResult& r);

// The entry of this name (case-insensitive, as RAS compares) with the file it lives in: in every
// phonebook this user sees (phonebook null: RasEnumEntriesW(nullptr, nullptr)), or in one file.
std::optional<RasEntryRef> findEntry(RasApi& ras, const std::wstring& name,
                                     const wchar_t* phonebook = nullptr);

// The VPN interface's first IPv4 address (the interface is named after the connection).
std::string interfaceAddress(const std::wstring& entry);

} // namespace aovpn::platform::win
