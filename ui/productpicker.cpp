#include "productpicker.h"

#include "moneytext.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

constexpr int kProductIdRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;

} // namespace

ProductPicker::ProductPicker(QWidget *parent)
    : QWidget(parent)
    , m_products(new QStandardItemModel(0, 2, this))
    , m_filterModel(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeView(this))
{
    auto *caption = new QLabel(tr("Search &products (F3):"), this);
    m_filter->setObjectName(u"productFilter"_s);
    m_filter->setPlaceholderText(tr("Name or barcode"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    caption->setBuddy(m_filter);

    m_products->setHorizontalHeaderLabels({tr("Product"), tr("Price")});
    m_filterModel->setSourceModel(m_products);
    m_filterModel->setFilterRole(kSearchRole);
    m_filterModel->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_filterModel,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::returnPressed, this, &ProductPicker::chooseFromSearch);

    m_list->setObjectName(u"productList"_s);
    m_list->setModel(m_filterModel);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Enter and double-click both arrive as activated().
    connect(m_list, &QAbstractItemView::activated, this, &ProductPicker::choose);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    setTabOrder(m_filter, m_list);
}

void ProductPicker::setProducts(const QList<Product> &products)
{
    m_products->setRowCount(0); // keeps the columns and so the header's sizing
    for (const Product &product : products) {
        auto *name = new QStandardItem(product.name);
        name->setData(product.id, kProductIdRole);
        name->setData(product.name + u' ' + product.barcode, kSearchRole);
        name->setToolTip(product.barcode);
        auto *price = new QStandardItem(moneyText(product.price));
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_products->appendRow({name, price});
    }
}

void ProductPicker::focusSearch()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ProductPicker::choose(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT productChosen(index.siblingAtColumn(0).data(kProductIdRole).toLongLong());
}

void ProductPicker::chooseFromSearch()
{
    QModelIndex index = m_list->currentIndex();
    if (!index.isValid() && m_filterModel->rowCount() == 1)
        index = m_filterModel->index(0, 0);
    if (index.isValid())
        choose(index);
    else
        enterList(); // several matches and none chosen: pick with the arrow keys
}

void ProductPicker::enterList()
{
    m_list->setFocus(Qt::OtherFocusReason);
    if (!m_list->currentIndex().isValid() && m_filterModel->rowCount() > 0)
        m_list->setCurrentIndex(m_filterModel->index(0, 0));
}

bool ProductPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        enterList();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace shouyin
