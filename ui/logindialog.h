#pragma once

#include "auth/staff.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace shouyin {

class UserStore;

// Sign-in at the till: pick your name, type your PIN, Enter. A wrong PIN keeps the
// dialog open with the core's answer (attempts left, or locked until when); only a PIN
// the UserStore accepted closes it with a signed-in Staff.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(UserStore &users, QWidget *parent = nullptr);

    void selectUser(const QString &name);
    Staff staff() const { return m_staff; }

public Q_SLOTS:
    void accept() override;

private:
    UserStore &m_users;
    Staff m_staff;
    QComboBox *m_userCombo;
    QLineEdit *m_pinEdit;
    QLabel *m_errorLabel;
    QPushButton *m_signInButton;
};

} // namespace shouyin
