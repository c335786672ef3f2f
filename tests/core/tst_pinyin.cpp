// Pinyin keys as ICU's Han-Latin gives them. Polyphones read as ICU reads them (one
// reading a character, whatever the word): these rows record its choice.

#include "catalog/pinyin.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace shouyin {

class TestPinyin : public QObject
{
    Q_OBJECT

    std::optional<Pinyin> m_pinyin;

private Q_SLOTS:
    void initTestCase()
    {
        Result<Pinyin> pinyin = Pinyin::create();
        QVERIFY2(pinyin, qPrintable(pinyin ? QString() : pinyin.error().message));
        m_pinyin.emplace(std::move(pinyin).value());
    }

    void keys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("initials");
        QTest::newRow("brand") << u"可口可乐"_s << u"kekoukele"_s << u"kkkl"_s;
        QTest::newRow("with a size")
            << u"可口可乐 330ml"_s << u"kekoukele330ml"_s << u"kkkl330ml"_s;
        QTest::newRow("size glued on")
            << u"农夫山泉550ML"_s << u"nongfushanquan550ml"_s << u"nfsq550ml"_s;
        QTest::newRow("latin brand")
            << u"Coca-Cola 零度 可乐"_s << u"cocacolalingdukele"_s << u"cocacolaldkl"_s;
        QTest::newRow("long name")
            << u"康师傅红烧牛肉面"_s << u"kangshifuhongshaoniuroumian"_s << u"ksfhsnrm"_s;
        // ICU reads 行 as xíng and 长 as zhǎng everywhere, so a cashier typing "yinhang"
        // or "changcheng" finds nothing.
        QTest::newRow("polyphone 银行") << u"银行"_s << u"yinxing"_s << u"yx"_s;
        QTest::newRow("polyphone 长城") << u"长城"_s << u"zhangcheng"_s << u"zc"_s;
        QTest::newRow("polyphone 音乐") << u"音乐"_s << u"yinle"_s << u"yl"_s;
        // One of the few words whose reading ICU takes from the next character.
        QTest::newRow("context 重庆") << u"重庆小面"_s << u"chongqingxiaomian"_s << u"cqxm"_s;
        QTest::newRow("no context 重量") << u"重量"_s << u"zhongliang"_s << u"zl"_s;
        QTest::newRow("ü as u") << u"绿茶"_s << u"lucha"_s << u"lc"_s;
        QTest::newRow("full-width") << u"ＡＢ１２３"_s << u"ab123"_s << u"ab123"_s;
        QTest::newRow("full-width size") << u"雪碧１.５Ｌ"_s << u"xuebi15l"_s << u"xb15l"_s;
        QTest::newRow("digit between") << u"第1名"_s << u"di1ming"_s << u"d1m"_s;
        QTest::newRow("accented latin") << u"Café 拿铁"_s << u"cafenatie"_s << u"cafent"_s;
        QTest::newRow("outside the BMP") << u"𠀀"_s << u"he"_s << u"h"_s;
        QTest::newRow("punctuation only") << u" ，。！-()"_s << QString() << QString();
        QTest::newRow("empty") << QString() << QString() << QString();
    }
    void keys()
    {
        QFETCH(QString, text);
        QFETCH(QString, full);
        QFETCH(QString, initials);
        QCOMPARE(m_pinyin->full(text), full);
        QCOMPARE(m_pinyin->initials(text), initials);
        const Pinyin::Keys keys = m_pinyin->keys(text);
        QCOMPARE(keys.full, full);
        QCOMPARE(keys.initials, initials);
    }

    // The per-character cache must not carry one word's reading into another.
    void readingsDoNotLeakBetweenWords()
    {
        QCOMPARE(m_pinyin->full(u"重庆"_s), u"chongqing"_s);
        QCOMPARE(m_pinyin->full(u"重"_s), u"zhong"_s);
        QCOMPARE(m_pinyin->full(u"重新"_s), u"zhongxin"_s);
        QCOMPARE(m_pinyin->full(u"重庆"_s), u"chongqing"_s);
    }

    void oneSyllablePerHanCharacter()
    {
        const QString text = u"三只松鼠每日坚果混合装"_s;
        QCOMPARE(m_pinyin->initials(text).size(), text.size());
        QCOMPARE(m_pinyin->initials(text), u"szssmrjghhz"_s);
    }

    void movedPinyinStillWorks()
    {
        Result<Pinyin> made = Pinyin::create();
        QVERIFY(made);
        Pinyin moved(std::move(made).value());
        QCOMPARE(moved.initials(u"农夫山泉"_s), u"nfsq"_s);
    }
};

} // namespace shouyin

QTEST_GUILESS_MAIN(shouyin::TestPinyin)
#include "tst_pinyin.moc"
