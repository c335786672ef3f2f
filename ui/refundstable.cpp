#include "refundstable.h"

#include "displaytext.h"
#include "moneytext.h"
#include "refundtext.h"

#include <QHeaderView>
#include <QPushButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

enum Column {
    TimeColumn,
    GoodsColumn,
    TenderColumn,
    AmountColumn,
    StateColumn,
    ApprovedColumn,
    ReasonColumn,
    ActionColumn,
    ColumnCount
};

QString goodsOf(const ReturnRecord &record)
{
    if (record.items.isEmpty())
        return RefundsTable::tr("(money only)");
    QStringList goods;
    for (const ReturnedItem &item : record.items)
        goods.append(RefundsTable::tr("%1 × %2").arg(item.name).arg(item.quantity));
    return goods.join(u", "_s);
}

} // namespace

RefundsTable::RefundsTable(QTimeZone zone, QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
    , m_zone(std::move(zone))
{
    setHorizontalHeaderLabels({tr("Time"), tr("Goods"), tr("Back to"), tr("Amount"), tr("State"),
                               tr("Approved by"), tr("Reason"), QString()});
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    verticalHeader()->hide();
    // The free texts take the room that is left, elided (the tooltip has them whole), so
    // that the table never scrolls sideways under its few rows.
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(GoodsColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    horizontalHeader()->setStretchLastSection(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    setWordWrap(false);
}

void RefundsTable::setReturns(const QList<ReturnRecord> &returns, const RetryFilter &mayRetry)
{
    setRowCount(0);
    bool retries = false;
    for (const ReturnRecord &record : returns) {
        for (const Refund &refund : record.refunds) {
            const int row = rowCount();
            insertRow(row);
            const QStringList cells = {
                DisplayText::dateTime(refund.createdAt, m_zone),
                goodsOf(record),
                DisplayText::provider(refund.provider),
                moneyText(refund.amount),
                RefundText::state(refund),
                record.approvedBy,
                record.reason,
            };
            for (int column = 0; column < cells.size(); ++column) {
                auto *cell = new QTableWidgetItem(cells.at(column));
                cell->setToolTip(column == StateColumn && !refund.refundNo.isEmpty()
                                     ? tr("%1 (refund %2)").arg(cells.at(column), refund.refundNo)
                                     : cells.at(column));
                if (column == AmountColumn)
                    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                if (column == StateColumn && refund.status == RefundStatus::Failed)
                    cell->setForeground(QColor(0xb3, 0x26, 0x1e));
                setItem(row, column, cell);
            }
            item(row, StateColumn)->setData(Qt::UserRole, refund.refundNo);
            if (mayRetry && canRetry(refund) && mayRetry(refund)) {
                auto *retry = new QPushButton(tr("Send again"), this);
                retry->setObjectName(u"retryButton_"_s + refund.refundNo);
                connect(retry, &QPushButton::clicked, this,
                        [this, refundNo = refund.refundNo] { Q_EMIT retryRequested(refundNo); });
                setCellWidget(row, ActionColumn, retry);
                retries = true;
            }
        }
    }
    setColumnHidden(ActionColumn, !retries);
}

void RefundsTable::fitRows(int maxRows)
{
    const int rows = std::clamp(rowCount(), 1, maxRows);
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth());
}

} // namespace shouyin
