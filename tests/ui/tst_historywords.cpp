// The manager's screens in words, offscreen: "My orders" and History read what was sold
// while they were hidden as they come into view (never "0 of 0" until Search); an order's
// pay log names states, sources and every detail the core writes in the window's language,
// never as codes or JSON; and the CSV has those words beside the codes. The Chinese is the
// app's own catalogue (the .qm built from translations/shouyin_zh_CN.ts); what has no
// Chinese yet is proven to pass through tr() by a translator that marks every string.
#include "auth/settingseditor.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "historymodel.h"
#include "historypage.h"
#include "mainwindow.h"
#include "orderdetaildialog.h"
#include "paylogtext.h"
#include "refund/refundbook.h"
#include "report/csvexporter.h"
#include "report/historyquery.h"
#include "shopfixture.h"

#include <QBuffer>
#include <QDateEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

// Every string the program translates comes back marked ⟦like this⟧, whatever its
// context: a text shown without its marks did not go through tr().
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return u"⟦"_s + QString::fromUtf8(sourceText) + u"⟧"_s;
    }
    bool isEmpty() const override { return false; }
};

enum EventColumn { KindColumn = 1, SourceColumn = 2, ChangeColumn = 4, DetailColumn = 5 };

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class TestHistoryWords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void historyReadsWhatWasSoldWhileHidden_data();
    void historyReadsWhatWasSoldWhileHidden();
    void payLogAndCsvInChinese();
    void everyPayLogRowInWords();
    void aDiscountedOrderInDetail();
    void everyApisStateInWords_data();
    void everyApisStateInWords();

private:
    std::unique_ptr<OrderDetailDialog> detailOf(qint64 orderId);
    static QStringList column(const QTableWidget *table, int column);

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<HistoryQuery> m_history;
};

void TestHistoryWords::init()
{
    m_shop = std::make_unique<ShopFixture>();
    m_history =
        std::make_unique<HistoryQuery>(*m_shop->ledger.database, m_shop->ledger.clock().zone());
}

void TestHistoryWords::cleanup()
{
    m_history.reset();
    m_shop.reset();
}

std::unique_ptr<OrderDetailDialog> TestHistoryWords::detailOf(qint64 orderId)
{
    auto detail = m_history->detail(m_shop->manager, orderId);
    if (!detail)
        qFatal("no detail: %s", qPrintable(detail.error().message));
    return std::make_unique<OrderDetailDialog>(*detail, m_history->timeZone(), nullptr);
}

QStringList TestHistoryWords::column(const QTableWidget *table, int column)
{
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        cells.append(table->item(row, column)->text());
    return cells;
}

void TestHistoryWords::historyReadsWhatWasSoldWhileHidden_data()
{
    QTest::addColumn<bool>("manager");
    QTest::newRow("a cashier's My orders") << false;
    QTest::newRow("the manager's History") << true;
}

void TestHistoryWords::historyReadsWhatWasSoldWhileHidden()
{
    QFETCH(bool, manager);
    CheckoutClient client(*m_shop->ledger.checkout);
    PosServices services;
    services.checkout = &client;
    services.orders = m_shop->ledger.orders.get();
    services.catalog = m_shop->ledger.catalog.get();
    services.providers = {&m_shop->wechat};
    services.training = true;
    services.users = &m_shop->users;
    services.history = m_history.get();
    QTemporaryDir files;
    SettingsEditor settings(files.filePath(u"shouyin.ini"_s), files.filePath(u"prefs.ini"_s));
    services.settings = &settings; // a manager's Settings page reads it
    services.staff = manager ? m_shop->manager : m_shop->bob;
    m_shop->ledger.now = ShopFixture::at(23, 8, 0);
    MainWindow window(services); // signed in: the pages are made now, before any sale
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    HistoryPage *page = window.historyPage();
    QVERIFY(page);
    QTabWidget *tabs = window.tabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(page)), manager ? u"History"_s : u"My orders"_s);
    auto *count = page->findChild<QLabel *>(u"countLabel"_s);
    QVERIFY(count);
    const auto showTab = [tabs](QWidget *wanted) {
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {},
                          tabs->tabBar()->tabRect(tabs->indexOf(wanted)).center());
        return tabs->currentWidget() == wanted;
    };

    // Bob sells at the counter while the page is hidden; nobody presses Search.
    const qint64 water = m_shop->product("6901");
    const Order first =
        m_shop->sell(u"T01"_s, u"bob"_s, {{water, 1}}, ShopFixture::at(23, 9, 5), m_shop->wechat);
    QVERIFY(showTab(page));
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->index(0, HistoryModel::OrderNoColumn).data().toString(), first.orderNo);
    QTRY_COMPARE(count->text(), u"1 of 1 orders shown"_s);

    // The till stays signed in overnight: "today" is the new day when the page comes back.
    QVERIFY(showTab(window.checkoutPage()));
    const Order next =
        m_shop->sell(u"T01"_s, u"bob"_s, {{water, 2}}, ShopFixture::at(24, 8, 30), m_shop->wechat);
    QVERIFY(showTab(page));
    QCOMPARE(page->findChild<QDateEdit *>(u"fromDate"_s)->date(), QDate(2026, 11, 24));
    QCOMPARE(page->findChild<QDateEdit *>(u"toDate"_s)->date(), QDate(2026, 11, 24));
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->index(0, HistoryModel::OrderNoColumn).data().toString(), next.orderNo);
    QTRY_COMPARE(count->text(), u"1 of 1 orders shown"_s);
}

