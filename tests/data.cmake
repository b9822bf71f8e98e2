# The data files checked from outside: JSON Schemas with ajv (npm, tests/browser/package.json),
# well-formed Akoma Ntoso with xmllint (Debian libxml2-utils). See tests/data/validate.mjs.
find_program(NODE_EXECUTABLE node)
find_program(XMLLINT_EXECUTABLE xmllint)
add_test(NAME data.validate COMMAND ${NODE_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/data/validate.mjs)
set_tests_properties(data.validate PROPERTIES
  ENVIRONMENT "RESGEN=$<TARGET_FILE:resgen>;RESGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR};RESGEN_WORK=${CMAKE_CURRENT_BINARY_DIR}/data-work;XMLLINT=${XMLLINT_EXECUTABLE}"
  TIMEOUT 60)
