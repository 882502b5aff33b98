//! Two workers each need both locks. Worker 1 takes A, then B; worker 2 takes B, then A. A
//! barrier lets each take its first lock before either asks for its second: a deadlock,
//! every run.
//!
//! Notice: `lock()` would wait for ever here, and nothing would say so. To watch the
//! deadlock without hanging, the second lock is tried until a deadline and then given up
//! (`parking_lot::Mutex::try_lock_for` does this in production). The fix is one global
//! order: every worker takes A before B, so no cycle of waiting can form, and plain
//! `lock()` is safe.

use std::sync::{Barrier, Mutex, MutexGuard, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

pub const PATIENCE: Duration = Duration::from_millis(50);
const ROUNDS: u32 = 1000;

pub struct Lock {
    name: &'static str,
    count: Mutex<u32>,
}

impl Lock {
    pub fn new(name: &'static str) -> Self {
        Lock {
            name,
            count: Mutex::new(0),
        }
    }

    fn lock(&self) -> MutexGuard<'_, u32> {
        self.count.lock().expect("no thread panics holding a lock")
    }

    /// Tries the lock until `patience` runs out: `None` means we gave up.
    fn lock_within(&self, patience: Duration) -> Option<MutexGuard<'_, u32>> {
        let deadline = Instant::now() + patience;
        loop {
            match self.count.try_lock() {
                Ok(guard) => return Some(guard),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    thread::sleep(Duration::from_millis(1));
                }
                Err(TryLockError::WouldBlock) => return None,
                Err(TryLockError::Poisoned(_)) => panic!("a thread panicked holding a lock"),
            }
        }
    }
}

/// What a worker says when it is done. (`pub`, like the items `tests/lesson.rs` uses.)
pub struct Report {
    line: String,
    pub gave_up: bool,
}

/// Takes `first`, waits until the other worker holds its first lock, then tries `second`.
pub fn opposite_orders(
    first: &Lock,
    second: &Lock,
    both_hold: &Barrier,
    both_tried: &Barrier,
) -> Report {
    let mut one = first.lock();
    both_hold.wait();
    let report = match second.lock_within(PATIENCE) {
        Some(mut two) => {
            *one += 1;
            *two += 1;
            let line = format!("took {} then {}", first.name, second.name);
            Report {
                line,
                gave_up: false,
            }
        }
        None => {
            let line = format!(
                "holds {}, waited {PATIENCE:?} for {}, gave up",
                first.name, second.name
            );
            Report {
                line,
                gave_up: true,
            }
        }
    };
    // Hold `first` until the other worker has given up too, so that each gives up every run.
    both_tried.wait();
    report
}

/// Takes `a` then `b`, `ROUNDS` times: the same order as every other worker.
fn one_order(a: &Lock, b: &Lock) -> Report {
    for _ in 0..ROUNDS {
        let mut one = a.lock();
        let mut two = b.lock();
        *one += 1;
        *two += 1;
    }
    let line = format!("{ROUNDS} times {} then {}", a.name, b.name);
    Report {
        line,
        gave_up: false,
    }
}

/// Runs two workers at once and returns what each says, worker 1's first.
pub fn two_workers(
    worker_1: impl FnOnce() -> Report + Send,
    worker_2: impl FnOnce() -> Report + Send,
) -> anyhow::Result<[Report; 2]> {
    thread::scope(|s| {
        let w1 = s.spawn(worker_1);
        let w2 = s.spawn(worker_2);
        let join = |h: thread::ScopedJoinHandle<'_, Report>| {
            h.join().map_err(|_| anyhow::anyhow!("a worker panicked"))
        };
        Ok([join(w1)?, join(w2)?])
    })
}

fn main() -> anyhow::Result<()> {
    let (a, b) = (Lock::new("A"), Lock::new("B"));

    println!("opposite orders:");
    let (both_hold, both_tried) = (Barrier::new(2), Barrier::new(2));
    let said = two_workers(
        || opposite_orders(&a, &b, &both_hold, &both_tried),
        || opposite_orders(&b, &a, &both_hold, &both_tried),
    )?;
    for (n, report) in [1, 2].into_iter().zip(&said) {
        println!("  worker {n}: {}", report.line);
    }
    if said.iter().all(|report| report.gave_up) {
        println!("  deadlock: each held the lock the other needed");
    }

    println!("one global order (A before B):");
    let said = two_workers(|| one_order(&a, &b), || one_order(&a, &b))?;
    for (n, report) in [1, 2].into_iter().zip(&said) {
        println!("  worker {n}: {}", report.line);
    }
    println!("  A = {}, B = {}", *a.lock(), *b.lock());
    Ok(())
}
