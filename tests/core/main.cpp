// The Catch2 v2 entry point for the core's tests; every other file here adds TEST_CASEs.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
