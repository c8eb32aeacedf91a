#pragma once
// Severities and the rule catalogue shared by the reader (what it found in the text) and the
// validator (what it found in the Profile): every finding names one of these rule ids.
#include <cstdint>
#include <span>
#include <string_view>

namespace aovpn {

enum class Severity : std::uint8_t { Error, Warning, Info };

struct RuleInfo {
    std::string_view id;
    Severity severity;
    std::string_view summary;
};

// Every rule the reader or the validator can report, reader rules ("xml.", "text.",
// "structure.", "value.", "eap.") first.
std::span<const RuleInfo> validationRules();
// The catalogue entry for `id`, or nullptr.
const RuleInfo* findRule(std::string_view id);

std::string_view severityName(Severity severity); // "error", "warning", "info"

} // namespace aovpn
