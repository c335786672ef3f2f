#include "checkoutpage.h"

#include "cartmodel.h"
#include "cashdialog.h"
#include "checkout/checkoutclient.h"
#include "checkout/paymentcodes.h"
#include "checkout/paymentsession.h"
#include "displaytext.h"
#include "errorsound.h"
#include "moneytext.h"
#include "pay/paymentprovider.h"
#include "paymentdialog.h"
#include "productpicker.h"
#include "quickkeys.h"
#include "receiptdesk.h"
#include "refunddialog.h"
#include "scancatcher.h"
#include "store/catalog.h"
#include "store/database.h"
#include "trainingcodes.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// WeChat shows the description on the customer's phone and limits it to 128 bytes.
constexpr int kMaxDescriptionChars = 30;

QString bannerStyle(const QString &kind)
{
    if (kind == u"paid")
        return u"background: #1b7f3a; color: white; font-size: 16pt; font-weight: bold; "
               "padding: 8px; border-radius: 4px;"_s;
    if (kind == u"alert")
        return u"background: #b3261e; color: white; font-size: 14pt; font-weight: bold; "
               "padding: 8px; border-radius: 4px;"_s;
    return u"background: #f5c542; color: black; font-size: 14pt; padding: 8px; "
           "border-radius: 4px;"_s;
}

} // namespace

