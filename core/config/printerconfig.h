#pragma once

#include "receipt/receipt.h"
#include "util/result.h"

#include <QString>

class QSettings;

namespace shouyin {

// Where the till prints its receipts and how, from the INI file:
//
//   [shop]     name=…  address=…   (the top of every receipt)
//   [printer]  receipt=tcp://192.168.1.87:9100 | file:/dev/usb/lp0 | serial:/dev/ttyUSB0@19200
//                      (an ESC/POS receipt printer: network, USB device, serial line)
//                    | system | system:NAME  (a printer of the system's print service, CUPS)
//                    | pdf:DIRECTORY          (a PDF file per receipt)
//                    | none
//              paper=58|80  print_receipts=always|ask|never  drawer=printer|none
struct PrinterConfig
{
    enum class Kind { None, EscPos, System, Pdf };
    enum class Policy { Always, Ask, Never };

    Kind kind = Kind::None;
    // The ESC/POS spelling as written (print/escpostarget.h; checked when read), the
    // system printer's name (empty: the default printer), or the PDF directory.
    QString target;
    PaperWidth paper = PaperWidth::Mm58;
    Policy policy = Policy::Always;
    // The cash drawer hangs on the receipt printer's kick connector (ESC/POS only).
    bool drawer = true;
    QString shopName;
    QString address;

    bool printsReceipts() const { return kind != Kind::None && policy != Policy::Never; }
    bool hasDrawer() const { return kind == Kind::EscPos && drawer; }

    // The [printer] and [shop] settings; every mistake is a Config error naming its key.
    static Result<PrinterConfig> load(const QSettings &ini);
    // Only where receipts go, from its `receipt=` spelling (the rest as by default).
    static Result<PrinterConfig> forReceipt(const QString &receiptSetting);
    // Training prints every receipt as a PDF into `directory`, on 58 mm paper.
    static PrinterConfig trainingDefaults(const QString &directory);
    // The `receipt=` spelling of this configuration, for the Settings page.
    QString receiptSetting() const;
};

} // namespace shouyin
