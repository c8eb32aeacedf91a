# Warnings for our own targets only (third-party sources keep their defaults).
option(AOVPN_WERROR "Treat warnings as errors (CI turns this on)" OFF)

function(aovpn_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wnull-dereference)
  # GCC 12 at -O2/-O3 reports -Wrestrict on `"literal" + std::string&&` inside libstdc++
  # (GCC bug 105651, fixed in GCC 13): not our code, and it fires on any such concatenation.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(AOVPN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
