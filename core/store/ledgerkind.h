#pragma once

#include "util/result.h"

#include <QCoreApplication>

namespace shouyin {

class Database;

// Whose sales a database holds. Training must never touch a shop's ledger: a training
// sale stored there is a real PAID sale in the shop's reports, and a real open payment
// queried against the sandbox is "not found", closed and cancelled.
enum class LedgerKind { Shop, Training };

class LedgerClaim
{
    Q_DECLARE_TR_FUNCTIONS(LedgerClaim)
public:
    // Marks an unmarked database as `kind`'s, or refuses one that is the other's. An
    // unmarked database that already holds orders was a shop's (it predates the mark).
    static Status claim(Database &database, LedgerKind kind);

private:
    // Success when a ledger marked `is` may be opened as `kind`.
    static Status refusal(const Database &database, const QString &is, LedgerKind kind);
};

} // namespace shouyin
