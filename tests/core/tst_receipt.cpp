#include "receipt/escposreceipt.h"
#include "receipt/receipt.h"
#include "receipt/refundreceipt.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace shouyin;

Q_DECLARE_METATYPE(shouyin::PaperWidth)

namespace {

// Wider than both papers: 59 columns.
const QString kLongName = u"农夫山泉 天然饮用水 550ml 箱装特惠 二十四瓶 家庭装 整箱配送"_s;
const QString kOrderNo = u"T01-20261123-0007"_s;

Receipt sampleReceipt(bool training = false)
{
    Receipt receipt;
    receipt.shopName = u"收银"_s;
    receipt.address = u"上海市浦东新区张杨路 500 号 华润时代广场一楼"_s;
    receipt.terminalId = u"T01"_s;
    receipt.cashier = u"张三"_s;
    receipt.orderNo = kOrderNo;
    receipt.paidAtText = u"2026-11-23 10:45"_s;
    receipt.lines = {{kLongName, 2, 3990, 7980}, {u"Cola"_s, 1, 350, 350}};
    receipt.total = 8330;
    receipt.tenders = {{u"微信支付"_s, 8330, u"4200001234202611230123456789"_s}};
    receipt.training = training;
    receipt.codeData = kOrderNo;
    return receipt;
}

// One water back of two, ¥3.00 to WeChat Pay (sent, not yet refunded) and ¥0.99 in cash.
ReturnRecord sampleReturn()
{
    ReturnRecord record;
    record.id = 4;
    record.orderId = 7;
    record.orderNo = kOrderNo;
    record.terminalId = u"T02"_s;
    record.amount = 399;
    record.reason = u"质量问题"_s;
    record.requestedBy = u"小王"_s;
    record.approvedBy = u"店长"_s;
    record.items = {{11, u"测试 矿泉水 550ml"_s, 1, 399}};
    Refund wechat;
    wechat.refundNo = u"T02R20261123104502K7M2Q9XA"_s;
    wechat.provider = u"wechat"_s;
    wechat.amount = 300;
    wechat.status = RefundStatus::Requested;
    Refund cash;
    cash.refundNo = u"T02R20261123104502AAAAAAAA"_s;
    cash.provider = u"cash"_s;
    cash.amount = 99;
    cash.status = RefundStatus::Refunded;
    record.refunds = {wechat, cash};
    return record;
}

QString line(const QStringList &lines, const QString &start)
{
    for (const QString &text : lines) {
        if (text.trimmed().startsWith(start))
            return text;
    }
    return {};
}

QByteArray bytes(std::initializer_list<char> list)
{
    return QByteArray(list.begin(), qsizetype(list.size()));
}

} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromOrderKeepsOnlyPaidTenders()
    {
        Order order;
        order.orderNo = kOrderNo;
        order.terminalId = u"T01"_s;
        order.operatorName = u"张三"_s;
        order.total = 8330;
        const QList<OrderItem> items = {{1, u"6901"_s, kLongName, 3990, 2},
                                        {2, u"6902"_s, u"Cola"_s, 350, 1}};
        Payment closed;
        closed.provider = u"alipay"_s;
        closed.amount = 8330;
        closed.status = PaymentStatus::Closed;
        Payment failed = closed;
        failed.status = PaymentStatus::Failed;
        Payment paid;
        paid.provider = u"wechat"_s;
        paid.amount = 8330;
        paid.status = PaymentStatus::Success;
        paid.transactionId = u"4200001234"_s;
        ReceiptHeader header{u"收银"_s, QString(), [](const QString &provider) {
                                 return provider == u"wechat"_s ? u"微信支付"_s : QString();
                             }};

        const Receipt receipt =
            fromOrder(order, items, {closed, paid, failed}, header, u"2026-11-23 10:45"_s);
        QCOMPARE(receipt.shopName, u"收银"_s);
        QCOMPARE(receipt.orderNo, kOrderNo);
        QCOMPARE(receipt.codeData, kOrderNo);
        QCOMPARE(receipt.terminalId, u"T01"_s);
        QCOMPARE(receipt.cashier, u"张三"_s);
        QCOMPARE(receipt.paidAtText, u"2026-11-23 10:45"_s);
        QCOMPARE(receipt.total, Fen(8330));
        QCOMPARE(receipt.lines.size(), 2);
        QCOMPARE(receipt.lines[0].lineTotal, Fen(7980));
        QCOMPARE(receipt.lines[0].quantity, 2);
        QCOMPARE(receipt.tenders.size(), 1);
        QCOMPARE(receipt.tenders[0].label, u"微信支付"_s);
        QCOMPARE(receipt.tenders[0].amount, Fen(8330));
        QCOMPARE(receipt.tenders[0].transactionId, u"4200001234"_s);
        QCOMPARE(receipt.change, Fen(0));
        QVERIFY(!receipt.training);
    }

    void fromOrderChangeAndLabelFallback()
    {
        Order order;
        order.total = 8330;
        // Two ¥50 notes for ¥83.30: the second paid ¥33.30 of them and made ¥16.70 change.
        Payment first;
        first.provider = u"cash"_s;
        first.method = PaymentMethod::Cash;
        first.amount = 5000;
        first.tendered = 5000;
        first.status = PaymentStatus::Success;
        Payment second = first;
        second.amount = 3330;
        Payment returned = first; // given back when an earlier try was cancelled: no tender
        returned.status = PaymentStatus::Closed;
        ReceiptHeader header;
        header.training = true;
        const Receipt receipt = fromOrder(order, {}, {returned, first, second}, header, QString());
        QCOMPARE(receipt.tenders.size(), 2);
        QCOMPARE(receipt.tenders[1].amount, Fen(5000)); // what was handed over
        QCOMPARE(receipt.tenders[0].label, u"cash"_s);  // no labeller: the provider's name
        QVERIFY(receipt.tenders[0].transactionId.isEmpty());
        QCOMPARE(receipt.change, Fen(1670));
        QVERIFY(receipt.training);
    }

    void fromReturnTakesTheReturnAndTheCallersWords()
    {
        Order order;
        order.orderNo = kOrderNo;
        order.terminalId = u"T01"_s;
        order.operatorName = u"张三"_s;
        ReceiptHeader header{u"收银"_s, u"张杨路 500 号"_s, [](const QString &provider) {
                                 return provider == u"wechat"_s ? u"微信支付"_s : QString();
                             }};
        header.training = true;
        const Receipt receipt = fromReturn(
            sampleReturn(), order, header, u"2026-11-23 11:02"_s, [](RefundStatus status) {
                return status == RefundStatus::Refunded ? u"已退款"_s : QString();
            });
        QVERIFY(receipt.isRefund);
        QCOMPARE(receipt.shopName, u"收银"_s);
        QCOMPARE(receipt.address, u"张杨路 500 号"_s);
        QVERIFY(receipt.training);
        QCOMPARE(receipt.orderNo, kOrderNo);
        QCOMPARE(receipt.codeData, kOrderNo);   // scanning it opens the sale again
        QCOMPARE(receipt.terminalId, u"T02"_s); // the till that gave the money back
        QCOMPARE(receipt.cashier, u"小王"_s);
        QCOMPARE(receipt.paidAtText, u"2026-11-23 11:02"_s);
        QCOMPARE(receipt.total, Fen(399));
        QCOMPARE(receipt.approvedBy, u"店长"_s);
        QCOMPARE(receipt.reason, u"质量问题"_s);
        QCOMPARE(receipt.lines.size(), 1);
        QCOMPARE(receipt.lines[0].quantity, 1);
        QCOMPARE(receipt.lines[0].unitPrice, Fen(399));
        QCOMPARE(receipt.lines[0].lineTotal, Fen(399));
        QVERIFY(receipt.tenders.isEmpty());
        QCOMPARE(receipt.change, Fen(0));
        QCOMPARE(receipt.refunds.size(), 2);
        QCOMPARE(receipt.refunds[0].label, u"微信支付"_s);
        QCOMPARE(receipt.refunds[0].amount, Fen(300));
        QCOMPARE(receipt.refunds[0].state, u"REQUESTED"_s); // no word given: the code's own
        QCOMPARE(receipt.refunds[0].refundNo, u"T02R20261123104502K7M2Q9XA"_s);
        QCOMPARE(receipt.refunds[1].label, u"cash"_s);
        QCOMPARE(receipt.refunds[1].state, u"已退款"_s);

        // Without words at all: the providers' and the statuses' own names.
        const Receipt bare = fromReturn(sampleReturn(), Order{}, ReceiptHeader{}, QString());
        QCOMPARE(bare.orderNo, kOrderNo);
        QCOMPARE(bare.refunds[0].label, u"wechat"_s);
        QCOMPARE(bare.refunds[1].state, u"REFUNDED"_s);
    }

    void refundLayoutSaysRefundAndWhereTheMoneyGoes_data() { layoutFitsThePaper_data(); }
    void refundLayoutSaysRefundAndWhereTheMoneyGoes()
    {
        QFETCH(PaperWidth, paper);
        const int width = int(paper);
        ReceiptHeader header{u"收银"_s, QString(), [](const QString &provider) {
                                 return provider == u"wechat"_s ? u"微信支付"_s : u"现金"_s;
                             }};
        Order order;
        order.orderNo = kOrderNo;
        ReturnRecord record = sampleReturn();
        record.reason = u"The customer changed their mind about the colour of it"_s;
        const Receipt receipt =
            fromReturn(record, order, header, u"2026-11-23 11:02"_s, [](RefundStatus status) {
                return status == RefundStatus::Refunded ? u"已退款"_s : u"退款中"_s;
            });
        const QList<ReceiptTextLine> laidOut = layoutReceipt(receipt, paper);
        const QStringList lines = receiptTextLines(receipt, paper);
        for (const QString &text : lines)
            QVERIFY2(displayWidth(text) <= width, qPrintable(text));

        // The title, bold and centred, right under the shop's name.
        QCOMPARE(laidOut.at(1).text, u"REFUND / 退款"_s);
        QVERIFY(laidOut.at(1).bold);
        QCOMPARE(laidOut.at(1).align, ReceiptTextLine::Align::Centre);
        QVERIFY(line(lines, u"单号"_s).endsWith(u" "_s + kOrderNo));
        QVERIFY(line(lines, u"收银员"_s).endsWith(u" 小王"_s));

        // The goods that came back, like a sale's lines; then the money, not a sale's total.
        const QString item = line(lines, u"1 x 3.99"_s);
        QVERIFY2(item.endsWith(u" 3.99"_s), qPrintable(lines.join(u'\n')));
        QCOMPARE(displayWidth(item), width);
        QVERIFY(line(lines, u"合计 Total"_s).isEmpty());
        QVERIFY(line(lines, u"找零"_s).isEmpty());
        const QString total = line(lines, u"退款合计 Refund"_s);
        QVERIFY(total.endsWith(u" 3.99"_s));
        QVERIFY(std::any_of(laidOut.cbegin(), laidOut.cend(), [](const ReceiptTextLine &l) {
            return l.bold && l.text.startsWith(u"退款合计"_s);
        }));
        const QString wechat = line(lines, u"微信支付 退款中"_s);
        QVERIFY(wechat.endsWith(u" 3.00"_s));
        QCOMPARE(displayWidth(wechat), width);
        QVERIFY(line(lines, u"现金 已退款"_s).endsWith(u" 0.99"_s));
        const QString all = lines.join(QString());
        QVERIFY(all.contains(u"T02R20261123104502K7M2Q9XA"_s));
        QVERIFY(line(lines, u"批准 Approved by"_s).endsWith(u" 店长"_s));
        // A long reason wraps under its label; every word of it is printed.
        QVERIFY(!line(lines, u"原因 Reason"_s).isEmpty());
        QVERIFY(lines.join(u' ').simplified().contains(record.reason));

        // The printer gets the same text, and the sale's number as its code.
        const QByteArray rendered = renderEscPos(receipt, paper);
        QVERIFY(rendered.contains(encodeReceiptText(u"REFUND / 退款"_s)));
        QVERIFY(rendered.contains(kOrderNo.toLatin1()));
        // A sale's receipt never says refund.
        QVERIFY(!receiptTextLines(sampleReceipt(), paper).join(u'\n').contains(u"REFUND"_s));
    }

    void displayWidthCountsWideCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::newRow("ascii") << u"abc 12"_s << 6;
        QTest::newRow("hanzi") << u"收银"_s << 4;
        QTest::newRow("mixed") << u"550ml箱装"_s << 9;
        QTest::newRow("full-width") << u"ＡＢ"_s << 4;
        QTest::newRow("em dash") << u"—"_s << 2;
        QTest::newRow("supplementary") << u"𠀀"_s << 2; // one surrogate pair, one character
        QTest::newRow("empty") << QString() << 0;
    }
    void displayWidthCountsWideCharacters()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QCOMPARE(displayWidth(text), width);
    }

    void layoutFitsThePaper_data()
    {
        QTest::addColumn<PaperWidth>("paper");
        QTest::newRow("58 mm") << PaperWidth::Mm58;
        QTest::newRow("80 mm") << PaperWidth::Mm80;
    }
    void layoutFitsThePaper()
    {
        QFETCH(PaperWidth, paper);
        const int width = int(paper);
        Receipt receipt = sampleReceipt(true);
        const QString supplementary = u"𠀀"_s.repeated(30); // 60 columns, no spaces
        receipt.lines.append({supplementary, 1, 100, 100});
        const QStringList lines = receiptTextLines(receipt, paper);
        QVERIFY(lines.size() > 10);
        for (const QString &line : lines) {
            QVERIFY2(displayWidth(line) <= width, qPrintable(line));
            QVERIFY2(QStringView(line).isValidUtf16(), qPrintable(line)); // no split pair
        }

        // The long name wraps onto following lines, every character kept.
        const qsizetype first =
            std::find_if(lines.begin(), lines.end(),
                         [](const QString &line) { return line.startsWith(u"农夫山泉"_s); }) -
            lines.begin();
        QVERIFY(first < lines.size());
        QVERIFY(displayWidth(kLongName) > width);
        QString rejoined;
        qsizetype i = first;
        for (; !lines[i].contains(u" x "_s); ++i)
            rejoined += lines[i];
        QVERIFY(i - first >= 2);
        rejoined.remove(u' ');
        QCOMPARE(rejoined, QString(kLongName).remove(u' '));
        // ASCII words stay whole.
        QVERIFY(std::any_of(lines.begin() + first, lines.begin() + i,
                            [](const QString &line) { return line.contains(u"550ml"_s); }));

        QString supplementaryRejoined;
        for (const QString &line : lines) {
            if (line.startsWith(u"𠀀"_s))
                supplementaryRejoined += line;
        }
        QCOMPARE(supplementaryRejoined, supplementary);

        // The transaction number, wider than a 58 mm line with its label, is all there.
        QVERIFY(lines.join(QString()).contains(u"4200001234202611230123456789"_s));
    }

    void moneyColumnsAreRightAligned_data() { layoutFitsThePaper_data(); }
    void moneyColumnsAreRightAligned()
    {
        QFETCH(PaperWidth, paper);
        const int width = int(paper);
        const QStringList lines = receiptTextLines(sampleReceipt(), paper);
        const auto find = [&lines](const QString &start) {
            for (const QString &line : lines) {
                if (line.trimmed().startsWith(start))
                    return line;
            }
            return QString();
        };
        const QString item = find(u"2 x 39.90"_s);
        QVERIFY(!item.isEmpty());
        QVERIFY(item.endsWith(u"79.80"_s));
        QCOMPARE(displayWidth(item), width);
        // quantity x price ends where the amount column begins
        QCOMPARE(item.indexOf(u"2 x 39.90"_s) + 9, width - 10);
        const QString cola = find(u"1 x 3.50"_s);
        QCOMPARE(cola.indexOf(u"1 x 3.50"_s) + 8, width - 10);
        QVERIFY(cola.endsWith(u" 3.50"_s));
        QCOMPARE(displayWidth(cola), width);

        const QString total = find(u"合计"_s);
        QVERIFY(total.endsWith(u" 83.30"_s));
        QCOMPARE(displayWidth(total), width);
        const QString tender = find(u"微信支付"_s);
        QVERIFY(tender.endsWith(u" 83.30"_s));
        QCOMPARE(displayWidth(tender), width);
        const QString order = find(u"单号"_s);
        QVERIFY(order.endsWith(u" "_s + kOrderNo));
        QCOMPARE(displayWidth(order), width);
    }

    void changeOnlyWhenThereIsSome()
    {
        Receipt receipt = sampleReceipt();
        QVERIFY(!receiptTextLines(receipt, PaperWidth::Mm58).join(u'\n').contains(u"找零"_s));
        receipt.change = 1670;
        const QStringList lines = receiptTextLines(receipt, PaperWidth::Mm58);
        const auto change = std::find_if(lines.begin(), lines.end(), [](const QString &line) {
            return line.startsWith(u"找零 Change"_s);
        });
        QVERIFY(change != lines.end());
        QVERIFY(change->endsWith(u" 16.70"_s));
    }

    // A discounted line shows its discount under it; the sale's discount and the small
    // change dropped come between the subtotal and the total, each flush right.
    void discountsBeforeTheTotal_data() { layoutFitsThePaper_data(); }
    void discountsBeforeTheTotal()
    {
        QFETCH(PaperWidth, paper);
        const int width = int(paper);
        Order order;
        order.orderNo = kOrderNo;
        order.total = 1150;
        order.discount = 53;
        order.roundOff = 7;
        OrderItem water{1, u"6901"_s, u"Water"_s, 200, 2};
        water.discount = 40;
        water.share = 18;
        OrderItem chocolate{2, u"6903"_s, u"Chocolate"_s, 850, 1};
        chocolate.share = 42;
        const QStringList lines = receiptTextLines(
            fromOrder(order, {water, chocolate}, {}, ReceiptHeader{}, QString()), paper);
        const qsizetype discount = lines.indexOf(line(lines, u"优惠 Discount"_s));
        QCOMPARE(lines.at(discount - 1).trimmed(), u"2 x 2.00      4.00"_s);
        QVERIFY(lines.at(discount).endsWith(u" -0.40"_s));
        for (const auto &[label, amount] :
             {std::pair(u"小计 Subtotal"_s, u" 12.10"_s), std::pair(u"整单优惠"_s, u" -0.53"_s),
              std::pair(u"抹零 Round-off"_s, u" -0.07"_s),
              std::pair(u"合计 Total"_s, u" 11.50"_s)}) {
            QVERIFY2(line(lines, label).endsWith(amount), qPrintable(line(lines, label)));
            QCOMPARE(displayWidth(line(lines, label)), width);
        }
        QVERIFY(lines.indexOf(line(lines, u"抹零"_s)) < lines.indexOf(line(lines, u"合计"_s)));
        // Without discounts none of it is printed.
        const QString plain = receiptTextLines(sampleReceipt(), paper).join(u'\n');
        for (const QString &word : {u"优惠"_s, u"小计"_s, u"抹零"_s})
            QVERIFY(!plain.contains(word));
    }

    void trainingLinesOnlyInTraining()
    {
        const QString english = u"TRAINING — not a receipt"_s;
        const QString chinese = u"培训模式 — 非正式收据"_s;
        const QString real = receiptTextLines(sampleReceipt(false), PaperWidth::Mm58).join(u'\n');
        QVERIFY(!real.contains(u"TRAINING"_s));
        QVERIFY(!real.contains(u"培训"_s));
        const QString training =
            receiptTextLines(sampleReceipt(true), PaperWidth::Mm58).join(u'\n');
        QCOMPARE(training.count(english), 2); // at the top and at the bottom
        QCOMPARE(training.count(chinese), 2);

        QVERIFY(!renderEscPos(sampleReceipt(false), PaperWidth::Mm58)
                     .contains(encodeReceiptText(chinese)));
        QVERIFY(renderEscPos(sampleReceipt(true), PaperWidth::Mm58)
                    .contains(encodeReceiptText(chinese)));
    }

    void gb18030Bytes()
    {
        QCOMPARE(encodeReceiptText(u"收银"_s), QByteArray("\xCA\xD5\xD2\xF8"));
        QCOMPARE(encodeReceiptText(u"—"_s), QByteArray("\xA1\xAA"));
        QCOMPARE(encodeReceiptText(u"𠀀"_s), QByteArray("\x95\x32\x82\x36")); // four bytes
        // The shop name, centred and bold, in GB18030.
        const QByteArray rendered = renderEscPos(sampleReceipt(), PaperWidth::Mm80);
        QVERIFY(rendered.contains(bytes({0x1B, 'a', 1, 0x1B, 'E', 1}) +
                                  QByteArray("\xCA\xD5\xD2\xF8\n")));
    }

    void initAndCut()
    {
        const QByteArray rendered = renderEscPos(sampleReceipt(), PaperWidth::Mm58);
        QVERIFY(rendered.startsWith(bytes({0x1B, 0x40})));
        QVERIFY(rendered.endsWith(bytes({0x1D, 0x56, 0x42, 0x00})));
        QCOMPARE(rendered.count(bytes({0x1D, 0x56})), 1);
    }

    void controlCharactersNeverReachThePrinter()
    {
        Receipt receipt = sampleReceipt();
        receipt.lines[1].name = u"Cola\x1B@\x1DV"_s;
        const QByteArray rendered = renderEscPos(receipt, PaperWidth::Mm58);
        QCOMPARE(rendered.count(bytes({0x1B, '@'})), 1);
        QCOMPARE(rendered.count(bytes({0x1D, 'V'})), 1);
    }

    void qrStoreCommandLength_data()
    {
        QTest::addColumn<QString>("orderNo");
        QTest::addColumn<QByteArray>("lengthBytes");
        QTest::newRow("order number") << kOrderNo << bytes({0x14, 0x00});       // 17 + 3
        QTest::newRow("over 255") << QString(300, u'A') << bytes({0x2F, 0x01}); // 303
    }
    void qrStoreCommandLength()
    {
        QFETCH(QString, orderNo);
        QFETCH(QByteArray, lengthBytes);
        Receipt receipt = sampleReceipt();
        receipt.codeData = orderNo;
        const QByteArray rendered = renderEscPos(receipt, PaperWidth::Mm80);
        const QByteArray store =
            bytes({0x1D, '(', 'k'}) + lengthBytes + bytes({49, 80, 48}) + orderNo.toLatin1();
        QVERIFY(rendered.contains(store));
        QVERIFY(rendered.contains(bytes({0x1D, '(', 'k', 3, 0, 49, 81, 48})));    // print
        QVERIFY(rendered.contains(bytes({0x1D, '(', 'k', 4, 0, 49, 65, 50, 0}))); // model 2
        QVERIFY(rendered.indexOf(store) < rendered.indexOf(bytes({0x1D, '(', 'k', 3, 0, 49, 81})));
    }

    void code128Barcode()
    {
        const QByteArray rendered = renderEscPos(sampleReceipt(), PaperWidth::Mm58);
        // Set B for "T01-", set C for the date's digit pairs and the sequence.
        const QByteArray data =
            QByteArray("{BT01-{C") + bytes({20, 26, 11, 23}) + QByteArray("{B-{C") + bytes({0, 7});
        QCOMPARE(data.size(), 19);
        QVERIFY(rendered.contains(bytes({0x1D, 'k', 73, char(data.size())}) + data));

        Receipt odd = sampleReceipt();
        odd.codeData = u"A{12345"_s; // a literal brace doubled; an odd run starts in set B
        QVERIFY(
            renderEscPos(odd, PaperWidth::Mm58)
                .contains(bytes({0x1D, 'k', 73, 10}) + QByteArray("{BA{{1{C") + bytes({23, 45})));

        Receipt chinese = sampleReceipt();
        chinese.codeData = u"收银-1"_s; // no CODE128 for it; the QR still carries it
        const QByteArray withoutBarcode = renderEscPos(chinese, PaperWidth::Mm58);
        QVERIFY(!withoutBarcode.contains(bytes({0x1D, 'k', 73})));
        QVERIFY(withoutBarcode.contains(bytes({0x1D, '(', 'k'}) + bytes({11, 0, 49, 80, 48}) +
                                        u"收银-1"_s.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
