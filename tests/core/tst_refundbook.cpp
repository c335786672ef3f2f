// Returns and refunds through their own funnel: what may go back (never more than was
// paid, counting every earlier refund), who may approve it, where the money goes (the
// provider tenders first, then the drawer), the goods back on the shelf, and the settler
// that takes every provider refund to a final state and survives a restart.
#include "ids/paynumbers.h"
#include "refund/refundbook.h"
#include "refund/refundsettler.h"
#include "schedule/jobqueue.h"
#include "shopfixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

template<typename T> T must(Result<T> result)
{
    return ShopFixture::must(std::move(result));
}

} // namespace

class TestRefundBook : public QObject
{
    Q_OBJECT

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<RefundBook> m_book;
    std::unique_ptr<RefundSettler> m_settler;

    RefundBook &book() { return *m_book; }
    Checkout &checkout() { return *m_shop->ledger.checkout; }
    JobQueue &jobs() { return checkout().jobs(); }
    const Staff &manager() const { return m_shop->manager; }
    const Staff &alice() const { return m_shop->alice; }

    // Two waters (2.00 each) and a chocolate (8.50), paid by WeChat: 12.50 yuan.
    Order soldByWechat()
    {
        return m_shop->sell(u"T01"_s, u"alice"_s,
                            {{m_shop->product("6901"), 2}, {m_shop->product("6903"), 1}},
                            ShopFixture::at(23, 10, 0), m_shop->wechat);
    }
    OrderItem line(const Order &order, const QString &barcode) const
    {
        for (const OrderItem &item : m_shop->ledger.orders->items(order.id)) {
            if (item.barcode == barcode)
                return item;
        }
        qFatal("no line %s", qPrintable(barcode));
    }
    ReturnRequest returning(const Order &order, QList<ReturnLine> lines,
                            StockAction stock = StockAction::Restock)
    {
        return ReturnRequest{order.id, std::move(lines), u"customer changed their mind"_s, stock};
    }
    Refund stored(const QString &refundNo) { return *must(book().readRefund(refundNo)); }
    void startSettler()
    {
        m_settler = std::make_unique<RefundSettler>(
            book(), jobs(), ProviderRegistry{&m_shop->wechat, &m_shop->alipay});
        m_settler->start();
    }
    // Runs what is due and waits for the scripted provider's answers to be applied.
    void settle()
    {
        jobs().runDue();
        QTRY_COMPARE(m_settler->inFlight(), 0);
    }
    void later(qint64 seconds)
    {
        m_shop->ledger.now = m_shop->ledger.now.addSecs(seconds);
        settle();
    }
    QString jobKind(const QString &subject) const
    {
        const auto job = m_shop->ledger.checkout->jobs().job(subject);
        return job ? job->kind : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_shop->wechat.givesRefunds = true;
        m_shop->alipay.givesRefunds = true;
        m_book = std::make_unique<RefundBook>(*m_shop->ledger.database, jobs(), u"T01"_s,
                                              m_shop->ledger.clock());
    }
    void cleanup()
    {
        m_settler.reset();
        m_book.reset();
        m_shop.reset();
    }

