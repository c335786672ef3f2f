#include "crypto/digest.h"
#include "crypto/securerandom.h"

#include <QSet>
#include <QTest>

using namespace shouyin;

class TestCrypto : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // RFC 1321 and RFC 4231 test cases.
    void md5KnownAnswers()
    {
        QCOMPARE(crypto::md5Hex(""), QByteArray("D41D8CD98F00B204E9800998ECF8427E"));
        QCOMPARE(crypto::md5Hex("abc"), QByteArray("900150983CD24FB0D6963F7D28E17F72"));
    }

    void hmacSha256KnownAnswer()
    {
        QCOMPARE(crypto::hmacSha256Hex("Jefe", "what do ya want for nothing?"),
                 QByteArray("5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843"));
    }

    void constantTimeEquality()
    {
        QVERIFY(crypto::equalConstantTime("ABC", "ABC"));
        QVERIFY(!crypto::equalConstantTime("ABC", "ABD"));
        QVERIFY(!crypto::equalConstantTime("ABC", "ABCD"));
    }

    void randomStringsHaveTheirAlphabetAndDiffer()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 200; ++i) {
            const QByteArray nonce = crypto::randomAlphanumeric(32);
            QCOMPARE(nonce.size(), 32);
            for (char c : nonce)
                QVERIFY(std::isalnum(static_cast<unsigned char>(c)));
            seen.insert(nonce);
            const QByteArray base32 = crypto::randomBase32(8);
            QCOMPARE(base32.size(), 8);
            for (char c : base32)
                QVERIFY(QByteArray("0123456789ABCDEFGHJKMNPQRSTVWXYZ").contains(c));
        }
        QCOMPARE(seen.size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
