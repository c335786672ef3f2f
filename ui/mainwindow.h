#pragma once

#include "checkout/cart.h"
#include "posservices.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace shouyin {

class CheckoutPage;
class HistoryPage;
class ProductsPage;
class ReportsPage;
class SettingsPage;
class ShiftPage;

// The till's window. In training mode it says so on every screen, so that nobody
// mistakes a simulated payment for money in the till.
//
// With a UserStore in the services, every sale is made by a signed-in person: a cashier
// gets the counter and their own orders; a manager also gets History, Reports and
// Settings. Signing out (or starting with nobody signed in) locks the window until
// someone signs in; nobody can switch user while a sale is being paid, and the cart
// itself stays at the counter for whoever signs in next. A till whose
// database has no user yet sells as before (as `operatorName`) and offers to set up
// the first manager until someone does. The pages only
// offer what the role allows; the core refuses the rest whatever a page asks.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const PosServices &services, QWidget *parent = nullptr);

    CheckoutPage *checkoutPage() const { return m_checkoutPage; }
    HistoryPage *historyPage() const { return m_historyPage; }
    ProductsPage *productsPage() const { return m_productsPage; }
    ReportsPage *reportsPage() const { return m_reportsPage; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    ShiftPage *shiftPage() const { return m_shiftPage; }
    QTabWidget *tabs() const { return m_tabs; }
    const Staff &staff() const { return m_staff; }

    // Shows the window as a till's: maximized, or full screen in a kiosk, with the
    // keyboard, whether or not a window manager runs.
    void showAtCounter(bool fullScreen);
    // Larger text and keys for a touch screen.
    void setTouchFriendly(bool touch);

public Q_SLOTS:
    // Rebuilds the pages for `staff` (nobody: the locked screen). False, and nothing
    // changes, while a payment is open.
    bool setStaff(const Staff &staff);
    void signIn(); // the sign-in dialog; on the very first start, the manager's set-up
    void signOut();

private:
    void buildMenus();
    void showCounterOnly(); // nobody signed in, and no sign-in possible or set up yet
    void clearPages();
    void updateSessionUi();
    bool saleInProgress() const; // at the counter: no change of user meanwhile
    QWidget *buildLockedPage();
    QLabel *buildDatabaseBanner(QWidget *parent);
    QWidget *buildAlertBanner(QWidget *parent);
    // An alert the funnel raised here (raised once per payment and kind): shown until
    // somebody dismisses it, never just logged.
    void showAlert(qint64 orderId, const QString &kind);
    void setDatabaseAvailable(bool available);
    void followChanges(); // another till (or this one) changed the shop's data

    PosServices m_services;
    Staff m_staff;
    QStackedWidget *m_stack;
    QTabWidget *m_tabs;
    QWidget *m_lockedPage;
    CheckoutPage *m_checkoutPage = nullptr;
    HistoryPage *m_historyPage = nullptr;
    ProductsPage *m_productsPage = nullptr;
    ReportsPage *m_reportsPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    ShiftPage *m_shiftPage = nullptr;
    QLabel *m_trainingBanner = nullptr;
    QLabel *m_databaseBanner = nullptr;
    QWidget *m_alertBanner = nullptr;
    QLabel *m_alertText = nullptr;
    QLabel *m_operatorLabel = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QPointer<QDialog> m_signInDialog;
    bool m_touch = false;
    // The cart of the counter while nobody is signed in.
    QList<CartItem> m_keptCart;
};

} // namespace shouyin
