#!/usr/bin/env bash
# Installs what Daftar needs and is missing; skips what is present at the right version.
# Usage: scripts/install.sh          build tools (wasm target, wasm-bindgen-cli, trunk, npm wasm-opt)
#        scripts/install.sh --test   also chromium, chromium-driver and the npm test packages
# Nothing here downloads a binary from outside the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14

say() { printf '[install] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # No --locked: its lockfile pins a webpki-roots the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  # --locked: without it lightningcss/cssparser resolve to versions that do not build together.
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# npm packages (wasm-opt from binaryen, @playwright/test) are pinned in package.json and
# package-lock.json; `npm ci` runs only when node_modules is missing or older than the lock.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.install-stamp ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  touch node_modules/.install-stamp
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver from Debian"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || { say "need root (or sudo) to apt-get install chromium chromium-driver"; exit 1; }
      sudo="sudo"
    fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
  fi
fi
say "all tools present"
