#pragma once

#include "auth/settingsvalidator.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>

class QLabel;
class QLineEdit;
class QWidget;

namespace shouyin {

// The Settings page's fields and the message that stands under each when the settings
// are refused, so that the manager sees what is wrong where it is to be fixed — also
// inside the folded "Advanced" group, which opens for it.
class SettingsFields
{
    Q_DECLARE_TR_FUNCTIONS(shouyin::SettingsFields)
public:
    // `input` with its message under it: what goes into the form. The form's label
    // (whose buddy becomes this) gives its focus to `input`. `reveal` makes the field
    // visible when it is folded away.
    QWidget *attach(SettingsField field, QWidget *input, std::function<void()> reveal = {});

    void clear();
    // Each problem next to its field, the first field focused; the text that says so in
    // one line, naming every field.
    QString show(const QList<SettingsProblem> &problems);
    // The message shown under `field` now (empty: none), for tests and accessibility.
    QString messageOf(SettingsField field) const;

    // A line edit for a file's path with a button that picks one.
    static QWidget *withBrowseButton(QLineEdit *edit, const QString &filter);
    // A line edit as every settings box has them: named for tests, with its hint, narrow
    // enough for the page at 1024×768.
    static QLineEdit *lineEdit(QWidget *parent, const QString &name,
                               const QString &placeholder = {});

private:
    struct Entry
    {
        QWidget *input = nullptr;
        QLabel *message = nullptr;
        std::function<void()> reveal;
        int order = 0;
    };
    QMap<SettingsField, Entry> m_entries;
};

} // namespace shouyin
