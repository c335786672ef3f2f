#pragma once

// What the customer-display suites share: a training till (WeChat Pay against the sandbox
// gateway, cash, a virtual receipt printer) with its main window up, and a timer the
// suite runs by hand so that no suite waits for the thank-you to end.

#include "checkoutpage.h"
#include "customerdisplay.h"
#include "mainwindow.h"
#include "printingcounter.h"
#include "sandbox/trainingcustomer.h"

#include <QList>
#include <QPointer>
#include <QTest>

#include <memory>

namespace shouyin::testing {

// Products of printingcounter.h: the amounts below are worked out by hand.
inline const QString kWater = QStringLiteral("6970000000017"); // 1.99
inline const QString kBread = QStringLiteral("6970000000024"); // 12.80

class ManualTimer
{
public:
    struct Pending
    {
        std::chrono::milliseconds delay;
        QPointer<QObject> context;
        std::function<void()> then;
    };

    CustomerDisplay::Timer timer()
    {
        return
            [this](std::chrono::milliseconds delay, QObject *context, std::function<void()> then) {
                pending.append({delay, context, std::move(then)});
            };
    }
    // As if every pending delay had passed.
    void runAll()
    {
        const QList<Pending> due = std::exchange(pending, {});
        for (const Pending &p : due) {
            if (p.context)
                p.then();
        }
    }

    QList<Pending> pending;
};

class CustomerCounter
{
public:
    bool start()
    {
        counter = std::make_unique<PrintingCounter>();
        if (!counter->start())
            return false;
        customer = std::make_unique<TrainingCustomer>(counter->gateway->baseUrl());
        PosServices services = counter->services();
        services.simulateCustomer = [c = customer.get()](const QString &codeUrl, QObject *context,
                                                         auto done) {
            c->pay(codeUrl, context, std::move(done));
        };
        services.operatorName = QStringLiteral("张三");
        window = std::make_unique<MainWindow>(services);
        window->show();
        // Without a window manager (Xvfb) nobody else hands the window the keyboard.
        window->activateWindow();
        return QTest::qWaitForWindowActive(window.get());
    }

    CheckoutPage *page() const { return window->checkoutPage(); }

    // In the reverse of the order they are made.
    ~CustomerCounter()
    {
        window.reset();
        customer.reset();
        counter.reset();
    }

    std::unique_ptr<PrintingCounter> counter;
    std::unique_ptr<TrainingCustomer> customer;
    std::unique_ptr<MainWindow> window;
};

} // namespace shouyin::testing
