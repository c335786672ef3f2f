#pragma once

#include "util/result.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace shouyin::inicheck {

// Section name -> the settings it may hold.
using Schema = QHash<QString, QSet<QString>>;

// The settings AppConfig and the Settings page read and write.
const Schema &shouyinSchema();

// Reads `text` (the INI file) line by line the way a shop owner wrote it: a section
// whose name is off by case ("[Merchant]"), an unknown section or setting, or a line
// that is neither a section, a setting nor a comment is an error naming its line.
// Without this, QSettings ignores all of them, and a misspelt [merchant] starts a
// training till. Values are never repeated in a message: a garbled line may hold a key.
Status check(const QByteArray &text, const Schema &schema);

} // namespace shouyin::inicheck
