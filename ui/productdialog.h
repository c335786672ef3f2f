#pragma once

#include "auth/staff.h"
#include "store/productbook.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace shouyin {

// A manager adds a product or changes one. The dialog itself asks the ProductBook, so a
// refusal (a barcode already taken, a price the rules forbid) shows in red under the
// fields and everything typed stays for the manager to correct.
class ProductDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing` empty: a new product (with its opening stock); otherwise that product.
    ProductDialog(ProductBook *products, const Staff &staff, const QStringList &categories,
                  const std::optional<Product> &existing, QWidget *parent = nullptr);

    // The product as written, once accepted.
    const Product &saved() const { return m_saved; }

public Q_SLOTS:
    void accept() override;

private:
    void fill(const Product &product);
    // The typed fields as a draft, or the reason they cannot be one.
    Result<ProductDraft> draft() const;
    void showError(const QString &text);

    ProductBook *m_products;
    Staff m_staff;
    std::optional<qint64> m_productId;
    Product m_saved;

    QLineEdit *m_barcodeEdit;
    QLineEdit *m_nameEdit;
    QComboBox *m_categoryCombo;
    QLineEdit *m_unitEdit;
    QLineEdit *m_priceEdit;
    QLineEdit *m_costEdit;
    QLineEdit *m_lowStockEdit;
    QCheckBox *m_openPriceCheck;
    QLineEdit *m_openPriceMaxEdit;
    QCheckBox *m_quickKeyCheck;
    QLineEdit *m_pluEdit;
    QSpinBox *m_openingStockSpin;
    QLabel *m_errorLabel;
};

} // namespace shouyin
