#!/bin/sh
# Install a Debian package for an optional test when its command is missing:
#   .ci/apt-install.sh COMMAND PACKAGE     e.g. chromium chromium, java openjdk-17-jre-headless
# Safe to run repeatedly: does nothing when COMMAND is already on the PATH.
set -eu
COMMAND=$1
PACKAGE=$2

if command -v "$COMMAND" >/dev/null 2>&1; then
    echo "apt-install: $COMMAND already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "apt-install: not root and no sudo; cannot install $PACKAGE" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y "$PACKAGE"

if ! command -v "$COMMAND" >/dev/null 2>&1; then
    echo "apt-install: apt-get installed $PACKAGE but $COMMAND is still missing" >&2
    exit 1
fi
echo "apt-install: installed $PACKAGE"
