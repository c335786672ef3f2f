// AEAD_AES_256_GCM as WeChat Pay v3 uses it: the AES-256 test cases of the GCM
// specification (McGrew and Viega, "The Galois/Counter Mode of Operation", test cases
// 13 to 16, the cases NIST's GCM validation reproduces), and every way a cipher text that
// was not made with this key, nonce and associated data is refused.
#include "crypto/aesgcm.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

const QByteArray kZeroKey(32, '\0');
const QByteArray kZeroNonce(12, '\0');
const QByteArray kKey =
    QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const QByteArray kNonce = QByteArray::fromHex("cafebabefacedbaddecaf888");
const QByteArray kPlain =
    QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
const QByteArray kCipher =
    QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                        "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");
const QByteArray kAad = QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");

} // namespace

class TestAesGcm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specification_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("cipherAndTag");
        QTest::newRow("case 13: nothing")
            << kZeroKey << kZeroNonce << QByteArray() << QByteArray()
            << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("case 14: one zero block")
            << kZeroKey << kZeroNonce << QByteArray() << QByteArray(16, '\0')
            << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18"
                                   "d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("case 15: four blocks")
            << kKey << kNonce << QByteArray() << kPlain
            << kCipher + QByteArray::fromHex("b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("case 16: associated data, a partial block")
            << kKey << kNonce << kAad << kPlain.left(60)
            << kCipher.left(60) + QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
    }
    void specification()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, cipherAndTag);
        QCOMPARE(crypto::aes256GcmEncrypt(key, nonce, aad, plain).toHex(), cipherAndTag.toHex());
        const auto decrypted = crypto::aes256GcmDecrypt(key, nonce, aad, cipherAndTag);
        QVERIFY2(decrypted.ok(),
                 qPrintable(decrypted.ok() ? QString() : decrypted.error().message));
        QCOMPARE(decrypted->toHex(), plain.toHex());
    }

    // Anything but the key, nonce, associated data and bytes it was made with is refused,
    // and none of the plain text comes back.
    void refusesWhatDoesNotCheckOut()
    {
        const QByteArray sealed =
            kCipher.left(60) + QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
        QVERIFY(crypto::aes256GcmDecrypt(kKey, kNonce, kAad, sealed).ok());

        QByteArray otherKey = kKey;
        otherKey[0] = char(otherKey.at(0) ^ 1);
        QByteArray otherNonce = kNonce;
        otherNonce[11] = char(otherNonce.at(11) ^ 1);
        QByteArray flippedText = sealed;
        flippedText[5] = char(flippedText.at(5) ^ 0x80);
        QByteArray flippedTag = sealed;
        flippedTag[sealed.size() - 1] = char(flippedTag.at(sealed.size() - 1) ^ 1);
        for (const auto &[key, nonce, aad, data] :
             {std::tuple(otherKey, kNonce, kAad, sealed),
              std::tuple(kKey, otherNonce, kAad, sealed),
              std::tuple(kKey, kNonce, u"certificate"_s.toUtf8(), sealed),
              std::tuple(kKey, kNonce, QByteArray(), sealed),
              std::tuple(kKey, kNonce, kAad, flippedText),
              std::tuple(kKey, kNonce, kAad, flippedTag),
              std::tuple(kKey, kNonce, kAad, sealed.left(sealed.size() - 1))}) {
            const auto refused = crypto::aes256GcmDecrypt(key, nonce, aad, data);
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::BadSignature);
        }
    }

    void wrongLengths()
    {
        QCOMPARE(crypto::aes256GcmDecrypt(kKey.left(31), kNonce, {}, kCipher).error().code,
                 ErrorCode::Config);
        QCOMPARE(crypto::aes256GcmDecrypt(kKey, kNonce.left(11), {}, kCipher).error().code,
                 ErrorCode::BadResponse);
        QCOMPARE(crypto::aes256GcmDecrypt(kKey, kNonce, {}, QByteArray(15, 'x')).error().code,
                 ErrorCode::BadResponse);
        QVERIFY(crypto::aes256GcmEncrypt(kKey.left(16), kNonce, {}, kPlain).isEmpty());
        QVERIFY(crypto::aes256GcmEncrypt(kKey, kNonce.left(8), {}, kPlain).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAesGcm)
#include "tst_aesgcm.moc"
