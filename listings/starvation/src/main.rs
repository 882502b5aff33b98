//! Two workers share one lock and the same kind of work: units of 1 ms that need the lock.
//! The greedy worker takes the lock once for three units; the polite worker takes it for one
//! unit at a time. Both run for the same 200 ms, and the lock serves them in turn.
//!
//! Notice: neither worker is ever blocked for good, and the lock gives them turns fairly,
//! yet the greedy one gets three times as much done. The polite worker is starved by the
//! other's policy, not by a bug: holding a lock longer than the critical section needs is
//! what makes a worker greedy. The turns are fair because `tokio::sync::Mutex` queues its
//! waiters first come, first served. `std::sync::Mutex` promises no fairness: a thread that
//! unlocks and locks again at once usually gets the lock back, and can starve the other
//! worker outright.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::{Instant, sleep};

const UNIT: Duration = Duration::from_millis(1);
const RUN_FOR: Duration = Duration::from_millis(200);

/// Works until `RUN_FOR` is over, holding `lock` for `per_turn` units at a time, and returns
/// how many units it did.
async fn worker(lock: &Mutex<()>, per_turn: u32) -> u32 {
    let start = Instant::now();
    let mut units = 0;
    while start.elapsed() < RUN_FOR {
        let _turn = lock.lock().await; // waits behind the other worker, if it is queued
        sleep(per_turn * UNIT).await; // the work that needs the lock
        units += per_turn;
        // `_turn` is dropped here, and the lock goes to the worker that has waited longest.
    }
    units
}

#[tokio::main]
async fn main() {
    let lock = Mutex::new(());
    let (greedy, polite) = tokio::join!(worker(&lock, 3), worker(&lock, 1));
    println!("greedy worker: {greedy} units of work");
    println!("polite worker: {polite} units of work");
    println!(
        "greedy did more than twice the work of polite: {}",
        greedy > 2 * polite
    );
}
