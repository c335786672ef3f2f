#include "productpicker.h"

#include "moneytext.h"

#include <QDebug>
#include <QHash>
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
// The most a search lists: more is no help to a cashier, who types another letter.
constexpr int kMostShown = 200;

} // namespace

// The products a search found, in its order; every product in the catalogue's order
// while nothing is typed.
class RankedFilterModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void showAll()
    {
        m_ranks.reset();
        invalidate();
        sort(-1);
    }
    void showRanked(const QList<qint64> &ids)
    {
        QHash<qint64, int> ranks;
        for (int i = 0; i < ids.size(); ++i)
            ranks.insert(ids.at(i), i);
        m_ranks = std::move(ranks);
        invalidate();
        sort(0);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_ranks)
            return m_ranks->contains(idAt(row, parent));
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (!m_ranks)
            return left.row() < right.row();
        return m_ranks->value(idAt(left.row(), {})) < m_ranks->value(idAt(right.row(), {}));
    }

private:
    qint64 idAt(int row, const QModelIndex &parent) const
    {
        return sourceModel()->index(row, 0, parent).data(kProductIdRole).toLongLong();
    }

    std::optional<QHash<qint64, int>> m_ranks;
};

ProductPicker::ProductPicker(QWidget *parent)
    : QWidget(parent)
    , m_products(new QStandardItemModel(0, 2, this))
    , m_filterModel(new RankedFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeView(this))
{
    auto *caption = new QLabel(tr("Search &products (F3):"), this);
    m_filter->setObjectName(u"productFilter"_s);
    m_filter->setPlaceholderText(tr("Name, barcode or pinyin (kkkl)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    caption->setBuddy(m_filter);

    m_products->setHorizontalHeaderLabels({tr("Product"), tr("Price")});
    m_filterModel->setSourceModel(m_products);
    m_filterModel->setFilterRole(kSearchRole);
    m_filterModel->setFilterCaseSensitivity(Qt::CaseInsensitive);
    if (auto search = ProductSearch::create())
        m_search.emplace(std::move(search).value());
    else
        qWarning() << "product search without pinyin:" << search.error().message;
    connect(m_filter, &QLineEdit::textChanged, this, &ProductPicker::search);
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
    QList<SearchEntry> entries;
    entries.reserve(products.size());
    for (const Product &product : products) {
        entries.append({product.id, product.barcode, product.name});
        auto *name = new QStandardItem(product.name);
        name->setData(product.id, kProductIdRole);
        name->setData(product.name + u' ' + product.barcode, kSearchRole);
        name->setToolTip(product.barcode);
        auto *price = new QStandardItem(moneyText(product.price));
        price->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_products->appendRow({name, price});
    }
    if (m_search)
        m_search->reset(entries);
    search(m_filter->text());
}

void ProductPicker::search(const QString &query)
{
    const QString words = query.trimmed();
    m_filterModel->setFilterFixedString(m_search ? QString() : words);
    if (words.isEmpty() || !m_search)
        m_filterModel->showAll();
    else
        m_filterModel->showRanked(m_search->find(words, kMostShown));
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
