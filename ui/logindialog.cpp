#include "logindialog.h"

#include "auth/pinhasher.h"
#include "auth/userstore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

LoginDialog::LoginDialog(UserStore &users, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_userCombo(new QComboBox(this))
    , m_pinEdit(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
{
    setWindowTitle(tr("Sign in"));
    setModal(true);

    auto *title = new QLabel(tr("Sign in to the till"), this);
    QFont titleFont = title->font();
    titleFont.setPointSize(titleFont.pointSize() + 6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_userCombo->setObjectName(u"userCombo"_s);
    m_userCombo->addItems(users.activeUserNames());
    m_userCombo->setMinimumWidth(220);
    m_userCombo->setStyleSheet(u"font-size: 14pt; padding: 4px;"_s);

    m_pinEdit->setObjectName(u"pinEdit"_s);
    m_pinEdit->setEchoMode(QLineEdit::Password);
    m_pinEdit->setMaxLength(PinHasher::kMaxPinLength);
    m_pinEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"[0-9]{0,%1}"_s.arg(PinHasher::kMaxPinLength)), m_pinEdit));
    m_pinEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData |
                                   Qt::ImhNoPredictiveText);
    m_pinEdit->setStyleSheet(u"font-size: 18pt; padding: 4px; letter-spacing: 4px;"_s);
    m_pinEdit->setPlaceholderText(tr("PIN"));

    m_errorLabel->setObjectName(u"loginError"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&User:"), m_userCombo);
    form->addRow(tr("&PIN:"), m_pinEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(420, 240);
    m_pinEdit->setFocus();
}

void LoginDialog::selectUser(const QString &name)
{
    const int index = m_userCombo->findText(name);
    if (index >= 0)
        m_userCombo->setCurrentIndex(index);
    m_pinEdit->setFocus();
}

void LoginDialog::accept()
{
    const QString pin = m_pinEdit->text();
    // The check takes a noticeable moment on purpose (a slow hash).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto signedIn = m_users.signIn(m_userCombo->currentText(), pin);
    QApplication::restoreOverrideCursor();
    m_pinEdit->clear();
    if (!signedIn) {
        m_errorLabel->setText(signedIn.error().message);
        m_errorLabel->setVisible(true);
        m_pinEdit->setFocus();
        return;
    }
    m_staff = signedIn.value();
    QDialog::accept();
}

} // namespace shouyin
