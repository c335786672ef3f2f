#pragma once

// What the WeChat refund suites share: CodePayFixture with the gateway on the test's clock
// (a fixed day, far from today's), paid trades to refund, and the refund calls run to
// their callbacks.

#include "codepayfixture.h"

#include <chrono>

namespace {

// Long enough that only the test's clock settles a refund.
constexpr auto kSettle = std::chrono::hours(1);

std::optional<Result<RefundSnapshot>> refund(Refunds &refunds, const RefundRequest &request)
{
    return await<RefundSnapshot>(
        [&](QObject *context, auto done) { refunds.refund(request, context, std::move(done)); });
}

std::optional<Result<RefundSnapshot>> queryRefund(Refunds &refunds, const RefundRequest &request)
{
    return await<RefundSnapshot>([&](QObject *context, auto done) {
        refunds.queryRefund(request, context, std::move(done));
    });
}

} // namespace

class RefundFixture : public CodePayFixture
{
protected:
    void init()
    {
        CodePayFixture::init();
        m_now = QDateTime(QDate(2031, 3, 14), QTime(9, 26, 53), Qt::UTC);
        m_gateway->setClock([this] { return m_now; });
        m_gateway->setRefundBehaviour(RefundBehaviour::Succeeds, kSettle);
    }

    // A paid WeChat trade of `amount`, by payment code.
    QString paidTrade(WechatV2Provider &provider, const QString &payNo, Fen amount)
    {
        const QString code = QStringLiteral("13456789012345%1").arg(++m_codes, 4, 10, QChar(u'0'));
        m_gateway->setCodeCustomer(code, CodeCustomer::PaysAtOnce);
        const auto paid = charge(provider, chargeRequest(payNo, code, amount));
        if (!paid || !paid->ok())
            qWarning("cannot pay %s: %s", qPrintable(payNo), why(paid).constData());
        return payNo;
    }

    static RefundRequest request(const QString &payNo, const QString &refundNo, Fen total,
                                 Fen amount)
    {
        return {payNo, refundNo, total, amount, QStringLiteral("顾客退货")};
    }

    // The gateway's clock moves past the settle time of every refund made so far.
    void settle() { m_now = m_now.addSecs(std::chrono::seconds(kSettle).count()); }

    QDateTime m_now;
    int m_codes = 0;
};
