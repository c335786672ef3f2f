#pragma once

// What the refund suites share: the printing counter (SQLite, the sandbox gateway with its
// TLS endpoint for refunds, a virtual ESC/POS printer), a manager and a cashier, the
// till's refunds (RefundBook, its client and its settler, here on the test's thread), History
// and Reports, and the window with the cashier signed in; and how a cashier drives them.
//
// The till runs on the system clock: no date, time or zone is asserted.

#include "auth/userstore.h"
#include "cartmodel.h"
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "mainwindow.h"
#include "managerapprovaldialog.h"
#include "pay/wechat/wechatv2provider.h"
#include "paymentdialog.h"
#include "printingcounter.h"
#include "refund/refundbook.h"
#include "refund/refundclient.h"
#include "refund/refundsettler.h"
#include "refunddialog.h"
#include "report/dailyreporter.h"
#include "report/historyquery.h"
#include "sandbox/sandboxgateway.h"
#include "sandbox/trainingcustomer.h"
#include "sandboxmerchants.h"
#include "store/catalog.h"
#include "store/heldsales.h"
#include "store/orderstore.h"
#include "store/productbook.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

#include <memory>

namespace shouyin::testing {

inline const QString kWater = QStringLiteral("6970000000017"); // 1.99
inline const QString kBread = QStringLiteral("6970000000024"); // 12.80
inline const QString kCashier = QStringLiteral("小王");
inline const QString kCashierPin = QStringLiteral("1111");
inline const QString kManager = QStringLiteral("店长");
inline const QString kManagerPin = QStringLiteral("1234");
inline const QString kRefundTitle = QStringLiteral("REFUND / 退款");

inline constexpr int kPrintTimeoutMs = 10000;
inline constexpr int kPaidTimeoutMs = 15000;
// The settler asks the provider again 10 s after it accepted a refund.
inline constexpr int kRefundedTimeoutMs = 40000;

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

inline QString labelText(QWidget *root, const QString &name)
{
    auto *label = findIn<QLabel>(root, name);
    return label ? label->text() : QString();
}

class RefundCounter
{
public:
    // False, with a warning, when a part could not be made.
    bool start()
    {
        if (!counter.start())
            return false;
        // Refunds go to WeChat's certificate endpoint, as the real gateway's do.
        if (counter.gateway->listenSecure() == 0)
            return fail("the sandbox's TLS endpoint");
        counter.wechat =
            std::make_unique<WechatV2Provider>(sandboxWechatSecureConfig(*counter.gateway));

        constexpr int kFastPinIterations = 1000;
        users =
            std::make_unique<UserStore>(*counter.db, UserStore::Options{kFastPinIterations, {}});
        auto madeManager = users->createFirstManager(kManager, kManagerPin);
        if (!madeManager)
            return fail("the manager");
        manager = madeManager.value();
        if (!users->createUser(manager, kCashier, Role::Cashier, kCashierPin).ok())
            return fail("the cashier");
        auto signedIn = users->signIn(kCashier, kCashierPin);
        if (!signedIn)
            return fail("the cashier's sign-in");
        cashier = signedIn.value();

        const QTimeZone zone = counter.client->clock().zone();
        history = std::make_unique<HistoryQuery>(*counter.db, zone);
        reports = std::make_unique<DailyReporter>(*counter.db, zone);
        book = std::make_unique<RefundBook>(*counter.db, counter.checkout->jobs(),
                                            QStringLiteral("T01"));
        refunds = std::make_unique<RefundClient>(*book);
        settler = std::make_unique<RefundSettler>(*book, counter.checkout->jobs(),
                                                  ProviderRegistry{counter.wechat.get()});
        settler->start();

        customer = std::make_unique<TrainingCustomer>(counter.gateway->baseUrl());
        PosServices services = counter.services();
        services.simulateCustomer = [payer = customer.get()](const QString &codeUrl,
                                                             QObject *context, auto done) {
            payer->pay(codeUrl, context, std::move(done));
        };
        services.users = users.get();
        services.staff = cashier; // signed in already, as training's demo cashier
        services.refunds = refunds.get();
        services.history = history.get();
        services.reports = reports.get();
        products = std::make_unique<ProductBook>(*counter.db);
        heldSales = std::make_unique<HeldSales>(*counter.db, QStringLiteral("T01"));
        services.products = products.get();
        services.heldSales = heldSales.get();
        window = std::make_unique<MainWindow>(services);
        window->show();
        return QTest::qWaitForWindowActive(window.get()) && page();
    }

    CheckoutPage *page() const { return window->checkoutPage(); }

    // The page's tab, clicked as a manager does.
    bool showTab(QWidget *tab)
    {
        QTabWidget *tabs = window->tabs();
        const int index = tabs->indexOf(tab);
        if (index < 0)
            return false;
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {},
                          tabs->tabBar()->tabRect(index).center());
        return QTest::qWaitFor([&] { return tabs->currentWidget() == tab; }, 5000);
    }

