#include "record_format.hpp"

namespace aovpn::platform::record {

Writer& Writer::error(std::string_view key, const std::optional<Error>& e) {
    flag(key, e.has_value());
    if (!e) return *this;
    number("kind", static_cast<std::uint64_t>(e->kind)).number("code", e->code);
    return put("action", e->action)
        .put("system", e->systemMessage)
        .put("meaning", e->meaning)
        .put("next", e->nextStep);
}

std::optional<std::string_view> Reader::take(std::string_view key) {
    if (!ok_) return std::nullopt;
    const auto space = rest_.find(' '), eol = rest_.find('\n');
    std::size_t len = 0;
    if (space == std::string_view::npos || eol == std::string_view::npos || space > eol ||
        rest_.substr(0, space) != key) {
        ok_ = false;
        return std::nullopt;
    }
    const auto [end, ec] = std::from_chars(rest_.data() + space + 1, rest_.data() + eol, len);
    if (ec != std::errc() || end != rest_.data() + eol || rest_.size() < eol + 2 + len ||
        rest_[eol + 1 + len] != '\n') {
        ok_ = false;
        return std::nullopt;
    }
    const std::string_view value = rest_.substr(eol + 1, len);
    rest_.remove_prefix(eol + 2 + len);
    return value;
}

std::uint64_t Reader::number(std::string_view key) {
    const auto v = take(key);
    std::uint64_t out = 0;
    if (!v) return 0;
    const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || end != v->data() + v->size()) ok_ = false;
    return out;
}

std::optional<Error> Reader::error(std::string_view key) {
    if (!flag(key)) return std::nullopt;
    Error e;
    e.kind = static_cast<CodeKind>(number("kind"));
    e.code = static_cast<std::uint32_t>(number("code"));
    e.action = std::string(take("action").value_or(""));
    e.systemMessage = std::string(take("system").value_or(""));
    e.meaning = std::string(take("meaning").value_or(""));
    e.nextStep = std::string(take("next").value_or(""));
    return e;
}

} // namespace aovpn::platform::record
