// The manager's Products page through the real widgets, offscreen: adding a product (and
// a refused one that keeps what was typed), changing a price and reading its history,
// goods received, counted and adjusted on the stock ledger, retiring and restoring, the
// search and low-stock filters, and the CSV import with a bad line fixed.
#include "checkout/checkoutclient.h"
#include "productdialog.h"
#include "productimportdialog.h"
#include "productspage.h"
#include "shopfixture.h"
#include "stockdialog.h"
#include "store/productbook.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

enum Column { Barcode, Name, Category, Unit, Price, Cost, Stock, LowAt, StatusColumn };

template<typename T> T *findIn(QWidget *root, const QString &name)
{
    T *child = root ? root->findChild<T *>(name) : nullptr;
    if (!child)
        qWarning("no child %s", qPrintable(name));
    return child;
}

void typeInto(QWidget *root, const QString &name, const QString &text)
{
    auto *edit = findIn<QLineEdit>(root, name);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void typeNumber(QWidget *root, const QString &name, int value)
{
    auto *spin = findIn<QSpinBox>(root, name);
    QVERIFY(spin);
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QCOMPARE(spin->value(), value);
}

void click(QWidget *root, const QString &name)
{
    auto *button = findIn<QAbstractButton>(root, name);
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(name));
    QTest::mouseClick(button, Qt::LeftButton);
}

void clickOk(QDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

QStringList columnOf(const QTableWidget *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts.append(table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

// The Alt letters of a window's buttons and labelled fields; each must be there once.
QStringList mnemonicsOf(QWidget *root)
{
    QStringList texts;
    for (auto *button : root->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(root))
            texts.append(button->text());
    }
    for (auto *label : root->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(root))
            texts.append(label->text());
    }
    QStringList letters;
    for (const QString &text : std::as_const(texts)) {
        const qsizetype at = QString(text).replace(u"&&"_s, u"__"_s).indexOf(u'&');
        if (at >= 0 && at + 1 < text.size())
            letters.append(text.at(at + 1).toLower());
    }
    return letters;
}

} // namespace

class TestProductsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void addsAProduct();
    void refusedAddKeepsWhatWasTyped();
    void changedPriceShowsInItsHistory();
    void receivesCountsAndAdjusts();
    void retiredProductsHideUnlessAsked();
    void searchAndLowStockFilters();
    void importShowsBadLinesUntilFixed();
    void cashierIsRefused();
    void noAltLetterTwice();

private:
    void makePage(const Staff &staff);
    int rowOf(const QString &barcode) const;
    QString cellText(const QString &barcode, int column) const;
    void selectRow(const QString &barcode, bool doubleClick = false);
    template<typename T> T *openDialog(const QString &buttonName);
    void waitClosed();
    Product product(const QString &barcode) const;

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<CheckoutClient> m_client;
    std::unique_ptr<ProductBook> m_book;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ProductsPage> m_page;
    QTableView *m_table = nullptr;
};

void TestProductsPage::init()
{
    m_shop = std::make_unique<ShopFixture>();
    m_client = std::make_unique<CheckoutClient>(*m_shop->ledger.checkout);
    m_book = std::make_unique<ProductBook>(*m_shop->ledger.database, m_shop->ledger.clock());
    m_catalog = std::make_unique<Catalog>(*m_shop->ledger.database, m_shop->ledger.clock());
    makePage(m_shop->manager);
}

void TestProductsPage::makePage(const Staff &staff)
{
    PosServices services;
    services.checkout = m_client.get();
    services.products = m_book.get();
    services.catalog = m_catalog.get();
    services.staff = staff;
    m_page = std::make_unique<ProductsPage>(services);
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_table = findIn<QTableView>(m_page.get(), u"productsTable"_s);
    QVERIFY(m_table);
}

void TestProductsPage::cleanup()
{
    m_page.reset();
    m_catalog.reset();
    m_book.reset();
    m_client.reset();
    m_shop.reset();
}

int TestProductsPage::rowOf(const QString &barcode) const
{
    const QAbstractItemModel *model = m_table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, Barcode).data().toString() == barcode)
            return row;
    }
    return -1;
}

