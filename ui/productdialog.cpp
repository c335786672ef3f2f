#include "productdialog.h"

#include "money/money.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// Up to ¥99,999,999.99; parseYuan has the last word.
const QRegularExpression kYuanPattern(uR"(\d{1,8}([.]\d{0,2})?)"_s);
constexpr int kMaxOpeningStock = 9'999'999;

QLineEdit *lineEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    return edit;
}

QLineEdit *yuanEdit(QWidget *parent, const QString &objectName)
{
    QLineEdit *edit = lineEdit(parent, objectName);
    edit->setValidator(new QRegularExpressionValidator(kYuanPattern, edit));
    edit->setAlignment(Qt::AlignRight);
    edit->setMaximumWidth(140);
    return edit;
}

QString yuanText(std::optional<Fen> amount)
{
    return amount ? formatYuan(*amount) : QString();
}

} // namespace

ProductDialog::ProductDialog(ProductBook *products, const Staff &staff,
                             const QStringList &categories, const std::optional<Product> &existing,
                             QWidget *parent)
    : QDialog(parent)
    , m_products(products)
    , m_staff(staff)
    , m_barcodeEdit(lineEdit(this, u"barcodeEdit"_s))
    , m_nameEdit(lineEdit(this, u"nameEdit"_s))
    , m_categoryCombo(new QComboBox(this))
    , m_unitEdit(lineEdit(this, u"unitEdit"_s))
    , m_priceEdit(yuanEdit(this, u"priceEdit"_s))
    , m_costEdit(yuanEdit(this, u"costEdit"_s))
    , m_lowStockEdit(lineEdit(this, u"lowStockEdit"_s))
    , m_openPriceCheck(new QCheckBox(tr("Op&en price: the cashier types it"), this))
    , m_openPriceMaxEdit(yuanEdit(this, u"openPriceMaxEdit"_s))
    , m_quickKeyCheck(new QCheckBox(tr("On the counter's &quick keys"), this))
    , m_pluEdit(lineEdit(this, u"pluEdit"_s))
    , m_openingStockSpin(new QSpinBox(this))
    , m_errorLabel(new QLabel(this))
{
    Q_ASSERT(m_products);
    setObjectName(u"productDialog"_s);
    setWindowTitle(existing ? tr("Change %1").arg(existing->name) : tr("Add a product"));
    m_barcodeEdit->setMaxLength(ProductBook::kMaxBarcodeLength);
    m_nameEdit->setMaxLength(ProductBook::kMaxNameLength);
    m_categoryCombo->setObjectName(u"categoryCombo"_s);
    m_categoryCombo->setEditable(true);
    m_categoryCombo->setInsertPolicy(QComboBox::NoInsert);
    m_categoryCombo->addItems(categories);
    m_categoryCombo->setCurrentIndex(-1);
    m_categoryCombo->setEditText(QString());
    m_priceEdit->setPlaceholderText(tr("e.g. 4.50"));
    m_costEdit->setPlaceholderText(tr("optional"));
    m_lowStockEdit->setValidator(new QIntValidator(0, kMaxOpeningStock, m_lowStockEdit));
    m_lowStockEdit->setPlaceholderText(tr("optional"));
    m_lowStockEdit->setMaximumWidth(140);
    m_openPriceCheck->setObjectName(u"openPriceCheck"_s);
    m_openPriceMaxEdit->setEnabled(false);
    connect(m_openPriceCheck, &QCheckBox::toggled, m_openPriceMaxEdit, &QWidget::setEnabled);
    m_quickKeyCheck->setObjectName(u"quickKeyCheck"_s);
    m_pluEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"\\d{0,6}"_s), m_pluEdit));
    m_pluEdit->setPlaceholderText(tr("none"));
    m_pluEdit->setMaximumWidth(140);
    m_openingStockSpin->setObjectName(u"openingStockSpin"_s);
    m_openingStockSpin->setRange(0, kMaxOpeningStock);
    m_openingStockSpin->setAlignment(Qt::AlignRight);
    m_errorLabel->setObjectName(u"productErrorLabel"_s);
    m_errorLabel->setStyleSheet(u"color: #b3261e;"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Barcode:"), m_barcodeEdit);
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("Cate&gory:"), m_categoryCombo);
    form->addRow(tr("&Unit:"), m_unitEdit);
    form->addRow(tr("&Price (yuan):"), m_priceEdit);
    form->addRow(tr("Cos&t (yuan):"), m_costEdit);
    form->addRow(tr("&Low-stock level:"), m_lowStockEdit);
    form->addRow(QString(), m_openPriceCheck);
    form->addRow(tr("&Highest price (yuan):"), m_openPriceMaxEdit);
    form->addRow(QString(), m_quickKeyCheck);
    form->addRow(tr("&Scale code (PLU):"), m_pluEdit);
    if (existing) {
        m_productId = existing->id;
        fill(*existing);
        m_openingStockSpin->hide();
    } else {
        // Later counts go through the stock ledger; only a new product starts with one.
        form->addRow(tr("Opening stoc&k:"), m_openingStockSpin);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"productButtons"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProductDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProductDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    m_barcodeEdit->setFocus();
}

