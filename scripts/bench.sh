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
# Every area's benchmark in Chromium, each printing its own table; then all
# of their figures in one table, so a run compares at a glance with the
# history in BENCHMARKS.md.
out=$(mktemp -d)
for bench in run startup survey_link warranty sync search reports; do
  node "tests/bench/$bench.mjs" "$@" | tee "$out/$bench.txt"
done
echo
echo "All figures, $(date -u +%F), $(git rev-parse --short HEAD)"
echo "| benchmark | figure | value |"
echo "|---|---|---|"
for bench in run startup survey_link warranty sync search reports; do
  # The last table each printed: its rows, first cell the figure, the others joined.
  awk -v b="$bench" '/^$/ { n = 0; delete rows; next }
    /^\|/ && !/^\|---/ { rows[++n] = $0 }
    END { for (i = 2; i <= n; i++) { k = split(rows[i], c, "|"); v = ""
            for (j = 3; j < k; j++) { gsub(/^ +| +$/, "", c[j]); if (c[j] != "") v = v (v == "" ? "" : " · ") c[j] }
            gsub(/^ +| +$/, "", c[2]); print "| " b " | " c[2] " | " v " |" } }' "$out/$bench.txt"
done
rm -rf "$out"
