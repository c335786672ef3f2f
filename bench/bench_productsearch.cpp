// The product list's search over a large shop catalogue: how long indexing takes (ICU's
// pinyin included) and how long one query takes, by kind of query: median and p99 of
// each (every query is one keystroke's work, which must fit well within a frame).
//
//   bench_productsearch [--products 50000] [--queries 300] [--seed 1]

#include "benchstats.h"
#include "catalog/productsearch.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;
using namespace shouyin;

namespace {

const QStringList kBrands = {u"可口可乐"_s, u"百事"_s,   u"农夫山泉"_s, u"康师傅"_s,   u"统一"_s,
                             u"伊利"_s,     u"蒙牛"_s,   u"旺旺"_s,     u"乐事"_s,     u"娃哈哈"_s,
                             u"青岛"_s,     u"雪花"_s,   u"三只松鼠"_s, u"良品铺子"_s, u"洽洽"_s,
                             u"白象"_s,     u"今麦郎"_s, u"达利园"_s,   u"奥利奥"_s,   u"德芙"_s};
const QStringList kFlavours = {u"原味"_s, u"香辣"_s, u"番茄"_s, u"黄瓜"_s,  u"烧烤"_s, u"草莓"_s,
                               u"柠檬"_s, u"蜂蜜"_s, u"牛肉"_s, u"海苔"_s,  u"芝士"_s, u"红枣"_s,
                               u"绿豆"_s, u"椰子"_s, u"抹茶"_s, u"巧克力"_s};
const QStringList kGoods = {u"矿泉水"_s, u"方便面"_s, u"纯牛奶"_s, u"酸奶"_s, u"薯片"_s,
                            u"瓜子"_s,   u"饼干"_s,   u"啤酒"_s,   u"绿茶"_s, u"冰红茶"_s,
                            u"火腿肠"_s, u"面包"_s,   u"口香糖"_s, u"果汁"_s, u"咖啡"_s,
                            u"蛋糕"_s,   u"坚果"_s,   u"辣条"_s,   u"雪饼"_s, u"奶茶"_s,
                            u"豆浆"_s,   u"苏打水"_s, u"糖果"_s,   u"挂面"_s};
const QStringList kSizes = {u"330ml"_s, u"500ml"_s, u"550ml"_s, u"1.5L"_s,  u"2L"_s,
                            u"250g"_s,  u"100g"_s,  u"75g"_s,   u"6连包"_s, u"12罐"_s,
                            u"整箱"_s,  u"袋装"_s,  u"盒装"_s,  u"家庭装"_s};

// "69" (China), a maker's code by brand, the item, and the EAN-13 check digit.
QString ean13(qsizetype brand, qsizetype item)
{
    const QChar zero = u'0';
    QString code = u"69%1%2"_s.arg(qint64(10000 + brand * 37), 5, 10, zero)
                       .arg(qint64(item % 100000), 5, 10, zero);
    int sum = 0;
    for (qsizetype i = 0; i < code.size(); ++i)
        sum += code.at(i).digitValue() * (i % 2 ? 3 : 1);
    return code + QString::number((10 - sum % 10) % 10);
}

// Distinct names, walking the brand × flavour × goods × size grid with a stride coprime
// to its size, so that neighbours differ everywhere.
QList<SearchEntry> catalogue(qsizetype count)
{
    const qsizetype grid = kBrands.size() * kFlavours.size() * kGoods.size() * kSizes.size();
    QList<SearchEntry> entries;
    entries.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        qsizetype cell = (i * 7919 + 12345) % grid;
        const qsizetype size = cell % kSizes.size();
        cell /= kSizes.size();
        const qsizetype goods = cell % kGoods.size();
        cell /= kGoods.size();
        const qsizetype flavour = cell % kFlavours.size();
        const qsizetype brand = cell / kFlavours.size();
        entries.append({qint64(i + 1), ean13(brand, i),
                        kBrands.at(brand) + kFlavours.at(flavour) + kGoods.at(goods) + u' ' +
                            kSizes.at(size)});
    }
    return entries;
}

struct Query
{
    int kind;
    QString text;
};

const QStringList kKinds = {u"initials"_s,      u"pinyin"_s,    u"name"_s,    u"barcode_prefix"_s,
                            u"barcode_exact"_s, u"two_words"_s, u"no_match"_s};

