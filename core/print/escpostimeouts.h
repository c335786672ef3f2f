#pragma once

#include <chrono>

namespace shouyin {

// How long a receipt printer gets for each step of a job. Tests make them short; a till
// keeps the defaults.
struct EscPosTimeouts
{
    // Reaching a network printer (DNS and TCP).
    std::chrono::milliseconds connect{3000};
    // Handing all of a job to the printer, and closing the link after it. A USB printer
    // out of paper stops taking data; so does a network printer whose buffer is full.
    std::chrono::milliseconds write{15000};
    // Waiting for the answer to each status request before a job. Many printers never
    // answer; they print all the same, having cost this long. Zero: do not ask.
    std::chrono::milliseconds statusAnswer{400};
};

} // namespace shouyin
