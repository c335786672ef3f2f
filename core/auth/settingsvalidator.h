#pragma once

#include "auth/shopsettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace shouyin {

// A setting of the Settings page, for a message to stand next to.
enum class SettingsField {
    TerminalId,
    DefaultProvider,
    Lifetime,
    AppId,
    MerchantId,
    Key,
    ClientCertificate,
    WechatV3AppId,
    WechatV3MerchantId,
    WechatV3Key,
    WechatV3PrivateKey,
    WechatV3Certificate,
    WechatV3PublicKeyId,
    WechatV3PublicKey,
    AlipayAppId,
    AlipayPrivateKey,
    AlipayPublicKey,
    AlipaySellerId,
    Listen,
    PublicUrl,
    AlipayNotifyUrl,
    SignType,
    Gateway,
    SecapiGateway,
    AlipayGateway,
    Timeout,
    ReceiptPrinter,
};

struct SettingsProblem
{
    SettingsField field;
    QString message; // for the manager, in the window's language; never holds a secret
};

// Every field of the Settings page checked at once, before anything is written, with
// the rules AppConfig applies at start (config/configrules.h): what passes here, the
// till starts with. Messages are for the manager, so they are translated and say how to
// fix the field; AppConfig's own, for the log, name the INI keys.
class SettingsValidator
{
    Q_DECLARE_TR_FUNCTIONS(shouyin::SettingsValidator)
public:
    static QList<SettingsProblem> check(const ShopSettings &settings, const SettingsOnFile &onFile);
    // The field as the page names it, for a message that lists fields.
    static QString fieldName(SettingsField field);
};

} // namespace shouyin
