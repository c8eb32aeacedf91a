#pragma once
// In-memory fake of the platform interfaces for UI and logic tests (never in the product).
// Everything is public so a test can seed data, inject failures and inspect calls.
#include "platform/platform.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace aovpn::fake {

using namespace aovpn::platform;

inline Error fakeError(std::string action, std::uint32_t hresult) {
    return makeError(std::move(action), CodeKind::HResult, hresult, "(fake) failure");
}

class FakeCertificateStore final : public CertificateStore {
  public:
    std::vector<CertificateInfo> personal;
    std::map<std::filesystem::path, CertificateInfo> files;
    std::optional<Error> listError;
    std::atomic<bool> holdList{false}; // listPersonal waits while set (a slow store)

    Result<std::vector<CertificateInfo>> listPersonal() override {
        while (holdList)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (listError) return *listError;
        return personal;
    }
    StoreOwner owner{{"CORP\\alice", "S-1-5-21-1-2-3-1001"}, "CurrentUser\\My of CORP\\alice"};
    StoreOwner storeOwner() override { return owner; }
    Result<CertificateInfo> readCertificateFile(const std::filesystem::path& file) override {
        if (auto it = files.find(file); it != files.end()) return it->second;
        return makeError("Read the certificate file " + file.string(), CodeKind::Errno, 2,
                         "(fake) no such file");
    }
};

class FakeProfileStore final : public ProfileStore {
  public:
    // Key: (user SID or "" for device tunnels, profile name) -> XML.
    std::map<std::pair<std::string, std::string>, std::string> profiles;
    // Failure injection: each optional error is returned (once, then cleared) by that call.
    std::optional<Error> failNextFind, failNextCreate, failNextRemove, failNextList;
    // Creates whose XML equals this fail every time (e.g. "the new XML is bad").
    std::optional<std::string> rejectXml;
    LeftoverReport leftovers;
    std::vector<std::string> calls; // "find Contoso", "remove Contoso", "create Contoso" ...
    std::function<void(const std::string& call)> observer; // sees each call before it acts

    Result<std::vector<InstalledProfile>> list(const ProfileTarget& t) override {
        record("list");
        if (auto e = take(failNextList)) return *e;
        std::vector<InstalledProfile> out;
        for (const auto& [key, xml] : profiles)
            if (key.first == keyOf(t)) out.push_back({key.second, key.second, xml});
        return out;
    }
    Result<std::optional<InstalledProfile>> find(const ProfileTarget& t,
                                                 std::string_view name) override {
        record("find " + std::string(name));
        if (auto e = take(failNextFind)) return *e;
        auto it = profiles.find({keyOf(t), std::string(name)});
        if (it == profiles.end()) return std::optional<InstalledProfile>{};
        return std::optional<InstalledProfile>{
            InstalledProfile{std::string(name), std::string(name), it->second}};
    }
    Status create(const ProfileTarget& t, std::string_view name, std::string_view xml) override {
        record("create " + std::string(name));
        if (auto e = take(failNextCreate)) return Status::failure(*e);
        if (rejectXml && *rejectXml == xml)
            return Status::failure(fakeError("Create the profile", 0x80041001));
        auto [it, inserted] = profiles.emplace(std::pair{keyOf(t), std::string(name)}, xml);
        if (!inserted) return Status::failure(fakeError("Create the profile", 0x800700B7));
        return Status::success();
    }
    Status remove(const ProfileTarget& t, const InstalledProfile& p) override {
        record("remove " + p.name);
        if (auto e = take(failNextRemove)) return Status::failure(*e);
        if (profiles.erase({keyOf(t), p.name}) == 0)
            return Status::failure(fakeError("Delete the profile", 0x80041002));
        return Status::success();
    }
    LeftoverReport cleanLeftovers(const ProfileTarget&, std::string_view name) override {
        record("clean " + std::string(name));
        return leftovers;
    }

  private:
    void record(std::string call) {
        if (observer) observer(call);
        calls.push_back(std::move(call));
    }
    static std::string keyOf(const ProfileTarget& t) {
        return t.kind == TunnelKind::Device ? std::string() : t.user.sid;
    }
    static std::optional<Error> take(std::optional<Error>& slot) {
        auto e = std::move(slot);
        slot.reset();
        return e;
    }
};

