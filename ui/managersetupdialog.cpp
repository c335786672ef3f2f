#include "managersetupdialog.h"

#include "auth/pinhasher.h"
#include "auth/userstore.h"
#include "pinfield.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

ManagerSetupDialog::ManagerSetupDialog(UserStore &users, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_nameEdit(new QLineEdit(tr("Manager"), this))
    , m_pinEdit(createPinField(this, u"pinEdit"_s))
    , m_confirmEdit(createPinField(this, u"confirmEdit"_s))
    , m_errorLabel(new QLabel(this))
{
    setWindowTitle(tr("Set up the manager"));
    setModal(true);
    auto *intro = new QLabel(tr("Welcome to Shouyin. Create the shop manager's account: the "
                                "manager signs in with this PIN to see History and Reports, "
                                "change Settings and add cashiers."),
                             this);
    intro->setWordWrap(true);
    m_nameEdit->setObjectName(u"nameEdit"_s);
    m_errorLabel->setObjectName(u"setupError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("Manager &name:"), m_nameEdit);
    form->addRow(
        tr("&PIN (%1 to %2 digits):").arg(PinHasher::kMinPinLength).arg(PinHasher::kMaxPinLength),
        m_pinEdit);
    form->addRow(tr("&Repeat the PIN:"), m_confirmEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *create = buttons->addButton(tr("Create manager"), QDialogButtonBox::AcceptRole);
    create->setObjectName(u"createButton"_s);
    create->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ManagerSetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ManagerSetupDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(460, 260);
    m_pinEdit->setFocus();
}

void ManagerSetupDialog::accept()
{
    const auto fail = [this](const QString &message) {
        m_errorLabel->setText(message);
        m_errorLabel->setVisible(true);
        m_pinEdit->clear();
        m_confirmEdit->clear();
        m_pinEdit->setFocus();
    };
    if (m_pinEdit->text() != m_confirmEdit->text())
        return fail(tr("The two PINs differ."));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto created = m_users.createFirstManager(m_nameEdit->text(), m_pinEdit->text());
    QApplication::restoreOverrideCursor();
    if (!created)
        return fail(created.error().message);
    m_staff = created.value();
    QDialog::accept();
}

} // namespace shouyin
