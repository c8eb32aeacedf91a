#include "platform/platform.hpp"

#include <cstdio>

namespace aovpn::platform {

std::string Error::codeText() const {
    char buf[64];
    switch (kind) {
    case CodeKind::None:
        return {};
    case CodeKind::HResult:
        std::snprintf(buf, sizeof buf, "HRESULT 0x%08X", code);
        break;
    case CodeKind::Win32:
        std::snprintf(buf, sizeof buf, "Windows error %u", code);
        break;
    case CodeKind::Ras:
        std::snprintf(buf, sizeof buf, "RAS error %u", code);
        break;
    case CodeKind::Errno:
        std::snprintf(buf, sizeof buf, "system error %u", code);
        break;
    case CodeKind::OpenSsl:
        std::snprintf(buf, sizeof buf, "OpenSSL error 0x%08X", code);
        break;
    }
    return buf;
}

std::string Error::describe() const {
    std::string out = action.empty() ? std::string("Failed") : action + " failed";
    if (const auto c = codeText(); !c.empty()) out += " (" + c + ")";
    out += ".";
    if (!systemMessage.empty()) out += "\nSystem says: " + systemMessage;
    if (!meaning.empty()) out += "\nUsually means: " + meaning;
    if (!nextStep.empty()) out += "\nWhat to do: " + nextStep;
    return out;
}

namespace {
// Windows messages end in "\r\n" (and sometimes a period + spaces); keep one clean line.
std::string trimMessage(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    return s;
}
} // namespace

Error makeError(std::string action, CodeKind kind, std::uint32_t code, std::string systemMessage) {
    Error e;
    e.action = std::move(action);
    e.kind = kind;
    e.code = code;
    e.systemMessage = trimMessage(std::move(systemMessage));
    if (const auto h = hintFor(kind, code)) {
        e.meaning = h->meaning;
        e.nextStep = h->nextStep;
    }
    return e;
}

} // namespace aovpn::platform
