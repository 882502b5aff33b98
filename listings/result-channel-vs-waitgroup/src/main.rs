//! One value from one thread, two ways: through a channel of one, or written straight
//! into a variable that the caller reads after the join.
//!
//! Notice: the direct write needs no channel and no `WaitGroup` bookkeeping. The scoped
//! thread borrows `result` mutably, and the borrow checker lets `main` read it only after
//! the scope has joined the thread (the compile-fail case reads it too early). In Go the
//! same early read compiles and is a data race.

use std::thread;
use std::time::Duration;

use anyhow::Result;
use crossbeam::channel::bounded;

fn compute() -> u64 {
    thread::sleep(Duration::from_millis(50)); // the work
    6 * 7
}

fn main() -> Result<()> {
    // Avoid: a channel for a single value.
    let (tx, rx) = bounded(1);
    let result = thread::scope(|s| {
        s.spawn(move || tx.send(compute()));
        rx.recv()
    })?;
    println!("channel of one: {result}");

    // Better: write the result directly; the scope is the WaitGroup.
    let mut result = 0;
    thread::scope(|s| {
        s.spawn(|| result = compute()); // a direct write, no channel
    });
    println!("direct write, read after the join: {result}");
    Ok(())
}
