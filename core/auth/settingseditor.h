#pragma once

#include "auth/staff.h"
#include "util/result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace shouyin {

// The till's settings as the manager edits them on the Settings page. The merchant API
// key goes in, but never comes back out: `keyHint` shows only its last characters.
struct ShopSettings
{
    QString terminalId = QStringLiteral("T01");
    QString appId; // empty together with merchantId: training mode
    QString merchantId;
    QString keyHint;   // read only: "…cdef", empty when no key is stored
    QByteArray newKey; // write only: empty keeps the stored key
    QString gateway = QStringLiteral("https://api.mch.weixin.qq.com");
    QString signType = QStringLiteral("HMAC-SHA256");
    QString notifyListen; // "127.0.0.1:8089", empty: no listener
    QString notifyPublicUrl;
    int lifetimeMinutes = 10;
    int timeoutSeconds = 10;
    QString defaultProvider = QStringLiteral("wechat");
    QString language; // "zh_CN", "en", empty: the system's
    // Receipts ([shop], [printer]): see config/printerconfig.h for the spellings.
    QString shopName;
    QString shopAddress;
    QString receiptPrinter; // empty: not set (training prints PDFs, a shop nothing)
    QString paper = QStringLiteral("58");
    QString printReceipts = QStringLiteral("always");
    QString drawer = QStringLiteral("printer");
};

// Reads and writes the configuration file (the INI that AppConfig reads at start) for a
// manager, and only for a manager. A change is checked by AppConfig itself before it
// replaces the file, so a till can never be left with settings it refuses to start
// with; comments and unknown keys in the file are kept. The key is written to its own
// owner-only file next to the INI (key_file=), never into the INI, logs or database.
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

    Result<ShopSettings> load(const Staff &staff) const;
    Status save(const Staff &staff, const ShopSettings &settings);

    // "…cdef": enough to recognise a key, not to use it.
    static QString keyHint(const QByteArray &key);

private:
    QString language() const;
    void setLanguage(const QString &language);

    QString m_iniPath;
    QString m_preferencesPath;
};

} // namespace shouyin
