#pragma once
// Bytes of a file -> the UTF-8 text the reader parses.
#include "model/profile_xml.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aovpn::xml {

// The input as UTF-8 without BOM: UTF-16 (PowerShell 5's Out-File default; LE or BE, with or
// without BOM) and a declared windows-1252 / ISO-8859-1 are converted; a file that is not UTF-8
// and declares no encoding is read as windows-1252 (Notepad's "ANSI"); each says so in `notes`.
// What cannot be converted (UTF-32, broken UTF-16, another declared encoding) fills `error`
// (text.encoding): nothing is ever replaced silently.
struct DecodedText {
    std::string text;
    bool verbatim = false; // `text` is the input's own bytes (a UTF-8 BOM aside): nothing converted
    std::vector<XmlDiagnostic> notes;
    std::optional<XmlDiagnostic> error;
};
DecodedText decodeInput(std::string_view input);

} // namespace aovpn::xml
