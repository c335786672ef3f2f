#include "qrwidget.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace shouyin {

namespace {

// Draws the dark modules with their top-left module at `origin` (the quiet zone is the
// caller's white background). Runs of dark modules become one rectangle each, which
// keeps a large code to a few hundred fills.
void paintModules(QPainter &painter, const QrMatrix &matrix, QPoint origin, int pixelsPerModule)
{
    const int size = matrix.size();
    for (int y = 0; y < size; ++y) {
        int x = 0;
        while (x < size) {
            if (!matrix.isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < size && matrix.isDark(x, y))
                ++x;
            painter.fillRect(origin.x() + start * pixelsPerModule, origin.y() + y * pixelsPerModule,
                             (x - start) * pixelsPerModule, pixelsPerModule, Qt::black);
        }
    }
}

} // namespace

QrWidget::QrWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    // The white panel is part of the code (its quiet zone), whatever the theme.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void QrWidget::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_matrix.reset();
    if (!text.isEmpty()) {
        if (auto matrix = QrMatrix::encode(text))
            m_matrix = std::move(matrix).value();
    }
    update();
}

QSize QrWidget::sizeHint() const
{
    return {360, 360};
}

QSize QrWidget::minimumSizeHint() const
{
    // Two pixels per module for a typical code_url (version 3-5) is the least a phone
    // camera reads reliably from a screen.
    const int modules = m_matrix ? totalModules(*m_matrix) : 45;
    return {2 * modules, 2 * modules};
}

int QrWidget::pixelsPerModule(const QrMatrix &matrix, int side)
{
    return std::max(1, side / totalModules(matrix));
}

QImage QrWidget::render(const QrMatrix &matrix, int pixelsPerModule)
{
    pixelsPerModule = std::max(1, pixelsPerModule);
    const int side = totalModules(matrix) * pixelsPerModule;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    const int quiet = QrMatrix::kQuietZone * pixelsPerModule;
    paintModules(painter, matrix, {quiet, quiet}, pixelsPerModule);
    return image;
}

void QrWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(rect(), Qt::white);
    if (!m_matrix)
        return;
    // Work in device pixels so that a fractional screen scale (125 %, 150 %) still gives
    // every module the same whole number of physical pixels.
    const qreal dpr = devicePixelRatioF();
    painter.scale(1.0 / dpr, 1.0 / dpr);
    const int deviceWidth = int(std::floor(width() * dpr));
    const int deviceHeight = int(std::floor(height() * dpr));
    const int ppm = pixelsPerModule(*m_matrix, std::min(deviceWidth, deviceHeight));
    const int codeSide = m_matrix->size() * ppm;
    const QPoint origin((deviceWidth - codeSide) / 2, (deviceHeight - codeSide) / 2);
    paintModules(painter, *m_matrix, origin, ppm);
}

} // namespace shouyin
