#include "historymodel.h"

#include "displaytext.h"
#include "moneytext.h"
#include "report/historyquery.h"
#include "util/shopclock.h"

#include <QBrush>
#include <QColor>

namespace shouyin {

HistoryModel::HistoryModel(HistoryQuery *query, QObject *parent)
    : QAbstractTableModel(parent)
    , m_query(query)
{}

void HistoryModel::setFilter(const Staff &staff, const HistoryFilter &filter)
{
    beginResetModel();
    m_staff = staff;
    m_filter = filter;
    m_rows.clear();
    m_cursor = {};
    m_atEnd = false;
    endResetModel();
    fetchMore();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_query;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_query->page(m_staff, m_filter, m_cursor, m_pageSize);
    if (!page) {
        m_atEnd = true;
        Q_EMIT failed(page.error().message);
        return;
    }
    m_atEnd = page->atEnd;
    m_cursor = page->next;
    if (!page->rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->rows.size() - 1));
        m_rows.append(page->rows);
        endInsertRows();
    }
    Q_EMIT pageLoaded(int(m_rows.size()), m_atEnd);
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const HistoryRow &row = m_rows.at(index.row());
    if (role == kOrderIdRole)
        return row.id;
    if (role == kStatusRole)
        return QVariant::fromValue(row.status);
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == AmountColumn || index.column() == AttemptsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        if (row.status == HistoryStatus::Paid)
            return QBrush(QColor(0x1b, 0x7f, 0x3b));
        if (row.status == HistoryStatus::AwaitingPayment || row.status == HistoryStatus::Cancelling)
            return QBrush(QColor(0xb0, 0x6d, 0x00));
        return QBrush(QColor(0x70, 0x70, 0x70));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QTimeZone zone = m_query ? m_query->timeZone() : ShopClock::defaultZone();
    switch (index.column()) {
    case OrderNoColumn:
        return row.orderNo;
    case CreatedColumn:
        return DisplayText::dateTime(row.createdAt, zone);
    case TerminalColumn:
        return row.terminalId;
    case CashierColumn:
        return row.operatorName;
    case StatusColumn:
        // A paid order some of whose money went back says how much.
        if (row.refunded > 0)
            return tr("%1, %2 refunded")
                .arg(DisplayText::orderStatus(row.status), moneyText(row.refunded));
        return DisplayText::orderStatus(row.status);
    case AmountColumn:
        return moneyText(row.total);
    case ProviderColumn:
        return row.attempts > 0 ? DisplayText::provider(row.provider) : QString();
    case AttemptsColumn:
        return row.attempts;
    case PaidAtColumn:
        return DisplayText::dateTime(row.paidAt, zone);
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrderNoColumn:
        return tr("Order no");
    case CreatedColumn:
        return tr("Created");
    case TerminalColumn:
        return tr("Terminal");
    case CashierColumn:
        return tr("Cashier");
    case StatusColumn:
        return tr("Status");
    case AmountColumn:
        return tr("Amount");
    case ProviderColumn:
        return tr("Provider");
    case AttemptsColumn:
        return tr("Attempts");
    case PaidAtColumn:
        return tr("Paid at");
    default:
        return {};
    }
}

} // namespace shouyin