CheckoutPage::CheckoutPage(const PosServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_cartModel(new CartModel(this))
    , m_databaseAvailable(!services.database || services.database->isAvailable())
{
    if (m_services.paymentOptions.operatorName.isEmpty())
        m_services.paymentOptions.operatorName = m_services.operatorName;
    buildUi();
    reloadProducts();
    connect(m_cartModel, &CartModel::cartChanged, this, &CheckoutPage::updateTotals);
    if (m_services.checkout)
        connect(m_services.checkout, &CheckoutClient::orderChanged, this,
                &CheckoutPage::onOrderChanged);
    updateTotals();
    setFocusProxy(m_barcodeEdit);
    connect(new ScanCatcher(this), &ScanCatcher::scanned, this, &CheckoutPage::handleScan);
    connectReceiptDesk();
}

CheckoutPage::~CheckoutPage() = default;

PaymentDialog *CheckoutPage::paymentDialog() const
{
    return m_dialog;
}

void CheckoutPage::buildUi()
{
    m_resultBanner = new QLabel(this);
    m_resultBanner->setObjectName(u"resultBanner"_s);
    m_resultBanner->setWordWrap(true);
    m_resultBanner->setVisible(false);

    auto *barcodeCaption = new QLabel(tr("&Barcode:"), this);
    m_barcodeEdit = new QLineEdit(this);
    m_barcodeEdit->setObjectName(u"barcodeEdit"_s);
    m_barcodeEdit->setPlaceholderText(tr("Scan or type a barcode, then Enter"));
    m_barcodeEdit->setClearButtonEnabled(true);
    m_barcodeEdit->setStyleSheet(u"font-size: 16pt; padding: 4px;"_s);
    barcodeCaption->setBuddy(m_barcodeEdit);
    connect(m_barcodeEdit, &QLineEdit::returnPressed, this, &CheckoutPage::addBarcode);

    m_scanMessage = new QLabel(this);
    m_scanMessage->setObjectName(u"scanMessage"_s);
    m_scanMessage->setMinimumHeight(m_scanMessage->fontMetrics().height() + 4);

    m_cartView = new QTableView(this);
    m_cartView->setObjectName(u"cartView"_s);
    m_cartView->setModel(m_cartModel);
    m_cartView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cartView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cartView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::EditKeyPressed);
    m_cartView->setTabKeyNavigation(false);
    m_cartView->verticalHeader()->hide();
    m_cartView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cartView->horizontalHeader()->setSectionResizeMode(CartModel::NameColumn,
                                                         QHeaderView::Stretch);
    for (const int column : {CartModel::PriceColumn, CartModel::TotalColumn})
        m_cartView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Fixed);
    m_cartView->installEventFilter(this);
    m_barcodeEdit->installEventFilter(this); // Ctrl+Z: the cart's undo once the field is empty

    m_clearButton = new QPushButton(tr("C&lear cart"), this);
    m_clearButton->setObjectName(u"clearButton"_s);
    connect(m_clearButton, &QPushButton::clicked, this, &CheckoutPage::clearCart);

    m_itemCountLabel = new QLabel(this);
    m_itemCountLabel->setObjectName(u"itemCountLabel"_s);
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(u"totalLabel"_s);
    m_totalLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_chargeButton = new QPushButton(tr("Charge (F12)"), this);
    m_chargeButton->setObjectName(u"chargeButton"_s);
    m_chargeButton->setMinimumHeight(48);
    m_chargeButton->setStyleSheet(u"font-size: 16pt; font-weight: bold; padding: 4px 24px;"_s);
    connect(m_chargeButton, &QPushButton::clicked, this, &CheckoutPage::charge);

    m_cashButton = new QPushButton(tr("Cash (F8)"), this);
    m_cashButton->setObjectName(u"cashButton"_s);
    m_cashButton->setMinimumHeight(48);
    connect(m_cashButton, &QPushButton::clicked, this, &CheckoutPage::payCash);

    m_lastReceiptButton = new QPushButton(tr("Last receipt (F9)"), this);
    m_lastReceiptButton->setObjectName(u"lastReceiptButton"_s);
    m_lastReceiptButton->setVisible(m_services.receipts != nullptr);
    connect(m_lastReceiptButton, &QPushButton::clicked, this, [this] {
        if (m_services.receipts)
            m_services.receipts->printLastReceipt();
    });

    m_productPicker = new ProductPicker(this);
    connect(m_productPicker, &ProductPicker::productChosen, this, [this](qint64 productId) {
        if (addProduct(productId, 1))
            focusBarcode();
    });

    auto *barcodeRow = new QHBoxLayout;
    barcodeRow->addWidget(barcodeCaption);
    barcodeRow->addWidget(m_barcodeEdit, 1);
    // Training: beside the field a scanner types into, where the customer's code would go;
    // the field gives up the room, so the window grows no wider.
    if (QPushButton *training = makeTrainingCodeButton(
            m_services.trainingCodes, this, [this](const QString &code) { handleScan(code); }))
        barcodeRow->addWidget(training);

    // Under the cart, beside Clear cart: the barcode field keeps its room for the scan.
    auto *totalsRow = new QHBoxLayout;
    totalsRow->addWidget(m_clearButton);
    totalsRow->addWidget(m_lastReceiptButton);
    if (QPushButton *returnKey = buildReturnKey())
        totalsRow->addWidget(returnKey);
    for (QPushButton *holdKey : buildHoldKeys())
        totalsRow->addWidget(holdKey);
    totalsRow->addStretch();
    totalsRow->addWidget(m_itemCountLabel);
    totalsRow->addSpacing(12);
    totalsRow->addWidget(m_totalLabel);
    // The tenders have a row of their own under the total: side by side they made the
    // counter wider than a 1024×768 screen.
    auto *tenderRow = new QHBoxLayout;
    tenderRow->addWidget(buildDiscountKey());
    // One button per provider when the shop takes more than one; the big one charges with
    // the default.
    const bool severalProviders = m_services.providers.offered().size() > 1;
    for (const ProviderKind &kind : ProviderRegistry::kinds()) {
        if (!severalProviders || !m_services.providers.offered(kind.name))
            continue;
        const QKeySequence key(kind.chargeKey);
        auto *button = new QPushButton(tr("%1 (%2)").arg(DisplayText::provider(kind.name),
                                                         key.toString(QKeySequence::NativeText)),
                                       this);
        button->setObjectName(kind.name + u"ChargeButton"_s);
        button->setMinimumHeight(48);
        connect(button, &QPushButton::clicked, this,
                [this, name = kind.name] { chargeWith(name); });
        auto *shortcut = new QShortcut(key, this);
        connect(shortcut, &QShortcut::activated, this,
                [this, name = kind.name] { chargeWith(name); });
        m_providerButtons.append(button);
        tenderRow->addWidget(button, 1);
    }
    tenderRow->addWidget(m_cashButton, 1);
    tenderRow->addWidget(m_chargeButton, 2);

    buildUndo();
    auto *messageRow = new QHBoxLayout;
    messageRow->addWidget(m_scanMessage, 1);
    messageRow->addWidget(m_undoButton);

    auto *left = new QVBoxLayout;
    left->addLayout(barcodeRow);
    left->addLayout(messageRow);
    left->addWidget(m_cartView, 1);
    left->addLayout(totalsRow);
    left->addLayout(tenderRow);

    // Quick keys under the search: goods without a barcode, a tap away.
    m_quickKeys = new QuickKeys(this);
    m_quickKeys->setObjectName(u"quickKeys"_s);
    connect(m_quickKeys, &QuickKeys::productChosen, this, [this](qint64 productId) {
        addProduct(productId, 1);
        focusBarcode();
    });
    auto *right = new QVBoxLayout;
    right->addWidget(m_productPicker, 3);
    right->addWidget(m_quickKeys, 2);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addSpacing(8);
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_resultBanner);
    layout->addLayout(columns, 1);

    setTabOrder(m_barcodeEdit, m_productPicker->searchField());
    setTabOrder(m_productPicker->searchField(), m_productPicker->listView());
    setTabOrder(m_productPicker->listView(), m_cartView);
    setTabOrder(m_cartView, m_clearButton);
    setTabOrder(m_clearButton, m_cashButton);
    setTabOrder(m_cashButton, m_chargeButton);

    auto *chargeShortcut = new QShortcut(QKeySequence(Qt::Key_F12), this);
    connect(chargeShortcut, &QShortcut::activated, this, &CheckoutPage::charge);
    auto *cashShortcut = new QShortcut(QKeySequence(Qt::Key_F8), this);
    connect(cashShortcut, &QShortcut::activated, this, &CheckoutPage::payCash);
    auto *receiptShortcut = new QShortcut(QKeySequence(Qt::Key_F9), this);
    connect(receiptShortcut, &QShortcut::activated, m_lastReceiptButton, &QPushButton::click);
    auto *searchShortcut = new QShortcut(QKeySequence(Qt::Key_F3), this);
    connect(searchShortcut, &QShortcut::activated, m_productPicker, &ProductPicker::focusSearch);
    auto *cartShortcut = new QShortcut(QKeySequence(Qt::Key_F4), this);
    connect(cartShortcut, &QShortcut::activated, this, [this] {
        m_cartView->setFocus(Qt::ShortcutFocusReason);
        if (!m_cartView->currentIndex().isValid() && m_cartModel->rowCount() > 0)
            m_cartView->selectRow(m_cartModel->rowCount() - 1);
    });
    applyScale(1.0);

    auto *backShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    backShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(backShortcut, &QShortcut::activated, this, &CheckoutPage::focusBarcode);
}

