#pragma once

#include "auth/staff.h"

#include <QTimeZone>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;

namespace shouyin {

class AdvancedSettingsBox;
class AlipaySettingsBox;
class ReceiptSettingsBox;
class SettingsEditor;
class SettingsFields;
class UserStore;
class WechatSettingsBox;
class WechatV3SettingsBox;

// Manager only: the merchant of each provider (WeChat Pay's API key can be replaced but
// is never shown back), the till (terminal, default provider, QR deadline, language),
// the advanced settings folded away, the receipts and their printer, and the users.
// Every field is checked before anything is written, a refused one says why next to it.
// Saved settings apply at the next start. Scrolls when the screen is small (1024×768).
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    // `zone` and `training` as the till runs (the receipts' test page says so).
    SettingsPage(SettingsEditor *editor, UserStore *users, const Staff &staff, QTimeZone zone,
                 bool training, QWidget *parent = nullptr);
    ~SettingsPage() override;

    QScrollArea *scrollArea() const { return m_scroll; }

public Q_SLOTS:
    void load();
    void save();

private:
    QWidget *buildSettingsForm(QWidget *parent);
    QWidget *buildTillBox(QWidget *parent);
    void showMessage(const QString &text, const QString &style);

    SettingsEditor *m_editor;
    Staff m_staff;
    std::unique_ptr<SettingsFields> m_fields;
    QScrollArea *m_scroll = nullptr;
    WechatSettingsBox *m_wechat = nullptr;
    WechatV3SettingsBox *m_wechatV3 = nullptr;
    AlipaySettingsBox *m_alipay = nullptr;
    AdvancedSettingsBox *m_advanced = nullptr;
    QLineEdit *m_terminalEdit = nullptr;
    QComboBox *m_providerCombo = nullptr;
    QSpinBox *m_lifetimeSpin = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_message = nullptr;
    ReceiptSettingsBox *m_receipts = nullptr;
};

} // namespace shouyin
