#!/bin/sh
# Builds bench_engine in Release (its own build folder) and runs it: the engine's generate and
# parse times on 10 / 1,000 / 10,000 routes + traffic filters, beside xmllint's parse.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/bench"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAOVPN_BUILD_GUI=OFF >/dev/null
cmake --build "$build" -j2 --target bench_engine
"$build/tests/bench_engine" "$@"
