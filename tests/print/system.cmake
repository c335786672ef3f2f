# The system print path (ui/print): receipts painted with QPainter, written as PDF, and
# spooled through a throw-away CUPS server whose cups-pdf queue "ShouyinPDF" writes
# them back as PDF files (scripts/cups-test-server, as root): started before the first
# suite needing it, removed after the last.
set(SHOUYIN_CUPS_STATE "${CMAKE_BINARY_DIR}/cups-test-server")
add_test(NAME cups_server_start
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/cups-test-server start ${SHOUYIN_CUPS_STATE})
add_test(NAME cups_server_remove
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/cups-test-server remove ${SHOUYIN_CUPS_STATE})
set_tests_properties(cups_server_start PROPERTIES FIXTURES_SETUP cups TIMEOUT 120 LABELS print)
set_tests_properties(cups_server_remove PROPERTIES FIXTURES_CLEANUP cups TIMEOUT 60 LABELS print)

# zbar reads the receipt's QR code back (tests/ui's decoder). tests/ui's ZBAR target is
# local to that folder, hence a lookup of our own.
pkg_check_modules(SHOUYIN_PRINT_ZBAR REQUIRED IMPORTED_TARGET zbar)

shouyin_add_test(tst_receiptpainter
    SOURCES tst_receiptpainter.cpp tst_samplereceipt.h
        ${PROJECT_SOURCE_DIR}/tests/ui/qrdecode.h ${PROJECT_SOURCE_DIR}/tests/ui/qrdecode.cpp
    LIBS shouyin_uiprint PkgConfig::SHOUYIN_PRINT_ZBAR)
target_include_directories(tst_receiptpainter PRIVATE ${PROJECT_SOURCE_DIR}/tests/ui)

shouyin_add_test(tst_systemprint TIMEOUT 180
    SOURCES tst_systemprint.cpp tst_samplereceipt.h
        ${PROJECT_SOURCE_DIR}/tests/ui/qrdecode.h ${PROJECT_SOURCE_DIR}/tests/ui/qrdecode.cpp
    LIBS shouyin_uiprint PkgConfig::SHOUYIN_PRINT_ZBAR)
target_include_directories(tst_systemprint PRIVATE ${PROJECT_SOURCE_DIR}/tests/ui)
set_tests_properties(tst_systemprint PROPERTIES FIXTURES_REQUIRED cups)
set_property(TEST tst_systemprint APPEND PROPERTY ENVIRONMENT
    "SHOUYIN_CUPS_STATE=${SHOUYIN_CUPS_STATE}")

# docs/receipt-58mm.png, the README's picture of a receipt:
#   cmake --build BUILD --target receipt_png
add_custom_target(receipt_png
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
        SHOUYIN_RECEIPT_PNG=${PROJECT_SOURCE_DIR}/docs/receipt-58mm.png
        $<TARGET_FILE:tst_receiptpainter> sampleForTheReadme
    COMMENT "Painting docs/receipt-58mm.png"
    VERBATIM)
add_dependencies(receipt_png tst_receiptpainter)