void CheckoutPage::reloadProducts()
{
    const QList<Product> products =
        m_services.catalog ? m_services.catalog->products() : QList<Product>();
    m_productPicker->setProducts(products);
    m_quickKeys->setProducts(products);
}

void CheckoutPage::addBarcode()
{
    QString code = m_barcodeEdit->text().trimmed();
    if (code.isEmpty())
        return;
    int quantity = 1;
    // "3*6901234567890": the cashier types the count before scanning a multipack.
    static const QRegularExpression multiplied(u"^(\\d{1,4})\\s*[*xX]\\s*(\\S+)$"_s);
    if (const auto match = multiplied.match(code); match.hasMatch()) {
        quantity = match.captured(1).toInt();
        code = match.captured(2);
    }
    const auto product = m_services.catalog ? m_services.catalog->byBarcode(code) : std::nullopt;
    if (!product && quantity == 1 && openReturnFor(code)) {
        m_barcodeEdit->clear();
        return;
    }
    if (!product && quantity == 1 && chargeByCode(code)) {
        m_barcodeEdit->clear(); // a payment code is never left on screen
        return;
    }
    if (!product && quantity == 1 && addScaleLabel(code)) {
        m_barcodeEdit->clear();
        return;
    }
    if (!product) {
        showScanMessage(tr("Unknown barcode: %1").arg(code), true);
        ErrorSound::play();
        m_barcodeEdit->selectAll(); // the next scan replaces it
        return;
    }
    if (quantity <= 0 || !addProduct(product->id, quantity)) {
        m_barcodeEdit->selectAll();
        return;
    }
    m_barcodeEdit->clear();
}

