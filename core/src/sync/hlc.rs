//! Hybrid logical clock: stamps that follow the wall clock while it behaves,
//! yet only ever grow when it jumps back or another device's clock runs
//! ahead, so "the later edit wins" means the same thing on every device.

use serde::de::{self, Deserializer, Unexpected};
use serde::{Deserialize, Serialize, Serializer};

/// Digits of the wall time and of the counter in an encoded stamp: enough for
/// every non-negative `i64` and every `u32`, so the width is truly fixed and
/// comparing encoded stamps as strings compares the stamps.
const WALL_DIGITS: usize = 19;
const COUNTER_DIGITS: usize = 10;

/// A hybrid logical clock stamp. Totally ordered: by wall time, then counter,
/// then device, so stamps from two devices are never equal.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// Milliseconds since the Unix epoch. Never negative: a clock starts at 0
    /// and [`Stamp::decode`] refuses a sign, which would break the string order.
    pub wall_ms: i64,
    /// Orders events in the same millisecond, or while the wall clock runs
    /// behind the last stamp seen.
    pub counter: u32,
    /// The device that issued the stamp: the final tie-break.
    pub device: String,
}

impl Stamp {
    /// `0000001732000000000-0000000005-dev-1`: zero-padded fixed-width wall
    /// time and counter, so string order is stamp order (CouchDB views and
    /// plain string sorts can order by it); the device last, as it may
    /// contain '-'.
    pub fn encode(&self) -> String {
        format!("{:019}-{:010}-{}", self.wall_ms, self.counter, self.device)
    }

    /// The stamp [`Stamp::encode`] wrote; `None` for anything else, so each
    /// stamp has exactly one encoding.
    pub fn decode(s: &str) -> Option<Stamp> {
        let mut parts = s.splitn(3, '-');
        let wall_ms = digits(parts.next()?, WALL_DIGITS)?.parse().ok()?;
        let counter = digits(parts.next()?, COUNTER_DIGITS)?.parse().ok()?;
        let device = parts.next()?.to_owned();
        Some(Stamp {
            wall_ms,
            counter,
            device,
        })
    }
}

/// `s` if it is exactly `width` ASCII digits (`parse` alone would take a sign).
fn digits(s: &str, width: usize) -> Option<&str> {
    (s.len() == width && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

/// Stored and synced as the encoded string, which sorts like the stamp.
impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Stamp::decode(&s)
            .ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&s), &"a clock stamp"))
    }
}

/// A device's clock: every stamp it issues is greater than every stamp it
/// issued or observed before, whatever the wall clock does.
#[derive(Clone, Debug)]
pub struct Clock {
    device: String,
    last: Stamp,
}

impl Clock {
    pub fn new(device: &str) -> Clock {
        Clock::resume(device, Stamp::default())
    }

    /// Restored from the last stamp persisted (see [`Clock::last`]), so a
    /// reload never goes back.
    pub fn resume(device: &str, last: Stamp) -> Clock {
        Clock {
            device: device.to_owned(),
            last,
        }
    }

    /// A new stamp at wall time `wall_ms`: that time if it is past the last
    /// stamp's, else the last stamp's time with the counter bumped.
    pub fn now(&mut self, wall_ms: i64) -> Stamp {
        let (wall_ms, counter) = if wall_ms > self.last.wall_ms {
            (wall_ms, 0)
        } else {
            successor(&self.last)
        };
        self.last = Stamp {
            wall_ms,
            counter,
            device: self.device.clone(),
        };
        self.last.clone()
    }

    /// Takes in a stamp from another device so the next [`Clock::now`] is
    /// later than it: an edit made after seeing a remote edit wins over it
    /// even when this device's wall clock is behind.
    pub fn observe(&mut self, seen: &Stamp) {
        if (seen.wall_ms, seen.counter) > (self.last.wall_ms, self.last.counter) {
            self.last = Stamp {
                wall_ms: seen.wall_ms,
                counter: seen.counter,
                device: self.device.clone(),
            };
        }
    }

    /// The stamp to persist for [`Clock::resume`]: every later stamp is greater.
    pub fn last(&self) -> &Stamp {
        &self.last
    }
}