    void aWholeReturnRefundsThePaymentAndRestocks()
    {
        const Order order = soldByWechat();
        QCOMPARE(m_shop->ledger.product(u"6901"_s).stock, 98);
        QSignalSpy recorded(&book(), &RefundBook::returnRecorded);
        const ReturnRecord back =
            must(book().requestReturn(returning(order, {}), alice(), manager()));
        QCOMPARE(back.amount, Fen(1250));
        QCOMPARE(back.items.size(), 2);
        QCOMPARE(back.requestedBy, u"alice"_s);
        QCOMPARE(back.approvedBy, manager().name());
        QCOMPARE(back.refunds.size(), 1);
        const Refund refund = back.refunds.first();
        QCOMPARE(refund.provider, u"wechat"_s);
        QCOMPARE(refund.amount, Fen(1250));
        QCOMPARE(refund.status, RefundStatus::Requested);
        QVERIFY(refund.refundNo.startsWith(u"T01R"_s));
        QVERIFY(PayNumbers::isProviderLegal(refund.refundNo));
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Requested);
        QCOMPARE(jobKind(refund.refundNo), QString(refundJobKind::kSend));
        QCOMPARE(m_shop->ledger.product(u"6901"_s).stock, 100);
        QCOMPARE(m_shop->ledger.product(u"6903"_s).stock, 5);
        QCOMPARE(recorded.size(), 1);
        const QStringList kinds = m_shop->ledger.eventKinds(order.id);
        QCOMPARE(kinds.mid(kinds.size() - 2),
                 (QStringList{u"return_recorded"_s, u"refund_requested"_s}));
        // The order stays a paid sale; the return is its own record.
        QCOMPARE(m_shop->ledger.orders->order(order.id)->status, OrderStatus::Paid);
        QCOMPARE(must(book().returns(order.id)).size(), 1);
    }

    void partialReturnsCountEveryEarlierOne()
    {
        const Order order = soldByWechat();
        const OrderItem water = line(order, u"6901"_s);
        QCOMPARE(must(book().requestReturn(returning(order, {{water.id, 1}}), alice(), manager()))
                     .amount,
                 Fen(200));
        QCOMPARE(must(book().requestReturn(returning(order, {{water.id, 1}}), alice(), manager()))
                     .amount,
                 Fen(200));
        // Two were sold and both came back: a third is refused before anything is written.
        const int refundsBefore = m_shop->ledger.count(u"SELECT COUNT(*) FROM refunds"_s);
        auto third = book().requestReturn(returning(order, {{water.id, 1}}), alice(), manager());
        QVERIFY(!third);
        QCOMPARE(third.error().code, ErrorCode::RefundTooLarge);
        QCOMPARE(m_shop->ledger.count(u"SELECT COUNT(*) FROM refunds"_s), refundsBefore);
        QCOMPARE(m_shop->ledger.product(u"6901"_s).stock, 100);

        const RefundableOrder left = must(book().refundable(order.id));
        QCOMPARE(left.refunded, Fen(400));
        QCOMPARE(left.goodsLeft(), Fen(850));
        QCOMPARE(left.surplus(), Fen(0));
        // The rest (the chocolate) by asking for everything left.
        QCOMPARE(must(book().requestReturn(returning(order, {}), alice(), manager())).amount,
                 Fen(850));
        auto nothing = book().requestReturn(returning(order, {}), alice(), manager());
        QCOMPARE(nothing.error().code, ErrorCode::NotRefundable);
        QCOMPARE(must(book().refundable(order.id)).refunded, Fen(1250));
    }

    void aQuantityOrLineThatIsNotThereIsRefused()
    {
        const Order order = soldByWechat();
        const OrderItem water = line(order, u"6901"_s);
        QCOMPARE(book()
                     .requestReturn(returning(order, {{water.id, 3}}), alice(), manager())
                     .error()
                     .code,
                 ErrorCode::RefundTooLarge);
        QCOMPARE(book()
                     .requestReturn(returning(order, {{water.id, 0}}), alice(), manager())
                     .error()
                     .code,
                 ErrorCode::RefundTooLarge);
        QCOMPARE(book()
                     .requestReturn(returning(order, {{water.id + 1000, 1}}), alice(), manager())
                     .error()
                     .code,
                 ErrorCode::UnknownProduct);
        ReturnRequest noReason = returning(order, {{water.id, 1}});
        noReason.reason = u"  "_s;
        QCOMPARE(book().requestReturn(noReason, alice(), manager()).error().code, ErrorCode::Usage);
        QCOMPARE(m_shop->ledger.count(u"SELECT COUNT(*) FROM returns"_s), 0);
    }

    void onlyAManagerApproves()
    {
        const Order order = soldByWechat();
        for (const Staff &approver : {m_shop->alice, m_shop->bob, Staff()}) {
            auto refused = book().requestReturn(returning(order, {}), alice(), approver);
            QCOMPARE(refused.error().code, ErrorCode::Forbidden);
        }
        QCOMPARE(book().requestReturn(returning(order, {}), Staff(), manager()).error().code,
                 ErrorCode::NotSignedIn);
        QCOMPARE(m_shop->ledger.count(u"SELECT COUNT(*) FROM returns"_s), 0);
        QVERIFY(manager().can(Permission::ApproveRefund));
        QVERIFY(!alice().can(Permission::ApproveRefund));
    }

    void anUnpaidOrderHasNothingToReturn()
    {
        const Order order = m_shop->place(u"T01"_s, u"alice"_s, {{m_shop->product("6901"), 1}},
                                          ShopFixture::at(23, 10, 0));
        QCOMPARE(book().requestReturn(returning(order, {}), alice(), manager()).error().code,
                 ErrorCode::NotRefundable);
        QCOMPARE(book().requestReturn({order.id + 99, {}, u"x"_s}, alice(), manager()).error().code,
                 ErrorCode::UnknownOrder);
    }

    void aSplitTenderRefundsTheProviderFirstThenTheDrawer()
    {
        m_shop->ledger.now = ShopFixture::at(23, 10, 0);
        const CashTaken cash = must(checkout().takeCash(
            {{m_shop->product("6901"), 2}, {m_shop->product("6903"), 1}}, 500, u"alice"_s));
        const Payment rest = m_shop->open(u"T01"_s, cash.order, m_shop->wechat);
        m_shop->apply(u"T01"_s, rest, TradeState::Success);
        QCOMPARE(m_shop->ledger.orders->order(cash.order.id)->status, OrderStatus::Paid);

        // The chocolate (8.50) is more than the WeChat tender took (7.50): the rest comes
        // from the drawer.
        const OrderItem chocolate = line(cash.order, u"6903"_s);
        const ReturnRecord back = must(
            book().requestReturn(returning(cash.order, {{chocolate.id, 1}}), alice(), manager()));
        QCOMPARE(back.refunds.size(), 2);
        QCOMPARE(back.refunds.at(0).provider, u"wechat"_s);
        QCOMPARE(back.refunds.at(0).amount, Fen(750));
        QCOMPARE(back.refunds.at(0).status, RefundStatus::Requested);
        QCOMPARE(back.refunds.at(1).provider, u"cash"_s);
        QCOMPARE(back.refunds.at(1).amount, Fen(100));
        QCOMPARE(back.refunds.at(1).status, RefundStatus::Refunded);
        QVERIFY(back.refunds.at(1).refundedAt.isValid());
        QVERIFY(!jobs().job(back.refunds.at(1).refundNo)); // the drawer paid it
        QVERIFY(m_shop->ledger.eventKinds(cash.order.id).contains(u"cash_refunded"_s));
        // The waters (4.00) can only come from the drawer now.
        const ReturnRecord waters =
            must(book().requestReturn(returning(cash.order, {}), alice(), manager()));
        QCOMPARE(waters.refunds.size(), 1);
        QCOMPARE(waters.refunds.at(0).provider, u"cash"_s);
        QCOMPARE(waters.refunds.at(0).amount, Fen(400));
    }

    void writtenOffGoodsStayOffTheShelf()
    {
        const Order order = soldByWechat();
        must(book().requestReturn(returning(order, {}, StockAction::Damaged), alice(), manager()));
        QCOMPARE(m_shop->ledger.product(u"6901"_s).stock, 98);
        QCOMPARE(m_shop->ledger.product(u"6903"_s).stock, 4);
        QCOMPARE(must(book().returns(order.id)).first().stock, StockAction::Damaged);
    }

    void aDoublePaymentGoesBackWholeAndTheSaleKeepsTheOther()
    {
        const Order order = soldByWechat();
        // A second attempt on the same order that the customer paid too.
        const Payment first = m_shop->ledger.orders->payments(order.id).first();
        QSqlQuery insert(m_shop->ledger.database->connection());
        QVERIFY(insert.exec(u"INSERT INTO payments (order_id, pay_no, provider, app_id, "
                            "merchant_id, amount_fen, status, created_at, expires_at, updated_at, "
                            "method) VALUES (%1, 'T01DOUBLE', 'wechat', 'wxapp', '1900000109', "
                            "1250, 'SUCCESS', 0, 0, 0, 'qr')"_s.arg(order.id)));
        QCOMPARE(must(book().refundable(order.id)).surplus(), Fen(1250));
        const ReturnRecord back =
            must(book().refundPayment(u"T01DOUBLE"_s, u"paid twice"_s, alice(), manager()));
        QCOMPARE(back.amount, Fen(1250));
        QVERIFY(back.items.isEmpty());
        QCOMPARE(back.stock, StockAction::None);
        QCOMPARE(back.refunds.first().payNo, u"T01DOUBLE"_s);
        QCOMPARE(m_shop->ledger.product(u"6901"_s).stock, 98); // no goods came back
        // The other payment pays for the goods the customer keeps.
        QCOMPARE(book().refundPayment(first.payNo, u"again"_s, alice(), manager()).error().code,
                 ErrorCode::NotRefundable);
        QCOMPARE(book().refundPayment(u"T01DOUBLE"_s, u"again"_s, alice(), manager()).error().code,
                 ErrorCode::NotRefundable);
        QCOMPARE(book().refundPayment(u"NOSUCH"_s, u"x"_s, alice(), manager()).error().code,
                 ErrorCode::UnknownPayment);
    }

    void theFunnelAppliesEachAnswerOnceAndRefusesAnotherRefundsAnswer()
    {
        const Order order = soldByWechat();
        const Refund refund =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        const RefundRequest asked{refund.payNo, refund.refundNo, 1250, 1250, {}};
        auto snapshot = [&](RefundState state, Fen amount) {
            RefundSnapshot s = ScriptedProvider::refundState(asked, state);
            s.amount = amount;
            return s;
        };
        QSignalSpy alerts(&book(), &RefundBook::alertRaised);
        QCOMPARE(must(book().apply(refund.refundNo, snapshot(RefundState::Processing, 1250),
                                   Source::Settler)),
                 ApplyResult::Applied);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Processing);
        QCOMPARE(jobKind(refund.refundNo), QString(refundJobKind::kQuery));
        // One fen off, or about another refund or trade: refused, raised, not applied.
        QCOMPARE(must(book().apply(refund.refundNo, snapshot(RefundState::Success, 1249),
                                   Source::Notify)),
                 ApplyResult::Refused);
        RefundSnapshot other = snapshot(RefundState::Success, 1250);
        other.refundNo = u"T01ROTHER"_s;
        QCOMPARE(must(book().apply(refund.refundNo, other, Source::Notify)), ApplyResult::Refused);
        other = snapshot(RefundState::Success, 1250);
        other.payNo = u"T01OTHERTRADE"_s;
        QCOMPARE(must(book().apply(refund.refundNo, other, Source::Notify)), ApplyResult::Refused);
        QCOMPARE(alerts.size(), 3);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Processing);
        QCOMPARE(m_shop->ledger.eventCount(u"alert_refund_mismatch"_s), 3);

        QCOMPARE(must(book().apply(refund.refundNo, snapshot(RefundState::Success, 1250),
                                   Source::Notify)),
                 ApplyResult::Applied);
        const Refund done = stored(refund.refundNo);
        QCOMPARE(done.status, RefundStatus::Refunded);
        QVERIFY(done.refundedAt.isValid());
        QVERIFY(!done.providerRefundId.isEmpty());
        QVERIFY(!jobs().job(refund.refundNo));
        // A replay, or a late "failed", changes nothing: REFUNDED is final.
        QCOMPARE(must(book().apply(refund.refundNo, snapshot(RefundState::Success, 1250),
                                   Source::Notify)),
                 ApplyResult::NoChange);
        QCOMPARE(must(book().apply(refund.refundNo, snapshot(RefundState::Failed, 1250),
                                   Source::Notify)),
                 ApplyResult::NoChange);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Refunded);
        QCOMPARE(m_shop->ledger.eventCount(u"refund_succeeded"_s), 1);
        QCOMPARE(book().apply(u"NOSUCH"_s, other, Source::Notify).error().code,
                 ErrorCode::UnknownRefund);
    }

    void theSettlerSendsThenQueriesUntilRefunded()
    {
        const Order order = soldByWechat();
        startSettler();
        QSignalSpy settled(m_settler.get(), &RefundSettler::settled);
        const Refund refund =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        settle();
        QCOMPARE(m_shop->wechat.count(u"refund:"_s), 1);
        const RefundRequest sent = m_shop->wechat.refundRequests.first();
        QCOMPARE(sent.refundNo, refund.refundNo);
        QCOMPARE(sent.payNo, refund.payNo);
        QCOMPARE(sent.paymentAmount, Fen(1250));
        QCOMPARE(sent.refundAmount, Fen(1250));
        QCOMPARE(sent.reason, u"customer changed their mind"_s);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Processing);
        // The provider is still at it the first time it is asked.
        m_shop->wechat.refundQueryResults.append(
            ScriptedProvider::nextRefund(RefundState::Processing));
        later(10);
        QCOMPARE(m_shop->wechat.count(u"refundquery:"_s), 1);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Processing);
        QVERIFY(settled.isEmpty());
        later(60);
        QCOMPARE(m_shop->wechat.count(u"refundquery:"_s), 2);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Refunded);
        QCOMPARE(settled.size(), 1);
        QVERIFY(!jobs().job(refund.refundNo));
        later(3600);
        QCOMPARE(m_shop->wechat.count(u"refund"_s), 3); // nothing more was asked
    }

    void anUnknownOutcomeIsSentAgainWithTheSameNumber()
    {
        const Order order = soldByWechat();
        startSettler();
        m_shop->wechat.refundResults.append(Error::provider(u"SYSTEMERROR"_s, u"busy"_s));
        m_shop->wechat.refundResults.append(Error{ErrorCode::Timeout, u"no answer"_s});
        const Refund refund =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        settle();
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Requested);
        QVERIFY(stored(refund.refundNo).lastError.contains(u"SYSTEMERROR"_s));
        QCOMPARE(jobKind(refund.refundNo), QString(refundJobKind::kSend));
        later(120);
        later(600);
        QCOMPARE(m_shop->wechat.count(u"refund:"_s), 3);
        for (const RefundRequest &request : std::as_const(m_shop->wechat.refundRequests))
            QCOMPARE(request.refundNo, refund.refundNo);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Processing);
        later(60);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Refunded);
    }

    void aRefusalFailsTheRefundAndAManagerMaySendItAgain()
    {
        const Order order = soldByWechat();
        startSettler();
        m_shop->wechat.refundResults.append(
            Error::provider(u"NOTENOUGH"_s, u"the merchant's balance is insufficient"_s));
        const Refund refund =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        settle();
        const Refund failed = stored(refund.refundNo);
        QCOMPARE(failed.status, RefundStatus::Failed);
        QVERIFY(failed.lastError.contains(u"NOTENOUGH"_s));
        QVERIFY(failed.lastError.contains(u"insufficient"_s));
        QVERIFY(!jobs().job(refund.refundNo));
        // A failed refund gives nothing back: its money can be refunded again.
        QCOMPARE(must(book().refundable(order.id)).refunded, Fen(0));
        QCOMPARE(book().retryRefund(refund.refundNo, alice()).error().code, ErrorCode::Forbidden);
        const Refund again = must(book().retryRefund(refund.refundNo, manager()));
        QVERIFY(again.refundNo != refund.refundNo);
        QCOMPARE(again.amount, Fen(1250));
        QCOMPARE(again.returnId, refund.returnId);
        settle();
        later(10);
        QCOMPARE(stored(again.refundNo).status, RefundStatus::Refunded);
        // Once refunded, neither can be sent again.
        QCOMPARE(book().retryRefund(refund.refundNo, manager()).error().code,
                 ErrorCode::RefundTooLarge);
        QCOMPARE(book().retryRefund(again.refundNo, manager()).error().code,
                 ErrorCode::NotRefundable);
    }

    void aRefundThatFailedAfterTheProviderTookItIsNeverSentAgain()
    {
        const Order order = soldByWechat();
        startSettler();
        const Refund refund =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        settle(); // accepted: PROCESSING, with the provider's refund id
        QVERIFY(!stored(refund.refundNo).providerRefundId.isEmpty());
        RefundSnapshot change = ScriptedProvider::nextRefund(RefundState::Failed, 1250);
        change.rawState = u"CHANGE"_s;
        m_shop->wechat.refundQueryResults.append(change);
        later(10);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Failed);
        // The money may yet reach the customer through the provider's platform: it is
        // not refundable again here, by a retry or as surplus.
        const RefundableOrder left = must(book().refundable(order.id));
        QCOMPARE(left.refunded, Fen(1250));
        QCOMPARE(left.surplus(), Fen(0));
        QCOMPARE(book().retryRefund(refund.refundNo, manager()).error().code,
                 ErrorCode::NotRefundable);
        QCOMPARE(book().refundPayment(refund.payNo, u"again"_s, alice(), manager()).error().code,
                 ErrorCode::NotRefundable);
    }

    void aRefundTheProviderNeverGotIsSentAgainAfterAQuery()
    {
        const Order order = soldByWechat();
        startSettler();
        const Refund refund =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        // The till was stopped before the send; on the way back its job is a query.
        QVERIFY(
            jobs().schedule(QString(refundJobKind::kQuery), refund.refundNo, m_shop->ledger.now));
        m_shop->wechat.refundQueryResults.append(
            ScriptedProvider::nextRefund(RefundState::NotFound));
        settle();
        settle();
        QCOMPARE(m_shop->wechat.count(u"refundquery:"_s), 1);
        QCOMPARE(m_shop->wechat.count(u"refund:"_s), 1);
        QCOMPARE(stored(refund.refundNo).status, RefundStatus::Processing);
    }

    void aRestartResumesEveryOpenRefundExactlyOnce()
    {
        const Order order = soldByWechat();
        const Order other = m_shop->sell(u"T01"_s, u"alice"_s, {{m_shop->product("6902"), 1}},
                                         ShopFixture::at(23, 10, 5), m_shop->alipay);
        // Written while no settler ran (the till died right after the commit).
        const Refund first =
            must(book().requestReturn(returning(order, {}), alice(), manager())).refunds.first();
        const Refund second =
            must(book().requestReturn(returning(other, {}), alice(), manager())).refunds.first();
        must(book().apply(
            second.refundNo,
            ScriptedProvider::refundState({second.payNo, second.refundNo, 450, 450, {}},
                                          RefundState::Processing),
            Source::Settler));
        // A job lost from the table is found again from the refund's state.
        QVERIFY(jobs().complete(second.refundNo));
        startSettler();
        settle();
        QCOMPARE(m_shop->wechat.count(u"refund:"_s), 1);
        QCOMPARE(m_shop->alipay.count(u"refundquery:"_s), 1);
        QCOMPARE(m_shop->alipay.count(u"refund:"_s), 0);
        QCOMPARE(stored(second.refundNo).status, RefundStatus::Refunded);
        later(10);
        QCOMPARE(stored(first.refundNo).status, RefundStatus::Refunded);
        QCOMPARE(m_shop->wechat.count(u"refund:"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestRefundBook)
#include "tst_refundbook.moc"