QString TestProductsPage::cellText(const QString &barcode, int column) const
{
    const int row = rowOf(barcode);
    return row < 0 ? u"<not shown>"_s : m_table->model()->index(row, column).data().toString();
}

void TestProductsPage::selectRow(const QString &barcode, bool doubleClick)
{
    const int row = rowOf(barcode);
    QVERIFY2(row >= 0, qPrintable(barcode));
    const QModelIndex index = m_table->model()->index(row, Name);
    m_table->scrollTo(index);
    const QPoint at = m_table->visualRect(index).center();
    QTest::mouseClick(m_table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(m_page->selectedProduct().value_or(Product()).barcode, barcode);
    if (doubleClick)
        QTest::mouseDClick(m_table->viewport(), Qt::LeftButton, {}, at);
}

template<typename T> T *TestProductsPage::openDialog(const QString &buttonName)
{
    click(m_page.get(), buttonName);
    auto *dialog = qobject_cast<T *>(m_page->dialog());
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        qWarning("no dialog after %s", qPrintable(buttonName));
    return dialog;
}

void TestProductsPage::waitClosed()
{
    QTRY_VERIFY(!m_page->dialog());
}

Product TestProductsPage::product(const QString &barcode) const
{
    const Result<QList<Product>> all = m_book->allProducts();
    if (!all)
        qFatal("allProducts: %s", qPrintable(all.error().message));
    for (const Product &each : *all) {
        if (each.barcode == barcode)
            return each;
    }
    return {};
}

void TestProductsPage::addsAProduct()
{
    QCOMPARE(cellText(u"6902"_s, Name), u"Noodles"_s);
    auto *dialog = openDialog<ProductDialog>(u"addProductButton"_s);
    QVERIFY(dialog);
    typeInto(dialog, u"barcodeEdit"_s, u"6904"_s);
    typeInto(dialog, u"nameEdit"_s, u"Green tea"_s);
    auto *category = findIn<QComboBox>(dialog, u"categoryCombo"_s);
    QVERIFY(category && category->lineEdit());
    QTest::keyClicks(category->lineEdit(), u"Drinks"_s);
    typeInto(dialog, u"unitEdit"_s, u"bottle"_s);
    typeInto(dialog, u"priceEdit"_s, u"3.50"_s);
    typeInto(dialog, u"costEdit"_s, u"2.1"_s);
    typeInto(dialog, u"lowStockEdit"_s, u"5"_s);
    typeNumber(dialog, u"openingStockSpin"_s, 12);
    clickOk(dialog);
    waitClosed();

    QCOMPARE(cellText(u"6904"_s, Name), u"Green tea"_s);
    QCOMPARE(cellText(u"6904"_s, Category), u"Drinks"_s);
    QCOMPARE(cellText(u"6904"_s, Unit), u"bottle"_s);
    QCOMPARE(cellText(u"6904"_s, Price), u"¥3.50"_s);
    QCOMPARE(cellText(u"6904"_s, Cost), u"¥2.10"_s);
    QCOMPARE(cellText(u"6904"_s, Stock), u"12"_s);
    QCOMPARE(cellText(u"6904"_s, LowAt), u"5"_s);
    QCOMPARE(cellText(u"6904"_s, StatusColumn), u"On sale"_s);
    QCOMPARE(m_page->selectedProduct().value_or(Product()).barcode, u"6904"_s);

    const Product tea = product(u"6904"_s);
    QCOMPARE(tea.name, u"Green tea"_s);
    QCOMPARE(tea.price, Fen(350));
    QCOMPARE(tea.cost, std::optional<Fen>(210));
    QCOMPARE(tea.stock, qint64(12));
    const auto moves = m_book->stockMoves(tea.id);
    QVERIFY(moves && moves->size() == 1);
    QCOMPARE(moves->first().kind, StockMoveKind::Opening);
    QCOMPARE(moves->first().operatorName, m_shop->manager.name());

    // The new category is offered the next time.
    dialog = openDialog<ProductDialog>(u"addProductButton"_s);
    QVERIFY(dialog);
    QVERIFY(findIn<QComboBox>(dialog, u"categoryCombo"_s)->findText(u"Drinks"_s) >= 0);
    dialog->reject();
    waitClosed();
}

void TestProductsPage::refusedAddKeepsWhatWasTyped()
{
    auto *dialog = openDialog<ProductDialog>(u"addProductButton"_s);
    QVERIFY(dialog);
    typeInto(dialog, u"barcodeEdit"_s, u"6901"_s);
    typeInto(dialog, u"nameEdit"_s, u"Other water"_s);
    typeInto(dialog, u"priceEdit"_s, u"0"_s);
    clickOk(dialog);
    // The rule of ProductBook::check, before anything is asked of the database.
    auto *error = findIn<QLabel>(dialog, u"productErrorLabel"_s);
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"¥0.00"_s), qPrintable(error->text()));

    typeInto(dialog, u"priceEdit"_s, u"1.20"_s);
    clickOk(dialog);
    QVERIFY2(error->text().contains(u"6901"_s), qPrintable(error->text()));
    QCOMPARE(m_page->dialog(), dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(findIn<QLineEdit>(dialog, u"barcodeEdit"_s)->text(), u"6901"_s);
    QCOMPARE(findIn<QLineEdit>(dialog, u"nameEdit"_s)->text(), u"Other water"_s);
    QCOMPARE(findIn<QLineEdit>(dialog, u"priceEdit"_s)->text(), u"1.20"_s);
    QCOMPARE(m_book->allProducts()->size(), 3);
    QCOMPARE(product(u"6901"_s).name, u"Water 550ml"_s);

    dialog->reject();
    waitClosed();
    QCOMPARE(m_table->model()->rowCount(), 3);
}

