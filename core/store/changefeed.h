#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace shouyin {

class Database;

// Tells whoever shows the shop's data that it changed, wherever the change was made:
// at once when PostgreSQL announces another till's commit (LISTEN/NOTIFY), and by
// looking at the pay log's newest row every few seconds as well, which catches what
// an announcement cannot (one lost while reconnecting, a driver without them).
// Every order and payment change writes a pay-log row, so the newest row moving is
// the same as "something changed".
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    explicit ChangeFeed(Database &database,
                        std::chrono::milliseconds pollInterval = std::chrono::seconds(3),
                        QObject *parent = nullptr);

    // Looks at the pay log now.
    void poll();

Q_SIGNALS:
    // Coalesced: a burst of changes is one signal.
    void changed();

private:
    void announce();

    Database &m_database;
    QTimer m_poll;
    QTimer m_coalesce;
    qint64 m_newestEvent = -1; // -1: not looked yet
};

} // namespace shouyin
