#pragma once

// A shop day driven through the real Checkout (so that History and the report read what
// the state machine really writes), on two terminals, with signed-in staff: a manager
// and the cashiers alice, bob and carol. Times are set on the ledger's clock.

#include "auth/userstore.h"
#include "scriptedprovider.h"
#include "testledger.h"

#include <QTimeZone>

#include <chrono>

namespace shouyin::testing {

class AlipayScripted : public ScriptedProvider
{
public:
    QString name() const override { return QStringLiteral("alipay"); }
};

class ShopFixture
{
public:
    static constexpr int kFastIterations = 1000; // the PIN tests check the real default

    ShopFixture()
        : users(*ledger.database, UserStore::Options{kFastIterations, ledger.clock()})
        , t02(*ledger.database, QStringLiteral("T02"), ledger.clock())
    {
        manager = must(users.createFirstManager(QStringLiteral("店长"), QStringLiteral("1234")));
        for (const QString &name :
             {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            if (!users.createUser(manager, name, Role::Cashier, QStringLiteral("1111")))
                qFatal("cannot create %s", qPrintable(name));
        }
        alice = must(users.signIn(QStringLiteral("alice"), QStringLiteral("1111")));
        bob = must(users.signIn(QStringLiteral("bob"), QStringLiteral("1111")));
        carol = must(users.signIn(QStringLiteral("carol"), QStringLiteral("1111")));
    }

    static QTimeZone shanghai() { return QTimeZone(QByteArrayLiteral("Asia/Shanghai")); }
    // A wall-clock time in Shanghai on 2026-11-`day`.
    static QDateTime at(int day, int hour, int minute, int second = 0)
    {
        return QDateTime(QDate(2026, 11, day), QTime(hour, minute, second), shanghai()).toUTC();
    }

    Checkout &till(const QString &terminal) { return terminal == u"T02" ? t02 : *ledger.checkout; }
    qint64 product(const char *barcode) const
    {
        return ledger.productId(QString::fromLatin1(barcode));
    }

    Order place(const QString &terminal, const QString &cashier, const Sale &sale,
                const QDateTime &when)
    {
        ledger.now = when;
        return must(till(terminal).placeOrder(sale, cashier));
    }

    Payment open(const QString &terminal, const Order &order, PaymentProvider &provider)
    {
        Payment payment = must(till(terminal).openPayment(
            order.id, provider, std::chrono::minutes(10), order.operatorName));
        if (!till(terminal).recordQrIssued(payment.payNo, QStringLiteral("weixin://test")))
            qFatal("recordQrIssued failed");
        return payment;
    }

    void apply(const QString &terminal, const Payment &payment, TradeState state, Fen amount = -1)
    {
        ScriptedProvider &provider = payment.provider == u"alipay" ? alipay : wechat;
        const Fen reported = amount >= 0 ? amount : payment.amount;
        if (!till(terminal).apply(payment.payNo, provider.state(payment.payNo, state, reported),
                                  Source::Poll))
            qFatal("apply failed");
    }

    // Placed, QR shown, paid a minute later.
    Order sell(const QString &terminal, const QString &cashier, const Sale &sale,
               const QDateTime &when, PaymentProvider &provider)
    {
        const Order order = place(terminal, cashier, sale, when);
        const Payment payment = open(terminal, order, provider);
        ledger.now = when.addSecs(60);
        apply(terminal, payment, TradeState::Success);
        return order;
    }

    // The QR's deadline passed and the provider confirmed the close.
    Order expire(const QString &terminal, const QString &cashier, const QList<CartLine> &lines,
                 const QDateTime &when)
    {
        const Order order = place(terminal, cashier, lines, when);
        const Payment payment = open(terminal, order, wechat);
        ledger.now = payment.expiresAt.addSecs(1);
        apply(terminal, payment, TradeState::Closed);
        return order;
    }

    // The cashier gave up: before any QR, or (withAttempt) while one was shown.
    Order cancel(const QString &terminal, const QString &cashier, const QList<CartLine> &lines,
                 const QDateTime &when, bool withAttempt)
    {
        const Order order = place(terminal, cashier, lines, when);
        if (!withAttempt) {
            if (!till(terminal).requestCancel(order.id, cashier))
                qFatal("requestCancel failed");
            return order;
        }
        const Payment payment = open(terminal, order, wechat);
        ledger.now = when.addSecs(30);
        if (!till(terminal).requestCancel(order.id, cashier))
            qFatal("requestCancel failed");
        apply(terminal, payment, TradeState::Closed);
        return order;
    }

    // The known day, 2026-11-23 in Shanghai, with one order on each side of it. Every
    // figure the tests expect is worked out by hand from these lines, not read back.
    // Prices: water 2.00, noodles 4.50, chocolate 8.50.
    struct SampleDay
    {
        QList<Order> orders; // in the order they were placed, #1 first
        Order order(int number) const { return orders.at(number - 1); }
    };
    SampleDay sampleDay()
    {
        const qint64 water = product("6901");
        const qint64 noodles = product("6902");
        const qint64 chocolate = product("6903");
        const QString one = QStringLiteral("T01");
        const QString two = QStringLiteral("T02");
        const QString a = alice.name();
        const QString b = bob.name();
        const QString c = carol.name();
        SampleDay day;
        auto &o = day.orders;
        o.append(sell(one, c, {{water, 1}}, at(23, 0, 0), wechat));                 // 1: 200
        o.append(sell(one, a, {{water, 2}, {chocolate, 1}}, at(23, 9, 5), wechat)); // 2: 1250
        o.append(sell(one, a, {{noodles, 1}}, at(23, 9, 40), wechat));              // 3: 450
        o.append(sell(two, b, {{chocolate, 1}}, at(23, 10, 15), alipay));           // 4: 850
        o.append(expire(two, b, {{water, 1}}, at(23, 10, 20)));                     // 5: 200
        o.append(cancel(one, a, {{noodles, 1}}, at(23, 11, 0), false));             // 6: 450
        o.append(cancel(one, a, {{water, 3}}, at(23, 11, 30), true));               // 7: 600
        o.append(sell(two, b, {{noodles, 2}}, at(23, 14, 45), wechat));             // 8: 900
        o.append(place(two, b, {{chocolate, 1}}, at(23, 14, 50)));                  // 9: 850
        open(two, o.last(), wechat);
        // 10: 200, a reply with the wrong amount (refused, alert_mismatch), then the right one.
        o.append(place(one, c, {{water, 1}}, at(23, 15, 10)));
        const Payment mismatched = open(one, o.last(), wechat);
        ledger.now = at(23, 15, 11);
        apply(one, mismatched, TradeState::Success, 1);
        apply(one, mismatched, TradeState::Success);
        // 11: 400, cancelled and closed, then the customer's payment lands after all
        // (alert_paid_after_close and alert_paid_after_cancel); the order ends PAID.
        o.append(place(one, a, {{water, 2}}, at(23, 16, 0)));
        const Payment late = open(one, o.last(), wechat);
        ledger.now = at(23, 16, 1);
        if (!till(one).requestCancel(o.last().id, a))
            qFatal("requestCancel failed");
        apply(one, late, TradeState::Closed);
        ledger.now = at(23, 16, 2);
        apply(one, late, TradeState::Success);
        o.append(sell(one, a, {{chocolate, 1}}, at(22, 23, 59, 59), wechat)); // 12: 850
        o.append(sell(two, b, {{water, 1}}, at(24, 0, 0), wechat));           // 13: 200
        o.append(sell(two, c, {{noodles, 1}}, at(23, 23, 59, 59), alipay));   // 14: 450
        return day;
    }

    template<typename T> static T must(Result<T> result)
    {
        if (!result)
            qFatal("%s: %s", qPrintable(result.error().name()), qPrintable(result.error().message));
        return std::move(result).value();
    }

    TestLedger ledger;
    ScriptedProvider wechat;
    AlipayScripted alipay;
    UserStore users;
    Checkout t02;
    Staff manager;
    Staff alice;
    Staff bob;
    Staff carol;
};

} // namespace shouyin::testing
