// The store manager's day through the real widgets, offscreen: sign in with a PIN (a
// wrong one first), filter History, open an order, export what is shown to CSV, read
// the day's report and save it as PDF, look at Settings; then a cashier signs in and
// sees only their own orders and none of the manager's pages.
#include "auth/settingseditor.h"
#include "cartmodel.h"
#include "checkout/cart.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "exportprogressdialog.h"
#include "historymodel.h"
#include "historypage.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "managersetupdialog.h"
#include "orderdetaildialog.h"
#include "paymentdialog.h"
#include "refund/refundbook.h"
#include "report/dailyreporter.h"
#include "report/historyquery.h"
#include "reportspage.h"
#include "settingspage.h"
#include "shopfixture.h"
#include "store/changefeed.h"
#include "testdatabase.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

template<typename T> T *waitForModal()
{
    T *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            found = qobject_cast<T *>(QApplication::activeModalWidget());
            return found && found->isVisible();
        },
        5000);
    return found;
}

void chooseData(QComboBox *combo, const QString &value)
{
    combo->setCurrentIndex(combo->findData(value));
}

} // namespace

class TestManagerFlow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void managerSignsInAfterAWrongPin();
    void historyFilters();
    void opensAnOrder();
    void exportsWhatIsShown();
    void cancelledExportLeavesNoFile();
    void dailyReportAndPdf();
    void theReportIsNetOfRefunds();
    void settingsNeverShowTheKey();
    void historyFollowsAnotherTill();
    void databaseOutagePausesCharging();
    void cashierSeesOnlyOwnOrders();
    void firstStartSetsUpTheManager();

private:
    void signIn(const QString &name, const QString &pin);
    void showTab(QWidget *page);
    void screenshot(QWidget *widget, const QString &name);
    QStringList orderNumbersShown() const;

    QTemporaryDir m_files;
    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<CheckoutClient> m_client;
    ShopFixture::SampleDay m_day;
    std::unique_ptr<HistoryQuery> m_history;
    std::unique_ptr<DailyReporter> m_reports;
    std::unique_ptr<SettingsEditor> m_settings;
    std::unique_ptr<ChangeFeed> m_changes;
    std::unique_ptr<MainWindow> m_window;
};

void TestManagerFlow::initTestCase()
{
    m_shop = std::make_unique<ShopFixture>();
    m_day = m_shop->sampleDay();
    // The manager looks at the sample day that afternoon: "today" is the shop's clock's.
    m_shop->ledger.now = ShopFixture::at(23, 17, 0);
    m_history =
        std::make_unique<HistoryQuery>(*m_shop->ledger.database, m_shop->ledger.clock().zone());
    m_reports =
        std::make_unique<DailyReporter>(*m_shop->ledger.database, m_shop->ledger.clock().zone());
    m_settings = std::make_unique<SettingsEditor>(m_files.filePath(u"shouyin.ini"_s),
                                                  m_files.filePath(u"prefs.ini"_s));

    PosServices services;
    m_client = std::make_unique<CheckoutClient>(*m_shop->ledger.checkout);
    services.checkout = m_client.get();
    services.orders = m_shop->ledger.orders.get();
    services.catalog = m_shop->ledger.catalog.get();
    services.providers = {&m_shop->wechat};
    services.training = true;
    services.users = &m_shop->users;
    services.history = m_history.get();
    services.reports = m_reports.get();
    services.settings = m_settings.get();
    services.shopName = u"测试小店"_s;
    // Looks at the pay log often, so that on SQLite (no announcements) the test is quick.
    m_changes =
        std::make_unique<ChangeFeed>(*m_shop->ledger.database, std::chrono::milliseconds(100));
    services.database = m_shop->ledger.database.get();
    services.changes = m_changes.get();
    m_window = std::make_unique<MainWindow>(services); // nobody signed in
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestManagerFlow::cleanupTestCase()
{
    m_window.reset();
    m_changes.reset();
    m_settings.reset();
    m_reports.reset();
    m_history.reset();
    m_client.reset();
    m_shop.reset();
}

void TestManagerFlow::signIn(const QString &name, const QString &pin)
{
    auto *login = waitForModal<LoginDialog>();
    QVERIFY(login);
    auto *user = findIn<QComboBox>(login, u"userCombo"_s);
    auto *pinEdit = findIn<QLineEdit>(login, u"pinEdit"_s);
    QVERIFY(user && pinEdit);
    user->setCurrentIndex(user->findText(name));
    pinEdit->setFocus();
    QTest::keyClicks(pinEdit, pin);
    QTest::keyClick(pinEdit, Qt::Key_Return);
    QTRY_VERIFY(!login->isVisible());
    QTRY_COMPARE(m_window->staff().name(), name);
}

void TestManagerFlow::showTab(QWidget *page)
{
    QTabWidget *tabs = m_window->tabs();
    const int index = tabs->indexOf(page);
    QVERIFY(index >= 0);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
    QTRY_COMPARE(tabs->currentWidget(), page);
}

void TestManagerFlow::screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHOUYIN_UI_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name);
}

