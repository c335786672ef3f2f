#pragma once

#include "auth/staff.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace shouyin {

class UserStore;

// The very first start of a real till: there is no user yet, so the shop's manager is
// created here, with a PIN typed twice. Never shown once any user exists (the core
// refuses a second first manager anyway).
class ManagerSetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ManagerSetupDialog(UserStore &users, QWidget *parent = nullptr);

    Staff staff() const { return m_staff; }

public Q_SLOTS:
    void accept() override;

private:
    UserStore &m_users;
    Staff m_staff;
    QLineEdit *m_nameEdit;
    QLineEdit *m_pinEdit;
    QLineEdit *m_confirmEdit;
    QLabel *m_errorLabel;
};

} // namespace shouyin
