// Entry names of an Azure package: which are read, which are refused, which are the same.
#include "model/azure_package.hpp"

#include <algorithm>

namespace aovpn {
namespace {

char fold(char c) {
    if (c == '\\') return '/';
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool endsWithPath(std::string_view name, std::string_view tail) {
    const std::string key = entryKey(name);
    if (key.size() < tail.size() || key.compare(key.size() - tail.size(), tail.size(), tail) != 0)
        return false;
    return key.size() == tail.size() || key[key.size() - tail.size() - 1] == '/';
}

} // namespace

std::string entryKey(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char c : name)
        out += fold(c);
    return out;
}

bool azurePackageWants(std::string_view name) {
    return endsWithPath(name, "generic/vpnsettings.xml") ||
           endsWithPath(name, "generic/vpnserverroot.cer");
}

std::string unsafeEntryName(std::string_view name) {
    if (name.empty()) return "an entry has an empty name";
    if (name.find('\0') != std::string_view::npos) return "an entry name holds a NUL character";
    const std::string key = entryKey(name);
    if (key.front() == '/' || (key.size() >= 2 && key[1] == ':'))
        return "the entry '" + std::string(name) + "' has an absolute path";
    for (std::size_t start = 0; start <= key.size();) {
        const std::size_t end = std::min(key.find('/', start), key.size());
        if (key.compare(start, end - start, "..") == 0)
            return "the entry '" + std::string(name) + "' climbs out of the package ('..')";
        start = end + 1;
    }
    return {};
}

} // namespace aovpn
