#pragma once

#include "posservices.h"

#include <QWidget>

namespace shouyin {

// The manager's products: the catalogue with its stock, adding and changing products,
// retiring them, goods received, stocktake counts and adjustments, the low-stock list,
// the price history and stock ledger of each, and the CSV import with its preview.
class ProductsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProductsPage(const PosServices &services, QWidget *parent = nullptr);

private:
    PosServices m_services;
};

} // namespace shouyin
