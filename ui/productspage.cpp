#include "productspage.h"

namespace shouyin {

ProductsPage::ProductsPage(const PosServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{}

} // namespace shouyin
