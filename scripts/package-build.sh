#!/usr/bin/env bash
# The Release build that the package is made from, shared by scripts/package and the
# translation scripts so that they configure one build directory the same way.
# Sourced after deps.sh; SHOUYIN_ROOT is set by the caller.

SHOUYIN_PACKAGE_BUILD="$SHOUYIN_ROOT/build-pkg"

shouyin_configure_package_build() {
    # Tests and benchmarks are not packaged; warnings stay errors as in ./scripts/test.
    cmake -S "$SHOUYIN_ROOT" -B "$SHOUYIN_PACKAGE_BUILD" -G Ninja \
        -DCMAKE_BUILD_TYPE=Release -DSHOUYIN_BUILD_TESTS=OFF -DSHOUYIN_BUILD_BENCH=OFF \
        -DSHOUYIN_WERROR=ON >/dev/null
}
