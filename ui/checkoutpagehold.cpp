// The counter's held sales (挂单 / 取单): F5 parks the cart while the customer fetches
// something, F6 brings a parked cart back, at this till or any other of the shop.

#include "cartmodel.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "errorsound.h"
#include "moneytext.h"
#include "store/catalog.h"
#include "store/heldsales.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTimeZone>

#include <utility>

using namespace Qt::StringLiterals;

namespace shouyin {

QInputDialog *CheckoutPage::heldSalesDialog() const
{
    return m_heldAsk;
}

QInputDialog *CheckoutPage::openPriceDialog() const
{
    return m_priceAsk;
}

QList<QPushButton *> CheckoutPage::buildHoldKeys()
{
    if (!m_services.heldSales)
        return {};
    m_holdButton = new QPushButton(tr("Hold (F5)"), this);
    m_holdButton->setObjectName(u"holdButton"_s);
    connect(m_holdButton, &QPushButton::clicked, this, &CheckoutPage::holdSale);
    connect(new QShortcut(QKeySequence(Qt::Key_F5), this), &QShortcut::activated, this,
            &CheckoutPage::holdSale);
    auto *resume = new QPushButton(tr("Held sales (F6)"), this);
    resume->setObjectName(u"resumeButton"_s);
    connect(resume, &QPushButton::clicked, this, &CheckoutPage::askForHeldSale);
    connect(new QShortcut(QKeySequence(Qt::Key_F6), this), &QShortcut::activated, this,
            &CheckoutPage::askForHeldSale);
    return {m_holdButton, resume};
}

void CheckoutPage::holdSale()
{
    if (!m_services.heldSales || cartIsLocked(true))
        return;
    const Cart &cart = m_cartModel->cart();
    if (cart.isEmpty()) {
        showScanMessage(tr("The cart is empty: there is nothing to hold."), true);
        return;
    }
    if (m_partPaid) {
        showScanMessage(tr("Part of this sale is paid: finish it, it cannot be held."), true);
        ErrorSound::play();
        return;
    }
    QList<HeldLine> lines;
    const QList<CartLine> cartLines = cart.toCartLines();
    for (int row = 0; row < cart.size(); ++row)
        lines.append({cartLines.at(row), cart.at(row).product.name, cart.at(row).product.price});
    auto held = m_services.heldSales->hold(lines, m_services.operatorName);
    if (!held) {
        // The cart stays as it was: nothing is lost when the database refuses.
        showScanMessage(tr("Cannot hold this sale: %1").arg(held.error().message), true);
        ErrorSound::play();
        return;
    }
    // A held sale is priced again when it is charged; its discounts (and their approval)
    // are given again then.
    const bool hadDiscounts = cart.hasDiscounts();
    forgetRemoved();
    m_cartModel->clear();
    QString message =
        tr("Held %n item(s), %1, as held sale %2. F6 brings it back.", nullptr, held->itemCount())
            .arg(moneyText(held->total))
            .arg(held->id);
    if (hadDiscounts)
        message += u' ' + tr("Its discounts are not kept: give them again when it comes back.");
    showScanMessage(message, false);
    focusBarcode();
}

void CheckoutPage::askForHeldSale()
{
    if (!m_services.heldSales || m_heldAsk || cartIsLocked(true))
        return;
    if (!m_cartModel->cart().isEmpty() || m_partPaid) {
        showScanMessage(tr("Hold or finish this sale first: a held sale comes back into an "
                           "empty cart."),
                        true);
        ErrorSound::play();
        return;
    }
    auto waiting = m_services.heldSales->waiting();
    if (!waiting) {
        showScanMessage(tr("Cannot read the held sales: %1").arg(waiting.error().message), true);
        return;
    }
    if (waiting->isEmpty()) {
        showScanMessage(tr("No sales are held."), false);
        return;
    }
    QStringList choices;
    QList<qint64> ids;
    const QTimeZone zone =
        m_services.checkout ? m_services.checkout->clock().zone() : QTimeZone::utc();
    for (const HeldSale &sale : std::as_const(*waiting)) {
        QString choice = tr("No. %4 — %1, %2 at %3 — %n item(s), %5", nullptr, sale.itemCount())
                             .arg(sale.heldAt.toTimeZone(zone).toString(u"HH:mm"_s),
                                  sale.operatorName, sale.terminalId)
                             .arg(sale.id)
                             .arg(moneyText(sale.total));
        if (!sale.note.isEmpty())
            choice += u" — "_s + sale.note;
        choices.append(choice);
        ids.append(sale.id);
    }
    m_heldAsk = new QInputDialog(this);
    m_heldAsk->setObjectName(u"heldSalesDialog"_s);
    m_heldAsk->setWindowTitle(tr("Held sales"));
    m_heldAsk->setLabelText(tr("Bring back which sale?"));
    m_heldAsk->setComboBoxItems(choices);
    m_heldAsk->setOkButtonText(tr("Bring back"));
    connect(m_heldAsk, &QInputDialog::finished, this, [this, ids, choices](int result) {
        const int index = m_heldAsk ? int(choices.indexOf(m_heldAsk->textValue())) : -1;
        if (m_heldAsk)
            std::exchange(m_heldAsk, nullptr)->deleteLater(); // F6 may ask again at once
        if (result == QDialog::Accepted && index >= 0)
            resumeHeldSale(ids.at(index));
        focusBarcode();
    });
    m_heldAsk->open();
}

void CheckoutPage::resumeHeldSale(qint64 id)
{
    auto resumed = m_services.heldSales->resume(id, m_services.operatorName);
    if (!resumed) {
        showScanMessage(resumed.error().message, true);
        ErrorSound::play();
        return;
    }
    QStringList missing;
    for (const HeldLine &held : std::as_const(resumed->lines)) {
        auto product =
            m_services.catalog ? m_services.catalog->byId(held.line.productId) : std::nullopt;
        if (!product || product->isRetired()) {
            missing.append(held.name);
            continue;
        }
        if (held.line.typedPrice)
            product->price = *held.line.typedPrice;
        if (m_cartModel->addProduct(*product, held.line.quantity) < 0)
            missing.append(held.name);
    }
    if (!missing.isEmpty()) {
        showScanMessage(tr("Held sale %1 is back, without %2: no longer sold.")
                            .arg(id)
                            .arg(missing.join(u", "_s)),
                        true);
        ErrorSound::play();
        return;
    }
    showScanMessage(
        tr("Held sale %1 is back: %n item(s).", nullptr, m_cartModel->cart().itemCount()).arg(id),
        false);
}

} // namespace shouyin
