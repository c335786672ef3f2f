#include "mainwindow.h"

#include "auth/userstore.h"
#include "checkout/checkoutclient.h"
#include "checkoutpage.h"
#include "displaytext.h"
#include "errorsound.h"
#include "historypage.h"
#include "logindialog.h"
#include "managersetupdialog.h"
#include "productspage.h"
#include "refund/refundclient.h"
#include "reportspage.h"
#include "settingspage.h"
#include "shiftpage.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/orderstore.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

MainWindow::MainWindow(const PosServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(m_stack))
    , m_lockedPage(buildLockedPage())
{
    setWindowTitle(services.training ? tr("Shouyin POS — Training") : tr("Shouyin POS"));
    // Outside the counter (a manager's desk, a window manager that ignores maximizing) a
    // window that fits a 1024×768 screen.
    resize(1024, 700);

    m_tabs->setObjectName(u"pageTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true); // a cashier with one page sees no tabs at all
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_lockedPage);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (services.training) {
        m_trainingBanner = new QLabel(tr("TRAINING — no real money"), central);
        m_trainingBanner->setObjectName(u"trainingBanner"_s);
        m_trainingBanner->setAlignment(Qt::AlignCenter);
        m_trainingBanner->setStyleSheet(u"background: #e8710a; color: white; font-size: 14pt; "
                                        "font-weight: bold; padding: 6px;"_s);
        layout->addWidget(m_trainingBanner);
    }
    m_databaseBanner = buildDatabaseBanner(central);
    layout->addWidget(m_databaseBanner);
    m_alertBanner = buildAlertBanner(central);
    layout->addWidget(m_alertBanner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    const QString terminal = services.checkout ? services.checkout->terminalId() : QString();
    auto *terminalLabel = new QLabel(tr("Terminal: %1").arg(terminal), this);
    terminalLabel->setObjectName(u"terminalLabel"_s);
    m_operatorLabel = new QLabel(this);
    m_operatorLabel->setObjectName(u"operatorLabel"_s);
    statusBar()->addPermanentWidget(terminalLabel);
    if (services.database && services.database->isShared()) {
        auto *databaseLabel =
            new QLabel(tr("Database: %1").arg(services.database->settings().describe()), this);
        databaseLabel->setObjectName(u"databaseLabel"_s);
        statusBar()->addPermanentWidget(databaseLabel);
    }
    statusBar()->addPermanentWidget(m_operatorLabel);
    if (services.database)
        connect(services.database, &Database::availabilityChanged, this,
                &MainWindow::setDatabaseAvailable);
    if (services.changes)
        connect(services.changes, &ChangeFeed::changed, this, &MainWindow::followChanges);
    if (services.checkout)
        connect(services.checkout, &CheckoutClient::alertRaised, this,
                [this](qint64 orderId, const QString &kind, const QString &) {
                    showAlert(orderId, kind);
                });
    if (services.refunds)
        connect(services.refunds, &RefundClient::alertRaised, this,
                [this](qint64 orderId, const QString &kind, const QString &) {
                    showAlert(orderId, kind);
                });
    if (services.training)
        statusBar()->showMessage(tr("Training mode: payments go to the local sandbox."));

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // Reports always show the figures of the moment they are looked at.
        if (m_reportsPage && m_tabs->widget(index) == m_reportsPage)
            m_reportsPage->refresh();
    });

    if (!m_services.users) {
        // No sign-in at all (tests, tools): the counter, selling as `operatorName`.
        showCounterOnly();
        return;
    }
    buildMenus();
    setStaff(m_services.staff);
    if (!m_staff.isSignedIn()) // once the window is up, so the dialog has something to sit on
        QTimer::singleShot(0, this, &MainWindow::signIn);
}

void MainWindow::showAtCounter(bool fullScreen)
{
    // Not every till has a window manager to maximize the window (kiosk sessions often
    // have none), so it takes the screen's size itself first.
    if (const QScreen *screen = this->screen())
        setGeometry(screen->availableGeometry());
    if (fullScreen)
        showFullScreen();
    else
        showMaximized();
    // Nor one to give it the keyboard: without this, F12 does nothing until a click.
    raise();
    activateWindow();
}

void MainWindow::setTouchFriendly(bool touch)
{
    m_touch = touch;
    // Fingers, not a mouse: larger text everywhere and keys a finger hits.
    QFont larger = QApplication::font();
    if (touch)
        larger.setPointSizeF(larger.pointSizeF() * 1.3);
    setFont(larger);
    setStyleSheet(touch ? u"QPushButton { min-height: 56px; padding: 4px 16px; }"_s : QString());
    if (m_checkoutPage)
        m_checkoutPage->setTouchFriendly(touch);
}

