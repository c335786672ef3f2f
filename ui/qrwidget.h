#pragma once

#include "qr/qrmatrix.h"

#include <QImage>
#include <QWidget>

#include <optional>

namespace shouyin {

// Shows a QR code as large as the widget allows and still crisp: every module is the
// same whole number of device pixels, drawn as rectangles without antialiasing and
// surrounded by the 4-module white quiet zone that scanners need.
class QrWidget : public QWidget
{
    Q_OBJECT
public:
    explicit QrWidget(QWidget *parent = nullptr);

    // Encodes `text`; an empty text (or one too long for a QR code) shows nothing.
    void setText(const QString &text);
    void clear() { setText({}); }
    QString text() const { return m_text; }
    bool hasCode() const { return m_matrix.has_value(); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Modules per side including the quiet zone.
    static int totalModules(const QrMatrix &matrix)
    {
        return matrix.size() + 2 * QrMatrix::kQuietZone;
    }
    // The largest whole number of pixels per module for which the code fits `side` pixels.
    static int pixelsPerModule(const QrMatrix &matrix, int side);
    // The code with its quiet zone, exactly totalModules() * pixelsPerModule pixels square.
    static QImage render(const QrMatrix &matrix, int pixelsPerModule);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    std::optional<QrMatrix> m_matrix;
};

} // namespace shouyin
