#pragma once

#include "checkout/cart.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace shouyin {

// The cashier gives a discount: a percent or an amount off the chosen line or the whole
// sale, and whether to drop the small change (抹零). The new total shows as it is typed;
// the dialog closes only on a discount the cart accepts. Whether a manager must approve
// it is the counter's decision, after this closes: the dialog only chooses.
class DiscountDialog : public QDialog
{
    Q_OBJECT
public:
    // `row`: the line chosen in the cart (-1: none, the whole sale is offered alone).
    // `shopRounding`: what 抹零 keeps at this shop.
    DiscountDialog(const Cart &cart, int row, RoundOff shopRounding, QWidget *parent = nullptr);

    DiscountChoice choice() const { return m_choice; }
    // The cart as it would be with the choice given.
    Cart proposed() const;

public Q_SLOTS:
    void accept() override;

private:
    // What the fields say, or an error for the cashier.
    Result<DiscountChoice> read() const;
    void updatePreview();

    Cart m_cart;
    int m_row;
    RoundOff m_shopRounding;
    DiscountChoice m_choice;
    QComboBox *m_target;
    QComboBox *m_kind;
    QLineEdit *m_value;
    QCheckBox *m_roundOff;
    QLabel *m_preview;
    QLabel *m_error;
};

} // namespace shouyin
