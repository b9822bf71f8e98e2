# A smoke run of the benchmark's synthesizer: a small corpus, built by resgen without an error.
# The benchmark itself (bench/run) is run by hand; see docs/performance.md.
add_test(NAME bench.synth_smoke
         COMMAND ${CMAKE_COMMAND} -E env sh -c
           "rm -rf bench-smoke && $<TARGET_FILE:resgen-synth> --count 60 --seed 3 --out bench-smoke/content && $<TARGET_FILE:resgen> build --content bench-smoke/content --out bench-smoke/site && test -f bench-smoke/site/index.html"
         WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(bench.synth_smoke PROPERTIES TIMEOUT 60)
