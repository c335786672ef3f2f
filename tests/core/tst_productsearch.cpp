// The product list's search: barcode, name and pinyin, and the order of what it finds.

#include "catalog/productsearch.h"

#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

using Ids = QList<qint64>;

QList<SearchEntry> shelf()
{
    return {
        {1, u"6901939621257"_s, u"可口可乐 330ml"_s},
        {2, u"6901939621608"_s, u"可口可乐 500ml"_s},
        {3, u"6934024512345"_s, u"百事可乐 330ml"_s},
        {4, u"6921168509256"_s, u"农夫山泉 550ml"_s},
        {5, u"6920152400012"_s, u"康师傅红烧牛肉面"_s},
        {6, u"6923450605332"_s, u"口香糖"_s},
        {7, u"5449000131805"_s, u"Coca-Cola Zero 330ml"_s},
        {8, u"6900000000017"_s, u"可乐鸡翅酱"_s},
        {9, u"6901939621264"_s, u"雪碧 330ml"_s},
        // Loose goods weighed at the counter: one code is the start of the other.
        {20, u"2000123"_s, u"小米 散装"_s},
        {21, u"20001234"_s, u"大米 散装"_s},
    };
}

} // namespace

class TestProductSearch : public QObject
{
    Q_OBJECT

    std::optional<ProductSearch> m_search;

    Ids find(const QString &query, int limit = 50) const { return m_search->find(query, limit); }

private Q_SLOTS:
    void initTestCase()
    {
        Result<ProductSearch> search = ProductSearch::create();
        QVERIFY2(search, qPrintable(search ? QString() : search.error().message));
        m_search.emplace(std::move(search).value());
    }
    void init() { m_search->reset(shelf()); }

    void barcodePrefix() { QCOMPARE(find(u"6901939"_s), (Ids{1, 2, 9})); }

    void scannedBarcode() { QCOMPARE(find(u"6921168509256"_s), Ids{4}); }

    // 大米 sorts before 小米, but the code typed is 小米's own.
    void exactBarcodeComesFirst() { QCOMPARE(find(u"2000123"_s), (Ids{20, 21})); }

    // 可乐鸡翅酱 starts with the word; the others have it inside, in pinyin order.
    void nameSubstring() { QCOMPARE(find(u"可乐"_s), (Ids{8, 3, 1, 2})); }

    void initials()
    {
        QCOMPARE(find(u"kkkl"_s), (Ids{1, 2}));
        QCOMPARE(find(u"nfsq"_s), Ids{4});
        QCOMPARE(find(u"ksfhs"_s), Ids{5});
    }

    void fullPinyin()
    {
        QCOMPARE(find(u"kekou"_s), (Ids{1, 2}));
        QCOMPARE(find(u"niurou"_s), Ids{5});
        QCOMPARE(find(u"kele"_s), (Ids{8, 3, 1, 2}));
    }

    void everyWordMustMatch()
    {
        QCOMPARE(find(u"可乐 330"_s), (Ids{3, 1}));
        QCOMPARE(find(u"kkkl 500"_s), Ids{2});
        QCOMPARE(find(u"  500   kkkl "_s), Ids{2});
        QCOMPARE(find(u"可乐 550"_s), Ids{});
    }

    void caseAndWidthDoNotMatter()
    {
        QCOMPARE(find(u"COCA"_s), Ids{7});
        QCOMPARE(find(u"coca-cola zero"_s), Ids{7});
        QCOMPARE(find(u"KKKL"_s), (Ids{1, 2}));
        QCOMPARE(find(u"６９２１１６８"_s), Ids{4});
    }

    // Words of letters and digits go to the pinyin keys, any other word to the names.
    void lettersDigitsAndTheRest()
    {
        m_search->upsert({50, QString(), u"雪碧 1.5L"_s});
        m_search->upsert({51, QString(), u"Café 拿铁"_s});
        QCOMPARE(find(u"1.5l"_s), Ids{50});
        QCOMPARE(find(u"15l"_s), Ids{50});
        QCOMPARE(find(u"café"_s), Ids{51});
        QCOMPARE(find(u"cafe"_s), Ids{51});
        QCOMPARE(find(u"CAFÉ 拿铁"_s), Ids{51});
    }

    // Prefix matches of name, initials or pinyin before matches inside, each by pinyin.
    void rankingOrder() { QCOMPARE(find(u"k"_s), (Ids{5, 1, 2, 8, 6, 3})); }

