# The ESC/POS receipt printers (core/print) against a virtual printer: a decoder of what a
# printer makes of the bytes, and a printer on a loopback port, a FIFO, a plain file or a
# pseudo-terminal.
# A library of its own, so that other folders' suites (the window printing a receipt)
# can print to it too.
qt_add_library(shouyin_virtualprinter STATIC
    escposdecoder.h escposdecoder.cpp escposdecoderparser.h escposdecodersymbols.cpp
    virtualprinterfifo.h virtualprinterfifo.cpp
    virtualprinterpty.h virtualprinterpty.cpp
    virtualescpos.h virtualescpos.cpp
)
target_include_directories(shouyin_virtualprinter PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(shouyin_virtualprinter PUBLIC shouyin_core Qt6::Core Qt6::Network)

shouyin_add_test(tst_escpostarget SOURCES tst_escpostarget.cpp
    LIBS shouyin_print shouyin_virtualprinter)
shouyin_add_test(tst_escposcommands SOURCES tst_escposcommands.cpp
    LIBS shouyin_print shouyin_virtualprinter)
shouyin_add_test(tst_escposdecoder SOURCES tst_escposdecoder.cpp
    LIBS shouyin_print shouyin_virtualprinter)
shouyin_add_test(tst_escposprinter SOURCES tst_escposprinter.cpp escposprintertest.h
    LIBS shouyin_print shouyin_virtualprinter)
shouyin_add_test(tst_escposdevices SOURCES tst_escposdevices.cpp escposprintertest.h
    LIBS shouyin_print shouyin_virtualprinter)
