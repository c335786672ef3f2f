#include "advancedsettingsbox.h"

#include "auth/shopsettings.h"
#include "config/configrules.h"
#include "settingsfields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

AdvancedSettingsBox::AdvancedSettingsBox(SettingsFields &fields, QWidget *parent)
    : QGroupBox(tr("Advan&ced: notifications, gateways, timeout"), parent)
{
    setObjectName(u"advancedGroup"_s);
    setCheckable(true);
    setChecked(false);
    m_content = new QWidget(this);
    m_content->setObjectName(u"advancedContent"_s);
    m_listen = SettingsFields::lineEdit(m_content, u"listenEdit"_s,
                                        tr("e.g. 127.0.0.1:8089; empty: polling only"));
    m_publicUrl = SettingsFields::lineEdit(m_content, u"publicUrlEdit"_s,
                                           u"https://pos.example.com/notify/wechat"_s);
    m_alipayNotifyUrl = SettingsFields::lineEdit(m_content, u"alipayNotifyUrlEdit"_s,
                                                 u"https://pos.example.com/notify/alipay"_s);
    m_signType = new QComboBox(m_content);
    m_signType->setObjectName(u"signTypeCombo"_s);
    m_signType->addItems({u"HMAC-SHA256"_s, u"MD5"_s});
    m_gateway =
        SettingsFields::lineEdit(m_content, u"gatewayEdit"_s, u"https://api.mch.weixin.qq.com"_s);
    m_secapiGateway = SettingsFields::lineEdit(m_content, u"secapiGatewayEdit"_s,
                                               tr("Empty: the WeChat Pay gateway"));
    m_alipayGateway = SettingsFields::lineEdit(m_content, u"alipayGatewayEdit"_s,
                                               u"https://openapi.alipay.com/gateway.do"_s);
    m_timeout = new QSpinBox(m_content);
    m_timeout->setObjectName(u"timeoutSpin"_s);
    m_timeout->setRange(configrules::kMinTimeoutSeconds, configrules::kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));

    const auto open = [this] {
        setChecked(true);
    };
    auto *form = new QFormLayout(m_content);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Listen &on:"), fields.attach(SettingsField::Listen, m_listen, open));
    form->addRow(tr("&WeChat Pay notify URL:"),
                 fields.attach(SettingsField::PublicUrl, m_publicUrl, open));
    // No mnemonic for the rows below: every letter is taken on this page, and these are
    // set once by whoever installs the till.
    form->addRow(tr("Alipay notify URL:"),
                 fields.attach(SettingsField::AlipayNotifyUrl, m_alipayNotifyUrl, open));
    form->addRow(tr("Signat&ure:"), fields.attach(SettingsField::SignType, m_signType, open));
    form->addRow(tr("WeChat Pay gateway:"), fields.attach(SettingsField::Gateway, m_gateway, open));
    form->addRow(tr("Refunds and reverses gateway:"),
                 fields.attach(SettingsField::SecapiGateway, m_secapiGateway, open));
    form->addRow(tr("Alipay gateway:"),
                 fields.attach(SettingsField::AlipayGateway, m_alipayGateway, open));
    form->addRow(tr("Ma&x. wait for a gateway:"),
                 fields.attach(SettingsField::Timeout, m_timeout, open));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_content);
    m_content->setVisible(false);
    setFlat(true); // folded: the title alone, no empty frame under it
    connect(this, &QGroupBox::toggled, this, [this](bool expanded) {
        m_content->setVisible(expanded);
        setFlat(!expanded);
    });
}

void AdvancedSettingsBox::load(const ShopSettings &settings)
{
    m_listen->setText(settings.notifyListen);
    m_publicUrl->setText(settings.notifyPublicUrl);
    m_alipayNotifyUrl->setText(settings.alipayNotifyUrl);
    m_signType->setCurrentText(settings.signType);
    m_gateway->setText(settings.gateway);
    m_secapiGateway->setText(settings.secapiGateway);
    m_alipayGateway->setText(settings.alipayGateway);
    m_timeout->setValue(settings.timeoutSeconds);
}

void AdvancedSettingsBox::store(ShopSettings &settings) const
{
    settings.notifyListen = m_listen->text().trimmed();
    settings.notifyPublicUrl = m_publicUrl->text().trimmed();
    settings.alipayNotifyUrl = m_alipayNotifyUrl->text().trimmed();
    settings.signType = m_signType->currentText();
    settings.gateway = m_gateway->text().trimmed();
    settings.secapiGateway = m_secapiGateway->text().trimmed();
    settings.alipayGateway = m_alipayGateway->text().trimmed();
    settings.timeoutSeconds = m_timeout->value();
}

} // namespace shouyin
