// Both ends of the one-shot service: the SCM runner (create, start, wait, stop, delete) and the
// broker process (started by the SCM as LocalSystem, does the job in the folder of its exe).
#include "platform/atomic_file.hpp"

#include "broker_win32.hpp"
#include "profile_guard.hpp"
#include "protected_copies.hpp"
#include "protected_folder.hpp"
#include "seams.hpp"
#include "session_win32.hpp"
#include "wmi_profile_store.hpp"

#include <shellapi.h>
#include <thread>

namespace aovpn::platform::win {

namespace fs = std::filesystem;

namespace {
using Clock = std::chrono::steady_clock;

struct Service {
    SC_HANDLE h = nullptr;
    ~Service() {
        if (h) CloseServiceHandle(h);
    }
};

SERVICE_STATUS_PROCESS statusOf(SC_HANDLE svc) {
    SERVICE_STATUS_PROCESS st{};
    DWORD needed = 0;
    QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, reinterpret_cast<BYTE*>(&st), sizeof st,
                         &needed);
    return st;
}

bool waitStopped(SC_HANDLE svc, Clock::time_point deadline, SERVICE_STATUS_PROCESS& st) {
    for (;;) {
        st = statusOf(svc);
        if (st.dwCurrentState == SERVICE_STOPPED) return true;
        if (Clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

Error timedOut(std::chrono::milliseconds timeout) {
    Error e = makeError("Run the operation through the SYSTEM broker", CodeKind::Win32,
                        ERROR_TIMEOUT, systemMessage(ERROR_TIMEOUT));
    e.meaning = "The broker did not finish within " + std::to_string(timeout.count() / 1000) +
                " s (WMI or RAS did not answer); it was stopped and removed.";
    e.nextStep = "Check that the Windows Management Instrumentation service responds, then try "
                 "again.";
    return e;
}

class ScmServiceRunner final : public ServiceRunner {
  public:
    Result<DWORD> runOnce(const std::wstring& name, const std::wstring& binaryPath,
                          std::chrono::milliseconds timeout) override {
        const std::string action = "Start the one-shot SYSTEM broker service";
        Service scm, svc;
        scm.h = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_CREATE_SERVICE);
        if (!scm.h) return win32Error(action, GetLastError());
        svc.h = CreateServiceW(scm.h, name.c_str(), L"AOVPN Studio broker (one operation)",
                               SERVICE_START | SERVICE_STOP | SERVICE_QUERY_STATUS | DELETE,
                               SERVICE_WIN32_OWN_PROCESS, SERVICE_DEMAND_START,
                               SERVICE_ERROR_IGNORE, binaryPath.c_str(), nullptr, nullptr, nullptr,
                               nullptr /* LocalSystem */, nullptr);
        if (!svc.h) return win32Error(action, GetLastError());
        struct Deleter {
            SC_HANDLE h;
            ~Deleter() { DeleteService(h); } // always: a one-shot service never stays
        } deleter{svc.h};
        if (!StartServiceW(svc.h, 0, nullptr)) return win32Error(action, GetLastError());
        SERVICE_STATUS_PROCESS st{};
        if (!waitStopped(svc.h, Clock::now() + timeout, st)) {
            SERVICE_STATUS ignored{};
            ControlService(svc.h, SERVICE_CONTROL_STOP, &ignored);
            waitStopped(svc.h, Clock::now() + std::chrono::seconds(10), st);
            return timedOut(timeout);
        }
        return st.dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR ? st.dwServiceSpecificExitCode
                                                                  : st.dwWin32ExitCode;
    }
};

// --- the broker process --------------------------------------------------------------------------

SERVICE_STATUS_HANDLE gStatus = nullptr;
DWORD gExit = 0;

void report(DWORD state, DWORD exitCode) {
    SERVICE_STATUS st{};
    st.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    st.dwCurrentState = state;
    st.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP : 0;
    st.dwWin32ExitCode = exitCode ? ERROR_SERVICE_SPECIFIC_ERROR : NO_ERROR;
    st.dwServiceSpecificExitCode = exitCode;
    SetServiceStatus(gStatus, &st);
}

// A stop request means the app's wait ended: end at once, whatever WMI is doing.
DWORD WINAPI control(DWORD code, DWORD, void*, void*) {
    if (code == SERVICE_CONTROL_STOP) {
        report(SERVICE_STOPPED, ERROR_TIMEOUT);
        TerminateProcess(GetCurrentProcess(), ERROR_TIMEOUT);
    }
    return NO_ERROR;
}

fs::path ownFolder() {
    std::wstring path(32768, L'\0');
    path.resize(GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size())));
    return fs::path(path).parent_path();
}

void WINAPI serviceMain(DWORD, LPWSTR*) {
    gStatus = RegisterServiceCtrlHandlerExW(L"", control, nullptr);
    if (!gStatus) return;
    report(SERVICE_RUNNING, 0);
    gExit = runBrokerJob(ownFolder(), {});
    report(SERVICE_STOPPED, gExit);
}

Error jobError(std::string meaning) {
    Error e = makeError("Carry out the broker's job", CodeKind::None, 0);
    e.meaning = std::move(meaning);
    return e;
}

// The Windows pieces the broker uses as SYSTEM (no context for the machine partition).
struct SystemPlatform {
    std::unique_ptr<WmiBridge> bridge = makeComWmiBridge();
    std::unique_ptr<RasApi> ras = makeRealRasApi();
    WmiProfileStore store{*bridge, true};
    Win32ProfileGuard guard{*ras, {"NT AUTHORITY\\SYSTEM", kSystemSid}};
    std::unique_ptr<AppliedCopies> copies =
        makeProtectedAppliedCopies(programDataFolder() / L"Applied");
    LocalProfileService service{store, *copies, &guard};
};

std::optional<Error> checkJob(const fs::path& folder, const BrokerWork& work) {
    if (!ownedBySystemOrAdmins(folder))
        return jobError("The job folder is not one only SYSTEM and Administrators control.");
    if (!work.requireSystem) return std::nullopt;
    Win32Session session;
    auto info = session.query();
    if (!info || !info.value().runningAsSystem)
        return jobError("The broker runs as " + (info ? info.value().process.name : "?") +
                        ", not as SYSTEM; it does nothing.");
    return std::nullopt;
}
} // namespace

