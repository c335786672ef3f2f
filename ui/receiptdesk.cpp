#include "receiptdesk.h"

#include "displaytext.h"
#include "print/escposcommands.h"
#include "print/escposprinter.h"
#include "print/systemprinter.h"
#include "receipt/escposreceipt.h"
#include "store/orderstore.h"

#include <QLoggingCategory>

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
    send(*receipt);
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
    ReceiptHeader header;
    header.shopName = m_config.shopName;
    header.address = m_config.address;
    header.training = m_training;
    header.tenderLabel = [](const QString &provider) {
        return DisplayText::provider(provider);
    };
    const QString paidAt = (*order)->paidAt.toTimeZone(m_zone).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return fromOrder(**order, m_orders->items(orderId), m_orders->payments(orderId), header,
                     paidAt);
}

void ReceiptDesk::send(const Receipt &receipt)
{
    const QString orderNo = receipt.orderNo;
    if (m_escPos) {
        const QByteArray bytes = renderEscPos(receipt, m_config.paper);
        if (bytes.isEmpty()) {
            Q_EMIT receiptFailed(orderNo, tr("This computer cannot write Chinese text for the "
                                             "receipt printer (no GB18030 support)."));
            return;
        }
        m_escPos->print(bytes, this, [this, orderNo](Status printed) {
            if (printed)
                Q_EMIT receiptPrinted(orderNo, printerName());
            else
                Q_EMIT receiptFailed(orderNo, printed.error().message);
        });
        return;
    }
    m_system->printReceipt(receipt, m_config.paper, orderNo, this,
                           [this, orderNo](Result<QString> printed) {
                               if (printed)
                                   Q_EMIT receiptPrinted(orderNo, *printed);
                               else
                                   Q_EMIT receiptFailed(orderNo, printed.error().message);
                           });
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
    if (m_escPos) {
        const QByteArray bytes = renderEscPosDocument(lines);
        if (bytes.isEmpty())
            return done(Error{ErrorCode::PrinterFailed,
                              tr("This computer cannot write Chinese text for the receipt "
                                 "printer (no GB18030 support).")});
        m_escPos->print(bytes, this, [this, done](Status printed) {
            done(printed ? Result<QString>(printerName()) : Result<QString>(printed.error()));
        });
        return;
    }
    if (!m_system)
        return done(
            Error{ErrorCode::PrinterOffline, tr("No receipt printer is set up (Settings).")});
    QStringList text;
    for (const ReceiptTextLine &line : lines)
        text.append(line.text);
    m_system->printDocument(name, text, this, done);
}

QString ReceiptDesk::printerName() const
{
    return m_escPos ? describe(m_escPos->target()) : m_config.target;
}

} // namespace shouyin
