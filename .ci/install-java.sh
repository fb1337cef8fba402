#!/bin/sh
# Install a Java runtime for the Spark integration test (tests/test_spark.py) when none is found.
# Safe to run repeatedly: does nothing when `java` is already on the PATH.
set -eu

if command -v java >/dev/null 2>&1; then
    echo "install-java: $(java -version 2>&1 | head -n 1) already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-java: not root and no sudo; cannot install Java" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y openjdk-17-jre-headless
echo "install-java: installed $(java -version 2>&1 | head -n 1)"
