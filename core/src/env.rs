//! What a command needs from the outside world: the time and fresh randomness.
//! Passing it in keeps commands pure and lets tests and demo data be deterministic.

/// Source of the current time and of new record ids.
pub trait Env {
    /// Milliseconds since the Unix epoch, UTC.
    fn now_ms(&self) -> i64;
    /// Sixteen random bytes; the app fills them from `crypto.getRandomValues`.
    fn random_bytes(&self) -> [u8; 16];

    /// A new random (version 4) UUID in its usual hyphenated form.
    fn new_id(&self) -> String {
        uuid::Builder::from_random_bytes(self.random_bytes())
            .into_uuid()
            .hyphenated()
            .to_string()
    }
}

/// A deterministic environment: a fixed clock that ticks one millisecond per
/// call and a seeded generator. Used by tests and by the demo data generator.
pub struct SeededEnv {
    now: std::cell::Cell<i64>,
    rng: std::cell::RefCell<SplitMix64>,
}

impl SeededEnv {
    pub fn new(seed: u64, start_ms: i64) -> Self {
        Self {
            now: std::cell::Cell::new(start_ms),
            rng: std::cell::RefCell::new(SplitMix64(seed)),
        }
    }
}

impl Env for SeededEnv {
    fn now_ms(&self) -> i64 {
        let t = self.now.get();
        self.now.set(t + 1);
        t
    }

    fn random_bytes(&self) -> [u8; 16] {
        let mut rng = self.rng.borrow_mut();
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&rng.next_u64().to_le_bytes());
        out
    }
}

/// SplitMix64: tiny, fast and good enough for demo data and test ids.
/// Not for anything secret.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the tiny modulo bias does not matter here.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_v4_and_deterministic_per_seed() {
        let a = SeededEnv::new(7, 0);
        let b = SeededEnv::new(7, 0);
        let id = a.new_id();
        assert_eq!(id, b.new_id());
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4", "version nibble");
        assert_ne!(id, a.new_id());
    }

    #[test]
    fn clock_ticks() {
        let e = SeededEnv::new(1, 1000);
        assert_eq!(e.now_ms(), 1000);
        assert_eq!(e.now_ms(), 1001);
    }
}
