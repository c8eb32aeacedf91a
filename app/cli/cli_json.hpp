#pragma once
// --json output of the platform commands: one JSON object per run on stdout, built from parts.
#include "platform/platform.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aovpn::cli {

// A JSON string literal: quotes, backslashes and control characters escaped (UTF-8 kept).
std::string jsonString(std::string_view s);
std::string jsonStrings(const std::vector<std::string>& items);

// Builds {"key": value, ...} in insertion order.
class JsonObject {
  public:
    JsonObject& str(std::string_view key, std::string_view value);
    JsonObject& boolean(std::string_view key, bool value);
    JsonObject& number(std::string_view key, long long value);
    JsonObject& raw(std::string_view key, std::string_view json); // value already JSON
    std::string text() const { return "{" + body_ + "}"; }

  private:
    JsonObject& add(std::string_view key, std::string_view json);
    std::string body_;
};

// {"action":..,"code":..,"codeText":..,"systemMessage":..,"meaning":..,"nextStep":..}
std::string errorJson(const platform::Error& e);
// {"kind":"user","account":..,"sid":..} or {"kind":"device"}
std::string targetJson(const platform::ProfileTarget& t);

} // namespace aovpn::cli
