// The end-of-day summary at receipt width, on the till's receipt printer: the day's
// figures as the Reports page shows them, laid out by the core like a receipt.

#include "checkout/checkoutclient.h"
#include "receiptdesk.h"
#include "reportspage.h"

#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace shouyin {

void ReportsPage::printSummary()
{
    ReceiptDesk *desk = m_services.receipts;
    if (!desk || desk->config().kind == PrinterConfig::Kind::None) {
        showMessage(tr("No receipt printer is set up (Settings)."), u"color: #b3261e;"_s);
        return;
    }
    if (!m_report.day.isValid())
        return;
    const QString terminalId = m_services.checkout ? m_services.checkout->terminalId() : QString();
    const QString name = desk->printDaySummary(m_report, terminalId, m_clock.now());
    m_summariesPrinting.append(name);
    showMessage(tr("Printing the summary of %1…").arg(m_report.day.toString(u"yyyy-MM-dd"_s)),
                QString());
}

void ReportsPage::connectReceiptDesk()
{
    ReceiptDesk *desk = m_services.receipts;
    if (!desk)
        return;
    // The desk prints other pages' documents too: only this page's are its business.
    connect(desk, &ReceiptDesk::documentPrinted, this,
            [this](const QString &name, const QString &where) {
                if (m_summariesPrinting.removeOne(name))
                    showMessage(tr("The summary printed (%1).").arg(where), u"color: #1b7f3a;"_s);
            });
    connect(desk, &ReceiptDesk::documentFailed, this,
            [this](const QString &name, const QString &message) {
                if (m_summariesPrinting.removeOne(name))
                    showMessage(tr("The summary did not print: %1").arg(message),
                                u"color: #b3261e;"_s);
            });
}

} // namespace shouyin
