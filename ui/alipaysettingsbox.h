#pragma once

#include <QGroupBox>

class QLineEdit;

namespace shouyin {

class SettingsFields;
struct ShopSettings;

// The Settings page's Alipay merchant (face-to-face, RSA2): the app ID, the app's
// private key file, Alipay's public key file and the optional seller (partner) ID. The
// keys stay in the shop's PEM files; the settings name the files.
class AlipaySettingsBox : public QGroupBox
{
    Q_OBJECT
public:
    AlipaySettingsBox(SettingsFields &fields, QWidget *parent = nullptr);

    void load(const ShopSettings &settings);
    void store(ShopSettings &settings) const;

private:
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_privateKey = nullptr;
    QLineEdit *m_publicKey = nullptr;
    QLineEdit *m_sellerId = nullptr;
};

} // namespace shouyin
