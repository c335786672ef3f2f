#include "refunddialog.h"

#include "checkout/checkoutclient.h"
#include "displaytext.h"
#include "headinglabel.h"
#include "managerapprovaldialog.h"
#include "moneytext.h"
#include "receiptdesk.h"
#include "refund/refundclient.h"
#include "refundstable.h"
#include "refundtext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

RefundDialog::RefundDialog(const PosServices &services, qint64 orderId, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_orderId(orderId)
{
    setObjectName(u"refundDialog"_s);
    setWindowTitle(tr("Return / refund"));
    setModal(true);
    buildUi();
    connectReceiptDesk();
    if (m_services.refunds)
        // Refunds settle in the background: their states change here as they do.
        connect(m_services.refunds, &RefundClient::refundChanged, this,
                [this](qint64 changedOrder, const QString &, RefundStatus) {
                    if (changedOrder == m_orderId)
                        reload();
                });
    reload();
}

RefundDialog::~RefundDialog() = default;

bool RefundDialog::isOffered(const PosServices &services)
{
    return services.refunds && services.staff.isSignedIn() &&
           (services.users || services.staff.can(Permission::ApproveRefund));
}

ManagerApprovalDialog *RefundDialog::approvalDialog() const
{
    return m_approval;
}

QTimeZone RefundDialog::zone() const
{
    return m_services.checkout ? m_services.checkout->clock().zone() : ShopClock::defaultZone();
}

void RefundDialog::buildUi()
{
    m_title = new QLabel(this);
    m_title->setObjectName(u"refundTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSize(titleFont.pointSize() + 4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_orderInfo = new QLabel(this);
    m_orderInfo->setObjectName(u"refundOrderInfo"_s);
    m_orderInfo->setWordWrap(true);
    m_paidBy = new QLabel(this);
    m_paidBy->setObjectName(u"refundPaidBy"_s);
    m_paidBy->setWordWrap(true);

    m_returnsHeading = headingLabel(tr("Earlier returns and refunds"), this);
    m_returns = new RefundsTable(zone(), this);
    m_returns->setObjectName(u"earlierReturnsTable"_s);

    m_lines = new QTableWidget(0, LineColumnCount, this);
    m_lines->setObjectName(u"returnLinesTable"_s);
    m_lines->setHorizontalHeaderLabels(
        {tr("Product"), tr("Sold"), tr("Returned"), tr("Paid"), tr("Return now")});
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(ProductColumn, QHeaderView::Stretch);
    // Room for a spin box's arrows beside three digits, whatever the header says.
    m_lines->horizontalHeader()->setSectionResizeMode(NowColumn, QHeaderView::Fixed);
    m_lines->horizontalHeader()->resizeSection(
        NowColumn, std::max(110, m_lines->horizontalHeader()->sectionSizeHint(NowColumn)));
    m_lines->setWordWrap(false);

    m_everything = new QPushButton(tr("&Everything"), this);
    m_everything->setObjectName(u"everythingButton"_s);
    m_everything->setToolTip(tr("Everything of this order that is left to return"));
    connect(m_everything, &QPushButton::clicked, this, &RefundDialog::chooseEverything);

    m_reason = new QComboBox(this);
    m_reason->setObjectName(u"reasonCombo"_s);
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems({tr("Defective"), tr("Customer changed their mind"), tr("Wrong item")});
    m_reason->setCurrentIndex(-1);
    m_reason->lineEdit()->setPlaceholderText(tr("Why does it come back?"));
    m_reason->setMinimumWidth(260);
    connect(m_reason, &QComboBox::currentTextChanged, this, &RefundDialog::updateSummary);

    // Only the person approving decides what becomes of the goods: a manager at the till.
    m_stockLabel = new QLabel(tr("Returned &goods:"), this);
    m_stock = new QComboBox(this);
    m_stock->setObjectName(u"stockCombo"_s);
    m_stock->addItem(DisplayText::stockAction(StockAction::Restock), int(StockAction::Restock));
    m_stock->addItem(DisplayText::stockAction(StockAction::Damaged), int(StockAction::Damaged));
    m_stockLabel->setBuddy(m_stock);
    const bool approves = m_services.staff.can(Permission::ApproveRefund);
    m_stockLabel->setVisible(approves);
    m_stock->setVisible(approves);

    m_surplus = new QWidget(this);
    m_surplus->setObjectName(u"surplusBox"_s);
    m_surplusLabel = new QLabel(m_surplus);
    m_surplusLabel->setObjectName(u"surplusLabel"_s);
    m_surplusLabel->setWordWrap(true);
    auto *surplusLayout = new QHBoxLayout(m_surplus);
    surplusLayout->setContentsMargins(0, 0, 0, 0);
    surplusLayout->addWidget(m_surplusLabel, 1);
    m_surplus->hide();

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"refundSummary"_s);
    m_summary->setWordWrap(true);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSize(summaryFont.pointSize() + 2);
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);

    m_error = new QLabel(this);
    m_error->setObjectName(u"refundError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_error->hide();
    m_result = new QLabel(this);
    m_result->setObjectName(u"refundResult"_s);
    m_result->setWordWrap(true);
    m_result->setStyleSheet(u"background: #1b7f3a; color: white; font-size: 14pt; "
                            "font-weight: bold; padding: 8px; border-radius: 4px;"_s);
    m_result->hide();
    m_printed = new QLabel(this);
    m_printed->setObjectName(u"refundPrintLabel"_s);
    m_printed->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (m_services.receipts) {
        m_printButton =
            buttons->addButton(tr("&Print refund receipt"), QDialogButtonBox::ActionRole);
        m_printButton->setObjectName(u"printRefundButton"_s);
        // Disabled, not hidden: a button box shows its buttons again when it lays them out.
        m_printButton->setEnabled(false);
        connect(m_printButton, &QPushButton::clicked, this, [this] {
            if (m_recorded.isEmpty())
                return;
            // The states as they are now, not as they were when it first printed.
            const qint64 id = m_recorded.constLast().id;
            const auto now = std::find_if(m_order.returns.cbegin(), m_order.returns.cend(),
                                          [id](const ReturnRecord &r) { return r.id == id; });
            m_services.receipts->printRefund(
                now != m_order.returns.cend() ? *now : m_recorded.constLast());
        });
    }
    m_refundButton = buttons->addButton(tr("&Refund"), QDialogButtonBox::ActionRole);
    m_refundButton->setObjectName(u"refundButton"_s);
    m_refundButton->setStyleSheet(u"font-weight: bold; padding: 4px 24px;"_s);
    connect(m_refundButton, &QPushButton::clicked, this, &RefundDialog::refund);
    connect(buttons, &QDialogButtonBox::rejected, this, &RefundDialog::reject);

    auto *choice = new QFormLayout;
    choice->addRow(tr("Rea&son:"), m_reason);
    choice->addRow(m_stockLabel, m_stock);
    auto *choiceRow = new QHBoxLayout;
    choiceRow->addLayout(choice, 1);
    choiceRow->addWidget(m_everything, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_orderInfo);
    layout->addWidget(m_paidBy);
    layout->addWidget(m_returnsHeading);
    layout->addWidget(m_returns);
    layout->addWidget(headingLabel(tr("What comes back"), this));
    layout->addWidget(m_lines, 1);
    layout->addLayout(choiceRow);
    layout->addWidget(m_surplus);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_result);
    layout->addWidget(m_printed);
    layout->addWidget(buttons);
    resize(860, 620);
    m_returnsHeading->hide();
    m_returns->hide();
    updateSummary();
}

