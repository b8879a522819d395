# Sourced by the other scripts: puts the project's tools first on PATH.
# node_modules/.bin holds wasm-opt (binaryen) and playwright; ~/.cargo/bin trunk and wasm-bindgen.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
