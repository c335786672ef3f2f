#pragma once

#include "money/money.h"

#include <QPointer>
#include <QWidget>

#include <chrono>
#include <functional>
#include <optional>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace shouyin {

class Cart;
class CheckoutPage;
class PaymentSession;
class QrWidget;

// The customer's screen (客显): what the customer reads while the cashier rings up the
// sale. The lines and the total as they are scanned; the QR to pay, large, under the
// provider's name and colour and on white, as the providers' brand guidelines ask; then
// "paid, thank you" with the change for cash; then a welcome until the next sale. In
// training it says so on every view: a customer must never think money moved.
//
// It only shows: it never takes the keyboard (the cashier's scanner types into the
// counter) and it decides nothing about the sale.
class CustomerDisplay : public QWidget
{
    Q_OBJECT
public:
    enum class View { Welcome, Cart, Payment, Paid };
    Q_ENUM(View)

    // Runs `then` once `delay` has passed, unless `context` is gone. Tests pass their own
    // so that no suite waits for the thank-you to end.
    using Timer = std::function<void(std::chrono::milliseconds delay, QObject *context,
                                     std::function<void()> then)>;
    // Long enough to read the change, short enough to be gone for the next customer.
    static constexpr std::chrono::milliseconds kThankYouTime{6000};

    explicit CustomerDisplay(bool training, QWidget *parent = nullptr);

    void setShopName(const QString &name);
    void setTimer(Timer timer);

    // Follows a counter: its cart, the payments it opens, the sales it completes. Null
    // stops following (the cashier signed out).
    void follow(CheckoutPage *page);
    CheckoutPage *page() const;

    View view() const { return m_view; }

    // What follow() shows; public so that a counter of another kind can drive it too.
    void showWelcome();
    void showCart(const Cart &cart); // an empty cart: the welcome
    void showPayment(PaymentSession *session);
    void showPaid(Fen amount, Fen change);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildWelcome();
    QWidget *buildCartView();
    QWidget *buildPaymentView();
    QWidget *buildPaidView();
    void setView(View view);
    void cartChanged();
    void paymentChanged();
    void saleCompleted(const QString &orderNo, qint64 amountFen);
    // Fonts follow the screen: one display may be 800×600, the next 1920×1080.
    void scaleFonts();

    QPointer<CheckoutPage> m_page;
    QPointer<PaymentSession> m_session;
    Timer m_timer;
    View m_view = View::Welcome;
    int m_paidShown = 0; // which thank-you the welcome timer belongs to
    // The change of the sale about to complete (the counter says it just before).
    std::optional<std::pair<QString, Fen>> m_change;

    QLabel *m_training = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_welcome = nullptr;
    QLabel *m_shop = nullptr;
    QTableWidget *m_lines = nullptr;
    QLabel *m_itemCount = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_brand = nullptr;
    QLabel *m_amount = nullptr;
    QWidget *m_qrFrame = nullptr;
    QrWidget *m_qr = nullptr;
    QLabel *m_paymentHint = nullptr;
    QLabel *m_paid = nullptr;
    QLabel *m_paidAmount = nullptr;
    QLabel *m_changeLabel = nullptr;
};

} // namespace shouyin
