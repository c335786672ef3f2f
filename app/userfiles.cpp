#include "userfiles.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace shouyin::userfiles {

namespace {

Q_LOGGING_CATEGORY(lcFiles, "shouyin.app.files")

const QString kTemplate = u":/config/shouyin.ini"_s;

bool makeDir(QStandardPaths::StandardLocation location, QString *path)
{
    *path = QStandardPaths::writableLocation(location);
    if (path->isEmpty() || !QDir().mkpath(*path)) {
        qCWarning(lcFiles) << "cannot create" << *path;
        return false;
    }
    return true;
}

} // namespace

QString prepare()
{
    QString dataDir;
    makeDir(QStandardPaths::AppDataLocation, &dataDir);
    QString configDir;
    if (!makeDir(QStandardPaths::AppConfigLocation, &configDir))
        return {};
    const QString config = QDir(configDir).filePath(u"shouyin.ini"_s);
    if (QFile::exists(config))
        return config;
    if (!QFile::copy(kTemplate, config)) {
        qCWarning(lcFiles) << "cannot write" << config;
        return {};
    }
    // The copy is as read-only as the resource it came from; the owner edits it, and it
    // may one day hold a merchant key, so nobody else may read it.
    QFile::setPermissions(config, QFile::ReadOwner | QFile::WriteOwner);
    qCInfo(lcFiles) << "wrote the configuration template" << config;
    return config;
}

} // namespace shouyin::userfiles