void TestProductsPage::changedPriceShowsInItsHistory()
{
    m_shop->ledger.now = ShopFixture::at(23, 10, 30);
    selectRow(u"6902"_s, true); // a double click edits
    auto *dialog = qobject_cast<ProductDialog *>(m_page->dialog());
    QVERIFY(dialog);
    auto *price = findIn<QLineEdit>(dialog, u"priceEdit"_s);
    QCOMPARE(price->text(), u"4.50"_s);
    QVERIFY(!findIn<QSpinBox>(dialog, u"openingStockSpin"_s)->isVisible());
    typeInto(dialog, u"priceEdit"_s, u"5.20"_s);
    clickOk(dialog);
    waitClosed();
    QCOMPARE(cellText(u"6902"_s, Price), u"¥5.20"_s);
    QCOMPARE(product(u"6902"_s).price, Fen(520));

    // An open price shows its limit.
    selectRow(u"6903"_s);
    dialog = openDialog<ProductDialog>(u"editProductButton"_s);
    QVERIFY(dialog);
    QTest::mouseClick(findIn<QCheckBox>(dialog, u"openPriceCheck"_s), Qt::LeftButton);
    typeInto(dialog, u"openPriceMaxEdit"_s, u"30"_s);
    clickOk(dialog);
    waitClosed();
    QCOMPARE(cellText(u"6903"_s, Price), u"open, up to ¥30.00"_s);

    selectRow(u"6902"_s);
    auto *history = openDialog<ProductHistoryDialog>(u"historyButton"_s);
    QVERIFY(history);
    auto *prices = findIn<QTableWidget>(history, u"priceHistoryTable"_s);
    QVERIFY(prices);
    QVERIFY(prices->rowCount() >= 1);
    // Newest first, in the shop's time (Shanghai), by whom.
    QCOMPARE(prices->item(0, 0)->text(), u"2026-11-23 10:30"_s);
    QCOMPARE(prices->item(0, 1)->text(), u"¥4.50"_s);
    QCOMPARE(prices->item(0, 2)->text(), u"¥5.20"_s);
    QCOMPARE(prices->item(0, 3)->text(), m_shop->manager.name());
    const QStringList listed = columnOf(prices, 1) + columnOf(prices, 2);
    QVERIFY(listed.contains(u"¥4.50"_s) && listed.contains(u"¥5.20"_s));
    history->reject();
    waitClosed();
}