// Copies and journals in memory, keyed like the folder implementation (account, name).
class FakeAppliedCopies final : public AppliedCopies {
  public:
    std::map<std::pair<std::string, std::string>, std::string> copies, journalBytes;
    std::optional<Error> failNextJournal;

    Result<std::optional<std::string>> load(const ProfileTarget& t, std::string_view n) override {
        auto it = copies.find(key(t, n));
        if (it == copies.end()) return std::optional<std::string>{};
        return std::optional<std::string>{it->second};
    }
    Status save(const ProfileTarget& t, std::string_view n, std::string_view xml) override {
        copies[key(t, n)] = std::string(xml);
        return Status::success();
    }
    Status erase(const ProfileTarget& t, std::string_view n) override {
        copies.erase(key(t, n));
        return Status::success();
    }
    Status writeJournal(const ReplaceJournal& j) override {
        if (failNextJournal) {
            auto e = std::move(*failNextJournal);
            failNextJournal.reset();
            return Status::failure(e);
        }
        journalBytes[key(j.target, j.name)] = serializeJournal(j);
        return Status::success();
    }
    Status clearJournal(const ProfileTarget& t, std::string_view n) override {
        journalBytes.erase(key(t, n));
        return Status::success();
    }
    Result<std::vector<ReplaceJournal>> journals(const ProfileTarget& t) override {
        std::vector<ReplaceJournal> out;
        for (const auto& [k, bytes] : journalBytes)
            if (k.first == scope(t)) out.push_back(*parseJournal(bytes));
        return out;
    }

  private:
    static std::string scope(const ProfileTarget& t) {
        return t.kind == TunnelKind::Device ? std::string("machine") : "user-" + t.user.sid;
    }
    static std::pair<std::string, std::string> key(const ProfileTarget& t, std::string_view n) {
        return {scope(t), std::string(n)};
    }
};

// Plays a scripted dial: each state is reported after stepDelay; cancel and timeout are honoured.
class FakeConnectionTester final : public ConnectionTester {
  public:
    bool isAvailable = true;
    std::vector<std::uint32_t> script{0, 2, 5, 14, 0x2000}; // RASCONNSTATE values
    std::uint32_t failWith = 0;                             // RAS code to end with, 0 = connect
    std::chrono::milliseconds stepDelay{0};
    std::string address = "10.99.0.7";

    bool available() const override { return isAvailable; }
    std::string unavailableReason() const override {
        return isAvailable ? "" : "Connect test is not available (fake)";
    }
    ConnectResult connect(std::string_view name, const ConnectOptions& o) override {
        ConnectResult r;
        const auto start = std::chrono::steady_clock::now();
        if (isConnected(name)) { // as RAS: an active connection is reported, not dialled again
            r.ok = r.alreadyConnected = true;
            r.states.emplace_back("Already connected (not dialled again)");
            r.assignedAddress = address;
            return finish(r, start);
        }
        for (auto state : script) {
            if (!sleepUnlessStopped(o, start, r)) return finish(r, start);
            r.states.emplace_back(rasStateName(state));
            if (o.onProgress) o.onProgress(r.states.back());
        }
        if (failWith) {
            r.rasCode = failWith;
            r.error = makeError("Connect to \"" + std::string(name) + "\"", CodeKind::Ras, failWith,
                                "(fake) RAS error");
            r.hint = r.error->meaning;
            return finish(r, start);
        }
        r.ok = true;
        r.assignedAddress = address;
        std::lock_guard lock(mutex_);
        connected_.insert(std::string(name));
        return finish(r, start);
    }
    // The connection comes up without the app (AlwaysOn, the user, another tool).
    void connectOutside(std::string_view name) {
        std::lock_guard lock(mutex_);
        connected_.insert(std::string(name));
    }
    bool isConnected(std::string_view name) {
        std::lock_guard lock(mutex_);
        return connected_.count(std::string(name)) > 0;
    }
    Result<ConnectionStatus> status(std::string_view name) override {
        std::lock_guard lock(mutex_);
        const bool on = connected_.count(std::string(name)) > 0;
        return ConnectionStatus{on, on ? "Connected" : "Disconnected", 0};
    }
    Status disconnect(std::string_view name, std::chrono::milliseconds) override {
        std::lock_guard lock(mutex_);
        connected_.erase(std::string(name));
        return Status::success();
    }
    // Auto-connect and phonebook as plain data a test sets.
    AutoTriggerStatus autoTrigger;
    PhonebookCheck hiddenPbk;
    std::vector<std::string> repairs; // names repaired, in order
    Result<AutoTriggerStatus> autoTriggerStatus(std::string_view) override { return autoTrigger; }
    // As the real one: out of the disabled list, the owner values rewritten for the target.
    Result<std::vector<std::string>> repairAutoTrigger(const ProfileTarget& t,
                                                       std::string_view name) override {
        repairs.emplace_back(name);
        autoTrigger.disabledForProfile = false;
        std::erase(autoTrigger.disabledList, std::string(name));
        const bool device = t.kind == TunnelKind::Device;
        autoTrigger.ownerSid = device ? "S-1-1-0" : t.user.sid;
        autoTrigger.ownerAccount = device ? "every user (all-user profile)" : t.user.name;
        autoTrigger.entryName = std::string(name);
        return std::vector<std::string>{"(fake) repaired " + std::string(name)};
    }
    Result<PhonebookCheck> checkHiddenPhonebook(const ProfileTarget&) override { return hiddenPbk; }
    Result<std::string> moveHiddenPhonebookAside(const ProfileTarget&) override {
        hiddenPbk.exists = hiddenPbk.corrupted = false;
        return hiddenPbk.path + ".corrupt-fake";
    }

