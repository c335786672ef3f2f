// The counter is read from a step away, at any screen from 1024×768 to 1920×1080: the
// cart's rows and the total grow with the window instead of staying 1024-sized.

#include "cartmodel.h"
#include "checkoutpage.h"
#include "moneytext.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QTableView>

#include <algorithm>
#include <cmath>

namespace shouyin {

namespace {

// The page's height on a 1024×768 screen, under the menu and the training banner.
constexpr qreal kBaseHeight = 640;
constexpr qreal kLargestScale = 1.5;
constexpr qreal kTouchScale = 1.25;
constexpr qreal kCartPoints = 13;
constexpr qreal kTotalPoints = 26;

} // namespace

void CheckoutPage::setTouchFriendly(bool touch)
{
    m_touch = touch;
    applyScale(m_scale > 0 ? m_scale : 1.0);
}

void CheckoutPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // In steps of a tenth, so that the text does not change at every pixel of a resize.
    const qreal scale =
        std::clamp(std::floor(event->size().height() / kBaseHeight * 10) / 10, 1.0, kLargestScale);
    if (scale != m_scale)
        applyScale(scale);
}

void CheckoutPage::applyScale(qreal scale)
{
    m_scale = scale;
    const qreal factor = scale * (m_touch ? kTouchScale : 1.0);
    // Every caption and key of the page grows with it; the cart and the total are larger
    // still.
    QFont pageFont = QApplication::font();
    pageFont.setPointSizeF(pageFont.pointSizeF() * factor);
    setFont(pageFont);
    // A real font, not a style sheet: the columns size themselves from it, and with a
    // style-sheet font they were measured too narrow for the prices.
    QFont cartFont = m_cartView->font();
    cartFont.setPointSizeF(kCartPoints * factor);
    m_cartView->setFont(cartFont);
    const QFontMetrics metrics(cartFont);
    // A finger (or a glance) needs more than the text's own height.
    m_cartView->verticalHeader()->setDefaultSectionSize(
        int(metrics.height() * (m_touch ? 2.0 : 1.5)));
    // Money columns fit the largest line a till sells, whatever is in the cart now.
    const int moneyWidth = metrics.horizontalAdvance(moneyText(Fen(9'999'999))) + 16;
    for (const int column : {CartModel::PriceColumn, CartModel::TotalColumn})
        m_cartView->horizontalHeader()->resizeSection(column, moneyWidth);

    QFont totalFont = m_totalLabel->font();
    totalFont.setPointSizeF(kTotalPoints * factor);
    totalFont.setBold(true);
    m_totalLabel->setFont(totalFont);
    // Room for a large sale up front, so that the Charge button never moves under the mouse.
    m_totalLabel->setMinimumWidth(
        QFontMetrics(totalFont).horizontalAdvance(moneyText(Fen(99'999'999))) + 8);
    const int keyHeight = int(48 * factor);
    for (QPushButton *key : {m_chargeButton, m_cashButton})
        key->setMinimumHeight(keyHeight);
    for (QPushButton *key : std::as_const(m_providerButtons))
        key->setMinimumHeight(keyHeight);
}

} // namespace shouyin
