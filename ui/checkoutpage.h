#pragma once

#include "checkout/cart.h"
#include "money/money.h"
#include "posservices.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

class QInputDialog;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shouyin {

class CartModel;
class CashDialog;
class DiscountDialog;
class ManagerApprovalDialog;
struct CashTaken;
class PaymentDialog;
class PaymentProvider;
class PaymentSession;
class ProductPicker;
class QuickKeys;
class RefundDialog;

// The counter: scan or pick products into the cart, see the total, Charge. Built for
// a barcode scanner (which types the code and presses Enter) and for keyboard-only use:
// the barcode field has the focus whenever nothing else asked for it.
//
// A customer's payment code (付款码) scanned anywhere — the barcode field, the cart, the
// payment dialog — charges the cart with the provider the code belongs to.
//
// Cash (F8) asks what the customer handed over and shows the change; cash that covers
// less than the total leaves the rest to a QR or payment code on the same order (split
// tender). Every paid sale goes to the receipt desk (receipt, drawer).
//
// Keys: Enter in the barcode field adds ("3*code" adds three), F3 product search
// (Down to the list, Enter adds), F4 cart (+/- quantity, Delete removes), F8 Cash, F9 the
// last receipt again, F12 Charge with the default provider, F10 WeChat Pay, F11 Alipay
// (when configured), Esc back to the barcode field, Ctrl+Z puts back what Delete or
// Clear cart took out (checkoutpageundo.cpp).
//
// No scan is dropped: one made while a payment is open is offered to the payment when it
// is a payment code, and otherwise kept and added once the payment is over; one made
// behind a return is kept likewise.
//
// Returns (checkoutpagereturn.cpp): with the cart empty, a receipt's order number scanned
// or typed into the barcode field opens that order's return and refund; F7 asks for one.
class CheckoutPage : public QWidget
{
    Q_OBJECT
public:
    explicit CheckoutPage(const PosServices &services, QWidget *parent = nullptr);
    ~CheckoutPage() override;

    const CartModel *cartModel() const { return m_cartModel; }
    PaymentDialog *paymentDialog() const; // while a payment is open
    void reloadProducts();
    // A payment or cash dialog is open, cash is on its way, or the order is part-paid in
    // cash: the counter must stay as it is (no change of user).
    bool saleInProgress() const;
    // The cart goes with the till, not the person: a change of user hands it over.
    QList<CartItem> cartItems() const;
    void restoreCart(const QList<CartItem> &items);
    // Larger rows and keys for a touch screen (besides growing with the window).
    void setTouchFriendly(bool touch);
    // Scans made while a payment or a return was open, waiting for it to end.
    QStringList keptScans() const { return m_keptScans; }
    // No sale starts while the database cannot record it.
    void setDatabaseAvailable(bool available);
    // The stored data changed (maybe at another till): the open payment looks again.
    void refreshPayment();

public Q_SLOTS:
    void charge(); // with the default provider
    // With the provider of that name ("wechat", "alipay"); nothing if it is not configured.
    void chargeWith(const QString &providerName);
    void clearCart();
    // A code the scanner typed: a product, or a payment code, wherever the focus was.
    void handleScan(const QString &code);
    // The cash key: asks what the customer handed over.
    void payCash();
    CashDialog *cashDialog() const;
    // The return key: asks for the order number on the customer's receipt.
    void askForReturn();
    RefundDialog *refundDialog() const;
    QInputDialog *returnAskDialog() const;
    // The open questions of held sales and open prices (null when none is open).
    QInputDialog *heldSalesDialog() const;
    QInputDialog *openPriceDialog() const;
    // F2's dialog while it is open, and the manager's approval it may lead to.
    DiscountDialog *discountDialog() const;
    ManagerApprovalDialog *discountApprovalDialog() const;
    // Puts back the lines the last Delete or Clear cart took out.
    void undoRemoval();

Q_SIGNALS:
    void saleCompleted(const QString &orderNo, qint64 amountFen);
    // A payment opened for the cart (its QR or payment code); it lives until the sale
    // ends. For the customer's display.
    void paymentOpened(shouyin::PaymentSession *session);
    void changeDue(const QString &orderNo, qint64 changeFen); // just before saleCompleted

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildUi();
    void addBarcode();
    bool addProduct(qint64 productId, int quantity);
    bool addToCart(const Product &product, int quantity);
    // Whether `code` was a payment code (charged, or refused with a message).
    bool chargeByCode(const QString &code);
    // A scan made while the payment dialog is open is offered to the payment.
    void offerToPayment(const QString &code);
    void startSession(PaymentProvider &provider, const QString &authCode);
    void updateTotals();
    void showScanMessage(const QString &text, bool error);
    void showResult(const QString &text, const QString &kind);
    void focusBarcode();
    void paymentFinished(int result);
    void onOrderChanged(qint64 orderId, OrderStatus status);
    QString describeCart() const;
    // What a late payment means for the counter: a cancelled order the customer paid after
    // all is a completed sale.
    void abandonedOrderPaid(qint64 orderId);
    // Scans kept while a dialog was open go into the cart once it has closed.
    void addKeptScans();
    // The cart's rows and the total grow with the window (checkoutpagescale.cpp).
    void applyScale(qreal scale);
    // Undo (checkoutpageundo.cpp).
    void buildUndo();
    void removeLine(int row);
    void rememberRemoved(const QList<CartItem> &items, const QString &message);
    void forgetRemoved();
    // Cash (checkoutpagecash.cpp).
    void connectReceiptDesk(); // what the printer says goes under the cart
    void takeCash(Fen given);
    void cashTaken(const CashTaken &taken);
    // A sale is paid, whatever paid it: the cart empties, the banner says so with the
    // change to give, and the receipt desk prints.
    void completeSale(qint64 orderId, const QString &orderNo, Fen total, Fen change,
                      bool cashTaken);
    // The cart belongs to an order part-paid in cash: it cannot change, only be paid or
    // cancelled. Says so when `say`.
    bool cartIsLocked(bool say);
    void cancelPartPaidOrder();
    void onCashReturned(qint64 orderId);
    // Returns (checkoutpagereturn.cpp). Null when the till offers none.
    QPushButton *buildReturnKey();
    // Held sales (checkoutpagehold.cpp): none without HeldSales.
    QList<QPushButton *> buildHoldKeys();
    QPushButton *buildDiscountKey();
    void askForDiscount();
    // Gives the chosen discount; beyond the cashier's limit only once a manager approved
    // it. Refused or not approved, the cart stays as it was.
    void discountChosen(const DiscountChoice &choice, const Cart &proposed);
    void holdSale();
    void askForHeldSale();
    void resumeHeldSale(qint64 id);
    // An open-price product: asks its price, then adds it. False if no question was asked.
    bool askOpenPrice(const Product &product, int quantity);
    void addAtTypedPrice(Product product, int quantity, const QString &typed);
    // A weighing scale's label: its item at the label's price (or weight). False when
    // `code` is no label of the shop's scales.
    bool addScaleLabel(const QString &code);
    // Whether `code` was an order number: its return opened, or refused with a message.
    bool openReturnFor(const QString &code);

