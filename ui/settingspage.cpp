#include "settingspage.h"

#include "auth/settingseditor.h"
#include "displaytext.h"
#include "pay/providerregistry.h"
#include "receiptsettingsbox.h"
#include "userspanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QLineEdit *field(QWidget *parent, const QString &name, const QString &placeholder = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setMinimumWidth(220);
    return edit;
}

} // namespace

SettingsPage::SettingsPage(SettingsEditor *editor, UserStore *users, const Staff &staff,
                           QTimeZone zone, bool training, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_staff(staff)
{

    auto *usersBox = new QGroupBox(tr("Users"), this);
    auto *usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(new UsersPanel(users, staff, usersBox));

    m_receipts = new ReceiptSettingsBox(std::move(zone), training, this);
    auto *right = new QVBoxLayout;
    right->addWidget(usersBox, 1);
    right->addWidget(m_receipts);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(buildSettingsForm(), 3);
    layout->addLayout(right, 2);
    load();
}

QWidget *SettingsPage::buildSettingsForm()
{
    auto *form = new QWidget(this);
    m_terminalEdit = field(form, u"terminalEdit"_s, tr("1 to 8 letters or digits, e.g. T01"));
    m_appIdEdit = field(form, u"appIdEdit"_s, tr("Empty for training mode"));
    m_merchantIdEdit = field(form, u"merchantIdEdit"_s, tr("Empty for training mode"));
    m_keyEdit = field(form, u"keyEdit"_s);
    // A secret goes in but never comes back: the field starts empty every time.
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_gatewayEdit = field(form, u"gatewayEdit"_s);
    m_signTypeCombo = new QComboBox(form);
    m_signTypeCombo->addItems({u"HMAC-SHA256"_s, u"MD5"_s});
    m_listenEdit = field(form, u"listenEdit"_s, tr("e.g. 127.0.0.1:8089; empty: polling only"));
    m_publicUrlEdit = field(form, u"publicUrlEdit"_s, u"https://pos.example.com/notify/wechat"_s);
    m_lifetimeSpin = new QSpinBox(form);
    m_lifetimeSpin->setObjectName(u"lifetimeSpin"_s);
    m_lifetimeSpin->setRange(2, 120);
    m_lifetimeSpin->setSuffix(tr(" min"));
    m_timeoutSpin = new QSpinBox(form);
    m_timeoutSpin->setRange(1, 60);
    m_timeoutSpin->setSuffix(tr(" s"));
    m_providerCombo = new QComboBox(form);
    for (const ProviderKind &kind : ProviderRegistry::kinds())
        m_providerCombo->addItem(DisplayText::provider(kind.name), kind.name);
    m_languageCombo = new QComboBox(form);
    m_languageCombo->setObjectName(u"languageCombo"_s);
    m_languageCombo->addItem(tr("The system's"), QString());
    m_languageCombo->addItem(u"中文（简体）"_s, u"zh_CN"_s);
    m_languageCombo->addItem(u"English"_s, u"en"_s);

    auto *merchant = new QGroupBox(tr("Merchant (WeChat Pay API v2)"), form);
    auto *merchantForm = new QFormLayout(merchant);
    merchantForm->addRow(tr("App ID:"), m_appIdEdit);
    merchantForm->addRow(tr("Merchant ID:"), m_merchantIdEdit);
    merchantForm->addRow(tr("API key:"), m_keyEdit);
    merchantForm->addRow(tr("Gateway:"), m_gatewayEdit);
    merchantForm->addRow(tr("Signature:"), m_signTypeCombo);

    auto *till = new QGroupBox(tr("Till and notifications"), form);
    auto *tillForm = new QFormLayout(till);
    tillForm->addRow(tr("Terminal ID:"), m_terminalEdit);
    tillForm->addRow(tr("Listen on:"), m_listenEdit);
    tillForm->addRow(tr("Public notify URL:"), m_publicUrlEdit);

    auto *payment = new QGroupBox(tr("Payments"), form);
    auto *paymentForm = new QFormLayout(payment);
    paymentForm->addRow(tr("QR code deadline:"), m_lifetimeSpin);
    paymentForm->addRow(tr("Gateway timeout:"), m_timeoutSpin);
    paymentForm->addRow(tr("Default provider:"), m_providerCombo);
    paymentForm->addRow(tr("Language:"), m_languageCombo);

    auto *saveButton = new QPushButton(tr("&Save settings"), form);
    saveButton->setObjectName(u"saveSettingsButton"_s);
    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    auto *revertButton = new QPushButton(tr("Re&vert"), form);
    connect(revertButton, &QPushButton::clicked, this, &SettingsPage::load);
    m_message = new QLabel(form);
    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(saveButton);
    buttons->addWidget(revertButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(form);
    layout->addWidget(merchant);
    layout->addWidget(till);
    layout->addWidget(payment);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addStretch();
    return form;
}

void SettingsPage::load()
{
    if (!m_editor) {
        m_message->setText(tr("This till was started without a configuration file."));
        return;
    }
    auto settings = m_editor->load(m_staff);
    if (!settings) {
        m_message->setText(settings.error().message);
        return;
    }
    m_terminalEdit->setText(settings->terminalId);
    m_appIdEdit->setText(settings->appId);
    m_merchantIdEdit->setText(settings->merchantId);
    m_keyEdit->clear();
    m_keyEdit->setPlaceholderText(
        settings->keyHint.isEmpty()
            ? tr("32 characters")
            : tr("Stored key ends in %1; type to replace it").arg(settings->keyHint));
    m_gatewayEdit->setText(settings->gateway);
    m_signTypeCombo->setCurrentText(settings->signType);
    m_listenEdit->setText(settings->notifyListen);
    m_publicUrlEdit->setText(settings->notifyPublicUrl);
    m_lifetimeSpin->setValue(settings->lifetimeMinutes);
    m_timeoutSpin->setValue(settings->timeoutSeconds);
    m_providerCombo->setCurrentIndex(
        std::max(0, m_providerCombo->findData(settings->defaultProvider)));
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(settings->language)));
    m_receipts->load(*settings);
    m_message->setText(tr("Settings file: %1").arg(m_editor->iniPath()));
    m_message->setStyleSheet(QString());
}

void SettingsPage::save()
{
    if (!m_editor)
        return;
    ShopSettings settings;
    settings.terminalId = m_terminalEdit->text();
    settings.appId = m_appIdEdit->text();
    settings.merchantId = m_merchantIdEdit->text();
    settings.newKey = m_keyEdit->text().trimmed().toUtf8();
    settings.gateway = m_gatewayEdit->text();
    settings.signType = m_signTypeCombo->currentText();
    settings.notifyListen = m_listenEdit->text();
    settings.notifyPublicUrl = m_publicUrlEdit->text();
    settings.lifetimeMinutes = m_lifetimeSpin->value();
    settings.timeoutSeconds = m_timeoutSpin->value();
    settings.defaultProvider = m_providerCombo->currentData().toString();
    settings.language = m_languageCombo->currentData().toString();
    m_receipts->store(settings);
    const Status saved = m_editor->save(m_staff, settings);
    if (!saved) {
        m_message->setText(saved.error().message);
        m_message->setStyleSheet(u"color: #b3261e;"_s);
        return;
    }
    load();
    m_message->setText(tr("Saved. Restart Shouyin for the changes to take effect."));
    m_message->setStyleSheet(u"color: #1b7f3b; font-weight: bold;"_s);
}

} // namespace shouyin
