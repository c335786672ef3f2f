#include "print/escpostarget.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr std::array kStandardBaudRates = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};
constexpr qsizetype kMaxHostNameLength = 253; // DNS
constexpr qsizetype kMaxLabelLength = 63;

Error configError(const QString &message)
{
    return Error{ErrorCode::Config, message};
}

QString standardBaudRates()
{
    QStringList rates;
    for (const int rate : kStandardBaudRates)
        rates += QString::number(rate);
    return rates.join(u", "_s);
}

bool isHostNameLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > kMaxLabelLength || label.front() == u'-' ||
        label.back() == u'-')
        return false;
    return std::all_of(label.begin(), label.end(), [](QChar ch) {
        return (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z') ||
               (ch >= u'0' && ch <= u'9') || ch == u'-' || ch == u'_';
    });
}

bool isHostName(QStringView host)
{
    if (host.size() > kMaxHostNameLength)
        return false;
    const auto labels = host.split(u'.');
    return std::all_of(labels.begin(), labels.end(), isHostNameLabel);
}

bool looksLikeIpv4(QStringView host)
{
    return std::all_of(host.begin(), host.end(),
                       [](QChar ch) { return ch == u'.' || (ch >= u'0' && ch <= u'9'); });
}

bool isAddressOf(QStringView host, QAbstractSocket::NetworkLayerProtocol protocol)
{
    QHostAddress address;
    return address.setAddress(host.toString()) && address.protocol() == protocol;
}

Result<quint16> parsePort(QStringView text, QStringView whole)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return configError(
            QCoreApplication::translate(
                "EscPosTarget",
                "The receipt printer %1 has a bad port \"%2\": expected a number from 1 to 65535, "
                "as in tcp://192.168.1.87:9100.")
                .arg(whole, text));
    return quint16(port);
}

// HOST[:PORT] after tcp://
Result<EscPosTarget> parseNetwork(QStringView rest, QStringView whole)
{
    if (rest.isEmpty())
        return configError(QCoreApplication::translate(
                               "EscPosTarget",
                               "The receipt printer %1 has no address: expected tcp://HOST[:PORT], "
                               "as in tcp://192.168.1.87:9100.")
                               .arg(whole));
    if (rest.contains(u'/'))
        return configError(QCoreApplication::translate(
                               "EscPosTarget",
                               "The receipt printer %1 has a path after its address: expected "
                               "tcp://HOST[:PORT] and nothing more.")
                               .arg(whole));
    EscPosTarget target;
    target.kind = EscPosTarget::Kind::Network;
    QStringView host = rest;
    QStringView afterHost;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 lacks the \"]\" closing its IPv6 "
                                   "address: expected tcp://[ADDRESS]:PORT.")
                                   .arg(whole));
        host = rest.sliced(1, close - 1);
        afterHost = rest.sliced(close + 1);
        if (!isAddressOf(host, QAbstractSocket::IPv6Protocol))
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 has \"%2\" in brackets, which is not an "
                                   "IPv6 address.")
                                   .arg(whole, host));
    } else {
        if (rest.count(u':') > 1)
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 has an IPv6 address without brackets: "
                                   "expected tcp://[ADDRESS]:PORT, as in tcp://[fe80::1]:9100.")
                                   .arg(whole));
        const qsizetype colon = rest.indexOf(u':');
        if (colon >= 0) {
            host = rest.first(colon);
            afterHost = rest.sliced(colon);
        }
        if (host.isEmpty())
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 has no host before its port: expected "
                                   "tcp://HOST[:PORT].")
                                   .arg(whole));
        if (looksLikeIpv4(host) ? !isAddressOf(host, QAbstractSocket::IPv4Protocol)
                                : !isHostName(host))
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 has \"%2\", which is neither a host "
                                   "name nor an IPv4 address.")
                                   .arg(whole, host));
    }
    target.host = host.toString();
    if (!afterHost.isEmpty()) {
        if (!afterHost.startsWith(u':'))
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 has \"%2\" after its address: expected "
                                   "a port, as in tcp://[fe80::1]:9100.")
                                   .arg(whole, afterHost));
        const Result<quint16> port = parsePort(afterHost.sliced(1), whole);
        if (!port)
            return port.error();
        target.port = *port;
    }
    return target;
}

