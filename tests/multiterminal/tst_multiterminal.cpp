#include "testdatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

constexpr int kTills = 3;
// SHOUYIN_MULTITERMINAL_SALES=n overrides it for a quicker run while debugging.
const int kSalesPerTill = qEnvironmentVariableIsSet("SHOUYIN_MULTITERMINAL_SALES")
                              ? qEnvironmentVariableIntValue("SHOUYIN_MULTITERMINAL_SALES")
                              : 70;
// The QR's life at the counter ([payment] lifetime_seconds, for tests): short, so that
// expiries, and payments racing them, come by the dozen within a few minutes.
constexpr int kLifetimeSeconds = 5;
// The sandbox customer pays 85% of the trades: three quarters of those within 1.5 s, one
// quarter from 1 s before to 1 s after the till's deadline, racing its expiry and close.
const QString kCustomerShare = u"0.85"_s;
const QString kCustomerDelays =
    u"100-1500,100-1500,100-1500,%1-%2"_s.arg(kLifetimeSeconds * 1000 - 1000)
        .arg(kLifetimeSeconds * 1000 + 1000);
// The next closes find the customer paying at that moment, or paying a second later.
constexpr int kPayDuringClose = 3;
constexpr int kPayAfterClose = 3;
constexpr qint64 kInitialStock = 100'000;
constexpr qint64 kNone = 0;

// Barcode, name, price (yuan); every till sells a different mix, sharing products.
struct Product
{
    const char *barcode;
    const char *name;
    const char *price;
};
constexpr Product kProducts[] = {
    {"6900000000011", "Tea", "3.50"},
    {"6900000000028", "Rice", "12.00"},
    {"6900000000035", "Soap", "4.20"},
    {"6900000000042", "Milk", "6.80"},
};
const QStringList kBasket[kTills] = {
    {u"6900000000011"_s, u"6900000000028"_s},
    {u"6900000000028"_s, u"6900000000035"_s, u"6900000000035"_s},
    {u"6900000000042"_s, u"6900000000011"_s},
};

struct Process
{
    QString name;
    std::unique_ptr<QProcess> process;
    QByteArray output; // stdout and stderr, also kept in <name>.log
    std::unique_ptr<QFile> log;
};

} // namespace

