// CSV export: the exact bytes (BOM, header, CRLF, quoting of commas and quotes, Chinese
// text, formula guard), status and provider in the window's language beside their codes,
// streaming in chunks with progress, cancelling, and who may export.
#include "refund/refundbook.h"
#include "report/csvexporter.h"
#include "report/historyquery.h"
#include "shopfixture.h"

#include <QBuffer>
#include <QHash>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace shouyin;
using namespace shouyin::testing;

namespace {

// The window's language as the app's catalogue gives it, for the words History shows
// (their Chinese as translations/shouyin_zh_CN.ts has it) and nothing else: the machine's
// locale never decides what a test sees.
class HistoryWordsInChinese : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        static const QHash<QByteArray, QString> words{
            {"Paid", u"支付成功"_s},       {"Cancelled", u"已取消"_s}, {"Expired", u"已过期"_s},
            {"WeChat Pay", u"微信支付"_s}, {"Alipay", u"支付宝"_s},    {"Cash", u"现金"_s}};
        return qstrcmp(context, "DisplayText") == 0 ? words.value(sourceText) : QString();
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestCsvExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_shop = std::make_unique<ShopFixture>();
        m_history =
            std::make_unique<HistoryQuery>(*m_shop->ledger.database, ShopFixture::shanghai());
    }
    void cleanup()
    {
        m_history.reset();
        m_shop.reset();
    }

    void escapeField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"T01-20261123-0001"_s << u"T01-20261123-0001"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("chinese") << u"测试 矿泉水 550ml"_s << u"测试 矿泉水 550ml"_s;
        QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
        QTest::newRow("chinese comma") << u"王五，小王"_s << u"王五，小王"_s; // full-width: no
        QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("newline") << u"two\nlines"_s << u"\"two\nlines\""_s;
        QTest::newRow("carriage return") << u"a\rb"_s << u"\"a\rb\""_s;
        QTest::newRow("all") << u"王五, \"小王\""_s << u"\"王五, \"\"小王\"\"\""_s;
        QTest::newRow("formula") << u"=HYPERLINK(\"x\")"_s << u"\"'=HYPERLINK(\"\"x\"\")\""_s;
        QTest::newRow("plus") << u"+86 138"_s << u"'+86 138"_s;
        QTest::newRow("minus") << u"-1"_s << u"'-1"_s;
        QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("amount") << u"12.50"_s << u"12.50"_s;
    }
    void escapeField()
    {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        QCOMPARE(CsvExporter::escapeField(field), expected);
    }

    void exactBytes()
    {
        QVERIFY(m_shop->users.createUser(m_shop->manager, u"王五, \"小王\""_s, Role::Cashier,
                                         u"5555"_s));
        const qint64 water = m_shop->product("6901");
        const qint64 chocolate = m_shop->product("6903");
        const Order paid = m_shop->sell(u"T01"_s, u"王五, \"小王\""_s, {{water, 2}, {chocolate, 1}},
                                        ShopFixture::at(23, 9, 5), m_shop->wechat);
        const Order cancelled =
            m_shop->cancel(u"T02"_s, u"alice"_s, {{water, 1}}, ShopFixture::at(23, 10, 0), false);
        const QString payNo = m_shop->ledger.orders->payments(paid.id).first().payNo;
        // The chocolate comes back and its refund goes through; its column says so.
        RefundBook refunds(*m_shop->ledger.database, m_shop->ledger.checkout->jobs(), u"T01"_s,
                           m_shop->ledger.clock());
        const auto items = m_shop->ledger.orders->items(paid.id);
        const auto back = refunds.requestReturn({paid.id, {{items.last().id, 1}}, u"broken"_s},
                                                m_shop->alice, m_shop->manager);
        QVERIFY(back);
        RefundSnapshot done;
        done.state = RefundState::Success;
        done.amount = 850;
        QVERIFY(refunds.apply(back->refunds.first().refundNo, done, Source::Settler));

        QBuffer out;
        out.open(QIODevice::WriteOnly);
        CsvExporter exporter(*m_history);
        const auto written = exporter.exportAll(m_shop->manager, {}, &out);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
        QCOMPARE(*written, qint64(2));

        const QByteArray expected =
            "\xEF\xBB\xBF"
            "Order no,Created,Terminal,Cashier,Status,Status code,Amount (yuan),Provider,"
            "Provider code,Pay no,Attempts,Paid at,Refunded (yuan)\r\n" +
            (cancelled.orderNo +
             u",2026-11-23 10:00:00,T02,alice,Cancelled,CANCELLED,2.00,,,,0,,0.00\r\n"_s)
                .toUtf8() +
            (paid.orderNo +
             u",2026-11-23 09:05:00,T01,\"王五, \"\"小王\"\"\",Paid,PAID,12.50,WeChat Pay,wechat,"_s +
             payNo + u",1,2026-11-23 09:06:00,8.50\r\n"_s)
                .toUtf8();
        QCOMPARE(out.data(), expected);
    }

    void wordsInTheWindowsLanguageBesideTheCodes()
    {
        const qint64 water = m_shop->product("6901");
        const Order wechat = m_shop->sell(u"T01"_s, u"alice"_s, {{water, 1}},
                                          ShopFixture::at(23, 9, 0), m_shop->wechat);
        const Order alipay = m_shop->sell(u"T01"_s, u"alice"_s, {{water, 2}},
                                          ShopFixture::at(23, 9, 10), m_shop->alipay);
        const Order expired =
            m_shop->expire(u"T02"_s, u"bob"_s, {{water, 1}}, ShopFixture::at(23, 9, 20));
        m_shop->ledger.now = ShopFixture::at(23, 9, 40);
        const auto cash = m_shop->ledger.checkout->takeCash({{water, 1}}, 500, u"bob"_s);
        QVERIFY(cash);

        HistoryWordsInChinese chinese;
        QCoreApplication::installTranslator(&chinese);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        CsvExporter exporter(*m_history);
        const auto written = exporter.exportAll(m_shop->manager, {}, &out);
        QCoreApplication::removeTranslator(&chinese);
        QCOMPARE(written.value(), qint64(4));

        // No field here holds a comma or a quote: a plain split reads the columns.
        const QStringList lines =
            QString::fromUtf8(out.data().mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4);
        const QStringList header = lines.first().split(u',');
        const qsizetype status = header.indexOf(u"Status"_s);
        const qsizetype statusCode = header.indexOf(u"Status code"_s);
        const qsizetype provider = header.indexOf(u"Provider"_s);
        const qsizetype providerCode = header.indexOf(u"Provider code"_s);
        QVERIFY(status >= 0 && statusCode >= 0 && provider >= 0 && providerCode >= 0);
        QHash<QString, QStringList> byOrder;
        for (const QString &line : lines.mid(1))
            byOrder.insert(line.section(u',', 0, 0), line.split(u','));
        const auto columns = [&](const Order &order) {
            const QStringList fields = byOrder.value(order.orderNo);
            return fields.size() == header.size()
                       ? QStringList{fields.at(status), fields.at(statusCode), fields.at(provider),
                                     fields.at(providerCode)}
                       : fields;
        };
        QCOMPARE(columns(wechat),
                 (QStringList{u"支付成功"_s, u"PAID"_s, u"微信支付"_s, u"wechat"_s}));
        QCOMPARE(columns(alipay),
                 (QStringList{u"支付成功"_s, u"PAID"_s, u"支付宝"_s, u"alipay"_s}));
        QCOMPARE(columns(expired),
                 (QStringList{u"已过期"_s, u"EXPIRED"_s, u"微信支付"_s, u"wechat"_s}));
        QCOMPARE(columns(cash->order),
                 (QStringList{u"支付成功"_s, u"PAID"_s, u"现金"_s, u"cash"_s}));
    }

    void exportsWhatTheFilterShows()
    {
        m_shop->sampleDay();
        HistoryFilter filter;
        filter.status = HistoryStatus::Paid;
        filter.operatorName = u"alice"_s;
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        CsvExporter exporter(*m_history);
        QCOMPARE(exporter.exportAll(m_shop->manager, filter, &out).value(), qint64(4));
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), 1 + 4 + 1); // header, rows, nothing after the last CRLF
        for (qsizetype i = 1; i <= 4; ++i)
            QVERIFY(lines.at(i).contains(",alice,Paid,PAID,"));
    }

    void streamsInChunksWithProgress()
    {
        const int rows = CsvExporter::kChunkRows * 2 + 500;
        insertOrders(rows);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        CsvExporter exporter(*m_history);
        QList<qint64> progress;
        const auto written =
            exporter.exportAll(m_shop->manager, {}, &out, [&](qint64 done, qint64 total) {
                progress.append(done);
                return total == rows;
            });
        QCOMPARE(written.value(), qint64(rows));
        QCOMPARE(progress,
                 (QList<qint64>{CsvExporter::kChunkRows, CsvExporter::kChunkRows * 2, rows}));
        QCOMPARE(out.data().count("\r\n"), rows + 1);
        // Newest first, every order once.
        QVERIFY(out.data().contains("\r\nB-0004499,"));
        QVERIFY(out.data().endsWith(
            "B-0000000,2026-11-23 08:00:00,T09,bulk,Paid,PAID,1.00,,,,0,,0.00\r\n"));
    }

    void cancelStopsBetweenChunks()
    {
        insertOrders(CsvExporter::kChunkRows * 3);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        CsvExporter exporter(*m_history);
        const auto written =
            exporter.exportAll(m_shop->manager, {}, &out, [](qint64, qint64) { return false; });
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code, ErrorCode::Cancelled);
        QCOMPARE(exporter.rowsWritten(), qint64(CsvExporter::kChunkRows));
        QCOMPARE(out.data().count("\r\n"), CsvExporter::kChunkRows + 1);

        // Step by step, as the progress dialog drives it.
        QBuffer again;
        again.open(QIODevice::WriteOnly);
        QVERIFY(exporter.begin(m_shop->manager, {}, &again));
        QCOMPARE(exporter.rowsTotal(), qint64(CsvExporter::kChunkRows * 3));
        QCOMPARE(exporter.writeChunk().value(), true);
        exporter.cancel();
        QCOMPARE(exporter.writeChunk().error().code, ErrorCode::Cancelled);
    }

    void onlyManagersExport()
    {
        m_shop->sampleDay();
        for (const Staff &staff : {m_shop->alice, Staff()}) {
            QBuffer out;
            out.open(QIODevice::WriteOnly);
            CsvExporter exporter(*m_history);
            const auto written = exporter.exportAll(staff, {}, &out);
            QVERIFY(!written.ok());
            QVERIFY(written.error().code == ErrorCode::Forbidden ||
                    written.error().code == ErrorCode::NotSignedIn);
            QVERIFY(out.data().isEmpty()); // not even the header
            QCOMPARE(exporter.writeChunk().value(), false);
        }
    }

private:
    // Bulk rows straight into the tables, one transaction (the benchmark's way).
    void insertOrders(int count)
    {
        Database &db = *m_shop->ledger.database;
        QVERIFY(db.transaction([&]() -> Status {
            QSqlQuery insert(db.connection());
            insert.prepare(u"INSERT INTO orders (order_no, terminal_id, operator, status, "
                           "total_fen, created_at, updated_at) "
                           "VALUES (?, 'T09', 'bulk', 'PAID', 100, ?, ?)"_s);
            const qint64 start = ShopFixture::at(23, 8, 0).toMSecsSinceEpoch();
            for (int i = 0; i < count; ++i) {
                insert.bindValue(0, u"B-%1"_s.arg(i, 7, 10, QChar(u'0')));
                insert.bindValue(1, start + i * 1000);
                insert.bindValue(2, start + i * 1000);
                if (!insert.exec())
                    return Error(ErrorCode::Store, u"insert"_s);
            }
            return success();
        }));
    }

    std::unique_ptr<ShopFixture> m_shop;
    std::unique_ptr<HistoryQuery> m_history;
};

QTEST_GUILESS_MAIN(TestCsvExporter)
#include "tst_csvexporter.moc"
