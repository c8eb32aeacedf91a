#pragma once
// Small Win32 helpers shared by the platform's Windows files: UTF-8 <-> UTF-16, Windows' own
// error text, Error builders, a COM smart pointer and per-thread COM initialisation.
#include "platform/platform.hpp"

#include <windows.h>

namespace aovpn::platform::win {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view wide);

// FormatMessageW's text for a code (from the system, or from `module`'s message table).
std::string systemMessage(DWORD code, HMODULE module = nullptr);

Error hresultError(std::string action, HRESULT hr);
Error win32Error(std::string action, DWORD err);

// HRESULT bits without the C-style casts in the SDK's macros (-Wold-style-cast).
constexpr std::uint32_t hresultBits(HRESULT hr) {
    return static_cast<std::uint32_t>(hr);
}
constexpr HRESULT hresultFromBits(std::uint32_t bits) {
    return static_cast<HRESULT>(bits);
}

// Owns one reference to a COM interface.
template <class T> class ComPtr {
  public:
    ComPtr() = default;
    ComPtr(const ComPtr&) = delete;
    ComPtr& operator=(const ComPtr&) = delete;
    ComPtr(ComPtr&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    ~ComPtr() { reset(); }
    void reset() {
        if (p_) p_->Release();
        p_ = nullptr;
    }
    T* get() const { return p_; }
    T* operator->() const { return p_; }
    T** put() {
        reset();
        return &p_;
    }
    void** putVoid() { return reinterpret_cast<void**>(put()); }
    explicit operator bool() const { return p_ != nullptr; }

  private:
    T* p_ = nullptr;
};

// COM is initialised once per thread (multithreaded apartment) and released when the thread
// ends. Returns the HRESULT of CoInitializeEx; RPC_E_CHANGED_MODE (the thread already chose an
// apartment) is fine for our use.
HRESULT ensureComOnThisThread();

} // namespace aovpn::platform::win
