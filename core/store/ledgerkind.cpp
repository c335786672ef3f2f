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

Status LedgerClaim::claim(Database &database, LedgerKind kind)
{
    return database.transaction([&]() -> Status {
        SqlWriter sql(database);
        auto marked = sql.row(u"SELECT kind FROM ledger_kind WHERE id = 1"_s);
        if (!marked)
            return marked.error();
        if (!marked->isEmpty()) {
            const QString is = marked->at(0).toString();
            if (is == word(kind))
                return success();
            if (kind == LedgerKind::Training)
                return Error{ErrorCode::Store,
                             tr("This is a shop's sales database (%1): training never opens "
                                "it. Start training without --db, or with a file of its own.")
                                 .arg(database.settings().describe())};
            return Error{ErrorCode::Store,
                         tr("This database holds training sales (%1), not a shop's: a real "
                            "till never opens it. Choose the shop's database.")
                             .arg(database.settings().describe())};
        }
        auto orders = sql.row(u"SELECT COUNT(*) FROM orders"_s);
        if (!orders)
            return orders.error();
        const bool hasSales = orders->at(0).toLongLong() > 0;
        if (hasSales && kind == LedgerKind::Training)
            return Error{ErrorCode::Store,
                         tr("This database (%1) already holds a shop's sales: training never "
                            "opens it. Start training without --db, or with a file of its own.")
                             .arg(database.settings().describe())};
        auto written =
            sql.exec(u"INSERT INTO ledger_kind (id, kind) VALUES (1, ?)"_s, {word(kind)});
        if (!written)
            return written.error();
        return success();
    });
}

} // namespace shouyin