// Three real `shouyin` tills (offscreen) on one PostgreSQL database against one standalone
// sandbox gateway: a few hundred Alipay sales at once, the customer paying most of them
// after a random delay (some right at the deadline, racing the expiry and the close),
// every notification delivered to a random till. Afterwards the database must tell one
// consistent story: every order in one final state, every payment the gateway took
// recorded once, stock adding up, and no trade closed twice.
class TestMultiTerminal : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    DatabaseSettings m_db;
    QString m_connection = u"multiterminal"_s;
    Process m_sandbox;
    std::vector<Process> m_tills;
    quint16 m_sandboxPort = 0;
    QList<quint16> m_notifyPorts;
    QNetworkAccessManager m_network;
    bool m_failed = true;

    static QList<quint16> freePorts(int count)
    {
        // Held together so that no two are the same, released just before use.
        std::vector<std::unique_ptr<QTcpServer>> servers;
        QList<quint16> ports;
        for (int i = 0; i < count; ++i) {
            auto server = std::make_unique<QTcpServer>();
            if (!server->listen(QHostAddress::LocalHost, 0))
                qFatal("no free port");
            ports.append(server->serverPort());
            servers.push_back(std::move(server));
        }
        return ports;
    }

    void start(Process &process, const QString &name, const QString &program,
               const QStringList &arguments)
    {
        process.name = name;
        process.log = std::make_unique<QFile>(m_dir.filePath(name + u".log"_s));
        QVERIFY(process.log->open(QIODevice::WriteOnly));
        process.process = std::make_unique<QProcess>();
        QProcess *child = process.process.get();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(name + u"/config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(name + u"/data"_s));
        env.remove(u"SHOUYIN_DB_PASSWORD"_s);
        env.insert(u"QT_LOGGING_RULES"_s, u"shouyin.schedule.debug=true"_s);
        child->setProcessEnvironment(env);
        child->setProcessChannelMode(QProcess::MergedChannels);
        connect(child, &QProcess::readyReadStandardOutput, this, [&process] {
            const QByteArray chunk = process.process->readAllStandardOutput();
            process.output += chunk;
            process.log->write(chunk);
            process.log->flush();
        });
        child->start(program, arguments);
        QVERIFY2(child->waitForStarted(10000), qPrintable(child->errorString()));
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return file.fileName();
    }

    QString notifyUrl(int till) const
    {
        return u"http://127.0.0.1:%1/notify/alipay"_s.arg(m_notifyPorts.at(till));
    }

    QString writeTillConfig(int till, const QString &appId, const QString &sellerId)
    {
        const QString keys = m_dir.filePath(u"keys"_s);
        const QString ini =
            u"[terminal]\nid=T0%1\n"
            "[alipay]\napp_id=%2\nseller_id=%3\napp_private_key_file=%4/app_private_key.pem\n"
            "alipay_public_key_file=%4/alipay_public_key.pem\ngateway=http://127.0.0.1:%5/"
            "gateway.do\n"
            "notify_url=%6\n"
            "[notify]\nlisten=127.0.0.1:%7\n"
            "[payment]\ndefault_provider=alipay\nlifetime_minutes=2\nlifetime_seconds=%8\n"
            "timeout_seconds=10\n"
            "[database]\ndriver=QPSQL\nhost=%9\nport=%10\nname=%11\nuser=%12\n"
            "password_file=%13\n"_s.arg(till + 1)
                .arg(appId, sellerId, keys)
                .arg(m_sandboxPort)
                .arg(notifyUrl(till))
                .arg(m_notifyPorts.at(till))
                .arg(kLifetimeSeconds)
                .arg(m_db.host)
                .arg(m_db.port)
                .arg(m_db.name, m_db.user, m_dir.filePath(u"db.password"_s));
        return writeFile(u"T0%1.ini"_s.arg(till + 1), ini.toUtf8());
    }

    QSqlDatabase db()
    {
        QSqlDatabase database = testing::rawPostgresConnection(m_connection, m_db);
        if (!database.isOpen())
            qWarning() << "cannot open the test database:" << database.lastError().text();
        return database;
    }

    // The first column of every row.
    QVariantList column(const QString &sql)
    {
        QSqlQuery query(db());
        QVariantList values;
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return {QVariant()};
        }
        while (query.next())
            values.append(query.value(0));
        return values;
    }
    qint64 number(const QString &sql) { return column(sql).value(0).toLongLong(); }

    QJsonArray sandboxTrades()
    {
        QNetworkReply *reply = m_network.get(
            QNetworkRequest(QUrl(u"http://127.0.0.1:%1/sandbox/trades"_s.arg(m_sandboxPort))));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).array();
    }

    // "auto-charge: done: N sale(s), P paid, E expired, C cancelled, F failed"
    static std::optional<QList<int>> summary(const Process &till)
    {
        const qsizetype at = till.output.indexOf("auto-charge: done: ");
        if (at < 0)
            return std::nullopt;
        const QByteArray line = till.output.mid(at, till.output.indexOf('\n', at) - at);
        QList<int> numbers;
        for (const QByteArray &word : line.split(' ')) {
            bool ok = false;
            const int value = word.toInt(&ok);
            if (ok)
                numbers.append(value);
        }
        return numbers.size() == 5 ? std::optional(numbers) : std::nullopt;
    }

    // Nothing left to do: no open payment or order, no job but the later look at closed
    // trades (confirm_closed, due a minute and a quarter of an hour after a close), no
    // notification still retrying, and every payment the gateway took is in the database.
    bool settled()
    {
        if (number(u"SELECT COUNT(*) FROM payments WHERE status IN ('CREATING', 'PENDING')"_s) ||
            number(u"SELECT COUNT(*) FROM orders WHERE status IN ('AWAITING_PAYMENT', "
                   "'CANCELLING')"_s) ||
            number(u"SELECT COUNT(*) FROM jobs WHERE kind <> 'confirm_closed'"_s))
            return false;
        const QSet<QString> recorded = [this] {
            QSet<QString> set;
            for (const QVariant &payNo :
                 column(u"SELECT pay_no FROM payments WHERE status = 'SUCCESS'"_s))
                set.insert(payNo.toString());
            return set;
        }();
        for (const QJsonValue &value : sandboxTrades()) {
            const QJsonObject trade = value.toObject();
            if (trade.value(u"notification_pending"_s).toBool())
                return false;
            if (trade.value(u"state"_s).toString() == u"SUCCESS" &&
                !recorded.contains(trade.value(u"out_trade_no"_s).toString()))
                return false;
        }
        return true;
    }

    // The pay log of one payment, for a failure message.
    void describe(const QString &payNo)
    {
        QSqlQuery query(db());
        query.prepare(u"SELECT e.at, e.kind, e.source, e.from_status, e.to_status, e.detail, "
                      "o.terminal_id FROM events e JOIN orders o ON o.id = e.order_id "
                      "WHERE e.order_id = (SELECT order_id FROM payments WHERE pay_no = ?) "
                      "ORDER BY e.id"_s);
        query.addBindValue(payNo);
        query.exec();
        qWarning().noquote() << "pay log of" << payNo;
        while (query.next())
            qWarning().noquote() << "  " << query.value(0).toLongLong() << query.value(6).toString()
                                 << query.value(1).toString() << query.value(2).toString()
                                 << query.value(3).toString() << "->" << query.value(4).toString()
                                 << query.value(5).toString();
    }

    void dumpTails()
    {
        for (const Process *process : {&m_sandbox, &m_tills[0], &m_tills[1], &m_tills[2]}) {
            if (!process->process)
                continue;
            qWarning().noquote() << "----" << process->name << "(last lines; whole log in"
                                 << process->log->fileName() << ")\n"
                                 << QString::fromUtf8(process->output.right(3000));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(false); // removed in cleanupTestCase unless something failed
        m_db = testing::postgresServer();
        m_db.name = u"multiterminal_%1"_s.arg(QCoreApplication::applicationPid());
        QVERIFY(testing::adminExec(u"CREATE DATABASE %1"_s.arg(m_db.name)));
        writeFile(u"db.password"_s, m_db.password.toUtf8());
        QByteArray csv = "barcode,name,price_yuan,stock\n";
        for (const Product &product : kProducts)
            csv += QByteArray(product.barcode) + ',' + product.name + ',' + product.price + ',' +
                   QByteArray::number(kInitialStock) + '\n';
        writeFile(u"catalog.csv"_s, csv);
    }

    void cleanupTestCase()
    {
        for (Process &till : m_tills) {
            if (till.process && till.process->state() != QProcess::NotRunning) {
                till.process->kill();
                till.process->waitForFinished(10000);
            }
        }
        if (m_sandbox.process && m_sandbox.process->state() != QProcess::NotRunning) {
            m_sandbox.process->kill();
            m_sandbox.process->waitForFinished(10000);
        }
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
        if (auto dropped =
                testing::adminExec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_db.name));
            !dropped)
            qWarning() << "cannot drop" << m_db.name << dropped.error().message;
        if (m_failed)
            qWarning() << "logs kept in" << m_dir.path();
        else
            m_dir.remove();
    }

    void hundredsOfSalesOnThreeTills()
    {
        QElapsedTimer clock;
        clock.start();
        const QList<quint16> ports = freePorts(2 + kTills);
        m_sandboxPort = ports.first();
        m_notifyPorts = ports.mid(1, kTills);
        QStringList scatter;
        for (int till = 0; till < kTills; ++till)
            scatter.append({notifyUrl(till), notifyUrl(till)});
        // A "till" that never answers: one POST in seven fails and is retried (to a random
        // target again), so the counters' own queries get to see payments too. (With one
        // in four, one trade in 4,096 met it at six attempts in a row, whose seventh comes
        // after the test's wait: a run in 25 failed on the dice, not on the tills.)
        scatter.append(u"http://127.0.0.1:%1/notify/alipay"_s.arg(ports.last()));

        start(m_sandbox, u"sandbox"_s, QStringLiteral(SHOUYIN_SANDBOX_BINARY),
              {u"--port"_s, QString::number(m_sandboxPort), u"--alipay-keys"_s,
               m_dir.filePath(u"keys"_s), u"--customer-share"_s, kCustomerShare,
               u"--customer-delay-ms"_s, kCustomerDelays, u"--scatter-notify"_s, scatter.join(u','),
               u"--notify-time-scale"_s, u"0.01"_s, u"--pay-during-close"_s,
               QString::number(kPayDuringClose), u"--pay-after-close"_s,
               QString::number(kPayAfterClose)});
        QTRY_VERIFY_WITH_TIMEOUT(m_sandbox.output.contains("alipay:   app_id"), 30000);
        const QByteArray banner = m_sandbox.output;
        const qsizetype at = banner.indexOf("alipay:   app_id ") + 17;
        const QString appId = QString::fromUtf8(banner.mid(at, banner.indexOf(',', at) - at));
        const qsizetype sellerAt = banner.indexOf("seller_id ", at) + 10;
        const QString sellerId =
            QString::fromUtf8(banner.mid(sellerAt, banner.indexOf(',', sellerAt) - sellerAt));
        QVERIFY(!appId.isEmpty() && !sellerId.isEmpty());

        // All three at once: they migrate the new database concurrently. The first imports
        // the catalogue; the others scan until their barcodes are known.
        m_tills.resize(kTills);
        for (int till = 0; till < kTills; ++till) {
            QStringList arguments{u"--config"_s,
                                  writeTillConfig(till, appId, sellerId),
                                  u"--auto-charge"_s,
                                  kBasket[till].join(u','),
                                  u"--auto-charge-count"_s,
                                  QString::number(kSalesPerTill)};
            if (till == 0)
                arguments << u"--import-catalog"_s << m_dir.filePath(u"catalog.csv"_s);
            start(m_tills[till], u"T0%1"_s.arg(till + 1), QStringLiteral(SHOUYIN_BINARY),
                  arguments);
        }

        // Every till rings up its sales (generous: about three minutes are expected).
        const auto finishedOrDead = [this] {
            for (const Process &till : m_tills) {
                if (till.process->state() != QProcess::Running)
                    return true; // checked below
                if (!summary(till))
                    return false;
            }
            return true;
        };
        const bool finished = QTest::qWaitFor(finishedOrDead, 390000);
        bool everyTill = finished;
        for (const Process &till : m_tills)
            everyTill = everyTill && till.process->state() == QProcess::Running;
        if (!everyTill)
            dumpTails();
        QVERIFY2(everyTill, "a till died or did not finish its sales (see the logs above)");
        const qint64 salesMs = clock.elapsed();

        // Then everything settles: the settlers close what expired, late notifications land.
        QElapsedTimer sinceQuery;
        bool isSettled = false;
        const bool settledInTime = QTest::qWaitFor(
            [&] {
                if (sinceQuery.isValid() && sinceQuery.elapsed() < 500)
                    return false; // poll the database twice a second, not in a tight loop
                sinceQuery.start();
                isSettled = settled();
                return isSettled;
            },
            180000);
        if (!settledInTime)
            dumpTails();
        QVERIFY2(settledInTime, "the tills did not settle every payment");
        const qint64 settleMs = clock.elapsed() - salesMs;

        int started = 0;
        int failed = 0;
        for (const Process &till : m_tills) {
            const QList<int> counts = *summary(till);
            qInfo().noquote() << till.name << "at the counter:" << counts.at(0) << "sales,"
                              << counts.at(1) << "paid," << counts.at(2) << "expired,"
                              << counts.at(3) << "cancelled," << counts.at(4) << "failed";
            started += counts.at(0);
            failed += counts.at(4);
        }
        QCOMPARE(started, kTills * kSalesPerTill);

        // Every sale is one order, and every order ended in exactly one final state.
        QCOMPARE(number(u"SELECT COUNT(*) FROM orders"_s), qint64(started - failed));
        QCOMPARE(number(u"SELECT COUNT(*) FROM orders WHERE status NOT IN ('PAID', "
                        "'CANCELLED')"_s),
                 kNone);
        // An order is PAID exactly when one of its payments succeeded (none was paid twice).
        QCOMPARE(number(u"SELECT COUNT(*) FROM orders o WHERE (o.status = 'PAID') <> "
                        "EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND "
                        "p.status = 'SUCCESS')"_s),
                 kNone);
        const qint64 doublePayments =
            number(u"SELECT COUNT(*) FROM (SELECT order_id FROM payments WHERE status = 'SUCCESS' "
                   "GROUP BY order_id HAVING COUNT(*) > 1) twice"_s);
        QCOMPARE(doublePayments,
                 number(u"SELECT COUNT(*) FROM events WHERE kind = 'alert_double_payment'"_s));
        QCOMPARE(doublePayments, kNone);
        // Each paid payment was applied once: one payment_paid per SUCCESS, none elsewhere,
        // and one order_paid per PAID order.
        QCOMPARE(number(u"SELECT COUNT(*) FROM payments p WHERE p.status = 'SUCCESS' AND "
                        "(SELECT COUNT(*) FROM events e WHERE e.payment_id = p.id AND "
                        "e.kind = 'payment_paid') <> 1"_s),
                 kNone);
        QCOMPARE(number(u"SELECT COUNT(*) FROM events WHERE kind = 'payment_paid'"_s),
                 number(u"SELECT COUNT(*) FROM payments WHERE status = 'SUCCESS'"_s));
        QCOMPARE(number(u"SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM events e "
                        "WHERE e.order_id = o.id AND e.kind = 'order_paid') <> "
                        "CASE WHEN o.status = 'PAID' THEN 1 ELSE 0 END"_s),
                 kNone);
        // Nothing the funnel refused: no forged, unknown or mismatching result.
        QCOMPARE(number(u"SELECT COUNT(*) FROM events WHERE kind LIKE 'alert%' AND kind NOT IN "
                        "('alert_paid_after_close', 'alert_paid_after_cancel')"_s),
                 kNone);

        // Stock: what left the shelf is what the paid orders sold; nothing still reserved.
        QCOMPARE(number(u"SELECT COUNT(*) FROM products p WHERE %1 - p.stock <> "
                        "COALESCE((SELECT SUM(i.quantity) FROM order_items i JOIN orders o "
                        "ON o.id = i.order_id WHERE i.product_id = p.id AND "
                        "o.status = 'PAID'), 0)"_s.arg(kInitialStock)),
                 kNone);
        QCOMPARE(number(u"SELECT COUNT(*) FROM products"_s), qint64(std::size(kProducts)));
        QCOMPARE(number(u"SELECT COALESCE(SUM(reserved), 0) FROM products"_s), kNone);

        // The gateway and the database agree on every payment, to the transaction id.
        QHash<QString, QString> paidInDb;
        {
            QSqlQuery query(db());
            QVERIFY(query.exec(
                u"SELECT pay_no, transaction_id FROM payments WHERE status = 'SUCCESS'"_s));
            while (query.next())
                paidInDb.insert(query.value(0).toString(), query.value(1).toString());
        }
        QHash<QString, QString> terminalOf;
        {
            QSqlQuery query(db());
            QVERIFY(query.exec(u"SELECT p.pay_no, o.terminal_id FROM payments p "
                               "JOIN orders o ON o.id = p.order_id"_s));
            while (query.next())
                terminalOf.insert(query.value(0).toString(), query.value(1).toString());
        }
        const QJsonArray trades = sandboxTrades();
        QHash<QString, QString> paidAtGateway;
        int maxCloses = 0;
        int closedTrades = 0;
        QHash<QString, int> acknowledgedBy; // terminal -> notifications it acknowledged
        int forOtherTills = 0;
        QHash<QString, QString> terminalOfUrl;
        for (int till = 0; till < kTills; ++till)
            terminalOfUrl.insert(notifyUrl(till), u"T0%1"_s.arg(till + 1));
        for (const QJsonValue &value : trades) {
            const QJsonObject trade = value.toObject();
            const QString payNo = trade.value(u"out_trade_no"_s).toString();
            QVERIFY2(terminalOf.contains(payNo), qPrintable(payNo)); // no trade unknown to us
            if (trade.value(u"state"_s).toString() == u"SUCCESS")
                paidAtGateway.insert(payNo, trade.value(u"transaction_id"_s).toString());
            const int closes = trade.value(u"closes"_s).toInt();
            if (closes > 1)
                describe(payNo);
            maxCloses = std::max(maxCloses, closes);
            closedTrades += closes > 0 ? 1 : 0;
            for (const QJsonValue &url : trade.value(u"acknowledged_by"_s).toArray()) {
                const QString terminal = terminalOfUrl.value(url.toString());
                ++acknowledgedBy[terminal];
                forOtherTills += terminal != terminalOf.value(payNo) ? 1 : 0;
            }
        }
        QCOMPARE(paidInDb, paidAtGateway);
        // Every QR a till showed is a trade at the gateway. Not the other way round: a
        // notification can settle a payment before its QR's answer is recorded (the QR
        // then never shows), and an answer can time out under load; both trades are ours.
        QSet<QString> atGateway;
        for (const QJsonValue &value : trades)
            atGateway.insert(value.toObject().value(u"out_trade_no"_s).toString());
        for (const QVariant &payNo :
             column(u"SELECT pay_no FROM payments WHERE code_url IS NOT NULL"_s))
            QVERIFY2(atGateway.contains(payNo.toString()), qPrintable(payNo.toString()));
        QVERIFY2(maxCloses <= 1, "a trade was closed more than once");
        // Notifications reached every till, most of them for another till's sale.
        QCOMPARE(acknowledgedBy.size(), kTills);
        QVERIFY(forOtherTills > 0);
        // What is left in the job table: only the later looks at closed trades.
        QCOMPARE(number(u"SELECT COUNT(*) FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM payments "
                        "p WHERE p.pay_no = j.subject AND p.status IN ('CLOSED', 'FAILED'))"_s),
                 kNone);

        const qint64 orders = number(u"SELECT COUNT(*) FROM orders"_s);
        const qint64 paid = number(u"SELECT COUNT(*) FROM orders WHERE status = 'PAID'"_s);
        const qint64 cancelled =
            number(u"SELECT COUNT(*) FROM orders WHERE status = 'CANCELLED'"_s);
        const qint64 paidAfterCancel =
            number(u"SELECT COUNT(*) FROM events WHERE kind = 'alert_paid_after_cancel'"_s);
        QStringList paidBy; // which source saw each payment first
        {
            QSqlQuery query(db());
            QVERIFY(query.exec(u"SELECT source, COUNT(*) FROM events WHERE kind = "
                               "'payment_paid' GROUP BY source ORDER BY source"_s));
            while (query.next())
                paidBy.append(query.value(0).toString() + u' ' + query.value(1).toString());
        }
        qInfo().noquote() << u"%1 orders: %2 paid, %3 cancelled (expired or given up); %4 paid "
                             "after the close; payments first seen by: %5; %6 trades closed, at "
                             "most %7 close per trade"_s.arg(orders)
                                 .arg(paid)
                                 .arg(cancelled)
                                 .arg(paidAfterCancel)
                                 .arg(paidBy.join(u", "))
                                 .arg(closedTrades)
                                 .arg(maxCloses);
        qInfo().noquote() << u"notifications acknowledged: T01 %1, T02 %2, T03 %3; %4 for "
                             "another till's sale"_s.arg(acknowledgedBy.value(u"T01"_s))
                                 .arg(acknowledgedBy.value(u"T02"_s))
                                 .arg(acknowledgedBy.value(u"T03"_s))
                                 .arg(forOtherTills);
        qInfo().noquote() << u"run time: %1 s of sales, %2 s to settle, %3 s in all"_s
                                 .arg(salesMs / 1000.0, 0, 'f', 1)
                                 .arg(settleMs / 1000.0, 0, 'f', 1)
                                 .arg(clock.elapsed() / 1000.0, 0, 'f', 1);
        m_failed = false;
    }
};

QTEST_GUILESS_MAIN(TestMultiTerminal)
#include "tst_multiterminal.moc"
