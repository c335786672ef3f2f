#pragma once

#include "escposdecoder.h"

// The decoder's insides, shared by escposdecoder.cpp (text and commands) and
// escposdecodersymbols.cpp (barcodes and QR codes).
namespace shouyin::testing::decoding {

QString hex(char byte);
EscPosCommand commandOf(EscPosCommand::Kind kind);

// One pass over the bytes, as a printer reads them.
class Decoder
{
public:
    explicit Decoder(const QByteArray &bytes)
        : m_bytes(bytes)
    {}

    EscPosDecoded run();

private:
    bool available(qsizetype count, qsizetype start, const QString &what);
    char next() { return m_bytes[m_pos++]; }
    void textByte(qsizetype start, uchar byte);
    void startLine();
    void flushText();
    void endLine();
    void discardLine();
    void feed(int lines);
    void add(EscPosCommand command);
    void cut(bool partial);
    void report(qsizetype at, const QString &what);
    bool skipSetting(char prefix, char code, qsizetype start);

    void escape(qsizetype start);
    void groupSeparator(qsizetype start);
    void fileSeparator(qsizetype start);
    void dataLinkEscape(qsizetype start);
    void barcode(qsizetype start);
    void twoDimensional(qsizetype start);

    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
    EscPosDecoded m_out;

    EscPosLine::Align m_align = EscPosLine::Align::Left;
    bool m_bold = false;
    bool m_chinese = false;
    QByteArray m_qrData;
    bool m_qrStored = false;

    bool m_lineStarted = false;
    EscPosLine m_line;
    QByteArray m_undecoded; // the line's bytes since the last change of mode
};

} // namespace shouyin::testing::decoding
