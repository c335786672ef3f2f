// Sales parked at the counter (挂单) and resumed (取单): what is kept, the list every till
// sees, one resume only, nothing reserved while held, and a held sale that outlives the
// till that held it (a new connection reads it back).
#include "store/heldsales.h"
#include "testdatabase.h"
#include "testledger.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestHeldSales : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;

    HeldLine water(int quantity) const
    {
        return {{m_ledger->productId(u"6901"_s), quantity}, u"Water 550ml"_s, 200};
    }
    HeldLine chocolate(int quantity) const
    {
        return {{m_ledger->productId(u"6903"_s), quantity}, u"Chocolate"_s, 850};
    }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_ledger->now = QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC);
    }
    void cleanup() { m_ledger.reset(); }

    void aHeldSaleKeepsItsLinesAndIsListedForEveryTill()
    {
        HeldSales t01(*m_ledger->database, u"T01"_s, m_ledger->clock());
        HeldSales t02(*m_ledger->database, u"T02"_s, m_ledger->clock());
        const HeldSale held =
            must(t01.hold({water(2), chocolate(1)}, u"alice"_s, u" fetching rice "_s));
        QCOMPARE(held.total, 1250);
        QCOMPARE(held.itemCount(), 3);
        QCOMPARE(held.note, u"fetching rice"_s);
        m_ledger->now = m_ledger->now.addSecs(60);
        QVERIFY(t02.hold({chocolate(2)}, u"bob"_s));

        auto waiting = t02.waiting();
        QVERIFY(waiting);
        QCOMPARE(waiting->size(), 2);
        const HeldSale &first = waiting->first(); // the oldest first
        QCOMPARE(first.id, held.id);
        QCOMPARE(first.terminalId, u"T01"_s);
        QCOMPARE(first.operatorName, u"alice"_s);
        QCOMPARE(first.heldAt, QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
        QCOMPARE(first.lines.size(), 2);
        QCOMPARE(first.lines.at(0).line.productId, m_ledger->productId(u"6901"_s));
        QCOMPARE(first.lines.at(0).line.quantity, 2);
        QCOMPARE(first.lines.at(1).name, u"Chocolate"_s);
        QCOMPARE(first.lines.at(1).unitPrice, 850);
        // Held, nothing is reserved.
        QCOMPARE(m_ledger->product(u"6903"_s).reserved, 0);
    }

    void aHeldSaleIsResumedOnce()
    {
        HeldSales t01(*m_ledger->database, u"T01"_s, m_ledger->clock());
        HeldSales t02(*m_ledger->database, u"T02"_s, m_ledger->clock());
        const HeldSale held = must(t01.hold({water(1)}, u"alice"_s));
        auto resumed = t02.resume(held.id, u"bob"_s);
        QVERIFY(resumed);
        QCOMPARE(resumed->lines.size(), 1);
        auto again = t01.resume(held.id, u"alice"_s);
        QCOMPARE(again.error().code, ErrorCode::HeldSaleTaken);
        QVERIFY2(again.error().message.contains(u"bob already resumed this sale at till T02"_s),
                 qPrintable(again.error().message));
        QCOMPARE(t01.resume(99999, u"alice"_s).error().code, ErrorCode::UnknownOrder);
        QVERIFY(t01.waiting()->isEmpty());
        // The resumed cart sells as any other.
        QList<CartLine> lines;
        for (const HeldLine &line : resumed->lines)
            lines.append(line.line);
        QVERIFY(m_ledger->checkout->takeCash(lines, 200, u"bob"_s));
    }

    void aTypedPriceIsKept()
    {
        HeldSales t01(*m_ledger->database, u"T01"_s, m_ledger->clock());
        HeldLine typed = water(1);
        typed.line.typedPrice = 180;
        const HeldSale held = must(t01.hold({typed}, u"alice"_s));
        QCOMPARE(t01.waiting()->first().lines.first().line.typedPrice, std::optional<Fen>(180));
        QCOMPARE(t01.waiting()->first().id, held.id);
    }

    void nothingToHoldIsRefused()
    {
        HeldSales t01(*m_ledger->database, u"T01"_s, m_ledger->clock());
        QCOMPARE(t01.hold({}, u"alice"_s).error().code, ErrorCode::EmptyCart);
        QCOMPARE(t01.hold({water(0)}, u"alice"_s).error().code, ErrorCode::BadQuantity);
        QVERIFY(t01.waiting()->isEmpty());
    }

    void aHeldSaleOutlivesItsTill()
    {
        qint64 id = 0;
        {
            HeldSales t01(*m_ledger->database, u"T01"_s, m_ledger->clock());
            id = must(t01.hold({water(3)}, u"alice"_s)).id;
        }
        // Another connection, as a restarted till opens.
        auto reopened = Database::open(m_ledger->database->settings());
        QVERIFY(reopened);
        HeldSales after(**reopened, u"T01"_s, m_ledger->clock());
        QCOMPARE(after.waiting()->size(), 1);
        QCOMPARE(after.resume(id, u"alice"_s)->lines.first().line.quantity, 3);
    }

private:
    template<typename T> static T must(Result<T> result)
    {
        if (!result)
            qFatal("%s", qPrintable(result.error().message));
        return std::move(result).value();
    }
};

QTEST_GUILESS_MAIN(TestHeldSales)
#include "tst_heldsales.moc"
