#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace shouyin::testing {

// What a receipt printer makes of ESC/POS bytes, modelled independently of the code that
// writes them (the bytes are spelt here from the printers' manuals, not shared): the
// lines of text it prints and the other things it does, in order.

struct EscPosLine
{
    enum class Align { Left, Centre, Right };
    QString text;
    Align align = Align::Left; // in effect when the line began
    bool bold = false;         // in effect at the line's first character
};

struct EscPosCommand
{
    enum class Kind { Initialize, Cut, DrawerPulse, QrCode, Barcode, StatusRequest };
    Kind kind = Kind::Initialize;
    int atLine = 0; // lines printed before it

    bool partialCut = false; // Cut
    int pin = 0;             // DrawerPulse: the kick-out connector's pin, 2 or 5
    int onMs = 0;            // DrawerPulse
    int offMs = 0;           // DrawerPulse
    int barcodeType = 0;     // Barcode: the m of GS k (73 is CODE128)
    int statusKind = 0;      // StatusRequest: the n of DLE EOT n
    QString data; // QrCode: the stored data as UTF-8; Barcode: its text (CODE128 code sets
                  // undone)
};

struct EscPosDecoded
{
    QList<EscPosLine> lines;
    QList<EscPosCommand> commands;
    // Everything this model does not know, or that is malformed or cut short, with its
    // offset: "12: ESC 0x7a". Known commands that change nothing it shows are not listed.
    QStringList unknown;

    QStringList texts() const;
    QList<EscPosCommand> commandsOf(EscPosCommand::Kind kind) const;
};

EscPosDecoded decodeEscPos(const QByteArray &bytes);

} // namespace shouyin::testing
