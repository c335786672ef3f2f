#pragma once

namespace shouyin {

// Keeps memory freed by a thread for that thread's next allocations instead of handing
// it straight back to the kernel. glibc trims a thread's heap as soon as 128 KiB at its
// top are free; the ledger thread frees and takes back about that much with every batch
// it commits (SQLite's savepoints, the batch itself), and each round trip (madvise, then
// a page fault per page touched again) cost it a third of its time under a flood of
// notifications. Up to a few MiB stay with the process instead, and blocks under 4 MiB
// (a frame, a rendered QR) come from the heap rather than a fresh mapping each time.
// Call once, first thing.
void keepFreedMemoryForReuse();

} // namespace shouyin