void CheckoutPage::clearCart()
{
    if (m_dialog || m_cashDialog || m_takingCash)
        return; // the cart is what is being paid for
    const QList<CartItem> items = m_cartModel->cart().items();
    const int pieces = m_cartModel->cart().itemCount();
    const bool partPaid = m_partPaid.has_value();
    if (partPaid)
        cancelPartPaidOrder();
    m_cartModel->clear();
    showScanMessage({}, false);
    // A cancelled part-paid order is gone with its cash: nothing to put back.
    if (!partPaid && !items.isEmpty())
        rememberRemoved(items, tr("Cart cleared (%n item(s)).", nullptr, pieces));
    focusBarcode();
}

void CheckoutPage::charge()
{
    if (PaymentProvider *provider = m_services.providers.defaultProvider())
        chargeWith(provider->name());
}

void CheckoutPage::chargeWith(const QString &providerName)
{
    PaymentProvider *provider = m_services.providers.offered(providerName);
    if (m_dialog || m_cashDialog || m_takingCash || m_cartModel->cart().isEmpty() ||
        !m_services.checkout || !provider)
        return;
    startSession(*provider, {});
}

void CheckoutPage::handleScan(const QString &code)
{
    if (m_dialog)
        return offerToPayment(code);
    if (m_refundDialog) {
        // The counter waits behind a return; a product scanned meanwhile waits with it.
        if (const auto product =
                m_services.catalog ? m_services.catalog->byBarcode(code) : std::nullopt) {
            m_keptScans.append(code);
            showScanMessage(tr("%1 is kept for when the return is done.").arg(product->name),
                            false);
        } else {
            showScanMessage(tr("Finish the return first: %1 was not used.").arg(code), true);
            ErrorSound::play();
        }
        return;
    }
    m_barcodeEdit->setText(code);
    addBarcode();
    focusBarcode();
}

bool CheckoutPage::chargeByCode(const QString &code)
{
    PaymentProvider *provider = paymentcodes::providerFor(m_services.providers, code);
    if (!provider && !paymentcodes::looksLikePaymentCode(code))
        return false;
    if (!provider) {
        showScanMessage(tr("This payment code is not one the shop accepts. Ask the customer to "
                           "pay another way."),
                        true);
        ErrorSound::play();
    } else if (m_cartModel->cart().isEmpty()) {
        showScanMessage(tr("Scan the goods first: the cart is empty. The payment code was not "
                           "charged."),
                        true);
        ErrorSound::play();
    } else if (m_services.checkout) {
        startSession(*provider, code);
    }
    return true;
}

void CheckoutPage::startSession(PaymentProvider &provider, const QString &authCode)
{
    if (!m_databaseAvailable) {
        showResult(tr("The database server is unreachable: no payment can be recorded, so "
                      "none is taken. The cart is kept."),
                   u"alert"_s);
        return;
    }
    PaymentSession::Options options = m_services.paymentOptions;
    if (options.description.isEmpty())
        options.description = describeCart();
    forgetRemoved(); // the cart is what is being paid for now
    // The session places the order and opens its payment in one commit, on the ledger
    // thread; the dialog shows at once and follows it.
    m_session = new PaymentSession(*m_services.checkout, provider, m_cartModel->cart().toSale(),
                                   options, this);
    if (m_partPaid)
        m_session->continueOrder(m_partPaid->orderId, m_partPaid->orderNo, m_partPaid->due);
    if (authCode.isEmpty())
        m_session->start();
    else
        m_session->startWithCode(authCode);

    m_dialog = new PaymentDialog(m_session, m_services.simulateCustomer,
                                 m_services.checkout->clock(), this);
    connect(m_dialog, &QDialog::finished, this, &CheckoutPage::paymentFinished);
    m_dialog->addTrainingCodes(m_services.trainingCodes);
    connect(m_dialog, &PaymentDialog::codeOffered, this, &CheckoutPage::offerToPayment);
    QList<std::pair<QString, QKeySequence>> switches;
    for (const ProviderKind &kind : ProviderRegistry::kinds()) {
        if (m_services.providers.offered(kind.name))
            switches.append({kind.name, QKeySequence(kind.chargeKey)});
    }
    if (switches.size() > 1)
        m_dialog->offerSwitches(switches);
    connect(m_dialog, &PaymentDialog::switchRequested, this, [this](const QString &name) {
        PaymentProvider *to = m_services.providers.offered(name);
        if (to && m_session && m_session->canSwitch())
            m_session->switchTo(*to); // the same order, and its number, with the other QR
    });
    connect(m_dialog, &PaymentDialog::qrInsteadRequested, this, [this] {
        if (!m_session)
            return;
        if (PaymentProvider *qr = m_services.providers.offered(m_session->provider().name()))
            m_session->payAgain(*qr);
    });
    Q_EMIT paymentOpened(m_session);
    // open(), not exec(): the event loop stays the application's, so polls, timers and
    // tests keep running while the customer pays.
    m_dialog->open();
}

