#include "cli_json.hpp"

#include <fmt/format.h>

namespace aovpn::cli {

std::string jsonString(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                out += fmt::format("\\u{:04x}", c);
            else
                out += ch;
        }
    }
    return out + "\"";
}

std::string jsonStrings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + jsonString(items[i]);
    return out + "]";
}

JsonObject& JsonObject::add(std::string_view key, std::string_view json) {
    if (!body_.empty()) body_ += ",";
    body_ += jsonString(key) + ":" + std::string(json);
    return *this;
}
JsonObject& JsonObject::str(std::string_view key, std::string_view value) {
    return add(key, jsonString(value));
}
JsonObject& JsonObject::boolean(std::string_view key, bool value) {
    return add(key, value ? "true" : "false");
}
JsonObject& JsonObject::number(std::string_view key, long long value) {
    return add(key, std::to_string(value));
}
JsonObject& JsonObject::raw(std::string_view key, std::string_view json) {
    return add(key, json);
}

std::string errorJson(const platform::Error& e) {
    return JsonObject()
        .str("action", e.action)
        .number("code", e.code)
        .str("codeText", e.codeText())
        .str("systemMessage", e.systemMessage)
        .str("meaning", e.meaning)
        .str("nextStep", e.nextStep)
        .text();
}

std::string targetJson(const platform::ProfileTarget& t) {
    if (t.kind == platform::TunnelKind::Device) return JsonObject().str("kind", "device").text();
    return JsonObject()
        .str("kind", "user")
        .str("account", t.user.name)
        .str("sid", t.user.sid)
        .text();
}

} // namespace aovpn::cli