QStringList TestManagerFlow::orderNumbersShown() const
{
    QStringList numbers;
    const HistoryModel *model = m_window->historyPage()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        numbers.append(model->index(row, HistoryModel::OrderNoColumn).data().toString());
    return numbers;
}

void TestManagerFlow::managerSignsInAfterAWrongPin()
{
    QVERIFY(findIn<QWidget>(m_window.get(), u"lockedPage"_s)->isVisible());
    QVERIFY(!m_window->checkoutPage()); // nobody can sell before signing in
    auto *login = waitForModal<LoginDialog>();
    QVERIFY(login);
    auto *user = findIn<QComboBox>(login, u"userCombo"_s);
    QCOMPARE(user->itemText(0), u"店长"_s); // managers first
    user->setCurrentIndex(0);
    auto *pinEdit = findIn<QLineEdit>(login, u"pinEdit"_s);
    QTest::keyClicks(pinEdit, u"0000"_s);
    QTest::mouseClick(findIn<QPushButton>(login, u"signInButton"_s), Qt::LeftButton);
    auto *error = findIn<QLabel>(login, u"loginError"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"Wrong PIN"_s), qPrintable(error->text()));
    QVERIFY(pinEdit->text().isEmpty());
    QVERIFY(login->isVisible());
    screenshot(login, u"login.png"_s);

    signIn(u"店长"_s, u"1234"_s);
    QVERIFY(m_window->staff().isManager());
    QTabWidget *tabs = m_window->tabs();
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->tabText(1), u"History"_s);
    QVERIFY(m_window->historyPage() && m_window->reportsPage() && m_window->settingsPage());
    QCOMPARE(findIn<QLabel>(m_window.get(), u"operatorLabel"_s)->text(),
             u"Operator: 店长 (manager)"_s);
}

void TestManagerFlow::historyFilters()
{
    HistoryPage *page = m_window->historyPage();
    showTab(page);
    findIn<QDateEdit>(page, u"fromDate"_s)->setDate(QDate(2026, 11, 23));
    findIn<QDateEdit>(page, u"toDate"_s)->setDate(QDate(2026, 11, 23));
    QCOMPARE(page->model()->rowCount(), 12); // the day's orders, not 12 and 13
    chooseData(findIn<QComboBox>(page, u"statusCombo"_s), u"PAID"_s);
    QTest::mouseClick(findIn<QPushButton>(page, u"searchButton"_s), Qt::LeftButton);
    const QStringList paid{m_day.order(14).orderNo, m_day.order(11).orderNo,
                           m_day.order(10).orderNo, m_day.order(8).orderNo,
                           m_day.order(4).orderNo,  m_day.order(3).orderNo,
                           m_day.order(2).orderNo,  m_day.order(1).orderNo};
    QCOMPARE(orderNumbersShown(), paid);
    auto *count = findIn<QLabel>(page, u"countLabel"_s);
    QTRY_COMPARE(count->text(), u"8 of 8 orders shown"_s);

    chooseData(findIn<QComboBox>(page, u"cashierCombo"_s), u"alice"_s);
    QTest::mouseClick(findIn<QPushButton>(page, u"searchButton"_s), Qt::LeftButton);
    QCOMPARE(orderNumbersShown(), (QStringList{m_day.order(11).orderNo, m_day.order(3).orderNo,
                                               m_day.order(2).orderNo}));
    QTRY_COMPARE(count->text(), u"3 of 3 orders shown"_s);
    const QModelIndex amount = page->model()->index(2, HistoryModel::AmountColumn);
    QCOMPARE(amount.data().toString(), u"¥12.50"_s);
    QCOMPARE(page->model()->index(2, HistoryModel::StatusColumn).data().toString(), u"Paid"_s);
    QCOMPARE(page->model()->index(2, HistoryModel::ProviderColumn).data().toString(),
             u"WeChat Pay"_s);
    screenshot(m_window.get(), u"history.png"_s);

    // The order number, typed as a cashier reads it off a receipt.
    auto *orderNo = findIn<QLineEdit>(page, u"orderNoEdit"_s);
    orderNo->setFocus();
    QTest::keyClicks(orderNo, m_day.order(2).orderNo.toLower());
    QTest::keyClick(orderNo, Qt::Key_Return);
    QCOMPARE(orderNumbersShown(), QStringList{m_day.order(2).orderNo});
}

