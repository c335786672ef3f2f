#pragma once

#include "store/records.h"

#include <QList>
#include <QWidget>

class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace shouyin {

// The catalogue beside the cart, for goods without a readable barcode: a search field
// (name or barcode digits) over the product list. Enter in the field takes the only
// match or moves into the list; Down moves into the list; Enter or double-click there
// chooses.
class ProductPicker : public QWidget
{
    Q_OBJECT
public:
    explicit ProductPicker(QWidget *parent = nullptr);

    void setProducts(const QList<Product> &products);
    void focusSearch();
    QLineEdit *searchField() const { return m_filter; }
    QTreeView *listView() const { return m_list; }

Q_SIGNALS:
    void productChosen(qint64 productId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void chooseFromSearch();
    void enterList();

    QStandardItemModel *m_products;
    QSortFilterProxyModel *m_filterModel;
    QLineEdit *m_filter;
    QTreeView *m_list;
};

} // namespace shouyin
