// No Alt+letter does two things in one window, in English or in Chinese: every window the
// till opens is walked (each page of the main window in turn, with its menus and tabs),
// and every mnemonic a person can reach in it is collected. A translation that gives two
// captions the same letter fails here, not at the counter.
#include "cashdialog.h"
#include "logindialog.h"
#include "managerapprovaldialog.h"
#include "managersetupdialog.h"
#include "productspage.h"
#include "refundcounter.h"
#include "shiftclosedialog.h"
#include "userdialog.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QInputDialog>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QTableView>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

// Alt+letter → what it is on, for the widgets of `window` a person can see now.
QMultiHash<QKeySequence, QString> mnemonicsOf(QWidget *window)
{
    QMultiHash<QKeySequence, QString> found;
    const auto add = [&found](const QString &text) {
        if (const QKeySequence key = QKeySequence::mnemonic(text); !key.isEmpty())
            found.insert(key, text);
    };
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(window) || widget->window() != window)
            continue;
        if (const auto *button = qobject_cast<QAbstractButton *>(widget))
            add(button->text());
        else if (const auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            add(label->text());
        else if (const auto *box = qobject_cast<QGroupBox *>(widget); box && box->isCheckable())
            add(box->title());
        else if (const auto *tabs = qobject_cast<QTabBar *>(widget))
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        else if (const auto *menus = qobject_cast<QMenuBar *>(widget))
            for (const QAction *menu : menus->actions())
                add(menu->text());
    }
    return found;
}

QString repeats(QWidget *window, const QString &where)
{
    const QMultiHash<QKeySequence, QString> found = mnemonicsOf(window);
    QStringList problems;
    for (const QKeySequence &key : found.uniqueKeys()) {
        if (found.count(key) > 1)
            problems.append(u"%1 on %2"_s.arg(key.toString(), found.values(key).join(u", "_s)));
    }
    return problems.isEmpty() ? QString() : where + u": "_s + problems.join(u"; "_s);
}

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyWindow_data();
    void everyWindow();

private:
    void check(QWidget *window, const QString &where);
    QStringList m_problems;
};

void TestMnemonics::check(QWidget *window, const QString &where)
{
    QApplication::processEvents();
    if (const QString problem = repeats(window, where); !problem.isEmpty())
        m_problems.append(problem);
}

void TestMnemonics::everyWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QString();
    QTest::newRow("Chinese") << u"zh_CN"_s;
}

void TestMnemonics::everyWindow()
{
    QFETCH(QString, language);
    QTranslator app;
    QTranslator qt;
    if (!language.isEmpty()) {
        QVERIFY(app.load(u"shouyin_"_s + language, QStringLiteral(SHOUYIN_QM_DIR)));
        QCoreApplication::installTranslator(&app);
        if (qt.load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
    }
    m_problems.clear();
    {
        RefundCounter till;
        QVERIFY(till.start());
        MainWindow *window = till.window.get();

        // The cashier's counter, its payment, its cash and its return.
        check(window, u"counter"_s);
        QTRY_VERIFY(QApplication::focusWidget());
        const Order sold = till.sellByWechat({kWater});
        QVERIFY(!sold.orderNo.isEmpty());
        QTRY_VERIFY(QApplication::focusWidget());
        scanIntoFocus(kBread);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F12);
        PaymentDialog *payment = waitForPaymentDialog();
        QVERIFY(payment);
        check(payment, u"payment"_s);
        payment->reject();
        QTRY_VERIFY(!till.page()->paymentDialog());
        QTRY_VERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
        QTRY_VERIFY(till.page()->cashDialog());
        check(till.page()->cashDialog(), u"cash"_s);
        till.page()->cashDialog()->reject();
        QTRY_VERIFY(!till.page()->cashDialog());
        till.page()->clearCart();
        QTRY_VERIFY(QApplication::focusWidget());
        scanIntoFocus(sold.orderNo);
        RefundDialog *refund = till.waitForRefundDialog();
        QVERIFY(refund);
        check(refund, u"return"_s);
        refund->reject();
        QTRY_VERIFY(!till.page()->refundDialog());

        // Every page of the manager's window.
        QVERIFY(window->setStaff(till.manager));
        QTabWidget *tabs = window->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            check(window, tabs->tabText(i));
        }

        // The products page's dialogs: a product, goods received, the import.
        ProductsPage *products = window->productsPage();
        QVERIFY(products);
        tabs->setCurrentWidget(products);
        const auto walkDialog = [&](auto open, const QString &name) {
            open();
            QTRY_VERIFY(products->dialog());
            check(products->dialog(), name);
            products->dialog()->reject();
            QTRY_VERIFY(!products->dialog());
        };
        walkDialog([products] { products->addProduct(); }, u"product"_s);
        auto *table = products->findChild<QTableView *>();
        QVERIFY(table && table->model()->rowCount() > 0);
        table->selectRow(0);
        walkDialog([products] { products->receiveGoods(); }, u"goods received"_s);
        walkDialog([products] { products->importCsv(); }, u"import"_s);

        // The dialogs of signing in, approving and managing users and shifts.
        LoginDialog login(*till.users, window);
        login.show();
        check(&login, u"sign-in"_s);
        ManagerApprovalDialog approval(*till.users, Permission::ApproveRefund, u"x"_s, window);
        approval.show();
        check(&approval, u"approval"_s);
        ManagerSetupDialog setup(*till.users, window);
        setup.show();
        check(&setup, u"manager set-up"_s);
        UserDialog user({}, window);
        user.show();
        check(&user, u"user"_s);
        ShiftCloseDialog close(Shift{}, 0, window);
        close.show();
        check(&close, u"shift close"_s);
    }
    QCoreApplication::removeTranslator(&app);
    QCoreApplication::removeTranslator(&qt);
    QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(u'\n')));
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
