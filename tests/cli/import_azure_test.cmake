# aovpn import-azure end to end: packages assembled here from tests/data/azure and zipped with
# CMake's own zip writer (libarchive, not the minizip the exe reads with), then imported as a zip
# and as a folder; the Azure VPN Client and OpenVPN-only packages are refused and nothing is
# written. Few runs: each is a Wine start for the Windows exe.
#   -DAOVPN=exe -DEMULATOR=wine|"" -DDRIVE=Z:|"" -DDATA=tests/data/azure -DSCRATCH=folder
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")

# package(NAME FILE=ENTRY...): SCRATCH/NAME/ with the files at their entry paths, and NAME.zip.
function(package name)
  set(dir "${SCRATCH}/${name}")
  file(REMOVE_RECURSE "${dir}" "${dir}.zip")
  set(tops "")
  foreach(pair ${ARGN})
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 from)
    list(GET pair 1 entry)
    get_filename_component(folder "${dir}/${entry}" DIRECTORY)
    file(MAKE_DIRECTORY "${folder}")
    if(from STREQUAL "-")
      file(WRITE "${dir}/${entry}" "MZ installer stand-in")
    else()
      file(COPY_FILE "${DATA}/${from}" "${dir}/${entry}")
    endif()
    string(REGEX REPLACE "/.*" "" top "${entry}")
    list(APPEND tops "${top}")
  endforeach()
  list(REMOVE_DUPLICATES tops)
  execute_process(COMMAND ${CMAKE_COMMAND} -E tar cf "${dir}.zip" --format=zip ${tops}
                  WORKING_DIRECTORY "${dir}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "could not zip ${name}")
  endif()
endfunction()

file(MAKE_DIRECTORY "${SCRATCH}")
set(S "${DRIVE}${SCRATCH}")
package(good -=WindowsAmd64/VpnClientSetupAmd64.exe VpnSettings.xml=Generic/VpnSettings.xml
        VpnServerRoot.pem=Generic/VpnServerRoot.cer)
package(azurevpn azurevpnconfig.xml=AzureVPN/azurevpnconfig.xml)
package(sstponly -=WindowsAmd64/VpnClientSetupAmd64.exe -=WindowsX86/VpnClientSetupX86.exe)

file(REMOVE "${SCRATCH}/good.xml" "${SCRATCH}/refused.xml")
expect("zip: a user tunnel, the root pinned, a to-do" 0
  "to do: Pick the user's client certificate.*Azure rotates the gateway's root.*\\[route.client-pool\\] Route 172.16.201.0/25 overlaps"
  import-azure "${S}/good.zip" --name "Contoso & Azure" -o "${S}/good.xml")
file(READ "${SCRATCH}/good.xml" xml)
foreach(part "<ProfileName>Contoso &amp; Azure</ProfileName>"
             "<Servers>azuregateway-b115055e-0882-49bc-a9b9-7de45cba12c0-8e6946892333.vpn.azure.com</Servers>"
             "<TrustedRootCA>227CD991CC7914A423BC66E1577795D4BF0C1A2B</TrustedRootCA>"
             "<Address>10.2.0.0</Address>" "<PrefixSize>24</PrefixSize>"
             "<EncryptionMethod>AES256</EncryptionMethod>")
  string(FIND "${xml}" "${part}" at)
  if(at LESS 0)
    message(SEND_ERROR "FAIL zip: ${part} not in the written profile\n${xml}")
  endif()
endforeach()
expect("folder: the same, --nrpt makes the NRPT rule" 0
  "<DomainName>.corp.contoso.com</DomainName>[ \n\t]*<DnsServers>10.1.0.4</DnsServers>"
  import-azure "${S}/good" --nrpt corp.contoso.com)
expect("the Azure VPN Client's package is refused by name" 2
  "AzureVPN/azurevpnconfig.xml.*not a ProfileXML"
  import-azure "${S}/azurevpn.zip" -o "${S}/refused.xml")
expect("an SSTP-only package is refused with why" 2 "SSTP-only package"
  import-azure "${S}/sstponly.zip" -o "${S}/refused.xml")
if(EXISTS "${SCRATCH}/refused.xml")
  message(SEND_ERROR "FAIL a refused package wrote ${SCRATCH}/refused.xml")
endif()
