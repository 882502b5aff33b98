//! The original's second try: sleep before the check, and hope the thread has run by then.
//!
//! Notice: the sleep makes the bad order (check before increment) rarer, not impossible. It
//! is a guess about the scheduler, and a loaded machine can make the guess wrong. Waiting
//! on a channel is not a guess: the receive happens after the send, so the check sees 1.
//! The last two lines make the thread slow to start (it waits 10 ms before its increment,
//! as on a busy machine): the 1 ms guess now loses almost every time; the channel still never.
//!
//! With a plain `i32` this program would not compile (the same borrow error as in the
//! `race-condition` listing), so `data` is an atomic: that removes the *data race* and
//! leaves the *race condition*, which is about order. Rust rules out the first, not the second.

use std::sync::atomic::{AtomicI32, Ordering};
use std::thread;
use std::time::Duration;

use crossbeam::channel;

const RUNS: usize = 200;
/// Runs with a thread that is slow to start, and how slow.
const SLOW_RUNS: usize = 10;
const SLOW_START: Duration = Duration::from_millis(10);

#[derive(Clone, Copy)]
enum Wait {
    Nothing,
    Sleep,
    Channel,
}

/// Runs the original's code once, the thread starting after `delay`, and reports whether the
/// check saw 0.
fn check_saw_zero(wait: Wait, delay: Duration) -> anyhow::Result<bool> {
    let data = AtomicI32::new(0);
    let (done_tx, done_rx) = channel::bounded(1);
    thread::scope(|s| {
        s.spawn(|| {
            thread::sleep(delay); // a thread slow to start (no sleep at all for 0)
            data.fetch_add(1, Ordering::Relaxed); // 1
            done_tx.send(()).ok();
        });
        match wait {
            Wait::Nothing => {}
            Wait::Sleep => thread::sleep(Duration::from_millis(1)), // 1 s in the original
            Wait::Channel => done_rx.recv()?,
        }
        Ok(data.load(Ordering::Relaxed) == 0) // 2
    }) // the scope joins the thread before the next run
}

fn count_zeros(wait: Wait, runs: usize, delay: Duration) -> anyhow::Result<usize> {
    let mut zeros = 0;
    for _ in 0..runs {
        zeros += usize::from(check_saw_zero(wait, delay)?);
    }
    Ok(zeros)
}

fn main() -> anyhow::Result<()> {
    let now = Duration::ZERO;
    let no_sleep = count_zeros(Wait::Nothing, RUNS, now)?;
    println!("no sleep:   the check saw 0 in {no_sleep} of {RUNS} runs");
    let sleep = count_zeros(Wait::Sleep, RUNS, now)?;
    println!("1 ms sleep: the check saw 0 in {sleep} of {RUNS} runs");
    println!("the sleep made the bad order rarer: {}", sleep < no_sleep);
    let channel = count_zeros(Wait::Channel, RUNS, now)?;
    println!("channel:    the check saw 0 in {channel} of {RUNS} runs");

    println!(
        "now the thread is slow to start ({} ms):",
        SLOW_START.as_millis()
    );
    let sleep = count_zeros(Wait::Sleep, SLOW_RUNS, SLOW_START)?;
    println!("1 ms sleep: the check saw 0 in {sleep} of {SLOW_RUNS} runs");
    let channel = count_zeros(Wait::Channel, SLOW_RUNS, SLOW_START)?;
    println!("channel:    the check saw 0 in {channel} of {SLOW_RUNS} runs");
    Ok(())
}
