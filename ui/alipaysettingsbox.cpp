#include "alipaysettingsbox.h"

#include "auth/shopsettings.h"
#include "settingsfields.h"

#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace shouyin {

AlipaySettingsBox::AlipaySettingsBox(SettingsFields &fields, QWidget *parent)
    : QGroupBox(tr("Alipay merchant"), parent)
{
    setObjectName(u"alipayGroup"_s);
    m_appId =
        SettingsFields::lineEdit(this, u"alipayAppIdEdit"_s, tr("2021…; empty: Alipay not used"));
    m_privateKey = SettingsFields::lineEdit(this, u"alipayPrivateKeyEdit"_s,
                                            tr("The app's private key (PEM)"));
    m_publicKey = SettingsFields::lineEdit(this, u"alipayPublicKeyEdit"_s,
                                           tr("Alipay's public key (PEM), not the app's own"));
    m_sellerId = SettingsFields::lineEdit(this, u"alipaySellerIdEdit"_s, tr("2088…; optional"));
    const QString pem = tr("PEM keys (*.pem *.key *.txt);;All files (*)");

    auto *form = new QFormLayout(this);
    form->addRow(tr("Alipa&y app ID:"), fields.attach(SettingsField::AlipayAppId, m_appId));
    form->addRow(tr("App pri&vate key file:"),
                 fields.attach(SettingsField::AlipayPrivateKey,
                               SettingsFields::withBrowseButton(m_privateKey, pem)));
    form->addRow(tr("Alipay pu&blic key file:"),
                 fields.attach(SettingsField::AlipayPublicKey,
                               SettingsFields::withBrowseButton(m_publicKey, pem)));
    form->addRow(tr("Se&ller ID:"), fields.attach(SettingsField::AlipaySellerId, m_sellerId));
}

void AlipaySettingsBox::load(const ShopSettings &settings)
{
    m_appId->setText(settings.alipayAppId);
    m_privateKey->setText(settings.alipayPrivateKeyFile);
    m_publicKey->setText(settings.alipayPublicKeyFile);
    m_sellerId->setText(settings.alipaySellerId);
}

void AlipaySettingsBox::store(ShopSettings &settings) const
{
    settings.alipayAppId = m_appId->text().trimmed();
    settings.alipayPrivateKeyFile = m_privateKey->text().trimmed();
    settings.alipayPublicKeyFile = m_publicKey->text().trimmed();
    settings.alipaySellerId = m_sellerId->text().trimmed();
}

} // namespace shouyin
