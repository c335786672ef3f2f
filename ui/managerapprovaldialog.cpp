#include "managerapprovaldialog.h"

#include "auth/userstore.h"
#include "pinfield.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

ManagerApprovalDialog::ManagerApprovalDialog(UserStore &users, Permission needed,
                                             const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_needed(needed)
    , m_userCombo(new QComboBox(this))
    , m_pinEdit(createPinField(this, u"approvalPinEdit"_s))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(u"managerApprovalDialog"_s);
    setWindowTitle(tr("Manager approval"));
    setModal(true);

    auto *title = new QLabel(tr("A manager's approval is needed"), this);
    QFont titleFont = title->font();
    titleFont.setPointSize(titleFont.pointSize() + 4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *whatLabel = new QLabel(what, this);
    whatLabel->setObjectName(u"approvalWhatLabel"_s);
    whatLabel->setWordWrap(true);

    m_userCombo->setObjectName(u"approvalUserCombo"_s);
    // Managers come first, so the usual approver is already chosen.
    m_userCombo->addItems(users.activeUserNames());
    m_userCombo->setMinimumWidth(220);
    m_userCombo->setStyleSheet(u"font-size: 14pt; padding: 4px;"_s);

    m_pinEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData |
                                   Qt::ImhNoPredictiveText);
    m_pinEdit->setStyleSheet(u"font-size: 18pt; padding: 4px; letter-spacing: 4px;"_s);
    m_pinEdit->setPlaceholderText(tr("PIN"));

    m_errorLabel->setObjectName(u"approvalError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Manager:"), m_userCombo);
    form->addRow(tr("&PIN:"), m_pinEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_approveButton = buttons->addButton(tr("Approve"), QDialogButtonBox::AcceptRole);
    m_approveButton->setObjectName(u"approveButton"_s);
    m_approveButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ManagerApprovalDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ManagerApprovalDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(whatLabel);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(440, 280);
    m_pinEdit->setFocus();
}

void ManagerApprovalDialog::selectUser(const QString &name)
{
    const int index = m_userCombo->findText(name);
    if (index >= 0)
        m_userCombo->setCurrentIndex(index);
    m_pinEdit->setFocus();
}

void ManagerApprovalDialog::accept()
{
    const QString name = m_userCombo->currentText();
    if (name.isEmpty()) {
        showError(tr("Choose the manager who approves."));
        return;
    }
    // The check takes a noticeable moment on purpose (a slow hash).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto signedIn = m_users.signIn(name, m_pinEdit->text());
    QApplication::restoreOverrideCursor();
    m_pinEdit->clear();
    if (!signedIn) {
        showError(signedIn.error().message);
        return;
    }
    if (!signedIn->can(m_needed)) {
        showError(tr("%1 may not approve this: a manager must.").arg(name));
        return;
    }
    m_approver = signedIn.value();
    QDialog::accept();
}

void ManagerApprovalDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(true);
    m_pinEdit->setFocus();
}

} // namespace shouyin
