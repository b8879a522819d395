#!/usr/bin/env bash
# Trunk post_build hook: builds the survey link page (src/bin/survey_page.rs)
# as its own small wasm into <dist>/s/, so a customer's phone downloads only
# the survey, never the CRM. Names carry a content hash, like Trunk's own.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run me from a Trunk hook}"
profile="${TRUNK_PROFILE:-debug}"
flags=()
[ "$profile" = release ] && flags=(--release)
# Without the app's SIMD (.cargo/config.toml), for customers' older phones.
unset CARGO_ENCODED_RUSTFLAGS
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=-simd128" cargo build "${flags[@]}" --quiet --target wasm32-unknown-unknown --bin survey_page
out="$TRUNK_STAGING_DIR/s"
mkdir -p "$out"
wasm="target/wasm32-unknown-unknown/$profile/survey_page.wasm"
name="survey-$(sha256sum "$wasm" | cut -c1-16)"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    -o "$out/${name}_bg.wasm" "$out/${name}_bg.wasm"
fi
css="survey-$(cat style/base.css style/survey.css | sha256sum | cut -c1-16).css"
cat style/base.css style/survey.css > "$out/$css"
sed -e "s/__JS__/$name.js/g" -e "s/__WASM__/${name}_bg.wasm/g" -e "s/__CSS__/$css/g" survey/index.html > "$out/index.html"
echo "survey page: $(du -k "$out/${name}_bg.wasm" | cut -f1) KB wasm"
