#pragma once

#include "store/records.h"

#include <QList>
#include <QWidget>

class QTabWidget;

namespace shouyin {

// The counter's quick keys: the goods without a barcode (a bag, loose fruit), one button
// each, a tab per category. Hidden while the shop has none.
class QuickKeys : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kColumns = 3;

    explicit QuickKeys(QWidget *parent = nullptr);

    // Keeps the products marked as quick keys, by category then name.
    void setProducts(const QList<Product> &products);
    int keyCount() const { return m_keys; }

Q_SIGNALS:
    void productChosen(qint64 productId);

private:
    QTabWidget *m_tabs;
    int m_keys = 0;
};

} // namespace shouyin
