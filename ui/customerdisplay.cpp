#include "customerdisplay.h"

#include "cartmodel.h"
#include "checkout/cart.h"
#include "checkout/paymentsession.h"
#include "checkoutpage.h"
#include "displaytext.h"
#include "moneytext.h"
#include "pay/paymentprovider.h"
#include "pay/providerregistry.h"
#include "qrwidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr auto kNeutralColour = "#5f6368";

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

void setPixelSize(QWidget *widget, int pixels, bool bold = false)
{
    QFont font = widget->font();
    font.setPixelSize(std::max(pixels, 8));
    font.setBold(bold);
    widget->setFont(font);
}

} // namespace

CustomerDisplay::CustomerDisplay(bool training, QWidget *parent)
    : QWidget(parent)
    , m_timer([](std::chrono::milliseconds delay, QObject *context, std::function<void()> then) {
        QTimer::singleShot(delay, context, std::move(then));
    })
{
    setWindowTitle(tr("Customer display"));
    // The scanner types into the counter's window: this one must never take the keyboard.
    setAttribute(Qt::WA_ShowWithoutActivating);
    if (!parent)
        setWindowFlag(Qt::WindowDoesNotAcceptFocus);
    setFocusPolicy(Qt::NoFocus);
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, QColor(0x20, 0x21, 0x24));
    setPalette(palette);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (training) {
        m_training = makeLabel(u"customerTrainingBanner"_s, this);
        m_training->setText(tr("Training — no real money"));
        m_training->setStyleSheet(u"background: #e8710a; color: white; padding: 6px;"_s);
        layout->addWidget(m_training);
    }
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildWelcome());
    m_stack->addWidget(buildCartView());
    m_stack->addWidget(buildPaymentView());
    m_stack->addWidget(buildPaidView());
    layout->addWidget(m_stack, 1);
    setShopName({});
    scaleFonts();
}

void CustomerDisplay::setShopName(const QString &name)
{
    m_shop->setText(name);
    m_shop->setVisible(!name.isEmpty());
}

void CustomerDisplay::setTimer(Timer timer)
{
    m_timer = std::move(timer);
}

QWidget *CustomerDisplay::buildWelcome()
{
    auto *page = new QWidget(this);
    m_welcome = makeLabel(u"customerWelcome"_s, page);
    m_welcome->setText(tr("Welcome"));
    m_shop = makeLabel(u"customerShopName"_s, page);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_welcome);
    layout->addWidget(m_shop);
    layout->addStretch();
    return page;
}

QWidget *CustomerDisplay::buildCartView()
{
    auto *page = new QWidget(this);
    m_lines = new QTableWidget(0, 3, page);
    m_lines->setObjectName(u"customerLines"_s);
    m_lines->setFocusPolicy(Qt::NoFocus);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setShowGrid(false);
    m_lines->setFrameShape(QFrame::NoFrame);
    m_lines->setStyleSheet(
        u"QTableWidget::item { padding: 0 12px; border-bottom: 1px solid #e8eaed; }"_s);
    m_lines->setWordWrap(false);
    m_lines->setTextElideMode(Qt::ElideRight);
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_lines->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_lines->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_itemCount = makeLabel(u"customerItemCount"_s, page);
    m_itemCount->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_total = makeLabel(u"customerTotal"_s, page);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_total->setWordWrap(false);
    auto *totalRow = new QWidget(page);
    totalRow->setObjectName(u"customerTotalRow"_s);
    totalRow->setAttribute(Qt::WA_StyledBackground);
    totalRow->setStyleSheet(u"#customerTotalRow { background: #f1f3f4; }"_s);
    auto *row = new QHBoxLayout(totalRow);
    row->addWidget(m_itemCount, 1);
    row->addWidget(m_total);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_lines, 1);
    layout->addWidget(totalRow);
    return page;
}

