#pragma once

#include "util/result.h"

#include <QString>
#include <QStringView>

namespace shouyin {

// Where a receipt printer is, as the [printer] section of the INI file spells it:
//   tcp://HOST[:PORT]         a network printer (raw port 9100 unless said otherwise)
//   file:/dev/usb/lp0         a USB printer's character device, or any file path
//   serial:/dev/ttyUSB0[@BAUD] a serial printer, 8N1, 9600 baud unless said otherwise
struct EscPosTarget
{
    enum class Kind { Network, Device, Serial };

    Kind kind = Kind::Network;
    QString host;           // Network: a host name, an IPv4 or an IPv6 address (no brackets)
    quint16 port = 9100;    // Network
    QString path;           // Device, Serial: an absolute path
    qint32 baudRate = 9600; // Serial

    bool operator==(const EscPosTarget &) const = default;
};

// Reads the INI spelling; every other spelling is an ErrorCode::Config error saying what
// was expected.
Result<EscPosTarget> parseEscPosTarget(QStringView text);

// The printer for messages to people and logs: "192.168.1.87:9100", "[fe80::1]:9100",
// "/dev/usb/lp0".
QString describe(const EscPosTarget &target);

// The INI spelling parseEscPosTarget() reads back to the same target.
QString spelling(const EscPosTarget &target);

} // namespace shouyin
