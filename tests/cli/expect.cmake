# expect(NAME RC REGEX ARGS...): runs aovpn (through EMULATOR) with ARGS, passes when the exit
# code is RC and stdout+stderr match REGEX. Shared by the CLI tests of issue 10.
function(expect name rc regex)
  execute_process(COMMAND ${EMULATOR} ${AOVPN} ${ARGN} RESULT_VARIABLE got OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT got STREQUAL rc)
    message(SEND_ERROR "FAIL ${name}: exit ${got}, expected ${rc}\n${out}\n${err}")
  elseif(NOT "${out}${err}" MATCHES "${regex}")
    message(SEND_ERROR "FAIL ${name}: output does not match '${regex}'\n${out}\n${err}")
  else()
    message(STATUS "ok   ${name}")
  endif()
endfunction()
