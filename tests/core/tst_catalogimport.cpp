// The catalogue import into a real database: the preview names every bad line (the
// file's rules and the product rules) before anything is written; a clean file is written
// all at once, a GB18030 file as well as a UTF-8 one; an update keeps what the file does
// not say, and leaves a price history and stock ledger row where it changed them.
#include "store/catalog.h"
#include "store/productbook.h"
#include "testledger.h"

#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

class TestCatalogImport : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestLedger> m_ledger;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<ProductBook> m_book;

    Product product(const QString &barcode) const { return *m_catalog->byBarcode(barcode); }

private Q_SLOTS:
    void init()
    {
        m_ledger = std::make_unique<TestLedger>();
        m_ledger->now = QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC);
        m_catalog = std::make_unique<Catalog>(*m_ledger->database, m_ledger->clock());
        m_book = std::make_unique<ProductBook>(*m_ledger->database, m_ledger->clock());
    }
    void cleanup()
    {
        m_book.reset();
        m_catalog.reset();
        m_ledger.reset();
    }

    void thePreviewNamesEveryBadLineAndWritesNothing()
    {
        const int before = int(m_catalog->products().size());
        auto preview = m_catalog->previewCsv("条码,品名,售价,库存\n"
                                             "7001,Tea,3.50,10\n"
                                             "7002,,1.00,1\n"
                                             "7003,Free bag,0,5\n"
                                             "7004,Rice,abc,1\n");
        QVERIFY(preview);
        QCOMPARE(preview->rows.size(), 1);
        QCOMPARE(preview->errors.size(), 3);
        QCOMPARE(preview->errors.at(0).line, 3);
        QCOMPARE(preview->errors.at(1).line, 4);
        QVERIFY2(preview->errors.at(1).reason.contains(u"open price"_s),
                 qPrintable(preview->errors.at(1).reason));
        QCOMPARE(preview->errors.at(2).line, 5);
        QCOMPARE(m_catalog->importPreview(*preview, u"店长"_s).error().code, ErrorCode::Catalog);
        QCOMPARE(m_catalog->products().size(), before);
        QVERIFY(!m_catalog->byBarcode(u"7001"_s));
    }

    void aGb18030FileImports()
    {
        QStringEncoder gb18030("GB18030");
        QVERIFY(gb18030.isValid());
        const QByteArray bytes = gb18030.encode(u"条码,名称,价格,库存,分类\n"
                                                "6954767423579,可口可乐 330ml,3.00,24,饮料\n"_s);
        auto preview = m_catalog->previewCsv(bytes);
        QVERIFY(preview);
        QCOMPARE(preview->encoding, CatalogEncoding::Gb18030);
        QVERIFY(preview->isClean());
        QVERIFY(m_catalog->importPreview(*preview, u"店长"_s));
        const Product cola = product(u"6954767423579"_s);
        QCOMPARE(cola.name, u"可口可乐 330ml"_s);
        QCOMPARE(cola.category, u"饮料"_s);
        QCOMPARE(cola.stock, 24);
        QCOMPARE(m_book->priceHistory(cola.id)->size(), 1);
        QCOMPARE(m_book->stockMoves(cola.id)->first().kind, StockMoveKind::Imported);
    }

    void anUpdateKeepsWhatTheFileDoesNotSay()
    {
        auto first = m_catalog->previewCsv("barcode,name,price,stock,category,low_stock\n"
                                           "7001,Tea,3.50,10,Drinks,4\n");
        QVERIFY(first && m_catalog->importPreview(*first, u"店长"_s));
        m_ledger->now = m_ledger->now.addSecs(3600);
        // Prices only: the stock, category and low-stock level stay.
        auto prices = m_catalog->previewCsv("barcode,name,price\n7001,Green tea,3.80\n");
        QVERIFY(prices && m_catalog->importPreview(*prices, u"店长"_s));
        const Product tea = product(u"7001"_s);
        QCOMPARE(tea.name, u"Green tea"_s);
        QCOMPARE(tea.price, 380);
        QCOMPARE(tea.stock, 10);
        QCOMPARE(tea.category, u"Drinks"_s);
        QCOMPARE(tea.lowStock, std::optional<qint64>(4));
        const QList<PriceChange> history = *m_book->priceHistory(tea.id);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().oldPrice, std::optional<Fen>(350));
        QCOMPARE(history.first().newPrice, 380);
        QCOMPARE(history.first().operatorName, u"店长"_s);
        QCOMPARE(m_book->stockMoves(tea.id)->size(), 1);
        // A stock column sets the count, through the ledger.
        auto counted = m_catalog->previewCsv("barcode,name,price,stock\n7001,Green tea,3.80,7\n");
        QVERIFY(counted && m_catalog->importPreview(*counted, u"店长"_s));
        const QList<StockMove> moves = *m_book->stockMoves(tea.id);
        QCOMPARE(moves.size(), 2);
        QCOMPARE(moves.first().before, 10);
        QCOMPARE(moves.first().after, 7);
        QCOMPARE(m_book->priceHistory(tea.id)->size(), 2);
    }

    void onlyAManagerImports()
    {
        auto preview = m_catalog->previewCsv("barcode,name,price\n7001,Tea,3.50\n");
        QVERIFY(preview);
        QCOMPARE(m_catalog->importPreview(*preview, Staff()).error().code, ErrorCode::NotSignedIn);
        QVERIFY(!m_catalog->byBarcode(u"7001"_s));
    }

    void theOldImportRefusesWithTheLinesNamed()
    {
        QBuffer csv;
        csv.setData("barcode,name,price_yuan,stock\n1,Good,1.00,5\n2,Bad,1.005,5\n3,,1,1\n");
        csv.open(QIODevice::ReadOnly);
        const Status status = m_catalog->importCsv(csv);
        QVERIFY(!status);
        QVERIFY2(status.error().message.contains(u"line 3: "_s) &&
                     status.error().message.contains(u"line 4: "_s),
                 qPrintable(status.error().message));
        QVERIFY(!m_catalog->byBarcode(u"1"_s));
    }
};

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "tst_catalogimport.moc"
