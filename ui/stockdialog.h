#pragma once

#include "auth/staff.h"
#include "store/productbook.h"

#include <QDialog>
#include <QTimeZone>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace shouyin {

// Goods received, a stocktake count or a correction of one product's shelf count, each a
// row of the stock ledger. Like ProductDialog it asks the ProductBook itself and keeps
// what was typed when refused.
class StockDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Receive, Count, Adjust };

    StockDialog(ProductBook *products, const Staff &staff, const Product &product, Mode mode,
                QWidget *parent = nullptr);

    // The ledger's row, once accepted.
    const StockMove &move() const { return m_move; }

public Q_SLOTS:
    void accept() override;

private:
    void updatePreview();
    qint64 after() const;

    ProductBook *m_products;
    Staff m_staff;
    Product m_product;
    Mode m_mode;
    StockMove m_move;

    QSpinBox *m_quantitySpin;
    QLineEdit *m_reasonEdit;
    QLabel *m_previewLabel;
    QLabel *m_errorLabel;
};

// One product's past: its prices and its stock ledger, newest first, with who and when
// (in the shop's time zone).
class ProductHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    ProductHistoryDialog(ProductBook *products, const Product &product, const QTimeZone &zone,
                         QWidget *parent = nullptr);

    static QString kindText(StockMoveKind kind);

private:
    QString when(const QDateTime &at) const;
    void fillPrices(const QList<PriceChange> &changes);
    void fillMoves(const QList<StockMove> &moves);

    QTimeZone m_zone;
    QTableWidget *m_pricesTable;
    QTableWidget *m_movesTable;
    QLabel *m_errorLabel;
};

} // namespace shouyin
