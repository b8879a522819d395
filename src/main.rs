// Search relies on WebAssembly SIMD (.cargo/config.toml). A RUSTFLAGS set in
// the environment replaces that setting and would make search about three
// times slower without a word: refuse to build instead.
#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128")))]
compile_error!("build the app with -C target-feature=+simd128: a RUSTFLAGS in the environment replaces .cargo/config.toml's");

fn main() {
    daftar::start();
}
