//! The original's race: one thread runs `data += 1` (1) while `main` checks `data == 0` (2) and
//! prints it (3). Nothing orders 1 against 2 and 3, so each run picks one of three orders.
//!
//! Notice: the racy program does not compile in Rust (see `compile-fail/shared-data.rs`).
//! To look at each order, this program *forces* it: a channel hands the thread its turn and
//! another reports back, so every order is deliberate and every run prints the same thing.
//! Then the fix: read `data` only after the thread that writes it has been joined.

use std::sync::atomic::{AtomicI32, Ordering};
use std::thread;

use crossbeam::channel;

/// Runs the original's three steps in the given order and returns what step 3 printed, if anything.
/// (`pub` so that `tests/lesson.rs` can replay each order many times.)
pub fn replay(order: [u8; 3]) -> anyhow::Result<Option<String>> {
    // Main and the thread both touch `data`, so it must be a type that may be shared. The
    // channels order the accesses, which is why `Relaxed` is enough.
    let data = AtomicI32::new(0);
    let (turn_tx, turn_rx) = channel::bounded::<()>(0); // main hands the thread its turn ...
    let (done_tx, done_rx) = channel::bounded::<()>(0); // ... and waits until it is done

    thread::scope(|s| {
        // Owned by this closure, so that an early return closes the channel and ends the thread.
        let turn_tx = turn_tx;
        s.spawn(|| {
            if turn_rx.recv().is_ok() {
                data.fetch_add(1, Ordering::Relaxed); // 1
                done_tx.send(()).ok();
            }
        });

        let mut saw_zero = false;
        let mut printed = None;
        for step in order {
            match step {
                1 => {
                    turn_tx.send(())?;
                    done_rx.recv()?;
                }
                2 => saw_zero = data.load(Ordering::Relaxed) == 0,
                3 if saw_zero => {
                    printed = Some(format!("the value is {}", data.load(Ordering::Relaxed)));
                }
                _ => {} // step 3 when step 2 saw 1: the `if` skips the print
            }
        }
        Ok(printed)
    })
}

fn main() -> anyhow::Result<()> {
    // The three orders the original lists.
    for order in [[2, 3, 1], [1, 2, 3], [2, 1, 3]] {
        let [a, b, c] = order;
        match replay(order)? {
            Some(line) => println!("order {a} {b} {c}: prints \"{line}\""),
            None => println!("order {a} {b} {c}: prints nothing"),
        }
    }

    // The fix: the thread's mutable borrow of `data` ends with the scope, which joins the
    // thread, so the compiler lets `main` read `data` only afterwards.
    let mut data = 0;
    thread::scope(|s| {
        s.spawn(|| data += 1); // 1
    });
    println!("joined first: data is {data}, every time");
    Ok(())
}