void CheckoutPage::offerToPayment(const QString &code)
{
    PaymentProvider *provider = paymentcodes::providerFor(m_services.providers, code);
    PaymentSession *session = m_session;
    if (!provider || !session) {
        if (const auto product =
                m_services.catalog ? m_services.catalog->byBarcode(code) : std::nullopt) {
            m_keptScans.append(code);
            m_dialog->showScanNote(tr("%1 is kept for when this payment is over (%n scan(s) "
                                      "waiting).",
                                      nullptr, int(m_keptScans.size()))
                                       .arg(product->name));
            return;
        }
        m_dialog->showScanNote(paymentcodes::looksLikePaymentCode(code)
                                   ? tr("This payment code is not one the shop accepts.")
                                   : tr("Unknown code: %1").arg(code));
        ErrorSound::play();
        return;
    }
    if (session->state() == PaymentSession::State::Paid) {
        m_dialog->showScanNote(tr("This sale is paid already: the code was not charged."));
        return;
    }
    if (session->canPayAgain()) {
        session->payAgain(*provider, code);
        return;
    }
    if (session->canSwitch()) {
        // The customer offers their code instead of the QR on screen: the same order.
        session->switchTo(*provider, code);
        return;
    }
    // The customer offers their code instead of the open payment: that one is given up as
    // Cancel gives it up (closed, or reversed), and if it is paid after all the till says
    // the customer paid twice.
    m_pendingCode = PendingCode{provider, code};
    m_dialog->reject();
}

void CheckoutPage::paymentFinished(int result)
{
    Q_UNUSED(result);
    PaymentSession *session = m_session;
    if (m_dialog) {
        m_dialog->disconnect(this); // one result per sale, however the dialog ends
        m_dialog->deleteLater();
    }
    m_dialog = nullptr;
    m_session = nullptr;
    if (!session) {
        m_pendingCode.reset();
        focusBarcode();
        return;
    }
    const QString orderNo = session->orderNo();
    // A part-paid order's rest is settled either way: paid, or on its way to cancelled
    // (whose cash the ledger gives back, see onCashReturned).
    const std::optional<PartPaid> partPaid = m_partPaid && m_partPaid->orderId == session->orderId()
                                                 ? std::exchange(m_partPaid, {})
                                                 : std::nullopt;
    switch (session->state()) {
    case PaymentSession::State::Paid:
        completeSale(session->orderId(), orderNo, partPaid ? partPaid->total : session->amount(), 0,
                     false);
        break;
    case PaymentSession::State::Expired:
        m_abandonedOrders.insert(session->orderId(), {orderNo, m_cartModel->cart().items()});
        showResult(tr("The QR code for order %1 expired without payment. The cart is kept: "
                      "press F12 to charge again.")
                       .arg(orderNo),
                   u"warning"_s);
        break;
    default:
        if (m_pendingCode) {
            if (!orderNo.isEmpty())
                m_replacedOrders.insert(session->orderId(), orderNo);
            break;
        }
        if (orderNo.isEmpty()) {
            // Given up before the order was placed, or it could not be: nothing was
            // charged, and an order placed meanwhile is cancelled by the session.
            showResult(tr("Payment cancelled. The cart is kept: press F12 to charge again."),
                       u"warning"_s);
            break;
        }
        m_abandonedOrders.insert(session->orderId(), {orderNo, m_cartModel->cart().items()});
        showResult(tr("Payment of order %1 cancelled. The cart is kept: press F12 to charge again.")
                       .arg(orderNo),
                   u"warning"_s);
        break;
    }
    session->deleteWhenIdle();
    // Not every window manager hands the activation back when a modal dialog closes, and
    // the next scan must land in this window's barcode field.
    activateWindow();
    focusBarcode();
    if (const auto pending = std::exchange(m_pendingCode, std::nullopt);
        pending && pending->provider && !m_cartModel->cart().isEmpty())
        startSession(*pending->provider, pending->code);
    if (!m_dialog)
        addKeptScans();
}

