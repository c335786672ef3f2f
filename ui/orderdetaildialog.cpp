#include "orderdetaildialog.h"

#include "displaytext.h"
#include "headinglabel.h"
#include "moneytext.h"
#include "paylogtext.h"
#include "receiptdesk.h"
#include "refundstable.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

QTableWidget *table(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *widget = new QTableWidget(0, int(headers.size()), parent);
    widget->setObjectName(name);
    widget->setHorizontalHeaderLabels(headers);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->setWordWrap(false);
    return widget;
}

void addRow(QTableWidget *widget, const QStringList &cells, const QList<int> &rightAligned = {})
{
    const int row = widget->rowCount();
    widget->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(cells.at(column));
        if (rightAligned.contains(column))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        widget->setItem(row, column, item);
    }
}

} // namespace

OrderDetailDialog::OrderDetailDialog(const OrderDetail &detail, const QTimeZone &zone,
                                     ReceiptDesk *receipts, QWidget *parent)
    : QDialog(parent)
    , m_orderId(detail.order.id)
    , m_items(table(
          this, u"itemsTable"_s,
          {tr("Product"), tr("Barcode"), tr("Unit price"), tr("Qty"), tr("Total"), tr("Paid")}))
    , m_payments(table(this, u"paymentsTable"_s,
                       {tr("Pay no"), tr("Provider"), tr("Amount"), tr("Status"), tr("Started"),
                        tr("Deadline"), tr("Provider's transaction"), tr("Last error")}))
    , m_events(
          table(this, u"eventsTable"_s,
                {tr("Time"), tr("What"), tr("Source"), tr("Operator"), tr("Change"), tr("Detail")}))
{
    const Order &order = detail.order;
    setWindowTitle(tr("Order %1").arg(order.orderNo));

    auto *title = new QLabel(
        tr("Order %1 — %2").arg(order.orderNo, DisplayText::orderStatus(detail.status)), this);
    title->setObjectName(u"detailTitle"_s);
    QFont titleFont = title->font();
    titleFont.setPointSize(titleFont.pointSize() + 4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *summary = new QFormLayout;
    summary->addRow(tr("Amount:"), new QLabel(moneyText(order.total), this));
    summary->addRow(tr("Created:"), new QLabel(DisplayText::dateTime(order.createdAt, zone), this));
    if (order.paidAt.isValid())
        summary->addRow(tr("Paid:"), new QLabel(DisplayText::dateTime(order.paidAt, zone), this));
    summary->addRow(tr("Cashier:"), new QLabel(order.operatorName, this));
    Fen discounts = order.discount + order.roundOff;
    for (const OrderItem &item : detail.items)
        discounts += item.discount;
    if (discounts > 0) {
        QString text =
            tr("%1 (on the lines %2, on the sale %3, small change %4)")
                .arg(moneyText(discounts), moneyText(discounts - order.discount - order.roundOff),
                     moneyText(order.discount), moneyText(order.roundOff));
        if (!order.discountApprover.isEmpty())
            text += u" · "_s + tr("approved by %1").arg(order.discountApprover);
        auto *label = new QLabel(text, this);
        label->setObjectName(u"detailDiscounts"_s);
        summary->addRow(tr("Discounts:"), label);
    }
    summary->addRow(tr("Terminal:"), new QLabel(order.terminalId, this));

    for (const OrderItem &item : detail.items)
        addRow(m_items,
               {item.name, item.barcode, moneyText(item.unitPrice), QString::number(item.quantity),
                moneyText(item.lineTotal()), moneyText(item.net())},
               {2, 3, 4, 5});
    for (const Payment &payment : detail.payments)
        addRow(m_payments,
               {payment.payNo, DisplayText::provider(payment.provider), moneyText(payment.amount),
                DisplayText::paymentStatus(payment.status),
                DisplayText::dateTime(payment.createdAt, zone),
                DisplayText::dateTime(payment.expiresAt, zone), payment.transactionId,
                payment.lastError},
               {2});
    for (const Event &event : detail.events) {
        const QString change =
            event.fromStatus.isEmpty() && event.toStatus.isEmpty()
                ? QString()
                : tr("%1 → %2").arg(event.fromStatus.isEmpty()
                                        ? tr("(new)")
                                        : DisplayText::storedStatus(event.fromStatus),
                                    DisplayText::storedStatus(event.toStatus));
        addRow(m_events, {DisplayText::dateTime(event.at, zone), DisplayText::eventKind(event.kind),
                          PayLogText::source(event.source), event.operatorName, change,
                          PayLogText::detail(event.kind, event.detail)});
        if (event.kind.startsWith(u"alert_"_s)) {
            for (int column = 0; column < m_events->columnCount(); ++column)
                m_events->item(m_events->rowCount() - 1, column)
                    ->setForeground(QColor(0xb3, 0x26, 0x1e));
        }
    }
    // Items and attempts are short lists: as tall as their rows (up to six, then they
    // scroll), leaving the rest of the height to the pay log.
    const auto fit = [](QTableWidget *widget) {
        const int rows = std::clamp(widget->rowCount(), 1, 6);
        widget->setFixedHeight(widget->horizontalHeader()->sizeHint().height() +
                               rows * widget->verticalHeader()->defaultSectionSize() +
                               2 * widget->frameWidth());
    };
    fit(m_items);
    fit(m_payments);
    m_items->horizontalHeader()->setStretchLastSection(false);
    m_items->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &OrderDetailDialog::reject);
    // Hidden until offerRefunds(): a till without refunds shows nothing of them.
    m_refundsHeading = headingLabel(tr("Returns and refunds"), this);
    m_refundsHeading->hide();
    m_refunds = new RefundsTable(zone, this);
    m_refunds->setObjectName(u"refundsTable"_s);
    m_refunds->hide();
    m_refundMessage = new QLabel(this);
    m_refundMessage->setObjectName(u"refundMessage"_s);
    m_refundMessage->setWordWrap(true);
    m_refundMessage->hide();
    m_buttons = buttons;
    auto *printed = new QLabel(this);
    printed->setObjectName(u"receiptStatusLabel"_s);
    if (receipts && order.status == OrderStatus::Paid) {
        QPushButton *print = buttons->addButton(tr("Print receipt"), QDialogButtonBox::ActionRole);
        print->setObjectName(u"printReceiptButton"_s);
        connect(print, &QPushButton::clicked, this,
                [receipts, orderId = order.id] { receipts->printReceipt(orderId); });
        connect(receipts, &ReceiptDesk::receiptPrinted, printed,
                [printed, orderNo = order.orderNo](const QString &printedNo, const QString &where) {
                    if (printedNo == orderNo)
                        printed->setText(tr("Receipt printed (%1).").arg(where));
                });
        connect(receipts, &ReceiptDesk::receiptFailed, printed,
                [printed, orderNo = order.orderNo](const QString &failedNo, const QString &why) {
                    if (failedNo == orderNo)
                        printed->setText(tr("The receipt did not print: %1").arg(why));
                });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(summary);
    layout->addWidget(headingLabel(tr("Items"), this));
    layout->addWidget(m_items);
    layout->addWidget(headingLabel(tr("Payment attempts"), this));
    layout->addWidget(m_payments);
    layout->addWidget(m_refundsHeading);
    layout->addWidget(m_refunds);
    layout->addWidget(m_refundMessage);
    layout->addWidget(headingLabel(tr("Pay log"), this));
    layout->addWidget(m_events, 1);
    layout->addWidget(printed);
    layout->addWidget(buttons);
    resize(980, 680);
}

} // namespace shouyin
