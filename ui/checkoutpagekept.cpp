// What the counter keeps so that nothing the cashier or the customer did is lost: scans
// made while a dialog was open, the cart across a change of user, and a sale whose
// payment arrived after the cashier had given up on it.

#include "cartmodel.h"
#include "cashdialog.h"
#include "checkout/paymentsession.h"
#include "checkoutpage.h"
#include "errorsound.h"
#include "moneytext.h"
#include "paymentdialog.h"
#include "receiptdesk.h"
#include "refunddialog.h"
#include "store/catalog.h"
#include "store/orderstore.h"

#include <QLabel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

bool sameGoods(const QList<CartItem> &a, const QList<CartItem> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const CartItem &x, const CartItem &y) {
                          return x.product.id == y.product.id && x.quantity == y.quantity;
                      });
}

Fen itemsTotal(const QList<CartItem> &items)
{
    Fen total = 0;
    for (const CartItem &item : items)
        total += item.lineTotal();
    return total;
}

} // namespace

bool CheckoutPage::saleInProgress() const
{
    return m_dialog || m_cashDialog || m_takingCash || m_partPaid || m_refundDialog;
}

QList<CartItem> CheckoutPage::cartItems() const
{
    return m_cartModel->cart().items();
}

void CheckoutPage::restoreCart(const QList<CartItem> &items)
{
    int pieces = 0;
    for (const CartItem &item : items) {
        if (m_cartModel->addProduct(item.product, item.quantity) >= 0)
            pieces += item.quantity;
    }
    if (pieces > 0)
        showScanMessage(tr("The cart was kept: %n item(s).", nullptr, pieces), false);
}

void CheckoutPage::addKeptScans()
{
    const QStringList scans = std::exchange(m_keptScans, {});
    int added = 0;
    for (const QString &code : scans) {
        const auto product =
            m_services.catalog ? m_services.catalog->byBarcode(code) : std::nullopt;
        if (product && addProduct(product->id, 1))
            ++added;
    }
    if (added > 0)
        showScanMessage(tr("Added %n item(s) scanned while the dialog was open.", nullptr, added),
                        false);
}

void CheckoutPage::abandonedOrderPaid(qint64 orderId)
{
    const auto found = m_abandonedOrders.constFind(orderId);
    if (found == m_abandonedOrders.cend())
        return;
    const Abandoned abandoned = *found;
    m_abandonedOrders.erase(found);
    Fen total = itemsTotal(abandoned.items);
    if (m_services.orders) {
        if (const auto order = m_services.orders->order(orderId))
            total = order->total;
    }
    ErrorSound::play();
    const bool stillInCart = sameGoods(m_cartModel->cart().items(), abandoned.items);
    if (stillInCart && m_session && m_session->state() == PaymentSession::State::Paid) {
        // Charged again and paid again before the late payment was known.
        showResult(tr("Order %1 was paid after all, and the same goods were paid again: the "
                      "customer has paid twice. Refund order %1 to them (History).")
                       .arg(abandoned.orderNo),
                   u"alert"_s);
        return;
    }
    if (stillInCart && m_dialog) {
        // The cashier is charging the same goods again: that payment must not be taken too.
        // Cancelling it keeps the cart, which the paid order then takes.
        m_dialog->reject();
    }
    if (stillInCart && !m_dialog) {
        completeSale(orderId, abandoned.orderNo, total, 0, false);
        showResult(tr("Order %1 (%2) was paid after all: the sale is complete. Do not charge "
                      "these goods again.")
                       .arg(abandoned.orderNo, moneyText(total)),
                   u"alert"_s);
        return;
    }
    // The cart has moved on to other goods (or another customer): only the receipt of the
    // paid order, and the cashier told.
    if (m_services.receipts)
        m_services.receipts->saleCompleted(orderId, false);
    showResult(tr("Order %1 (%2) was paid after all: those goods are sold. The cart now holds "
                  "other goods; check them before charging.")
                   .arg(abandoned.orderNo, moneyText(total)),
               u"alert"_s);
}

} // namespace shouyin
