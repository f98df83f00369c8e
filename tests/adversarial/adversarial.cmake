# Every tests/adversarial/test_*.sh is one test, called as `sh script WINNOW_BIN SOURCE_DIR`
# (exit 77 = skip); each case inside has its own `timeout`, the TIMEOUT here is the
# backstop for the whole script.  test_property_pages.sh runs test_property_pages.py
# (python3; skipped without it).
file(GLOB ADVERSARIAL_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.sh)
foreach(script ${ADVERSARIAL_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME adversarial/${name} COMMAND sh ${script} ${WINNOW_BIN} ${CMAKE_SOURCE_DIR})
  set_tests_properties(adversarial/${name} PROPERTIES TIMEOUT 600 ENVIRONMENT "LC_ALL=C"
                       SKIP_RETURN_CODE 77)
endforeach()

# Memory bound: peak RSS must not grow over 2,000+ extractions in one process.
add_executable(rss_bound ${CMAKE_CURRENT_LIST_DIR}/rss_bound.c)
target_compile_options(rss_bound PRIVATE ${WINNOW_WARNINGS})
target_link_libraries(rss_bound PRIVATE winnow_core)
add_test(NAME adversarial/rss_bound COMMAND rss_bound ${CMAKE_SOURCE_DIR} 2000)
set_tests_properties(adversarial/rss_bound PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
