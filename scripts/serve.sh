#!/usr/bin/env bash
# Installs what is missing, builds Daftar (release, with the service worker) and
# serves it on http://127.0.0.1:8080 — or the port given as the first argument.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
source scripts/env.sh
exec trunk serve --release --port "${1:-8080}"
