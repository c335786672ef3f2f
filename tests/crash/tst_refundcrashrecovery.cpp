#include "auth/userstore.h"
#include "checkout/checkout.h"
#include "pay/wechat/wechatv2provider.h"
#include "refund/refundbook.h"
#include "sandboxmerchants.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/ledgerkind.h"
#include "tillprocess.h"

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

// A refund and a till killed while it is under way: after the request was sent and
// before its answer, and while the provider was still processing it. Whatever the step,
// after a restart the refund is REFUNDED and the customer got the money exactly once: the
// request is sent again with the same refund number, which the provider takes for the
// same refund. The refund goes over TLS with the merchant's client certificate.
class TestRefundCrashRecovery : public TillProcess
{
    Q_OBJECT

    QString m_config;
    Refund m_refund;

    template<typename T> static T must(Result<T> result)
    {
        if (!result)
            qFatal("%s: %s", qPrintable(result.error().name()), qPrintable(result.error().message));
        return std::move(result).value();
    }

    // Water and noodles sold and paid with WeChat in the sandbox, then all of it returned
    // with a manager's approval: what the till's window would have written, here written
    // by the test into the till's database before the till runs.
    void sellAndReturn()
    {
        auto database = must(Database::openSqlite(dbPath()));
        QVERIFY(LedgerClaim::claim(*database, LedgerKind::Shop));
        Catalog catalog(*database);
        QFile csv(QStringLiteral(SHOUYIN_SOURCE_DIR "/resources/catalog/sample_products.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(catalog.importCsv(csv));
        Checkout checkout(*database, u"T09"_s);
        WechatV2Provider wechat(sandboxWechatSecureConfig(*m_sandbox));
        const Order order = must(checkout.placeOrder(
            {{catalog.byBarcode(kWater)->id, 1}, {catalog.byBarcode(kNoodles)->id, 1}},
            u"cashier"_s));
        const Payment payment =
            must(checkout.openPayment(order.id, wechat, std::chrono::minutes(10), u"cashier"_s));
        std::optional<Result<QrTicket>> ticket;
        wechat.createQr(
            {payment.payNo, payment.amount, u"test"_s, payment.createdAt, payment.expiresAt}, this,
            [&](Result<QrTicket> t) { ticket = t; });
        QTRY_VERIFY(ticket.has_value());
        QVERIFY(*ticket);
        QVERIFY(checkout.recordQrIssued(payment.payNo, (*ticket)->codeUrl));
        QVERIFY(m_sandbox->pay(payment.payNo));
        std::optional<Result<TradeSnapshot>> paid;
        wechat.query(payment.payNo, this, [&](Result<TradeSnapshot> s) { paid = s; });
        QTRY_VERIFY(paid.has_value());
        QVERIFY(*paid);
        QCOMPARE(must(checkout.apply(payment.payNo, **paid, Source::Poll)), ApplyResult::Applied);

        UserStore users(*database, UserStore::Options{1000, ShopClock()});
        const Staff manager = must(users.createFirstManager(u"店长"_s, u"1234"_s));
        RefundBook book(*database, checkout.jobs(), u"T09"_s);
        const ReturnRecord back =
            must(book.requestReturn({order.id, {}, u"faulty"_s}, manager, manager));
        QCOMPARE(back.refunds.size(), 1);
        m_refund = back.refunds.first();
        QCOMPARE(m_refund.amount, payment.amount);
    }

    QString refundStatus()
    {
        return value(u"SELECT status FROM refunds WHERE refund_no = '%1'"_s.arg(m_refund.refundNo))
            .toString();
    }

    void checkRefundedOnce()
    {
        QCOMPARE(m_sandbox->refundedAmount(m_refund.payNo), m_refund.amount);
        QCOMPARE(m_sandbox->refunds().size(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM refunds"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind = 'refund_succeeded'"_s).toInt(),
                 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind LIKE 'alert%'"_s).toInt(), 0);
        QCOMPARE(value(u"SELECT COUNT(*) FROM jobs WHERE subject = '%1'"_s.arg(m_refund.refundNo))
                     .toInt(),
                 0);
        // Returned goods are back on the shelf once, whatever the restarts.
        QCOMPARE(value(u"SELECT stock FROM products WHERE barcode = '%1'"_s.arg(kWater)).toInt(),
                 240);
    }

private Q_SLOTS:
    void init()
    {
        startSandbox();
        m_config = writeSecureConfig();
        sellAndReturn();
    }
    void cleanup() { stopTill(); }

    void killedAfterTheRefundWasSent()
    {
        // The provider takes the refund, but its answer never comes back.
        m_sandbox->injectFault(u"/secapi/pay/refund"_s, SandboxFault::NoReply);
        startTill(m_config, {});
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->refundRequestCount(m_refund.refundNo), 1, 30000);
        killTill();
        QCOMPARE(refundStatus(), u"REQUESTED"_s);
        QCOMPARE(m_sandbox->refunds().size(), 1);

        startTill(m_config, {});
        QTRY_COMPARE_WITH_TIMEOUT(refundStatus(), u"REFUNDED"_s, 60000);
        checkRefundedOnce();
        QCOMPARE(m_sandbox->refundRequestCount(m_refund.refundNo), 2); // the same number again
    }

    void killedWhileTheProviderProcessedIt()
    {
        m_sandbox->setRefundBehaviour(RefundBehaviour::StaysProcessing);
        startTill(m_config, {});
        QTRY_COMPARE_WITH_TIMEOUT(refundStatus(), u"PROCESSING"_s, 30000);
        killTill();
        QVERIFY(m_sandbox->completeRefund(m_refund.refundNo));

        startTill(m_config, {});
        QTRY_COMPARE_WITH_TIMEOUT(refundStatus(), u"REFUNDED"_s, 60000);
        checkRefundedOnce();
        QCOMPARE(m_sandbox->refundRequestCount(m_refund.refundNo), 1); // asked, never re-sent
    }
};

QTEST_GUILESS_MAIN(TestRefundCrashRecovery)
#include "tst_refundcrashrecovery.moc"
