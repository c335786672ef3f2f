#include "store/database.h"
#include "store/ledgerkind.h"
#include "tillprocess.h"

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

// Runs the real `shouyin` (offscreen) against a sandbox gateway living in this test,
// SIGKILLs it at a chosen point of a payment, starts it again on the same database and
// checks the end state: no order lost, none paid twice, stock consistent.
class TestCrashRecovery : public TillProcess
{
    Q_OBJECT

    void startTill(const QStringList &extra) { TillProcess::startTill(writeConfig(), extra); }

    // Starts a sale in a fresh till and waits for `ready` before the kill.
    void saleUntil(const std::function<bool()> &ready)
    {
        startTill(sale());
        QTRY_VERIFY_WITH_TIMEOUT(ready(), 20000);
    }

    void restartAndSettle(bool payAfterRestart)
    {
        startTill({});
        if (payAfterRestart) {
            // The customer pays the trade that was open when the till died.
            QTRY_VERIFY_WITH_TIMEOUT(
                value(u"SELECT COUNT(*) FROM events WHERE kind = 'recovery_checked'"_s).toInt() >=
                    1,
                20000);
            QVERIFY(m_sandbox->pay(payNo()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(paymentStatus(), u"SUCCESS"_s, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(value(u"SELECT status FROM orders"_s).toString(), u"PAID"_s,
                                  10000);
        stopTillGently();
    }

    void checkEndState()
    {
        QCOMPARE(value(u"SELECT COUNT(*) FROM orders"_s).toInt(), 1); // nothing lost, nothing extra
        QCOMPARE(value(u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind = 'payment_paid'"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind = 'order_paid'"_s).toInt(), 1);
        QCOMPARE(value(u"SELECT COUNT(*) FROM events WHERE kind LIKE 'alert%'"_s).toInt(), 0);
        QCOMPARE(
            value(u"SELECT transaction_id FROM payments WHERE status = 'SUCCESS'"_s).toString(),
            m_sandbox->trade(payNo())->transactionId);
        // Sample stock: water 240, noodles 90; one of each sold, nothing left reserved.
        QCOMPARE(value(u"SELECT stock FROM products WHERE barcode = '%1'"_s.arg(kWater)).toInt(),
                 239);
        QCOMPARE(value(u"SELECT stock FROM products WHERE barcode = '%1'"_s.arg(kNoodles)).toInt(),
                 89);
        QCOMPARE(value(u"SELECT SUM(reserved) FROM products"_s).toInt(), 0);
        QCOMPARE(value(u"SELECT COUNT(*) FROM jobs"_s).toInt(), 0);
    }

private Q_SLOTS:
    void init() { startSandbox(); }
    void cleanup() { stopTill(); }

    // Runs the till with `arguments` and no screen; its exit code, or -1 if it is still
    // running after 30 s (a modal dialog nobody can see).
    int runHeadless(const QStringList &arguments, QByteArray *errors)
    {
        QProcess till;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
        till.setProcessEnvironment(env);
        till.start(QStringLiteral(SHOUYIN_BINARY), arguments);
        if (!till.waitForStarted(10000) || !till.waitForFinished(30000)) {
            till.kill();
            till.waitForFinished(5000);
            return -1;
        }
        *errors = till.readAllStandardError();
        return till.exitCode();
    }

    void aTrainingTillRefusesTheShopsDatabaseAndSaysSoWithoutAScreen()
    {
        {
            auto shop = Database::openSqlite(dbPath());
            QVERIFY(shop);
            QVERIFY(LedgerClaim::claim(**shop, LedgerKind::Shop));
        }
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QByteArray errors;
        const int code = runHeadless({u"--training"_s, u"--db"_s, dbPath()}, &errors);
        QVERIFY2(code > 0, qPrintable(u"exit code %1"_s.arg(code)));
        QVERIFY2(errors.contains("training never opens"), errors.constData());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void aBrokenConfigurationEndsTheTillWithoutAScreen()
    {
        QFile ini(m_dir->filePath(u"broken.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[merchant]\nappid=wx1\n"); // no mch_id
        ini.close();
        QByteArray errors;
        QCOMPARE(runHeadless({u"--config"_s, ini.fileName()}, &errors), 2);
        QVERIFY2(errors.contains("mch_id"), errors.constData());
    }

    void killedAfterUnifiedOrderWasSent()
    {
        // The gateway creates the trade but never answers: the till dies waiting.
        m_sandbox->injectFault(u"/pay/unifiedorder"_s, SandboxFault::NoReply);
        saleUntil([&] {
            return m_sandbox->requestCount(u"/pay/unifiedorder"_s) == 1 && !payNo().isEmpty();
        });
        QCOMPARE(paymentStatus(), u"CREATING"_s);
        killTill();
        restartAndSettle(true);
        checkEndState();
    }

    void killedWhileTheQrIsShown()
    {
        saleUntil([&] { return paymentStatus() == u"PENDING"; });
        killTill();
        QCOMPARE(value(u"SELECT status FROM orders"_s).toString(), u"AWAITING_PAYMENT"_s);
        restartAndSettle(true);
        checkEndState();
    }

    void killedAfterPaymentBeforeThePoll()
    {
        saleUntil([&] { return paymentStatus() == u"PENDING"; });
        QVERIFY(m_sandbox->pay(payNo()));
        killTill(); // within the 3 s before the next poll could see it
        restartAndSettle(false);
        checkEndState();
        // Recovery found the payment.
        QCOMPARE(value(u"SELECT source FROM events WHERE kind = 'payment_paid'"_s).toString(),
                 u"recovery"_s);
    }

    void killedRightAfterThePaymentWasRecorded()
    {
        saleUntil([&] { return paymentStatus() == u"PENDING"; });
        QVERIFY(m_sandbox->pay(payNo()));
        QTRY_COMPARE_WITH_TIMEOUT(paymentStatus(), u"SUCCESS"_s, 10000);
        killTill();
        restartAndSettle(false); // nothing to do but must not apply it twice
        checkEndState();
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