void RefundDialog::reload()
{
    if (!m_services.refunds) {
        showError(tr("This till takes no refunds."));
        return;
    }
    m_services.refunds->refundable(m_orderId, this, [this](Result<RefundableOrder> read) {
        if (!read) {
            showError(read.error().message);
            return;
        }
        m_order = std::move(read).value();
        m_loaded = true;
        fill();
        Q_EMIT loaded();
    });
}

void RefundDialog::fill()
{
    const Order &order = m_order.order;
    setWindowTitle(tr("Return / refund — order %1").arg(order.orderNo));
    m_title->setText(tr("Return / refund — order %1").arg(order.orderNo));
    m_orderInfo->setText(
        tr("%1 · sold %2 by %3 · total %4")
            .arg(DisplayText::orderStatus(historyStatusOf(order.status)),
                 DisplayText::dateTime(order.paidAt.isValid() ? order.paidAt : order.createdAt,
                                       zone()),
                 order.operatorName, moneyText(order.total)));
    m_paidBy->setText(tr("Paid by: %1").arg(RefundText::paidBy(m_order)));
    m_returns->setReturns(m_order.returns);
    m_returns->fitRows(4);
    m_returnsHeading->setVisible(!m_order.returns.isEmpty());
    m_returns->setVisible(!m_order.returns.isEmpty());
    fillLines();
    fillSurplus();
    updateSummary();
}

void RefundDialog::updateSummary()
{
    const Fen amount = chosenAmount();
    const QList<RefundText::Share> shares = RefundText::split(m_order, amount);
    const bool covered = RefundText::sum(shares) == amount;
    const bool reason = !m_reason->currentText().trimmed().isEmpty();
    // The next return is being chosen: the last one's words are done with.
    if (amount > 0)
        m_result->hide();
    if (!m_loaded)
        m_summary->setText(tr("Reading the order…"));
    else if (amount > 0 && !covered)
        m_summary->setText(tr("Refund %1: only %2 of this order's payments is left to refund.")
                               .arg(moneyText(amount), moneyText(RefundText::sum(shares))));
    else if (amount > 0)
        m_summary->setText(
            tr("Refund %1: %2").arg(moneyText(amount), RefundText::describe(shares)));
    else if (m_order.goodsLeft() > 0)
        m_summary->setText(tr("Choose what comes back."));
    else
        m_summary->setText(tr("Nothing of this order is left to return."));
    m_refundButton->setEnabled(m_loaded && !m_busy && amount > 0 && covered && reason);
    m_refundButton->setToolTip(reason || amount == 0 ? QString() : tr("Say why it comes back."));
    m_everything->setEnabled(m_loaded && !m_busy && m_order.goodsLeft() > 0);
    for (QPushButton *button : std::as_const(m_surplusButtons))
        button->setEnabled(!m_busy && reason);
}

void RefundDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace shouyin
