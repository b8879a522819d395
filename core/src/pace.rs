//! Long computations give the thread back now and then: in the browser they
//! run on the main thread, where a task over 50 ms delays taps and paints.
//! A computation calls [`Pace::breathe`] between pieces of its work, each a
//! few milliseconds at most at 50,000 customers; the browser's pace yields
//! when its time slice is used up, the host's never does.

use std::future::Future;

pub trait Pace {
    /// A point where the computation may be paused; cheap when it is not.
    fn breathe(&self) -> impl Future<Output = ()>;
}

/// Runs straight through: tests, examples and anything off the main thread.
pub struct Unpaced;

impl Pace for Unpaced {
    async fn breathe(&self) {}
}
