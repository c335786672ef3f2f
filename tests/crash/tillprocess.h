#pragma once

// What the crash suites share: the real `shouyin` run (offscreen) against a sandbox
// gateway living in the test, killed with SIGKILL at a chosen point of a payment and
// started again on the same database, which the test reads from outside as another
// program would.

#include "sandbox/sandboxgateway.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>

namespace shouyin::testing {

// Two products of the sample catalogue, one of each charged.
inline const QString kWater = QStringLiteral("6921168509256");
inline const QString kNoodles = QStringLiteral("6902538004045");

class TillProcess : public QObject
{
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxGateway> m_sandbox;
    std::unique_ptr<QProcess> m_till;
    QString m_connection;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("shop.sqlite")); }

    // A fresh directory and a sandbox that sends no notifications: polling and recovery
    // alone must settle everything.
    void startSandbox()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_sandbox = std::make_unique<SandboxGateway>(SandboxGateway::trainingMerchant());
        m_sandbox->setNotificationsEnabled(false);
        QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0) != 0);
        m_connection =
            QStringLiteral("crash-%1").arg(QLatin1StringView(QTest::currentTestFunction()));
    }

    void stopTill()
    {
        if (m_till && m_till->state() != QProcess::NotRunning) {
            m_till->kill();
            m_till->waitForFinished(5000);
        }
        QSqlDatabase::removeDatabase(m_connection);
    }

    // A real (non-training) configuration whose gateway is the sandbox; notifications go
    // to a port nobody listens on. `merchantExtra` lines join the [merchant] section.
    QString writeConfig(const QByteArray &merchantExtra = {}) const
    {
        const SandboxMerchant merchant = m_sandbox->merchant();
        QFile ini(m_dir->filePath(QStringLiteral("shouyin.ini")));
        if (!ini.open(QIODevice::WriteOnly))
            qFatal("cannot write the test configuration");
        ini.write("[terminal]\nid=T09\n[merchant]\nappid=" + merchant.appId.toUtf8() +
                  "\nmch_id=" + merchant.merchantId.toUtf8() + "\nkey=" + merchant.key +
                  "\ngateway=" + m_sandbox->baseUrl().toString().toUtf8() +
                  "\nsign_type=HMAC-SHA256\n" + merchantExtra +
                  "[notify]\npublic_url=http://127.0.0.1:9/notify/wechat\n"
                  "[payment]\nlifetime_minutes=10\ntimeout_seconds=30\n");
        return ini.fileName();
    }

    // The same, with what reverse and refund need: the sandbox's TLS endpoint, its CA and
    // the merchant's client certificate, as files the configuration names.
    QString writeSecureConfig()
    {
        if (m_sandbox->listenSecure() == 0)
            qFatal("the sandbox's TLS endpoint does not listen");
        const SandboxTlsMaterial &tls = m_sandbox->tls();
        const auto save = [this](const QString &name, const QByteArray &pem) {
            QFile file(m_dir->filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size())
                qFatal("cannot write %s", qPrintable(name));
            return file.fileName().toUtf8();
        };
        return writeConfig(
            "secapi_gateway=" + m_sandbox->secureBaseUrl().toString().toUtf8() + "\ngateway_ca=" +
            save(QStringLiteral("sandbox-ca.pem"), tls.ca.toPem()) + "\nclient_cert=" +
            save(QStringLiteral("apiclient_cert.pem"), tls.clientCertificate.toPem()) +
            "\nclient_key=" + save(QStringLiteral("apiclient_key.pem"), tls.clientKey.toPem()) +
            "\n");
    }

    // libfaketime (scripts/deps.sh installs it), which the till loads to run with its
    // clock ahead; empty when it is not installed.
    static QString fakeTimeLibrary()
    {
        const QDir lib(QStringLiteral("/usr/lib"));
        for (const QString &dir : lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString candidate =
                lib.filePath(dir + QStringLiteral("/faketime/libfaketimeMT.so.1"));
            if (QFile::exists(candidate))
                return candidate;
        }
        return {};
    }

    // `clockAhead` ("+40s"): the till's clocks run that far ahead of the machine's.
    void startTill(const QString &config, const QStringList &extra, const QString &clockAhead = {})
    {
        m_till = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
        if (!clockAhead.isEmpty()) {
            // Preloaded into the till itself, not through the faketime program: a SIGKILL
            // must reach the till, not a parent that leaves it running.
            const QString library = fakeTimeLibrary();
            QVERIFY2(!library.isEmpty(), "libfaketime (scripts/deps.sh installs it) is missing");
            env.insert(QStringLiteral("LD_PRELOAD"), library);
            env.insert(QStringLiteral("FAKETIME"), clockAhead);
        }
        m_till->setProcessEnvironment(env);
        m_till->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const QStringList arguments =
            QStringList{QStringLiteral("--config"), config, QStringLiteral("--db"), dbPath()} +
            extra;
        m_till->start(QStringLiteral(SHOUYIN_BINARY), arguments);
        QVERIFY2(m_till->waitForStarted(10000), qPrintable(m_till->errorString()));
    }

    // The arguments that make a fresh till ring up water and noodles (and charge them).
    static QStringList sale()
    {
        return {QStringLiteral("--import-catalog"),
                QStringLiteral(SHOUYIN_SOURCE_DIR "/resources/catalog/sample_products.csv"),
                QStringLiteral("--auto-charge"), kWater + u',' + kNoodles};
    }

    void killTill()
    {
        ::kill(pid_t(m_till->processId()), SIGKILL);
        QVERIFY(m_till->waitForFinished(10000));
        QCOMPARE(m_till->exitStatus(), QProcess::CrashExit);
    }

    void stopTillGently()
    {
        m_till->terminate();
        m_till->waitForFinished(10000);
    }

    QVariant value(const QString &sql)
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (!db.isOpen()) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(dbPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            if (!db.open())
                return {};
        }
        QSqlQuery query(db);
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    QString paymentStatus()
    {
        return value(QStringLiteral("SELECT status FROM payments ORDER BY id DESC LIMIT 1"))
            .toString();
    }
    QString orderStatus()
    {
        return value(QStringLiteral("SELECT status FROM orders ORDER BY id DESC LIMIT 1"))
            .toString();
    }
    QString payNo()
    {
        return value(QStringLiteral("SELECT pay_no FROM payments ORDER BY id DESC LIMIT 1"))
            .toString();
    }
};

} // namespace shouyin::testing
