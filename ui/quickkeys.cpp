#include "quickkeys.h"

#include "moneytext.h"

#include <QGridLayout>
#include <QMap>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

QuickKeys::QuickKeys(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    m_tabs->setObjectName(u"quickKeyTabs"_s);
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    hide();
}

void QuickKeys::setProducts(const QList<Product> &products)
{
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    // By category, then by name: the order a cashier learns the keys in.
    QMap<QString, QList<Product>> byCategory;
    for (const Product &product : products) {
        if (product.quickKey && !product.isRetired())
            byCategory[product.category].append(product);
    }
    m_keys = 0;
    for (auto it = byCategory.begin(); it != byCategory.end(); ++it) {
        auto *page = new QWidget(m_tabs);
        auto *grid = new QGridLayout(page);
        int index = 0;
        for (const Product &product : std::as_const(it.value())) {
            // No '&' mnemonics: a name holding one would steal an Alt key from the window.
            QString label = product.name;
            label.replace(u'&', u"&&"_s);
            auto *key = new QPushButton(
                label + u'\n' +
                    (product.hasOpenPrice() ? tr("price typed") : moneyText(product.price)),
                page);
            key->setObjectName(u"quickKey_"_s + product.barcode);
            key->setFocusPolicy(Qt::NoFocus); // the barcode field keeps the scanner's keys
            key->setMinimumHeight(48);
            connect(key, &QPushButton::clicked, this,
                    [this, id = product.id] { Q_EMIT productChosen(id); });
            grid->addWidget(key, index / kColumns, index % kColumns);
            ++index;
        }
        grid->setRowStretch(grid->rowCount(), 1);
        m_tabs->addTab(page, it.key().isEmpty() ? tr("Other") : it.key());
        m_keys += index;
    }
    setVisible(m_keys > 0);
}

} // namespace shouyin
