#include "exportprogressdialog.h"

#include <QLocale>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace shouyin {

ExportProgressDialog::ExportProgressDialog(const HistoryQuery &history, QWidget *parent)
    : QProgressDialog(parent)
    , m_exporter(history)
{
    setObjectName(u"exportProgress"_s);
    setWindowTitle(tr("Export to CSV"));
    setWindowModality(Qt::WindowModal);
    setAutoClose(false);
    setAutoReset(false);
    setMinimumDuration(0);
    setMinimumWidth(420);
    connect(this, &QProgressDialog::canceled, this, [this] { m_exporter.cancel(); });
}

ExportProgressDialog::~ExportProgressDialog() = default;

Status ExportProgressDialog::start(const Staff &staff, const HistoryFilter &filter,
                                   const QString &path)
{
    m_path = path;
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly))
        return Error{ErrorCode::Write, tr("Cannot write %1: %2").arg(path, m_file->errorString())};
    if (auto begun = m_exporter.begin(staff, filter, m_file.get()); !begun) {
        m_file->cancelWriting();
        m_file.reset();
        return begun;
    }
    const qint64 total = m_exporter.rowsTotal();
    setRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
    setLabelText(tr("Exporting %1 orders…").arg(QLocale().toString(total)));
    setValue(0);
    QTimer::singleShot(0, this, &ExportProgressDialog::step);
    return success();
}

void ExportProgressDialog::step()
{
    if (wasCanceled()) // cancel() and Esc reset the dialog without canceled()
        m_exporter.cancel();
    auto more = m_exporter.writeChunk();
    if (!more) {
        finish(false, more.error().message);
        return;
    }
    setValue(int(std::min<qint64>(m_exporter.rowsWritten(), maximum())));
    setLabelText(tr("Exported %1 of %2 orders…")
                     .arg(QLocale().toString(m_exporter.rowsWritten()),
                          QLocale().toString(m_exporter.rowsTotal())));
    if (*more) {
        QTimer::singleShot(0, this, &ExportProgressDialog::step);
        return;
    }
    if (!m_file->commit()) {
        finish(false, tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    finish(
        true,
        tr("Exported %1 orders to %2.").arg(QLocale().toString(m_exporter.rowsWritten()), m_path));
}

void ExportProgressDialog::finish(bool ok, const QString &message)
{
    if (!ok && m_file)
        m_file->cancelWriting();
    m_file.reset();
    Q_EMIT exportFinished(ok, m_exporter.rowsWritten(), message);
    close();
}

} // namespace shouyin