QWidget *CustomerDisplay::buildPaymentView()
{
    auto *page = new QWidget(this);
    m_brand = makeLabel(u"customerBrand"_s, page);
    m_amount = makeLabel(u"customerPaymentAmount"_s, page);
    m_amount->setWordWrap(false);
    // The QR sits on white with room around it, whatever surrounds it: the providers ask
    // for a plain quiet zone, and phones read it faster.
    m_qrFrame = new QWidget(page);
    m_qrFrame->setObjectName(u"customerQrFrame"_s);
    m_qrFrame->setAutoFillBackground(true);
    QPalette white = m_qrFrame->palette();
    white.setColor(QPalette::Window, Qt::white);
    m_qrFrame->setPalette(white);
    m_qr = new QrWidget(m_qrFrame);
    m_qr->setObjectName(u"customerQr"_s);
    m_qr->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    auto *qrLayout = new QVBoxLayout(m_qrFrame);
    qrLayout->setContentsMargins(0, 0, 0, 0);
    qrLayout->addWidget(m_qr);
    m_paymentHint = makeLabel(u"customerPaymentHint"_s, page);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->addWidget(m_brand);
    layout->addWidget(m_amount);
    layout->addWidget(m_qrFrame, 1);
    layout->addWidget(m_paymentHint);
    return page;
}

QWidget *CustomerDisplay::buildPaidView()
{
    auto *page = new QWidget(this);
    m_paid = makeLabel(u"customerPaid"_s, page);
    m_paid->setStyleSheet(u"color: #1b7f3a;"_s);
    m_paidAmount = makeLabel(u"customerPaidAmount"_s, page);
    m_changeLabel = makeLabel(u"customerChange"_s, page);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(m_paid);
    layout->addWidget(m_paidAmount);
    layout->addWidget(m_changeLabel);
    layout->addStretch();
    return page;
}

void CustomerDisplay::follow(CheckoutPage *page)
{
    if (m_page == page)
        return;
    if (m_page)
        m_page->disconnect(this);
    m_page = page;
    m_session = nullptr;
    m_change.reset();
    if (!page) {
        showWelcome();
        return;
    }
    connect(page->cartModel(), &CartModel::cartChanged, this, &CustomerDisplay::cartChanged);
    connect(page, &CheckoutPage::paymentOpened, this, &CustomerDisplay::showPayment);
    connect(page, &CheckoutPage::changeDue, this, [this](const QString &orderNo, qint64 change) {
        m_change = {orderNo, change};
    });
    connect(page, &CheckoutPage::saleCompleted, this, &CustomerDisplay::saleCompleted);
    // A cart handed over from the last cashier is on the counter already.
    showCart(page->cartModel()->cart());
}

CheckoutPage *CustomerDisplay::page() const
{
    return m_page;
}

void CustomerDisplay::setView(View view)
{
    m_view = view;
    m_stack->setCurrentIndex(int(view));
    if (view != View::Payment)
        m_qr->clear();
}

void CustomerDisplay::showWelcome()
{
    setView(View::Welcome);
}

void CustomerDisplay::showCart(const Cart &cart)
{
    if (cart.isEmpty()) {
        showWelcome();
        return;
    }
    m_lines->setRowCount(cart.size());
    for (int row = 0; row < cart.size(); ++row) {
        const CartItem &item = cart.at(row);
        const auto cell = [&](int column, const QString &text, Qt::Alignment alignment) {
            auto *cellItem = new QTableWidgetItem(text);
            cellItem->setTextAlignment(alignment | Qt::AlignVCenter);
            m_lines->setItem(row, column, cellItem);
        };
        cell(0, item.product.name, Qt::AlignLeft);
        cell(1, tr("%1 × %2").arg(item.quantity).arg(moneyText(item.product.price)),
             Qt::AlignRight);
        cell(2, moneyText(item.discountedTotal()), Qt::AlignRight);
    }
    // The line just scanned is the one the customer looks for: the latest are in view.
    m_lines->scrollToBottom();
    QString count = tr("%n item(s)", nullptr, cart.itemCount());
    // The customer sees what was taken off, in one figure, beside what they pay.
    if (const PricedSale priced = cart.priced(); priced.gross > priced.total)
        count += u" · "_s + tr("%1 off").arg(moneyText(priced.gross - priced.total));
    m_itemCount->setText(count);
    m_total->setText(tr("Total %1").arg(moneyText(cart.total())));
    setView(View::Cart);
}

void CustomerDisplay::cartChanged()
{
    if (!m_page)
        return;
    const Cart &cart = m_page->cartModel()->cart();
    // The QR stays up while it is being paid; after a sale the thank-you stays until the
    // next goods are scanned or its time is up.
    if (m_view == View::Payment && m_session)
        return;
    if (m_view == View::Paid && cart.isEmpty())
        return;
    showCart(cart);
}

