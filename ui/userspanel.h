#pragma once

#include "auth/staff.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace shouyin {

class UserStore;

// The manager's list of users: add one, set a new PIN (which also unlocks), deactivate
// or reactivate. Every action goes through UserStore, which checks the permission.
class UsersPanel : public QWidget
{
    Q_OBJECT
public:
    UsersPanel(UserStore *users, const Staff &staff, QWidget *parent = nullptr);

public Q_SLOTS:
    void reload();

private:
    QString selectedName() const;
    void addUser();
    void resetPin();
    void toggleActive();
    void report(const Status &status, const QString &done);

    UserStore *m_users;
    Staff m_staff;
    QTableWidget *m_table;
    QPushButton *m_activeButton;
    QLabel *m_message;
};

} // namespace shouyin
