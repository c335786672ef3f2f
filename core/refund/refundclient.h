#pragma once

#include "refund/refundbook.h"
#include "util/mailbox.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace shouyin {

// The window's way to the RefundBook on the till's ledger thread (which owns the job
// queue the refunds' settling work goes into): each call runs there, in order, and its
// result comes back on this client's thread while `context` exists. See CheckoutClient.
class RefundClient : public QObject
{
    Q_OBJECT
public:
    template<typename T> using Then = std::function<void(Result<T>)>;

    explicit RefundClient(RefundBook &book, QObject *parent = nullptr);
    ~RefundClient() override;

    void refundable(qint64 orderId, QObject *context, Then<RefundableOrder> then);
    void requestReturn(const ReturnRequest &request, const Staff &cashier, const Staff &approver,
                       QObject *context, Then<ReturnRecord> then);
    void refundPayment(const QString &payNo, const QString &reason, const Staff &cashier,
                       const Staff &approver, QObject *context, Then<ReturnRecord> then);
    void retryRefund(const QString &refundNo, const Staff &approver, QObject *context,
                     Then<Refund> then);

Q_SIGNALS:
    // The book's own signals, on this client's thread.
    void returnRecorded(const shouyin::ReturnRecord &record);
    void refundChanged(qint64 orderId, const QString &refundNo, shouyin::RefundStatus status);
    void alertRaised(qint64 orderId, const QString &kind, const QString &detail);

private:
    template<typename T>
    void call(std::function<Result<T>(RefundBook &)> work, QObject *context, Then<T> then)
    {
        QMetaObject::invokeMethod(
            &m_book,
            [&book = m_book, work = std::move(work), back = m_mailbox,
             context = QPointer<QObject>(context), then = std::move(then)] {
                Result<T> result = work(book);
                back.post([context, then, result = std::move(result)] {
                    if (context)
                        then(result);
                });
            },
            Qt::QueuedConnection);
    }

    RefundBook &m_book;
    Mailbox m_mailbox;
};

} // namespace shouyin
