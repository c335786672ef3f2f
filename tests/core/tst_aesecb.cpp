#include "crypto/aesecb.h"
#include "crypto/securerandom.h"

#include <QTest>

using namespace shouyin;

namespace {

// NIST SP 800-38A, F.1.5 ECB-AES256.Encrypt.
const QByteArray kKey =
    QByteArray::fromHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
const QByteArray kPlain[] = {
    QByteArray::fromHex("6bc1bee22e409f96e93d7e117393172a"),
    QByteArray::fromHex("ae2d8a571e03ac9c9eb76fac45af8e51"),
    QByteArray::fromHex("30c81c46a35ce411e5fbc1191a0a52ef"),
    QByteArray::fromHex("f69f2445df4f9b17ad2b417be66c3710"),
};
const QByteArray kCipher[] = {
    QByteArray::fromHex("f3eed1bdb5d2a03c064b5a7e3db181f8"),
    QByteArray::fromHex("591ccb10d410ed26dc5ba74a31362870"),
    QByteArray::fromHex("b6ed21b99ca6f4f9f153e7b1beafed1d"),
    QByteArray::fromHex("23304b7a39f9f3ff067d8d8f9e24ecc7"),
};
// Not NIST's: a whole block of PKCS#7 padding (sixteen 0x10) under kKey, as `openssl enc
// -aes-256-ecb` gives it; whole-block plain text ends with it.
const QByteArray kPaddingBlock = QByteArray::fromHex("4c45dfb3b3b484ec35b0512dc8c1c4d6");

QByteArray joined(const QByteArray (&blocks)[4])
{
    QByteArray all;
    for (const QByteArray &block : blocks)
        all += block;
    return all;
}

} // namespace

class TestAesEcb : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encryptsTheNistBlocks()
    {
        for (int i = 0; i < 4; ++i) {
            const QByteArray cipher = crypto::aes256EcbEncrypt(kKey, kPlain[i]);
            QCOMPARE(cipher.size(), 32); // the block and a block of padding
            QCOMPARE(cipher.left(16).toHex(), kCipher[i].toHex());
            QCOMPARE(cipher.mid(16).toHex(), kPaddingBlock.toHex());
        }
        const QByteArray all = crypto::aes256EcbEncrypt(kKey, joined(kPlain));
        QCOMPARE(all.toHex(), (joined(kCipher) + kPaddingBlock).toHex());
    }

    void decryptsTheNistBlocks()
    {
        const auto plain = crypto::aes256EcbDecrypt(kKey, joined(kCipher) + kPaddingBlock);
        QVERIFY2(plain.ok(), plain.ok() ? "" : qPrintable(plain.error().message));
        QCOMPARE(plain->toHex(), joined(kPlain).toHex());
        // Each block alone: ECB ties no block to another.
        for (int i = 0; i < 4; ++i) {
            const auto one = crypto::aes256EcbDecrypt(kKey, kCipher[i] + kPaddingBlock);
            QVERIFY(one.ok());
            QCOMPARE(one->toHex(), kPlain[i].toHex());
        }
    }

    void roundTrips()
    {
        const QByteArray key = crypto::randomBytes(32);
        for (int size = 0; size <= 48; ++size) {
            const QByteArray plain = crypto::randomBytes(size);
            const QByteArray cipher = crypto::aes256EcbEncrypt(key, plain);
            QCOMPARE(cipher.size(), (size / 16 + 1) * 16);
            const auto back = crypto::aes256EcbDecrypt(key, cipher);
            QVERIFY2(back.ok(), qPrintable(QString::number(size)));
            QCOMPARE(back.value(), plain);
        }
        const QByteArray xml =
            QStringLiteral("<root><refund_fee>1</refund_fee><x>退款</x></root>").toUtf8();
        QCOMPARE(crypto::aes256EcbDecrypt(kKey, crypto::aes256EcbEncrypt(kKey, xml)).value(), xml);
    }

    void aKeyOfAnotherLengthIsRefused()
    {
        const QByteArray shortKey = kKey.left(16);
        QVERIFY(crypto::aes256EcbEncrypt(shortKey, "abc").isEmpty());
        QVERIFY(crypto::aes256EcbEncrypt(kKey + "x", "abc").isEmpty());
        const auto refused = crypto::aes256EcbDecrypt(shortKey, joined(kCipher) + kPaddingBlock);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Config);
    }

    void theWrongKeyIsAnErrorNotGarbage()
    {
        const QByteArray plain = "<root><out_refund_no>R1</out_refund_no></root>";
        const QByteArray cipher = crypto::aes256EcbEncrypt(kKey, plain);
        QByteArray otherKey = kKey;
        otherKey[0] = char(otherKey[0] ^ 0x01);
        const auto wrong = crypto::aes256EcbDecrypt(otherKey, cipher);
        QVERIFY2(!wrong.ok(), "a wrong key gave plain text");
        QCOMPARE(wrong.error().code, ErrorCode::BadResponse);
    }

    void truncatedOrTamperedCipherTextIsAnError()
    {
        const QByteArray cipher = crypto::aes256EcbEncrypt(kKey, "<root>refund</root>!!");
        QCOMPARE(cipher.size(), 32);
        QVERIFY(!crypto::aes256EcbDecrypt(kKey, cipher.chopped(1)).ok()); // not whole blocks
        QVERIFY(!crypto::aes256EcbDecrypt(kKey, cipher.left(16)).ok());   // padding lost
        QVERIFY(!crypto::aes256EcbDecrypt(kKey, QByteArray()).ok());
        QByteArray tampered = cipher;
        tampered[31] = char(tampered[31] ^ 0x40);
        QVERIFY(!crypto::aes256EcbDecrypt(kKey, tampered).ok());
    }
};

QTEST_GUILESS_MAIN(TestAesEcb)
#include "tst_aesecb.moc"
