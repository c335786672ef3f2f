// Held sales and open prices at the counter, through the real widgets: F5 parks the cart,
// the next customer is served and paid, F6 brings the parked cart back and it is paid; a
// held sale is taken back once, and not into a cart in use; an open-price product asks
// for its price and refuses one above its limit.
#include "cartmodel.h"
#include "catalog/scalebarcode.h"
#include "checkoutpage.h"
#include "counterkeys.h"
#include "mainwindow.h"
#include "printingcounter.h"
#include "quickkeys.h"
#include "store/heldsales.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

const QString kWater = u"6970000000017"_s;
const QString kBread = u"6970000000024"_s;

} // namespace

class TestHoldAndPrice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void holdServeAnotherResumeAndPay();
    void aHeldSaleComesBackOnceAndIntoAnEmptyCart();
    void anOpenPriceIsAskedAndLimited();
    void aScaleLabelSellsAtItsPrice();
    void aQuickKeyAddsItsProduct();

private:
    CheckoutPage *page() const { return m_window->checkoutPage(); }
    QString scanMessage() const
    {
        auto *label = page()->findChild<QLabel *>(u"scanMessage"_s);
        return label ? label->text() : QString();
    }
    static void scan(const QString &code)
    {
        QTRY_VERIFY(QApplication::focusWidget());
        scanIntoFocus(code);
    }
    static void key(Qt::Key key)
    {
        QTRY_VERIFY(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), key);
    }
    // Cash for the whole cart, exactly.
    void payCash();

    std::unique_ptr<PrintingCounter> m_till;
    PrintingCounter &counter() { return *m_till; }
    std::unique_ptr<HeldSales> m_held;
    std::unique_ptr<MainWindow> m_window;
};

void TestHoldAndPrice::init()
{
    m_till = std::make_unique<PrintingCounter>();
    QVERIFY(counter().start());
    m_held = std::make_unique<HeldSales>(*counter().db, u"T01"_s);
    PosServices services = counter().services();
    services.operatorName = u"alice"_s;
    services.heldSales = m_held.get();
    services.scales = *ScaleBarcodeFormats::parse(u"20IIIIIPPPPPC,21IIIIIWWWWWC"_s);
    m_window = std::make_unique<MainWindow>(services);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(page());
}

void TestHoldAndPrice::cleanup()
{
    m_window.reset();
    m_held.reset();
    m_till.reset();
}

void TestHoldAndPrice::payCash()
{
    const Fen due = page()->cartModel()->cart().total();
    std::optional<CashTaken> taken;
    counter().client->takeCash(page()->cartModel()->cart().toCartLines(), due, u"alice"_s, this,
                               [&taken](Result<CashTaken> result) {
                                   if (result)
                                       taken = *result;
                               });
    QTRY_VERIFY(taken.has_value());
    QCOMPARE(taken->order.status, OrderStatus::Paid);
    page()->clearCart();
}

void TestHoldAndPrice::holdServeAnotherResumeAndPay()
{
    scan(kWater);
    scan(kWater);
    scan(kBread);
    QCOMPARE(page()->cartModel()->cart().total(), 1678);
    key(Qt::Key_F5);
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    QVERIFY2(scanMessage().contains(u"¥16.78, as held sale"_s), qPrintable(scanMessage()));
    QCOMPARE(m_held->waiting()->size(), 1);
    // Held, it reserves nothing.
    QCOMPARE(counter().catalog->byBarcode(kBread)->reserved, 0);

    // The next customer.
    scan(kBread);
    payCash();
    QCOMPARE(counter().catalog->byBarcode(kBread)->stock, 19);

    // F6: the held sale, chosen in the list, comes back.
    key(Qt::Key_F6);
    QTRY_VERIFY(page()->heldSalesDialog());
    QInputDialog *ask = page()->heldSalesDialog();
    QVERIFY2(ask->comboBoxItems().first().contains(u"alice at T01"_s),
             qPrintable(ask->comboBoxItems().first()));
    ask->accept();
    QTRY_COMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(page()->cartModel()->cart().total(), 1678);
    QVERIFY(m_held->waiting()->isEmpty());
    payCash();
    QCOMPARE(counter().catalog->byBarcode(kBread)->stock, 18);
    QCOMPARE(counter().catalog->byBarcode(kWater)->stock, 98);
}

