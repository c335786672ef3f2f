#pragma once

#include "auth/staff.h"

#include <QTimeZone>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace shouyin {

class ReceiptSettingsBox;
class SettingsEditor;
class UserStore;

// Manager only: the merchant (the API key can be replaced but is never shown back),
// the notification listener, the payment deadlines, the default provider, the language,
// the receipts and their printer, and the users. Saved settings apply at the next start.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    // `zone` and `training` as the till runs (the receipts' test page says so).
    SettingsPage(SettingsEditor *editor, UserStore *users, const Staff &staff, QTimeZone zone,
                 bool training, QWidget *parent = nullptr);

public Q_SLOTS:
    void load();
    void save();

private:
    QWidget *buildSettingsForm();

    SettingsEditor *m_editor;
    Staff m_staff;
    QLineEdit *m_terminalEdit = nullptr;
    QLineEdit *m_appIdEdit = nullptr;
    QLineEdit *m_merchantIdEdit = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QLineEdit *m_gatewayEdit = nullptr;
    QComboBox *m_signTypeCombo = nullptr;
    QLineEdit *m_listenEdit = nullptr;
    QLineEdit *m_publicUrlEdit = nullptr;
    QSpinBox *m_lifetimeSpin = nullptr;
    QSpinBox *m_timeoutSpin = nullptr;
    QComboBox *m_providerCombo = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_message = nullptr;
    ReceiptSettingsBox *m_receipts = nullptr;
};

} // namespace shouyin
