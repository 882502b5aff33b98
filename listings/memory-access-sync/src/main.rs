//! Threads that add to one counter must take turns with it: that is memory access
//! synchronization, and the code that must take turns is the critical section.
//!
//! Notice: `count += 1` is two steps, a read and a write. Two threads that interleave them
//! lose an update; a `Barrier` forces that here, so it happens every run. In Go the mutex sits
//! beside the data and nothing stops code from touching the data without it; in Rust the
//! `Mutex<u64>` owns the count, `lock()` is the only way to it, and the guard unlocks when it is
//! dropped. For a single number, `AtomicU64::fetch_add` does the read and the write as one step,
//! without a lock.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

pub const THREADS: usize = 4;
pub const ADDS: usize = 10_000;

/// Two threads each read the count, wait until both have read, then write back read + 1.
/// (An atomic load and store, so that Rust accepts it: no data race, still a race condition.)
fn lost_update() -> u64 {
    let count = AtomicU64::new(0);
    let both_read = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let seen = count.load(Ordering::Relaxed); // read
                both_read.wait();
                count.store(seen + 1, Ordering::Relaxed); // write
            });
        }
    });
    count.into_inner()
}

/// Runs `add` `ADDS` times on each of `THREADS` threads, all starting at the same moment so
/// that they really contend (without the barrier, one thread may finish before the next starts).
fn contend(add: impl Fn() + Sync) {
    let start = Barrier::new(THREADS);
    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                start.wait();
                for _ in 0..ADDS {
                    add();
                }
            });
        }
    });
}

/// (`pub`, like `with_atomic`, so that `tests/lesson.rs` can run it many times.)
pub fn with_mutex() -> u64 {
    let count = Mutex::new(0);
    contend(|| *count.lock().expect("no thread panics holding the lock") += 1); // critical section
    count
        .into_inner()
        .expect("no thread panicked holding the lock")
}

pub fn with_atomic() -> u64 {
    let count = AtomicU64::new(0);
    // Relaxed is enough: nothing else is ordered by the count, and joining the threads at the
    // end of the scope makes every add visible to `main`.
    contend(|| {
        count.fetch_add(1, Ordering::Relaxed);
    });
    count.into_inner()
}

fn main() {
    println!(
        "read, then write, interleaved: 2 adds, count = {}",
        lost_update()
    );
    let want = THREADS * ADDS;
    println!("Mutex:     {want} adds, count = {}", with_mutex());
    println!("atomic:    {want} adds, count = {}", with_atomic());
}
