#include "stockdialog.h"

#include "headinglabel.h"
#include "moneytext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

// The ledger's own limit is larger; a spin box holds an int.
constexpr int kMaxQuantity = 9'999'999;

QLabel *errorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(u"color: #b3261e;"_s);
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

QTableWidget *historyTable(QWidget *parent, const QString &objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setCell(QTableWidget *table, int row, int column, const QString &text,
             Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    table->setItem(row, column, item);
}

QString signedCount(qint64 delta)
{
    return delta > 0 ? u"+%1"_s.arg(delta) : QString::number(delta);
}

} // namespace

StockDialog::StockDialog(ProductBook *products, const Staff &staff, const Product &product,
                         Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_products(products)
    , m_staff(staff)
    , m_product(product)
    , m_mode(mode)
    , m_quantitySpin(new QSpinBox(this))
    , m_reasonEdit(new QLineEdit(this))
    , m_previewLabel(new QLabel(this))
    , m_errorLabel(errorLabel(this, u"stockErrorLabel"_s))
{
    Q_ASSERT(m_products);
    setObjectName(u"stockDialog"_s);
    QString title;
    QString quantityText;
    QString reasonHint;
    switch (mode) {
    case Mode::Receive:
        title = tr("Goods received: %1");
        quantityText = tr("&Quantity received:");
        reasonHint = tr("optional, e.g. the supplier's delivery note");
        m_quantitySpin->setRange(1, kMaxQuantity);
        break;
    case Mode::Count:
        title = tr("Stocktake count: %1");
        quantityText = tr("Cou&nted on the shelf:");
        reasonHint = tr("optional");
        m_quantitySpin->setRange(0, kMaxQuantity);
        m_quantitySpin->setValue(int(qBound(qint64(0), product.stock, qint64(kMaxQuantity))));
        break;
    case Mode::Adjust:
        title = tr("Adjust the stock: %1");
        quantityText = tr("Change &by (+ or −):");
        reasonHint = tr("required: damaged, lost, found, …");
        m_quantitySpin->setRange(-kMaxQuantity, kMaxQuantity);
        break;
    }
    setWindowTitle(title.arg(product.name));
    m_quantitySpin->setObjectName(u"quantitySpin"_s);
    m_quantitySpin->setAlignment(Qt::AlignRight);
    m_reasonEdit->setObjectName(u"reasonEdit"_s);
    m_reasonEdit->setPlaceholderText(reasonHint);
    m_previewLabel->setObjectName(u"stockPreviewLabel"_s);
    QFont bold = m_previewLabel->font();
    bold.setBold(true);
    m_previewLabel->setFont(bold);

    auto *form = new QFormLayout;
    form->addRow(tr("Product:"), new QLabel(u"%1 · %2"_s.arg(product.barcode, product.name), this));
    form->addRow(tr("In stock now:"), new QLabel(QString::number(product.stock), this));
    form->addRow(quantityText, m_quantitySpin);
    form->addRow(tr("&Reason:"), m_reasonEdit);
    form->addRow(tr("Stock after:"), m_previewLabel);
    connect(m_quantitySpin, &QSpinBox::valueChanged, this, &StockDialog::updatePreview);
    updatePreview();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"stockButtons"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &StockDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StockDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    m_quantitySpin->setFocus();
    m_quantitySpin->selectAll();
}

qint64 StockDialog::after() const
{
    const qint64 quantity = m_quantitySpin->value();
    return m_mode == Mode::Count ? quantity : m_product.stock + quantity;
}

void StockDialog::updatePreview()
{
    m_previewLabel->setText(tr("%1 → %2").arg(m_product.stock).arg(after()));
}

void StockDialog::accept()
{
    const qint64 quantity = m_quantitySpin->value();
    const QString reason = m_reasonEdit->text().trimmed();
    Result<StockMove> written = Error{ErrorCode::BadQuantity, QString()};
    switch (m_mode) {
    case Mode::Receive:
        written = m_products->receive(m_staff, m_product.id, quantity, reason);
        break;
    case Mode::Count:
        written = m_products->count(m_staff, m_product.id, quantity, reason);
        break;
    case Mode::Adjust:
        written = m_products->adjust(m_staff, m_product.id, quantity, reason);
        break;
    }
    if (!written) {
        m_errorLabel->setText(written.error().message);
        m_errorLabel->setVisible(true);
        return;
    }
    m_move = *written;
    QDialog::accept();
}

ProductHistoryDialog::ProductHistoryDialog(ProductBook *products, const Product &product,
                                           const QTimeZone &zone, QWidget *parent)
    : QDialog(parent)
    , m_zone(zone)
    , m_pricesTable(historyTable(this, u"priceHistoryTable"_s,
                                 {tr("When"), tr("Old price"), tr("New price"), tr("Who")}))
    , m_movesTable(historyTable(this, u"stockLedgerTable"_s,
                                {tr("When"), tr("Kind"), tr("Before"), tr("After"), tr("Change"),
                                 tr("Reason"), tr("Who")}))
    , m_errorLabel(errorLabel(this, u"historyErrorLabel"_s))
{
    Q_ASSERT(products);
    setObjectName(u"productHistoryDialog"_s);
    setWindowTitle(tr("History of %1").arg(product.name));
    resize(760, 560);
    QStringList errors;
    if (const auto prices = products->priceHistory(product.id))
        fillPrices(*prices);
    else
        errors.append(prices.error().message);
    if (const auto moves = products->stockMoves(product.id))
        fillMoves(*moves);
    else
        errors.append(moves.error().message);
    m_errorLabel->setText(errors.join(u'\n'));
    m_errorLabel->setVisible(!errors.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headingLabel(tr("Prices"), this));
    layout->addWidget(m_pricesTable, 1);
    layout->addWidget(headingLabel(tr("Stock ledger"), this));
    layout->addWidget(m_movesTable, 2);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

QString ProductHistoryDialog::kindText(StockMoveKind kind)
{
    switch (kind) {
    case StockMoveKind::Opening:
        return tr("Opening");
    case StockMoveKind::Received:
        return tr("Received");
    case StockMoveKind::Counted:
        return tr("Counted");
    case StockMoveKind::Adjusted:
        return tr("Adjusted");
    case StockMoveKind::Imported:
        return tr("Imported");
    }
    return QString();
}

QString ProductHistoryDialog::when(const QDateTime &at) const
{
    return at.toTimeZone(m_zone).toString(u"yyyy-MM-dd HH:mm"_s);
}

void ProductHistoryDialog::fillPrices(const QList<PriceChange> &changes)
{
    constexpr auto right = Qt::AlignRight | Qt::AlignVCenter;
    m_pricesTable->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const PriceChange &change = changes.at(row);
        setCell(m_pricesTable, row, 0, when(change.at));
        setCell(m_pricesTable, row, 1, change.oldPrice ? moneyText(*change.oldPrice) : QString(),
                right);
        setCell(m_pricesTable, row, 2, moneyText(change.newPrice), right);
        setCell(m_pricesTable, row, 3, change.operatorName);
    }
    m_pricesTable->resizeColumnsToContents();
}

void ProductHistoryDialog::fillMoves(const QList<StockMove> &moves)
{
    constexpr auto right = Qt::AlignRight | Qt::AlignVCenter;
    m_movesTable->setRowCount(int(moves.size()));
    for (int row = 0; row < moves.size(); ++row) {
        const StockMove &move = moves.at(row);
        setCell(m_movesTable, row, 0, when(move.at));
        setCell(m_movesTable, row, 1, kindText(move.kind));
        setCell(m_movesTable, row, 2, QString::number(move.before), right);
        setCell(m_movesTable, row, 3, QString::number(move.after), right);
        setCell(m_movesTable, row, 4, signedCount(move.delta()), right);
        setCell(m_movesTable, row, 5, move.reason);
        setCell(m_movesTable, row, 6, move.operatorName);
    }
    m_movesTable->resizeColumnsToContents();
}

} // namespace shouyin
