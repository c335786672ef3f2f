#pragma once

#include <QByteArray>

#include <initializer_list>

// The ESC/POS command bytes the receipt (escposreceipt.cpp) and the printer library
// (core/print) both send, spelt once. Callers outside those two use escposcommands.h.
namespace shouyin::escpos {

inline constexpr char kDle = 0x10;
inline constexpr char kEot = 0x04;
inline constexpr char kEsc = 0x1B;
inline constexpr char kGs = 0x1D;
inline constexpr char kFs = 0x1C;
inline constexpr char kLineFeed = 0x0A;

inline constexpr char kInitialize = '@'; // ESC @
inline constexpr char kAlign = 'a';      // ESC a n
inline constexpr char kAlignLeft = 0;
inline constexpr char kAlignCentre = 1;
inline constexpr char kEmphasis = 'E';      // ESC E n
inline constexpr char kPrintAndFeed = 'd';  // ESC d n
inline constexpr char kChineseMode = '&';   // FS &: double-byte characters from the hanzi font
inline constexpr char kCut = 'V';           // GS V m n
inline constexpr char kCutFeedPartial = 66; // feed to the cutter, then cut leaving a tab
inline constexpr char kFeedLinesBeforeCut = 4;

// ESC p m t1 t2: a pulse on the drawer kick-out connector, on for t1 × 2 ms, off for
// t2 × 2 ms. Pin 2 is where a till's drawer is wired; the times are what printers'
// manuals give for a drawer's solenoid.
inline constexpr char kDrawerPulse = 'p';
inline constexpr char kDrawerPin2 = 0;
inline constexpr char kDrawerOnUnits = 25;
inline constexpr unsigned char kDrawerOffUnits = 250;

// DLE EOT n answers one byte at once, even while the printer is offline or busy.
// Every answer has bits 1 and 4 set and bits 0 and 7 clear.
inline constexpr unsigned char kStatusFixedMask = 0x93;
inline constexpr unsigned char kStatusFixedBits = 0x12;

// QByteArray has no initializer-list constructor: {a, b} would pick QByteArray(size, ch).
inline QByteArray sequence(std::initializer_list<char> bytes)
{
    return QByteArray(bytes.begin(), qsizetype(bytes.size()));
}

} // namespace shouyin::escpos
