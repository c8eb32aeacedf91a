#!/bin/sh
# Builds a libFuzzer target with clang in build/fuzz and runs it for N seconds (default 60):
#   scripts/fuzz.sh [seconds] [reader|ike]
#   reader  the ProfileXML reader, validator and fixer, seeded with the reference profiles, the
#           real-world corpus and the golden output
#   ike     the IKE_SA_INIT response parser of Check gateway, seeded with tests/data/ike
# A crash leaves build/fuzz/crash-* ; turn it into a regular test in tests/model/.
set -eu
seconds=${1:-60}
target=${2:-reader}
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DAOVPN_BUILD_GUI=OFF \
  -DAOVPN_FUZZ=ON -DAOVPN_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
case "$target" in
reader)
  cmake --build "$build" --target reader_fuzz -j2
  corpus="$build/corpus"
  mkdir -p "$corpus"
  "$build/tests/reader_fuzz" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -dict="$root/tests/fuzz/profile.dict" -artifact_prefix="$build/" -print_final_stats=1 \
    "$corpus" "$root/../shared/reference/profiles" "$root/../shared/reference/corpus" \
    "$root/tests/data/golden" "$root/tests/data/fuzz"
  ;;
ike)
  cmake --build "$build" --target ike_response_fuzz -j2
  corpus="$build/corpus-ike"
  mkdir -p "$corpus"
  "$build/tests/ike_response_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
    -artifact_prefix="$build/ike-" -print_final_stats=1 "$corpus" "$root/tests/data/ike"
  ;;
*)
  echo "usage: scripts/fuzz.sh [seconds] [reader|ike]" >&2
  exit 2
  ;;
esac
