// The --ui-script language (ui/ui_script.hpp): one command a line.
#include "ui/ui_script.hpp"

#include <charconv>
#include <map>
#include <sstream>

namespace aovpn::ui {

namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

// A comment is '#' at the start, or after a blank and followed by a blank or the end of the
// line; "#2" right after a label is its index.
std::string withoutComment(const std::string& line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '#') continue;
        const bool start = trim(line.substr(0, i)).empty();
        const bool afterBlank = i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t');
        const bool beforeBlank = i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
        if (start || (afterBlank && beforeBlank)) return line.substr(0, i);
    }
    return line;
}

// "Remote ports #2" -> ("Remote ports", 1).
bool splitIndex(const std::string& text, std::string& label, int& nth) {
    label = text;
    nth = 0;
    const auto hash = text.rfind(" #");
    if (hash == std::string::npos) return true;
    int k = 0;
    const char* first = text.data() + hash + 2;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, k);
    if (ec != std::errc() || end != last || first == last) return true; // not an index
    if (k < 1) return false;
    label = trim(text.substr(0, hash));
    nth = k - 1;
    return true;
}

const std::map<std::string, ImGuiKey>& keyNames() {
    static const std::map<std::string, ImGuiKey> names = [] {
        std::map<std::string, ImGuiKey> m;
        for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k)
            m[ImGui::GetKeyName(static_cast<ImGuiKey>(k))] = static_cast<ImGuiKey>(k);
        m["Up"] = ImGuiKey_UpArrow;
        m["Down"] = ImGuiKey_DownArrow;
        m["Left"] = ImGuiKey_LeftArrow;
        m["Right"] = ImGuiKey_RightArrow;
        m["Esc"] = ImGuiKey_Escape;
        m["Return"] = ImGuiKey_Enter;
        m["Del"] = ImGuiKey_Delete;
        return m;
    }();
    return names;
}

// "Ctrl+Shift+Z" -> key and modifiers; false when a part is not a key name.
bool parseChord(const std::string& text, ImGuiKey& key, int& mods) {
    key = ImGuiKey_None;
    mods = 0;
    std::size_t from = 0;
    while (true) {
        const auto plus = text.find('+', from + 1); // "Ctrl++" would name '+': not supported
        const std::string part = text.substr(from, plus == std::string::npos ? plus : plus - from);
        const bool last = plus == std::string::npos;
        if (!last) {
            if (part == "Ctrl")
                mods |= ImGuiMod_Ctrl;
            else if (part == "Shift")
                mods |= ImGuiMod_Shift;
            else if (part == "Alt")
                mods |= ImGuiMod_Alt;
            else
                return false;
            from = plus + 1;
            continue;
        }
        const auto it = keyNames().find(part);
        if (it == keyNames().end()) return false;
        key = it->second;
        return true;
    }
}

std::string parseLine(ScriptCommand& c, const std::string& verb, const std::string& arg) {
    c.verb = verb;
    if (verb == "menu") {
        for (std::size_t from = 0;;) {
            const auto sep = arg.find('>', from);
            const std::string part = trim(arg.substr(from, sep - from));
            if (part.empty()) return "a menu path needs labels between '>'";
            c.path.push_back(part);
            if (sep == std::string::npos) return {};
            from = sep + 1;
        }
    }
    if (verb == "click") {
        std::string label;
        if (!splitIndex(arg, label, c.nth)) return "a widget index counts from #1";
        if (label.empty()) return "click needs a label";
        c.path = {label};
        return {};
    }
    if (verb == "type") {
        c.text = arg;
        return arg.empty() ? "type needs text" : "";
    }
    if (verb == "key")
        return parseChord(arg, c.key, c.mods) ? "" : "'" + arg + "' is not a key or chord";
    if (verb == "frames") {
        const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), c.frames);
        const bool ok = ec == std::errc() && end == arg.data() + arg.size() && c.frames >= 0 &&
                        c.frames <= 100000;
        return ok ? "" : "frames needs a number from 0 to 100000";
    }
    if (verb == "reset") return arg.empty() ? "" : "reset takes nothing after it";
    if (verb == "save-xml" || verb == "save-log" || verb == "screenshot" || verb == "labels") {
        c.text = arg;
        return arg.empty() ? verb + " needs a file name" : "";
    }
    return "unknown command '" + verb + "'";
}

} // namespace

ParsedScript parseScript(const std::string& file, const std::string& text) {
    ParsedScript out;
    std::istringstream lines(text);
    std::string raw;
    for (int n = 1; std::getline(lines, raw); ++n) {
        const std::string line = trim(withoutComment(raw));
        if (line.empty()) continue;
        const auto space = line.find_first_of(" \t");
        ScriptCommand c;
        c.file = file;
        c.line = n;
        const std::string verb = line.substr(0, space);
        const std::string arg = space == std::string::npos ? "" : trim(line.substr(space));
        // type keeps its text as written (inner blanks included)
        const std::string err = parseLine(c, verb, arg);
        if (!err.empty()) {
            out.error = file + ":" + std::to_string(n) + ": " + err + " (line: " + line + ")";
            out.commands.clear();
            return out;
        }
        out.commands.push_back(std::move(c));
    }
    return out;
}

} // namespace aovpn::ui
