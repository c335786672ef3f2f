#pragma once

#include "posservices.h"
#include "stockdialog.h"
#include "store/records.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <optional>

class QCheckBox;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTableView;

namespace shouyin {

// The manager's products: the catalogue with its stock, adding and changing products,
// retiring them, goods received, stocktake counts and adjustments, the low-stock list,
// the price history and stock ledger of each, and the CSV import with its preview.
//
// The list is the ProductBook's, read again whenever the page shows and after every
// change. Dialogs open with open(), never exec(): the till's event loop keeps running.
class ProductsPage : public QWidget
{
    Q_OBJECT
public:
    // `services.products` must be set; `services.staff` is who works the page.
    explicit ProductsPage(const PosServices &services, QWidget *parent = nullptr);
    ~ProductsPage() override;

    // The dialog open now, if any (for tests).
    QDialog *dialog() const { return m_dialog; }
    // The product of the selected row.
    std::optional<Product> selectedProduct() const;

public Q_SLOTS:
    void reload();
    void addProduct();
    void editProduct();
    void toggleRetired(); // retires the selected product, or restores a retired one
    void receiveGoods();
    void countStock();
    void adjustStock();
    void showHistory();
    void importCsv();

Q_SIGNALS:
    // A product was added, changed, retired or imported: the counter's lists are old.
    void productsChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void openDialog(QDialog *dialog);
    void openStockDialog(StockDialog::Mode mode);
    void updateButtons();
    void select(qint64 productId);
    void showMessage(const QString &text, bool error);
    QList<QStandardItem *> rowOf(const Product &product) const;

    PosServices m_services;
    QTimeZone m_zone;
    QList<Product> m_products; // what the table shows, by id in the rows' first column
    QStringList m_categories;

    QLineEdit *m_searchEdit = nullptr;
    QCheckBox *m_showRetiredCheck = nullptr;
    QCheckBox *m_lowOnlyCheck = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_retireButton = nullptr;
    QPushButton *m_receiveButton = nullptr;
    QPushButton *m_countButton = nullptr;
    QPushButton *m_adjustButton = nullptr;
    QPushButton *m_historyButton = nullptr;
    QLabel *m_message = nullptr;
    QPointer<QDialog> m_dialog;
};

} // namespace shouyin
