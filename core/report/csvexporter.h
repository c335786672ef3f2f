#pragma once

#include "auth/staff.h"
#include "report/reportrecords.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

class QIODevice;

namespace shouyin {

class HistoryQuery;

// History as CSV, streamed a chunk of rows at a time through the same keyset pages as
// the view, so a million orders never sit in memory and the caller can show progress
// and cancel between chunks. Managers only.
//
// The file is what a Chinese spreadsheet opens correctly: UTF-8 with a byte-order mark,
// CRLF line ends, RFC 4180 quoting (fields with a comma, quote or line break are quoted,
// quotes doubled), and text that would start a formula (= + - @) prefixed with an
// apostrophe so that a cashier's or product's name can never run in the manager's
// spreadsheet.
//
// Status and provider are written twice: in words, in the language of the window (the
// words History shows, translated in the same place), for the manager who reads the file;
// and as the stored code (PAID, wechat) beside them, for programs that read it.
class CsvExporter : public QObject
{
    Q_OBJECT
public:
    static constexpr int kChunkRows = 2000;
    using Progress = std::function<bool(qint64 written, qint64 total)>; // false: cancel

    explicit CsvExporter(const HistoryQuery &history, QObject *parent = nullptr);

    // Checks the permission, counts the rows and writes the header line.
    Status begin(const Staff &staff, const HistoryFilter &filter, QIODevice *out);
    // Writes up to kChunkRows more rows: true while rows remain. A CANCELLED error once
    // cancel() was called.
    Result<bool> writeChunk();
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }
    qint64 rowsWritten() const { return m_written; }
    qint64 rowsTotal() const { return m_total; }

    // The whole export in one call (tests, benchmarks, scripts): the rows written.
    Result<qint64> exportAll(const Staff &staff, const HistoryFilter &filter, QIODevice *out,
                             const Progress &progress = {});

    static QStringList header();
    static QString escapeField(const QString &field);
    // The words of the status and provider columns, as History shows them.
    static QString statusWord(HistoryStatus status);
    static QString providerWord(const QString &provider); // empty for none

private:
    Status write(const QByteArray &bytes);
    const QString &cachedProviderWord(const QString &provider);

    const HistoryQuery &m_history;
    Staff m_staff;
    HistoryFilter m_filter;
    QIODevice *m_out = nullptr;
    HistoryCursor m_cursor;
    qint64 m_written = 0;
    qint64 m_total = 0;
    bool m_done = true;
    bool m_cancelled = false;
    // Looked up once per export, not once per row of a million.
    QHash<int, QString> m_statusWords;
    QHash<QString, QString> m_providerWords;
};

} // namespace shouyin
