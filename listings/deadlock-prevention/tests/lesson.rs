//! Rule 1 prevents the deadlock even when the two transfers really run at the same moment, and
//! rule 4 bounds a wait: the timeout waits its whole patience before it gives up (timed here in
//! the process, where no pipe or scheduler can shorten what is measured).

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, TryLockError};
use std::thread;
use std::time::{Duration, Instant};

#[path = "../src/main.rs"]
#[allow(dead_code)] // `main` and the other rules are not used here
mod listing;

use listing::{Account, timeout, transfer};

#[test]
fn the_timeout_waits_its_patience_then_gives_up() {
    let start = Instant::now();
    let said = timeout();
    let took = start.elapsed();
    assert!(said.starts_with("no reply within 100ms"), "{said}");
    assert!(took >= Duration::from_millis(100), "gave up after {took:?}");
}

/// Rule 1's invariant, observed: while the lower-id lock is held, no transfer, whichever way
/// it goes, takes the higher-id one, so no thread can hold one lock of the pair while it waits
/// for the other. The test holds A's lock and starts a transfer each way; for 200 ms after
/// both have started it checks that B stays free; then it lets A go and both transfers finish.
/// (Two threads racing in a loop, as the program does, rarely meet at the moment that
/// deadlocks: one can finish its transfers before the other starts. Holding the lock here
/// makes the moment last.) A correct order cannot fail this; a wrong one is caught unless a
/// thread is kept off the CPU for the whole 200 ms.
/// Breakage tried: `transfer` locks `from` first whichever way the money goes (the order
/// reversed in one direction) -> fails ("B was locked while the test held A"), 20 runs of 20.
#[test]
fn lock_ordering_takes_the_lower_id_first_both_ways() {
    let (a, b) = (
        Arc::new(Account::new(1, 100)),
        Arc::new(Account::new(2, 100)),
    );
    let (started_tx, started) = mpsc::channel();
    let (done_tx, done) = mpsc::channel();
    let held = a.lock();
    for (from, to) in [(&a, &b), (&b, &a)] {
        let (from, to) = (Arc::clone(from), Arc::clone(to));
        let (started_tx, done_tx) = (started_tx.clone(), done_tx.clone());
        // Not scoped: with a wrong order these threads deadlock, and the test must not wait.
        thread::spawn(move || {
            started_tx.send(()).ok();
            transfer(&from, &to, 1);
            done_tx.send(()).ok();
        });
    }
    drop(done_tx);
    for _ in 0..2 {
        started.recv().expect("a transfer thread started");
    }
    let watch = Instant::now();
    while watch.elapsed() < Duration::from_millis(200) {
        assert!(
            !matches!(b.balance.try_lock(), Err(TryLockError::WouldBlock)),
            "B was locked while the test held A: a transfer took the higher id first"
        );
        thread::yield_now();
    }
    drop(held);
    for _ in 0..2 {
        match done.recv_timeout(Duration::from_secs(20)) {
            Ok(()) => {}
            Err(RecvTimeoutError::Timeout) => panic!("the transfers deadlocked (20 s)"),
            Err(RecvTimeoutError::Disconnected) => panic!("a transfer panicked"),
        }
    }
    assert_eq!((*a.lock(), *b.lock()), (100, 100));
}
