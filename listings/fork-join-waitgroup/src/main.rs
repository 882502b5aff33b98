//! Fork-join, word for word: `crossbeam::sync::WaitGroup` is Go's `sync.WaitGroup`.
//!
//! Notice: there is no `Add` and no `Done`. Cloning the `WaitGroup` counts one more
//! worker, and dropping a clone is `Done`, so a worker cannot forget it, not even when it
//! panics. `std::thread::scope` (see goroutines-waitgroup) is still the idiomatic join:
//! it waits *and* joins the threads, so it needs neither a counter nor handles.

use std::thread;
use std::time::Duration;

use crossbeam::sync::WaitGroup;

/// Simulates some work; `_done` is this worker's share of the wait group.
fn worker(id: u32, _done: WaitGroup) {
    println!("Worker {id} started");
    thread::sleep(Duration::from_millis(100)); // the work: long enough that all five overlap
    println!("Worker {id} finished");
} // `_done` is dropped here: this is `defer wg.Done()`

fn main() -> anyhow::Result<()> {
    let wg = WaitGroup::new();

    // Fork: each thread takes its own clone of the wait group.
    let handles: Vec<_> = (1..=5)
        .map(|id| {
            let done = wg.clone();
            thread::spawn(move || worker(id, done))
        })
        .collect();

    // Join: block until every clone has been dropped. `wait` consumes main's `wg`,
    // so this handle cannot be waited on twice.
    wg.wait();

    // The wait group says the work is done; joining also reaps the threads and
    // turns a worker's panic into an error here instead of losing it.
    for handle in handles {
        handle
            .join()
            .map_err(|_| anyhow::anyhow!("a worker panicked"))?;
    }

    println!("All workers finished, continue main flow...");
    Ok(())
}