void TestProductsPage::receivesCountsAndAdjusts()
{
    m_shop->ledger.now = ShopFixture::at(23, 8, 15);
    selectRow(u"6903"_s); // chocolate, 5 on the shelf
    auto *dialog = openDialog<StockDialog>(u"receiveButton"_s);
    QVERIFY(dialog);
    typeNumber(dialog, u"quantitySpin"_s, 24);
    QCOMPARE(findIn<QLabel>(dialog, u"stockPreviewLabel"_s)->text(), u"5 → 29"_s);
    typeInto(dialog, u"reasonEdit"_s, u"Delivery 1123"_s);
    clickOk(dialog);
    waitClosed();
    QCOMPARE(cellText(u"6903"_s, Stock), u"29"_s);
    QCOMPARE(product(u"6903"_s).stock, qint64(29));

    // A correction needs its reason: refused, and the dialog keeps the count typed.
    dialog = openDialog<StockDialog>(u"adjustButton"_s);
    QVERIFY(dialog);
    typeNumber(dialog, u"quantitySpin"_s, -2);
    QCOMPARE(findIn<QLabel>(dialog, u"stockPreviewLabel"_s)->text(), u"29 → 27"_s);
    clickOk(dialog);
    auto *error = findIn<QLabel>(dialog, u"stockErrorLabel"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(m_page->dialog(), dialog);
    QCOMPARE(product(u"6903"_s).stock, qint64(29));
    typeInto(dialog, u"reasonEdit"_s, u"Broken"_s);
    clickOk(dialog);
    waitClosed();
    QCOMPARE(cellText(u"6903"_s, Stock), u"27"_s);

    dialog = openDialog<StockDialog>(u"countButton"_s);
    QVERIFY(dialog);
    typeNumber(dialog, u"quantitySpin"_s, 20);
    QCOMPARE(findIn<QLabel>(dialog, u"stockPreviewLabel"_s)->text(), u"27 → 20"_s);
    clickOk(dialog);
    waitClosed();
    QCOMPARE(cellText(u"6903"_s, Stock), u"20"_s);
    QCOMPARE(product(u"6903"_s).stock, qint64(20));

    auto *history = openDialog<ProductHistoryDialog>(u"historyButton"_s);
    QVERIFY(history);
    auto *ledger = findIn<QTableWidget>(history, u"stockLedgerTable"_s);
    QVERIFY(ledger);
    QVERIFY(ledger->rowCount() >= 3);
    QCOMPARE(columnOf(ledger, 1).mid(0, 3),
             (QStringList{u"Counted"_s, u"Adjusted"_s, u"Received"_s}));
    QCOMPARE(columnOf(ledger, 2).mid(0, 3), (QStringList{u"27"_s, u"29"_s, u"5"_s}));
    QCOMPARE(columnOf(ledger, 3).mid(0, 3), (QStringList{u"20"_s, u"27"_s, u"29"_s}));
    QCOMPARE(columnOf(ledger, 4).mid(0, 3), (QStringList{u"-7"_s, u"-2"_s, u"+24"_s}));
    QCOMPARE(columnOf(ledger, 5).mid(1, 2), (QStringList{u"Broken"_s, u"Delivery 1123"_s}));
    QCOMPARE(ledger->item(2, 0)->text(), u"2026-11-23 08:15"_s);
    QCOMPARE(ledger->item(2, 6)->text(), m_shop->manager.name());
    history->reject();
    waitClosed();
}

void TestProductsPage::retiredProductsHideUnlessAsked()
{
    selectRow(u"6901"_s);
    auto *retire = findIn<QPushButton>(m_page.get(), u"retireButton"_s);
    QCOMPARE(retire->text(), u"Re&tire"_s);
    QTest::mouseClick(retire, Qt::LeftButton);
    QCOMPARE(rowOf(u"6901"_s), -1);
    QVERIFY(product(u"6901"_s).isRetired());

    auto *showRetired = findIn<QCheckBox>(m_page.get(), u"showRetiredCheck"_s);
    QTest::mouseClick(showRetired, Qt::LeftButton);
    QVERIFY(showRetired->isChecked());
    QCOMPARE(cellText(u"6901"_s, StatusColumn), u"Retired"_s);
    selectRow(u"6901"_s);
    QCOMPARE(retire->text(), u"Res&tore"_s);
    QTest::mouseClick(retire, Qt::LeftButton);
    QCOMPARE(cellText(u"6901"_s, StatusColumn), u"On sale"_s);
    QVERIFY(!product(u"6901"_s).isRetired());
    QCOMPARE(retire->text(), u"Re&tire"_s); // still selected, now on sale
}

void TestProductsPage::searchAndLowStockFilters()
{
    ProductDraft noodles = ProductDraft::of(product(u"6902"_s));
    noodles.lowStock = 10; // 10 on the shelf: low
    noodles.category = u"Snacks"_s;
    QVERIFY(m_book->update(m_shop->manager, product(u"6902"_s).id, noodles));
    ProductDraft water = ProductDraft::of(product(u"6901"_s));
    water.lowStock = 20; // 100 on the shelf: fine
    QVERIFY(m_book->update(m_shop->manager, product(u"6901"_s).id, water));
    // Shown again: read again.
    m_page->hide();
    m_page->show();
    QCOMPARE(cellText(u"6902"_s, LowAt), u"10"_s);

    const QModelIndex lowCell = m_table->model()->index(rowOf(u"6902"_s), Stock);
    QVERIFY(lowCell.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(lowCell.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0x8b, 0, 0));
    const QModelIndex fineCell = m_table->model()->index(rowOf(u"6901"_s), Stock);
    QVERIFY(!fineCell.data(Qt::FontRole).value<QFont>().bold());

    auto *lowOnly = findIn<QCheckBox>(m_page.get(), u"lowStockOnlyCheck"_s);
    QTest::mouseClick(lowOnly, Qt::LeftButton);
    QCOMPARE(m_table->model()->rowCount(), 1);
    QCOMPARE(cellText(u"6902"_s, Name), u"Noodles"_s);
    QTest::mouseClick(lowOnly, Qt::LeftButton);
    QCOMPARE(m_table->model()->rowCount(), 3);

    auto *search = findIn<QLineEdit>(m_page.get(), u"productSearchEdit"_s);
    QTest::keyClicks(search, u"CHOC"_s);
    QCOMPARE(m_table->model()->rowCount(), 1);
    QCOMPARE(rowOf(u"6903"_s), 0);
    typeInto(m_page.get(), u"productSearchEdit"_s, u"snack"_s);
    QCOMPARE(m_table->model()->rowCount(), 1);
    QCOMPARE(rowOf(u"6902"_s), 0);
    typeInto(m_page.get(), u"productSearchEdit"_s, u"6901"_s);
    QCOMPARE(m_table->model()->rowCount(), 1);
    QCOMPARE(rowOf(u"6901"_s), 0);
    search->clear();
    QCOMPARE(m_table->model()->rowCount(), 3);
}

void TestProductsPage::importShowsBadLinesUntilFixed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"products.csv"_s);
    auto write = [&](const QByteArray &bytes) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
    };
    write("barcode,name,price_yuan,stock,category\n"
          "6905,Biscuits,6.00,20,Snacks\n"
          "6906,Juice,five,8,Drinks\n"
          "6907,Soap,3.5,4,Home\n");

    auto *dialog = openDialog<ProductImportDialog>(u"importCsvButton"_s);
    QVERIFY(dialog);
    auto *importButton = findIn<QPushButton>(dialog, u"importButton"_s);
    QVERIFY(!importButton->isEnabled());
    dialog->setFile(path);
    QCOMPARE(findIn<QLabel>(dialog, u"importEncodingLabel"_s)->text(), u"UTF-8"_s);
    QCOMPARE(findIn<QLabel>(dialog, u"importSummaryLabel"_s)->text(), u"2"_s);
    auto *errors = findIn<QTableWidget>(dialog, u"importErrorsTable"_s);
    QCOMPARE(errors->rowCount(), 1);
    QCOMPARE(errors->item(0, 0)->text(), u"3"_s);
    QVERIFY(!errors->item(0, 1)->text().isEmpty());
    QVERIFY(!importButton->isEnabled());
    QCOMPARE(m_book->allProducts()->size(), 3);

    write("barcode,name,price_yuan,stock,category\n"
          "6905,Biscuits,6.00,20,Snacks\n"
          "6906,Juice,5,8,Drinks\n"
          "6907,Soap,3.5,4,Home\n");
    click(dialog, u"readAgainButton"_s);
    QCOMPARE(errors->rowCount(), 0);
    QCOMPARE(findIn<QLabel>(dialog, u"importSummaryLabel"_s)->text(), u"3"_s);
    QVERIFY(importButton->isEnabled());
    QCOMPARE(m_book->allProducts()->size(), 3); // nothing written before Import
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(!importButton->isEnabled());
    auto *message = findIn<QLabel>(dialog, u"importMessageLabel"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u'3'), qPrintable(message->text()));
    QCOMPARE(m_book->allProducts()->size(), 6);
    QCOMPARE(cellText(u"6906"_s, Price), u"¥5.00"_s);
    QCOMPARE(cellText(u"6905"_s, Stock), u"20"_s);
    QCOMPARE(cellText(u"6907"_s, Category), u"Home"_s);
    const auto moves = m_book->stockMoves(product(u"6905"_s).id);
    QVERIFY2(moves, moves ? "" : qPrintable(moves.error().message));
    QVERIFY(!moves->isEmpty());
    QCOMPARE(moves->first().operatorName, m_shop->manager.name());
    dialog->reject();
    waitClosed();
}

