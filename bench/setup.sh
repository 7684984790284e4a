#!/usr/bin/env bash
# Installs what bench/sites.mjs measures against: the Go 1.19 standard library source
# (/usr/share/go-1.19/src) and the Go toolchain that computes the go/ast ground truth (also for
# the project part, which reads ../shared/repos/inference-sim.bundle).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update
$SUDO apt-get install -y golang-go golang-1.19-src
