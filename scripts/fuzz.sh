#!/bin/sh
# Builds the ProfileXML reader fuzz target with clang in build/fuzz and runs it for N seconds
# (default 60), seeded with the reference profiles and the golden output.
#   scripts/fuzz.sh [seconds]
# A crash leaves build/fuzz/crash-* ; turn it into a regular test in tests/model/.
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DAOVPN_BUILD_GUI=OFF \
  -DAOVPN_FUZZ=ON -DAOVPN_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target reader_fuzz -j2
corpus="$build/corpus"
mkdir -p "$corpus"
"$build/tests/reader_fuzz" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
  -dict="$root/tests/fuzz/profile.dict" -artifact_prefix="$build/" -print_final_stats=1 \
  "$corpus" "$root/../shared/reference/profiles" "$root/tests/data/golden"
