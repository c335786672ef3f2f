#pragma once

#include "auth/staff.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace shouyin {

class UserStore;

// A manager approves something at the till (a no-sale, say) with their name and PIN,
// over whoever is signed in, who stays signed in. A wrong PIN, or somebody who may not
// approve it, keeps the dialog open with the reason; only a PIN the UserStore accepted,
// of somebody allowed `needed`, closes it with that person as a signed-in Staff. A
// manager at the till types their PIN too: the approval is a deliberate act.
class ManagerApprovalDialog : public QDialog
{
    Q_OBJECT
public:
    // `what`: what is being approved, in the words the manager reads before the PIN.
    ManagerApprovalDialog(UserStore &users, Permission needed, const QString &what,
                          QWidget *parent = nullptr);

    void selectUser(const QString &name);
    Staff approver() const { return m_approver; }

public Q_SLOTS:
    void accept() override;

private:
    void showError(const QString &message);

    UserStore &m_users;
    Permission m_needed;
    Staff m_approver;
    QComboBox *m_userCombo;
    QLineEdit *m_pinEdit;
    QLabel *m_errorLabel;
    QPushButton *m_approveButton = nullptr;
};

} // namespace shouyin
