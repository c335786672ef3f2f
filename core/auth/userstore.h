#pragma once

#include "auth/staff.h"
#include "util/result.h"
#include "util/shopclock.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>

#include <chrono>

namespace shouyin {

class Database;

// A user as a manager sees it in the user list; never the PIN hash.
struct UserInfo
{
    qint64 id = 0;
    QString name;
    Role role = Role::Cashier;
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntil; // invalid: not locked
    QDateTime createdAt;
};

// The `users` table: sign-in with name and PIN, lockout after repeated wrong PINs, and
// the manager's user administration. The only place a signed-in Staff is made.
//
// Lockout: every kMaxFailedAttempts-th wrong PIN in a row locks the user for
// kFirstLockout, doubling with each further lock up to a day; a right PIN or a manager's
// PIN reset clears the count. While locked, no PIN is even checked.
class UserStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxFailedAttempts = 5;
    static constexpr std::chrono::minutes kFirstLockout{5};
    static constexpr std::chrono::hours kLongestLockout{24};
    static constexpr int kMaxNameLength = 32;

    struct Options
    {
        int iterations = 0; // 0: PinHasher::kDefaultIterations
        ShopClock clock;    // lockouts run on it; their ends are told in its zone
    };

    explicit UserStore(Database &database, QObject *parent = nullptr);
    UserStore(Database &database, Options options, QObject *parent = nullptr);

    const ShopClock &clock() const { return m_options.clock; }

    // False on the very first start, before the first manager exists.
    bool hasUsers() const;
    // Names of active users, managers first, for the sign-in list.
    QStringList activeUserNames() const;

    // First start only: creates the shop's first manager. Refused once any user exists.
    Result<Staff> createFirstManager(const QString &name, const QString &pin);

    // UNKNOWN_USER, INACTIVE, LOCKED or WRONG_PIN (with the attempts left) on failure.
    Result<Staff> signIn(const QString &name, const QString &pin);

    // Manager only.
    Status createUser(const Staff &by, const QString &name, Role role, const QString &pin,
                      int iterations = 0);
    Status resetPin(const Staff &by, const QString &name, const QString &newPin);
    Status setActive(const Staff &by, const QString &name, bool active);
    Result<QList<UserInfo>> users(const Staff &by) const;

Q_SIGNALS:
    void usersChanged();

private:
    Result<qint64> insertUser(const QString &name, Role role, const QString &pin, int iterations,
                              bool onlyIfEmpty);
    Status recordFailure(qint64 userId, const QString &name, int *attemptsLeft,
                         QDateTime *lockedUntil);
    int iterations(int requested) const;
    QDateTime now() const;

    Database &m_database;
    Options m_options;
};

} // namespace shouyin
