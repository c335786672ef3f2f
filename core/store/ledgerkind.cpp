#include "ledgerkind.h"

#include "store/database.h"
#include "store/sqlwriter.h"

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QString word(LedgerKind kind)
{
    return kind == LedgerKind::Shop ? u"shop"_s : u"training"_s;
}

} // namespace

Status LedgerClaim::refusal(const Database &database, const QString &is, LedgerKind kind)
{
    if (is == word(kind))
        return success();
    if (kind == LedgerKind::Training)
        return Error{ErrorCode::Store,
                     tr("This is a shop's sales database (%1): training never opens it. Start "
                        "training without --db, or with a file of its own.")
                         .arg(database.settings().describe())};
    return Error{ErrorCode::Store,
                 tr("This database holds training sales (%1), not a shop's: a real till never "
                    "opens it. Choose the shop's database.")
                     .arg(database.settings().describe())};
}

Status LedgerClaim::claim(Database &database, LedgerKind kind)
{
    return database.transaction([&]() -> Status {
        SqlWriter sql(database);
        auto marked = sql.row(u"SELECT kind FROM ledger_kind WHERE id = 1"_s);
        if (!marked)
            return marked.error();
        if (!marked->isEmpty())
            return refusal(database, marked->at(0).toString(), kind);
        auto orders = sql.row(u"SELECT COUNT(*) FROM orders"_s);
        if (!orders)
            return orders.error();
        if (orders->at(0).toLongLong() > 0 && kind == LedgerKind::Training)
            return Error{ErrorCode::Store,
                         tr("This database (%1) already holds a shop's sales: training never "
                            "opens it. Start training without --db, or with a file of its own.")
                             .arg(database.settings().describe())};
        // Several tills starting together on one server: one mark wins, and every till
        // then reads the mark that won.
        auto written = sql.exec(
            u"INSERT INTO ledger_kind (id, kind) VALUES (1, ?) ON CONFLICT (id) DO NOTHING"_s,
            {word(kind)});
        if (!written)
            return written.error();
        auto won = sql.row(u"SELECT kind FROM ledger_kind WHERE id = 1"_s);
        if (!won)
            return won.error();
        return refusal(database, won->value(0).toString(), kind);
    });
}

} // namespace shouyin
