#pragma once

#include <QGroupBox>

class QLineEdit;

namespace shouyin {

class SettingsFields;
struct ShopSettings;

// The Settings page's WeChat Pay merchant through API v2 ([merchant]): app ID, merchant ID, the API
// key (which goes in but never comes back: the field starts empty, and empty keeps the stored key)
// and the client certificate that refunds and payment-code reverses need.
class WechatSettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    WechatSettingsBox(SettingsFields &fields, QWidget *parent = nullptr);

    void load(const ShopSettings &settings);
    void store(ShopSettings &settings) const;

private:
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_merchantId = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_certificate = nullptr;
};

} // namespace shouyin
