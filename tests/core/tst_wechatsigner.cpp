#include "pay/wechat/wechatsigner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

// The worked example of the provider's documentation, loaded from tests/data (a copy of
// the published vector, checked against it by tst_testdata) so a wrong vector is fixed in
// one place.
class TestWechatSigner : public QObject
{
    Q_OBJECT

    QJsonObject m_vector;
    Params m_params;
    QByteArray m_key;

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(SHOUYIN_TEST_DATA_DIR "/wechat_v2_sign.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        m_vector = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_vector.isEmpty());
        const QJsonObject params = m_vector.value(u"params").toObject();
        for (auto it = params.begin(); it != params.end(); ++it)
            m_params.insert(it.key(), it.value().toString());
        m_key = m_vector.value(u"key").toString().toUtf8();
        QVERIFY(!m_params.isEmpty());
    }

    void canonicalStringMatchesDocumentation()
    {
        QCOMPARE(QString::fromUtf8(WechatSigner::canonicalString(m_params)),
                 m_vector.value(u"string_a").toString());
    }

    void md5MatchesDocumentation()
    {
        QCOMPARE(WechatSigner::sign(m_params, m_key, WechatSignType::Md5),
                 m_vector.value(u"md5").toString());
    }

    void hmacSha256MatchesDocumentation()
    {
        QCOMPARE(WechatSigner::sign(m_params, m_key, WechatSignType::HmacSha256),
                 m_vector.value(u"hmac_sha256").toString());
    }

    void signAndEmptyValuesAreNotSigned()
    {
        Params params = m_params;
        params.insert(u"sign"_s, u"ANYTHING"_s);
        params.insert(u"attach"_s, QString());
        QCOMPARE(WechatSigner::sign(params, m_key, WechatSignType::Md5),
                 m_vector.value(u"md5").toString());
    }

    void verifyFollowsSignTypeField()
    {
        Params md5 = m_params;
        md5.insert(u"sign"_s, m_vector.value(u"md5").toString());
        QVERIFY(WechatSigner::verify(md5, m_key));

        // sign_type is itself signed, so it is added before signing.
        Params hmac = m_params;
        hmac.insert(u"sign_type"_s, u"HMAC-SHA256"_s);
        hmac.insert(u"sign"_s, WechatSigner::sign(hmac, m_key, WechatSignType::HmacSha256));
        QVERIFY(WechatSigner::verify(hmac, m_key));
        QVERIFY(hmac.value(u"sign"_s) != m_vector.value(u"hmac_sha256").toString());
    }

    void verifyAcceptsUnknownFields()
    {
        Params params = m_params;
        params.insert(u"some_future_field"_s, u"x"_s);
        params.insert(u"sign"_s, WechatSigner::sign(params, m_key, WechatSignType::Md5));
        QVERIFY(WechatSigner::verify(params, m_key));
    }

    void verifyRefusesTamperingWrongKeyAndUnknownType()
    {
        Params params = m_params;
        params.insert(u"sign"_s, m_vector.value(u"md5").toString());
        Params tampered = params;
        tampered[u"body"_s] = u"test2"_s;
        QVERIFY(!WechatSigner::verify(tampered, m_key));
        QVERIFY(!WechatSigner::verify(params, "wrong-key"));
        Params unknownType = params;
        unknownType.insert(u"sign_type"_s, u"SHA1"_s);
        QVERIFY(!WechatSigner::verify(unknownType, m_key));
        Params unsignedParams = m_params;
        QVERIFY(!WechatSigner::verify(unsignedParams, m_key));
        // A lower-case signature of the right digest is not what the provider sends.
        Params lower = params;
        lower[u"sign"_s] = lower.value(u"sign"_s).toLower();
        QVERIFY(!WechatSigner::verify(lower, m_key));
    }
};

QTEST_GUILESS_MAIN(TestWechatSigner)
#include "tst_wechatsigner.moc"
