#include "tillprocess.h"

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {
const QString kWechatCode = u"134567890123456789"_s;
// The till's confirmation window for a WeChat code is 30 s: a till started this far
// ahead (libfaketime, preloaded) finds its attempt past the window and reverses it.
const QString kPastTheWindow = u"+40s"_s;
} // namespace

// Payment codes (付款码) and a till killed at every step: after micropay was sent, while
// the customer types their password, while the answer is in doubt, during the reverse.
// Whatever the step, after a restart the sale is paid once or reversed, never both, and
// nothing is left open. The reverse goes over TLS with the merchant's client certificate,
// as configured in the till's INI file.
class TestCodeCrashRecovery : public TillProcess
{
    Q_OBJECT

    QString m_config;

    // Rings up the sale, scans the customer's code and waits for `ready` before the kill.
    void codeSaleUntil(const std::function<bool()> &ready)
    {
        startTill(m_config, sale() + QStringList{u"--auto-code"_s, kWechatCode});
        QTRY_VERIFY_WITH_TIMEOUT(ready(), 20000);
        killTill();
    }

    // The till again, `ahead` of now (with the sandbox's clock moved alike), until the
    // order is settled as `expected`.
    void restartUntil(const QString &expected, const QString &ahead = {})
    {
        startTill(m_config, {}, ahead);
        QTRY_COMPARE_WITH_TIMEOUT(orderStatus(), expected, 40000);
    }

    void moveSandboxClock(qint64 seconds)
    {
        m_sandbox->setClock([seconds] { return QDateTime::currentDateTimeUtc().addSecs(seconds); });
    }

    void checkPaidOnce()
    {
        QCOMPARE(value(u"SELECT COUNT(*) FROM orders"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind = 'payment_paid'"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind LIKE 'alert%'"_s).toInt(), 0);
        QCOMPARE(m_sandbox->trade(payNo())->state, u"SUCCESS"_s);
        QCOMPARE(m_sandbox->reverseCount(payNo()), 0); // a paid trade is never reversed
        QCOMPARE(value(u"SELECT stock FROM products WHERE barcode = '%1'"_s.arg(kWater)).toInt(),
                 239);
        QCOMPARE(value(u"SELECT SUM(reserved) FROM products"_s).toInt(), 0);
    }

    void checkNothingTaken()
    {
        QCOMPARE(value(u"SELECT COUNT(*) FROM orders"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s).toInt(), 0);
        QCOMPARE(value(u"SELECT COUNT(*) FROM payments WHERE status IN ('CREATING', 'PENDING')"_s)
                     .toInt(),
                 0);
        const auto trade = m_sandbox->trade(payNo());
        QVERIFY(!trade || trade->state != u"SUCCESS"); // no money kept at the provider
        QCOMPARE(value(u"SELECT stock FROM products WHERE barcode = '%1'"_s.arg(kWater)).toInt(),
                 240);
        QCOMPARE(value(u"SELECT SUM(reserved) FROM products"_s).toInt(), 0);
    }

private Q_SLOTS:
    void init()
    {
        startSandbox();
        m_config = writeSecureConfig();
    }
    void cleanup() { stopTill(); }

    void killedAfterMicropayWasSent()
    {
        // The customer's money is taken, but the answer never comes back.
        m_sandbox->injectFault(u"/pay/micropay"_s, SandboxFault::NoReply);
        codeSaleUntil(
            [&] { return m_sandbox->requestCount(u"/pay/micropay"_s) == 1 && !payNo().isEmpty(); });
        QCOMPARE(paymentStatus(), u"CREATING"_s);
        restartUntil(u"PAID"_s);
        checkPaidOnce();
        QCOMPARE(value(u"SELECT source FROM events WHERE kind = 'payment_paid'"_s).toString(),
                 u"recovery"_s);
    }

    void killedWhileTheCustomerTypesTheirPassword()
    {
        m_sandbox->setCodeCustomer(kWechatCode, CodeCustomer::ConfirmsAfter,
                                   std::chrono::seconds(4));
        codeSaleUntil([&] { return paymentStatus() == u"PENDING"; });
        restartUntil(u"PAID"_s);
        checkPaidOnce();
    }

    void killedWhileTheCustomerNeverConfirms()
    {
        m_sandbox->setCodeCustomer(kWechatCode, CodeCustomer::NeverConfirms);
        codeSaleUntil([&] { return paymentStatus() == u"PENDING"; });
        // Back past the window: the reverse is refused while the customer is still on the
        // password screen, until WeChat gives up on the payment itself at 45 s.
        moveSandboxClock(40);
        restartUntil(u"CANCELLED"_s, kPastTheWindow);
        checkNothingTaken();
        QVERIFY(m_sandbox->reverseCount(payNo()) >= 1);
        QCOMPARE(m_sandbox->trade(payNo())->state, u"PAYERROR"_s);
    }

    void killedWhileTheAnswerWasInDoubt()
    {
        // SYSTEMERROR without the trade: the till queries, finds nothing, and at the end
        // of the window reverses over TLS what may yet exist.
        m_sandbox->injectFault(u"/pay/micropay"_s, SandboxFault::SystemError);
        codeSaleUntil([&] {
            return value(u"SELECT COUNT(*) FROM events WHERE kind = 'attempt_error'"_s).toInt() ==
                   1;
        });
        moveSandboxClock(40);
        restartUntil(u"CANCELLED"_s, kPastTheWindow);
        checkNothingTaken();
        QCOMPARE(m_sandbox->reverseCount(payNo()), 1);
        QCOMPARE(paymentStatus(), u"CLOSED"_s);
    }

    void killedDuringTheReverse()
    {
        m_sandbox->injectFault(u"/pay/micropay"_s, SandboxFault::SystemError);
        m_sandbox->injectFault(u"/secapi/pay/reverse"_s, SandboxFault::NoReply);
        codeSaleUntil([&] {
            return value(u"SELECT COUNT(*) FROM events WHERE kind = 'attempt_error'"_s).toInt() ==
                   1;
        });
        // Past the window, the reverse is sent and its answer never comes: killed again.
        startTill(m_config, {}, kPastTheWindow);
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox->reverseCount(payNo()), 1, 20000);
        killTill();
        QCOMPARE(paymentStatus(), u"CREATING"_s);
        restartUntil(u"CANCELLED"_s, kPastTheWindow);
        checkNothingTaken();
        QCOMPARE(m_sandbox->reverseCount(payNo()), 2);
        QCOMPARE(paymentStatus(), u"CLOSED"_s);
    }
};

QTEST_GUILESS_MAIN(TestCodeCrashRecovery)
#include "tst_codecrashrecovery.moc"
