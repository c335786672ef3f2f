#include "discountdialog.h"

#include "moneytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

enum Kind { PercentOff, AmountOff };

} // namespace

DiscountDialog::DiscountDialog(const Cart &cart, int row, RoundOff shopRounding, QWidget *parent)
    : QDialog(parent)
    , m_cart(cart)
    , m_row(row >= 0 && row < cart.size() ? row : -1)
    , m_shopRounding(shopRounding)
    , m_target(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_roundOff(new QCheckBox(this))
    , m_preview(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"discountDialog"_s);
    setWindowTitle(tr("Discount"));
    setModal(true);

    m_target->setObjectName(u"discountTarget"_s);
    if (m_row >= 0)
        m_target->addItem(tr("This line: %1").arg(cart.at(m_row).product.name), m_row);
    m_target->addItem(tr("The whole sale"), -1);

    m_kind->setObjectName(u"discountKind"_s);
    m_kind->addItem(tr("Percent off (九折 is 10)"), PercentOff);
    m_kind->addItem(tr("Amount off (yuan)"), AmountOff);

    m_value->setObjectName(u"discountValue"_s);
    m_value->setStyleSheet(u"font-size: 16pt; padding: 4px;"_s);
    m_value->setPlaceholderText(tr("0 takes the discount away"));

    m_roundOff->setObjectName(u"roundOffCheck"_s);
    m_roundOff->setText(shopRounding == RoundOff::Yuan
                            ? tr("&Drop the small change (抹零): whole yuan")
                            : tr("&Drop the small change (抹零): whole jiao"));
    m_roundOff->setChecked(cart.roundOff() != RoundOff::None);

    // What the fields show first: the discount already on the chosen line, or the sale's.
    const Discount current = m_row >= 0 ? cart.at(m_row).discount : cart.saleDiscount();
    if (m_row >= 0 && current.isNone() && !cart.saleDiscount().isNone())
        m_target->setCurrentIndex(1);
    const Discount shown = m_target->currentData().toInt() >= 0 ? current : cart.saleDiscount();
    if (shown.amount > 0) {
        m_kind->setCurrentIndex(AmountOff);
        m_value->setText(formatYuan(shown.amount));
    } else if (shown.percent > 0) {
        m_value->setText(QString::number(shown.percent));
    }

    m_preview->setObjectName(u"discountPreview"_s);
    m_preview->setStyleSheet(u"font-size: 14pt; font-weight: bold;"_s);
    m_error->setObjectName(u"discountError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&On:"), m_target);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Value:"), m_value);
    form->addRow(QString(), m_roundOff);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"discountOkButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &DiscountDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DiscountDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);

    for (QComboBox *combo : {m_target, m_kind})
        connect(combo, &QComboBox::currentIndexChanged, this, &DiscountDialog::updatePreview);
    connect(m_value, &QLineEdit::textChanged, this, &DiscountDialog::updatePreview);
    connect(m_roundOff, &QCheckBox::toggled, this, &DiscountDialog::updatePreview);
    updatePreview();
    resize(440, 260);
    m_value->setFocus();
    m_value->selectAll();
}

Result<DiscountChoice> DiscountDialog::read() const
{
    DiscountChoice choice;
    choice.row = m_target->currentData().toInt();
    choice.roundOff = m_roundOff->isChecked() ? m_shopRounding : RoundOff::None;
    const QString text = m_value->text().trimmed();
    if (text.isEmpty())
        return choice; // no discount: only the small change, or taking a discount away
    if (m_kind->currentData().toInt() == PercentOff) {
        bool isNumber = false;
        choice.discount.percent = text.toInt(&isNumber);
        if (!isNumber || choice.discount.percent < 0 || choice.discount.percent > 100)
            return Error{ErrorCode::BadDiscount, tr("Type a whole percent from 0 to 100.")};
    } else {
        const auto amount = parseYuan(text);
        if (!amount || *amount < 0)
            return Error{ErrorCode::BadDiscount, tr("Type the amount in yuan, e.g. 5 or 1.50.")};
        choice.discount.amount = *amount;
    }
    Cart probe = m_cart;
    if (!probe.give(choice)) {
        const Fen from = choice.row >= 0 ? m_cart.at(choice.row).lineTotal()
                                         : m_cart.priced().gross - m_cart.priced().lineDiscounts;
        return Error{ErrorCode::BadDiscount,
                     tr("That is more than the %1 it is taken from.").arg(moneyText(from))};
    }
    return choice;
}

Cart DiscountDialog::proposed() const
{
    Cart cart = m_cart;
    if (!cart.give(m_choice))
        return m_cart;
    return cart;
}

void DiscountDialog::updatePreview()
{
    const auto choice = read();
    m_error->setText(choice ? QString() : choice.error().message);
    m_error->setVisible(!choice);
    if (!choice) {
        m_preview->clear();
        return;
    }
    Cart probe = m_cart;
    if (!probe.give(*choice))
        return;
    const PricedSale priced = probe.priced();
    m_preview->setText(tr("Total %1 → %2 (%3 off)")
                           .arg(moneyText(m_cart.total()), moneyText(priced.total),
                                moneyText(priced.gross - priced.total)));
}

void DiscountDialog::accept()
{
    const auto choice = read();
    if (!choice) {
        m_error->setText(choice.error().message);
        m_error->setVisible(true);
        m_value->setFocus();
        m_value->selectAll();
        return;
    }
    m_choice = *choice;
    QDialog::accept();
}

} // namespace shouyin
