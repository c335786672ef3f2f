#pragma once

// How the counter suites drive the till as a cashier does: a scanner typing into whatever
// has the focus, and the payment dialog once it has the keyboard.

#include "paymentdialog.h"

#include <QApplication>
#include <QTest>

namespace shouyin::testing {

// A scanner is a keyboard: the digits, then Enter, into whatever has the focus.
inline void scanIntoFocus(const QString &code)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClicks(target, code);
    QTest::keyClick(target, Qt::Key_Return);
}

// The payment dialog once it is up and the active window (other than `other`, a dialog
// that is on its way out); null after 5 s without one.
inline PaymentDialog *waitForPaymentDialog(const PaymentDialog *other = nullptr)
{
    PaymentDialog *dialog = nullptr;
    const auto ready = [&] {
        dialog = qobject_cast<PaymentDialog *>(QApplication::activeModalWidget());
        return dialog && dialog != other && dialog->isVisible() &&
               QApplication::activeWindow() == dialog;
    };
    return QTest::qWaitFor(ready, 5000) ? dialog : nullptr;
}

} // namespace shouyin::testing
