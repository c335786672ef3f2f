#include "scancatcher.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace shouyin {

namespace {

// Longer than any code a counter scans (GS1-128 tops out at 48): a key held down is
// not a scan.
constexpr qsizetype kMaxCodeLength = 64;

bool typesText(const QWidget *widget)
{
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->isEditable();
    return qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QTextEdit *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget);
}

bool isCodeCharacter(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

} // namespace

ScanCatcher::ScanCatcher(QWidget *scope)
    : QObject(scope)
    , m_scope(scope)
{
    qApp->installEventFilter(this);
}

ScanCatcher::~ScanCatcher()
{
    qApp->removeEventFilter(this);
}

bool ScanCatcher::inScope() const
{
    if (!m_scope || !m_scope->isVisible())
        return false;
    const QWidget *active = QApplication::activeWindow();
    // Offscreen and window-manager-less sessions may have no active window at all: the
    // focus widget still says where the keys go.
    if (!active)
        active = QApplication::focusWidget() ? QApplication::focusWidget()->window() : nullptr;
    if (!active)
        return false;
    if (active == m_scope->window())
        return true;
    // A dialog the scope opened (the payment dialog), not any dialog of its window: keys
    // typed into a manager's dialog are that dialog's.
    for (const QWidget *w = active->parentWidget(); w; w = w->parentWidget()) {
        if (w == m_scope)
            return true;
    }
    return false;
}

bool ScanCatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    // Each key reaches the filter once per widget it propagates through: look at it once,
    // where it was sent first (the focus widget, or the window when nothing has focus).
    const QWidget *focus = QApplication::focusWidget();
    if (watched != (focus ? static_cast<const QObject *>(focus) : watched))
        return QObject::eventFilter(watched, event);
    if (typesText(focus) || !inScope()) {
        m_buffer.clear();
        return QObject::eventFilter(watched, event);
    }
    return take(*static_cast<QKeyEvent *>(event)) || QObject::eventFilter(watched, event);
}

bool ScanCatcher::take(const QKeyEvent &key)
{
    const Qt::KeyboardModifiers others =
        key.modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (others != Qt::NoModifier) {
        m_buffer.clear();
        return false;
    }
    if (key.key() == Qt::Key_Return || key.key() == Qt::Key_Enter) {
        if (m_buffer.isEmpty())
            return false; // a plain Enter: the widget's own
        Q_EMIT scanned(std::exchange(m_buffer, QString()));
        return true;
    }
    const QString text = key.text();
    // A dash inside a code is part of it (a receipt's order number, "T01-20261123-0007");
    // alone it stays the cart's minus key.
    const bool codeCharacter = text.size() == 1 && (isCodeCharacter(text.at(0)) ||
                                                    (text.at(0) == u'-' && !m_buffer.isEmpty()));
    if (codeCharacter && m_buffer.size() < kMaxCodeLength) {
        m_buffer.append(text);
        return true;
    }
    m_buffer.clear(); // any other key: what came before was typing, not a scan
    return false;
}

} // namespace shouyin
