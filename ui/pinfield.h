#pragma once

#include <QString>

class QLineEdit;
class QWidget;

namespace shouyin {

// A masked line edit that accepts only what PinHasher accepts: digits, up to its length.
QLineEdit *createPinField(QWidget *parent, const QString &objectName);

} // namespace shouyin
