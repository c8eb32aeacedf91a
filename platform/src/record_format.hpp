#pragma once
// A small length-prefixed text format ("<key> <length>\n<bytes>\n" per field) for the files this
// tool hands to itself (replace journal, broker request and reply): exact for any bytes, keys in
// a fixed order, a truncated or foreign file is refused.
#include "platform/errors.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace aovpn::platform::record {

class Writer {
  public:
    explicit Writer(std::string_view magic) : out_(magic) {}
    Writer& put(std::string_view key, std::string_view value) {
        out_.append(key).append(" ").append(std::to_string(value.size())).append("\n");
        out_.append(value).append("\n");
        return *this;
    }
    Writer& flag(std::string_view key, bool v) { return put(key, v ? "1" : "0"); }
    Writer& number(std::string_view key, std::uint64_t v) { return put(key, std::to_string(v)); }
    Writer& error(std::string_view key, const std::optional<Error>& e);
    std::string done() { return put("end", "").out_; }

  private:
    std::string out_;
};

class Reader {
  public:
    Reader(std::string_view bytes, std::string_view magic)
        : ok_(bytes.substr(0, magic.size()) == magic), rest_(bytes.substr(magic.size())) {}
    // The next field, which must be `key`; once one is missing, every later take fails too.
    std::optional<std::string_view> take(std::string_view key);
    bool flag(std::string_view key) { return take(key) == std::string_view("1"); }
    std::uint64_t number(std::string_view key);
    std::optional<Error> error(std::string_view key);
    // True when every field was read and "end" closes the record.
    bool finish() { return take("end").has_value() && rest_.empty() && ok_; }
    bool ok() const { return ok_; }

  private:
    bool ok_;
    std::string_view rest_;
};

} // namespace aovpn::platform::record