/// The wall time and counter just after `s`'s. A full counter moves the wall
/// time on a millisecond instead, so a burst of events never panics and
/// still only grows. At the very end of time (reachable only by observing a
/// bogus stamp) nothing is later, and the clock stays put.
fn successor(s: &Stamp) -> (i64, u32) {
    if s.counter < u32::MAX {
        (s.wall_ms, s.counter + 1)
    } else if s.wall_ms < i64::MAX {
        (s.wall_ms + 1, 0)
    } else {
        (s.wall_ms, s.counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stamp(wall_ms: i64, counter: u32, device: &str) -> Stamp {
        Stamp {
            wall_ms,
            counter,
            device: device.into(),
        }
    }

    /// Small ranges as well as the full one, so ties on wall time and counter
    /// (where the later fields decide) come up often.
    fn any_stamp() -> impl Strategy<Value = Stamp> {
        (
            prop_oneof![0i64..3, 0..=i64::MAX],
            prop_oneof![0u32..3, any::<u32>()],
            "[ab-]{0,3}",
        )
            .prop_map(|(wall_ms, counter, device)| Stamp {
                wall_ms,
                counter,
                device,
            })
    }

    #[test]
    fn stamps_order_by_wall_time_then_counter_then_device() {
        let mut stamps = vec![
            stamp(2, 0, "a"),
            stamp(1, 5, "b"),
            stamp(1, 5, "a"),
            stamp(1, 0, "z"),
        ];
        stamps.sort();
        assert_eq!(
            stamps,
            [
                stamp(1, 0, "z"),
                stamp(1, 5, "a"),
                stamp(1, 5, "b"),
                stamp(2, 0, "a")
            ]
        );
    }

    #[test]
    fn a_stamp_encodes_fixed_width_with_the_device_last_and_serializes_so() {
        let s = stamp(1_732_000_000_000, 5, "dev-1");
        assert_eq!(s.encode(), "0000001732000000000-0000000005-dev-1");
        assert_eq!(Stamp::decode(&s.encode()), Some(s.clone()));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"0000001732000000000-0000000005-dev-1\"");
        assert_eq!(serde_json::from_str::<Stamp>(&json).unwrap(), s);
        assert_eq!(
            Stamp::decode(&Stamp::default().encode()),
            Some(Stamp::default())
        );
    }

    #[test]
    fn anything_but_an_encoded_stamp_is_refused() {
        for bad in [
            "",
            "dev",
            "0000001732000000000-0000000005",
            "1732000000000-5-dev",
            "+000001732000000000-0000000005-dev",
            "-000001732000000000-0000000005-dev",
            "0000001732000000000-9999999999-dev",
            "9999999999999999999-0000000005-dev",
        ] {
            assert_eq!(Stamp::decode(bad), None, "{bad}");
        }
        assert!(serde_json::from_str::<Stamp>("\"dev\"").is_err());
    }

    #[test]
    fn the_clock_never_goes_back_when_the_wall_clock_does() {
        let mut clock = Clock::new("d");
        assert_eq!(clock.now(100), stamp(100, 0, "d"));
        assert_eq!(clock.now(50), stamp(100, 1, "d"));
        assert_eq!(clock.now(100), stamp(100, 2, "d"));
        assert_eq!(clock.now(101), stamp(101, 0, "d"));
        assert_eq!(clock.last(), &stamp(101, 0, "d"));
    }

    #[test]
    fn a_remote_stamp_from_the_future_makes_the_next_stamp_later_still() {
        let mut clock = Clock::new("a");
        clock.now(100);
        let seen = stamp(5_000, 7, "z");
        clock.observe(&seen);
        let next = clock.now(100);
        assert!(next > seen);
        assert_eq!(next, stamp(5_000, 8, "a"));
        clock.observe(&stamp(10, 0, "z"));
        assert_eq!(clock.now(100), stamp(5_000, 9, "a"));
    }

    #[test]
    fn a_resumed_clock_continues_after_the_persisted_stamp() {
        let mut clock = Clock::resume("d", stamp(500, 3, "d"));
        assert_eq!(clock.now(400), stamp(500, 4, "d"));
    }

    #[test]
    fn a_full_counter_moves_the_wall_time_on_instead_of_panicking() {
        let mut clock = Clock::resume("d", stamp(100, u32::MAX, "d"));
        assert_eq!(clock.now(100), stamp(101, 0, "d"));
        let end = stamp(i64::MAX, u32::MAX, "d");
        let mut clock = Clock::resume("d", end.clone());
        assert_eq!(clock.now(0), end);
    }

    proptest! {
        #[test]
        fn string_order_is_stamp_order(a in any_stamp(), b in any_stamp()) {
            prop_assert_eq!(a.cmp(&b), a.encode().cmp(&b.encode()));
            prop_assert_eq!(Stamp::decode(&a.encode()), Some(a));
        }

        #[test]
        fn every_stamp_is_later_than_all_issued_or_observed_before(
            events in prop::collection::vec((0i64..50, prop::option::of(any_stamp())), 1..30),
        ) {
            let mut clock = Clock::new("d");
            let mut latest = Stamp::default();
            for (wall_ms, seen) in events {
                if let Some(seen) = seen {
                    clock.observe(&seen);
                    latest = latest.max(seen);
                    continue;
                }
                let next = clock.now(wall_ms);
                prop_assume!(next != stamp(i64::MAX, u32::MAX, "d"));
                prop_assert!(next > latest, "{next:?} after {latest:?}");
                latest = next;
            }
        }
    }
}
