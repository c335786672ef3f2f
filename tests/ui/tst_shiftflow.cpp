// Shift handover (交班) through the real widgets, offscreen: a cashier opens a shift with
// a float, sells for cash at the counter (the cash key, change), pays out a delivery,
// counts the drawer a coin short and closes; the figures on screen, in the ShiftBook and
// on the paper a virtual ESC/POS printer on loopback decodes agree. A no-sale waits for a
// manager's PIN (a wrong one, a cashier's, then the right one) and pulses the drawer. A
// manager prints Z-report No. 1 and prints it again. Real SQLite, the sandbox gateway.
//
// The till runs on the system clock: no date, time or zone is asserted.
#include "auth/userstore.h"
#include "cartmodel.h"
#include "cashdialog.h"
#include "checkout/checkout.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "mainwindow.h"
#include "managerapprovaldialog.h"
#include "pay/wechat/wechatv2provider.h"
#include "printingcounter.h"
#include "receiptdesk.h"
#include "sandbox/sandboxgateway.h"
#include "shift/shiftbook.h"
#include "shiftclosedialog.h"
#include "shiftpage.h"
#include "store/catalog.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const QString kBread = u"6970000000024"_s; // 12.80
const QString kCashier = u"小王"_s;
const QString kManager = u"店长"_s;
const QString kManagerPin = u"1234"_s;

constexpr int kFastPinIterations = 1000;
constexpr int kPrintTimeoutMs = 10000;

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

} // namespace

class TestShiftFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void aShiftFromTheFloatToACountOneCoinShort();
    void aNoSaleWaitsForAManagersPin();
    void aManagerPrintsZReportOneAndPrintsItAgain();

private:
    void showTab(QWidget *page);
    ShiftPage *shiftPage();
    void click(const QString &objectName);
    void type(const QString &objectName, const QString &text);
    QString labelText(const QString &objectName);
    QString message() { return labelText(u"shiftMessage"_s); }
    // On the Shift page, as the cashier does it.
    void openShift(const QString &floatYuan);
    ShiftCloseDialog *openCloseDialog();
    void setCount(ShiftCloseDialog *dialog, Fen denomination, int pieces);
    ManagerApprovalDialog *waitForApproval();
    void approveWith(ManagerApprovalDialog *dialog, const QString &name, const QString &pin);
    qint64 lastShiftId() const;

    std::unique_ptr<testing::PrintingCounter> m_counter;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<ShiftBook> m_shifts;
    std::unique_ptr<MainWindow> m_window;
    Staff m_manager;
    Staff m_cashier;
};

void TestShiftFlow::init()
{
    m_counter = std::make_unique<testing::PrintingCounter>();
    QVERIFY(m_counter->start());
    m_shifts = std::make_unique<ShiftBook>(*m_counter->db, u"T01"_s);

    m_users =
        std::make_unique<UserStore>(*m_counter->db, UserStore::Options{kFastPinIterations, {}});
    auto manager = m_users->createFirstManager(kManager, kManagerPin);
    QVERIFY(manager);
    m_manager = manager.value();
    QVERIFY(m_users->createUser(m_manager, kCashier, Role::Cashier, u"1111"_s).ok());
    auto cashier = m_users->signIn(kCashier, u"1111"_s);
    QVERIFY(cashier);
    m_cashier = cashier.value();

    PosServices services = m_counter->services();
    services.shifts = m_shifts.get();
    services.users = m_users.get();
    services.staff = m_cashier; // signed in already, as training's demo cashier
    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->shiftPage());
}

void TestShiftFlow::cleanup()
{
    m_window.reset();
    m_shifts.reset();
    m_users.reset();
    m_counter.reset();
}

void TestShiftFlow::showTab(QWidget *page)
{
    QTabWidget *tabs = m_window->tabs();
    const int index = tabs->indexOf(page);
    QVERIFY(index >= 0);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
    QTRY_COMPARE(tabs->currentWidget(), page);
}

ShiftPage *TestShiftFlow::shiftPage()
{
    return m_window->shiftPage();
}

void TestShiftFlow::click(const QString &objectName)
{
    auto *button = findIn<QPushButton>(shiftPage(), objectName);
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(objectName));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestShiftFlow::type(const QString &objectName, const QString &text)
{
    auto *edit = findIn<QLineEdit>(shiftPage(), objectName);
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, text);
}