    void orderDoesNotDependOnInsertion()
    {
        QList<SearchEntry> reversed = shelf();
        std::reverse(reversed.begin(), reversed.end());
        const Ids k = find(u"k"_s);
        const Ids cola = find(u"可乐"_s);
        const Ids six = find(u"6"_s);
        m_search->reset(reversed);
        QCOMPARE(find(u"k"_s), k);
        QCOMPARE(find(u"可乐"_s), cola);
        QCOMPARE(find(u"6"_s), six);
    }

    void sameNameTiesById()
    {
        m_search->upsert({41, QString(), u"矿泉水"_s});
        m_search->upsert({40, QString(), u"矿泉水"_s});
        QCOMPARE(find(u"kqs"_s), (Ids{40, 41}));
    }

    void upsertChangesAName()
    {
        m_search->upsert({5, u"6920152400012"_s, u"统一老坛酸菜牛肉面"_s});
        QCOMPARE(m_search->size(), 11);
        QCOMPARE(find(u"ksf"_s), Ids{});
        QCOMPARE(find(u"康师傅"_s), Ids{});
        QCOMPARE(find(u"tyltsc"_s), Ids{5});
        QCOMPARE(find(u"酸菜"_s), Ids{5});
        QCOMPARE(find(u"6920152400012"_s), Ids{5});
    }

    void upsertChangesABarcode()
    {
        m_search->upsert({4, u"6921168500000"_s, u"农夫山泉 550ml"_s});
        QCOMPARE(find(u"6921168509256"_s), Ids{});
        QCOMPARE(find(u"6921168500000"_s), Ids{4});
    }

    void upsertAddsAProduct()
    {
        m_search->upsert({30, u"6911111111111"_s, u"旺旺雪饼"_s});
        QCOMPARE(m_search->size(), 12);
        QCOMPARE(find(u"wwxb"_s), Ids{30});
        QCOMPARE(find(u"xb"_s), (Ids{9, 30})); // 雪碧's initials start with it; 旺旺雪饼's hold it
    }

    void remove()
    {
        m_search->remove(4);
        m_search->remove(999); // unknown: nothing happens
        QCOMPARE(m_search->size(), 10);
        QCOMPARE(find(u"nfsq"_s), Ids{});
        QCOMPARE(find(u"6921168509256"_s), Ids{});
        QCOMPARE(find(u"kkkl"_s), (Ids{1, 2}));
    }

    // Many edits of one product leave dead slots that the index drops on its way.
    void manyEditsKeepOneProduct()
    {
        for (int i = 0; i < 300; ++i)
            m_search->upsert({5, u"6920152400012"_s, u"名字%1"_s.arg(i)});
        QCOMPARE(m_search->size(), 11);
        QCOMPARE(find(u"名字"_s), Ids{5});
        QCOMPARE(find(u"名字299"_s), Ids{5});
        QCOMPARE(find(u"名字1"_s), Ids{});
        QCOMPARE(find(u"mingzi"_s), Ids{5});
        QCOMPARE(find(u"kkkl"_s), (Ids{1, 2}));
        QCOMPARE(find(u"6901939"_s), (Ids{1, 2, 9}));
    }

    void lastOfTheSameIdWins()
    {
        m_search->reset({{1, u"111"_s, u"甲"_s}, {1, u"222"_s, u"乙"_s}});
        QCOMPARE(m_search->size(), 1);
        QCOMPARE(find(u"111"_s), Ids{});
        QCOMPARE(find(u"222"_s), Ids{1});
        QCOMPARE(find(u"yi"_s), Ids{1});
    }

    void limit()
    {
        const Ids all = find(u"6"_s);
        QCOMPARE(all.size(), 8); // every barcode but Coca-Cola's and the loose goods'
        QCOMPARE(find(u"6"_s, 3), all.mid(0, 3));
        QCOMPARE(find(u"6"_s, 0), Ids{});
    }

    void noMatch()
    {
        QCOMPARE(find(u"zzzz"_s), Ids{});
        QCOMPARE(find(u"   "_s), Ids{});
        QCOMPARE(find(QString()), Ids{});
        // A barcode's middle is not a match: nobody types one from its middle.
        QCOMPARE(find(u"19396"_s), Ids{});
        // Nor an ending shorter than four digits: it would match too much.
        QCOMPARE(find(u"257"_s), Ids{});
    }

    void theLastDigitsOfAWornLabel()
    {
        QCOMPARE(find(u"1257"_s), Ids{1});
        QCOMPARE(find(u"21257"_s), Ids{1});
        // The start of a barcode still comes before an ending.
        QCOMPARE(find(u"6901939621264"_s), Ids{9});
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestProductSearch)
#include "tst_productsearch.moc"
