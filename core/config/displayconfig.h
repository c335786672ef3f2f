#pragma once

#include "util/result.h"

class QSettings;

namespace shouyin {

// How the till's screens are used, from [display]:
//
//   kiosk=false            true: the counter takes the whole screen (full screen, no
//                          desktop to go back to); false: maximized
//   touch=false            true: larger text and keys, for a touch screen
//   customer_screen=auto   the screen facing the customer (客显): auto (any screen but the
//                          counter's), off, or a screen's number counted from 0
struct DisplayConfig
{
    enum class CustomerScreen { Auto, Off, Index };

    bool kiosk = false;
    bool touch = false;
    CustomerScreen customerScreen = CustomerScreen::Auto;
    int customerScreenIndex = 0;

    static Result<DisplayConfig> load(const QSettings &ini);
};

} // namespace shouyin
