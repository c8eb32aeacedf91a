// The elevated app's side of the broker: job folder, exe copy with its hash, request, start,
// reply, cleanup.
#include "platform/atomic_file.hpp"

#include "broker_win32.hpp"
#include "cert_fields_win32.hpp"
#include "protected_folder.hpp"

#include <cstdio>
#include <wincrypt.h>

namespace aovpn::platform::win {

namespace fs = std::filesystem;

namespace {
constexpr std::uintmax_t kMaxReply = 256u * 1024 * 1024;

struct File {
    HANDLE h = INVALID_HANDLE_VALUE;
    ~File() {
        if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    }
};

struct Sha256 {
    HCRYPTPROV prov = 0;
    HCRYPTHASH hash = 0;
    Sha256() {
        if (CryptAcquireContextW(&prov, nullptr, nullptr, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
            CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash);
    }
    ~Sha256() {
        if (hash) CryptDestroyHash(hash);
        if (prov) CryptReleaseContext(prov, 0);
    }
    bool add(const BYTE* p, DWORD n) { return hash && CryptHashData(hash, p, n, 0); }
    std::string hex() {
        BYTE out[32];
        DWORD size = sizeof out;
        if (!hash || !CryptGetHashParam(hash, HP_HASHVAL, out, &size, 0)) return {};
        return hexUpper(out, size);
    }
};

std::wstring randomId() {
    HCRYPTPROV prov = 0;
    BYTE bytes[8] = {};
    if (CryptAcquireContextW(&prov, nullptr, nullptr, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) {
        CryptGenRandom(prov, sizeof bytes, bytes);
        CryptReleaseContext(prov, 0);
    }
    wchar_t out[17];
    for (int i = 0; i < 8; ++i)
        std::swprintf(out + 2 * i, 3, L"%02x", bytes[i]);
    return out;
}

// Copies `from` to `to` (a new file) while hashing; `from` is opened without write or delete
// sharing, so it cannot change during the copy.
Result<std::string> copyHashed(const fs::path& from, const fs::path& to) {
    const std::string action = "Copy the broker program into its protected folder";
    File in, out;
    in.h = CreateFileW(from.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                       nullptr);
    if (in.h == INVALID_HANDLE_VALUE) return win32Error(action, GetLastError());
    out.h = CreateFileW(to.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, 0, nullptr);
    if (out.h == INVALID_HANDLE_VALUE) return win32Error(action, GetLastError());
    Sha256 sha;
    std::vector<BYTE> buf(1 << 16);
    for (;;) {
        DWORD n = 0, written = 0;
        if (!ReadFile(in.h, buf.data(), static_cast<DWORD>(buf.size()), &n, nullptr))
            return win32Error(action, GetLastError());
        if (n == 0) break;
        if (!WriteFile(out.h, buf.data(), n, &written, nullptr) || written != n ||
            !sha.add(buf.data(), n))
            return win32Error(action, GetLastError());
    }
    if (!FlushFileBuffers(out.h)) return win32Error(action, GetLastError());
    return sha.hex();
}

// Hashes the copy through a handle that stays open (no write/delete sharing) until the service
// has run: nobody can swap it between this check and the start.
Result<std::string> lockAndHash(const fs::path& file, File& lock) {
    lock.h = CreateFileW(file.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, 0,
                         nullptr);
    if (lock.h == INVALID_HANDLE_VALUE)
        return win32Error("Check the broker program before its start", GetLastError());
    Sha256 sha;
    std::vector<BYTE> buf(1 << 16);
    DWORD n = 0;
    while (ReadFile(lock.h, buf.data(), static_cast<DWORD>(buf.size()), &n, nullptr) && n > 0)
        sha.add(buf.data(), n);
    return sha.hex();
}

void removeJob(const fs::path& folder) {
    std::error_code ec;
    fs::remove_all(folder, ec);
}

fs::path selfImage() {
    std::wstring path(32768, L'\0');
    path.resize(GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size())));
    return path;
}

Error brokerError(std::string meaning, std::string next) {
    Error e = makeError("Run the operation through the SYSTEM broker", CodeKind::None, 0);
    e.meaning = std::move(meaning);
    e.nextStep = std::move(next);
    return e;
}
} // namespace

BrokerOptions defaultBrokerOptions() {
    BrokerOptions o;
    o.root = programDataFolder() / L"Broker";
    o.exe = selfImage();
    return o;
}

BrokerClient::BrokerClient(ServiceRunner& runner, BrokerOptions options)
    : runner_(runner), options_(std::move(options)) {}

Result<BrokerReply> BrokerClient::run(const BrokerRequest& request) {
    if (auto s = ensureProtectedFolder(options_.root); !s.ok()) return *s.error;
    const std::wstring id = randomId();
    const fs::path folder = options_.root / id;
    if (auto s = ensureProtectedFolder(folder); !s.ok()) return *s.error;
    struct Cleanup {
        fs::path f;
        ~Cleanup() { removeJob(f); }
    } cleanup{folder};
    const fs::path exe = folder / kBrokerExe;
    auto copied = copyHashed(options_.exe, exe);
    if (!copied) return copied.error();
    if (auto s = writeFileAtomically(folder / kBrokerRequest, serializeBrokerRequest(request),
                                     "Hand the request to the broker");
        !s.ok())
        return *s.error;
    File lock;
    auto check = lockAndHash(exe, lock);
    if (!check) return check.error();
    if (check.value() != copied.value() || copied.value().empty())
        return brokerError("The broker program changed between its copy and its start.",
                           "Run AOVPN Studio again from a folder only administrators can write.");
    const std::wstring binaryPath = L"\"" + exe.wstring() + L"\" " + kBrokerFlag;
    auto code = runner_.runOnce(L"AOVPNStudioBroker-" + id, binaryPath, options_.timeout);
    if (!code) return code.error();
    auto bytes = readRegularFile(folder / kBrokerReply, kMaxReply, "Read the broker's reply");
    if (!bytes)
        return brokerError("The broker stopped (exit code " + std::to_string(code.value()) +
                               ") without a reply.",
                           "See the Application event log; try again.");
    auto reply = parseBrokerReply(request.op, bytes.value());
    if (!reply) return brokerError("The broker's reply is damaged.", "Try again.");
    return std::move(*reply);
}

} // namespace aovpn::platform::win
