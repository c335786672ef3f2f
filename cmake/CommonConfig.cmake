# One INTERFACE target carries the compile rules every Shouyin target shares.
add_library(shouyin_common INTERFACE)
target_compile_features(shouyin_common INTERFACE cxx_std_20)
target_compile_definitions(shouyin_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
)
target_compile_options(shouyin_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    $<$<BOOL:${SHOUYIN_WERROR}>:-Werror>
)
set(CMAKE_CXX_EXTENSIONS OFF)
