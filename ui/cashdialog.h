#pragma once

#include "money/money.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace shouyin {

// The cash key: what did the customer hand over? One of the quick amounts (the exact sum,
// the next ¥10, ¥50, ¥100), or typed. As it is typed the dialog shows the change in
// large digits, or — when the cash is less than what is due — what is left for a QR or
// payment code (split tender). Enter takes the cash; the dialog writes nothing itself.
class CashDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CashDialog(Fen due, QWidget *parent = nullptr);

    // What the cashier entered; 0 while the field holds no amount.
    Fen given() const;
    // Takes `amount` as if its quick button were pressed (the buttons call it too).
    void choose(Fen amount);

private:
    void updateChange();

    Fen m_due;
    QLineEdit *m_amount = nullptr;
    QLabel *m_change = nullptr;
    QPushButton *m_take = nullptr;
};

} // namespace shouyin