QString TestShiftFlow::labelText(const QString &objectName)
{
    auto *label = findIn<QLabel>(shiftPage(), objectName);
    return label ? label->text() : QString();
}

void TestShiftFlow::openShift(const QString &floatYuan)
{
    showTab(shiftPage());
    QVERIFY(labelText(u"shiftStatusLabel"_s).contains(u"No shift is open"_s));
    type(u"floatEdit"_s, floatYuan);
    click(u"openShiftButton"_s);
    QVERIFY2(labelText(u"shiftStatusLabel"_s).contains(kCashier), qPrintable(message()));
}

ShiftCloseDialog *TestShiftFlow::openCloseDialog()
{
    QTest::mouseClick(findIn<QPushButton>(shiftPage(), u"closeShiftButton"_s), Qt::LeftButton);
    ShiftCloseDialog *dialog = shiftPage()->closeDialog();
    return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

void TestShiftFlow::setCount(ShiftCloseDialog *dialog, Fen denomination, int pieces)
{
    auto *box = findIn<QSpinBox>(dialog, u"count%1"_s.arg(denomination));
    QVERIFY(box);
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, QString::number(pieces));
    QCOMPARE(box->value(), pieces);
}

ManagerApprovalDialog *TestShiftFlow::waitForApproval()
{
    if (!QTest::qWaitFor([this] { return shiftPage()->approvalDialog() != nullptr; }, 5000))
        return nullptr;
    ManagerApprovalDialog *dialog = shiftPage()->approvalDialog();
    return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

void TestShiftFlow::approveWith(ManagerApprovalDialog *dialog, const QString &name,
                                const QString &pin)
{
    auto *user = findIn<QComboBox>(dialog, u"approvalUserCombo"_s);
    auto *pinEdit = findIn<QLineEdit>(dialog, u"approvalPinEdit"_s);
    QVERIFY(user && pinEdit);
    user->setCurrentIndex(user->findText(name));
    QCOMPARE(user->currentText(), name);
    pinEdit->setFocus();
    QTest::keyClicks(pinEdit, pin);
    QTest::keyClick(pinEdit, Qt::Key_Return);
}

qint64 TestShiftFlow::lastShiftId() const
{
    QSqlQuery query(m_counter->db->connection());
    if (!query.exec(u"SELECT MAX(id) FROM shifts"_s) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

void TestShiftFlow::aShiftFromTheFloatToACountOneCoinShort()
{
    openShift(u"200"_s);
    QCOMPARE(labelText(u"shiftFloatLabel"_s), u"¥200.00"_s);
    QCOMPARE(labelText(u"shiftExpectedLabel"_s), u"¥200.00"_s);
    QVERIFY(message().contains(u"float of ¥200.00"_s));
    const qint64 shiftId = lastShiftId();
    QVERIFY(shiftId > 0);

    // A loaf for cash at the counter: a ¥20 note, ¥7.20 change.
    CheckoutPage *counter = m_window->checkoutPage();
    showTab(counter);
    testing::scanIntoFocus(kBread);
    QCOMPARE(counter->cartModel()->rowCount(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F8);
    QTRY_VERIFY(counter->cashDialog());
    CashDialog *cash = counter->cashDialog();
    QVERIFY(QTest::qWaitForWindowExposed(cash));
    QTest::mouseClick(findIn<QPushButton>(cash, u"cashQuick2000"_s), Qt::LeftButton);
    QTest::keyClick(findIn<QLineEdit>(cash, u"cashGivenEdit"_s), Qt::Key_Return);
    QTRY_COMPARE(counter->cartModel()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->drawerPulses(), 1, kPrintTimeoutMs);

    // What the drawer should hold now, as soon as the page is looked at.
    showTab(shiftPage());
    QCOMPARE(labelText(u"shiftExpectedLabel"_s), u"¥212.80"_s);
    QVERIFY(labelText(u"shiftSalesLabel"_s).contains(u"¥12.80"_s));

    // A paid-out needs a reason; then ¥30 leaves the drawer for a delivery.
    type(u"movementAmountEdit"_s, u"30"_s);
    click(u"paidOutButton"_s);
    QVERIFY2(message().contains(u"Nothing was recorded"_s), qPrintable(message()));
    QCOMPARE(labelText(u"shiftExpectedLabel"_s), u"¥212.80"_s);
    type(u"movementReasonEdit"_s, u"milk delivery"_s);
    click(u"paidOutButton"_s);
    QVERIFY2(message().contains(u"Paid out ¥30.00 (milk delivery)"_s), qPrintable(message()));
    QCOMPARE(labelText(u"shiftExpectedLabel"_s), u"¥182.80"_s);
    QCOMPARE(findIn<QLineEdit>(shiftPage(), u"movementReasonEdit"_s)->text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->drawerPulses(), 2, kPrintTimeoutMs);

    // The count: ¥181.80 in the drawer, one ¥1 coin short of ¥182.80.
    ShiftCloseDialog *dialog = openCloseDialog();
    QVERIFY(dialog);
    QCOMPARE(findIn<QLabel>(dialog, u"closeExpectedLabel"_s)->text(), u"¥182.80"_s);
    QCOMPARE(findIn<QLabel>(dialog, u"closeCountedLabel"_s)->text(), u"¥0.00"_s);
    setCount(dialog, 10000, 1);
    QCOMPARE(findIn<QLabel>(dialog, u"closeCountedLabel"_s)->text(), u"¥100.00"_s);
    QCOMPARE(findIn<QLabel>(dialog, u"subtotal10000"_s)->text(), u"¥100.00"_s);
    // Enter goes on to the next count; it never closes the shift.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QCOMPARE(QApplication::focusWidget(), dialog->findChild<QSpinBox *>(u"count5000"_s));
    setCount(dialog, 5000, 1);
    setCount(dialog, 2000, 1);
    setCount(dialog, 1000, 1);
    setCount(dialog, 100, 1);
    setCount(dialog, 50, 1);
    setCount(dialog, 10, 3);
    auto *difference = findIn<QLabel>(dialog, u"closeDifferenceLabel"_s);
    QCOMPARE(findIn<QLabel>(dialog, u"closeCountedLabel"_s)->text(), u"¥181.80"_s);
    QCOMPARE(difference->text(), u"-¥1.00 short"_s);
    QVERIFY(difference->styleSheet().contains(u"#b3261e"_s)); // red
    setCount(dialog, 100, 2);
    QCOMPARE(difference->text(), u"¥0.00 balanced"_s);
    QVERIFY(!difference->styleSheet().contains(u"#b3261e"_s));
    setCount(dialog, 100, 1);
    QCOMPARE(difference->text(), u"-¥1.00 short"_s);
    QVERIFY(m_shifts->currentShift()->has_value()); // nothing is recorded before Close
    auto *note = findIn<QLineEdit>(dialog, u"closeNoteEdit"_s);
    note->setFocus();
    QTest::keyClicks(note, u"one coin short"_s);
    QTest::keyClick(note, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    QVERIFY(m_shifts->currentShift()->has_value());
    QTest::mouseClick(findIn<QPushButton>(dialog, u"closeShiftConfirmButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!shiftPage()->closeDialog());

    // On screen.
    QVERIFY2(message().contains(u"Counted ¥181.80, expected ¥182.80: -¥1.00 short"_s),
             qPrintable(message()));
    QVERIFY(labelText(u"shiftStatusLabel"_s).contains(u"No shift is open"_s));
    const QString shown = findIn<QPlainTextEdit>(shiftPage(), u"shiftReportView"_s)->toPlainText();
    QVERIFY2(shown.contains(u"Shift report"_s), qPrintable(shown));
    QVERIFY(shown.contains(u"Difference (short)"_s));
    QVERIFY(shown.contains(u"-1.00"_s));
    QVERIFY(shown.contains(u"\n  milk delivery "_s)); // under "Paid out (1)"
    QVERIFY(shown.contains(u"\n  1.00 x 1 "_s));
    QVERIFY(shown.contains(u"\n  Cash (1) "_s)); // under "Sales (1)"
    for (const QString &line : shown.split(u'\n'))
        QVERIFY2(displayWidth(line) <= int(PaperWidth::Mm58), qPrintable(line));

    // In the book.
    auto report = m_shifts->shiftReport(m_manager, shiftId);
    QVERIFY(report);
    QVERIFY(!report->shift.isOpen());
    QCOMPARE(report->shift.floatAmount, Fen(20000));
    QCOMPARE(report->expected, Fen(20000 + 1280 - 3000));
    QCOMPARE(report->counted, std::optional<Fen>(18180));
    QCOMPARE(report->difference, Fen(-100));
    QCOMPARE(report->shift.note, u"one coin short"_s);
    QCOMPARE(report->shift.counts.value(10), 3);
    QCOMPARE(report->figures.salesCount, 1);
    QCOMPARE(report->figures.salesAmount, Fen(1280));
    QCOMPARE(report->figures.cashTendered, Fen(2000));
    QCOMPARE(report->figures.changeGiven, Fen(720));
    QCOMPARE(report->figures.paidOutTotal, Fen(3000));
    QCOMPARE(report->figures.paidOuts.value(0).reason, u"milk delivery"_s);
    QVERIFY(shown.contains(report->figures.firstOrderNo));

    // On paper.
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->jobsWith(u"Shift report"_s).size(), 1,
                              kPrintTimeoutMs);
    const int job = m_counter->printer->jobsWith(u"Shift report"_s).first();
    const EscPosDecoded paper = m_counter->printer->decodedJob(job);
    QVERIFY2(paper.unknown.isEmpty(), qPrintable(paper.unknown.join(u", "_s)));
    const QString printed = m_counter->printer->jobText(job);
    QVERIFY2(printed.contains(u"Difference (short)"_s), qPrintable(printed));
    QVERIFY(printed.contains(u"-1.00"_s));
    QVERIFY(printed.contains(u"182.80"_s));
    QVERIFY(printed.contains(u"181.80"_s));
    QVERIFY(printed.contains(kCashier));
    QTRY_VERIFY(labelText(u"shiftPrintStatus"_s).contains(u"printed"_s));

    click(u"printAgainButton"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->jobsWith(u"Shift report"_s).size(), 2,
                              kPrintTimeoutMs);
    QCOMPARE(m_counter->printer->jobText(m_counter->printer->jobsWith(u"Shift report"_s).last()),
             printed);
    QCOMPARE(m_counter->printer->drawerPulses(), 2); // a report opens no drawer
}

void TestShiftFlow::aNoSaleWaitsForAManagersPin()
{
    openShift(u"100"_s);
    const qint64 shiftId = lastShiftId();

    // Asked for the reason before anybody is called over.
    click(u"noSaleButton"_s);
    QVERIFY(message().contains(u"Say why"_s));
    QVERIFY(!shiftPage()->approvalDialog());

    type(u"noSaleReasonEdit"_s, u"customer needs change"_s);
    click(u"noSaleButton"_s);
    ManagerApprovalDialog *dialog = waitForApproval();
    QVERIFY(dialog);
    QVERIFY(findIn<QLabel>(dialog, u"approvalWhatLabel"_s)
                ->text()
                .contains(u"customer needs change"_s));
    auto *error = findIn<QLabel>(dialog, u"approvalError"_s);

    approveWith(dialog, kManager, u"9999"_s);
    QVERIFY(dialog->isVisible());
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    const QString wrongPin = error->text();

    // A cashier's right PIN is no manager's approval.
    approveWith(dialog, kCashier, u"1111"_s);
    QVERIFY(dialog->isVisible());
    QVERIFY2(error->text().contains(u"may not approve"_s), qPrintable(error->text()));
    QVERIFY(error->text() != wrongPin);
    QCOMPARE(m_shifts->shiftReport(m_manager, shiftId)->figures.noSaleCount, 0);
    QCOMPARE(m_counter->printer->drawerPulses(), 0);

    approveWith(dialog, kManager, kManagerPin);
    QTRY_VERIFY(!shiftPage()->approvalDialog());
    QVERIFY2(message().contains(u"No sale approved by %1"_s.arg(kManager)), qPrintable(message()));
    QCOMPARE(m_shifts->shiftReport(m_manager, shiftId)->figures.noSaleCount, 1);
    QSqlQuery logged(m_counter->db->connection());
    QVERIFY(logged.exec(u"SELECT operator, approved_by, reason, amount_fen FROM drawer_movements "
                        "WHERE kind = 'no_sale'"_s));
    QVERIFY(logged.next());
    QCOMPARE(logged.value(0).toString(), kCashier);
    QCOMPARE(logged.value(1).toString(), kManager);
    QCOMPARE(logged.value(2).toString(), u"customer needs change"_s);
    QCOMPARE(logged.value(3).toLongLong(), 0);
    QVERIFY(!logged.next());
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->drawerPulses(), 1, kPrintTimeoutMs);
    QVERIFY(labelText(u"shiftMovementsLabel"_s).contains(u"no-sales 1"_s));
    QCOMPARE(labelText(u"shiftExpectedLabel"_s), u"¥100.00"_s); // no money moved
}

void TestShiftFlow::aManagerPrintsZReportOneAndPrintsItAgain()
{
    QVERIFY(!shiftPage()->findChild<QPushButton *>(u"printZButton"_s)); // not a cashier's
    openShift(u"50"_s);
    ShiftCloseDialog *dialog = openCloseDialog();
    QVERIFY(dialog);
    setCount(dialog, 5000, 1);
    QCOMPARE(findIn<QLabel>(dialog, u"closeDifferenceLabel"_s)->text(), u"¥0.00 balanced"_s);
    QTest::mouseClick(findIn<QPushButton>(dialog, u"closeShiftConfirmButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!shiftPage()->closeDialog());
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->jobsWith(u"Shift report"_s).size(), 1,
                              kPrintTimeoutMs);

    QVERIFY(m_window->setStaff(m_manager));
    QVERIFY(shiftPage());
    showTab(shiftPage());
    click(u"printZButton"_s);
    QVERIFY2(message().contains(u"Z-report No. 1 made"_s), qPrintable(message()));
    const QString shown = findIn<QPlainTextEdit>(shiftPage(), u"shiftReportView"_s)->toPlainText();
    QVERIFY2(shown.contains(u"Z-report No. 1"_s), qPrintable(shown));
    QVERIFY(shown.contains(kCashier));
    QVERIFY(shown.contains(u"Counted (closed shifts)"_s));
    auto stored = m_shifts->zReport(m_manager, 1);
    QVERIFY(stored);
    QCOMPARE(stored->createdBy, kManager);
    QCOMPARE(stored->counted, Fen(5000));
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->jobsWith(u"Z-report No. 1"_s).size(), 1,
                              kPrintTimeoutMs);
    const QString printed =
        m_counter->printer->jobText(m_counter->printer->jobsWith(u"Z-report No. 1"_s).first());
    QVERIFY2(printed.contains(u"50.00"_s) && printed.contains(kManager), qPrintable(printed));

    // Printed again by its number, exactly as it was.
    const auto reprint = [this](int number) {
        click(u"reprintZButton"_s);
        QInputDialog *ask = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
                return ask && ask->isVisible();
            },
            5000));
        QCOMPARE(ask->objectName(), u"zNumberDialog"_s);
        auto *spin = ask->findChild<QSpinBox *>();
        QVERIFY(spin);
        spin->selectAll();
        QTest::keyClicks(spin, QString::number(number));
        QTest::keyClick(spin, Qt::Key_Return);
        QTRY_VERIFY(!QApplication::activeModalWidget());
    };
    reprint(1);
    QVERIFY2(message().contains(u"Z-report No. 1, as it was printed"_s), qPrintable(message()));
    QTRY_COMPARE_WITH_TIMEOUT(m_counter->printer->jobsWith(u"Z-report No. 1"_s).size(), 2,
                              kPrintTimeoutMs);
    QCOMPARE(m_counter->printer->jobText(m_counter->printer->jobsWith(u"Z-report No. 1"_s).last()),
             printed);

    reprint(7);
    QVERIFY2(message().contains(u"Z-report No. 7 cannot be printed again"_s),
             qPrintable(message()));
    QCOMPARE(m_counter->printer->jobsWith(u"Z-report No. 7"_s).size(), 0);

    click(u"printZButton"_s);
    QVERIFY2(message().contains(u"Z-report No. 2 made"_s), qPrintable(message()));
}

QTEST_MAIN(TestShiftFlow)
#include "tst_shiftflow.moc"