void MainWindow::showCounterOnly()
{
    m_checkoutPage = new CheckoutPage(m_services, m_tabs);
    m_checkoutPage->setTouchFriendly(m_touch);
    m_tabs->addTab(m_checkoutPage, tr("Checkout"));
    m_stack->setCurrentWidget(m_tabs);
    m_checkoutPage->restoreCart(std::exchange(m_keptCart, {}));
    m_operatorLabel->setText(
        m_services.users ? tr("Operator: %1 (no users set up yet)").arg(m_services.operatorName)
                         : tr("Operator: %1").arg(m_services.operatorName));
    m_checkoutPage->setFocus();
}

QWidget *MainWindow::buildLockedPage()
{
    auto *page = new QWidget(m_stack);
    page->setObjectName(u"lockedPage"_s);
    auto *label = new QLabel(tr("Nobody is signed in at this till."), page);
    QFont font = label->font();
    font.setPointSize(font.pointSize() + 8);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    auto *button = new QPushButton(tr("Sign in…"), page);
    button->setObjectName(u"lockedSignInButton"_s);
    button->setMinimumHeight(48);
    button->setStyleSheet(u"font-size: 16pt; padding: 4px 32px;"_s);
    connect(button, &QPushButton::clicked, this, &MainWindow::signIn);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(label);
    layout->addSpacing(16);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

QWidget *MainWindow::buildAlertBanner(QWidget *parent)
{
    auto *banner = new QWidget(parent);
    banner->setObjectName(u"alertBanner"_s);
    banner->setAttribute(Qt::WA_StyledBackground);
    banner->setStyleSheet(u"#alertBanner { background: #b3261e; } QLabel { color: white; "
                          "font-size: 14pt; font-weight: bold; }"_s);
    m_alertText = new QLabel(banner);
    m_alertText->setObjectName(u"alertText"_s);
    m_alertText->setWordWrap(true);
    auto *dismiss = new QPushButton(tr("Dismiss"), banner);
    dismiss->setObjectName(u"alertDismissButton"_s);
    connect(dismiss, &QPushButton::clicked, banner, &QWidget::hide);
    auto *row = new QHBoxLayout(banner);
    row->setContentsMargins(12, 6, 12, 6);
    row->addWidget(m_alertText, 1);
    row->addWidget(dismiss);
    banner->hide();
    return banner;
}

void MainWindow::showAlert(qint64 orderId, const QString &kind)
{
    QString orderNo;
    if (m_services.orders) {
        if (const auto order = m_services.orders->order(orderId))
            orderNo = order->orderNo;
    }
    m_alertText->setText(
        tr("Alert: %1 — order %2. Tell a manager; Reports lists it.")
            .arg(DisplayText::alertKind(kind), orderNo.isEmpty() ? tr("unknown") : orderNo));
    m_alertBanner->show();
    ErrorSound::play();
}

QLabel *MainWindow::buildDatabaseBanner(QWidget *parent)
{
    auto *banner = new QLabel(tr("The database server is unreachable. Payments are paused "
                                 "until it is back; reconnecting…"),
                              parent);
    banner->setObjectName(u"databaseBanner"_s);
    banner->setAlignment(Qt::AlignCenter);
    banner->setWordWrap(true);
    banner->setStyleSheet(u"background: #c5221f; color: white; font-size: 14pt; "
                          "font-weight: bold; padding: 6px;"_s);
    banner->setVisible(m_services.database && !m_services.database->isAvailable());
    return banner;
}

void MainWindow::setDatabaseAvailable(bool available)
{
    m_databaseBanner->setVisible(!available);
    if (m_checkoutPage)
        m_checkoutPage->setDatabaseAvailable(available);
    statusBar()->showMessage(available ? tr("The database server is back.")
                                       : tr("The database server is unreachable."),
                             available ? 5000 : 0);
}

void MainWindow::followChanges()
{
    if (m_checkoutPage)
        m_checkoutPage->refreshPayment();
    if (m_historyPage && m_historyPage->isVisible())
        m_historyPage->refresh();
    if (m_reportsPage && m_reportsPage->isVisible())
        m_reportsPage->refresh();
}

void MainWindow::buildMenus()
{
    QMenu *session = menuBar()->addMenu(tr("&Session"));
    m_signInAction = session->addAction(tr("Sign &in / switch user…"));
    m_signInAction->setObjectName(u"signInAction"_s);
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    m_signOutAction = session->addAction(tr("Sign &out"));
    m_signOutAction->setObjectName(u"signOutAction"_s);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
}

bool MainWindow::saleInProgress() const
{
    return m_checkoutPage && m_checkoutPage->saleInProgress();
}

void MainWindow::clearPages()
{
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page; // at once: nothing may still find the old cashier's counter
    }
    m_checkoutPage = nullptr;
    m_historyPage = nullptr;
    m_productsPage = nullptr;
    m_reportsPage = nullptr;
    m_settingsPage = nullptr;
    m_shiftPage = nullptr;
}

