#include "escposdecoderparser.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace shouyin::testing {

namespace decoding {

namespace {

constexpr char kLineFeed = 0x0A;
constexpr char kCarriageReturn = 0x0D;
constexpr char kDle = 0x10;
constexpr char kEot = 0x04;
constexpr char kEsc = 0x1B;
constexpr char kFs = 0x1C;
constexpr char kGs = 0x1D;

// Commands that set something this model does not show, and their parameter bytes.
struct Setting
{
    char prefix;
    char code;
    int parameters;
};
constexpr Setting kSettings[] = {
    {kEsc, ' ', 1}, // character spacing
    {kEsc, '-', 1}, // underline
    {kEsc, '2', 0}, // default line spacing
    {kEsc, '3', 1}, // line spacing
    {kEsc, 'G', 1}, // double strike
    {kEsc, 'M', 1}, // font
    {kEsc, 'R', 1}, // international character set
    {kEsc, 't', 1}, // code table
    {kEsc, '{', 1}, // upside down
    {kGs, '!', 1},  // character size
    {kGs, 'B', 1},  // white on black
    {kGs, 'H', 1},  // where a barcode's text goes
    {kGs, 'L', 2},  // left margin
    {kGs, 'W', 2},  // print area width
    {kGs, 'f', 1},  // a barcode's text font
    {kGs, 'h', 1},  // barcode height
    {kGs, 'w', 1},  // barcode module width
    {kFs, '!', 1},  // hanzi print mode
    {kFs, '-', 1},  // hanzi underline
};

QString prefixName(char prefix)
{
    switch (prefix) {
    case kEsc:
        return u"ESC"_s;
    case kGs:
        return u"GS"_s;
    case kFs:
        return u"FS"_s;
    default:
        return u"DLE"_s;
    }
}

QString decodeGb18030(const QByteArray &bytes)
{
    QStringDecoder decoder("GB18030");
    if (!decoder.isValid())
        decoder = QStringDecoder("GBK");
    return decoder.decode(bytes);
}

} // namespace

QString hex(char byte)
{
    return u"0x%1"_s.arg(uint(uchar(byte)), 2, 16, QChar(u'0'));
}

EscPosCommand commandOf(EscPosCommand::Kind kind)
{
    EscPosCommand command;
    command.kind = kind;
    return command;
}

EscPosDecoded Decoder::run()
{
    while (m_pos < m_bytes.size()) {
        const qsizetype start = m_pos;
        const char byte = next();
        switch (byte) {
        case kLineFeed:
            endLine();
            break;
        case kCarriageReturn: // ignored while automatic line feed is off, the default
            break;
        case kEsc:
            escape(start);
            break;
        case kGs:
            groupSeparator(start);
            break;
        case kFs:
            fileSeparator(start);
            break;
        case kDle:
            dataLinkEscape(start);
            break;
        default:
            textByte(start, uchar(byte));
        }
    }
    if (m_lineStarted)
        report(m_bytes.size(), u"text with no line feed after it, never printed"_s);
    return std::move(m_out);
}

bool Decoder::available(qsizetype count, qsizetype start, const QString &what)
{
    if (m_pos + count <= m_bytes.size())
        return true;
    report(start, what + u" cut short"_s);
    m_pos = m_bytes.size();
    return false;
}

void Decoder::textByte(qsizetype start, uchar byte)
{
    if (byte < 0x20 || byte == 0x7F)
        return report(start, u"control character "_s + hex(char(byte)));
    startLine();
    if (m_chinese && byte >= 0x81 && byte <= 0xFE) {
        // A GB18030 character: two bytes, or four when the second is a digit; none of
        // them is read as a command.
        const bool fourBytes =
            m_pos < m_bytes.size() && m_bytes[m_pos] >= '0' && m_bytes[m_pos] <= '9';
        if (!available(fourBytes ? 3 : 1, start, u"a GB18030 character"_s))
            return;
        m_undecoded += m_bytes.mid(start, fourBytes ? 4 : 2);
        m_pos = start + (fourBytes ? 4 : 2);
        return;
    }
    m_undecoded += char(byte);
}

void Decoder::startLine()
{
    if (m_lineStarted)
        return;
    m_lineStarted = true;
    m_line.align = m_align;
    m_line.bold = m_bold;
}

void Decoder::flushText()
{
    if (m_undecoded.isEmpty())
        return;
    // Outside Chinese mode the printer draws a byte from its code page; Latin-1 is
    // enough to show which.
    m_line.text += m_chinese ? decodeGb18030(m_undecoded) : QString::fromLatin1(m_undecoded);
    m_undecoded.clear();
}

void Decoder::endLine()
{
    flushText();
    if (!m_lineStarted) {
        m_line.align = m_align;
        m_line.bold = m_bold;
    }
    m_out.lines.append(std::exchange(m_line, EscPosLine()));
    m_lineStarted = false;
}

void Decoder::discardLine()
{
    m_undecoded.clear();
    m_line = EscPosLine();
    m_lineStarted = false;
}

void Decoder::feed(int lines)
{
    if (lines == 0) {
        if (m_lineStarted)
            endLine();
        return;
    }
    for (int i = 0; i < lines; ++i)
        endLine();
}

void Decoder::add(EscPosCommand command)
{
    command.atLine = int(m_out.lines.size());
    m_out.commands.append(std::move(command));
}

void Decoder::cut(bool partial)
{
    if (m_lineStarted)
        endLine();
    EscPosCommand command = commandOf(EscPosCommand::Kind::Cut);
    command.partialCut = partial;
    add(command);
}

void Decoder::report(qsizetype at, const QString &what)
{
    m_out.unknown.append(u"%1: %2"_s.arg(at).arg(what));
}

bool Decoder::skipSetting(char prefix, char code, qsizetype start)
{
    for (const Setting &setting : kSettings) {
        if (setting.prefix == prefix && setting.code == code) {
            if (available(setting.parameters, start, prefixName(prefix) + u' ' + QLatin1Char(code)))
                m_pos += setting.parameters;
            return true;
        }
    }
    return false;
}

void Decoder::escape(qsizetype start)
{
    if (!available(1, start, u"ESC"_s))
        return;
    const char code = next();
    const QString name = u"ESC "_s + QLatin1Char(code);
    switch (code) {
    case '@':
        discardLine(); // the print buffer goes with everything else
        m_align = EscPosLine::Align::Left;
        m_bold = false;
        m_chinese = false;
        m_qrStored = false;
        return add(commandOf(EscPosCommand::Kind::Initialize));
    case 'a':
        if (!available(1, start, name))
            return;
        switch (next()) {
        case 0:
        case '0':
            m_align = EscPosLine::Align::Left;
            return;
        case 1:
        case '1':
            m_align = EscPosLine::Align::Centre;
            return;
        case 2:
        case '2':
            m_align = EscPosLine::Align::Right;
            return;
        default:
            return report(start, u"ESC a with "_s + hex(m_bytes[m_pos - 1]));
        }
    case 'E':
        if (available(1, start, name))
            m_bold = next() & 1;
        return;
    case '!':
        if (available(1, start, name))
            m_bold = next() & 0x08;
        return;
    case 'd':
        if (available(1, start, name))
            feed(uchar(next()));
        return;
    case 'J': // print and feed some dots
        if (!available(1, start, name))
            return;
        ++m_pos;
        if (m_lineStarted)
            endLine();
        return;
    case 'i':
    case 'm':
        return cut(true);
    case 'p': {
        if (!available(3, start, name))
            return;
        const char pin = next();
        EscPosCommand pulse = commandOf(EscPosCommand::Kind::DrawerPulse);
        pulse.onMs = uchar(next()) * 2;
        pulse.offMs = uchar(next()) * 2;
        if (pin != 0 && pin != 1 && pin != '0' && pin != '1')
            return report(start, u"ESC p with "_s + hex(pin));
        pulse.pin = pin & 1 ? 5 : 2;
        return add(pulse);
    }
    default:
        if (!skipSetting(kEsc, code, start))
            report(start, u"ESC "_s + hex(code));
    }
}

void Decoder::groupSeparator(qsizetype start)
{
    if (!available(1, start, u"GS"_s))
        return;
    const char code = next();
    switch (code) {
    case 'V': {
        if (!available(1, start, u"GS V"_s))
            return;
        const char mode = next();
        if (mode == 0 || mode == 1 || mode == '0' || mode == '1')
            return cut(mode & 1);
        if ((mode == 65 || mode == 66) && available(1, start, u"GS V"_s)) {
            next(); // the feed before the cut
            return cut(mode == 66);
        }
        return report(start, u"GS V with "_s + hex(mode));
    }
    case 'k':
        return barcode(start);
    case '(':
        if (available(1, start, u"GS ("_s) && next() == 'k')
            return twoDimensional(start);
        return report(start, u"GS ( "_s + hex(m_bytes[m_pos - 1]));
    default:
        if (!skipSetting(kGs, code, start))
            report(start, u"GS "_s + hex(code));
    }
}

void Decoder::fileSeparator(qsizetype start)
{
    if (!available(1, start, u"FS"_s))
        return;
    const char code = next();
    if (code == '&' || code == '.') {
        flushText(); // what came before was read in the old mode
        m_chinese = code == '&';
    } else if (!skipSetting(kFs, code, start)) {
        report(start, u"FS "_s + hex(code));
    }
}

void Decoder::dataLinkEscape(qsizetype start)
{
    if (!available(1, start, u"DLE"_s))
        return;
    const char code = next();
    if (code != kEot)
        return report(start, u"DLE "_s + hex(code));
    if (!available(1, start, u"DLE EOT"_s))
        return;
    const char kind = next();
    if (kind < 1 || kind > 4)
        return report(start, u"DLE EOT with "_s + hex(kind));
    EscPosCommand request = commandOf(EscPosCommand::Kind::StatusRequest);
    request.statusKind = kind;
    add(request);
}

} // namespace decoding

QStringList EscPosDecoded::texts() const
{
    QStringList texts;
    for (const EscPosLine &line : lines)
        texts.append(line.text);
    return texts;
}

QList<EscPosCommand> EscPosDecoded::commandsOf(EscPosCommand::Kind kind) const
{
    QList<EscPosCommand> found;
    for (const EscPosCommand &command : commands) {
        if (command.kind == kind)
            found.append(command);
    }
    return found;
}

EscPosDecoded decodeEscPos(const QByteArray &bytes)
{
    return decoding::Decoder(bytes).run();
}

} // namespace shouyin::testing
