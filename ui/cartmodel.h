#pragma once

#include "checkout/cart.h"

#include <QAbstractTableModel>

namespace shouyin {

// The cart as a table: name, unit price, quantity (editable), line total. Every change
// of the cart goes through this model so that views and the total stay in step.
class CartModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PriceColumn, QuantityColumn, TotalColumn, ColumnCount };

    explicit CartModel(QObject *parent = nullptr);

    const Cart &cart() const { return m_cart; }

    // Returns the row of the product's line, or -1 if the cart refused the quantity.
    int addProduct(const Product &product, int quantity = 1);
    bool setQuantity(int row, int quantity); // 0 removes the row
    bool changeQuantity(int row, int delta);
    bool removeLine(int row);
    void clear();
    // Gives the discount with who approved it (nobody: within the cashier's limit); false,
    // and nothing changed, when the cart refuses it.
    bool giveDiscount(const DiscountChoice &choice, const Staff &approver);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void cartChanged(); // after any change: total, emptiness

private:
    Cart m_cart;
};

} // namespace shouyin
