#include "userspanel.h"

#include "auth/userstore.h"
#include "userdialog.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

UsersPanel::UsersPanel(UserStore *users, const Staff &staff, QWidget *parent)
    : QWidget(parent)
    , m_users(users)
    , m_staff(staff)
    , m_table(new QTableWidget(0, 4, this))
    , m_activeButton(new QPushButton(tr("&Deactivate"), this))
    , m_message(new QLabel(this))
{
    m_table->setObjectName(u"usersTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("State"), tr("Wrong PINs")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *addButton = new QPushButton(tr("&Add user…"), this);
    addButton->setObjectName(u"addUserButton"_s);
    auto *pinButton = new QPushButton(tr("New &PIN…"), this);
    pinButton->setObjectName(u"resetPinButton"_s);
    m_activeButton->setObjectName(u"activeButton"_s);
    connect(addButton, &QPushButton::clicked, this, &UsersPanel::addUser);
    connect(pinButton, &QPushButton::clicked, this, &UsersPanel::resetPin);
    connect(m_activeButton, &QPushButton::clicked, this, &UsersPanel::toggleActive);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_table->currentRow();
        const bool active = row < 0 || m_table->item(row, 2)->data(Qt::UserRole).toBool();
        m_activeButton->setText(active ? tr("&Deactivate") : tr("Re&activate"));
    });
    if (m_users)
        connect(m_users, &UserStore::usersChanged, this, &UsersPanel::reload);
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(pinButton);
    buttons->addWidget(m_activeButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    reload();
}

void UsersPanel::reload()
{
    if (!m_users)
        return;
    auto users = m_users->users(m_staff);
    if (!users) {
        m_message->setText(users.error().message);
        return;
    }
    const ShopClock &clock = m_users->clock();
    const QDateTime now = clock.now();
    m_table->setRowCount(int(users->size()));
    for (int row = 0; row < users->size(); ++row) {
        const UserInfo &user = users->at(row);
        QString state = user.active ? tr("Active") : tr("Deactivated");
        if (user.lockedUntil.isValid() && user.lockedUntil > now)
            state = tr("Locked until %1")
                        .arg(user.lockedUntil.toTimeZone(clock.zone()).toString(u"HH:mm"_s));
        const QStringList cells{user.name,
                                user.role == Role::Manager ? tr("Manager") : tr("Cashier"), state,
                                QString::number(user.failedAttempts)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        m_table->item(row, 2)->setData(Qt::UserRole, user.active);
    }
}

QString UsersPanel::selectedName() const
{
    const int row = m_table->currentRow();
    return row >= 0 ? m_table->item(row, 0)->text() : QString();
}

void UsersPanel::report(const Status &status, const QString &done)
{
    m_message->setText(status ? done : status.error().message);
    m_message->setStyleSheet(status ? QString() : u"color: #b3261e;"_s);
}

void UsersPanel::addUser()
{
    UserDialog dialog(QString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status created = m_users->createUser(m_staff, dialog.name(), dialog.role(), dialog.pin());
    QApplication::restoreOverrideCursor();
    report(created, tr("%1 can sign in now.").arg(dialog.name()));
}

void UsersPanel::resetPin()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    UserDialog dialog(name, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status reset = m_users->resetPin(m_staff, name, dialog.pin());
    QApplication::restoreOverrideCursor();
    report(reset, tr("%1 has a new PIN and is unlocked.").arg(name));
}

void UsersPanel::toggleActive()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const QString name = selectedName();
    const bool active = m_table->item(row, 2)->data(Qt::UserRole).toBool();
    report(m_users->setActive(m_staff, name, !active),
           active ? tr("%1 can no longer sign in.").arg(name)
                  : tr("%1 can sign in again.").arg(name));
}

} // namespace shouyin