std::unique_ptr<ServiceRunner> makeScmServiceRunner() {
    return std::make_unique<ScmServiceRunner>();
}

DWORD runBrokerJob(const fs::path& folder, const BrokerWork& work) {
    auto bytes = readRegularFile(folder / kBrokerRequest, 256u * 1024 * 1024, "Read the request");
    const auto request = bytes ? parseBrokerRequest(bytes.value()) : std::nullopt;
    BrokerReply reply;
    if (!request) {
        reply.error = jobError("The request file is missing or damaged.");
    } else if (auto e = checkJob(folder, work)) {
        reply.error = e;
    } else if (work.service) {
        reply = handleBrokerRequest(*request, *work.service);
    } else {
        SystemPlatform system;
        reply = handleBrokerRequest(*request, system.service);
    }
    const auto op = request ? request->op : BrokerOp::List;
    const Status written = writeFileAtomically(folder / kBrokerReply,
                                               serializeBrokerReply(op, reply), "Write the reply");
    return written.ok() ? 0 : 1;
}

} // namespace aovpn::platform::win

namespace aovpn::platform {

std::optional<int> runBrokerIfRequested() {
    int argc = 0;
    wchar_t** argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    const bool broker = argv && argc == 2 && std::wstring(argv[1]) == win::kBrokerFlag;
    if (argv) LocalFree(argv);
    if (!broker) return std::nullopt;
    SERVICE_TABLE_ENTRYW table[] = {{const_cast<wchar_t*>(L""), win::serviceMain},
                                    {nullptr, nullptr}};
    if (!StartServiceCtrlDispatcherW(table)) return 2; // started by hand, not by the SCM
    return static_cast<int>(win::gExit);
}

} // namespace aovpn::platform
