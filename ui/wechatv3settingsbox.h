#pragma once

#include <QGroupBox>

class QLineEdit;

namespace shouyin {

class SettingsFields;
struct WechatV3Settings;

// The Settings page's WeChat Pay merchant through API v3 ([wechat_v3]): app ID, merchant
// ID, the API v3 key (in but never back out, like the v2 key), the merchant's private key
// and certificate, and WeChat Pay's public key with its ID. Left empty, the shop has no
// v3 merchant and nothing here is asked for.
class WechatV3SettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    WechatV3SettingsBox(SettingsFields &fields, QWidget *parent = nullptr);

    void load(const WechatV3Settings &settings);
    void store(WechatV3Settings &settings) const;

private:
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_merchantId = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_privateKey = nullptr;
    QLineEdit *m_certificate = nullptr;
    QLineEdit *m_publicKeyId = nullptr;
    QLineEdit *m_publicKey = nullptr;
};

} // namespace shouyin
