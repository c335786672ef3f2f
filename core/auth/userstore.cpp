#include "userstore.h"

#include "auth/pinhasher.h"
#include "store/database.h"
#include "store/sqlwriter.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcAuth, "shouyin.auth")

namespace {

Error invalid(ErrorCode code, const QString &message)
{
    return Error{code, message};
}

bool isPrintableName(const QString &name)
{
    return std::none_of(name.cbegin(), name.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; });
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

} // namespace

UserStore::UserStore(Database &database, QObject *parent)
    : UserStore(database, Options{}, parent)
{}

UserStore::UserStore(Database &database, Options options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_options(std::move(options))
{}

QDateTime UserStore::now() const
{
    return m_options.clock.now();
}

int UserStore::iterations(int requested) const
{
    if (requested > 0)
        return requested;
    return m_options.iterations > 0 ? m_options.iterations : PinHasher::kDefaultIterations;
}

bool UserStore::hasUsers() const
{
    QSqlQuery query(m_database.connection());
    return query.exec(u"SELECT 1 FROM users LIMIT 1"_s) && query.next();
}

QStringList UserStore::activeUserNames() const
{
    QStringList names;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT name FROM users WHERE active = 1 "
                    "ORDER BY role = 'manager' DESC, name"_s))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

Result<qint64> UserStore::insertUser(const QString &name, Role role, const QString &pin, int rounds,
                                     bool onlyIfEmpty)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxNameLength || !isPrintableName(trimmed))
        return invalid(ErrorCode::BadName,
                       tr("A user name needs 1 to %1 characters.").arg(kMaxNameLength));
    if (!PinHasher::isWellFormed(pin))
        return invalid(ErrorCode::BadPin, tr("A PIN is %1 to %2 digits.")
                                              .arg(PinHasher::kMinPinLength)
                                              .arg(PinHasher::kMaxPinLength));
    // Hashing takes a noticeable moment: done before the transaction, not holding a lock.
    const QByteArray salt = PinHasher::newSalt();
    const QByteArray hash = PinHasher::hash(pin, salt, rounds);
    if (hash.isEmpty())
        return invalid(ErrorCode::Hash, tr("The PIN could not be protected."));

    qint64 id = 0;
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        if (onlyIfEmpty) {
            auto any = sql.row(u"SELECT 1 FROM users LIMIT 1"_s);
            if (!any)
                return any.error();
            if (!any->isEmpty())
                return invalid(ErrorCode::AlreadySetUp, tr("The shop already has users."));
        }
        auto taken = sql.row(u"SELECT 1 FROM users WHERE name = ?"_s, {trimmed});
        if (!taken)
            return taken.error();
        if (!taken->isEmpty())
            return invalid(ErrorCode::NameTaken,
                           tr("There is already a user called %1.").arg(trimmed));
        auto inserted = sql.row(
            u"INSERT INTO users (name, role, pin_hash, pin_salt, iterations, failed_attempts, "
            "created_at, active) VALUES (?, ?, ?, ?, ?, 0, ?, 1) RETURNING id"_s,
            {trimmed, roleToString(role), QString::fromLatin1(hash.toHex()),
             QString::fromLatin1(salt.toHex()), rounds, SqlWriter::time(now())});
        if (!inserted)
            return inserted.error();
        id = inserted->value(0).toLongLong();
        return success();
    });
    if (!status)
        return status.error();
    qCInfo(lcAuth) << "user" << trimmed << "created as" << roleToString(role);
    m_database.afterCommit([this] { Q_EMIT usersChanged(); });
    return id;
}

Result<Staff> UserStore::createFirstManager(const QString &name, const QString &pin)
{
    auto id = insertUser(name, Role::Manager, pin, iterations(0), true);
    if (!id)
        return id.error();
    return Staff(*id, name.trimmed(), Role::Manager);
}

Status UserStore::createUser(const Staff &by, const QString &name, Role role, const QString &pin,
                             int rounds)
{
    if (auto allowed = by.require(Permission::ManageUsers); !allowed)
        return allowed;
    auto id = insertUser(name, role, pin, iterations(rounds), false);
    if (!id)
        return id.error();
    return success();
}

