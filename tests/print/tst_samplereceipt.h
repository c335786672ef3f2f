#pragma once

#include "receipt/receipt.h"

#include <QString>

// The receipt the system print suites print and the README shows: a Chinese shop, a
// product name wider than either paper, a WeChat Pay tender, the order's code.
namespace shouyin::test {

inline const QString kSampleOrderNo = QStringLiteral("T01-20261123-0042");
// Wider than both papers (more than 48 columns): it must wrap, never run off the roll.
inline const QString kSampleLongName =
    QStringLiteral("康师傅 红烧牛肉面 经典五连包 超值家庭装 整箱配送 限时特惠");
inline const QString kSampleShortName = QStringLiteral("农夫山泉 天然水 550ml");

inline Receipt sampleReceipt(bool training = true)
{
    Receipt receipt;
    receipt.shopName = QStringLiteral("好邻居便利店");
    receipt.address = QStringLiteral("上海市浦东新区张杨路 500 号");
    receipt.terminalId = QStringLiteral("T01");
    receipt.cashier = QStringLiteral("王芳");
    receipt.orderNo = kSampleOrderNo;
    receipt.paidAtText = QStringLiteral("2026-11-23 10:45");
    receipt.lines = {{kSampleShortName, 2, 200, 400},
                     {kSampleLongName, 1, 2990, 2990},
                     {QStringLiteral("Coca-Cola 330ml"), 3, 350, 1050}};
    receipt.total = 4440;
    receipt.tenders = {
        {QStringLiteral("微信支付"), 4440, QStringLiteral("4200001234202611230123456789")}};
    receipt.training = training;
    receipt.codeData = kSampleOrderNo;
    return receipt;
}

} // namespace shouyin::test