void CheckoutPage::onOrderChanged(qint64 orderId, OrderStatus status)
{
    if (status == OrderStatus::Cancelled)
        return onCashReturned(orderId);
    if (status != OrderStatus::Paid)
        return;
    m_cashOrders.remove(orderId);
    if (const auto replaced = m_replacedOrders.constFind(orderId);
        replaced != m_replacedOrders.cend()) {
        showResult(tr("Order %1 was paid too, after the customer's payment code: the customer "
                      "has paid twice. Refund order %1 to them (History).")
                       .arg(*replaced),
                   u"alert"_s);
        ErrorSound::play();
        m_replacedOrders.erase(replaced);
        return;
    }
    abandonedOrderPaid(orderId);
}

bool CheckoutPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_cartView && cartIsLocked(false)) {
        switch (key->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Minus:
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            cartIsLocked(true);
            return true;
        default:
            return QWidget::eventFilter(watched, event);
        }
    }
    if (watched == m_barcodeEdit && key->matches(QKeySequence::Undo) &&
        m_barcodeEdit->text().isEmpty() && !m_removed.isEmpty()) {
        undoRemoval();
        return true;
    }
    if (watched == m_cartView) {
        const int row = m_cartView->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            m_cartModel->changeQuantity(row, 1);
            return true;
        case Qt::Key_Minus:
            if (row >= 0 && m_cartModel->cart().at(row).quantity > 1)
                m_cartModel->changeQuantity(row, -1);
            return true; // removing is Delete's job, never a slip of "-"
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            removeLine(row);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CheckoutPage::setDatabaseAvailable(bool available)
{
    m_databaseAvailable = available;
    updateTotals();
    if (m_dialog)
        m_dialog->setDatabaseAvailable(available);
}

void CheckoutPage::refreshPayment()
{
    if (m_session)
        m_session->refresh();
}

void CheckoutPage::updateTotals()
{
    const Cart &cart = m_cartModel->cart();
    m_totalLabel->setText(moneyText(m_partPaid ? m_partPaid->due : cart.total()));
    QString count = m_partPaid ? tr("Still due, of %1:").arg(moneyText(m_partPaid->total))
                               : tr("%n item(s)", nullptr, cart.itemCount());
    if (!m_partPaid && cart.hasDiscounts()) {
        const PricedSale priced = cart.priced();
        if (priced.gross > priced.total)
            count += u" · "_s + tr("%1 off").arg(moneyText(priced.gross - priced.total));
    }
    m_itemCountLabel->setText(count);
    const bool canCharge = !cart.isEmpty() && m_databaseAvailable;
    m_chargeButton->setEnabled(canCharge);
    m_cashButton->setEnabled(canCharge && m_services.checkout);
    for (QPushButton *button : std::as_const(m_providerButtons))
        button->setEnabled(canCharge);
    m_clearButton->setEnabled(!cart.isEmpty());
    // A part-paid sale is an order already: its price is fixed.
    m_discountButton->setEnabled(!cart.isEmpty() && !m_partPaid);
}

void CheckoutPage::showScanMessage(const QString &text, bool error)
{
    m_scanMessage->setText(text);
    // An error is read from a step away: white on red, as large as the barcode field.
    m_scanMessage->setStyleSheet(error && !text.isEmpty()
                                     ? u"background: #b3261e; color: white; font-size: 14pt; "
                                       "font-weight: bold; padding: 2px 6px;"_s
                                     : QString());
}

void CheckoutPage::showResult(const QString &text, const QString &kind)
{
    m_resultBanner->setText(text);
    m_resultBanner->setStyleSheet(bannerStyle(kind));
    m_resultBanner->setProperty("kind", kind);
    m_resultBanner->show();
}

void CheckoutPage::focusBarcode()
{
    m_barcodeEdit->setFocus(Qt::OtherFocusReason);
    m_barcodeEdit->selectAll();
}

QString CheckoutPage::describeCart() const
{
    const Cart &cart = m_cartModel->cart();
    if (cart.isEmpty())
        return {};
    QString name = cart.at(0).product.name;
    if (name.size() > kMaxDescriptionChars)
        name = name.left(kMaxDescriptionChars - 1) + u'…';
    return cart.size() == 1 ? name
                            : tr("%1 and %n more item(s)", nullptr, cart.size() - 1).arg(name);
}

} // namespace shouyin
