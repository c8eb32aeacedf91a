#pragma once
// Errors as the platform layer reports them: what was tried, the code, the system's own words,
// what it usually means, what to do next; and Status / Result<T> built on them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace aovpn::platform {

enum class CodeKind { None, HResult, Win32, Ras, Errno, OpenSsl };

struct Error {
    std::string action; // "Create the VPN profile \"Contoso\" through WMI"
    CodeKind kind = CodeKind::None;
    std::uint32_t code = 0;    // HRESULT, Win32 error, RAS error, errno ...
    std::string systemMessage; // the OS's own words for the code, as given (may be empty)
    std::string meaning;       // what this usually means here
    std::string nextStep;      // what the helpdesk should do next

    std::string codeText() const; // "HRESULT 0x8004100E", "RAS error 809", "" for None
    std::string describe() const; // all of the above as a few lines for a log or a dialog
};

// The hint table (pure data, shared by every OS): what a code usually means and what to do.
struct Hint {
    std::string_view meaning;
    std::string_view nextStep;
};
std::optional<Hint> hintFor(CodeKind kind, std::uint32_t code);

// Builds an Error and fills meaning/nextStep from the hint table when the code is known.
Error makeError(std::string action, CodeKind kind, std::uint32_t code,
                std::string systemMessage = {});

// A success or an Error.
struct Status {
    std::optional<Error> error;
    bool ok() const { return !error.has_value(); }
    static Status success() { return {}; }
    static Status failure(Error e) { return Status{std::move(e)}; }
};

// A value or an Error.
template <class T> class Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    const Error& error() const { return std::get<1>(v_); }

  private:
    std::variant<T, Error> v_;
};

} // namespace aovpn::platform
