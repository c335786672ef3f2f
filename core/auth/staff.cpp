#include "staff.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace shouyin {

QString roleToString(Role role)
{
    return role == Role::Manager ? QString(roleName::kManager) : QString(roleName::kCashier);
}

std::optional<Role> roleFromString(const QString &text)
{
    if (text == roleName::kManager)
        return Role::Manager;
    if (text == roleName::kCashier)
        return Role::Cashier;
    return std::nullopt;
}

Staff::Staff(qint64 id, QString name, Role role)
    : m_id(id)
    , m_name(std::move(name))
    , m_role(role)
{}

bool Staff::can(Permission permission) const
{
    if (!isSignedIn())
        return false;
    if (m_role == Role::Manager)
        return true;
    switch (permission) {
    case Permission::Sell:
    case Permission::ViewOwnHistory:
        return true;
    case Permission::ViewAllHistory:
    case Permission::ViewReports:
    case Permission::Export:
    case Permission::ChangeSettings:
    case Permission::ManageUsers:
    case Permission::OpenDrawer:
    case Permission::CloseAnyShift:
    case Permission::PrintZReport:
    case Permission::ApproveRefund:
    case Permission::ManageProducts:
    case Permission::ApproveDiscount:
        return false;
    }
    return false;
}

} // namespace shouyin

namespace shouyin {

Status Staff::require(Permission permission) const
{
    if (can(permission))
        return success();
    if (!isSignedIn())
        return Error{ErrorCode::NotSignedIn,
                     QCoreApplication::translate("shouyin::Staff", "Please sign in first.")};
    return Error{
        ErrorCode::Forbidden,
        QCoreApplication::translate("shouyin::Staff", "%1 is not allowed to do this; a manager is.")
            .arg(m_name)};
}

} // namespace shouyin
