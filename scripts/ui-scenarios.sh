#!/usr/bin/env bash
# Runs the --ui-script scenarios in tests/ui-scripts/ against the real window: the Linux app and
# the Windows exe under Wine, each ONCE with every scenario (Wine starts cost seconds), then
# checks what they saved against each scenario's .expect file. Then one run per build of a
# script naming a widget that is not there: exit 2, naming the line and the label. Last, the
# scenarios of tests/ui-scripts/fake/ on the same window over the fake platform (both builds),
# and those of tests/ui-scripts/800x600/ in a window of that size (both builds).
# Needs $DISPLAY (scripts/lib/xvfb.sh).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scripts="$root/tests/ui-scripts"
ok=1
size=1360x860 # the window of every run but the last two
fail() { echo "FAIL: $*"; ok=0; }
export WINEPREFIX="${WINEPREFIX:-$root/build/windows/wineprefix}" WINEDEBUG=-all

# check_expect DIR FILE.expect: every "FILE has|lacks|count N TEXT" line holds in DIR.
check_expect() {
  local dir=$1 spec=$2 file verb n text got
  while read -r file verb rest; do
    [[ -z "$file" || "$file" == \#* ]] && continue
    if [ ! -f "$dir/$file" ]; then fail "$dir/$file was not written"; continue; fi
    case $verb in
      has)   grep -qF -- "$rest" "$dir/$file" || fail "$dir/$file lacks: $rest" ;;
      lacks) grep -qF -- "$rest" "$dir/$file" && fail "$dir/$file has: $rest" ;;
      count) n=${rest%% *}; text=${rest#* }
             got=$(grep -oF -- "$text" "$dir/$file" | wc -l)
             [ "$got" = "$n" ] || fail "$dir/$file has $got x '$text', expected $n" ;;
      *) fail "$spec: bad line: $file $verb $rest" ;;
    esac
  done <"$spec"
}

# run LABEL DRIVE DIR CMD...: all scenarios of DIR in one process, then its .expect checks.
# The window is $size.
run() {
  local label=$1 drive=$2 from=$3; shift 3
  local dir="$root/build/ui-scripts/$label" args=() s start
  rm -rf "$dir" && mkdir -p "$dir"
  for s in "$from"/*.uis; do
    [ "$(basename "$s")" = bad-label.uis ] || args+=(--ui-script "$drive$s")
  done
  start=$(date +%s%N)
  (cd "$dir" && "$@" --size "$size" "${args[@]}") || fail "$label: the scenarios exited $?"
  echo "$label: $(( ${#args[@]} / 2 )) scenario file(s) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  for s in "$from"/*.expect; do check_expect "$dir" "$s"; done
}

# bad_label LABEL DRIVE CMD...: a script naming a widget that is not there.
bad_label() {
  local label=$1 drive=$2; shift 2
  local dir="$root/build/ui-scripts/$label" msg rc
  msg=$(cd "$dir" && "$@" --ui-script "$drive$scripts/bad-label.uis" 2>&1); rc=$?
  echo "$label: bad label -> exit $rc: $msg"
  [ "$rc" = 2 ] && grep -q 'bad-label.uis:5: no widget labelled "No such button"' <<<"$msg" \
    || fail "$label: a missing widget is not reported as line 5 with exit 2"
  [ ! -e "$dir/never-written.xml" ] || fail "$label: the run went on after the failed line"
}

linux=("$root/build/native/app/aovpn-studio")
windows=(wine "$root/build/windows/app/aovpn-studio.exe")
run linux "" "$scripts" "${linux[@]}"
bad_label linux "" "${linux[@]}"
run windows "Z:" "$scripts" "${windows[@]}"
bad_label windows "Z:" "${windows[@]}"
# The same window over the fake platform (tests/fake_app): what needs an MDM bridge and RAS.
run linux-fake "" "$scripts/fake" "$root/build/native/tests/aovpn-studio-scenarios"
run windows-fake "Z:" "$scripts/fake" wine "$root/build/windows/tests/aovpn-studio-scenarios.exe"
# A small window: the system pointer (the screen's middle) is outside it.
size=800x600
run linux-800x600 "" "$scripts/800x600" "${linux[@]}"
run windows-800x600 "Z:" "$scripts/800x600" "${windows[@]}"
wineserver -k 2>/dev/null || true # our prefix's helpers hold the display open
[ $ok = 1 ]
