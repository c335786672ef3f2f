#include "displayconfig.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

Error displayError(const QString &message)
{
    return Error{ErrorCode::Config, message};
}

// QSettings reads "yes" as a string, not false: only the two words a shop is told.
Result<bool> readSwitch(const QSettings &ini, const QString &key)
{
    const QString value = ini.value(u"display/"_s + key, u"false"_s).toString().trimmed();
    if (value.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return false;
    return displayError(u"[display] %1 must be true or false"_s.arg(key));
}

} // namespace

Result<DisplayConfig> DisplayConfig::load(const QSettings &ini)
{
    DisplayConfig config;
    auto kiosk = readSwitch(ini, u"kiosk"_s);
    if (!kiosk)
        return kiosk.error();
    config.kiosk = *kiosk;
    auto touch = readSwitch(ini, u"touch"_s);
    if (!touch)
        return touch.error();
    config.touch = *touch;

    const QString screen = ini.value(u"display/customer_screen"_s, u"auto"_s).toString().trimmed();
    bool isNumber = false;
    const int index = screen.toInt(&isNumber);
    if (screen == u"auto") {
        config.customerScreen = CustomerScreen::Auto;
    } else if (screen == u"off") {
        config.customerScreen = CustomerScreen::Off;
    } else if (isNumber && index >= 0 && index < 16) {
        config.customerScreen = CustomerScreen::Index;
        config.customerScreenIndex = index;
    } else {
        return displayError(u"[display] customer_screen must be auto, off, or a screen's "
                            "number (0 is the first screen)"_s);
    }
    return config;
}

} // namespace shouyin