bool MainWindow::setStaff(const Staff &staff)
{
    if (saleInProgress()) {
        statusBar()->showMessage(tr("Finish or cancel the open payment first."), 5000);
        return false;
    }
    // The cart belongs to the customer at the counter, not to whoever signs in: it waits
    // through a locked screen and goes to the next person's counter.
    if (m_checkoutPage)
        m_keptCart = m_checkoutPage->cartItems();
    clearPages();
    m_staff = staff;
    if (!staff.isSignedIn()) {
        // Until the first manager exists the till sells as before users existed (the
        // set-up keeps being offered); from then on, nobody signed in means locked.
        if (m_services.users->hasUsers()) {
            m_stack->setCurrentWidget(m_lockedPage);
            updateSessionUi();
        } else {
            showCounterOnly();
            if (m_signOutAction)
                m_signOutAction->setEnabled(false);
        }
        return true;
    }
    PosServices services = m_services;
    services.staff = staff;
    services.operatorName = staff.name();
    services.paymentOptions.operatorName = staff.name();
    m_checkoutPage = new CheckoutPage(services, m_tabs);
    m_checkoutPage->setTouchFriendly(m_touch);
    m_tabs->addTab(m_checkoutPage, tr("Checkout"));
    if (m_services.shifts && staff.can(Permission::Sell)) {
        m_shiftPage = new ShiftPage(services, m_tabs);
        m_tabs->addTab(m_shiftPage, tr("Shift"));
    }
    if (m_services.history && staff.can(Permission::ViewOwnHistory)) {
        m_historyPage =
            new HistoryPage(m_services.history, staff, m_services.checkout->clock(), m_tabs);
        m_historyPage->setReceiptDesk(m_services.receipts);
        m_historyPage->setRefunds(services);
        m_tabs->addTab(m_historyPage,
                       staff.can(Permission::ViewAllHistory) ? tr("History") : tr("My orders"));
    }
    if (m_services.reports && staff.can(Permission::ViewReports)) {
        m_reportsPage = new ReportsPage(m_services.reports, staff, m_services.shopName,
                                        m_services.checkout->clock(), m_tabs);
        m_reportsPage->setServices(services);
        m_tabs->addTab(m_reportsPage, tr("Reports"));
    }
    if (m_services.products && staff.can(Permission::ManageProducts)) {
        m_productsPage = new ProductsPage(services, m_tabs);
        connect(m_productsPage, &ProductsPage::productsChanged, m_checkoutPage,
                &CheckoutPage::reloadProducts);
        m_tabs->addTab(m_productsPage, tr("Products"));
    }
    if (staff.can(Permission::ChangeSettings)) {
        m_settingsPage =
            new SettingsPage(m_services.settings, m_services.users, staff,
                             m_services.checkout->clock().zone(), m_services.training, m_tabs);
        m_tabs->addTab(m_settingsPage, tr("Settings"));
    }
    m_stack->setCurrentWidget(m_tabs);
    m_tabs->setCurrentWidget(m_checkoutPage);
    m_checkoutPage->restoreCart(std::exchange(m_keptCart, {}));
    updateSessionUi();
    m_checkoutPage->setFocus();
    return true;
}

void MainWindow::updateSessionUi()
{
    if (m_staff.isSignedIn())
        m_operatorLabel->setText(
            tr("Operator: %1 (%2)")
                .arg(m_staff.name(), m_staff.isManager() ? tr("manager") : tr("cashier")));
    else
        m_operatorLabel->setText(tr("Signed out"));
    if (m_signOutAction)
        m_signOutAction->setEnabled(m_staff.isSignedIn());
}

void MainWindow::signIn()
{
    if (!m_services.users || (m_signInDialog && m_signInDialog->isVisible()))
        return;
    if (saleInProgress()) {
        statusBar()->showMessage(tr("Finish or cancel the open payment first."), 5000);
        return;
    }
    // Non-blocking, so the event loop (payments, notifications) keeps running under it.
    if (!m_services.users->hasUsers()) {
        auto *setup = new ManagerSetupDialog(*m_services.users, this);
        setup->setObjectName(u"managerSetupDialog"_s);
        m_signInDialog = setup;
        connect(setup, &QDialog::accepted, this, [this, setup] { setStaff(setup->staff()); });
    } else {
        auto *login = new LoginDialog(*m_services.users, this);
        login->setObjectName(u"loginDialog"_s);
        if (m_staff.isSignedIn())
            login->selectUser(m_staff.name());
        m_signInDialog = login;
        connect(login, &QDialog::accepted, this, [this, login] { setStaff(login->staff()); });
    }
    m_signInDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_signInDialog->open();
}

void MainWindow::signOut()
{
    if (!m_staff.isSignedIn() || !setStaff(Staff()))
        return;
    signIn();
}

} // namespace shouyin
