# Splits the debug information off a linked library, for the .oxt to ship it stripped (cmake -P):
#   LIBRARY          the library, stripped in place; a .gnu_debuglink names LIBRARY.debug
#   LIBRARY.debug    its debug information, beside it: gdb finds it for this copy of the library
#   DEBUG_DIR/.build-id/xx/yyyy.debug  the same file by build ID: gdb finds it for any copy, e.g. the
#                    one an installed .oxt unpacks, with  gdb -iex "set debug-file-directory DEBUG_DIR"
# Also takes OBJCOPY and READELF (CMake's CMAKE_OBJCOPY and CMAKE_READELF).
set(debug "${LIBRARY}.debug")
execute_process(COMMAND "${OBJCOPY}" --only-keep-debug "${LIBRARY}" "${debug}" COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${OBJCOPY}" --strip-unneeded "--add-gnu-debuglink=${debug}" "${LIBRARY}"
                COMMAND_ERROR_IS_FATAL ANY)

execute_process(COMMAND "${READELF}" --notes "${debug}" OUTPUT_VARIABLE notes COMMAND_ERROR_IS_FATAL ANY)
if(NOT notes MATCHES "Build ID: ([0-9a-f][0-9a-f])([0-9a-f]+)")
  message(FATAL_ERROR "${LIBRARY} has no build ID: link it with -Wl,--build-id")
endif()
set(link "${DEBUG_DIR}/.build-id/${CMAKE_MATCH_1}/${CMAKE_MATCH_2}.debug")
file(REMOVE_RECURSE "${DEBUG_DIR}/.build-id")
file(MAKE_DIRECTORY "${DEBUG_DIR}/.build-id/${CMAKE_MATCH_1}")
file(CREATE_LINK "${debug}" "${link}" SYMBOLIC)
