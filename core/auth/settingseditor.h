#pragma once

#include "auth/settingsvalidator.h"
#include "auth/shopsettings.h"
#include "auth/staff.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace shouyin {

// Reads and writes the configuration file (the INI that AppConfig reads at start) for a
// manager, and only for a manager. A change is checked by AppConfig itself before it
// replaces the file, so a till can never be left with settings it refuses to start
// with; comments and unknown keys in the file are kept. The key is written to its own
// owner-only file next to the INI (key_file=), never into the INI, logs or database; so
// is the WeChat Pay API v3 key (api_v3_key_file=).
// The language is a per-user preference (QSettings "ui/language"), read by main().
// Changes take effect at the next start.
class SettingsEditor : public QObject
{
    Q_OBJECT
public:
    // `preferencesPath` empty: the application's default QSettings.
    explicit SettingsEditor(QString iniPath, QString preferencesPath = {},
                            QObject *parent = nullptr);

    QString iniPath() const { return m_iniPath; }
    QString keyFilePath() const;
    QString apiV3KeyFilePath() const;

    Result<ShopSettings> load(const Staff &staff) const;
    // Every field's problem, for the page to show next to the field; empty: save() will
    // write it. save() runs the same check first and refuses on any problem.
    QList<SettingsProblem> check(const ShopSettings &settings) const;
    Status save(const Staff &staff, const ShopSettings &settings);

    // "…cdef": enough to recognise a key, not to use it.
    static QString keyHint(const QByteArray &key);

private:
    SettingsOnFile onFile() const;
    QString language() const;
    void setLanguage(const QString &language);

    QString m_iniPath;
    QString m_preferencesPath;
};

} // namespace shouyin
