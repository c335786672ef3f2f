#pragma once

#include "print/escposcommands.h"
#include "print/escpostarget.h"
#include "util/result.h"

// The errors of a print job, worded for a shop owner and naming the printer. Internal to
// core/print.
namespace shouyin::escposerrors {

Error notAnswering(const EscPosTarget &target); // PrinterOffline
Error unknownHost(const EscPosTarget &target);  // PrinterOffline
Error notAllowed(const EscPosTarget &target);   // PrinterOffline
Error busy(const EscPosTarget &target);         // PrinterOffline
Error stalled(const EscPosTarget &target);      // PrinterFailed: it stopped taking data
Error hungUp(const EscPosTarget &target);       // PrinterFailed: gone in mid-job
Error paperOut(const EscPosTarget &target);     // PrinterPaperOut

// A failed open() or write() of a device: errno as a shop owner can act on it.
Error fromOpenErrno(const EscPosTarget &target, int error);
Error fromWriteErrno(const EscPosTarget &target, int error);

// Whether a printer that told `status` can print: paper out, cover open or a fault are
// errors; an offline printer that gives no reason, or paper near its end, only warnings
// in the log (it buffers the job and prints once ready).
Status statusVerdict(const EscPosTarget &target, const EscPosPrinterStatus &status);

} // namespace shouyin::escposerrors
