# Replays fuzz/corpus/<target>/ through each fuzz target under ctest, with the normal
# compiler and no libFuzzer (replay.c supplies main).  Included from tests/CMakeLists.txt.
set(FUZZ_DIR ${CMAKE_SOURCE_DIR}/fuzz)
foreach(t extract rules jsonld warc)
  add_executable(fuzz_${t}_replay ${FUZZ_DIR}/fuzz_${t}.c ${FUZZ_DIR}/replay.c)
  target_compile_options(fuzz_${t}_replay PRIVATE ${WINNOW_WARNINGS})
  target_link_libraries(fuzz_${t}_replay PRIVATE winnow_core)
  set(inputs ${FUZZ_DIR}/corpus/${t})
  # The golden fixtures and the built-in rules are realistic inputs: replay them too.
  if(t STREQUAL "extract" AND EXISTS ${CMAKE_SOURCE_DIR}/fixtures)
    list(APPEND inputs ${CMAKE_SOURCE_DIR}/fixtures)
  elseif(t STREQUAL "rules")
    list(APPEND inputs ${CMAKE_SOURCE_DIR}/src/rules)
  endif()
  add_test(NAME fuzz/replay_${t} COMMAND fuzz_${t}_replay ${inputs})
  set_tests_properties(fuzz/replay_${t} PROPERTIES TIMEOUT 300)
endforeach()

# fuzz/pinned/<target>/ holds reproducers of bugs found but not fixed yet (in files this
# test's owner does not own): each fails until its fix lands, then moves to corpus/.
foreach(t extract rules)
  if(EXISTS ${FUZZ_DIR}/pinned/${t})
    add_test(NAME fuzz/pinned_${t} COMMAND fuzz_${t}_replay ${FUZZ_DIR}/pinned/${t})
    set_tests_properties(fuzz/pinned_${t} PROPERTIES TIMEOUT 60)
  endif()
endforeach()
