#include "refundclient.h"

namespace shouyin {

RefundClient::RefundClient(RefundBook &book, QObject *parent)
    : QObject(parent)
    , m_book(book)
    , m_mailbox(this)
{
    connect(&book, &RefundBook::returnRecorded, this, &RefundClient::returnRecorded);
    connect(&book, &RefundBook::refundChanged, this, &RefundClient::refundChanged);
    connect(&book, &RefundBook::alertRaised, this, &RefundClient::alertRaised);
}

RefundClient::~RefundClient()
{
    m_mailbox.close();
}

void RefundClient::refundable(qint64 orderId, QObject *context, Then<RefundableOrder> then)
{
    call<RefundableOrder>([orderId](RefundBook &book) { return book.refundable(orderId); }, context,
                          std::move(then));
}

void RefundClient::requestReturn(const ReturnRequest &request, const Staff &cashier,
                                 const Staff &approver, QObject *context, Then<ReturnRecord> then)
{
    call<ReturnRecord>(
        [request, cashier, approver](RefundBook &book) {
            return book.requestReturn(request, cashier, approver);
        },
        context, std::move(then));
}

void RefundClient::refundPayment(const QString &payNo, const QString &reason, const Staff &cashier,
                                 const Staff &approver, QObject *context, Then<ReturnRecord> then)
{
    call<ReturnRecord>(
        [payNo, reason, cashier, approver](RefundBook &book) {
            return book.refundPayment(payNo, reason, cashier, approver);
        },
        context, std::move(then));
}

void RefundClient::retryRefund(const QString &refundNo, const Staff &approver, QObject *context,
                               Then<Refund> then)
{
    call<Refund>(
        [refundNo, approver](RefundBook &book) { return book.retryRefund(refundNo, approver); },
        context, std::move(then));
}

} // namespace shouyin