Result<Staff> UserStore::signIn(const QString &name, const QString &pin)
{
    SqlWriter sql(m_database);
    auto row = sql.row(u"SELECT id, role, pin_hash, pin_salt, iterations, locked_until, active "
                       "FROM users WHERE name = ?"_s,
                       {name.trimmed()});
    if (!row)
        return row.error();
    if (row->isEmpty()) {
        // The same slow work as a real check, so timing does not tell names apart.
        PinHasher::hash(pin, QByteArrayLiteral("shouyin-no-user"), iterations(0));
        return invalid(ErrorCode::UnknownUser,
                       tr("There is no user called %1.").arg(name.trimmed()));
    }
    const qint64 id = row->at(0).toLongLong();
    const auto role = roleFromString(row->at(1).toString());
    const QDateTime lockedUntil = timeFrom(row->at(5));
    if (!role)
        return invalid(ErrorCode::BadRole, tr("The user %1 has no valid role.").arg(name));
    if (!row->at(6).toBool())
        return invalid(ErrorCode::Inactive, tr("The user %1 has been deactivated.").arg(name));
    const QDateTime current = now();
    if (lockedUntil.isValid() && lockedUntil > current)
        return invalid(
            ErrorCode::Locked,
            tr("Too many wrong PINs: %1 is locked until %2.")
                .arg(name, lockedUntil.toTimeZone(m_options.clock.zone()).toString(u"HH:mm:ss"_s)));

    const QByteArray salt = QByteArray::fromHex(row->at(3).toString().toLatin1());
    const QByteArray expected = QByteArray::fromHex(row->at(2).toString().toLatin1());
    if (!PinHasher::verify(pin, salt, row->at(4).toInt(), expected)) {
        int attemptsLeft = 0;
        QDateTime lockEnd;
        if (auto recorded = recordFailure(id, name, &attemptsLeft, &lockEnd); !recorded)
            return recorded.error();
        if (lockEnd.isValid())
            return invalid(
                ErrorCode::Locked,
                tr("Too many wrong PINs: %1 is locked until %2.")
                    .arg(name, lockEnd.toTimeZone(m_options.clock.zone()).toString(u"HH:mm:ss"_s)));
        return invalid(ErrorCode::WrongPin,
                       attemptsLeft == 1
                           ? tr("Wrong PIN. 1 more attempt before the account is locked.")
                           : tr("Wrong PIN. %1 more attempts before the account is locked.")
                                 .arg(attemptsLeft));
    }

    // Conditional: a lock set by another terminal while this PIN was being checked wins.
    auto cleared = sql.exec(u"UPDATE users SET failed_attempts = 0, locked_until = NULL "
                            "WHERE id = ? AND active = 1 AND (locked_until IS NULL OR "
                            "locked_until <= ?)"_s,
                            {id, SqlWriter::time(current)});
    if (!cleared)
        return cleared.error();
    if (*cleared != 1)
        return invalid(ErrorCode::Locked,
                       tr("The user %1 is locked or was deactivated.").arg(name));
    qCInfo(lcAuth) << "signed in:" << name << roleToString(*role);
    return Staff(id, name.trimmed(), *role);
}

Status UserStore::recordFailure(qint64 userId, const QString &name, int *attemptsLeft,
                                QDateTime *lockedUntil)
{
    SqlWriter sql(m_database);
    return m_database.transaction([&]() -> Status {
        auto counted = sql.row(u"UPDATE users SET failed_attempts = failed_attempts + 1 "
                               "WHERE id = ? RETURNING failed_attempts"_s,
                               {userId});
        if (!counted)
            return counted.error();
        const int failures = counted->value(0).toInt();
        *attemptsLeft = kMaxFailedAttempts - failures % kMaxFailedAttempts;
        if (failures % kMaxFailedAttempts != 0) {
            qCInfo(lcAuth) << "wrong PIN for" << name << "failures in a row:" << failures;
            return success();
        }
        const int locks = failures / kMaxFailedAttempts;
        const qint64 longest = std::chrono::milliseconds(kLongestLockout).count();
        const qint64 first = std::chrono::milliseconds(kFirstLockout).count();
        const qint64 ms = std::min<qint64>(longest, first << std::min(locks - 1, 16));
        *lockedUntil = now().addMSecs(ms);
        qCWarning(lcAuth) << "user" << name << "locked after" << failures << "wrong PINs, for"
                          << ms / 1000 << "s";
        auto locked = sql.exec(u"UPDATE users SET locked_until = ? WHERE id = ?"_s,
                               {SqlWriter::time(*lockedUntil), userId});
        if (!locked)
            return locked.error();
        return success();
    });
}

