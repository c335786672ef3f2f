#include "settingsfields.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace shouyin {

QWidget *SettingsFields::attach(SettingsField field, QWidget *input, std::function<void()> reveal)
{
    // The row's label hands its mnemonic's focus on to the input itself.
    QWidget *focus = input->focusProxy() ? input->focusProxy() : input;
    auto *box = new QWidget(input->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    auto *message = new QLabel(box);
    message->setObjectName(focus->objectName() + u"Message"_s);
    message->setWordWrap(true);
    message->setStyleSheet(u"color: #b3261e;"_s);
    message->hide();
    layout->addWidget(message);
    box->setFocusProxy(focus);
    // The message goes as soon as the field is being corrected.
    if (auto *edit = qobject_cast<QLineEdit *>(focus))
        QObject::connect(edit, &QLineEdit::textEdited, message, &QLabel::hide);
    const int order = int(m_entries.size()); // the page attaches its fields top to bottom
    m_entries.insert(field, Entry{focus, message, std::move(reveal), order});
    return box;
}

void SettingsFields::clear()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        entry.message->clear();
        entry.message->hide();
    }
}

QString SettingsFields::show(const QList<SettingsProblem> &problems)
{
    clear();
    QStringList named;
    const Entry *first = nullptr;
    for (const SettingsProblem &problem : problems) {
        const QString name = SettingsValidator::fieldName(problem.field);
        const auto it = m_entries.constFind(problem.field);
        if (it == m_entries.cend()) {
            // A field of another box (the receipt printer): the message says it all.
            named.append(tr("%1: %2").arg(name, problem.message));
            continue;
        }
        named.append(name);
        if (it->reveal)
            it->reveal();
        QLabel *message = it->message;
        message->setText(message->text().isEmpty() ? problem.message
                                                   : message->text() + u'\n' + problem.message);
        message->show();
        if (!first || it->order < first->order)
            first = &*it;
    }
    if (first) // the topmost refused field, where the manager starts reading
        first->input->setFocus(Qt::OtherFocusReason);
    named.removeDuplicates();
    return tr("Nothing was saved. Correct these settings first: %1.").arg(named.join(u"; "_s));
}

QString SettingsFields::messageOf(SettingsField field) const
{
    const auto it = m_entries.constFind(field);
    return it == m_entries.cend() || it->message->isHidden() ? QString() : it->message->text();
}

QWidget *SettingsFields::withBrowseButton(QLineEdit *edit, const QString &filter)
{
    auto *box = new QWidget(edit->parentWidget());
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QToolButton(box);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose the file"));
    browse->setObjectName(edit->objectName() + u"Browse"_s);
    layout->addWidget(browse);
    box->setFocusProxy(edit);
    QObject::connect(browse, &QToolButton::clicked, edit, [edit, filter] {
        const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).path();
        const QString path =
            QFileDialog::getOpenFileName(edit, tr("Choose the file"), start, filter);
        if (!path.isEmpty()) {
            edit->setText(path);
            Q_EMIT edit->textEdited(path);
        }
    });
    return box;
}

QLineEdit *SettingsFields::lineEdit(QWidget *parent, const QString &name,
                                    const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setMinimumWidth(150);
    return edit;
}

} // namespace shouyin
