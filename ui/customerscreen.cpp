#include "customerscreen.h"

#include "customerdisplay.h"
#include "mainwindow.h"

#include <QGuiApplication>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>
#include <QWindow>

namespace shouyin {

CustomerScreen::CustomerScreen(MainWindow *window, bool training, const QString &shopName,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_training(training)
    , m_shopName(shopName)
{
    auto *app = qGuiApp;
    connect(app, &QGuiApplication::screenAdded, this, [this] { place(); });
    // The removed screen may still be listed while this runs: it is left out by hand, so
    // that Qt never moves the display onto the cashier's screen on its way.
    connect(app, &QGuiApplication::screenRemoved, this, [this](QScreen *gone) { place(gone); });
    // A new counter per signed-in cashier: the main window swaps its pages, and the
    // counter is the first tab of every new set. Looked at again once the swap is over.
    connect(window->tabs(), &QTabWidget::currentChanged, this, [this] {
        followPage();
        QTimer::singleShot(0, this, &CustomerScreen::followPage);
    });
    place();
}

CustomerScreen::~CustomerScreen() = default;

void CustomerScreen::setChoice(Choice choice, int index)
{
    m_choice = choice;
    m_index = index;
    place();
}

QScreen *CustomerScreen::screen() const
{
    return m_display ? m_display->screen() : nullptr;
}

QScreen *CustomerScreen::choose(QScreen *gone) const
{
    if (!m_window || m_choice == Choice::Off)
        return nullptr;
    QScreen *cashier = m_window->screen();
    if (cashier == gone) // the main window is about to move; Qt takes it to the primary
        cashier = QGuiApplication::primaryScreen();
    QList<QScreen *> screens = QGuiApplication::screens();
    if (m_choice == Choice::Index) {
        QScreen *chosen = m_index >= 0 && m_index < screens.size() ? screens.at(m_index) : nullptr;
        return chosen && chosen != gone && chosen != cashier ? chosen : nullptr;
    }
    screens.removeAll(gone);
    for (QScreen *screen : std::as_const(screens)) {
        if (screen != cashier)
            return screen;
    }
    return nullptr;
}

void CustomerScreen::place(QScreen *gone)
{
    watchWindowScreen();
    QScreen *target = choose(gone);
    if (!target) {
        m_display.reset();
        return;
    }
    if (!m_display) {
        m_display = std::make_unique<CustomerDisplay>(m_training);
        m_display->setObjectName(QStringLiteral("customerDisplay"));
        m_display->setShopName(m_shopName);
        // No frame and never the keyboard: it is a sign, not a window.
        m_display->setWindowFlag(Qt::FramelessWindowHint);
        followPage();
    } else if (m_display->screen() == target && m_display->isVisible()) {
        return;
    } else {
        m_display->hide();
    }
    // On one virtual desktop a window stays where it is when its screen changes: it is
    // moved onto the screen too. On separate X screens setScreen() is what moves it.
    m_display->setScreen(target);
    m_display->setGeometry(target->geometry());
    // Not showFullScreen(): it asks for the keyboard too.
    m_display->setWindowState(Qt::WindowFullScreen);
    m_display->show();
}

void CustomerScreen::followPage()
{
    if (m_display)
        m_display->follow(m_window ? m_window->checkoutPage() : nullptr);
}

void CustomerScreen::watchWindowScreen()
{
    if (m_watchingWindow || !m_window)
        return;
    if (QWindow *handle = m_window->windowHandle()) {
        m_watchingWindow = true;
        connect(handle, &QWindow::screenChanged, this, [this] { place(); });
    }
}

} // namespace shouyin
