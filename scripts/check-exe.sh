#!/usr/bin/env bash
# The Windows exes must be single static files: only Windows' own DLLs imported, GUI exe < 4 MB,
# GUI subsystem for the app and console subsystem for the CLI.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ok=1
# Windows' own DLLs (lower case); anything else (libstdc++-6, libgcc_s, libwinpthread...) fails.
system_dlls=" advapi32.dll comctl32.dll comdlg32.dll crypt32.dll gdi32.dll kernel32.dll msvcrt.dll ncrypt.dll ole32.dll oleaut32.dll opengl32.dll rasapi32.dll shell32.dll user32.dll userenv.dll wtsapi32.dll ws2_32.dll bcrypt.dll secur32.dll shlwapi.dll version.dll imm32.dll dwmapi.dll uxtheme.dll winmm.dll netapi32.dll iphlpapi.dll wintrust.dll "
check_exe() { # check_exe FILE SUBSYSTEM MAXBYTES
  local exe=$1 want=$2 max=$3 dump
  dump=$(x86_64-w64-mingw32-objdump -p "$exe") || { echo "FAIL: cannot read $exe"; ok=0; return; }
  local dlls; dlls=$(echo "$dump" | awk '/DLL Name:/ {print tolower($3)}' | sort -u | tr '\n' ' ')
  echo "$(basename "$exe"): imports $dlls"
  for d in $dlls; do
    [[ "$system_dlls" == *" $d "* ]] || { echo "FAIL: $(basename "$exe") needs $d"; ok=0; }
  done
  local size; size=$(stat -c %s "$exe")
  echo "$(basename "$exe"): $size bytes"
  [ "$size" -lt "$max" ] || { echo "FAIL: $(basename "$exe") is $size bytes (limit $max)"; ok=0; }
  grep -qF "($want)" <<<"$dump" || { echo "FAIL: $(basename "$exe") is not a $want exe"; ok=0; }
}
check_exe "$root/build/windows/app/aovpn-studio.exe" "Windows GUI" 4194304
check_exe "$root/build/windows/app/aovpn.exe" "Windows CUI" 4194304
[ $ok = 1 ]
