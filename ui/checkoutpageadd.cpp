// How goods get into the cart: a product by its id (scanned, chosen in the list, a quick
// key), at the catalogue's price; an open-price product at the price the cashier types,
// within its limit; a weighing scale's label at the price (or weight) it carries.

#include "cartmodel.h"
#include "checkoutpage.h"
#include "errorsound.h"
#include "moneytext.h"
#include "store/catalog.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

#include <utility>

using namespace Qt::StringLiterals;

namespace shouyin {

bool CheckoutPage::addProduct(qint64 productId, int quantity)
{
    if (cartIsLocked(true))
        return false;
    const auto product = m_services.catalog ? m_services.catalog->byId(productId) : std::nullopt;
    if (!product || product->isRetired()) {
        showScanMessage(tr("This product is no longer in the catalogue."), true);
        return false;
    }
    if (product->hasOpenPrice())
        return askOpenPrice(*product, quantity);
    return addToCart(*product, quantity);
}

bool CheckoutPage::addToCart(const Product &product, int quantity)
{
    if (m_cartModel->cart().isEmpty())
        m_resultBanner->hide(); // a new customer: the last sale's result is old news
    const int row = m_cartModel->addProduct(product, quantity);
    if (row < 0) {
        showScanMessage(tr("Cannot add %1: at most %2 of one product.")
                            .arg(product.name)
                            .arg(Cart::kMaxQuantity),
                        true);
        return false;
    }
    m_cartView->selectRow(row);
    showScanMessage(quantity == 1 ? tr("Added %1 (%2)").arg(product.name, moneyText(product.price))
                                  : tr("Added %1 × %2 (%3)")
                                        .arg(product.name)
                                        .arg(quantity)
                                        .arg(moneyText(product.price)),
                    false);
    return true;
}

bool CheckoutPage::askOpenPrice(const Product &product, int quantity)
{
    if (m_priceAsk)
        return false;
    m_priceAsk = new QInputDialog(this);
    m_priceAsk->setObjectName(u"openPriceDialog"_s);
    m_priceAsk->setWindowTitle(tr("Price"));
    m_priceAsk->setLabelText(tr("Price of %1 (up to %2):")
                                 .arg(product.name, moneyText(product.openPriceMax.value_or(0))));
    m_priceAsk->setInputMode(QInputDialog::TextInput);
    if (product.price > 0)
        m_priceAsk->setTextValue(formatYuan(product.price));
    connect(m_priceAsk, &QInputDialog::finished, this, [this, product, quantity](int result) {
        const QString typed = m_priceAsk ? m_priceAsk->textValue().trimmed() : QString();
        if (m_priceAsk)
            std::exchange(m_priceAsk, nullptr)->deleteLater(); // the next scan may ask again
        if (result == QDialog::Accepted)
            addAtTypedPrice(product, quantity, typed);
        focusBarcode();
    });
    m_priceAsk->open();
    return true;
}

void CheckoutPage::addAtTypedPrice(Product product, int quantity, const QString &typed)
{
    const std::optional<Fen> price = parseYuan(typed);
    if (!price || *price <= 0 || *price > product.openPriceMax.value_or(0)) {
        showScanMessage(tr("%1 is not a price of %2: ¥0.01 to %3.")
                            .arg(typed, product.name, moneyText(product.openPriceMax.value_or(0))),
                        true);
        ErrorSound::play();
        return;
    }
    product.price = *price;
    addToCart(product, quantity);
}

bool CheckoutPage::addScaleLabel(const QString &code)
{
    const ScaleReadResult read = m_services.scales.read(code);
    if (read && !*read)
        return false; // not a label of the shop's scales
    if (!read) {
        // Its check digit is wrong: a misread label, never some other product's barcode.
        showScanMessage(tr("Scale label %1 was misread: scan it again.").arg(code), true);
        ErrorSound::play();
        return true;
    }
    const ScaleReading &label = **read;
    auto product = m_services.catalog ? m_services.catalog->byPlu(label.itemCode) : std::nullopt;
    if (!product) {
        showScanMessage(tr("No product has the scale code %1.").arg(label.itemCode), true);
        ErrorSound::play();
        return true;
    }
    product->price = label.price ? *label.price : priceForWeight(product->price, *label.grams);
    if (label.grams)
        product->name += u" %1 kg"_s.arg(QString::number(*label.grams / 1000.0, 'f', 3));
    addToCart(*product, 1);
    return true;
}

} // namespace shouyin
