#pragma once

#include "auth/staff.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace shouyin {

// A manager adds a user (name, role, PIN twice) or sets a new PIN for one. The dialog
// only collects and compares; the UserStore decides.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    // `existingName` empty: a new user; otherwise a new PIN for that user.
    explicit UserDialog(const QString &existingName, QWidget *parent = nullptr);

    QString name() const;
    Role role() const;
    QString pin() const;

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit *m_nameEdit;
    QComboBox *m_roleCombo;
    QLineEdit *m_pinEdit;
    QLineEdit *m_confirmEdit;
    QLabel *m_errorLabel;
};

} // namespace shouyin
