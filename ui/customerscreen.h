#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QScreen;

namespace shouyin {

class CustomerDisplay;
class MainWindow;

// Puts the customer display on the screen that faces the customer, and keeps it showing
// whichever counter the main window has (a new one for every cashier who signs in).
//
// The customer's screen is any screen but the one holding the main window, or the one a
// shop chose by index. A till with one screen shows nothing and changes nothing: no
// window is made. Screens plugged in or out, or the main window moving, choose again.
class CustomerScreen : public QObject
{
    Q_OBJECT
public:
    enum class Choice {
        Auto,  // the first screen the main window is not on
        Off,   // never
        Index, // QGuiApplication::screens()[index], unless the main window is on it
    };
    Q_ENUM(Choice)

    CustomerScreen(MainWindow *window, bool training, const QString &shopName,
                   QObject *parent = nullptr);
    ~CustomerScreen() override;

    void setChoice(Choice choice, int index = 0);
    CustomerDisplay *display() const { return m_display.get(); } // null: no customer screen
    QScreen *screen() const;

private:
    // `gone`: a screen on its way out, never chosen.
    QScreen *choose(QScreen *gone = nullptr) const;
    void place(QScreen *gone = nullptr);
    void followPage();
    void watchWindowScreen();

    QPointer<MainWindow> m_window;
    bool m_training;
    QString m_shopName;
    Choice m_choice = Choice::Auto;
    int m_index = 0;
    std::unique_ptr<CustomerDisplay> m_display;
    bool m_watchingWindow = false;
};

} // namespace shouyin