  private:
    bool sleepUnlessStopped(const ConnectOptions& o, std::chrono::steady_clock::time_point start,
                            ConnectResult& r) {
        const auto until = std::chrono::steady_clock::now() + stepDelay;
        do {
            if (o.stop.stop_requested()) return r.cancelled = true, r.rasCode = 631, false;
            if (std::chrono::steady_clock::now() - start > o.timeout)
                return r.timedOut = true, false;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        } while (std::chrono::steady_clock::now() < until);
        return true;
    }
    static ConnectResult& finish(ConnectResult& r, std::chrono::steady_clock::time_point start) {
        r.duration = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        return r;
    }
    std::mutex mutex_;
    std::set<std::string> connected_;
};

class FakeSession final : public Session {
  public:
    SessionInfo info{{"CORP\\alice", "S-1-5-21-1-2-3-1001"},
                     Account{"CORP\\alice", "S-1-5-21-1-2-3-1001"},
                     false,
                     false,
                     {}};
    std::vector<std::string> relaunchedWith; // documents handed to relaunchElevated
    std::optional<Error> relaunchError;

    std::vector<Account> accounts{{"CORP\\alice", "S-1-5-21-1-2-3-1001"},
                                  {"CORP\\bob", "S-1-5-21-1-2-3-1002"}};

    Result<SessionInfo> query() override { return info; }
    Result<Account> resolveAccount(std::string_view nameOrSid) override {
        for (const auto& a : accounts)
            if (a.name == nameOrSid || a.sid == nameOrSid) return a;
        return makeError("Find the account " + std::string(nameOrSid), CodeKind::Win32, 1332,
                         "(fake) No mapping between account names and security IDs was done.");
    }
    Status relaunchElevated(std::string_view doc) override {
        relaunchedWith.emplace_back(doc);
        return relaunchError ? Status::failure(*relaunchError) : Status::success();
    }
};

// The real LocalProfileService (apply/replace/restore rules) over the fake store and copies.
class FakePlatform final : public Platform {
  public:
    FakeCertificateStore certs;
    FakeProfileStore store;
    FakeAppliedCopies copies;
    LocalProfileService service{store, copies};
    FakeConnectionTester tester;
    FakeSession user;

    std::string_view name() const override { return "Fake"; }
    CertificateStore& certificates() override { return certs; }
    ProfileService& profiles() override { return service; }
    ConnectionTester& connections() override { return tester; }
    Session& session() override { return user; }
    AppliedCopies& appliedCopies() override { return copies; }
};

} // namespace aovpn::fake
