#include "wechatsettingsbox.h"

#include "auth/shopsettings.h"
#include "config/configrules.h"
#include "settingsfields.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace shouyin {

WechatSettingsBox::WechatSettingsBox(SettingsFields &fields, QWidget *parent)
    : QGroupBox(tr("WeChat Pay merchant, API v2"), parent)
{
    setObjectName(u"wechatGroup"_s);
    m_appId = SettingsFields::lineEdit(this, u"appIdEdit"_s, tr("wx…; empty: no API v2 merchant"));
    m_merchantId = SettingsFields::lineEdit(this, u"merchantIdEdit"_s, tr("mch_id, digits"));
    m_key = SettingsFields::lineEdit(this, u"keyEdit"_s);
    // A secret goes in but never comes back: the field starts empty every time.
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_certificate = SettingsFields::lineEdit(
        this, u"clientCertEdit"_s, tr("apiclient_cert.p12; needed for refunds and payment codes"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("App &ID:"), fields.attach(SettingsField::AppId, m_appId));
    form->addRow(tr("Merc&hant ID:"), fields.attach(SettingsField::MerchantId, m_merchantId));
    form->addRow(tr("API &key:"), fields.attach(SettingsField::Key, m_key));
    form->addRow(tr("Client certi&ficate (.p12):"),
                 fields.attach(SettingsField::ClientCertificate,
                               SettingsFields::withBrowseButton(
                                   m_certificate, tr("PKCS#12 certificates (*.p12 *.pfx)"))));
}

void WechatSettingsBox::load(const ShopSettings &settings)
{
    m_appId->setText(settings.appId);
    m_merchantId->setText(settings.merchantId);
    m_key->clear();
    m_key->setPlaceholderText(
        settings.keyHint.isEmpty()
            ? tr("%1 characters").arg(configrules::kWechatKeyLength)
            : tr("Stored key ends in %1; type to replace it").arg(settings.keyHint));
    m_certificate->setText(settings.clientCertP12);
}

void WechatSettingsBox::store(ShopSettings &settings) const
{
    settings.appId = m_appId->text().trimmed();
    settings.merchantId = m_merchantId->text().trimmed();
    settings.newKey = m_key->text().trimmed().toUtf8();
    settings.clientCertP12 = m_certificate->text().trimmed();
}

} // namespace shouyin
