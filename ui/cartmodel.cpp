#include "cartmodel.h"

#include "moneytext.h"

namespace shouyin {

CartModel::CartModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int CartModel::addProduct(const Product &product, int quantity)
{
    const int existing = m_cart.indexOf(product.id);
    if (existing < 0) {
        // Insert only once the cart has accepted, so that a refusal leaves no empty row.
        Cart probe = m_cart;
        if (probe.add(product, quantity) < 0)
            return -1;
        beginInsertRows({}, m_cart.size(), m_cart.size());
        const int row = m_cart.add(product, quantity);
        endInsertRows();
        Q_EMIT cartChanged();
        return row;
    }
    const int row = m_cart.add(product, quantity);
    if (row < 0)
        return -1;
    Q_EMIT dataChanged(index(row, NameColumn), index(row, TotalColumn));
    Q_EMIT cartChanged();
    return row;
}

bool CartModel::setQuantity(int row, int quantity)
{
    if (row < 0 || row >= m_cart.size())
        return false;
    if (quantity == 0)
        return removeLine(row);
    if (!m_cart.setQuantity(row, quantity))
        return false;
    Q_EMIT dataChanged(index(row, NameColumn), index(row, TotalColumn));
    Q_EMIT cartChanged();
    return true;
}

bool CartModel::changeQuantity(int row, int delta)
{
    if (row < 0 || row >= m_cart.size())
        return false;
    return setQuantity(row, m_cart.at(row).quantity + delta);
}

bool CartModel::removeLine(int row)
{
    if (row < 0 || row >= m_cart.size())
        return false;
    beginRemoveRows({}, row, row);
    m_cart.remove(row);
    endRemoveRows();
    Q_EMIT cartChanged();
    return true;
}

void CartModel::clear()
{
    if (m_cart.isEmpty())
        return;
    beginResetModel();
    m_cart.clear();
    endResetModel();
    Q_EMIT cartChanged();
}

bool CartModel::giveDiscount(const DiscountChoice &choice, const Staff &approver)
{
    if (!m_cart.give(choice))
        return false;
    m_cart.setApprover(approver);
    if (!m_cart.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(m_cart.size() - 1, ColumnCount - 1));
    Q_EMIT cartChanged();
    return true;
}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_cart.size();
}

int CartModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CartItem &item = m_cart.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (item.discount.percent > 0)
                return tr("%1  (%2% off)").arg(item.product.name).arg(item.discount.percent);
            if (item.discount.amount > 0)
                return tr("%1  (%2 off)").arg(item.product.name, moneyText(item.discount.amount));
            return item.product.name;
        case PriceColumn:
            return moneyText(item.product.price);
        case QuantityColumn:
            return item.quantity;
        case TotalColumn: // after the line's own discount; the sale's shows under the cart
            return moneyText(item.discountedTotal());
        }
        break;
    case Qt::EditRole:
        if (index.column() == QuantityColumn)
            return item.quantity;
        break;
    case Qt::ToolTipRole:
        return item.product.barcode;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        break;
    }
    return {};
}

QVariant CartModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Product");
    case PriceColumn:
        return tr("Unit price");
    case QuantityColumn:
        return tr("Qty");
    case TotalColumn:
        return tr("Total");
    }
    return {};
}

Qt::ItemFlags CartModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == QuantityColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

bool CartModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != QuantityColumn)
        return false;
    bool ok = false;
    const int quantity = value.toInt(&ok);
    return ok && quantity >= 0 && setQuantity(index.row(), quantity);
}

} // namespace shouyin