void CustomerDisplay::showPayment(PaymentSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_change.reset();
    if (!session)
        return;
    connect(session, &PaymentSession::stateChanged, this, &CustomerDisplay::paymentChanged);
    connect(session, &PaymentSession::orderPlaced, this, &CustomerDisplay::paymentChanged);
    connect(session, &QObject::destroyed, this, [this] {
        if (m_view == View::Payment)
            cartChanged();
    });
    setView(View::Payment);
    paymentChanged();
}

void CustomerDisplay::paymentChanged()
{
    PaymentSession *session = m_session;
    if (!session)
        return;
    const QString providerName = session->provider().name();
    const ProviderKind *kind = ProviderRegistry::kind(providerName);
    m_brand->setText(DisplayText::provider(providerName));
    m_brand->setStyleSheet(u"background: %1; color: white; padding: 10px;"_s.arg(
        kind ? kind->colour : QString::fromLatin1(kNeutralColour)));
    Fen amount = session->amount();
    if (amount == 0 && m_page) // the order is being placed: the cart's total until then
        amount = m_page->cartModel()->cart().total();
    m_amount->setText(moneyText(amount));

    using State = PaymentSession::State;
    switch (session->state()) {
    case State::Paid:
        showPaid(amount, 0);
        return;
    case State::Error:
    case State::Cancelling:
    case State::Expired:
        // The cashier sorts it out; the customer sees their goods again, not a dead QR.
        m_session = nullptr;
        session->disconnect(this);
        if (m_page)
            showCart(m_page->cartModel()->cart());
        else
            showWelcome();
        return;
    case State::Creating:
    case State::Showing:
    case State::Confirming:
        break;
    }
    setView(View::Payment);
    const bool qr = session->method() == PaymentMethod::Qr;
    const bool showing = qr && session->state() == State::Showing;
    m_qr->setText(showing ? session->codeUrl() : QString());
    m_qrFrame->setVisible(showing || qr);
    if (showing)
        m_paymentHint->setText(
            tr("Scan with %1 to pay").arg(DisplayText::providerApp(providerName)));
    else if (session->state() == State::Confirming)
        m_paymentHint->setText(tr("Please confirm the payment on your phone."));
    else
        m_paymentHint->setText(tr("One moment please…"));
}

void CustomerDisplay::showPaid(Fen amount, Fen change)
{
    m_paid->setText(tr("Paid — thank you!"));
    m_paidAmount->setText(amount > 0 ? moneyText(amount) : QString());
    m_changeLabel->setText(change > 0 ? tr("Your change: %1").arg(moneyText(change)) : QString());
    m_changeLabel->setVisible(change > 0);
    setView(View::Paid);
    const int shown = ++m_paidShown;
    m_timer(kThankYouTime, this, [this, shown] {
        if (m_view == View::Paid && m_paidShown == shown)
            showWelcome();
    });
}

void CustomerDisplay::saleCompleted(const QString &orderNo, qint64 amountFen)
{
    const Fen change = m_change && m_change->first == orderNo ? m_change->second : 0;
    m_change.reset();
    m_session = nullptr;
    showPaid(amountFen, change);
}

void CustomerDisplay::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scaleFonts();
}

void CustomerDisplay::scaleFonts()
{
    // One unit of text: about 1/20 of the height, less on a narrow screen.
    const int unit = std::max(12, std::min(height() / 20, width() / 26));
    if (m_training)
        setPixelSize(m_training, unit * 7 / 10, true);
    setPixelSize(m_welcome, unit * 2, true);
    setPixelSize(m_shop, unit);
    setPixelSize(m_lines, unit * 8 / 10);
    m_lines->verticalHeader()->setDefaultSectionSize(unit * 13 / 10);
    setPixelSize(m_itemCount, unit * 8 / 10);
    setPixelSize(m_total, unit * 3 / 2, true);
    setPixelSize(m_brand, unit, true);
    setPixelSize(m_amount, unit * 3 / 2, true);
    setPixelSize(m_paymentHint, unit * 8 / 10);
    setPixelSize(m_paid, unit * 2, true);
    setPixelSize(m_paidAmount, unit * 3 / 2, true);
    setPixelSize(m_changeLabel, unit * 3 / 2, true);
}

} // namespace shouyin
