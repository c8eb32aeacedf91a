#!/usr/bin/env bash
# README command (b), and what CI runs: set up, build both targets with warnings as errors, run
# every test natively, under ASan+UBSan, and the Windows build's tests under Wine; then screenshot
# the Linux app and the Windows exe under Xvfb and check that they show something and stay idle.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
passed=0; failed=0; failures=()
step() { printf '\n==== %s\n' "$*"; }
check() { # check NAME COMMAND...: runs one check, counts it, keeps going on failure
  local name=$1; shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

step "packages and sources"
bash scripts/install-packages.sh
bash scripts/fetch-sources.sh

export WINEDEBUG=-all
export WINEPREFIX="$root/build/windows/wineprefix"

build() { cmake --preset "$1" >/dev/null && cmake --build --preset "$1" -j "$(nproc)"; }
step "build: native";  build native
step "build: windows"; build windows
check "windows exes: static, small" bash scripts/check-exe.sh
check "tests: native"          ctest --preset native
check "tests: windows (Wine)"  ctest --preset windows
step "build: native-asan"; build native-asan
check "tests: native ASan+UBSan" ctest --preset native-asan

check "fuzz: ProfileXML reader, 60 s under ASan+UBSan" sh scripts/fuzz.sh 60
check "fuzz: IKE_SA_INIT response parser, 30 s under ASan+UBSan" sh scripts/fuzz.sh 30 ike
# Benchmarks print figures; here they only have to run (no timing is asserted anywhere).
check "bench: engine (smoke)" sh scripts/bench.sh
check "bench: ui frame (smoke)" build/native/ui/bench_ui 1000

source scripts/lib/xvfb.sh
start_xvfb
trap stop_xvfb EXIT
check "window: screenshots, idle, bad path" bash scripts/check-window.sh
check "ui scripts: scenarios on the Linux app and the Windows exe (Wine)" bash scripts/ui-scenarios.sh
stop_xvfb

printf '\n==== summary\n'
for f in "${failures[@]+"${failures[@]}"}"; do echo "FAILED: $f"; done
echo "ci checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
