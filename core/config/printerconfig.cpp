#include "printerconfig.h"

#include "print/escpostarget.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace shouyin {

namespace {

Error configError(const QString &message)
{
    return Error{ErrorCode::Config, message};
}

Status readReceiptTarget(const QString &value, PrinterConfig &config)
{
    if (value.isEmpty() || value == u"none") {
        config.kind = PrinterConfig::Kind::None;
        return success();
    }
    if (value.startsWith(u"tcp://") || value.startsWith(u"file:") || value.startsWith(u"serial:")) {
        // Checked in full now: a typo is a clear error at start, not a silent printer.
        if (auto target = parseEscPosTarget(value); !target)
            return configError(u"[printer] receipt: %1"_s.arg(target.error().message));
        config.kind = PrinterConfig::Kind::EscPos;
        config.target = value;
        return success();
    }
    if (value == u"system" || value.startsWith(u"system:")) {
        config.kind = PrinterConfig::Kind::System;
        config.target = value.mid(7);
        return success();
    }
    if (value.startsWith(u"pdf:") && value.size() > 4) {
        config.kind = PrinterConfig::Kind::Pdf;
        config.target = value.mid(4);
        return success();
    }
    return configError(u"[printer] receipt must be tcp://HOST:PORT, file:DEVICE, "
                       "serial:DEVICE@BAUD, system, system:NAME, pdf:DIRECTORY or none"_s);
}

} // namespace

Result<PrinterConfig> PrinterConfig::load(const QSettings &ini)
{
    PrinterConfig config;
    config.shopName = ini.value(u"shop/name"_s).toString().trimmed();
    config.address = ini.value(u"shop/address"_s).toString().trimmed();
    if (auto target =
            readReceiptTarget(ini.value(u"printer/receipt"_s).toString().trimmed(), config);
        !target)
        return target.error();

    const QString paper = ini.value(u"printer/paper"_s, u"58"_s).toString().trimmed();
    if (paper == u"58")
        config.paper = PaperWidth::Mm58;
    else if (paper == u"80")
        config.paper = PaperWidth::Mm80;
    else
        return configError(u"[printer] paper must be 58 or 80 (millimetres)"_s);

    const QString policy = ini.value(u"printer/print_receipts"_s, u"always"_s).toString().trimmed();
    if (policy == u"always")
        config.policy = Policy::Always;
    else if (policy == u"ask")
        config.policy = Policy::Ask;
    else if (policy == u"never")
        config.policy = Policy::Never;
    else
        return configError(u"[printer] print_receipts must be always, ask or never"_s);

    const QString drawer = ini.value(u"printer/drawer"_s, u"printer"_s).toString().trimmed();
    if (drawer != u"printer" && drawer != u"none")
        return configError(u"[printer] drawer must be printer (kicked through the receipt "
                           "printer) or none"_s);
    config.drawer = drawer == u"printer";
    return config;
}

Result<PrinterConfig> PrinterConfig::forReceipt(const QString &receiptSetting)
{
    PrinterConfig config;
    if (auto target = readReceiptTarget(receiptSetting.trimmed(), config); !target)
        return target.error();
    return config;
}

PrinterConfig PrinterConfig::trainingDefaults(const QString &directory)
{
    PrinterConfig config;
    config.kind = Kind::Pdf;
    config.target = directory;
    return config;
}

QString PrinterConfig::receiptSetting() const
{
    switch (kind) {
    case Kind::None:
        break;
    case Kind::EscPos:
        return target;
    case Kind::System:
        return target.isEmpty() ? u"system"_s : u"system:"_s + target;
    case Kind::Pdf:
        return u"pdf:"_s + target;
    }
    return u"none"_s;
}

} // namespace shouyin
