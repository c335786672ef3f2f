#pragma once

#include "receipt/receipt.h"

#include <QList>
#include <QString>

namespace shouyin {

// Builds a printout's lines for one paper width: the shift report, the end-of-day summary.
class ReceiptPaper
{
public:
    explicit ReceiptPaper(PaperWidth width)
        : m_width(width)
    {}

    void title(const QString &text) { centred(text, true); }
    void centred(const QString &text, bool bold = false)
    {
        for (const QString &line : receiptColumns(text, {}, m_width))
            m_lines.append({line, ReceiptTextLine::Align::Centre, bold});
    }
    void row(const QString &left, const QString &right, bool bold = false)
    {
        for (const QString &line : receiptColumns(left, right, m_width))
            m_lines.append({line, ReceiptTextLine::Align::Left, bold});
    }
    // A detail under the row before it. Leading spaces would not survive the wrap, so
    // the row is laid out two columns narrower and then indented.
    void detail(const QString &left, const QString &right)
    {
        const auto narrower = static_cast<PaperWidth>(int(m_width) - kIndent);
        for (const QString &line : receiptColumns(left, right, narrower))
            m_lines.append({QString(kIndent, u' ') + line});
    }
    void rule() { m_lines.append({QString(int(m_width), u'-')}); }

    QList<ReceiptTextLine> lines() const { return m_lines; }

private:
    static constexpr int kIndent = 2;
    PaperWidth m_width;
    QList<ReceiptTextLine> m_lines;
};

} // namespace shouyin
