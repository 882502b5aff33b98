//! One counter three ways: `fetch_add`, a `Mutex`, and a `compare_exchange_weak` loop.
//!
//! Notice: a plain `u64` cannot be shared mutably between threads at all (the compiler
//! refuses), so the data race Go allows is not an option. `fetch_add` is one
//! indivisible read-modify-write. `compare_exchange` writes only if the value is still
//! the one we read, so a loop around it enforces a rule (never sell more than 2500
//! tickets) without a lock. `Relaxed` is enough for these counters: nothing else is
//! published through them, and joining the threads makes the final values visible.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

const WORKERS: usize = 4;
const PER_WORKER: u64 = 100_000;
const TICKETS: u64 = 2500;

fn main() {
    let atomic_count = AtomicU64::new(0);
    let mutex_count = Mutex::new(0u64);
    let (sold, refused) = (AtomicU64::new(0), AtomicU64::new(0));

    thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| {
                for _ in 0..PER_WORKER {
                    atomic_count.fetch_add(1, Relaxed);
                    *mutex_count
                        .lock()
                        .expect("no thread panics holding the lock") += 1;
                }
            });
            s.spawn(|| {
                for _ in 0..1000 {
                    // each worker tries to buy 1000 tickets
                    let mut n = sold.load(Relaxed);
                    loop {
                        if n == TICKETS {
                            refused.fetch_add(1, Relaxed);
                            break;
                        }
                        match sold.compare_exchange_weak(n, n + 1, Relaxed, Relaxed) {
                            Ok(_) => break,              // nobody changed it between our load and our swap
                            Err(current) => n = current, // somebody else did: retry from there
                        }
                    }
                }
            });
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
