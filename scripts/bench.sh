#!/usr/bin/env bash
# The benchmark command (not part of the tests): builds the release app, loads
# dataset L into a real Chromium and prints the figures BENCHMARKS.md records.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --test
source scripts/env.sh
# On the host: the CSV reader, the segments' work for 50,000 buyers, global search on L.
cargo run --release -q -p daftar-core --example csv_speed
cargo run --release -q -p daftar-core --example lifetime_speed
cargo run --release -q -p daftar-core --example search_speed
# In headless Chromium: the same buyers, paced as the segments page paces them.
cargo test -p daftar --target wasm32-unknown-unknown --release --test lifetime_bench -- --nocapture
trunk build --release
node tests/bench/run.mjs "$@"
node tests/bench/survey_link.mjs "$@"
node tests/bench/warranty.mjs "$@"
node tests/bench/sync.mjs "$@"
node tests/bench/search.mjs "$@"
node tests/bench/reports.mjs "$@"
