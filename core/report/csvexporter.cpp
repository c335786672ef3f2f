#include "csvexporter.h"

#include "money/money.h"
#include "pay/providerregistry.h"
#include "report/historyquery.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcExport, "shouyin.report.export")

namespace {

// "yyyy-MM-dd HH:mm:ss" in the shop's zone. A million rows make QDateTime's zone
// conversion the slowest part of an export, so the offset is looked up once per hour.
class LocalTimeText
{
public:
    explicit LocalTimeText(QTimeZone zone)
        : m_zone(std::move(zone))
    {}

    QString operator()(const QDateTime &at)
    {
        if (!at.isValid())
            return {};
        const qint64 ms = at.toMSecsSinceEpoch();
        const qint64 hour = ms >= 0 ? ms / 3'600'000 : (ms - 3'599'999) / 3'600'000;
        auto offset = m_offsets.constFind(hour);
        if (offset == m_offsets.cend())
            offset = m_offsets.insert(hour, m_zone.offsetFromUtc(at));
        const qint64 local = ms / 1000 + offset.value() - (ms < 0 && ms % 1000 ? 1 : 0);
        const qint64 days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
        const qint64 seconds = local - days * 86400;
        const QDate date = QDate::fromJulianDay(days + 2440588); // 1970-01-01
        return u"%1-%2-%3 %4:%5:%6"_s.arg(date.year(), 4, 10, QChar(u'0'))
            .arg(date.month(), 2, 10, QChar(u'0'))
            .arg(date.day(), 2, 10, QChar(u'0'))
            .arg(seconds / 3600, 2, 10, QChar(u'0'))
            .arg(seconds / 60 % 60, 2, 10, QChar(u'0'))
            .arg(seconds % 60, 2, 10, QChar(u'0'));
    }

private:
    QTimeZone m_zone;
    QHash<qint64, int> m_offsets;
};

} // namespace

CsvExporter::CsvExporter(const HistoryQuery &history, QObject *parent)
    : QObject(parent)
    , m_history(history)
{}

QStringList CsvExporter::header()
{
    return {tr("Order no"),       tr("Created"),     tr("Terminal"),      tr("Cashier"),
            tr("Status"),         tr("Status code"), tr("Amount (yuan)"), tr("Provider"),
            tr("Provider code"),  tr("Pay no"),      tr("Attempts"),      tr("Paid at"),
            tr("Refunded (yuan)")};
}

// The words are History's own (context "DisplayText", as the provider registry's names
// are), so that the file says what the screen says and is translated once.
QString CsvExporter::statusWord(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Paid:
        return QCoreApplication::translate("DisplayText", "Paid");
    case HistoryStatus::AwaitingPayment:
        return QCoreApplication::translate("DisplayText", "Awaiting payment");
    case HistoryStatus::Cancelling:
        return QCoreApplication::translate("DisplayText", "Cancelling");
    case HistoryStatus::Cancelled:
        return QCoreApplication::translate("DisplayText", "Cancelled");
    case HistoryStatus::Expired:
        return QCoreApplication::translate("DisplayText", "Expired");
    }
    return QString(sqlText(status));
}

QString CsvExporter::providerWord(const QString &provider)
{
    if (const ProviderKind *kind = ProviderRegistry::kind(provider))
        return QCoreApplication::translate("DisplayText", kind->displayName);
    if (provider == kCashProvider)
        return QCoreApplication::translate("DisplayText", "Cash");
    return provider; // one this till does not know (another till's): its own name
}

const QString &CsvExporter::cachedProviderWord(const QString &provider)
{
    auto word = m_providerWords.constFind(provider);
    if (word == m_providerWords.cend())
        word = m_providerWords.insert(provider, providerWord(provider));
    return word.value();
}

QString CsvExporter::escapeField(const QString &field)
{
    QString text = field;
    if (!text.isEmpty() && (text.front() == u'=' || text.front() == u'+' || text.front() == u'-' ||
                            text.front() == u'@' || text.front() == u'\t' || text.front() == u'\r'))
        text.prepend(u'\'');
    const bool quote =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r');
    if (!quote)
        return text;
    text.replace(u"\""_s, u"\"\""_s);
    return u'"' + text + u'"';
}

Status CsvExporter::write(const QByteArray &bytes)
{
    if (m_out->write(bytes) != bytes.size())
        return Error{ErrorCode::Write, tr("Cannot write the export: %1").arg(m_out->errorString())};
    return success();
}

Status CsvExporter::begin(const Staff &staff, const HistoryFilter &filter, QIODevice *out)
{
    if (auto allowed = staff.require(Permission::Export); !allowed)
        return allowed;
    if (!out || !out->isWritable())
        return Error{ErrorCode::Write, tr("The export file is not open for writing.")};
    auto total = m_history.count(staff, filter);
    if (!total)
        return total.error();
    m_staff = staff;
    m_filter = filter;
    m_out = out;
    m_cursor = {};
    m_written = 0;
    m_total = *total;
    m_cancelled = false;
    m_done = false;
    m_statusWords.clear();
    for (const HistoryStatus status :
         {HistoryStatus::AwaitingPayment, HistoryStatus::Cancelling, HistoryStatus::Paid,
          HistoryStatus::Cancelled, HistoryStatus::Expired})
        m_statusWords.insert(int(status), statusWord(status));
    m_providerWords.clear();
    QStringList fields;
    for (const QString &name : header())
        fields.append(escapeField(name));
    qCInfo(lcExport) << staff.name() << "exports" << m_total << "orders";
    return write("\xEF\xBB\xBF" + fields.join(u',').toUtf8() + "\r\n");
}

Result<bool> CsvExporter::writeChunk()
{
    if (m_cancelled)
        return Error{ErrorCode::Cancelled, tr("The export was cancelled.")};
    if (m_done || !m_out)
        return false;
    auto page = m_history.page(m_staff, m_filter, m_cursor, kChunkRows);
    if (!page)
        return page.error();
    LocalTimeText timeText(m_history.timeZone());
    QString text;
    text.reserve(page->rows.size() * 160);
    for (const HistoryRow &row : page->rows) {
        const QString fields[] = {row.orderNo,
                                  timeText(row.createdAt),
                                  row.terminalId,
                                  row.operatorName,
                                  m_statusWords.value(int(row.status)),
                                  QString(sqlText(row.status)),
                                  formatYuan(row.total),
                                  cachedProviderWord(row.provider),
                                  row.provider,
                                  row.payNo,
                                  QString::number(row.attempts),
                                  timeText(row.paidAt),
                                  formatYuan(row.refunded)};
        bool first = true;
        for (const QString &field : fields) {
            if (!first)
                text += u',';
            first = false;
            text += escapeField(field);
        }
        text += u"\r\n"_s;
    }
    if (auto written = write(text.toUtf8()); !written)
        return written.error();
    m_written += page->rows.size();
    m_cursor = page->next;
    m_done = page->atEnd;
    return !m_done;
}

Result<qint64> CsvExporter::exportAll(const Staff &staff, const HistoryFilter &filter,
                                      QIODevice *out, const Progress &progress)
{
    if (auto begun = begin(staff, filter, out); !begun)
        return begun.error();
    for (;;) {
        auto more = writeChunk();
        if (!more)
            return more.error();
        if (progress && !progress(m_written, m_total))
            cancel();
        if (!*more)
            return m_written;
    }
}

} // namespace shouyin