Status UserStore::resetPin(const Staff &by, const QString &name, const QString &newPin)
{
    if (auto allowed = by.require(Permission::ManageUsers); !allowed)
        return allowed;
    if (!PinHasher::isWellFormed(newPin))
        return invalid(ErrorCode::BadPin, tr("A PIN is %1 to %2 digits.")
                                              .arg(PinHasher::kMinPinLength)
                                              .arg(PinHasher::kMaxPinLength));
    const int rounds = iterations(0);
    const QByteArray salt = PinHasher::newSalt();
    const QByteArray hash = PinHasher::hash(newPin, salt, rounds);
    if (hash.isEmpty())
        return invalid(ErrorCode::Hash, tr("The PIN could not be protected."));
    SqlWriter sql(m_database);
    auto updated = sql.exec(
        u"UPDATE users SET pin_hash = ?, pin_salt = ?, iterations = ?, "
        "failed_attempts = 0, locked_until = NULL WHERE name = ?"_s,
        {QString::fromLatin1(hash.toHex()), QString::fromLatin1(salt.toHex()), rounds, name});
    if (!updated)
        return updated.error();
    if (*updated != 1)
        return invalid(ErrorCode::UnknownUser, tr("There is no user called %1.").arg(name));
    qCInfo(lcAuth) << "PIN of" << name << "reset by" << by.name();
    Q_EMIT usersChanged();
    return success();
}

Status UserStore::setActive(const Staff &by, const QString &name, bool active)
{
    if (auto allowed = by.require(Permission::ManageUsers); !allowed)
        return allowed;
    if (!active && name == by.name())
        return invalid(ErrorCode::Self, tr("You cannot deactivate yourself."));
    SqlWriter sql(m_database);
    Status status = m_database.transaction([&]() -> Status {
        auto updated =
            sql.exec(u"UPDATE users SET active = ? WHERE name = ?"_s, {active ? 1 : 0, name});
        if (!updated)
            return updated.error();
        if (*updated != 1)
            return invalid(ErrorCode::UnknownUser, tr("There is no user called %1.").arg(name));
        // Checked after the change, inside the transaction, so two terminals deactivating
        // the last two managers at once cannot both succeed.
        auto managers =
            sql.row(u"SELECT COUNT(*) FROM users WHERE role = 'manager' AND active = 1"_s);
        if (!managers)
            return managers.error();
        if (managers->value(0).toInt() == 0)
            return invalid(ErrorCode::LastManager,
                           tr("The shop needs at least one active manager."));
        return success();
    });
    if (!status)
        return status;
    qCInfo(lcAuth) << "user" << name << (active ? "activated" : "deactivated") << "by" << by.name();
    Q_EMIT usersChanged();
    return success();
}

Result<QList<UserInfo>> UserStore::users(const Staff &by) const
{
    if (auto allowed = by.require(Permission::ManageUsers); !allowed)
        return allowed.error();
    QList<UserInfo> list;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, name, role, active, failed_attempts, locked_until, created_at "
                    "FROM users ORDER BY role = 'manager' DESC, name"_s))
        return sqlError(u"list users"_s, query.lastError());
    while (query.next()) {
        UserInfo user;
        user.id = query.value(0).toLongLong();
        user.name = query.value(1).toString();
        user.role = roleFromString(query.value(2).toString()).value_or(Role::Cashier);
        user.active = query.value(3).toBool();
        user.failedAttempts = query.value(4).toInt();
        user.lockedUntil = timeFrom(query.value(5));
        user.createdAt = timeFrom(query.value(6));
        list.append(user);
    }
    return list;
}

} // namespace shouyin
