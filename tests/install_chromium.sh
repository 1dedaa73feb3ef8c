#!/usr/bin/env bash
# Install Debian's Chromium and its driver for the browser tests, when they are missing.
# Selenium is pointed at these two files; it never downloads a browser of its own.
# The emoji font only makes the 👍 / 👎 buttons look as users see them in the saved screenshot.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "chromium and chromium-driver are missing: install them as root" >&2; exit 1; }
  SUDO=sudo
fi
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-noto-color-emoji
