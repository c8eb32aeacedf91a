# Warnings for our own targets only (third-party sources keep their defaults).
option(AOVPN_WERROR "Treat warnings as errors (CI turns this on)" OFF)

function(aovpn_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wnull-dereference)
  if(AOVPN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
