#!/usr/bin/env bash
# Installs what is missing, then runs every test layer:
#   1. host tests of daftar-core (rules, store conformance on memory, locale)
#   2. browser tests: wasm-bindgen-test in headless Chromium (IndexedDB conformance, migrations,
#      how background work gives way to the user)
#   3. end-to-end: Playwright driving the release build in Debian's Chromium
# Stops at the first failing layer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --test
source scripts/env.sh

echo "== 1/3 host tests (daftar-core)"
cargo test -p daftar-core

echo "== 2/3 browser tests (IndexedDB, pace; headless Chromium)"
cargo test -p daftar --target wasm32-unknown-unknown --test idb_store --test pace

echo "== 3/3 end-to-end (Playwright, release build)"
trunk build --release
npx playwright test
