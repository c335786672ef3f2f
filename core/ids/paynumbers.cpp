#include "paynumbers.h"

#include "crypto/securerandom.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace shouyin {

bool PayNumbers::isValidTerminalId(const QString &terminalId)
{
    static const QRegularExpression kPattern(u"^[A-Za-z0-9]{1,8}$"_s);
    return kPattern.match(terminalId).hasMatch();
}

QString PayNumbers::orderNumber(const QString &terminalId, const QDate &day, qint64 sequence)
{
    return u"%1-%2-%3"_s.arg(terminalId, day.toString(u"yyyyMMdd"_s),
                             QString::number(sequence).rightJustified(4, u'0'));
}

QString PayNumbers::paymentNumber(const QString &terminalId, const QDateTime &now)
{
    return terminalId + now.toUTC().toString(u"yyyyMMddHHmmss"_s) +
           QString::fromLatin1(crypto::randomBase32(8));
}

QString PayNumbers::refundNumber(const QString &terminalId, const QDateTime &now)
{
    return paymentNumber(terminalId + u'R', now);
}

bool PayNumbers::isProviderLegal(const QString &number)
{
    static const QRegularExpression kPattern(u"^[A-Za-z0-9_\\-|*]{1,32}$"_s);
    return kPattern.match(number).hasMatch();
}

} // namespace shouyin
