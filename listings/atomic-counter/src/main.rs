//! One counter three ways: `fetch_add`, a `Mutex`, and a `compare_exchange_weak` loop.
//!
//! Notice: a plain `u64` cannot be shared mutably between threads at all (the compiler
//! refuses), so the data race Go allows is not an option. `fetch_add` is one
//! indivisible read-modify-write. `compare_exchange` writes only if the value is still
//! the one we read, so a loop around it enforces a rule (never sell more than 2500
//! tickets) without a lock. `Relaxed` is enough for these counters: nothing else is
//! published through them, and joining the threads makes the final values visible.

use std::thread;

// The lesson test compiles this file against `loom`, which runs `count` and `buy` under
// every interleaving of their threads.
#[cfg(test)]
use loom::sync::{Mutex, atomic::AtomicU64, atomic::Ordering::Relaxed};
#[cfg(not(test))]
use std::sync::{Mutex, atomic::AtomicU64, atomic::Ordering::Relaxed};

const WORKERS: usize = 4;
const PER_WORKER: u64 = 100_000;
const TICKETS: u64 = 2500;

/// Adds `times` to both counters, one at a time.
pub fn count(atomic_count: &AtomicU64, mutex_count: &Mutex<u64>, times: u64) {
    for _ in 0..times {
        atomic_count.fetch_add(1, Relaxed);
        *mutex_count
            .lock()
            .expect("no thread panics holding the lock") += 1;
    }
}

/// Tries to buy `tries` tickets, one at a time, while fewer than `stock` are sold.
pub fn buy(sold: &AtomicU64, refused: &AtomicU64, tries: u32, stock: u64) {
    for _ in 0..tries {
        let mut n = sold.load(Relaxed);
        loop {
            if n == stock {
                refused.fetch_add(1, Relaxed);
                break;
            }
            match sold.compare_exchange_weak(n, n + 1, Relaxed, Relaxed) {
                Ok(_) => break,              // nobody changed it between our load and our swap
                Err(current) => n = current, // somebody else did: retry from there
            }
        }
    }
}

fn main() {
    let atomic_count = AtomicU64::new(0);
    let mutex_count = Mutex::new(0u64);
    let (sold, refused) = (AtomicU64::new(0), AtomicU64::new(0));

    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| count(&atomic_count, &mutex_count, PER_WORKER));
            // each worker tries to buy 1000 tickets
            s.spawn(|| buy(&sold, &refused, 1000, TICKETS));
        }
    });

    let mutex_count = mutex_count
        .into_inner()
        .expect("no thread panicked holding the lock");
    println!("atomic add:       {}", atomic_count.into_inner());
    println!("mutex:            {mutex_count}");
    println!(
        "compare-and-swap: {} tickets sold, {} refused",
        sold.into_inner(),
        refused.into_inner()
    );
}
