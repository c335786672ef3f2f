#pragma once

#include "auth/staff.h"
#include "report/reportrecords.h"

#include <QAbstractTableModel>

namespace shouyin {

class HistoryQuery;

// History rows for a view, a page at a time: the first page on setFilter(), the next
// one whenever the view scrolls near the end (canFetchMore/fetchMore), so a million
// orders cost what the visible ones cost. The core decides what `staff` may see.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        OrderNoColumn,
        CreatedColumn,
        TerminalColumn,
        CashierColumn,
        StatusColumn,
        AmountColumn,
        ProviderColumn,
        AttemptsColumn,
        PaidAtColumn,
        ColumnCount
    };
    static constexpr int kOrderIdRole = Qt::UserRole + 1;
    static constexpr int kStatusRole = Qt::UserRole + 2; // a HistoryStatus

    explicit HistoryModel(HistoryQuery *query, QObject *parent = nullptr);

    void setPageSize(int rows) { m_pageSize = rows; }
    // Starts over with the first page of `filter` as `staff` sees it.
    void setFilter(const Staff &staff, const HistoryFilter &filter);
    HistoryFilter filter() const { return m_filter; }
    const HistoryRow &row(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

Q_SIGNALS:
    void failed(const QString &message);
    void pageLoaded(int rowsNow, bool atEnd);

private:
    HistoryQuery *m_query;
    Staff m_staff;
    HistoryFilter m_filter;
    QList<HistoryRow> m_rows;
    HistoryCursor m_cursor;
    bool m_atEnd = true;
    int m_pageSize = 100;
};

} // namespace shouyin