    PosServices m_services;
    CartModel *m_cartModel;
    bool m_databaseAvailable = true;

    QLabel *m_resultBanner = nullptr;
    QLineEdit *m_barcodeEdit = nullptr;
    QLabel *m_scanMessage = nullptr;
    ProductPicker *m_productPicker = nullptr;
    QTableView *m_cartView = nullptr;
    QLabel *m_itemCountLabel = nullptr;
    QLabel *m_totalLabel = nullptr;
    QPushButton *m_clearButton = nullptr;
    QPushButton *m_chargeButton = nullptr;
    QPushButton *m_cashButton = nullptr;
    QPushButton *m_lastReceiptButton = nullptr;
    QList<QPushButton *> m_providerButtons;

    QPointer<PaymentSession> m_session;
    QPointer<PaymentDialog> m_dialog;
    // Orders the cashier gave up on, by id, with the goods they were for: a late payment
    // for one of them completes that sale, loudly.
    struct Abandoned
    {
        QString orderNo;
        QList<CartItem> items;
    };
    QHash<qint64, Abandoned> m_abandonedOrders;
    QStringList m_keptScans;
    // Orders given up because the customer offered a payment code instead: if one is
    // paid after all, the customer has paid twice.
    QHash<qint64, QString> m_replacedOrders;
    // The payment code that replaces the open payment once its dialog has closed.
    struct PendingCode
    {
        QPointer<PaymentProvider> provider;
        QString code;
    };
    std::optional<PendingCode> m_pendingCode;

    QPointer<CashDialog> m_cashDialog;
    bool m_takingCash = false; // cash is on its way to the ledger
    // The sale the customer paid part of in cash: the rest is charged on its order.
    struct PartPaid
    {
        qint64 orderId = 0;
        QString orderNo;
        Fen total = 0;
        Fen due = 0;
    };
    std::optional<PartPaid> m_partPaid;
    // Orders that took cash at this counter and are not yet paid: if one is cancelled,
    // the customer gets the cash back (orderNo, cash taken).
    QHash<qint64, std::pair<QString, Fen>> m_cashOrders;

    // What the last Delete or Clear cart took out, until Undo or the next sale.
    QList<CartItem> m_removed;
    QPushButton *m_undoButton = nullptr;

    bool m_touch = false;
    qreal m_scale = 0; // of the cart's and the total's text; 1 at a 1024×768 screen

    QPushButton *m_returnButton = nullptr;
    QPointer<QInputDialog> m_returnAsk;
    QPushButton *m_holdButton = nullptr;
    QuickKeys *m_quickKeys = nullptr;
    QPointer<QInputDialog> m_heldAsk;
    QPointer<QInputDialog> m_priceAsk;
    QPointer<RefundDialog> m_refundDialog;
    QPushButton *m_discountButton = nullptr;
    QPointer<DiscountDialog> m_discountAsk;
    QPointer<ManagerApprovalDialog> m_discountApproval;
};

} // namespace shouyin
