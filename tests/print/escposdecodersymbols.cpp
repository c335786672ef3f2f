#include "escposdecoderparser.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace shouyin::testing::decoding {

namespace {

// The text of GS k 73's data: "{A", "{B" and "{C" select a code set, "{{" is a brace;
// set C holds two digits a byte. Nothing when the data is not that.
std::optional<QString> decodeCode128(const QByteArray &data)
{
    QString text;
    char set = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char ch = data[i];
        if (ch == '{') {
            if (++i >= data.size())
                return std::nullopt;
            const char next = data[i];
            if (next == 'A' || next == 'B' || next == 'C')
                set = next;
            else if (next == '{' && (set == 'A' || set == 'B'))
                text += u'{';
            else
                return std::nullopt; // shift and function codes are not modelled
            continue;
        }
        const auto value = uchar(ch);
        if (set == 'A' && value <= 0x5F)
            text += QLatin1Char(char(value));
        else if (set == 'B' && value >= 0x20 && value <= 0x7F)
            text += QLatin1Char(char(value));
        else if (set == 'C' && value <= 99)
            text += QString::number(value / 10) + QString::number(value % 10);
        else
            return std::nullopt;
    }
    return text;
}

} // namespace

void Decoder::barcode(qsizetype start)
{
    if (!available(1, start, u"GS k"_s))
        return;
    EscPosCommand command = commandOf(EscPosCommand::Kind::Barcode);
    command.barcodeType = uchar(next());
    QByteArray data;
    if (command.barcodeType <= 6) { // data ends with NUL
        const qsizetype end = m_bytes.indexOf('\0', m_pos);
        if (end < 0) {
            m_pos = m_bytes.size();
            return report(start, u"GS k without its NUL"_s);
        }
        data = m_bytes.mid(m_pos, end - m_pos);
        m_pos = end + 1;
    } else if (command.barcodeType >= 65 && command.barcodeType <= 79) { // data counted
        if (!available(1, start, u"GS k"_s))
            return;
        const int count = uchar(next());
        if (!available(count, start, u"GS k data"_s))
            return;
        data = m_bytes.mid(m_pos, count);
        m_pos += count;
    } else {
        return report(start, u"GS k of type %1"_s.arg(command.barcodeType));
    }
    if (command.barcodeType == 73) {
        const std::optional<QString> text = decodeCode128(data);
        if (!text)
            report(start, u"CODE128 data that is not in code sets A, B and C"_s);
        command.data = text.value_or(QString::fromLatin1(data));
    } else {
        command.data = QString::fromLatin1(data);
    }
    add(command);
}

void Decoder::twoDimensional(qsizetype start)
{
    if (!available(2, start, u"GS ( k"_s))
        return;
    const int length = uchar(next()) + 256 * uchar(next());
    if (!available(length, start, u"GS ( k"_s))
        return;
    const QByteArray payload = m_bytes.mid(m_pos, length);
    m_pos += length;
    if (payload.size() < 2 || payload[0] != 49)
        return report(start, u"GS ( k that is not about a QR code"_s);
    const char function = payload[1];
    const QByteArray parameters = payload.mid(2);
    switch (function) {
    case 65: // model
    case 67: // module size
    case 69: // error correction
        return;
    case 80: // store
        if (parameters.isEmpty() || parameters[0] != 48)
            return report(start, u"QR store without m = 48"_s);
        m_qrData = parameters.mid(1);
        m_qrStored = true;
        return;
    case 81: { // print what is stored
        if (!m_qrStored)
            report(start, u"QR print with nothing stored"_s);
        EscPosCommand command = commandOf(EscPosCommand::Kind::QrCode);
        command.data = QString::fromUtf8(m_qrData);
        return add(command);
    }
    default:
        return report(start, u"QR function "_s + hex(function));
    }
}

} // namespace shouyin::testing::decoding