void TestHistoryWords::payLogAndCsvInChinese()
{
    const qint64 water = m_shop->product("6901");
    const Order paid =
        m_shop->sell(u"T01"_s, u"alice"_s, {{water, 1}}, ShopFixture::at(23, 9, 5), m_shop->wechat);
    QTranslator chinese;
    QVERIFY(chinese.load(u"shouyin_zh_CN"_s, QStringLiteral(SHOUYIN_QM_DIR)));
    QCoreApplication::installTranslator(&chinese);
    const auto dialog = detailOf(paid.id);
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    CsvExporter exporter(*m_history);
    const auto exported = exporter.exportAll(m_shop->manager, {}, &csv);
    QCoreApplication::removeTranslator(&chinese);

    const QTableWidget *log = dialog->eventsTable();
    const QStringList kinds = column(log, KindColumn);
    const qsizetype orderPaid = kinds.indexOf(u"订单已支付"_s);
    QVERIFY2(orderPaid >= 0, qPrintable(kinds.join(u" | "_s)));
    QCOMPARE(log->item(int(orderPaid), ChangeColumn)->text(), u"待支付 → 支付成功"_s);
    const QStringList details = column(log, DetailColumn);
    const qsizetype started = kinds.indexOf(u"发起支付"_s);
    QVERIFY(started >= 0);
    const QString startedDetail = details.at(started);
    QVERIFY2(startedDetail.contains(u"微信支付"_s) && startedDetail.contains(u"¥2.00"_s),
             qPrintable(startedDetail));
    const QRegularExpression code(u"\\b[A-Z][A-Z_]{2,}\\b"_s);
    for (int row = 0; row < log->rowCount(); ++row) {
        const QString change = log->item(row, ChangeColumn)->text();
        const QString detail = log->item(row, DetailColumn)->text();
        QVERIFY2(!code.match(change).hasMatch(), qPrintable(change));
        QVERIFY2(!detail.contains(u'{') && !detail.contains(u'"') && !detail.contains(u"_fen"_s),
                 qPrintable(detail));
    }

    QCOMPARE(exported.value(), qint64(1));
    const QString text = QString::fromUtf8(csv.data());
    QVERIFY2(text.contains(u",支付成功,PAID,2.00,微信支付,wechat,"_s), qPrintable(text));
}

