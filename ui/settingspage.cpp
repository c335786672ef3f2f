#include "settingspage.h"

#include "advancedsettingsbox.h"
#include "alipaysettingsbox.h"
#include "auth/settingseditor.h"
#include "config/configrules.h"
#include "displaytext.h"
#include "pay/providerregistry.h"
#include "receiptsettingsbox.h"
#include "settingsfields.h"
#include "userspanel.h"
#include "wechatsettingsbox.h"
#include "wechatv3settingsbox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

SettingsPage::SettingsPage(SettingsEditor *editor, UserStore *users, const Staff &staff,
                           QTimeZone zone, bool training, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_staff(staff)
    , m_fields(std::make_unique<SettingsFields>())
{
    // Everything scrolls together: at 1024×768 the page is taller than the screen.
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(u"settingsScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(m_scroll);

    auto *usersBox = new QGroupBox(tr("Users"), content);
    auto *usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(new UsersPanel(users, staff, usersBox));
    m_receipts = new ReceiptSettingsBox(std::move(zone), training, content);
    auto *right = new QVBoxLayout;
    right->addWidget(usersBox, 1);
    right->addWidget(m_receipts);

    auto *columns = new QHBoxLayout(content);
    columns->addWidget(buildSettingsForm(content), 3);
    columns->addLayout(right, 2);
    m_scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    load();
}

SettingsPage::~SettingsPage() = default;

QWidget *SettingsPage::buildTillBox(QWidget *parent)
{
    auto *till = new QGroupBox(tr("This till"), parent);
    till->setObjectName(u"tillGroup"_s);
    m_terminalEdit = new QLineEdit(till);
    m_terminalEdit->setObjectName(u"terminalEdit"_s);
    m_terminalEdit->setPlaceholderText(tr("1 to 8 letters or digits, e.g. T01"));
    m_providerCombo = new QComboBox(till);
    m_providerCombo->setObjectName(u"providerCombo"_s);
    for (const ProviderKind &kind : ProviderRegistry::kinds())
        m_providerCombo->addItem(DisplayText::provider(kind.name), kind.name);
    m_lifetimeSpin = new QSpinBox(till);
    m_lifetimeSpin->setObjectName(u"lifetimeSpin"_s);
    m_lifetimeSpin->setRange(configrules::kMinLifetimeMinutes, configrules::kMaxLifetimeMinutes);
    m_lifetimeSpin->setSuffix(tr(" min"));
    m_languageCombo = new QComboBox(till);
    m_languageCombo->setObjectName(u"languageCombo"_s);
    m_languageCombo->addItem(tr("The system's"), QString());
    m_languageCombo->addItem(u"中文（简体）"_s, u"zh_CN"_s);
    m_languageCombo->addItem(u"English"_s, u"en"_s);

    auto *form = new QFormLayout(till);
    form->addRow(tr("Ter&minal ID:"), m_fields->attach(SettingsField::TerminalId, m_terminalEdit));
    form->addRow(tr("D&efault provider:"),
                 m_fields->attach(SettingsField::DefaultProvider, m_providerCombo));
    form->addRow(tr("&QR code deadline:"),
                 m_fields->attach(SettingsField::Lifetime, m_lifetimeSpin));
    form->addRow(tr("La&nguage:"), m_languageCombo);
    return till;
}

QWidget *SettingsPage::buildSettingsForm(QWidget *parent)
{
    auto *form = new QWidget(parent);
    // The merchants first: what a shop owner comes here to fill in.
    m_wechat = new WechatSettingsBox(*m_fields, form);
    m_wechatV3 = new WechatV3SettingsBox(*m_fields, form);
    m_alipay = new AlipaySettingsBox(*m_fields, form);
    QWidget *till = buildTillBox(form);
    m_advanced = new AdvancedSettingsBox(*m_fields, form);

    auto *saveButton = new QPushButton(tr("Save settin&gs"), form);
    saveButton->setObjectName(u"saveSettingsButton"_s);
    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    auto *revertButton = new QPushButton(tr("&Revert"), form);
    revertButton->setObjectName(u"revertSettingsButton"_s);
    connect(revertButton, &QPushButton::clicked, this, &SettingsPage::load);
    m_message = new QLabel(form);
    m_message->setObjectName(u"settingsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(saveButton);
    buttons->addWidget(revertButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_wechat);
    layout->addWidget(m_wechatV3);
    layout->addWidget(m_alipay);
    layout->addWidget(till);
    layout->addWidget(m_advanced);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addStretch();
    return form;
}

void SettingsPage::showMessage(const QString &text, const QString &style)
{
    m_message->setText(text);
    m_message->setStyleSheet(style);
}

void SettingsPage::load()
{
    m_fields->clear();
    if (!m_editor) {
        showMessage(tr("This till was started without a configuration file."), QString());
        return;
    }
    auto settings = m_editor->load(m_staff);
    if (!settings) {
        showMessage(settings.error().message, QString());
        return;
    }
    m_wechat->load(*settings);
    m_wechatV3->load(settings->wechatV3);
    m_alipay->load(*settings);
    m_advanced->load(*settings);
    m_terminalEdit->setText(settings->terminalId);
    m_lifetimeSpin->setValue(settings->lifetimeMinutes);
    m_providerCombo->setCurrentIndex(
        std::max(0, m_providerCombo->findData(settings->defaultProvider)));
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(settings->language)));
    m_receipts->load(*settings);
    showMessage(tr("Settings file: %1").arg(m_editor->iniPath()), QString());
}

void SettingsPage::save()
{
    if (!m_editor)
        return;
    ShopSettings settings;
    m_wechat->store(settings);
    m_wechatV3->store(settings.wechatV3);
    m_alipay->store(settings);
    m_advanced->store(settings);
    settings.terminalId = m_terminalEdit->text().trimmed();
    settings.lifetimeMinutes = m_lifetimeSpin->value();
    settings.defaultProvider = m_providerCombo->currentData().toString();
    settings.language = m_languageCombo->currentData().toString();
    m_receipts->store(settings);
    // Every field at once, each message next to its field, before anything is written.
    if (const QList<SettingsProblem> problems = m_editor->check(settings); !problems.isEmpty()) {
        showMessage(m_fields->show(problems), u"color: #b3261e;"_s);
        return;
    }
    m_fields->clear();
    const Status saved = m_editor->save(m_staff, settings);
    if (!saved) {
        showMessage(saved.error().message, u"color: #b3261e;"_s);
        return;
    }
    load();
    showMessage(tr("Saved. Restart Shouyin for the changes to take effect."),
                u"color: #1b7f3b; font-weight: bold;"_s);
}

} // namespace shouyin
