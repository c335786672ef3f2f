#!/usr/bin/env bash
# Installs the Debian 12 / Ubuntu 24.04 packages Shouyin needs to build, run and test,
# skipping those already installed. Sourced by scripts/run and scripts/test.
set -euo pipefail

SHOUYIN_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-charts-dev libqt6opengl6-dev
    # The counter's error tone (QAudioSink).
    qt6-multimedia-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libgl-dev libssl-dev libqrencode-dev
    libhttp-parser-dev libzbar-dev
    # Pinyin search of the product list (ICU's Han-Latin transliterator).
    libicu-dev
    # Packaging and translations: dpkg-shlibdeps (and the file(1) CPack runs before it),
    # the .ts checker, the desktop/AppStream validators, and what the installed package
    # needs at run time (Qt's window plugins and a CJK font, the small one of the
    # package's font alternatives).
    dpkg-dev file python3 desktop-file-utils appstream qt6-qpa-plugins fonts-wqy-microhei
    # Several tills on one server: the tests run every store, checkout and scheduler suite
    # against a throw-away PostgreSQL cluster too (scripts/pg-test-server).
    postgresql
    # The second test run: the clock moved a year ahead (libfaketime), in zones far from
    # Shanghai's (the time-zone database).
    faketime tzdata
    # Receipt printers on a serial line (QSerialPort); the system print path tested
    # through a throw-away CUPS spooler with a PDF printer, whose output is read back as
    # text (pdftotext).
    qt6-serialport-dev cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils
    fonts-dejavu-core
    # A real X server with no window manager (kiosk keys, the customer's second screen),
    # and keys typed through it.
    xvfb xdotool
)

shouyin_install_deps() {
    local missing=()
    for package in "${SHOUYIN_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

shouyin_configure_and_build() {
    local build_dir=$1
    shift
    cmake -S "$SHOUYIN_ROOT" -B "$build_dir" -G Ninja "$@"
    cmake --build "$build_dir" --parallel "$(nproc)"
}
