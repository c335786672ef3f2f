#include "changefeed.h"

#include "store/database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {
constexpr int kCoalesceMs = 250;
}

ChangeFeed::ChangeFeed(Database &database, std::chrono::milliseconds pollInterval, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ChangeFeed::changed);
    connect(&m_database, &Database::changedElsewhere, this, &ChangeFeed::announce);
    m_poll.setInterval(pollInterval);
    connect(&m_poll, &QTimer::timeout, this, &ChangeFeed::poll);
    m_poll.start();
    poll();
}

void ChangeFeed::poll()
{
    if (!m_database.isAvailable() || m_database.inTransaction())
        return;
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT MAX(id) FROM events"_s) || !query.next())
        return;
    const qint64 newest = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
    const bool moved = m_newestEvent >= 0 && newest != m_newestEvent;
    m_newestEvent = newest;
    if (moved)
        announce();
}

void ChangeFeed::announce()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

} // namespace shouyin
