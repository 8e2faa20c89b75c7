# dyad_embed(NAME NAMESPACE ns FILES kind:path ...)
#
# Turns data files into a generated C++ source that defines
#   std::span<const dyad::builtin::EmbeddedFile> ns::Files()
# (declared in src/core/embedded.h) so the program runs from anywhere without its data folder.
# Sets NAME_SOURCES in the caller's scope.
function(dyad_embed name)
  cmake_parse_arguments(ARG "" "NAMESPACE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp")
  set(inputs "")
  set(specs "")
  foreach(spec IN LISTS ARG_FILES)
    string(REPLACE ":" ";" parts "${spec}")
    list(GET parts 1 rel)
    list(APPEND inputs "${PROJECT_SOURCE_DIR}/${rel}")
    list(APPEND specs "${spec}")
  endforeach()
  string(REPLACE ";" "|" specs_arg "${specs}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DROOT=${PROJECT_SOURCE_DIR}
            -DSPECS=${specs_arg} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    DEPENDS ${inputs} ${PROJECT_SOURCE_DIR}/cmake/EmbedGenerate.cmake
    COMMENT "Embedding built-in dictionaries"
    VERBATIM)
  set(${name}_SOURCES "${out}" PARENT_SCOPE)
endfunction()
