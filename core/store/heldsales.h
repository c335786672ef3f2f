#pragma once

#include "checkout/checkout.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace shouyin {

class Database;

// One line of a parked cart: enough to rebuild it from the catalogue (the product and
// how many, and a typed open price), and what the list of held sales shows.
struct HeldLine
{
    CartLine line;
    QString name;
    Fen unitPrice = 0;
};

struct HeldSale
{
    qint64 id = 0;
    QString terminalId;
    QString operatorName;
    QDateTime heldAt;
    QString note;
    QList<HeldLine> lines;
    Fen total = 0;
    int itemCount() const;
};

// Sales parked at the counter (挂单) while a customer fetches something, and resumed later
// (取单) at any till of the shop. A held sale is only a remembered cart: it reserves no
// stock and places no order, and is priced again when it is charged. Resuming is a
// conditional update, so two tills reaching for the same held sale cannot both get it;
// a held sale survives a restart because it is a row like any other.
class HeldSales
{
    Q_DECLARE_TR_FUNCTIONS(shouyin::HeldSales)
public:
    HeldSales(Database &database, QString terminalId, ShopClock clock = ShopClock());

    Result<HeldSale> hold(const QList<HeldLine> &lines, const QString &operatorName,
                          const QString &note = {});
    // Every held sale not yet resumed, of every till, the oldest first.
    Result<QList<HeldSale>> waiting() const;
    // Takes the held sale off the list for this till; refused when another till (or this
    // one) took it already.
    Result<HeldSale> resume(qint64 id, const QString &operatorName);

private:
    Database &m_database;
    QString m_terminalId;
    ShopClock m_clock;
};

} // namespace shouyin