void TestHistoryWords::everyPayLogRowInWords()
{
    // Every kind of row the core writes into an order's pay log, each with its detail.
    Checkout &till = *m_shop->ledger.checkout;
    const qint64 water = m_shop->product("6901");
    QList<qint64> orders;
    const auto day = m_shop->sampleDay(); // sales, expiries, cancels, mismatch, paid late
    for (const Order &order : day.orders)
        orders.append(order.id);

    m_shop->ledger.now = ShopFixture::at(24, 9, 0);
    const auto cash = till.takeCash({{water, 1}}, 500, u"alice"_s); // change given
    QVERIFY(cash);
    orders.append(cash->order.id);

    const Order refused = m_shop->place(u"T01"_s, u"alice"_s, {{water, 1}}, m_shop->ledger.now);
    const Payment refusedPayment =
        till.openPayment(refused.id, m_shop->wechat, std::chrono::minutes(10), u"alice"_s).value();
    QVERIFY(till.recordCreateRefused(refusedPayment.payNo,
                                     Error::provider(u"NOTENOUGH"_s, u"余额不足"_s)));
    orders.append(refused.id);

    const Order coded = m_shop->place(u"T01"_s, u"alice"_s, {{water, 1}}, m_shop->ledger.now);
    const Payment code = till.openPayment(coded.id, m_shop->wechat, std::chrono::minutes(1),
                                          u"alice"_s, PaymentMethod::Code)
                             .value();
    QVERIFY(till.recordCodeWaiting(code.payNo));
    QVERIFY(till.recordAttemptError(code.payNo, Error{ErrorCode::Timeout, u"no answer"_s}));
    QVERIFY(till.recordEvent(code.payNo, u"recovery_checked"_s,
                             json({{u"state"_s, u"USERPAYING"_s}}), Source::Recovery));
    QVERIFY(till.recordEvent(code.payNo, u"alert_reverse_blocked"_s,
                             json({{u"pay_no"_s, code.payNo}, {u"reason"_s, u"no certificate"_s}}),
                             Source::Settler));
    orders.append(coded.id);

    // Cash first, then the till restarts and gives the order up: the cash is owed back.
    const Order split = m_shop->place(u"T01"_s, u"alice"_s, {{water, 3}}, m_shop->ledger.now);
    QVERIFY(till.takeCash(split.id, 100, u"alice"_s));
    QVERIFY(till.requestCancel(split.id, {}, Source::Recovery));
    orders.append(split.id);

    // Goods back, their refund through the provider; and cash back from the drawer.
    RefundBook refunds(*m_shop->ledger.database, till.jobs(), u"T01"_s, m_shop->ledger.clock());
    const auto back =
        refunds.requestReturn({day.order(2).id, {}, u"faulty"_s}, m_shop->alice, m_shop->manager);
    QVERIFY(back);
    RefundSnapshot done;
    done.state = RefundState::Success;
    done.amount = 1250;
    done.rawState = u"SUCCESS"_s;
    QVERIFY(refunds.apply(back->refunds.first().refundNo, done, Source::Settler));
    QVERIFY(refunds.requestReturn({cash->order.id, {}, u"wrong item"_s, StockAction::Damaged},
                                  m_shop->alice, m_shop->manager));

    MarkingTranslator marks;
    QCoreApplication::installTranslator(&marks);
    QStringList kindsSeen;
    QStringList wrong;
    // A field whose name is shown as it is (no marks): the key of a field nobody named.
    const QRegularExpression rawKey(u"(^|⟦)[a-z_]+: "_s);
    for (const qint64 orderId : std::as_const(orders)) {
        const auto dialog = detailOf(orderId);
        const QTableWidget *log = dialog->eventsTable();
        for (int row = 0; row < log->rowCount(); ++row) {
            const QString kind = log->item(row, KindColumn)->text();
            const QString source = log->item(row, SourceColumn)->text();
            const QString change = log->item(row, ChangeColumn)->text();
            const QString detail = log->item(row, DetailColumn)->text();
            kindsSeen.append(kind);
            const auto marked = [](const QString &text) {
                return text.startsWith(u"⟦"_s) && text.endsWith(u"⟧"_s);
            };
            // "⟦%1 → %2⟧" holding two marked statuses, or nothing.
            const bool changeInWords = change.isEmpty() || change.count(u"⟦"_s) == 3;
            const bool detailInWords =
                detail.isEmpty() || (marked(detail) && !detail.contains(u'{') &&
                                     !detail.contains(u'"') && !rawKey.match(detail).hasMatch());
            if (!marked(kind) || !marked(source) || !changeInWords || !detailInWords)
                wrong.append(u"%1 | %2 | %3 | %4"_s.arg(kind, source, change, detail));
        }
    }
    QCoreApplication::removeTranslator(&marks);
    QVERIFY2(wrong.isEmpty(), qPrintable(u"\n"_s + wrong.join(u"\n"_s)));

    // Each kind was there to be read.
    const QStringList expected{
        u"⟦Order created⟧"_s,
        u"⟦Payment started⟧"_s,
        u"⟦QR code shown⟧"_s,
        u"⟦Payment received⟧"_s,
        u"⟦Order paid⟧"_s,
        u"⟦Payment closed⟧"_s,
        u"⟦Order cancelled⟧"_s,
        u"⟦Cancel requested⟧"_s,
        u"⟦Cash taken⟧"_s,
        u"⟦Cash given back⟧"_s,
        u"⟦Provider refused the payment⟧"_s,
        u"⟦Waiting for the customer's password⟧"_s,
        u"⟦Error, outcome unknown⟧"_s,
        u"⟦Checked at start-up⟧"_s,
        u"⟦Goods returned⟧"_s,
        u"⟦Refund requested⟧"_s,
        u"⟦Refunded⟧"_s,
        u"⟦Cash refunded from the drawer⟧"_s,
        u"⟦ALERT: %1⟧"_s.arg(u"⟦Amount or merchant mismatch⟧"_s),
        u"⟦ALERT: %1⟧"_s.arg(u"⟦Paid after close⟧"_s),
        u"⟦ALERT: %1⟧"_s.arg(u"⟦Paid after cancel⟧"_s),
        u"⟦ALERT: %1⟧"_s.arg(u"⟦A payment code cannot be cancelled⟧"_s),
        u"⟦ALERT: %1⟧"_s.arg(u"⟦Cash to give back to the customer⟧"_s),
    };
    for (const QString &kind : expected)
        QVERIFY2(kindsSeen.contains(kind), qPrintable(kind));
}