    // Scans `codes`, charges them with WeChat Pay's QR, and the sandbox customer pays.
    Order sellByWechat(const QStringList &codes)
    {
        for (const QString &code : codes)
            scanIntoFocus(code);
        if (page()->cartModel()->rowCount() != codes.size() ||
            !QTest::qWaitFor([] { return QApplication::focusWidget() != nullptr; }, 5000))
            return {};
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
        PaymentDialog *payment = waitForPaymentDialog();
        if (!payment)
            return {};
        PaymentSession *session = payment->session();
        if (!QTest::qWaitFor(
                [session] { return session->state() == PaymentSession::State::Showing; },
                kPaidTimeoutMs))
            return {};
        QTest::mouseClick(findIn<QPushButton>(payment, QStringLiteral("simulatePayButton")),
                          Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return !page()->paymentDialog(); }, kPaidTimeoutMs))
            return {};
        return lastOrder();
    }

    // The return the counter opened, once it has read its order.
    RefundDialog *waitForRefundDialog()
    {
        if (!QTest::qWaitFor([this] { return page()->refundDialog() != nullptr; }, 5000))
            return nullptr;
        RefundDialog *dialog = page()->refundDialog();
        if (!QTest::qWaitForWindowExposed(dialog) ||
            !QTest::qWaitFor([dialog] { return dialog->isLoaded(); }, 5000))
            return nullptr;
        return dialog;
    }

    static ManagerApprovalDialog *waitForApproval(RefundDialog *dialog)
    {
        if (!QTest::qWaitFor([dialog] { return dialog->approvalDialog() != nullptr; }, 5000))
            return nullptr;
        ManagerApprovalDialog *approval = dialog->approvalDialog();
        return QTest::qWaitForWindowExposed(approval) ? approval : nullptr;
    }

    static void approveWith(ManagerApprovalDialog *dialog, const QString &name, const QString &pin)
    {
        auto *user = findIn<QComboBox>(dialog, QStringLiteral("approvalUserCombo"));
        auto *pinEdit = findIn<QLineEdit>(dialog, QStringLiteral("approvalPinEdit"));
        QVERIFY(user && pinEdit);
        user->setCurrentIndex(user->findText(name));
        QCOMPARE(user->currentText(), name);
        pinEdit->setFocus();
        QTest::keyClicks(pinEdit, pin);
        QTest::keyClick(pinEdit, Qt::Key_Return);
    }

    // Types `quantity` into the "return now" box of line `row`.
    static void setQuantity(RefundDialog *dialog, int row, int quantity)
    {
        auto *box = findIn<QSpinBox>(dialog, QStringLiteral("returnQuantity%1").arg(row));
        QVERIFY(box);
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QString::number(quantity));
        QCOMPARE(box->value(), quantity);
    }

    static void chooseReason(RefundDialog *dialog, const QString &reason)
    {
        auto *combo = findIn<QComboBox>(dialog, QStringLiteral("reasonCombo"));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findText(reason));
        QCOMPARE(combo->currentText(), reason);
    }

    int stockOf(const QString &barcode) const
    {
        return counter.catalog->byBarcode(barcode).value_or(Product{}).stock;
    }

    Refund refund(const QString &refundNo) const
    {
        return book->readRefund(refundNo).value().value_or(Refund{});
    }

    int count(const QString &table) const
    {
        QSqlQuery query(counter.db->connection());
        if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    Order lastOrder() const
    {
        QSqlQuery query(counter.db->connection());
        if (!query.exec(QStringLiteral("SELECT MAX(id) FROM orders")) || !query.next())
            return {};
        return counter.orders->order(query.value(0).toLongLong()).value_or(Order{});
    }

    // The refund receipts the printer received, as text.
    QStringList refundPapers() const
    {
        QStringList papers;
        for (const int job : counter.printer->jobsWith(kRefundTitle))
            papers.append(counter.printer->jobText(job));
        return papers;
    }

    // In the order they are made, so that they go in the reverse (the window first).
    PrintingCounter counter;
    std::unique_ptr<UserStore> users;
    std::unique_ptr<HistoryQuery> history;
    std::unique_ptr<DailyReporter> reports;
    std::unique_ptr<ProductBook> products;
    std::unique_ptr<HeldSales> heldSales;
    std::unique_ptr<RefundBook> book;
    std::unique_ptr<RefundClient> refunds;
    std::unique_ptr<RefundSettler> settler;
    std::unique_ptr<TrainingCustomer> customer;
    std::unique_ptr<MainWindow> window;
    Staff manager;
    Staff cashier;

private:
    static bool fail(const char *what)
    {
        qWarning("cannot make %s", what);
        return false;
    }
};

// SHOUYIN_UI_SCREENSHOT_DIR set: what the cashier sees, saved for a person to look at.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name);
}

} // namespace shouyin::testing
