#include "receiptdesk.h"

#include "displaytext.h"
#include "print/escposcommands.h"
#include "print/escposprinter.h"
#include "print/systemprinter.h"
#include "receipt/daysummary.h"
#include "receipt/escposreceipt.h"
#include "receipt/refundreceipt.h"
#include "store/orderstore.h"

#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace shouyin {

Q_LOGGING_CATEGORY(lcReceipts, "shouyin.ui.receipts")

Result<std::unique_ptr<ReceiptDesk>> ReceiptDesk::create(const PrinterConfig &config,
                                                         OrderStore *orders, QTimeZone zone,
                                                         bool training, QObject *parent)
{
    std::unique_ptr<ReceiptDesk> desk(
        new ReceiptDesk(config, orders, std::move(zone), training, parent));
    switch (config.kind) {
    case PrinterConfig::Kind::None:
        break;
    case PrinterConfig::Kind::EscPos: {
        auto target = parseEscPosTarget(config.target);
        if (!target)
            return Error{ErrorCode::Config, u"[printer] receipt: %1"_s.arg(target.error().message)};
        desk->m_escPos = std::make_unique<EscPosPrinter>(*target);
        break;
    }
    case PrinterConfig::Kind::System:
        desk->m_system = std::make_unique<SystemPrinter>(
            SystemPrintTarget{SystemPrintTarget::Kind::Printer, config.target, {}});
        break;
    case PrinterConfig::Kind::Pdf:
        desk->m_system = std::make_unique<SystemPrinter>(
            SystemPrintTarget{SystemPrintTarget::Kind::Pdf, {}, config.target});
        break;
    }
    return desk;
}

