#pragma once

#include "receipt/receipt.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace shouyin {

// The drawer behind the printer: one pulse on pin 2 of its kick-out connector.
QByteArray drawerPulse();

// A page that shows a printer works with this till: `title` (one line per '\n', centred
// and bold; the caller words it, core holds no UI text), a ruler of the paper's width in
// columns, the same width in hanzi (which shows the printer's Chinese font and that a
// hanzi takes two columns), a feed and a cut. Empty when the text cannot be encoded.
QByteArray escPosTestPage(const QString &title, PaperWidth width);

// What DLE EOT n asks.
enum class EscPosStatusKind : char {
    Printer = 1,      // online or offline, the drawer's pin 3
    OfflineCause = 2, // cover open, paper end, error
    ErrorCause = 3,   // cutter, unrecoverable, auto-recoverable
    PaperSensor = 4,  // roll paper near its end, or gone
};

// The real-time status request, answered with one byte.
QByteArray statusRequest(EscPosStatusKind kind);

// What a printer told of itself through its answers; what it was not asked keeps the
// defaults (online, ready).
struct EscPosPrinterStatus
{
    bool online = true;
    bool coverOpen = false;
    bool paperOut = false;
    bool paperNearEnd = false;
    // The level of the drawer connector's pin 3: high means open on most drawers, but
    // that depends on the drawer's switch, so it is only a hint. Unset: not asked.
    std::optional<bool> drawerOpen;
    bool fault = false; // an error: cutter, jam, head temperature, unrecoverable

    bool operator==(const EscPosPrinterStatus &) const = default;
};

// Folds `answer`, the byte a printer sent for DLE EOT `kind`, into `status`. False, and
// `status` untouched, when the byte cannot be such an answer (its fixed bits are wrong).
bool readStatusAnswer(EscPosStatusKind kind, char answer, EscPosPrinterStatus &status);

} // namespace shouyin
