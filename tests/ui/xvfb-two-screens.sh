#!/bin/sh
# Runs a command on an X server of its own with two screens: the cashier's 1024×768 and a
# customer display of 800×600 (Xvfb, two X screens; Qt's xcb sees each as a QScreen).
#
#   xvfb-two-screens.sh COMMAND [ARG…]
#
# Xvfb picks a free display number itself (-displayfd), so that several runs and other
# X servers on the machine never collide. Exits 77 (ctest: skipped) without Xvfb.
#
# Why not one wide screen split in two: Xvfb 21 ignores RandR monitors set on it
# (xrandr --setmonitor), and +xinerama leaves Qt with a single QScreen.
set -eu

if ! command -v Xvfb >/dev/null 2>&1; then
    echo "xvfb-two-screens: Xvfb is not installed (package xvfb); skipped" >&2
    exit 77
fi

dir=$(mktemp -d)
xvfb_pid=
cleanup() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

Xvfb -displayfd 3 -nolisten tcp -noreset \
    -screen 0 1024x768x24 -screen 1 800x600x24 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb_pid=$!

tries=0
while [ ! -s "$dir/display" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
        echo "xvfb-two-screens: Xvfb did not start:" >&2
        cat "$dir/xvfb.log" >&2
        exit 1
    fi
    sleep 0.1
done

DISPLAY=":$(head -n 1 "$dir/display")"
QT_QPA_PLATFORM=xcb
export DISPLAY QT_QPA_PLATFORM
unset WAYLAND_DISPLAY || true
status=0
"$@" || status=$?
exit "$status"
