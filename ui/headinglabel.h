#pragma once

#include <QFont>
#include <QLabel>

namespace shouyin {

// A section's title inside a dialog: the dialog's own font, bold.
inline QLabel *headingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace shouyin
