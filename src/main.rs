fn main() {
    daftar::start();
}
