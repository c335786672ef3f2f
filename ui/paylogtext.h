#pragma once

#include <QCoreApplication>
#include <QString>

namespace shouyin {

// The pay log's columns in words: who or what made a change, and an event's detail, which
// the core stores as a small JSON object for machines ("amount_fen", "pay_no", …) and a
// manager reads as "Amount: ¥12.50; Pay no: T01-…".
class PayLogText
{
    Q_DECLARE_TR_FUNCTIONS(PayLogText)
public:
    // "cashier", "poll", "notify"… as stored (sourceName()); the word itself for one this
    // program does not know.
    static QString source(const QString &source);
    // The detail of an event of `kind`, one "label: value" per field, the fields this
    // program writes first in a fixed order, then any other ones under their own names.
    // A detail that is not a JSON object is shown as it is.
    static QString detail(const QString &kind, const QString &detail);
    // What a provider's own word for a trade (its trade_state, trade_status) means, with
    // the word after it for support; the word alone for one this program does not know.
    static QString providerState(const QString &raw);
};

} // namespace shouyin
