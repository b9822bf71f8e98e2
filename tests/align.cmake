# The alignment benchmark (scripts/bench-align prints its figures); CTest runs it once, small,
# so that it keeps building and running.
add_executable(align_bench ${CMAKE_CURRENT_SOURCE_DIR}/bench/align_bench.cpp)
target_link_libraries(align_bench PRIVATE resgen_core)
add_test(NAME align_bench_smoke COMMAND align_bench ${PROJECT_SOURCE_DIR}/content 1 3)
