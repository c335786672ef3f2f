#pragma once

#include "util/result.h"

#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace shouyin {

enum class Role { Cashier, Manager };

// What a signed-in person may do. Checked by the core services themselves, so a
// hidden button is a convenience, never the protection.
enum class Permission {
    Sell,            // ring up sales at the counter
    ViewOwnHistory,  // orders this person took
    ViewAllHistory,  // every terminal's and every cashier's orders
    ViewReports,     // daily totals and alerts
    Export,          // CSV export of history
    ChangeSettings,  // merchant configuration, listener, deadlines, language
    ManageUsers,     // create users, reset PINs, unlock
    OpenDrawer,      // approve opening the cash drawer without a sale (a no-sale)
    CloseAnyShift,   // close another cashier's shift (a cashier closes their own)
    PrintZReport,    // print the numbered Z-report that ends a till's period
    ApproveRefund,   // approve a return or refund (a cashier asks; a manager approves)
    ManageProducts,  // add, change and retire products; prices; stock received and counted
    ApproveDiscount, // give (or approve) discounts beyond a cashier's limit
};

namespace roleName {
inline constexpr QLatin1StringView kCashier{"cashier"};
inline constexpr QLatin1StringView kManager{"manager"};
} // namespace roleName

QString roleToString(Role role);
std::optional<Role> roleFromString(const QString &text);

// The person a core call is made for. Only UserStore creates a signed-in Staff (after a
// PIN check); a default-constructed one is nobody and may do nothing.
class Staff
{
public:
    Staff() = default;

    bool isSignedIn() const { return m_id > 0; }
    qint64 id() const { return m_id; }
    QString name() const { return m_name; }
    Role role() const { return m_role; }
    bool isManager() const { return isSignedIn() && m_role == Role::Manager; }

    bool can(Permission permission) const;
    // Success, or a FORBIDDEN error naming what was refused, for the core services.
    Status require(Permission permission) const;

private:
    friend class UserStore;
    Staff(qint64 id, QString name, Role role);

    qint64 m_id = 0;
    QString m_name;
    Role m_role = Role::Cashier;
};

} // namespace shouyin
