#include "print/escposerrors.h"

#include "print/escposlog.h"

#include <QCoreApplication>

#include <cerrno>

namespace shouyin::escposerrors {

namespace {

Error offline(const QString &message)
{
    return Error{ErrorCode::PrinterOffline, message};
}

Error failed(const QString &message)
{
    return Error{ErrorCode::PrinterFailed, message};
}

} // namespace

Error notAnswering(const EscPosTarget &target)
{
    return offline(QCoreApplication::translate(
                       "EscPosPrinter",
                       "The receipt printer at %1 does not answer: is it switched on and "
                       "connected?")
                       .arg(describe(target)));
}

Error unknownHost(const EscPosTarget &target)
{
    return offline(QCoreApplication::translate(
                       "EscPosPrinter",
                       "The receipt printer at %1 cannot be found on the network: is its name "
                       "spelt right?")
                       .arg(describe(target)));
}

Error notAllowed(const EscPosTarget &target)
{
    return offline(QCoreApplication::translate(
                       "EscPosPrinter",
                       "The till may not use the receipt printer at %1: its user needs to be in "
                       "the printer's group (lp for USB, dialout for serial).")
                       .arg(describe(target)));
}

Error busy(const EscPosTarget &target)
{
    return offline(QCoreApplication::translate(
                       "EscPosPrinter", "The receipt printer at %1 is in use by another program.")
                       .arg(describe(target)));
}

Error stalled(const EscPosTarget &target)
{
    return failed(QCoreApplication::translate(
                      "EscPosPrinter",
                      "The receipt printer at %1 stopped taking the job: is it out of paper, or "
                      "is its cover open?")
                      .arg(describe(target)));
}

Error hungUp(const EscPosTarget &target)
{
    return failed(
        QCoreApplication::translate("EscPosPrinter",
                                    "The receipt printer at %1 went away in the middle of a job.")
            .arg(describe(target)));
}

Error paperOut(const EscPosTarget &target)
{
    return Error{
        ErrorCode::PrinterPaperOut,
        QCoreApplication::translate("EscPosPrinter", "The receipt printer at %1 is out of paper.")
            .arg(describe(target))};
}

Error fromOpenErrno(const EscPosTarget &target, int error)
{
    switch (error) {
    case ENOENT:
        return offline(QCoreApplication::translate(
                           "EscPosPrinter",
                           "There is no receipt printer at %1: is it plugged in and switched on?")
                           .arg(describe(target)));
    case ENXIO:  // a device with nothing behind it, a FIFO nobody reads
    case ENODEV: // unplugged
        return notAnswering(target);
    case EACCES:
    case EPERM:
    case EROFS:
        return notAllowed(target);
    case EBUSY:
        return busy(target);
    default:
        return offline(QCoreApplication::translate(
                           "EscPosPrinter", "The receipt printer at %1 cannot be opened: %2.")
                           .arg(describe(target), qt_error_string(error)));
    }
}

Error fromWriteErrno(const EscPosTarget &target, int error)
{
    switch (error) {
    case ENOSPC: // what the USB printer driver says of a printer out of paper
        return paperOut(target);
    case ENODEV:
    case ENXIO:
        return offline(QCoreApplication::translate(
                           "EscPosPrinter",
                           "The receipt printer at %1 went away in the middle of a job: is it "
                           "plugged in?")
                           .arg(describe(target)));
    case EPIPE:
        return hungUp(target);
    default:
        return failed(QCoreApplication::translate(
                          "EscPosPrinter", "The receipt printer at %1 failed to take the job: %2.")
                          .arg(describe(target), qt_error_string(error)));
    }
}

Status statusVerdict(const EscPosTarget &target, const EscPosPrinterStatus &status)
{
    if (status.paperOut)
        return paperOut(target);
    if (status.coverOpen)
        return failed(QCoreApplication::translate("EscPosPrinter",
                                                  "The cover of the receipt printer at %1 is open.")
                          .arg(describe(target)));
    if (status.fault)
        return failed(QCoreApplication::translate(
                          "EscPosPrinter",
                          "The receipt printer at %1 reports an error: a paper jam, the cutter, or "
                          "it is too hot.")
                          .arg(describe(target)));
    if (status.paperNearEnd)
        qCWarning(lcPrint) << "the receipt printer at" << describe(target)
                           << "is nearly out of paper";
    if (!status.online)
        qCWarning(lcPrint) << "the receipt printer at" << describe(target)
                           << "is offline for no reason it gives; sending the job all the same";
    return success();
}

} // namespace shouyin::escposerrors
