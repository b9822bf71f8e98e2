# Browser tests: every tests/browser/*.test.mjs is one CTest test, run with node against a site
# built into the build folder. scripts/browser-deps installs node packages and chromium.
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
  file(GLOB RESGEN_BROWSER_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/browser/*.test.mjs)
  foreach(test ${RESGEN_BROWSER_TESTS})
    get_filename_component(name ${test} NAME_WE)
    add_test(NAME browser.${name}
             COMMAND ${NODE_EXECUTABLE} ${test}
             WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/browser)
    set_tests_properties(browser.${name} PROPERTIES
      ENVIRONMENT "RESGEN=$<TARGET_FILE:resgen>;RESGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR};RESGEN_WORK=${CMAKE_CURRENT_BINARY_DIR}/browser-work"
      RESOURCE_LOCK browser
      TIMEOUT 300)
  endforeach()
endif()
