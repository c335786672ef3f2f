#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QWidget>

class QKeyEvent;

namespace shouyin {

// A barcode scanner is a keyboard: it types the code and presses Enter into whatever has
// the focus. The catcher takes those keystrokes wherever the focus is not a text field
// (the cart, a button, the payment dialog) and hands the code over whole, so that no scan
// vanishes into a widget that ignores digits. Text fields keep their own typing.
//
// It watches the application's key events while `scope`'s window, or a dialog `scope`
// itself opened, is the active window.
class ScanCatcher : public QObject
{
    Q_OBJECT
public:
    explicit ScanCatcher(QWidget *scope);
    ~ScanCatcher() override;

Q_SIGNALS:
    void scanned(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool inScope() const;
    bool take(const QKeyEvent &key);

    QPointer<QWidget> m_scope;
    QString m_buffer;
};

} // namespace shouyin
