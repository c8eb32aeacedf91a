#pragma once
// Repairs for the structural mistakes found in real profiles (what `aovpn normalize --fix` and
// the UI's Fix button do). Each one turns what the author meant into what Windows reads:
//   - a known element kept because it stood under the wrong parent (DisableClassBasedDefaultRoute
//     directly under VPNProfile) moves into its parent, created if needed, when that place is
//     unambiguous (one non-repeated parent); it stays where it is otherwise;
//   - <App>path</App> becomes <App><Id>path</Id></App> (any wrapper holding its value as text);
//   - an empty boolean or number (<IsCompressionEnabled/>) is removed: absent means Windows'
//     default;
//   - an EapHostConfig pasted as escaped text is unescaped and read;
//   - spaces around a server name are removed.
// Names in the wrong case and CSP node names need no fix: the reader already reads them right.
#include "model/profile.hpp"

#include <string>
#include <vector>

namespace aovpn {

// Applies every fix; returns one sentence per change (empty: nothing to fix).
std::vector<std::string> applyFixes(Profile& profile);
// What applyFixes would change, without changing `profile`.
std::vector<std::string> plannedFixes(const Profile& profile);

} // namespace aovpn
