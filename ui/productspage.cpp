#include "productspage.h"

#include "checkout/checkoutclient.h"
#include "moneytext.h"
#include "productdialog.h"
#include "productimportdialog.h"
#include "store/productbook.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr int kIdRole = Qt::UserRole;
// What a column sorts by: numbers as numbers, not as the text "¥12.00".
constexpr int kSortRole = Qt::UserRole + 1;

enum Column { Barcode, Name, Category, Unit, Price, Cost, Stock, LowAt, StatusColumn, ColumnCount };

QStandardItem *cell(const QString &text, const QVariant &sortValue, bool number = false)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setData(sortValue, kSortRole);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QPushButton *actionButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

ProductsPage::ProductsPage(const PosServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_zone(services.checkout ? services.checkout->clock().zone() : QTimeZone::utc())
{
    Q_ASSERT(m_services.products);
    setObjectName(u"productsPage"_s);
    buildUi();
    updateButtons();
}

ProductsPage::~ProductsPage() = default;

void ProductsPage::buildUi()
{
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(u"productSearchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Name, barcode or category"));
    m_searchEdit->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("Fin&d:"), this);
    searchLabel->setBuddy(m_searchEdit);
    m_showRetiredCheck = new QCheckBox(tr("Sho&w retired"), this);
    m_showRetiredCheck->setObjectName(u"showRetiredCheck"_s);
    m_lowOnlyCheck = new QCheckBox(tr("&Low stock only"), this);
    m_lowOnlyCheck->setObjectName(u"lowStockOnlyCheck"_s);
    connect(m_showRetiredCheck, &QCheckBox::toggled, this, &ProductsPage::reload);
    connect(m_lowOnlyCheck, &QCheckBox::toggled, this, &ProductsPage::reload);
    auto *filters = new QHBoxLayout;
    filters->addWidget(searchLabel);
    filters->addWidget(m_searchEdit, 1);
    filters->addWidget(m_showRetiredCheck);
    filters->addWidget(m_lowOnlyCheck);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Barcode"), tr("Name"), tr("Category"), tr("Unit"),
                                        tr("Price"), tr("Cost"), tr("Stock"), tr("Low at"),
                                        tr("Status")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(kSortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    connect(m_searchEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_table = new QTableView(this);
    m_table->setObjectName(u"productsTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the book's order (by name) until asked
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    connect(m_table, &QTableView::doubleClicked, this, &ProductsPage::editProduct);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProductsPage::updateButtons);

    auto *add = actionButton(tr("&Add product…"), u"addProductButton"_s, this);
    m_editButton = actionButton(tr("&Edit…"), u"editProductButton"_s, this);
    m_retireButton = actionButton(tr("Re&tire"), u"retireButton"_s, this);
    m_receiveButton = actionButton(tr("&Receive goods…"), u"receiveButton"_s, this);
    m_countButton = actionButton(tr("&Count…"), u"countButton"_s, this);
    m_adjustButton = actionButton(tr("Ad&just…"), u"adjustButton"_s, this);
    m_historyButton = actionButton(tr("&History…"), u"historyButton"_s, this);
    auto *importButton = actionButton(tr("&Import CSV…"), u"importCsvButton"_s, this);
    connect(add, &QPushButton::clicked, this, &ProductsPage::addProduct);
    connect(m_editButton, &QPushButton::clicked, this, &ProductsPage::editProduct);
    connect(m_retireButton, &QPushButton::clicked, this, &ProductsPage::toggleRetired);
    connect(m_receiveButton, &QPushButton::clicked, this, &ProductsPage::receiveGoods);
    connect(m_countButton, &QPushButton::clicked, this, &ProductsPage::countStock);
    connect(m_adjustButton, &QPushButton::clicked, this, &ProductsPage::adjustStock);
    connect(m_historyButton, &QPushButton::clicked, this, &ProductsPage::showHistory);
    connect(importButton, &QPushButton::clicked, this, &ProductsPage::importCsv);
    importButton->setEnabled(m_services.catalog != nullptr);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {add, m_editButton, m_retireButton, m_receiveButton, m_countButton,
                                m_adjustButton, m_historyButton})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(importButton);

    m_message = new QLabel(this);
    m_message->setObjectName(u"productsMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
}

void ProductsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        reload();
}

QList<QStandardItem *> ProductsPage::rowOf(const Product &product) const
{
    QString price = moneyText(product.price);
    Fen priceOrder = product.price;
    if (product.hasOpenPrice()) {
        price = tr("open, up to %1").arg(moneyText(*product.openPriceMax));
        priceOrder = *product.openPriceMax;
    }
    QList<QStandardItem *> row(ColumnCount);
    row[Barcode] = cell(product.barcode, product.barcode);
    row[Barcode]->setData(product.id, kIdRole);
    row[Name] = cell(product.name, product.name);
    row[Category] = cell(product.category, product.category);
    row[Unit] = cell(product.unit, product.unit);
    row[Price] = cell(price, priceOrder, true);
    row[Cost] = cell(product.cost ? moneyText(*product.cost) : QString(),
                     product.cost ? *product.cost : -1, true);
    row[Stock] = cell(QString::number(product.stock), product.stock, true);
    row[LowAt] = cell(product.lowStock ? QString::number(*product.lowStock) : QString(),
                      product.lowStock ? *product.lowStock : -1, true);
    row[StatusColumn] =
        cell(product.isRetired() ? tr("Retired") : tr("On sale"), product.isRetired());
    if (product.isRetired()) {
        for (QStandardItem *item : row)
            item->setForeground(QColor(0x75, 0x75, 0x75));
    } else if (product.isLow()) {
        QFont bold = m_table->font();
        bold.setBold(true);
        row[Stock]->setFont(bold);
        row[Stock]->setForeground(QColor(0x8b, 0x00, 0x00));
        row[Stock]->setToolTip(tr("At or below its low-stock level"));
    }
    return row;
}