void TestManagerFlow::opensAnOrder()
{
    HistoryPage *page = m_window->historyPage();
    QTableView *view = page->view();
    view->setFocus();
    view->selectRow(0);
    QTest::keyClick(view, Qt::Key_Return);
    auto *dialog = waitForModal<OrderDetailDialog>();
    QVERIFY(dialog);
    QVERIFY(findIn<QLabel>(dialog, u"detailTitle"_s)->text().contains(m_day.order(2).orderNo));
    QTableWidget *items = dialog->itemsTable();
    QCOMPARE(items->rowCount(), 2);
    QCOMPARE(items->item(0, 0)->text(), u"Water 550ml"_s);
    QCOMPARE(items->item(0, 3)->text(), u"2"_s);
    QCOMPARE(items->item(0, 4)->text(), u"¥4.00"_s);
    QCOMPARE(dialog->paymentsTable()->rowCount(), 1);
    QCOMPARE(dialog->paymentsTable()->item(0, 3)->text(), u"Paid"_s);
    QStringList log;
    for (int row = 0; row < dialog->eventsTable()->rowCount(); ++row)
        log.append(dialog->eventsTable()->item(row, 1)->text());
    QCOMPARE(log, (QStringList{u"Order created"_s, u"Payment started"_s, u"QR code shown"_s,
                               u"Payment received"_s, u"Order paid"_s}));
    screenshot(dialog, u"order-detail.png"_s);
    dialog->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void TestManagerFlow::exportsWhatIsShown()
{
    HistoryPage *page = m_window->historyPage();
    findIn<QLineEdit>(page, u"orderNoEdit"_s)->clear();
    chooseData(findIn<QComboBox>(page, u"cashierCombo"_s), QString());
    QTest::mouseClick(findIn<QPushButton>(page, u"searchButton"_s), Qt::LeftButton);
    QCOMPARE(page->model()->rowCount(), 8); // the day's paid orders

    const QString path = m_files.filePath(u"paid.csv"_s);
    // The save dialog is modal: answer it once it is up, as a person would.
    QTimer answer;
    answer.setInterval(20);
    connect(&answer, &QTimer::timeout, this, [&] {
        if (auto *files = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            answer.stop();
            // Typed into the name field, as a person would.
            auto *name = files->findChild<QLineEdit *>(u"fileNameEdit"_s);
            QVERIFY(name);
            name->setText(path);
            static_cast<QDialog *>(files)->accept(); // QFileDialog's own is protected
        }
    });
    answer.start();
    QSignalSpy finished(page, &HistoryPage::exportFinished);
    QTest::mouseClick(findIn<QPushButton>(page, u"exportButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(findIn<QLabel>(page, u"historyMessage"_s)->text().contains(u"Exported 8 orders"_s));

    QFile csv(path);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFOrder no,Created,Terminal,Cashier,Status,"));
    QCOMPARE(bytes.count("\r\n"), 1 + 8);
    const Order two = m_day.order(2);
    const QString payNo = m_shop->ledger.orders->payments(two.id).first().payNo;
    QVERIFY(bytes.contains((u"\r\n"_s + two.orderNo +
                            u",2026-11-23 09:05:00,T01,alice,Paid,PAID,12.50,WeChat Pay,wechat,"_s +
                            payNo + u",1,2026-11-23 09:06:00,0.00\r\n"_s)
                               .toUtf8()));
    QVERIFY(!bytes.contains(m_day.order(5).orderNo.toUtf8())); // expired: not shown, not exported
}

void TestManagerFlow::cancelledExportLeavesNoFile()
{
    const QString path = m_files.filePath(u"cancelled.csv"_s);
    ExportProgressDialog progress(*m_history, m_window.get());
    QSignalSpy finished(&progress, &ExportProgressDialog::exportFinished);
    QVERIFY(progress.start(m_window->staff(), {}, path));
    auto *cancel = progress.findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click(); // before the first chunk is written
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(2).toString(), u"The export was cancelled."_s);
    QVERIFY(!QFile::exists(path));
    // Nor does a cashier's export start at all.
    const Staff bob = m_shop->users.signIn(u"bob"_s, u"1111"_s).value();
    ExportProgressDialog refused(*m_history, m_window.get());
    QCOMPARE(refused.start(bob, {}, path).error().code, ErrorCode::Forbidden);
    QVERIFY(!QFile::exists(path));
}

void TestManagerFlow::theReportIsNetOfRefunds()
{
    ReportsPage *page = m_window->reportsPage();
    showTab(page);
    findIn<QDateEdit>(page, u"dayEdit"_s)->setDate(QDate(2026, 11, 23));
    QVERIFY(findIn<QLabel>(page, u"refundsFigure"_s)->text().contains(u"Net ¥47.00"_s));
    // Order 2 (12.50) comes back that evening and its refund goes through.
    RefundBook refunds(*m_shop->ledger.database, m_shop->ledger.checkout->jobs(), u"T01"_s,
                       m_shop->ledger.clock());
    m_shop->ledger.now = ShopFixture::at(23, 18, 0);
    const auto back =
        refunds.requestReturn({m_day.order(2).id, {}, u"faulty"_s}, m_shop->alice, m_shop->manager);
    QVERIFY(back);
    RefundSnapshot done;
    done.state = RefundState::Success;
    done.amount = 1250;
    QVERIFY(refunds.apply(back->refunds.first().refundNo, done, Source::Settler));
    QTest::mouseClick(findIn<QPushButton>(page, u"refreshButton"_s), Qt::LeftButton);
    const QString figure = findIn<QLabel>(page, u"refundsFigure"_s)->text();
    QVERIFY2(figure.contains(u"\u2212¥12.50"_s) && figure.contains(u"Net ¥34.50"_s),
             qPrintable(figure));
    QCOMPARE(page->report().salesAmount, Fen(4700)); // what was sold stays what was sold
}

void TestManagerFlow::dailyReportAndPdf()
{
    ReportsPage *page = m_window->reportsPage();
    showTab(page);
    findIn<QDateEdit>(page, u"dayEdit"_s)->setDate(QDate(2026, 11, 23));
    QCOMPARE(page->report().salesAmount, Fen(4700));
    const QString sales = findIn<QLabel>(page, u"salesFigure"_s)->text();
    QVERIFY2(sales.contains(u"¥47.00"_s) && sales.contains(u"8 orders"_s), qPrintable(sales));
    QVERIFY(findIn<QLabel>(page, u"expiredFigure"_s)->text().contains(u"¥2.00"_s));
    QVERIFY(findIn<QLabel>(page, u"alertsFigure"_s)->text().contains(u">3<"_s));
    auto *providers = findIn<QTableWidget>(page, u"providerTable"_s);
    QCOMPARE(providers->rowCount(), 2);
    QCOMPARE(providers->item(0, 0)->text(), u"WeChat Pay"_s);
    QCOMPARE(providers->item(0, 2)->text(), u"¥34.00"_s);
    auto *cashiers = findIn<QTableWidget>(page, u"cashierTable"_s);
    QCOMPARE(cashiers->item(0, 0)->text(), u"alice"_s);
    QCOMPARE(cashiers->item(0, 2)->text(), u"¥21.00"_s);
    QCOMPARE(findIn<QTableWidget>(page, u"alertTable"_s)->rowCount(), 3);

    const auto series = page->chartView()->chart()->series();
    QCOMPARE(series.size(), 1);
    QBarSet *set = qobject_cast<QBarSeries *>(series.first())->barSets().first();
    QCOMPARE(set->count(), 24);
    QCOMPARE(set->at(9), 17.0);
    QCOMPARE(set->sum(), 47.0);
    screenshot(m_window.get(), u"reports.png"_s);

    const QString pdf = m_files.filePath(u"end-of-day.pdf"_s);
    QVERIFY(page->savePdf(pdf));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
}

void TestManagerFlow::settingsNeverShowTheKey()
{
    SettingsPage *page = m_window->settingsPage();
    showTab(page);
    findIn<QLineEdit>(page, u"appIdEdit"_s)->setText(u"wx1234567890abcdef"_s);
    findIn<QLineEdit>(page, u"merchantIdEdit"_s)->setText(u"1900000109"_s);
    findIn<QLineEdit>(page, u"publicUrlEdit"_s)->setText(u"https://pos.example.com/notify"_s);
    auto *key = findIn<QLineEdit>(page, u"keyEdit"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    key->setText(u"0123456789abcdef0123456789ABCDEF"_s);
    QTest::mouseClick(findIn<QPushButton>(page, u"saveSettingsButton"_s), Qt::LeftButton);
    auto *message = findIn<QLabel>(page, u"settingsMessage"_s);
    QVERIFY2(message->text().startsWith(u"Saved."_s), qPrintable(message->text()));
    QVERIFY(key->text().isEmpty());
    QVERIFY(key->placeholderText().contains(u"…CDEF"_s));
    QVERIFY(!key->placeholderText().contains(u"0123"_s));
    screenshot(m_window.get(), u"settings.png"_s);
}

void TestManagerFlow::historyFollowsAnotherTill()
{
    HistoryPage *page = m_window->historyPage();
    showTab(page);
    page->resetFilters();
    const int before = page->model()->rowCount();
    QVERIFY(before > 0);

    // Another till: its own connection to the same database, selling now, on the shop's
    // clock (which the page's "today" follows too).
    auto otherConnection = reopenTestDatabase(*m_shop->ledger.database);
    Checkout other(*otherConnection, u"T03"_s, m_shop->ledger.clock());
    auto order = other.placeOrder({{m_shop->ledger.productId(u"6901"_s), 1}}, u"carol"_s);
    QVERIFY(order);
    // Nobody touches the page: it follows the change by itself.
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), before + 1, 10000);
    QVERIFY(orderNumbersShown().contains(order->orderNo));

    // A manager reading further down is not pulled back to the top…
    page->view()->setFixedHeight(120);
    QScrollBar *scroll = page->view()->verticalScrollBar();
    QTRY_VERIFY(scroll->maximum() > 0);
    scroll->setValue(scroll->maximum());
    QSignalSpy announced(m_changes.get(), &ChangeFeed::changed);
    QVERIFY(other.placeOrder({{m_shop->ledger.productId(u"6901"_s), 1}}, u"carol"_s));
    QVERIFY(announced.wait(10000));
    QCOMPARE(page->model()->rowCount(), before + 1);
    QCOMPARE(scroll->value(), scroll->maximum());
    // …and the list follows once they are back there.
    scroll->setValue(0);
    QTRY_COMPARE(page->model()->rowCount(), before + 2);
    page->view()->setMinimumHeight(0);
    page->view()->setMaximumHeight(QWIDGETSIZE_MAX);
}

void TestManagerFlow::databaseOutagePausesCharging()
{
    Database &database = *m_shop->ledger.database;
    CheckoutPage *counter = m_window->checkoutPage();
    showTab(counter);
    auto *banner = findIn<QLabel>(m_window.get(), u"databaseBanner"_s);
    QVERIFY(!banner->isVisible());
    auto *barcode = findIn<QLineEdit>(counter, u"barcodeEdit"_s);
    QTest::keyClicks(barcode, u"6901"_s);
    QTest::keyClick(barcode, Qt::Key_Return);
    auto *charge = findIn<QPushButton>(counter, u"chargeButton"_s);
    QVERIFY(charge->isEnabled());

    // What the database says when its server goes away (tst_postgresoutage proves that
    // it does): the till shows it and takes no payment it could not record.
    Q_EMIT database.availabilityChanged(false);
    QVERIFY(banner->isVisible());
    QVERIFY(!charge->isEnabled());
    QTest::keyClick(barcode, Qt::Key_F12);
    QVERIFY(!counter->paymentDialog());
    counter->charge(); // as if a key got through
    QVERIFY(!counter->paymentDialog());
    QVERIFY(findIn<QLabel>(counter, u"resultBanner"_s)->text().contains(u"unreachable"_s));
    QCOMPARE(counter->cartModel()->cart().itemCount(), 1); // the cart is kept

    Q_EMIT database.availabilityChanged(true);
    QVERIFY(!banner->isVisible());
    QVERIFY(charge->isEnabled());

    // A QR already on screen says what an outage means for the customer in front of it.
    QTest::mouseClick(charge, Qt::LeftButton);
    PaymentDialog *dialog = counter->paymentDialog();
    QVERIFY(dialog);
    auto *note = findIn<QLabel>(dialog, u"databaseNote"_s);
    QVERIFY(!note->isVisible());
    Q_EMIT database.availabilityChanged(false);
    QVERIFY(note->isVisible());
    Q_EMIT database.availabilityChanged(true);
    QVERIFY(!note->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape); // the cashier cancels this one
    QTRY_VERIFY(!counter->paymentDialog());
    counter->clearCart();
}

void TestManagerFlow::cashierSeesOnlyOwnOrders()
{
    m_window->signOut();
    QVERIFY(!m_window->checkoutPage());
    signIn(u"bob"_s, u"1111"_s);
    QTabWidget *tabs = m_window->tabs();
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(1), u"My orders"_s);
    QVERIFY(!m_window->reportsPage() && !m_window->settingsPage());
    HistoryPage *page = m_window->historyPage();
    showTab(page);
    findIn<QCheckBox>(page, u"allDatesCheck"_s)->click();
    QCOMPARE(orderNumbersShown(),
             (QStringList{m_day.order(13).orderNo, m_day.order(9).orderNo, m_day.order(8).orderNo,
                          m_day.order(5).orderNo, m_day.order(4).orderNo}));
    QVERIFY(!findIn<QComboBox>(page, u"cashierCombo"_s)->isEnabled());
    QVERIFY(!findIn<QPushButton>(page, u"exportButton"_s)->isVisible());
    screenshot(m_window.get(), u"cashier-orders.png"_s);
}

