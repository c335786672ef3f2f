#pragma once

#include <QString>

namespace shouyin::userfiles {

// Where a till keeps its files: per user, through QStandardPaths, never inside the
// install prefix, so that the package manager never owns them and uninstalling leaves
// the shop's data in place.
//
//   configuration   AppConfigLocation/shouyin.ini    (Linux: ~/.config/Shouyin/shouyin/)
//   sales database  AppDataLocation/shouyin.sqlite   (Linux: ~/.local/share/Shouyin/shouyin/)
//
// Creates both folders and, on the first start, a configuration file whose settings are
// all commented out (training mode), for the shop owner to find and fill in. Returns the
// configuration file's path, or an empty string (with a warning) if it cannot be made.
QString prepare();

} // namespace shouyin::userfiles
