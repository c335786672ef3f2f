// Several tills on one PostgreSQL server: they migrate one fresh database at the same
// moment, hear of each other's commits, keep hearing after a lost connection, and are
// told clearly when the server refuses them. Runs against the shared test server.

#include "checkout/checkout.h"
#include "concurrenttills.h"
#include "config/appconfig.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/migrations.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

constexpr int kWaitMs = 15000;

// A pay-log row that changes no state: enough for the trigger to announce a commit.
void commitSomething(Checkout &till)
{
    QVERIFY(till.recordEvent({}, u"note"_s, u"{}"_s, Source::Cashier));
}

} // namespace

class tst_PostgresStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(usingPostgres()); }
    void tillsMigrateAFreshDatabaseTogether();
    void anotherTillsCommitIsAnnounced();
    void announcementsFollowAReconnect();
    void wrongPasswordIsAClearError();
    void iniSettingsReachTheServer();
};

void tst_PostgresStore::tillsMigrateAFreshDatabaseTogether()
{
    constexpr int kTills = 4;
    const int latest = migrations().constLast().version;
    // A race lost once can be won by luck; a few fresh databases make luck unlikely.
    for (int round = 0; round < 3; ++round) {
        DatabaseSettings settings = postgresServer();
        settings.name = u"tmig%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(round);
        QVERIFY(adminExec(u"DROP DATABASE IF EXISTS %1"_s.arg(settings.name)));
        QVERIFY(adminExec(u"CREATE DATABASE %1"_s.arg(settings.name)));

        std::vector<QString> errors(kTills);
        std::vector<int> versions(kTills, 0);
        runTillsTogether(kTills, [&](int till) {
            auto opened = Database::open(settings);
            if (!opened) {
                errors[till] = opened.error().message;
                return;
            }
            versions[till] = (*opened)->schemaVersion();
        });
        for (int till = 0; till < kTills; ++till) {
            QVERIFY2(errors.at(till).isEmpty(), qPrintable(errors.at(till)));
            QCOMPARE(versions.at(till), latest);
        }
        {
            auto check = Database::open(settings);
            QVERIFY(check);
            const Database &db = **check;
            // Every step ran once: twice would have failed on its CREATE anyway, but a
            // duplicate row would show a step recorded by two tills.
            QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM schema_version"_s),
                     qint64(migrations().size()));
            QCOMPARE(scalar(db, u"SELECT COUNT(DISTINCT version) FROM schema_version"_s),
                     qint64(migrations().size()));
            QCOMPARE(scalar(db, u"SELECT COUNT(*) FROM pg_trigger WHERE tgname = "
                                "'events_announce'"_s),
                     1);
        }
        QVERIFY(adminExec(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(settings.name)));
    }
}