void TestProductsPage::cashierIsRefused()
{
    makePage(m_shop->alice);
    auto *dialog = openDialog<ProductDialog>(u"addProductButton"_s);
    QVERIFY(dialog);
    typeInto(dialog, u"barcodeEdit"_s, u"6904"_s);
    typeInto(dialog, u"nameEdit"_s, u"Green tea"_s);
    typeInto(dialog, u"priceEdit"_s, u"3.50"_s);
    clickOk(dialog);
    auto *error = findIn<QLabel>(dialog, u"productErrorLabel"_s);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_book->allProducts()->size(), 3);
    dialog->reject();
    waitClosed();
}

void TestProductsPage::noAltLetterTwice()
{
    // The main window's menu bar holds Alt+S (Session) next to the page.
    QStringList page = mnemonicsOf(m_page.get());
    QCOMPARE(page.size(), 11); // eight buttons, two boxes, the search field
    page.append(u"s"_s);
    QCOMPARE(QSet<QString>(page.cbegin(), page.cend()).size(), page.size());

    // GNOME's theme captions the standard buttons "&OK", "&Cancel" and "&Close".
    const QStringList standard{u"o"_s, u"c"_s};
    auto *dialog = openDialog<ProductDialog>(u"addProductButton"_s);
    QVERIFY(dialog);
    const QStringList fields = mnemonicsOf(dialog) + standard;
    QCOMPARE(fields.size(), 12 + 2);
    QCOMPARE(QSet<QString>(fields.cbegin(), fields.cend()).size(), fields.size());
    dialog->reject();
    waitClosed();

    selectRow(u"6901"_s);
    for (const QString &button : {u"receiveButton"_s, u"countButton"_s, u"adjustButton"_s}) {
        auto *stock = openDialog<StockDialog>(button);
        QVERIFY(stock);
        const QStringList letters = mnemonicsOf(stock) + standard;
        QCOMPARE(letters.size(), 2 + 2);
        QCOMPARE(QSet<QString>(letters.cbegin(), letters.cend()).size(), letters.size());
        stock->reject();
        waitClosed();
    }

    auto *importDialog = openDialog<ProductImportDialog>(u"importCsvButton"_s);
    QVERIFY(importDialog);
    const QStringList importLetters = mnemonicsOf(importDialog) + standard;
    QCOMPARE(importLetters.size(), 3 + 2);
    QCOMPARE(QSet<QString>(importLetters.cbegin(), importLetters.cend()).size(),
             importLetters.size());
    importDialog->reject();
    waitClosed();
}

QTEST_MAIN(TestProductsPage)
#include "tst_productspage.moc"
