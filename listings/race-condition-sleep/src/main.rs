//! The note's second try: sleep before the check, and hope the thread has run by then.
//!
//! Notice: the sleep makes the bad order (check before increment) rarer, not impossible. It
//! is a guess about the scheduler, and a loaded machine can make the guess wrong. Waiting
//! on a channel is not a guess: the receive happens after the send, so the check sees 1.
//!
//! With a plain `i32` this program would not compile (the same borrow error as in the
//! `race-condition` listing), so `data` is an atomic: that removes the *data race* and
//! leaves the *race condition*, which is about order. Rust rules out the first, not the second.

use std::sync::atomic::{AtomicI32, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam::channel;

const RUNS: usize = 200;

#[derive(Clone, Copy)]
enum Wait {
    Nothing,
    Sleep,
    Channel,
}

/// Runs the note's code once and reports whether the check saw 0.
fn check_saw_zero(wait: Wait) -> anyhow::Result<bool> {
    let data = AtomicI32::new(0);
    let (done_tx, done_rx) = channel::bounded(1);
    thread::scope(|s| {
        s.spawn(|| {
            data.fetch_add(1, Ordering::Relaxed); // 1
            done_tx.send(()).ok();
        });
        match wait {
            Wait::Nothing => {}
            Wait::Sleep => thread::sleep(Duration::from_millis(1)), // 1 s in the note
            Wait::Channel => done_rx.recv()?,
        }
        Ok(data.load(Ordering::Relaxed) == 0) // 2
    }) // the scope joins the thread before the next run
}

fn count_zeros(wait: Wait) -> anyhow::Result<usize> {
    let mut zeros = 0;
    for _ in 0..RUNS {
        zeros += usize::from(check_saw_zero(wait)?);
    }
    Ok(zeros)
}

fn main() -> anyhow::Result<()> {
    let no_sleep = count_zeros(Wait::Nothing)?;
    println!("no sleep:   the check saw 0 in {no_sleep} of {RUNS} runs");
    let sleep = count_zeros(Wait::Sleep)?;
    println!("1 ms sleep: the check saw 0 in {sleep} of {RUNS} runs");
    println!("the sleep made the bad order rarer: {}", sleep < no_sleep);
    let channel = count_zeros(Wait::Channel)?;
    println!("channel:    the check saw 0 in {channel} of {RUNS} runs");
    Ok(())
}