void ProductsPage::reload()
{
    const std::optional<Product> selected = selectedProduct();
    auto all = m_services.products->allProducts();
    if (!all) {
        showMessage(all.error().message, true);
        return;
    }
    QSet<QString> categories;
    for (const Product &product : *all) {
        if (!product.category.isEmpty())
            categories.insert(product.category);
    }
    m_categories = QStringList(categories.cbegin(), categories.cend());
    m_categories.sort(Qt::CaseInsensitive);

    QList<Product> shown;
    if (m_lowOnlyCheck->isChecked()) {
        // The book's own list, the emptiest first; it holds no retired product.
        auto low = m_services.products->lowStock();
        if (!low) {
            showMessage(low.error().message, true);
            return;
        }
        shown = *low;
    } else {
        for (const Product &product : *all) {
            if (!product.isRetired() || m_showRetiredCheck->isChecked())
                shown.append(product);
        }
    }
    m_products = shown;
    m_model->setRowCount(0);
    for (const Product &product : std::as_const(m_products))
        m_model->appendRow(rowOf(product));
    m_table->resizeColumnsToContents();
    if (selected)
        select(selected->id);
    updateButtons();
}

std::optional<Product> ProductsPage::selectedProduct() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(Barcode);
    if (rows.isEmpty())
        return std::nullopt;
    const qint64 id = rows.first().data(kIdRole).toLongLong();
    for (const Product &product : m_products) {
        if (product.id == id)
            return product;
    }
    return std::nullopt;
}

void ProductsPage::select(qint64 productId)
{
    const QModelIndexList found =
        m_proxy->match(m_proxy->index(0, Barcode), kIdRole, productId, 1, Qt::MatchExactly);
    if (found.isEmpty())
        return;
    m_table->selectRow(found.first().row());
    m_table->scrollTo(found.first());
}

void ProductsPage::updateButtons()
{
    const std::optional<Product> product = selectedProduct();
    for (QPushButton *button : {m_editButton, m_retireButton, m_receiveButton, m_countButton,
                                m_adjustButton, m_historyButton})
        button->setEnabled(product.has_value());
    m_retireButton->setText(product && product->isRetired() ? tr("Res&tore") : tr("Re&tire"));
}

void ProductsPage::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? u"color: #b3261e;"_s : QString());
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ProductsPage::openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

void ProductsPage::addProduct()
{
    if (m_dialog)
        return;
    auto *dialog =
        new ProductDialog(m_services.products, m_services.staff, m_categories, std::nullopt, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        showMessage(tr("Added %1.").arg(dialog->saved().name), false);
        reload();
        Q_EMIT productsChanged();
        select(dialog->saved().id);
    });
    openDialog(dialog);
}

void ProductsPage::editProduct()
{
    const std::optional<Product> product = selectedProduct();
    if (m_dialog || !product)
        return;
    auto *dialog =
        new ProductDialog(m_services.products, m_services.staff, m_categories, product, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        showMessage(tr("Saved %1.").arg(dialog->saved().name), false);
        reload();
        Q_EMIT productsChanged();
    });
    openDialog(dialog);
}

void ProductsPage::toggleRetired()
{
    const std::optional<Product> product = selectedProduct();
    if (!product)
        return;
    const bool retire = !product->isRetired();
    const Status done = retire ? m_services.products->retire(m_services.staff, product->id)
                               : m_services.products->restore(m_services.staff, product->id);
    if (!done) {
        showMessage(done.error().message, true);
        return;
    }
    showMessage(retire ? tr("%1 is retired: no longer sold.").arg(product->name)
                       : tr("%1 is on sale again.").arg(product->name),
                false);
    reload();
    Q_EMIT productsChanged();
}

void ProductsPage::openStockDialog(StockDialog::Mode mode)
{
    const std::optional<Product> product = selectedProduct();
    if (m_dialog || !product)
        return;
    auto *dialog = new StockDialog(m_services.products, m_services.staff, *product, mode, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name = product->name] {
        const StockMove &move = dialog->move();
        showMessage(tr("%1: stock %2 → %3.").arg(name).arg(move.before).arg(move.after), false);
        reload();
    });
    openDialog(dialog);
}

void ProductsPage::receiveGoods()
{
    openStockDialog(StockDialog::Mode::Receive);
}

void ProductsPage::countStock()
{
    openStockDialog(StockDialog::Mode::Count);
}

void ProductsPage::adjustStock()
{
    openStockDialog(StockDialog::Mode::Adjust);
}

void ProductsPage::showHistory()
{
    const std::optional<Product> product = selectedProduct();
    if (m_dialog || !product)
        return;
    openDialog(new ProductHistoryDialog(m_services.products, *product, m_zone, this));
}

void ProductsPage::importCsv()
{
    if (m_dialog || !m_services.catalog)
        return;
    auto *dialog = new ProductImportDialog(m_services.catalog, m_services.staff, this);
    connect(dialog, &ProductImportDialog::imported, this, [this](int rows) {
        showMessage(tr("Imported %n product(s).", "", rows), false);
        reload();
        Q_EMIT productsChanged();
    });
    openDialog(dialog);
}

} // namespace shouyin
