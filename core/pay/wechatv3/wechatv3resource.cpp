#include "wechatv3resource.h"

#include "crypto/aesgcm.h"

using namespace Qt::StringLiterals;

namespace shouyin::wechatv3 {

Result<QByteArray> decryptResource(const QJsonObject &resource, const QByteArray &apiV3Key)
{
    if (resource.value(u"algorithm"_s).toString() != kResourceAlgorithm)
        return Error{ErrorCode::BadResponse, u"the resource is not AEAD_AES_256_GCM"_s};
    const QJsonValue nonce = resource.value(u"nonce"_s);
    const QJsonValue cipher = resource.value(u"ciphertext"_s);
    const QJsonValue associated = resource.value(u"associated_data"_s);
    if (!nonce.isString() || !cipher.isString() ||
        !(associated.isString() || associated.isUndefined()))
        return Error{ErrorCode::BadResponse, u"the resource lacks its nonce or cipher text"_s};
    auto decoded = QByteArray::fromBase64Encoding(cipher.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Error{ErrorCode::BadResponse, u"the resource's cipher text is not base64"_s};
    auto plain = crypto::aes256GcmDecrypt(apiV3Key, nonce.toString().toUtf8(),
                                          associated.toString().toUtf8(), decoded.decoded);
    if (!plain && plain.error().code == ErrorCode::BadSignature)
        return Error{ErrorCode::BadSignature,
                     u"the resource does not decrypt under the API v3 key"_s};
    return plain;
}

QJsonObject encryptResource(const QByteArray &plain, const QByteArray &apiV3Key,
                            const QByteArray &nonce, const QByteArray &associatedData)
{
    const QByteArray cipher = crypto::aes256GcmEncrypt(apiV3Key, nonce, associatedData, plain);
    return {{u"algorithm"_s, QString(kResourceAlgorithm)},
            {u"nonce"_s, QString::fromLatin1(nonce)},
            {u"associated_data"_s, QString::fromUtf8(associatedData)},
            {u"ciphertext"_s, QString::fromLatin1(cipher.toBase64())}};
}

} // namespace shouyin::wechatv3
