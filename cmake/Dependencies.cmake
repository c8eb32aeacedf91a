# Third-party libraries, exposed under one set of names whatever the OS:
#   dep::pugixml dep::fmt dep::doctest   (model and tests)
#   dep::minizip                         (the Azure package reader, platform/archive; its tests)
#   dep::glfw dep::gl dep::imgui         (ui and app, when AOVPN_BUILD_GUI)
# Linux takes Debian's -dev packages; the Windows cross build compiles the Debian SOURCE packages
# that scripts/fetch-sources.sh unpacks into AOVPN_DEPS_DIR. pugixml and Dear ImGui are compiled
# from their source packages on both (ImGui with our own imconfig).
set(AOVPN_DEPS_DIR "${PROJECT_SOURCE_DIR}/.deps" CACHE PATH "Where scripts/fetch-sources.sh unpacked sources")
set(_src "${AOVPN_DEPS_DIR}/src")

function(_aovpn_need_source dir)
  if(NOT EXISTS "${_src}/${dir}")
    message(FATAL_ERROR "${_src}/${dir} is missing: run scripts/fetch-sources.sh first")
  endif()
endfunction()

# pugixml (1.13, Debian bookworm's source package) is compiled from source on both OSes: one
# source for both builds, and a static library instead of the shared one, whose every node
# accessor (first_child, name, next_sibling...) was a call through the PLT; the reader makes
# hundreds of thousands of them per large profile.
_aovpn_need_source(pugixml)
add_library(aovpn_pugixml STATIC "${_src}/pugixml/src/pugixml.cpp")
target_include_directories(aovpn_pugixml SYSTEM PUBLIC "${_src}/pugixml/src")
# Compact mode: a node takes 12 bytes instead of 64, so the tree of a 2.9 MB profile (140,000
# nodes) is 1.7 MB instead of 9.0 MB, memory every read must map and touch. PUBLIC: every
# target that includes pugixml.hpp must see the same define (ODR; it also changes noexcept of
# xml_document's move), and all of them get pugixml through dep::pugixml.
target_compile_definitions(aovpn_pugixml PUBLIC PUGIXML_COMPACT)
# Third-party code builds with its own warnings silenced; ours are strict.
target_compile_options(aovpn_pugixml PRIVATE -w)
add_library(dep::pugixml ALIAS aovpn_pugixml)

if(WIN32)
  foreach(d fmtlib doctest)
    _aovpn_need_source(${d})
  endforeach()
  add_library(aovpn_fmt STATIC "${_src}/fmtlib/src/format.cc" "${_src}/fmtlib/src/os.cc")
  target_include_directories(aovpn_fmt SYSTEM PUBLIC "${_src}/fmtlib/include")
  add_library(aovpn_doctest INTERFACE)
  target_include_directories(aovpn_doctest SYSTEM INTERFACE "${_src}/doctest")
  target_compile_options(aovpn_fmt PRIVATE -w)
  add_library(dep::fmt ALIAS aovpn_fmt)
  add_library(dep::doctest ALIAS aovpn_doctest)
else()
  find_package(fmt REQUIRED)
  find_package(doctest REQUIRED)
  add_library(dep::fmt ALIAS fmt::fmt)
  add_library(dep::doctest ALIAS doctest::doctest)
endif()

# zlib's contrib/minizip (the Azure VPN client zip): Debian's libminizip-dev natively; the Windows
# build compiles zlib and minizip from Debian's zlib source package, static in the exe.
if(WIN32)
  _aovpn_need_source(zlib)
  set(_z "${_src}/zlib")
  add_library(aovpn_minizip STATIC
    "${_z}/adler32.c" "${_z}/crc32.c" "${_z}/inflate.c" "${_z}/inftrees.c" "${_z}/inffast.c"
    "${_z}/deflate.c" "${_z}/trees.c" "${_z}/zutil.c"
    "${_z}/contrib/minizip/unzip.c" "${_z}/contrib/minizip/zip.c" "${_z}/contrib/minizip/ioapi.c")
  target_include_directories(aovpn_minizip SYSTEM PUBLIC "${_z}" "${_z}/contrib/minizip")
  # No PKWARE encryption code: encrypted entries are refused before any data is read.
  target_compile_definitions(aovpn_minizip PUBLIC NOUNCRYPT NOCRYPT)
  target_compile_options(aovpn_minizip PRIVATE -w)
  add_library(dep::minizip ALIAS aovpn_minizip)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(AOVPN_MINIZIP REQUIRED IMPORTED_TARGET GLOBAL minizip zlib)
  add_library(dep::minizip ALIAS PkgConfig::AOVPN_MINIZIP)
endif()

# Header-only PNG writer (Debian libstb-dev) for screenshots.
find_path(AOVPN_STB_DIR stb_image_write.h PATHS /usr/include/stb NO_CMAKE_FIND_ROOT_PATH)

if(AOVPN_BUILD_GUI)
  # Dear ImGui 1.90 (Debian trixie's source package; bookworm has 1.86).
  _aovpn_need_source(imgui-1.90)
  if(WIN32)
    _aovpn_need_source(glfw3)
    set(GLFW_BUILD_DOCS OFF CACHE BOOL "" FORCE)
    set(GLFW_BUILD_TESTS OFF CACHE BOOL "" FORCE)
    set(GLFW_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
    set(GLFW_INSTALL OFF CACHE BOOL "" FORCE)
    add_subdirectory("${_src}/glfw3" "${CMAKE_BINARY_DIR}/_deps/glfw3" EXCLUDE_FROM_ALL SYSTEM)
    target_compile_options(glfw PRIVATE -w)
    add_library(dep::glfw ALIAS glfw)
    add_library(aovpn_gl INTERFACE)
    target_link_libraries(aovpn_gl INTERFACE opengl32)
    add_library(dep::gl ALIAS aovpn_gl)
  else()
    find_package(glfw3 3.3 REQUIRED)
    find_package(OpenGL REQUIRED)
    add_library(dep::glfw ALIAS glfw)
    add_library(dep::gl ALIAS OpenGL::GL)
  endif()

  set(_im "${_src}/imgui-1.90")
  add_library(aovpn_imgui STATIC
    "${_im}/imgui.cpp" "${_im}/imgui_draw.cpp" "${_im}/imgui_tables.cpp" "${_im}/imgui_widgets.cpp"
    "${_im}/backends/imgui_impl_glfw.cpp" "${_im}/backends/imgui_impl_opengl3.cpp")
  target_include_directories(aovpn_imgui SYSTEM PUBLIC "${_im}" "${_im}/backends"
                                                       "${PROJECT_SOURCE_DIR}/ui/imconfig")
  target_compile_definitions(aovpn_imgui PUBLIC IMGUI_USER_CONFIG="aovpn_imconfig.h")
  target_link_libraries(aovpn_imgui PUBLIC dep::glfw dep::gl)
  target_compile_options(aovpn_imgui PRIVATE -w)
  if(NOT WIN32)
    target_link_libraries(aovpn_imgui PUBLIC ${CMAKE_DL_LIBS})
  endif()
  add_library(dep::imgui ALIAS aovpn_imgui)
endif()
