#pragma once

#include "auth/staff.h"
#include "report/csvexporter.h"
#include "report/reportrecords.h"

#include <QProgressDialog>

#include <memory>

class QSaveFile;

namespace shouyin {

class HistoryQuery;

// Runs a CSV export a chunk at a time from the event loop, so the window stays alive
// and Cancel works between chunks. The file appears only when the export is complete
// (QSaveFile): a cancelled or failed export leaves nothing half-written behind.
class ExportProgressDialog : public QProgressDialog
{
    Q_OBJECT
public:
    explicit ExportProgressDialog(const HistoryQuery &history, QWidget *parent = nullptr);
    ~ExportProgressDialog() override;

    // Begins the export; an error (permission, file) means nothing was started.
    Status start(const Staff &staff, const HistoryFilter &filter, const QString &path);

Q_SIGNALS:
    // `rows` written when `ok`; otherwise `message` says why not.
    void exportFinished(bool ok, qint64 rows, const QString &message);

private:
    void step();
    void finish(bool ok, const QString &message);

    CsvExporter m_exporter;
    std::unique_ptr<QSaveFile> m_file;
    QString m_path;
};

} // namespace shouyin
