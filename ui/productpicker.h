#pragma once

#include "catalog/productsearch.h"
#include "store/records.h"

#include <QList>
#include <QWidget>

class QLineEdit;
class QModelIndex;
class QStandardItemModel;
class QTreeView;

namespace shouyin {

class RankedFilterModel;

// The catalogue beside the cart, for goods without a readable barcode: a search field
// over the product list, by name, barcode digits or pinyin ("kkkl" or "kekou" for
// 可口可乐), best matches first. Enter in the field takes the only
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
    void search(const QString &query);

    QStandardItemModel *m_products;
    RankedFilterModel *m_filterModel;
    // Null when ICU cannot make its transliterator: then names and barcodes are matched
    // as typed, without pinyin.
    std::optional<ProductSearch> m_search;
    QLineEdit *m_filter;
    QTreeView *m_list;
};

} // namespace shouyin