void TestManagerFlow::firstStartSetsUpTheManager()
{
    // A real till's very first start: no user in the database yet.
    TestLedger ledger;
    UserStore users(*ledger.database, UserStore::Options{1000, ledger.clock()});
    CheckoutClient client(*ledger.checkout);
    PosServices services;
    services.checkout = &client;
    services.orders = ledger.orders.get();
    services.catalog = ledger.catalog.get();
    services.training = false;
    services.operatorName = u"cashier"_s;
    services.users = &users;
    MainWindow window(services);
    window.show();
    // The till can sell as before users existed, and asks for the manager at once.
    QVERIFY(window.checkoutPage());
    auto *setup = waitForModal<ManagerSetupDialog>();
    QVERIFY(setup);
    auto *name = findIn<QLineEdit>(setup, u"nameEdit"_s);
    name->setText(u"王老板"_s);
    QTest::keyClicks(findIn<QLineEdit>(setup, u"pinEdit"_s), u"2468"_s);
    QTest::keyClicks(findIn<QLineEdit>(setup, u"confirmEdit"_s), u"2486"_s);
    QTest::mouseClick(findIn<QPushButton>(setup, u"createButton"_s), Qt::LeftButton);
    auto *error = findIn<QLabel>(setup, u"setupError"_s);
    QTRY_VERIFY(error->isVisible()); // the two PINs differ
    QVERIFY(!users.hasUsers());
    screenshot(setup, u"manager-setup.png"_s);
    QTest::keyClicks(findIn<QLineEdit>(setup, u"pinEdit"_s), u"2468"_s);
    QTest::keyClicks(findIn<QLineEdit>(setup, u"confirmEdit"_s), u"2468"_s);
    QTest::mouseClick(findIn<QPushButton>(setup, u"createButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!setup->isVisible());
    QCOMPARE(window.staff().name(), u"王老板"_s);
    QVERIFY(window.staff().isManager());
    QVERIFY(users.signIn(u"王老板"_s, u"2468"_s).ok());
    // From now on nobody sells without signing in.
    window.signOut();
    QVERIFY(!window.checkoutPage());
    QVERIFY(findIn<QWidget>(&window, u"lockedPage"_s)->isVisible());
    auto *login = waitForModal<LoginDialog>();
    QVERIFY(login);
    login->reject();
}

QTEST_MAIN(TestManagerFlow)
#include "tst_managerflow.moc"
