#include "config/appconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

class TestAppConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return file.fileName();
    }

private Q_SLOTS:
    void emptyConfigMeansTraining()
    {
        auto config = AppConfig::load(write(u"a.ini"_s, "[terminal]\nid=T07\n"));
        QVERIFY(config);
        QVERIFY(config->training);
        QCOMPARE(config->terminalId, u"T07"_s);
    }

    void merchantWithKeyFile()
    {
        const QString key = write(u"wechat.key"_s, "0123456789abcdef0123456789abcdef\n");
        auto config = AppConfig::load(
            write(u"b.ini"_s, "[merchant]\nappid=wx1\nmch_id=190\nkey_file=" + key.toUtf8() +
                                  "\ngateway=https://gw.example\nsign_type=MD5\n"
                                  "[notify]\npublic_url=https://shop.example/notify/wechat\n"
                                  "[payment]\nlifetime_minutes=5\n"));
        QVERIFY2(config, config ? "" : qPrintable(config.error().message));
        QVERIFY(!config->training);
        QCOMPARE(config->wechat.key, QByteArray("0123456789abcdef0123456789abcdef"));
        QCOMPARE(config->wechat.signType, WechatSignType::Md5);
        QCOMPARE(config->wechat.baseUrl, QUrl(u"https://gw.example"_s));
        QCOMPARE(config->paymentLifetime, std::chrono::seconds(300));
    }

    void errorsAreClearAndNeverEchoTheKey_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("bad terminal") << QByteArray("[terminal]\nid=T-01\n") << u"[terminal] id"_s;
        QTest::newRow("half merchant") << QByteArray("[merchant]\nappid=wx1\n") << u"mch_id"_s;
        QTest::newRow("short key")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey=secretsecret\n")
            << u"32 characters"_s;
        QTest::newRow("missing key file")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey_file=/nonexistent/key\n")
            << u"key file"_s;
        QTest::newRow("no notify url")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey=0123456789abcdef0123456789abcdef\n")
            << u"public_url"_s;
        QTest::newRow("bad sign type")
            << QByteArray("[merchant]\nappid=wx1\nmch_id=1\nkey=0123456789abcdef0123456789abcdef\n"
                          "sign_type=SHA1\n[notify]\npublic_url=https://x\n")
            << u"sign_type"_s;
    }
    void errorsAreClearAndNeverEchoTheKey()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, mentions);
        auto config = AppConfig::load(write(u"c.ini"_s, ini));
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(u"secret"_s));
        QVERIFY(!config.error().message.contains(u"0123456789abcdef"_s));
    }

    void notifyListenAddress()
    {
        auto config = AppConfig::load(write(u"d.ini"_s, "[notify]\nlisten=127.0.0.1:8089\n"));
        QVERIFY(config);
        QCOMPARE(config->notifyListen->first, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config->notifyListen->second, quint16(8089));
        QVERIFY(!AppConfig::load(write(u"e.ini"_s, "[notify]\nlisten=localhost\n")));
        QVERIFY(!AppConfig::load(write(u"f.ini"_s, "[notify]\nlisten=1.2.3.4:99999\n")));
        QVERIFY(!AppConfig::load(write(u"g.ini"_s, "[terminal]\nid=T1\n"))->notifyListen);
    }

    void missingFile() { QVERIFY(!AppConfig::load(m_dir.filePath(u"none.ini"_s))); }
};

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
