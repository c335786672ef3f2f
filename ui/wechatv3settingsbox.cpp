#include "wechatv3settingsbox.h"

#include "auth/shopsettings.h"
#include "config/configrules.h"
#include "settingsfields.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace shouyin {

WechatV3SettingsBox::WechatV3SettingsBox(SettingsFields &fields, QWidget *parent)
    : QGroupBox(tr("WeChat Pay merchant, API v3"), parent)
{
    setObjectName(u"wechatV3Group"_s);
    m_appId =
        SettingsFields::lineEdit(this, u"v3AppIdEdit"_s, tr("wx…; empty: no API v3 merchant"));
    m_merchantId = SettingsFields::lineEdit(this, u"v3MerchantIdEdit"_s, tr("mch_id, digits"));
    m_key = SettingsFields::lineEdit(this, u"v3KeyEdit"_s);
    // A secret goes in but never comes back: the field starts empty every time.
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_privateKey = SettingsFields::lineEdit(this, u"v3PrivateKeyEdit"_s, tr("apiclient_key.pem"));
    m_certificate =
        SettingsFields::lineEdit(this, u"v3CertificateEdit"_s, tr("apiclient_cert.pem"));
    m_publicKeyId = SettingsFields::lineEdit(this, u"v3PublicKeyIdEdit"_s,
                                             tr("PUB_KEY_ID_…; empty: platform certificates"));
    m_publicKey = SettingsFields::lineEdit(this, u"v3PublicKeyEdit"_s, tr("pub_key.pem"));

    const QString pemFilter = tr("PEM files (*.pem)");
    // The page has more labels than letters: only the key, typed most, has a mnemonic.
    auto *form = new QFormLayout(this);
    form->addRow(tr("App ID:"), fields.attach(SettingsField::WechatV3AppId, m_appId));
    form->addRow(tr("Merchant ID:"),
                 fields.attach(SettingsField::WechatV3MerchantId, m_merchantId));
    form->addRow(tr("API v&3 key:"), fields.attach(SettingsField::WechatV3Key, m_key));
    form->addRow(tr("Private key (.pem):"),
                 fields.attach(SettingsField::WechatV3PrivateKey,
                               SettingsFields::withBrowseButton(m_privateKey, pemFilter)));
    form->addRow(tr("Merchant certificate:"),
                 fields.attach(SettingsField::WechatV3Certificate,
                               SettingsFields::withBrowseButton(m_certificate, pemFilter)));
    form->addRow(tr("WeChat Pay public key ID:"),
                 fields.attach(SettingsField::WechatV3PublicKeyId, m_publicKeyId));
    form->addRow(tr("WeChat Pay public key:"),
                 fields.attach(SettingsField::WechatV3PublicKey,
                               SettingsFields::withBrowseButton(m_publicKey, pemFilter)));
}

void WechatV3SettingsBox::load(const WechatV3Settings &settings)
{
    m_appId->setText(settings.appId);
    m_merchantId->setText(settings.merchantId);
    m_key->clear();
    m_key->setPlaceholderText(
        settings.keyHint.isEmpty()
            ? tr("%1 characters").arg(configrules::kWechatApiV3KeyLength)
            : tr("Stored key ends in %1; type to replace it").arg(settings.keyHint));
    m_privateKey->setText(settings.privateKeyFile);
    m_certificate->setText(settings.certificateFile);
    m_publicKeyId->setText(settings.publicKeyId);
    m_publicKey->setText(settings.publicKeyFile);
}

void WechatV3SettingsBox::store(WechatV3Settings &settings) const
{
    settings.appId = m_appId->text().trimmed();
    settings.merchantId = m_merchantId->text().trimmed();
    settings.newKey = m_key->text().trimmed().toUtf8();
    settings.privateKeyFile = m_privateKey->text().trimmed();
    settings.certificateFile = m_certificate->text().trimmed();
    settings.publicKeyId = m_publicKeyId->text().trimmed();
    settings.publicKeyFile = m_publicKey->text().trimmed();
}

} // namespace shouyin