void TestHoldAndPrice::aHeldSaleComesBackOnceAndIntoAnEmptyCart()
{
    key(Qt::Key_F5); // nothing to hold
    QVERIFY(scanMessage().contains(u"nothing to hold"_s));
    QVERIFY(m_held->waiting()->isEmpty());
    scan(kBread);
    key(Qt::Key_F5);
    scan(kWater);
    key(Qt::Key_F6); // the cart is in use: the held sale would be mixed into it
    QVERIFY2(scanMessage().contains(u"Hold or finish this sale first"_s),
             qPrintable(scanMessage()));
    QVERIFY(!page()->heldSalesDialog());
    page()->clearCart();
    key(Qt::Key_F6);
    QTRY_VERIFY(page()->heldSalesDialog());
    // Another till takes it while the list is open.
    const qint64 id = m_held->waiting()->first().id;
    QVERIFY(HeldSales(*counter().db, u"T02"_s).resume(id, u"bob"_s));
    page()->heldSalesDialog()->accept();
    QTRY_VERIFY(scanMessage().contains(u"bob already resumed this sale at till T02"_s));
    QCOMPARE(page()->cartModel()->rowCount(), 0);
    key(Qt::Key_F6);
    QVERIFY(scanMessage().contains(u"No sales are held"_s));
}

void TestHoldAndPrice::anOpenPriceIsAskedAndLimited()
{
    QSqlQuery open(counter().db->connection());
    QVERIFY(open.exec(
        u"UPDATE products SET open_price_max_fen = 2000 WHERE barcode = '%1'"_s.arg(kBread)));
    scan(kBread);
    QTRY_VERIFY(page()->openPriceDialog());
    page()->openPriceDialog()->setTextValue(u"25.00"_s); // above its ¥20.00
    page()->openPriceDialog()->accept();
    QTRY_VERIFY(scanMessage().contains(u"not a price of"_s));
    QCOMPARE(page()->cartModel()->rowCount(), 0);

    scan(kBread);
    QTRY_VERIFY(page()->openPriceDialog());
    page()->openPriceDialog()->setTextValue(u"9.90"_s);
    page()->openPriceDialog()->accept();
    QTRY_COMPARE(page()->cartModel()->rowCount(), 1);
    QCOMPARE(page()->cartModel()->cart().total(), 990);
    // The order is placed at the typed price.
    payCash();
    QSqlQuery sold(counter().db->connection());
    QVERIFY(sold.exec(u"SELECT unit_price_fen FROM order_items"_s) && sold.next());
    QCOMPARE(sold.value(0).toLongLong(), 990);
}

void TestHoldAndPrice::aScaleLabelSellsAtItsPrice()
{
    // Water weighed by the shop's scale: item code 123, ¥1.99 a kilogram.
    QSqlQuery plu(counter().db->connection());
    QVERIFY(plu.exec(u"UPDATE products SET plu = '123' WHERE barcode = '%1'"_s.arg(kWater)));
    const auto label = [](const QString &first12) {
        return first12 + QString::number(ean13CheckDigit(first12));
    };
    scan(label(u"200012300350"_s)); // a price label: ¥3.50
    QTRY_COMPARE(page()->cartModel()->rowCount(), 1);
    QCOMPARE(page()->cartModel()->cart().total(), 350);
    scan(label(u"210012302500"_s)); // a weight label: 2.5 kg at ¥1.99 = ¥4.975 → ¥4.98
    QTRY_COMPARE(page()->cartModel()->rowCount(), 2);
    QCOMPARE(page()->cartModel()->cart().total(), 350 + 498);
    // A misread label is refused, never looked up as another product.
    const QString misread =
        u"2000123003501"_s == label(u"200012300350"_s) ? u"2000123003502"_s : u"2000123003501"_s;
    scan(misread);
    QTRY_VERIFY2(scanMessage().contains(u"misread"_s), qPrintable(scanMessage()));
    QCOMPARE(page()->cartModel()->rowCount(), 2);
    payCash();
    QSqlQuery sold(counter().db->connection());
    QVERIFY(sold.exec(u"SELECT SUM(unit_price_fen * quantity) FROM order_items"_s) && sold.next());
    QCOMPARE(sold.value(0).toLongLong(), 848);
}

void TestHoldAndPrice::aQuickKeyAddsItsProduct()
{
    QVERIFY(!page()->findChild<QuickKeys *>(u"quickKeys"_s)->isVisible()); // none yet
    QSqlQuery key(counter().db->connection());
    QVERIFY(key.exec(u"UPDATE products SET quick_key = 1, category = '散装' "
                     "WHERE barcode = '%1'"_s.arg(kBread)));
    page()->reloadProducts();
    auto *keys = page()->findChild<QuickKeys *>(u"quickKeys"_s);
    QVERIFY(keys->isVisible());
    QCOMPARE(keys->keyCount(), 1);
    auto *bread = keys->findChild<QPushButton *>(u"quickKey_"_s + kBread);
    QVERIFY(bread);
    QVERIFY(bread->text().contains(u"¥12.80"_s));
    QTest::mouseClick(bread, Qt::LeftButton);
    QTest::mouseClick(bread, Qt::LeftButton);
    QCOMPARE(page()->cartModel()->rowCount(), 1);
    QCOMPARE(page()->cartModel()->cart().itemCount(), 2);
    // The scanner's keys still go to the barcode field.
    scan(kWater);
    QCOMPARE(page()->cartModel()->rowCount(), 2);
}

QTEST_MAIN(TestHoldAndPrice)
#include "tst_holdandprice.moc"
