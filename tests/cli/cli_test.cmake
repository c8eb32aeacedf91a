# End-to-end checks of the aovpn console tool: exit codes, the "file:line:col: error:" form,
# every render form, and atomic normalize -o. Runs the exe directly (no shell), through
# EMULATOR (wine) for the Windows build.
#   -DAOVPN=exe -DEMULATOR=wine|"" -DDRIVE=Z:|"" -DDATA=tests/data/cli -DSHARED=../shared
#   -DSCRATCH=folder for outputs
set(failures 0)

# Runs aovpn with ARGN; sets rc, out, err in the caller.
function(run_aovpn)
  execute_process(COMMAND ${EMULATOR} ${AOVPN} ${ARGN}
                  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  set(rc "${_rc}" PARENT_SCOPE)
  set(out "${_out}" PARENT_SCOPE)
  set(err "${_err}" PARENT_SCOPE)
endfunction()

function(fail what)
  message(SEND_ERROR "FAIL ${what}\n  rc=${rc}\n  stdout: ${out}\n  stderr: ${err}")
endfunction()

# expect(NAME RC <code> [OUT regex] [ERR regex] ARGS ...)
function(expect name)
  cmake_parse_arguments(E "" "RC;OUT;ERR" "ARGS" ${ARGN})
  run_aovpn(${E_ARGS})
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
  if(NOT rc STREQUAL E_RC)
    fail("${name}: exit code ${rc}, expected ${E_RC}")
  elseif(DEFINED E_OUT AND NOT out MATCHES "${E_OUT}")
    fail("${name}: stdout does not match '${E_OUT}'")
  elseif(DEFINED E_ERR AND NOT err MATCHES "${E_ERR}")
    fail("${name}: stderr does not match '${E_ERR}'")
  else()
    message(STATUS "ok   ${name}")
  endif()
endfunction()

# expect_json(NAME RC <code> [FIELDS path=value ...] ARGS ...): stdout must be ONE well-formed
# JSON object; each FIELDS entry names a member path (dots between levels, e.g. error.code) and the
# value it must have (booleans as ON/OFF, as CMake's string(JSON) gives them).
function(expect_json name)
  cmake_parse_arguments(E "" "RC" "FIELDS;ARGS" ${ARGN})
  run_aovpn(${E_ARGS})
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
  if(NOT rc STREQUAL E_RC)
    fail("${name}: exit code ${rc}, expected ${E_RC}")
    return()
  endif()
  string(JSON type ERROR_VARIABLE jerr TYPE "${out}")
  if(jerr OR NOT type STREQUAL "OBJECT")
    fail("${name}: stdout is not one JSON object (${jerr})")
    return()
  endif()
  foreach(field IN LISTS E_FIELDS)
    string(REGEX MATCH "^([^=]+)=(.*)$" _ "${field}")
    set(want "${CMAKE_MATCH_2}")
    string(REPLACE "." ";" path "${CMAKE_MATCH_1}")
    string(JSON got ERROR_VARIABLE jerr GET "${out}" ${path})
    if(jerr OR NOT got STREQUAL want)
      fail("${name}: ${CMAKE_MATCH_1} is '${got}', expected '${want}' ${jerr}")
      return()
    endif()
  endforeach()
  message(STATUS "ok   ${name}")
endfunction()

set(D "${DRIVE}${DATA}")
set(good "${D}/good_profile.xml")
set(bad "${D}/bad_routes.xml")
set(broken "${D}/broken.xml")
set(quoted "${D}/name with spaces & ampersand.xml")
set(seed "${DRIVE}${SHARED}/reference/profiles/seed_azure_user_tunnel.xml")
set(sid "S-1-5-21-3623811015-3361044348-30300820-1013")
file(REMOVE_RECURSE "${SCRATCH}")
file(MAKE_DIRECTORY "${SCRATCH}")
set(S "${DRIVE}${SCRATCH}")

# Usage
expect("help" RC 0 OUT "usage: aovpn" ARGS --help)
expect("version" RC 0 OUT "AOVPN Studio [0-9]+\\.[0-9]+" ARGS --version)
expect("no arguments" RC 2 ERR "usage" ARGS)
expect("unknown command" RC 2 ERR "unknown command" ARGS frobnicate)
expect("validate without file" RC 2 ERR "usage" ARGS validate)
expect("render two forms" RC 2 ERR "usage" ARGS render ${good} --ps1 --intune)
expect("sid without ps1" RC 2 ERR "usage" ARGS render ${good} --sid ${sid})
expect("option without value" RC 2 ERR "needs a value" ARGS render ${good} -o)

# validate
expect("rules" RC 0 OUT "route.boundary +error +a route address is not on its prefix boundary" ARGS rules)
expect("validate good" RC 0 ERR "0 error\\(s\\), 0 warning\\(s\\)" ARGS validate ${good})
expect("validate warnings only" RC 0 ERR "warning: .*crypto.missing" ARGS validate ${seed})
# validate: gateway-aware rules (Azure's default policy, a declared policy, the client pool)
set(azure128 "${D}/azure_128bit.xml")
set(policy128 "-IpsecEncryption GCMAES128 -IpsecIntegrity GCMAES128 -IkeEncryption GCMAES128 -IkeIntegrity SHA256 -DhGroup DHGroup14 -PfsGroup ECP256")
set(policyStrong "-IpsecEncryption GCMAES256 -IpsecIntegrity GCMAES256 -IkeEncryption GCMAES256 -IkeIntegrity SHA384 -DhGroup ECP384 -PfsGroup ECP384")
expect("validate azure 128-bit, with the fix" RC 1
  ERR "azure_128bit.xml:[0-9]+:[0-9]+: error: EncryptionMethod AES_GCM_128 \\(IKE SA phase\\) will fail with 13868 against Azure's default policy[^\n]*\\[crypto.azure-policy\\][^\n]*\n[^\n]*note: Apply the \"Azure VPN Gateway \\(default policy\\)\" preset"
  ARGS validate ${azure128})
expect("validate declared policy fits" RC 0 ERR "0 error\\(s\\)"
  ARGS validate ${azure128} --gateway-policy ${policy128})
expect("validate declared policy differs" RC 1 ERR "error: [^\n]*declared custom policy[^\n]*\\[crypto.custom-policy\\]"
  ARGS validate ${good} --gateway-policy ${policyStrong})
expect("validate bad policy" RC 2 ERR "--gateway-policy: IpsecIntegrity is missing"
  ARGS validate ${good} --gateway-policy "-IpsecEncryption AES256")
expect("validate client pool" RC 0
  ERR "warning: Route 10.0.0.0/8 overlaps the VPN client address pool 10.8.0.0/24[^\n]*\\[route.client-pool\\]"
  ARGS validate ${good} --client-pool "172.31.0.0/24, 10.8.0.0/24")
expect("validate bad pool" RC 2 ERR "--client-pool: " ARGS validate ${good} --client-pool 10.8.0.0/99)
expect("validate bad: boundary" RC 1
  ERR "bad_routes.xml:18:5: error: 172.21.12.0/21 is not a network address[^\n]*\\[route.boundary\\]"
  ARGS validate ${bad})
expect("validate bad: hint" RC 1 ERR "bad_routes.xml:18:5: note: Use 172.21.8.0/21" ARGS validate ${bad})
expect("validate bad: metric" RC 1 ERR "bad_routes.xml:[0-9]+:[0-9]+: error: Metric 10000"
  ARGS validate ${bad})
expect("validate missing" RC 2 ERR "no-such-file.xml: error: cannot read the file"
  ARGS validate "${D}/no-such-file.xml")
expect("validate malformed" RC 2 ERR "broken.xml:4:[0-9]+: error: " ARGS validate ${broken})
expect("validate several: worst wins" RC 2 ARGS validate ${good} ${broken})
# Reader findings are rules: printed with their id and field, and counted in the summary.
set(corpus "${DRIVE}${SHARED}/reference/corpus")
expect("rules: reader rules listed" RC 0 OUT "structure.misplaced +error +a known element under"
  ARGS rules)
expect("validate: reader findings are errors with a rule" RC 1
  ERR "msdocs_vpnv2csp_syncml_data.xml:16:3: error: <DomainNameInformationList> is the VPNv2 CSP's node name.*\\[structure.csp-node\\] \\(DomainNameInformation\\[0\\]\\)"
  ARGS validate "${corpus}/msdocs_vpnv2csp_syncml_data.xml")
expect("validate: reader findings counted" RC 1
  ERR "msdocs_vpnv2csp_syncml_data.xml: 4 error\\(s\\), 2 warning\\(s\\), 1 info"
  ARGS validate "${corpus}/msdocs_vpnv2csp_syncml_data.xml")

# render
expect("render xml" RC 0 OUT "^<VPNProfile>\n  <ProfileName>Contoso AOVPN</ProfileName>" ARGS render ${good})
expect("render escaped" RC 0 OUT "^&lt;VPNProfile&gt;\n  &lt;ProfileName&gt;Contoso AOVPN"
  ARGS render ${good} --escaped)
expect("render ps1" RC 0 OUT "\\$UserSid = '${sid}'.*\\$ProfileXml = '&lt;VPNProfile&gt;"
  ARGS render ${good} --ps1 --sid ${sid})
# Non-ASCII values travel as base64 UTF-8, so the script is ASCII (safe without its BOM).
expect("render ps1 is ASCII, non-ASCII values as base64" RC 0
  OUT "\\$ProfileName = \\[Text.Encoding\\]::UTF8.GetString\\(\\[Convert\\]::FromBase64String\\('UiZEICdWUE4nIOKAmHF1b3RlZOKAmQ=='\\)\\)\n\\$InstanceId = 'R%26D%20%27VPN%27%20%E2%80%98quoted%E2%80%99'"
  ARGS render ${quoted} --ps1)
string(REGEX MATCH "[^\t\n\r -~]" non_ascii "${out}")
if(non_ascii)
  fail("render --ps1 wrote a non-ASCII byte")
endif()
expect("render ps1 quotes doubled" RC 0 OUT "\\$ProfileName = 'R&D ''VPN'''\n"
  ARGS render ${quoted} --ps1 --name "R&D 'VPN'")
# Fleet exports: Graph JSON and SyncML; the Intune quirks only with an MDM form.
expect("render graph-json" RC 0
  OUT "\"@odata.type\": \"#microsoft.graph.omaSettingString\".*\"omaUri\": \"./User/Vendor/MSFT/VPNv2/Contoso%20AOVPN/ProfileXML\""
  ARGS render ${good} --graph-json)
expect("render syncml replace with a quirk" RC 0
  OUT "<Replace>.*<LocURI>./User/Vendor/MSFT/VPNv2/Contoso%20AOVPN/ProfileXML</LocURI>.*&lt;Servers&gt;([^;&]+);\\1&lt;/Servers&gt;"
  ARGS render ${good} --syncml --replace --quirk-server-twice)
expect("quirk without an MDM form" RC 2 ERR "usage" ARGS render ${good} --quirk-server-twice)
expect("render ps1 bad sid" RC 1 ERR "is not a user SID" ARGS render ${good} --ps1 --sid "S-1-x'")
expect("render ps1 name with slash" RC 1 ERR "contains '/'" ARGS render ${good} --ps1 --name "A/B")
expect("render intune" RC 0 OUT "OMA-URI: +\\./User/Vendor/MSFT/VPNv2/Contoso%20AOVPN/ProfileXML"
  ARGS render ${good} --intune)
expect("render invalid profile still renders, exit 1" RC 1 OUT "<VPNProfile>"
  ERR "error: .*route.boundary" ARGS render ${bad})
expect("render missing" RC 2 ERR "cannot read the file" ARGS render "${D}/no-such-file.xml")

# normalize: stdout equals -o output; -o replaces an existing file and leaves no temp file
expect("normalize stdout" RC 0 OUT "^<VPNProfile>" ARGS normalize ${seed})
set(normalized "${out}")
file(WRITE "${SCRATCH}/seed.xml" "old content that must be replaced")
expect("normalize -o replaces" RC 0 ARGS normalize ${seed} -o "${S}/seed.xml")
file(READ "${SCRATCH}/seed.xml" written)
if(NOT written STREQUAL normalized)
  fail("normalize -o: file differs from stdout")
endif()
expect("normalize is idempotent" RC 0 ARGS normalize "${S}/seed.xml")
if(NOT out STREQUAL normalized)
  fail("normalize of normalized output changed it")
endif()
file(GLOB leftovers "${SCRATCH}/*.tmp-*" "${SCRATCH}/.*aovpn-tmp-*")
if(leftovers)
  fail("normalize -o left temporary files: ${leftovers}")
endif()
expect("normalize -o into missing folder" RC 2 ERR "error: cannot write"
  ARGS normalize ${seed} -o "${S}/no/such/folder/out.xml")
# A non-ASCII file name reaches the tool intact (Windows: via the UTF-16 command line).
file(COPY_FILE "${DATA}/good_profile.xml" "${SCRATCH}/profilé ü ש.xml")
expect("non-ASCII file name" RC 0 ERR "0 error" ARGS validate "${S}/profilé ü ש.xml")
expect("normalize --fix repairs what the docs' sample gets wrong" RC 0
  OUT "<App>\n +<Id>Microsoft.MicrosoftEdge_8wekyb3d8bbwe</Id>"
  ERR "fixed: Wrote <App> in <TrafficFilter> \\(TrafficFilter\\[1\\]\\)"
  ARGS normalize "${corpus}/msdocs_vpnv2csp_syncml_data.xml" --fix)
expect("validate: a route no filter lets through" RC 0
  ERR "route.outside-filters.*192.168.50.7/32.*0 error\\(s\\), 1 warning\\(s\\)"
  ARGS validate "${D}/route_outside_filters.xml")
expect("normalize --fix adds the route to the filter" RC 0
  OUT "<RemoteAddressRanges>10.0.0.0/8, 172.16.0.5-172.16.0.9,192.168.50.7/32</RemoteAddressRanges>"
  ERR "fixed: Added 192.168.50.7/32 \\(route 2\\) to TrafficFilter 1's RemoteAddressRanges"
  ARGS normalize "${D}/route_outside_filters.xml" --fix)
expect("normalize keeps comments" RC 0 OUT "<!-- DC01 -->\n  <Route>"
  ARGS normalize "${corpus}/dpc_machine_working.xml")
# Hostile inputs and outputs (POSIX-only parts need /dev and symlinks: native build).
if(NOT EMULATOR)
  expect("read: a device is refused" RC 2 ERR "/dev/zero is a device, pipe or socket"
    ARGS validate /dev/zero)
  expect("read: a folder is refused" RC 2 ERR "is a folder, not a regular file"
    ARGS validate "${SCRATCH}")
  execute_process(COMMAND mkfifo "${SCRATCH}/fifo.xml")
  expect("read: a pipe is refused, not waited on" RC 2 ERR "fifo.xml is a device, pipe or socket"
    ARGS validate "${SCRATCH}/fifo.xml")
  # The 64 MB cap, on a sparse file one byte over it (nothing of it is read) and on stdin.
  execute_process(COMMAND truncate -s 67108865 "${SCRATCH}/huge.xml")
  expect("read: a file over 64 MB is refused" RC 2 ERR "files over 67108864 bytes are refused"
    ARGS normalize "${SCRATCH}/huge.xml")
  file(REMOVE "${SCRATCH}/huge.xml")
  execute_process(COMMAND ${AOVPN} validate - INPUT_FILE /dev/zero RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "standard input holds more than 67108864 bytes")
    fail("validate - < /dev/zero: rc=${rc} ${err}")
  endif()
  execute_process(COMMAND ${AOVPN} render ${good} --ps1 OUTPUT_FILE /dev/full
                  RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot write the output: No space left")
    fail("render to a full stdout: rc=${rc} ${err}")
  endif()
  expect("-o: a device is refused" RC 2 ERR "not a regular file" ARGS normalize ${good} -o /dev/null)
  file(WRITE "${SCRATCH}/real.xml" "keep me")
  file(CREATE_LINK "${SCRATCH}/real.xml" "${SCRATCH}/link.xml" SYMBOLIC)
  expect("-o: a symlink is refused" RC 2 ERR "symbolic link"
    ARGS normalize ${good} -o "${SCRATCH}/link.xml")
  file(READ "${SCRATCH}/real.xml" kept)
  if(NOT kept STREQUAL "keep me")
    fail("-o through a symlink changed its target")
  endif()
  file(CHMOD "${SCRATCH}/real.xml" PERMISSIONS OWNER_READ OWNER_WRITE)
  file(WRITE "${SCRATCH}/.real.xml.aovpn-tmp-999999999-0" "left by a killed run")
  expect("-o keeps the mode" RC 0 ARGS normalize ${good} -o "${SCRATCH}/real.xml")
  execute_process(COMMAND stat -c %a "${SCRATCH}/real.xml" OUTPUT_VARIABLE mode
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT mode STREQUAL "600")
    fail("-o changed a 0600 file to ${mode}")
  endif()
  if(EXISTS "${SCRATCH}/.real.xml.aovpn-tmp-999999999-0")
    fail("-o left an interrupted run's temp file behind")
  endif()
  execute_process(COMMAND ${AOVPN} validate - INPUT_FILE ${good} RESULT_VARIABLE rc
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT err MATCHES "-: 0 error")
    fail("validate - (stdin): rc=${rc} ${err}")
  endif()
endif()
expect("normalize malformed" RC 2 ERR "broken.xml:4:" ARGS normalize ${broken})

# Platform commands. Natively they work on the offline profile folder (XDG_DATA_HOME below);
# under Wine they reach WMI, which has no MDM bridge there: a mapped error and exit code 3.
set(ENV{XDG_DATA_HOME} "${SCRATCH}/xdg")
expect("apply usage" RC 2 ERR "usage: aovpn apply" ARGS apply)
expect("apply invalid: nothing applied" RC 1 ERR "nothing was applied" ARGS apply ${bad})
expect("apply unknown user" RC 2 ERR "Find the account no-such-user-x" ARGS apply ${good} --user no-such-user-x)
expect("connect bad timeout" RC 2 ERR "usage: aovpn connect" ARGS connect X --timeout 0)
if(EMULATOR)
  expect("apply under Wine: no MDM bridge, exit 3" RC 3 ERR "0x8004100E.*MDM bridge" ARGS apply ${good})
  expect("list --json under Wine: the mapped error as JSON" RC 3
    OUT "^.\"command\":\"list\",\"ok\":false.*\"code\":2147749902.*root..cimv2..mdm..dmmap" ARGS list --json)
  expect_json("remove --json under Wine: the mapped error, exit 3" RC 3
    FIELDS command=remove ok=OFF existed=OFF error.code=2147749902 target.kind=user
    ARGS remove "Contoso AOVPN" --json)
  expect_json("status --json under Wine: no MDM bridge, not connected, exit 3" RC 3
    FIELDS command=status ok=OFF installed=OFF connected=OFF error.code=2147749902
    ARGS status "Contoso AOVPN" --json)
  # A device tunnel from an elevated (non-SYSTEM) process goes through the SYSTEM broker; Wine's
  # service manager runs it as the prefix's user, so the broker refuses. One request: no
  # "Could not ask the broker to finish interrupted replaces" note from a second broker run.
  expect_json("list --device --json under Wine: through the broker once, exit 3" RC 3
    FIELDS target.kind=device "error.action=Carry out the broker's job" recovered=[]
    ARGS list --device --json)
  expect("apply --user a group: refused before anything, exit 2" RC 2
    ERR "S-1-5-32-544 .*is not a user account" ARGS apply ${good} --user S-1-5-32-544)
  expect("connect under Wine: entry not found (623)" RC 3 ERR "RAS error 623" ARGS connect "AOVPN No Such Entry" --timeout 5)
  expect_json("connect --json under Wine: 623 with its hint, exit 3" RC 3
    FIELDS command=connect ok=OFF rasCode=623 timedOut=OFF alreadyConnected=OFF
    ARGS connect "AOVPN No Such Entry" --timeout 5 --json)
  expect_json("disconnect --json under Wine: nothing connected is ok" RC 0
    FIELDS command=disconnect ok=ON ARGS disconnect "AOVPN No Such Entry" --json)
  expect_json("repair-autotrigger --yes under Wine: no such entry, exit 3" RC 3
    FIELDS command=repair-autotrigger ok=OFF error.code=623
    ARGS repair-autotrigger "AOVPN No Such Entry" --yes --json)
  expect_json("repair-phonebook under Wine: no hidden phonebook, nothing to do" RC 0
    FIELDS command=repair-phonebook ok=ON ARGS repair-phonebook --json)
  expect("selftest under Wine: a report, the apply step mapped, exit 3" RC 3
    OUT "session +[|] OK .*apply .user. +[|] FAILED  [|] HRESULT 0x8004100E" ARGS selftest)
else()
  expect("apply offline" RC 0 OUT "Created \"Contoso AOVPN\" for " ARGS apply ${good})
  expect("apply offline again: replaced" RC 0 OUT "\"replaced\":true" ARGS apply ${good} --json)
  expect("list offline --json" RC 0 OUT "\"profiles\":..\"name\":\"Contoso AOVPN\",\"instanceId\":\"Contoso%20AOVPN\"" ARGS list --json)
  expect_json("apply --name --json: another profile" RC 0
    FIELDS command=apply ok=ON name=Other\ VPN replaced=OFF target.kind=user
    ARGS apply ${good} --name "Other VPN" --json)
  execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
  expect_json("list --user SID --json: both profiles for that account" RC 0
    FIELDS ok=ON profiles.0.name=Contoso\ AOVPN profiles.1.name=Other\ VPN
      target.sid=S-1-22-1-${uid}
    ARGS list --user S-1-22-1-${uid} --json)
  expect("list --user unknown: exit 2" RC 2 ERR "no such user" ARGS list --user no-such-user-x)
  expect("status offline" RC 0 OUT "Contoso AOVPN: Installed for " ARGS status "Contoso AOVPN")
  expect_json("status --json: installed, not connected" RC 0
    FIELDS command=status ok=ON installed=ON connected=OFF ARGS status "Contoso AOVPN" --json)
  expect("remove offline" RC 0 OUT "Removed \"Contoso AOVPN\"" ARGS remove "Contoso AOVPN")
  expect_json("remove --json: the other one" RC 0
    FIELDS command=remove ok=ON existed=ON ARGS remove "Other VPN" --json)
  expect_json("remove --json: already gone is ok, and says so" RC 0
    FIELDS ok=ON existed=OFF ARGS remove "Other VPN" --json)
  expect("status after remove" RC 0 OUT "\"installed\":false" ARGS status "Contoso AOVPN" --json)
  expect("connect offline: not available, exit 3" RC 3 ERR "not available" ARGS connect "Contoso AOVPN")
  expect_json("connect --json offline: not available, exit 3" RC 3
    FIELDS command=connect ok=OFF ARGS connect "Contoso AOVPN" --json)
  expect_json("disconnect --json offline: nothing is connected, ok" RC 0
    FIELDS command=disconnect ok=ON ARGS disconnect "Contoso AOVPN" --json)
  expect("selftest offline: every step, nothing left" RC 0
    OUT "apply .user. +[|] OK .*\nreplace +[|] OK .*\nfailing replace . restore +[|] OK +[|] [^|]*[|] [^\n]*restored from our copy.*\nconnect . disconnect +[|] SKIPPED .*\nremove +[|] OK .*\ncleanup +[|] OK +[|] +[|] nothing left behind\nstored copy . journal .user. +[|] OK +[|] +[|] our stored copy and the replace journal are gone\n$" ARGS selftest)
  expect_json("selftest --json offline" RC 0
    FIELDS command=selftest ok=ON steps.0.step=session steps.0.outcome=OK ARGS selftest --json)
  # The question names profile and account and what changes (platform's autoTriggerRepairPlan).
  expect("repair-autotrigger unattended without --yes: nothing done" RC 2
    ERR "Repair auto-connect for \"Contoso AOVPN\" of [^\n]*\n- take [^\n]*AutoTriggerDisabledProfilesList.*UserSID.*restart the Remote Access Connection Manager.*not confirmed"
    ARGS repair-autotrigger "Contoso AOVPN")
  expect("repair-autotrigger offline: not available" RC 3 ERR "not available" ARGS repair-autotrigger "Contoso AOVPN" --yes)
  expect_json("repair-phonebook --json offline: not available, exit 3" RC 3
    FIELDS command=repair-phonebook ok=OFF ARGS repair-phonebook --json)
endif()
