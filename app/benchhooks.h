#pragma once

class QWidget;

namespace shouyin {

// For scripts/bench's cold-start figure: with SHOUYIN_BENCH_EXIT_WHEN_READY set in the
// environment, prints "bench: window ready" on the first event-loop turn after `window`
// was shown (when a cashier could first use it) and quits. Otherwise does nothing.
// Call right after window.show(), before app.exec().
void installBenchHooks(QWidget *window);

} // namespace shouyin
