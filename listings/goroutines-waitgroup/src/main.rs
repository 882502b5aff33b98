//! Five workers run at once; `main` waits for all of them before it prints its last line.
//!
//! Notice: `thread::scope` does the job of Go's `sync.WaitGroup`. Every thread spawned
//! inside the scope is joined before `scope` returns, so there is no counter to keep
//! right: no `Add` to forget, no `Done` to miss, no `&wg` to pass around.
//! (`crossbeam::sync::WaitGroup` is the word-for-word translation; see fork-join.)

use std::thread;
use std::time::Duration;

fn worker(id: u32) {
    println!("Worker {id} starting");
    // The original sleeps one second; a tenth keeps the proportions and the tests fast.
    thread::sleep(Duration::from_millis(100));
    println!("Worker {id} done");
}

fn main() {
    thread::scope(|s| {
        for id in 1..=5 {
            s.spawn(move || worker(id));
        }
    }); // every worker has finished here: this is `wg.Wait()`
    println!("All workers done");
}