void tst_PostgresStore::anotherTillsCommitIsAnnounced()
{
    QTemporaryDir dir;
    auto tillA = openTestDatabase(dir.filePath(u"unused.sqlite"_s));
    auto tillB = reopenTestDatabase(*tillA);
    Checkout checkoutA(*tillA, u"T01"_s);
    Checkout checkoutB(*tillB, u"T02"_s);
    // Polling an hour apart: only the announcement can make B's feed move in time.
    ChangeFeed feedB(*tillB, std::chrono::hours(1));
    QSignalSpy elsewhereA(tillA.get(), &Database::changedElsewhere);
    QSignalSpy elsewhereB(tillB.get(), &Database::changedElsewhere);
    QSignalSpy feedChanged(&feedB, &ChangeFeed::changed);

    commitSomething(checkoutA);
    QVERIFY(elsewhereB.wait(kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(feedChanged.count(), 1, kWaitMs);

    // A hears B's commit; its own came earlier on the same socket, so had A taken its
    // own commit for another till's, it would have counted it by now.
    commitSomething(checkoutB);
    QVERIFY(elsewhereA.wait(kWaitMs));
    QCOMPARE(elsewhereA.count(), 1);
    QCOMPARE(elsewhereB.count(), 1);
}

void tst_PostgresStore::announcementsFollowAReconnect()
{
    QTemporaryDir dir;
    auto tillA = openTestDatabase(dir.filePath(u"unused.sqlite"_s));
    auto tillB = reopenTestDatabase(*tillA);
    Checkout checkoutA(*tillA, u"T01"_s);
    QSignalSpy availability(tillB.get(), &Database::availabilityChanged);

    // The server ends B's session (as a restart or a network cut would); A keeps its own.
    const qint64 backendB = scalar(*tillB, u"SELECT pg_backend_pid()"_s);
    QVERIFY(backendB > 0);
    QVERIFY(adminExec(u"SELECT pg_terminate_backend(%1)"_s.arg(backendB)));
    // The heartbeat notices within its two seconds, the reconnector comes back by itself.
    QTRY_COMPARE_WITH_TIMEOUT(availability.count(), 2, kWaitMs);
    QCOMPARE(availability.at(0).at(0).toBool(), false);
    QCOMPARE(availability.at(1).at(0).toBool(), true);
    QVERIFY(tillB->isAvailable());
    QVERIFY(scalar(*tillB, u"SELECT pg_backend_pid()"_s) != backendB);

    // Each commit of A is one announcement at B: listening again after the reconnect
    // must not make B hear everything twice.
    QSignalSpy elsewhereB(tillB.get(), &Database::changedElsewhere);
    QSignalSpy notifiedB(tillB->connection().driver(), &QSqlDriver::notification);
    for (int commit = 1; commit <= 3; ++commit) {
        commitSomething(checkoutA);
        QTRY_VERIFY_WITH_TIMEOUT(elsewhereB.count() >= commit, kWaitMs);
    }
    QCOMPARE(notifiedB.count(), 3);
    QCOMPARE(elsewhereB.count(), 3);
}

void tst_PostgresStore::wrongPasswordIsAClearError()
{
    DatabaseSettings settings = postgresServer();
    const QString rightPassword = settings.password;
    settings.password = u"not-the-password"_s;
    auto opened = Database::open(settings);
    QVERIFY(!opened);
    const Error &error = opened.error();
    // Says which server refused and why, and never repeats the password it was given.
    QVERIFY2(error.message.contains(u"%1:%2"_s.arg(settings.host).arg(settings.port)),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(u"password"_s, Qt::CaseInsensitive), qPrintable(error.message));
    QVERIFY(!error.message.contains(settings.password));
    QVERIFY(!error.message.contains(rightPassword));
    // The server answered and refused: that is a configuration error, not an outage.
    // STORE_OFFLINE makes the app (createWhenDatabaseAnswers) wait and retry for ever.
    QVERIFY2(error.code != ErrorCode::StoreOffline, qPrintable(error.name()));
}

void tst_PostgresStore::iniSettingsReachTheServer()
{
    QTemporaryDir dir;
    const QString name = u"tini%1"_s.arg(QCoreApplication::applicationPid());
    const DatabaseSettings server = postgresServer();
    const QString passwordFile = dir.filePath(u"db.password"_s);
    QFile password(passwordFile);
    QVERIFY(password.open(QIODevice::WriteOnly));
    password.write(server.password.toUtf8() + '\n'); // as `echo secret > file` leaves it
    password.close();
    const QString iniPath = dir.filePath(u"till.ini"_s);
    QFile ini(iniPath);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(u"[database]\ndriver=QPSQL\nhost=%1\nport=%2\nname=%3\nuser=%4\npassword_file=%5\n"_s
                  .arg(server.host)
                  .arg(server.port)
                  .arg(name, server.user, passwordFile)
                  .toUtf8());
    ini.close();

    auto config = AppConfig::load(iniPath);
    QVERIFY2(config, config ? "" : qPrintable(config.error().message));
    QVERIFY(adminExec(u"DROP DATABASE IF EXISTS %1"_s.arg(name)));
    QVERIFY(adminExec(u"CREATE DATABASE %1"_s.arg(name)));
    {
        auto opened = Database::open(config->database);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QVERIFY((*opened)->isShared());
        QCOMPARE((*opened)->schemaVersion(), migrations().constLast().version);
    }
    QVERIFY(adminExec(u"DROP DATABASE %1 WITH (FORCE)"_s.arg(name)));
}

QTEST_GUILESS_MAIN(tst_PostgresStore)
#include "tst_postgresstore.moc"