// What cashiers type: a few initials, the start of the pinyin, a word of the name, the
// first digits of a barcode or all of it (a scan), a flavour and a size, and a typo.
QList<Query> queries(const QList<SearchEntry> &entries, Pinyin &pinyin, int perKind, quint32 seed)
{
    std::mt19937 random(seed);
    const auto pick = [&random](qsizetype n) {
        return qsizetype(random() % quint32(n));
    };
    QList<Query> all;
    for (int i = 0; i < perKind; ++i) {
        const SearchEntry &entry = entries.at(pick(entries.size()));
        const Pinyin::Keys keys = pinyin.keys(entry.name);
        all.append({0, keys.initials.left(3 + pick(3))});
        all.append({1, keys.full.left(5 + pick(5))});
        const QStringList &words = pick(2) ? kGoods : kFlavours;
        all.append({2, words.at(pick(words.size()))});
        all.append({3, entry.barcode.left(6 + pick(4))});
        all.append({4, entry.barcode});
        all.append(
            {5, kFlavours.at(pick(kFlavours.size())) + u' ' + kSizes.at(pick(kSizes.size()))});
        QString typo = u"v"_s; // no pinyin holds a v, and no name here either
        for (int c = 0; c < 4; ++c)
            typo += QChar(char16_t(u'a' + pick(26)));
        all.append({6, typo});
    }
    std::shuffle(all.begin(), all.end(), random);
    return all;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption productsOption(u"products"_s, u"Products."_s, u"n"_s, u"50000"_s);
    const QCommandLineOption queriesOption(u"queries"_s, u"Queries of each kind."_s, u"n"_s,
                                           u"300"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the queries."_s, u"n"_s, u"1"_s);
    parser.addOptions({productsOption, queriesOption, seedOption});
    parser.addHelpOption();
    parser.process(app);
    const qsizetype productCount = std::max(1, parser.value(productsOption).toInt());
    const int perKind = std::max(1, parser.value(queriesOption).toInt());
    const quint32 seed = parser.value(seedOption).toUInt();

    const QList<SearchEntry> entries = catalogue(productCount);
    QElapsedTimer timer;
    timer.start();
    Result<ProductSearch> made = ProductSearch::create();
    if (!made)
        qFatal("%s", qPrintable(made.error().message));
    ProductSearch search = std::move(made).value();
    const double icuMs = bench::ms(timer);
    timer.restart();
    search.reset(entries);
    const double indexMs = bench::ms(timer);
    timer.restart();
    search.reset(entries); // a reload: every character's pinyin already cached
    const double reindexMs = bench::ms(timer);

    Result<Pinyin> pinyin = Pinyin::create();
    if (!pinyin)
        qFatal("%s", qPrintable(pinyin.error().message));
    const QList<Query> work = queries(entries, pinyin.value(), perKind, seed);
    QList<QList<double>> times(kKinds.size());
    QList<qint64> found(kKinds.size(), 0);
    QList<double> overall;
    for (const Query &query : work) {
        timer.restart();
        const QList<qint64> ids = search.find(query.text);
        const double ms = bench::ms(timer);
        times[query.kind].append(ms);
        found[query.kind] += ids.size();
        overall.append(ms);
    }

    QJsonObject kinds;
    QString human;
    for (qsizetype k = 0; k < kKinds.size(); ++k) {
        QJsonObject latency = bench::latency(times.at(k));
        latency.insert(u"results_avg"_s, double(found.at(k)) / double(times.at(k).size()));
        kinds.insert(kKinds.at(k), latency);
        human += u" %1 %2/%3,"_s.arg(kKinds.at(k))
                     .arg(bench::median(times.at(k)), 0, 'f', 2)
                     .arg(bench::percentile(times.at(k), 0.99), 0, 'f', 2);
    }
    const QJsonObject json{{u"bench"_s, u"productsearch"_s},
                           {u"products"_s, search.size()},
                           {u"queries_per_kind"_s, perKind},
                           {u"icu_ms"_s, icuMs},
                           {u"index_ms"_s, indexMs},
                           {u"reindex_ms"_s, reindexMs},
                           {u"query_ms"_s, kinds},
                           {u"overall_ms"_s, bench::latency(overall)},
                           {u"peak_rss_mb"_s, bench::peakRssMb()}};
    std::printf("productsearch: %lld products indexed in %.0f ms (%.0f ms again; ICU %.0f ms); "
                "query median/p99 ms:%s overall %.2f/%.2f; peak RSS %.0f MB\n",
                qint64(search.size()), indexMs, reindexMs, icuMs, qPrintable(human),
                bench::median(overall), bench::percentile(overall, 0.99), bench::peakRssMb());
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