ReceiptDesk::ReceiptDesk(const PrinterConfig &config, OrderStore *orders, QTimeZone zone,
                         bool training, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_orders(orders)
    , m_zone(std::move(zone))
    , m_training(training)
{}

ReceiptDesk::~ReceiptDesk() = default;

bool ReceiptDesk::asks() const
{
    return m_config.kind != PrinterConfig::Kind::None &&
           m_config.policy == PrinterConfig::Policy::Ask;
}

void ReceiptDesk::saleCompleted(qint64 orderId, bool cashTaken)
{
    m_lastOrderId = orderId;
    // The drawer first: the cashier counts the change while the receipt prints.
    if (cashTaken)
        openDrawer();
    if (m_config.kind != PrinterConfig::Kind::None &&
        m_config.policy == PrinterConfig::Policy::Always)
        printReceipt(orderId);
}

void ReceiptDesk::printLastReceipt()
{
    if (m_lastOrderId != 0)
        printReceipt(m_lastOrderId);
}

void ReceiptDesk::printReceipt(qint64 orderId)
{
    auto receipt = receiptFor(orderId);
    if (!receipt) {
        Q_EMIT receiptFailed({}, receipt.error().message);
        return;
    }
    if (m_config.kind == PrinterConfig::Kind::None) {
        Q_EMIT receiptFailed(receipt->orderNo, tr("No receipt printer is set up (Settings)."));
        return;
    }
    send(*receipt, receipt->orderNo, [this, orderNo = receipt->orderNo](Result<QString> printed) {
        if (printed)
            Q_EMIT receiptPrinted(orderNo, *printed);
        else
            Q_EMIT receiptFailed(orderNo, printed.error().message);
    });
}

Result<Receipt> ReceiptDesk::receiptFor(qint64 orderId) const
{
    if (!m_orders)
        return Error{ErrorCode::Unsupported, tr("This printer prints test pages only.")};
    auto order = m_orders->readOrder(orderId);
    if (!order)
        return order.error();
    if (!*order)
        return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
    if ((*order)->status != OrderStatus::Paid)
        return Error{ErrorCode::OrderNotPayable,
                     tr("Order %1 is not paid: it has no receipt.").arg((*order)->orderNo)};
    const QString paidAt = (*order)->paidAt.toTimeZone(m_zone).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return fromOrder(**order, m_orders->items(orderId), m_orders->payments(orderId), header(),
                     paidAt);
}

ReceiptHeader ReceiptDesk::header() const
{
    ReceiptHeader header;
    header.shopName = m_config.shopName;
    header.address = m_config.address;
    header.training = m_training;
    header.tenderLabel = [](const QString &provider) {
        return DisplayText::provider(provider);
    };
    return header;
}

void ReceiptDesk::send(const Receipt &receipt, const QString &fileStem, Done done)
{
    if (m_escPos)
        return sendEscPos(renderEscPos(receipt, m_config.paper), std::move(done));
    m_system->printReceipt(receipt, m_config.paper, fileStem, this, std::move(done));
}

void ReceiptDesk::sendEscPos(const QByteArray &bytes, Done done)
{
    if (bytes.isEmpty())
        return done(Error{ErrorCode::PrinterFailed,
                          tr("This computer cannot write Chinese text for the receipt "
                             "printer (no GB18030 support).")});
    m_escPos->print(bytes, this, [this, done](Status printed) {
        done(printed ? Result<QString>(printerName()) : Result<QString>(printed.error()));
    });
}

void ReceiptDesk::returnCompleted(const ReturnRecord &record)
{
    const bool cashBack =
        std::any_of(record.refunds.cbegin(), record.refunds.cend(), [](const Refund &refund) {
            return refund.provider == kCashProvider && refund.status == RefundStatus::Refunded;
        });
    // The drawer first, as for a sale: the cashier counts the money out while it prints.
    if (cashBack)
        openDrawer();
    if (m_config.kind != PrinterConfig::Kind::None &&
        m_config.policy == PrinterConfig::Policy::Always)
        printRefund(record);
}

void ReceiptDesk::printRefund(const ReturnRecord &record)
{
    auto receipt = refundReceiptFor(record);
    if (!receipt) {
        Q_EMIT refundPrintFailed(record.orderNo, receipt.error().message);
        return;
    }
    if (m_config.kind == PrinterConfig::Kind::None) {
        Q_EMIT refundPrintFailed(record.orderNo, tr("No receipt printer is set up (Settings)."));
        return;
    }
    // A file of its own beside the sale's receipt, one for each return of the order.
    const QString stem = u"%1-refund-%2"_s.arg(receipt->orderNo).arg(record.id);
    send(*receipt, stem, [this, orderNo = receipt->orderNo](Result<QString> printed) {
        if (printed)
            Q_EMIT refundPrinted(orderNo, *printed);
        else
            Q_EMIT refundPrintFailed(orderNo, printed.error().message);
    });
}

Result<Receipt> ReceiptDesk::refundReceiptFor(const ReturnRecord &record) const
{
    if (!m_orders)
        return Error{ErrorCode::Unsupported, tr("This printer prints test pages only.")};
    auto order = m_orders->readOrder(record.orderId);
    if (!order)
        return order.error();
    if (!*order)
        return Error{ErrorCode::UnknownOrder, tr("The order does not exist.")};
    const QString at = record.createdAt.toTimeZone(m_zone).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return fromReturn(record, **order, header(), at,
                      [](RefundStatus status) { return DisplayText::refundStatus(status); });
}

void ReceiptDesk::openDrawer()
{
    if (!m_escPos || !m_config.drawer)
        return;
    m_escPos->openDrawer(this, [this](Status opened) {
        if (!opened) {
            qCWarning(lcReceipts) << "the drawer did not open:" << opened.error().message;
            Q_EMIT drawerFailed(opened.error().message);
        }
    });
}

void ReceiptDesk::printTestPage(const QStringList &lines)
{
    if (m_escPos) {
        m_escPos->print(escPosTestPage(lines.join(u'\n'), m_config.paper), this,
                        [this](Status printed) {
                            if (printed)
                                Q_EMIT testPagePrinted(printerName());
                            else
                                Q_EMIT testPageFailed(printed.error().message);
                        });
        return;
    }
    if (!m_system) {
        Q_EMIT testPageFailed(tr("No receipt printer is set up."));
        return;
    }
    m_system->printTestPage(lines, this, [this](Result<QString> printed) {
        if (printed)
            Q_EMIT testPagePrinted(*printed);
        else
            Q_EMIT testPageFailed(printed.error().message);
    });
}

void ReceiptDesk::printDocument(const QString &name, const QList<ReceiptTextLine> &lines)
{
    const auto done = [this, name](Result<QString> printed) {
        if (printed)
            Q_EMIT documentPrinted(name, *printed);
        else
            Q_EMIT documentFailed(name, printed.error().message);
    };
    if (m_escPos)
        return sendEscPos(renderEscPosDocument(lines), std::move(done));
    if (!m_system)
        return done(
            Error{ErrorCode::PrinterOffline, tr("No receipt printer is set up (Settings).")});
    QStringList text;
    for (const ReceiptTextLine &line : lines)
        text.append(line.text);
    m_system->printDocument(name, text, this, done);
}

QList<ReceiptTextLine> ReceiptDesk::daySummaryFor(const DailyReport &report,
                                                  const QString &terminalId,
                                                  const QDateTime &printedAt) const
{
    return layoutDaySummary(report, header(), terminalId,
                            printedAt.toTimeZone(m_zone).toString(u"yyyy-MM-dd HH:mm:ss"_s),
                            m_config.paper);
}

QString ReceiptDesk::printDaySummary(const DailyReport &report, const QString &terminalId,
                                     const QDateTime &printedAt)
{
    // Also the PDF's file name: one file a day, printed again over the last.
    const QString name = u"end-of-day-%1"_s.arg(report.day.toString(u"yyyyMMdd"_s));
    printDocument(name, daySummaryFor(report, terminalId, printedAt));
    return name;
}

QString ReceiptDesk::printerName() const
{
    return m_escPos ? describe(m_escPos->target()) : m_config.target;
}

} // namespace shouyin
