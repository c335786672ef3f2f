#pragma once

#include <QList>
#include <QString>

#include <functional>

class QPushButton;
class QWidget;

namespace shouyin {

// Training: a payment code the sandbox's customer answers in a known way, so that a
// cashier can rehearse each answer the till may get without a phone.
struct TrainingCode
{
    QString provider;  // "wechat", "alipay"
    QString behaviour; // the sandbox's codeCustomerName(): pays-at-once, confirms-after, …
    QString code;
};

// A button whose menu "shows" one of `codes` to the till: `offer` gets the code as a
// scanner would type it. Null when there are no codes (outside training).
QPushButton *makeTrainingCodeButton(const QList<TrainingCode> &codes, QWidget *parent,
                                    std::function<void(const QString &code)> offer);

} // namespace shouyin