Result<QString> parsePath(QStringView path, QStringView whole, QStringView example)
{
    if (path.isEmpty())
        return configError(
            QCoreApplication::translate(
                "EscPosTarget", "The receipt printer %1 has no path: expected one, as in %2.")
                .arg(whole, example));
    if (!path.startsWith(u'/'))
        return configError(QCoreApplication::translate(
                               "EscPosTarget",
                               "The receipt printer %1 has a relative path: expected an absolute "
                               "one, as in %2.")
                               .arg(whole, example));
    if (path.contains(QChar(0)))
        return configError(
            QCoreApplication::translate("EscPosTarget",
                                        "The receipt printer %1 has a path with a NUL character.")
                .arg(whole));
    return path.toString();
}

// PATH after file:, or ///PATH (a file URL)
Result<EscPosTarget> parseDevice(QStringView rest, QStringView whole)
{
    if (rest.startsWith(u"//"_s)) {
        if (!rest.startsWith(u"///"_s))
            return configError(QCoreApplication::translate(
                                   "EscPosTarget",
                                   "The receipt printer %1 names a host: expected a local path, as "
                                   "in file:/dev/usb/lp0.")
                                   .arg(whole));
        rest = rest.sliced(2);
    }
    const Result<QString> path = parsePath(rest, whole, u"file:/dev/usb/lp0");
    if (!path)
        return path.error();
    EscPosTarget target;
    target.kind = EscPosTarget::Kind::Device;
    target.path = *path;
    return target;
}

// PATH[@BAUD] after serial:
Result<EscPosTarget> parseSerial(QStringView rest, QStringView whole)
{
    EscPosTarget target;
    target.kind = EscPosTarget::Kind::Serial;
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at >= 0) {
        const QStringView baudText = rest.sliced(at + 1);
        bool ok = false;
        const int baud = baudText.toInt(&ok);
        if (!ok || std::find(kStandardBaudRates.begin(), kStandardBaudRates.end(), baud) ==
                       kStandardBaudRates.end())
            return configError(
                QCoreApplication::translate(
                    "EscPosTarget",
                    "The receipt printer %1 has a bad baud rate \"%2\": expected one "
                    "of %3, as in serial:/dev/ttyUSB0@19200.")
                    .arg(whole, baudText, standardBaudRates()));
        target.baudRate = baud;
        rest = rest.first(at);
    }
    const Result<QString> path = parsePath(rest, whole, u"serial:/dev/ttyUSB0@9600");
    if (!path)
        return path.error();
    target.path = *path;
    return target;
}

} // namespace

Result<EscPosTarget> parseEscPosTarget(QStringView text)
{
    const QStringView whole = text.trimmed();
    if (whole.isEmpty())
        return configError(QCoreApplication::translate(
            "EscPosTarget", "No receipt printer is given: expected tcp://HOST[:PORT], "
                            "file:/dev/usb/lp0 or serial:/dev/ttyUSB0[@BAUD]."));
    const qsizetype colon = whole.indexOf(u':');
    const QStringView scheme = colon < 0 ? QStringView() : whole.first(colon);
    const QStringView rest = colon < 0 ? QStringView() : whole.sliced(colon + 1);
    if (scheme.compare(u"tcp", Qt::CaseInsensitive) == 0) {
        if (!rest.startsWith(u"//"_s))
            return configError(
                QCoreApplication::translate(
                    "EscPosTarget",
                    "The receipt printer %1 lacks the \"//\": expected tcp://HOST[:PORT].")
                    .arg(whole));
        return parseNetwork(rest.sliced(2), whole);
    }
    if (scheme.compare(u"file", Qt::CaseInsensitive) == 0)
        return parseDevice(rest, whole);
    if (scheme.compare(u"serial", Qt::CaseInsensitive) == 0)
        return parseSerial(rest, whole);
    return configError(QCoreApplication::translate(
                           "EscPosTarget",
                           "The receipt printer %1 is of an unknown kind: expected "
                           "tcp://HOST[:PORT], file:/dev/usb/lp0 or serial:/dev/ttyUSB0[@BAUD].")
                           .arg(whole));
}

QString describe(const EscPosTarget &target)
{
    switch (target.kind) {
    case EscPosTarget::Kind::Network:
        if (target.host.contains(u':'))
            return u"[%1]:%2"_s.arg(target.host).arg(target.port);
        return u"%1:%2"_s.arg(target.host).arg(target.port);
    case EscPosTarget::Kind::Device:
    case EscPosTarget::Kind::Serial:
        return target.path;
    }
    return target.path;
}

QString spelling(const EscPosTarget &target)
{
    switch (target.kind) {
    case EscPosTarget::Kind::Network:
        return u"tcp://"_s + describe(target);
    case EscPosTarget::Kind::Device:
        return u"file:"_s + target.path;
    case EscPosTarget::Kind::Serial:
        return u"serial:%1@%2"_s.arg(target.path).arg(target.baudRate);
    }
    return {};
}

} // namespace shouyin