void ProductDialog::fill(const Product &product)
{
    m_barcodeEdit->setText(product.barcode);
    m_nameEdit->setText(product.name);
    m_categoryCombo->setEditText(product.category);
    m_unitEdit->setText(product.unit);
    m_priceEdit->setText(formatYuan(product.price));
    m_costEdit->setText(yuanText(product.cost));
    m_lowStockEdit->setText(product.lowStock ? QString::number(*product.lowStock) : QString());
    m_openPriceCheck->setChecked(product.hasOpenPrice());
    m_openPriceMaxEdit->setText(yuanText(product.openPriceMax));
    m_quickKeyCheck->setChecked(product.quickKey);
    m_pluEdit->setText(product.plu);
}

Result<ProductDraft> ProductDialog::draft() const
{
    ProductDraft typed;
    typed.barcode = m_barcodeEdit->text().trimmed();
    typed.name = m_nameEdit->text().trimmed();
    typed.category = m_categoryCombo->currentText().trimmed();
    typed.unit = m_unitEdit->text().trimmed();
    typed.quickKey = m_quickKeyCheck->isChecked();
    typed.plu = m_pluEdit->text().trimmed();
    const bool openPrice = m_openPriceCheck->isChecked();

    const QString price = m_priceEdit->text().trimmed();
    // An open price may leave the suggestion out: the cashier types it anyway.
    if (price.isEmpty() && openPrice) {
        typed.price = 0;
    } else if (auto fen = parseYuan(price)) {
        typed.price = *fen;
    } else {
        return Error{ErrorCode::BadPrice, tr("Type the price in yuan, e.g. 4.50.")};
    }
    if (const QString cost = m_costEdit->text().trimmed(); !cost.isEmpty()) {
        typed.cost = parseYuan(cost);
        if (!typed.cost)
            return Error{ErrorCode::BadPrice, tr("Type the cost in yuan, or leave it empty.")};
    }
    if (openPrice) {
        typed.openPriceMax = parseYuan(m_openPriceMaxEdit->text().trimmed());
        if (!typed.openPriceMax)
            return Error{ErrorCode::BadPrice,
                         tr("An open price needs the highest price the cashier may type.")};
    }
    if (const QString low = m_lowStockEdit->text().trimmed(); !low.isEmpty()) {
        bool ok = false;
        typed.lowStock = low.toLongLong(&ok);
        if (!ok)
            return Error{ErrorCode::Catalog,
                         tr("The low-stock level is a whole number, or empty for none.")};
    }
    return typed;
}

void ProductDialog::accept()
{
    const Result<ProductDraft> typed = draft();
    if (!typed) {
        showError(typed.error().message);
        return;
    }
    if (Status valid = ProductBook::check(*typed); !valid) {
        showError(valid.error().message);
        return;
    }
    const Result<Product> written =
        m_productId ? m_products->update(m_staff, *m_productId, *typed)
                    : m_products->add(m_staff, *typed, m_openingStockSpin->value());
    if (!written) {
        showError(written.error().message);
        return;
    }
    m_saved = *written;
    QDialog::accept();
}

void ProductDialog::showError(const QString &text)
{
    m_errorLabel->setText(text);
    m_errorLabel->setVisible(true);
}

} // namespace shouyin