// What was taken off, where, and on whose approval; each line's price and what was paid
// for it; the pay log in words.
void TestHistoryWords::everyApisStateInWords_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("words");
    QTest::newRow("v2 and v3 paid") << u"SUCCESS"_s << u"Paid (SUCCESS)"_s;
    QTest::newRow("Alipay paid") << u"TRADE_SUCCESS"_s << u"Paid (TRADE_SUCCESS)"_s;
    QTest::newRow("v2 unknown") << u"ORDERNOTEXIST"_s
                                << u"Unknown to the provider (ORDERNOTEXIST)"_s;
    QTest::newRow("v3 unknown") << u"ORDER_NOT_EXIST"_s
                                << u"Unknown to the provider (ORDER_NOT_EXIST)"_s;
    QTest::newRow("a word nobody knows") << u"MAYBE"_s << u"MAYBE"_s;
}

void TestHistoryWords::everyApisStateInWords()
{
    QFETCH(QString, raw);
    QFETCH(QString, words);
    QCOMPARE(PayLogText::providerState(raw), words);
}

void TestHistoryWords::aDiscountedOrderInDetail()
{
    // Two waters (2.00) at 10% off the line, a chocolate (8.50), 0.53 off the sale, small
    // change to whole jiao: 12.50 − 0.40 − 0.53 − 0.07 = 11.50 (tst_discountsale works it).
    Sale sale{{m_shop->product("6901"), 2, std::nullopt, Discount::percentOff(10)},
              {m_shop->product("6903"), 1}};
    sale.discount = Discount::amountOff(53);
    sale.roundOff = RoundOff::Jiao;
    sale.approver = m_shop->manager;
    m_shop->ledger.checkout->setDiscountLimits(DiscountLimits{0}); // every discount approved
    const Order order = m_shop->sell(u"T01"_s, m_shop->alice.name(), sale,
                                     ShopFixture::at(23, 10, 0), m_shop->wechat);
    const auto dialog = detailOf(order.id);
    auto *discounts = dialog->findChild<QLabel *>(u"detailDiscounts"_s);
    QVERIFY(discounts);
    QCOMPARE(discounts->text(), u"¥1.00 (on the lines ¥0.40, on the sale ¥0.53, small change "
                                "¥0.07) · approved by %1"_s.arg(m_shop->manager.name()));
    auto *items = dialog->findChild<QTableWidget *>(u"itemsTable"_s);
    QVERIFY(items);
    QCOMPARE(column(items, 4), (QStringList{u"¥4.00"_s, u"¥8.50"_s}));
    QCOMPARE(column(items, 5), (QStringList{u"¥3.42"_s, u"¥8.08"_s}));
    auto *events = dialog->findChild<QTableWidget *>(u"eventsTable"_s);
    const QString created = column(events, DetailColumn).value(0);
    QVERIFY2(created.contains(u"Discounts: ¥0.93"_s) && created.contains(u"¥0.07"_s) &&
                 created.contains(m_shop->manager.name()),
             qPrintable(created));
}

QTEST_MAIN(TestHistoryWords)
#include "tst_historywords.moc"
