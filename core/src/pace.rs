//! Long computations give the thread back now and then: in the browser they
//! run on the main thread, where a task over 50 ms delays taps and paints.
//! A computation calls [`Pace::breathe`] every millisecond or two of its
//! work; the browser's pace yields when its time slice is used up, the
//! host's never does.

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
